/**
 * Stress cases (SPEC §4): nesting up to the parser's own limit, very long files and expressions, a minified
 * bundle. No rule may throw on a program ESLint itself handles; the analysis must never be what fails first.
 * These are correctness tests: nothing here asserts a time.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PRESETS, withEspree, withoutRules } from './presets.js';

const linter = new Linter({ configType: 'flat' });

/** Messages, or the error thrown (a rule crash surfaces as a thrown error naming the rule). */
function lint(code: string, config: Linter.Config[], filename = 'src/stress.js'): { fatal: boolean; error?: unknown } {
  try {
    const messages = linter.verify(code, config, { filename });
    return { fatal: messages.some((message) => message.fatal) };
  } catch (error) {
    return { fatal: false, error };
  }
}

/** The deepest nesting (≤ max) at which ESLint with no rules still parses and traverses the program. */
function eslintLimit(build: (depth: number) => string, config: Linter.Config[], max = 4000): number {
  let low = 1;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const result = lint(build(middle), withoutRules(config));
    if (!result.fatal && !result.error) low = middle;
    else high = middle - 1;
  }
  return low;
}

const NESTINGS: Record<string, (depth: number) => string> = {
  'parenthesised expression': (d) => `location.href = ${'('.repeat(d)}'https://a.example/'${')'.repeat(d)};`,
  'nested functions': (d) => `${'function f() {'.repeat(d)} location.href = 'https://a.example/'; ${'}'.repeat(d)}`,
  'nested blocks': (d) => `${'{'.repeat(d)} window.location = 'https://a.example/'; ${'}'.repeat(d)}`,
  'nested arrow callbacks': (d) =>
    `${'setTimeout(() => '.repeat(d)}fetch('http://api.weixin.qq.com/cgi-bin/user/info?openid=' + openid)${')'.repeat(d)};`,
  'nested ifs': (d) => `${'if (a) {'.repeat(d)} wx.getLocation({ success(res) { localStorage.setItem('loc', res.latitude); } }); ${'}'.repeat(d)}`,
  'nested objects': (d) => `const config = ${'{ a: '.repeat(d)}{ appSecret: 'e10adc3949ba59abbe56e057f20f883e' }${' }'.repeat(d)};`,
  'nested ternaries': (d) => `const target = ${'a ? b : '.repeat(d)}'https://a.example/'; location.replace(target);`,
  'nested awaits in async arrows': (d) =>
    `${'(async () => { await '.repeat(d)}api.sendTemplate(openid, tpl, url, { first: { value: '限时优惠' } })${' })()'.repeat(d)};`,
};

describe.each(Object.entries(PRESETS))('preset %s', (presetName, preset) => {
  describe.each([
    ['typescript-eslint parser', preset],
    ['espree', withEspree(preset)],
  ])('%s', (_parserName, config) => {
    it.each(Object.keys(NESTINGS))('%s at the limit ESLint itself reaches', (construct) => {
      const build = NESTINGS[construct];
      const limit = eslintLimit(build, config);
      expect(limit, `ESLint with no rules handles at least depth 50 of ${construct}`).toBeGreaterThanOrEqual(50);
      // At the limit itself the parser may or may not run out of stack (it depends on the stack already in use),
      // so there a parse error is acceptable and a thrown rule error is not; just below it, nothing may fail.
      expect(lint(build(limit), config).error, `${presetName} threw at depth ${limit}`).toBeUndefined();
      // Below it, with a margin for the stack the test worker already uses, the rules run to the end.
      const below = Math.floor(limit * 0.75);
      const result = lint(build(below), config);
      expect(result.error, `${presetName} threw at depth ${below}`).toBeUndefined();
      if (result.fatal) {
        // Only the parser may run out of stack, never the analysis: a parse error there must be ESLint's own.
        expect(lint(build(below), withoutRules(config)).fatal, `${presetName} at depth ${below}`).toBe(true);
      }
    });
  });

  it('10,000 sequential statements', () => {
    const code = Array.from({ length: 10_000 }, (_, index) => `const value${index} = compute(${index});`).join('\n');
    expect(lint(code, preset)).toEqual({ fatal: false });
  });

  it('a 20,000-term concatenation', () => {
    const terms = Array.from({ length: 20_000 }, (_, index) => (index % 2 ? `part${index}` : `'s${index}'`));
    const code = `const url = 'http://api.weixin.qq.com/cgi-bin/user/info?openid=' + ${terms.join(' + ')};\nfetch(url);`;
    const bare = lint(code, withoutRules(preset));
    const result = lint(code, preset);
    // Whatever ESLint itself tolerates, the rules tolerate too.
    if (!bare.error && !bare.fatal) expect(result).toEqual({ fatal: false });
    else expect(result.error).toBeUndefined();
  });

  it('a 50,000-line file', () => {
    const block = [
      "document.querySelector('#b').addEventListener('click', () => {",
      "  location.href = '/detail?id=' + encodeURIComponent(id);",
      '});',
      "const label = '分享到微信';",
      'function add(a, b) {',
      '  return a + b;',
      '}',
      '',
      '',
      '',
    ];
    const lines: string[] = [];
    for (let index = 0; lines.length < 50_000; index++) lines.push(...block.map((line) => line.replace(/\badd\b/gu, `add${index}`)));
    expect(lint(lines.join('\n'), preset)).toEqual({ fatal: false });
  });
});

describe('a 5 MB minified bundle', () => {
  it('lints with the all preset without a rule throwing', () => {
    const chunk =
      "!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}" +
      "n.m=e,n.c=t,n.d=function(e,t,r){n.o(e,t)||Object.defineProperty(e,t,{enumerable:!0,get:r})};var a=window.location.search.slice(1);" +
      "if(a)document.title='微信分享';fetch('https://api.example.com/track?u='+encodeURIComponent(a)).then(function(r){return r.json()})}([]);";
    const parts: string[] = [];
    let size = 0;
    for (let index = 0; size < 5 * 1024 * 1024; index++) {
      const part = chunk.replace(/\bt\b/gu, `t${index}`);
      parts.push(part);
      size += part.length;
    }
    const code = parts.join('');
    expect(code.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(lint(code, PRESETS.all, 'dist/bundle.js')).toEqual({ fatal: false });
    // A correctness case, not a timing: alone it takes under two minutes, but CI runs it beside every other suite
    // on two cores, where it has taken over five. Its speed is measured by npm run bench (docs/performance.md).
  }, 900_000);
});
