// The fuzzing core shared by `npm run fuzz` and the bounded fuzz test that CI runs: random programs (eslump) and
// mutations of real code, linted with the `all` and `strict` presets. A sample fails when a rule throws, when a
// fix or suggestion yields code that does not parse, or when fixing twice differs from fixing once.
import { createRequire } from 'node:module';
import { Linter } from 'eslint';
import { prng } from '../lib-prng.mjs';

export { prng };

const require = createRequire(import.meta.url);


/** eslump draws from Math.random; swap in the seeded generator while it runs. */
export function randomProgram(random, options = {}) {
  const { generateRandomJS } = require('eslump');
  const original = Math.random;
  Math.random = random;
  try {
    return generateRandomJS({ maxDepth: 6, sourceType: 'module', comments: random() < 0.3, whitespace: random() < 0.3, ...options });
  } finally {
    Math.random = original;
  }
}

const WRAPPERS = [
  (body) => `function wrapped() {\n${body}\n}\nwrapped();`,
  (body) => `document.querySelector('#b').addEventListener('click', async () => {\n${body}\n});`,
  (body) => `window.addEventListener('load', () => {\n${body}\n});`,
  (body) => `setTimeout(() => {\n${body}\n}, 100);`,
  (body) => `const express = require('express');\nconst app = express();\napp.get('/x', async (req, res) => {\n${body}\n});`,
  (body) => `export default { mounted() {\n${body}\n} };`,
  (body) => `useEffect(() => {\n${body}\n}, []);`,
];

function splitStatements(code) {
  // Top-level lines are a fair stand-in for statements: a mutation that breaks syntax is simply not counted.
  return code.split('\n');
}

/** One random mutation of real code; returns { code, filename }. */
export function mutate(code, filename, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const kind = pick(['shuffle', 'rename', 'wrap', 'await', 'ts', 'truncate', 'duplicate']);
  switch (kind) {
    case 'shuffle': {
      const lines = splitStatements(code);
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return { code: lines.join('\n'), filename, kind };
    }
    case 'rename': {
      const names = [...new Set(code.match(/\b[a-z][A-Za-z0-9]{2,}\b/gu) ?? [])];
      if (names.length === 0) return { code, filename, kind };
      const name = pick(names);
      return { code: code.replace(new RegExp(`\\b${name}\\b`, 'gu'), `${name}_${Math.floor(random() * 1000)}`), filename, kind };
    }
    case 'wrap':
      return { code: pick(WRAPPERS)(code.replace(/^(import|export) .*$/gmu, '')), filename, kind };
    case 'await':
      return { code: code.replace(/(=\s*)([a-zA-Z_$][\w$.]*\()/u, '$1await $2'), filename, kind };
    case 'ts':
      return { code: code.replace(/\b(const|let) (\w+) = /u, '$1 $2: any = '), filename: filename.replace(/\.[cm]?jsx?$/u, '.ts'), kind };
    case 'truncate': {
      const cut = Math.floor(random() * code.length);
      return { code: code.slice(0, cut), filename, kind };
    }
    default: {
      const lines = splitStatements(code);
      const index = Math.floor(random() * lines.length);
      lines.splice(index, 0, lines[index]);
      return { code: lines.join('\n'), filename, kind };
    }
  }
}

/**
 * Lints one sample with each preset. Returns { parsed, failures: [{ preset, problem, detail }] }.
 * `configs` maps a preset name to its flat-config array.
 */
export function checkSample(linter, configs, code, filename) {
  const failures = [];
  let parsed = false;
  for (const [preset, config] of Object.entries(configs)) {
    let messages;
    try {
      messages = linter.verify(code, config, { filename });
    } catch (error) {
      failures.push({ preset, problem: 'rule threw', detail: String(error?.stack ?? error).split('\n').slice(0, 4).join('\n') });
      continue;
    }
    if (messages.some((message) => message.fatal)) continue;
    parsed = true;
    for (const message of messages) {
      const edits = [];
      if (message.fix) edits.push(['fix', message.fix]);
      for (const suggestion of message.suggestions ?? []) edits.push([`suggestion "${suggestion.desc}"`, suggestion.fix]);
      for (const [what, fix] of edits) {
        const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
        const after = linter.verify(output, config.filter((entry) => !entry.rules), { filename });
        const fatal = after.find((m) => m.fatal);
        if (fatal) failures.push({ preset, problem: `${message.ruleId} ${what} does not parse`, detail: fatal.message });
      }
    }
    try {
      const once = linter.verifyAndFix(code, config, { filename });
      const twice = linter.verifyAndFix(once.output, config, { filename });
      if (twice.output !== once.output) failures.push({ preset, problem: 'fixing twice differs from fixing once', detail: '' });
    } catch (error) {
      failures.push({ preset, problem: 'rule threw while fixing', detail: String(error?.stack ?? error).split('\n').slice(0, 4).join('\n') });
    }
  }
  return { parsed, failures };
}

/** Line-based delta debugging: the smallest subset of lines that still fails the same way. */
export function minimise(linter, configs, code, filename, problem) {
  const fails = (candidate) => checkSample(linter, configs, candidate, filename).failures.some((f) => f.problem === problem);
  let lines = code.split('\n');
  let chunk = Math.max(1, Math.floor(lines.length / 2));
  while (chunk >= 1) {
    let removed = false;
    for (let start = 0; start < lines.length; start += chunk) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
      if (candidate.length > 0 && fails(candidate.join('\n'))) {
        lines = candidate;
        removed = true;
        start -= chunk;
      }
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return lines.join('\n');
}

export function createLinter() {
  return new Linter({ configType: 'flat' });
}
