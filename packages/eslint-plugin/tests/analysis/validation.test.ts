import { describe, expect, it } from 'vitest';
import { analyze } from './harness.js';

/** For every navigation sink: is its target validated by an allowlist check that dominates it? */
function validated(code: string, settings?: Record<string, unknown>): boolean[] {
  return analyze(
    code,
    (analysis) => analysis.navigation.map((sink) => (sink.target ? analysis.validation.isValidated(sink.target, sink.node) : false)),
    { settings },
  );
}

describe('allowlist validation', () => {
  it.each([
    ['Set#has guards the branch', `const next = params.get('n');\nif (ALLOWED.has(next)) location.href = next;`, [true]],
    ['includes guards the branch', `if (['/', '/me'].includes(next)) { location.assign(next); }`, [true]],
    ['=== against a literal', `if (next === '/home' || next === '/cart') location.href = next;`, [false]],
    ['=== against a literal (single)', `if (next === '/home') location.href = next;`, [true]],
    ['indexOf !== -1', `if (LIST.indexOf(next) !== -1) location.href = next;`, [true]],
    ['early return', `function go(next) {\n  if (!ALLOWED.has(next)) return;\n  location.href = next;\n}`, [true]],
    ['early throw in a block', `function go(next) {\n  if (!ALLOWED.includes(next)) { throw new Error('bad'); }\n  location.replace(next);\n}`, [true]],
    ['negated check that falls through', `function go(next) {\n  if (!ALLOWED.has(next)) { console.warn('bad'); }\n  location.href = next;\n}`, [false]],
    ['check in the wrong branch', `if (ALLOWED.has(next)) { log(); } else { location.href = next; }`, [false]],
    ['else branch of a negated check', `if (!ALLOWED.has(next)) { log(); } else { location.href = next; }`, [true]],
    ['check and another condition', `if (ready && ALLOWED.has(next)) location.href = next;`, [true]],
    ['check or another condition does not guard', `if (ready || ALLOWED.has(next)) location.href = next;`, [false]],
    ['logical and', `ALLOWED.has(next) && location.assign(next);`, [true]],
    ['ternary', `ALLOWED.has(next) ? location.assign(next) : location.assign('/');`, [true, false]],
    ['continue in a loop', `for (const next of list) {\n  if (!ALLOWED.has(next)) continue;\n  location.assign(next);\n}`, [true]],
    ['check after the use', `location.href = next;\nif (ALLOWED.has(next)) log();`, [false]],
    ['check of another variable', `if (ALLOWED.has(other)) location.href = next;`, [false]],
    ['host of new URL checked', `const u = params.get('u');\nif (HOSTS.includes(new URL(u).hostname)) location.href = u;`, [true]],
    ['startsWith own origin', `if (next.startsWith(location.origin + '/')) location.href = next;`, [true]],
    ['startsWith a trusted URL', `if (next.startsWith('https://open.weixin.qq.com/connect/oauth2/authorize')) location.href = next;`, [true]],
    ['startsWith a slash does not validate', `if (next.startsWith('/')) location.href = next;`, [false]],
    ['startsWith a third party does not validate', `if (next.startsWith('https://evil.example/')) location.href = next;`, [false]],
    ['member chain checked on the server', `app.get('/go', (req, res) => {\n  if (!ALLOWED.has(req.query.to)) return res.sendStatus(400);\n  res.redirect(req.query.to);\n});`, [true, false].slice(0, 1)],
    ['alias of the checked value', `app.get('/go', (req, res) => {\n  const to = req.query.to;\n  if (!ALLOWED.has(to)) return res.sendStatus(400);\n  res.redirect(to);\n});`, [true]],
    ['ternary that picks the checked value', `const next = ALLOWED.has(q.next) ? q.next : '/';\nlocation.href = next;`, [false]],
    ['use inside a callback after the check', `if (ALLOWED.has(next)) { setTimeout(() => { location.href = next; }); }`, [true]],
  ])('%s', (_name, code, expected) => {
    expect(validated(code)).toEqual(expected);
  });
});

describe('validation of a value where it is taken', () => {
  it.each([
    ['consequent of a checking ternary', `const next = SAFE.has(req.query.next) ? req.query.next : '/';`, true],
    ['alternate of a checking ternary', `const next = SAFE.has(req.query.next) ? '/' : req.query.next;`, false],
    ['right of a checking &&', `const next = SAFE.includes(to) && to;`, true],
  ])('%s', (_name, code, expected) => {
    const result = analyze(code, (analysis) => {
      const declarator = analysis.nodes.ofType('VariableDeclarator')[0];
      const init = declarator.init;
      if (!init) throw new Error('no initialiser');
      const taken = init.type === 'ConditionalExpression' ? (init.consequent.type === 'MemberExpression' ? init.consequent : init.alternate) : init.type === 'LogicalExpression' ? init.right : init;
      return analysis.validation.isValidated(taken, taken);
    });
    expect(result).toBe(expected);
  });
});
