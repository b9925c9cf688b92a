// `npm run bench:engines`: the CLI's two engines on the real-code corpus (scripts/corpus-restore.mjs restores it
// outside the tree), beside ESLint with no rules on the same files: wall time of whole runs (process start,
// file walk, parse, rules, report), best of N rounds, and whether both engines report the same findings. Writes
// the table into docs/oxlint.md between its markers. Benchmarks only: no test asserts a time. Kept apart from
// scripts/bench.mjs (synthetic projects, per-rule shares), which it does not import or change.
//
//   node scripts/bench-engines.mjs [--corpus DIR] [--rounds N] [--no-write]

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(os.homedir(), '.cache/wechat-oa-lint/corpus') },
    rounds: { type: 'string', default: '1' },
    'no-write': { type: 'boolean', default: false },
  },
});
const corpus = path.resolve(args.corpus);
const ROUNDS = Number(args.rounds);
if (!existsSync(corpus)) {
  console.error(`bench-engines: no corpus at ${corpus} (restore it with node scripts/corpus-restore.mjs)`);
  process.exit(2);
}
const cli = path.join(root, 'packages/cli/bin/wechat-oa-lint.js');

/** The corpus files the CLI lints, listed by the CLI itself (its walk and ignores), for the no-rules baseline. */
function cliRun(extra) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, '--preset', 'recommended', '--format', 'json', ...extra, '.'], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`wechat-oa-lint ${extra.join(' ')} failed: ${run.stderr}`);
  return { seconds, results: JSON.parse(run.stdout) };
}

/** ESLint with the preset's parsers and every rule off, over the same files, in a process of its own. */
function noRulesRun(files) {
  const eslintEntry = createRequire(path.join(root, 'packages/cli/package.json')).resolve('eslint');
  const script = `
    import { ESLint } from ${JSON.stringify(eslintEntry)};
    import plugin from ${JSON.stringify(path.join(root, 'packages/eslint-plugin/dist/index.js'))};
    import { readFileSync } from 'node:fs';
    const files = JSON.parse(readFileSync(0, 'utf8'));
    const off = Object.fromEntries(Object.keys(plugin.rules).map((id) => ['wechat-oa/' + id, 'off']));
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, { rules: off }] });
    const results = await eslint.lintFiles(files);
    const linted = results.filter((result) => !result.messages.some((message) => message.severity === 1 && /ignored/u.test(message.message)));
    process.stdout.write(String(linted.length));
  `;
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: corpus,
    input: JSON.stringify(files),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`ESLint with no rules failed: ${run.stderr}`);
  if (Number(run.stdout) !== files.length) throw new Error(`ESLint with no rules linted ${run.stdout} of ${files.length} files`);
  return { seconds };
}

function findings(results) {
  return results
    .flatMap((result) =>
      result.messages.map((m) => `${path.relative(corpus, result.filePath)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.severity} ${m.message}`),
    )
    .sort();
}

const best = { eslint: Infinity, oxlint: Infinity, none: Infinity };
let eslintResults;
let oxlintResults;
for (let round = 0; round < ROUNDS; round++) {
  const eslint = cliRun([]);
  const oxlint = cliRun(['--engine', 'oxlint']);
  const none = noRulesRun(eslint.results.map((result) => result.filePath));
  best.eslint = Math.min(best.eslint, eslint.seconds);
  best.oxlint = Math.min(best.oxlint, oxlint.seconds);
  best.none = Math.min(best.none, none.seconds);
  eslintResults = eslint.results;
  oxlintResults = oxlint.results;
  console.error(`round ${round + 1}: eslint ${eslint.seconds.toFixed(1)} s, oxlint ${oxlint.seconds.toFixed(1)} s, no rules ${none.seconds.toFixed(1)} s`);
}

const a = findings(eslintResults);
const b = findings(oxlintResults);
const onlyEslint = a.filter((line) => !b.includes(line));
const onlyOxlint = b.filter((line) => !a.includes(line));
// ESLint 10's own complaint about a disable comment that names a rule it does not know (another plugin's):
// not a finding of the rules, and oxlint does not make it (docs/oxlint.md).
const unknownRuleComment = (line) => / Definition for rule '[^']+' was not found\.$/u.test(line);
const differing = [...onlyEslint.filter((line) => !unknownRuleComment(line)), ...onlyOxlint];
const files = eslintResults.length;
const scripts = eslintResults.filter((result) => /\.(?:[cm]?[jt]s|[jt]sx)$/u.test(result.filePath)).length;
const table = [
  `Corpus: ${files} files (${scripts} JS/TS, the rest \`.vue\`/\`.html\`) in ${corpus.replace(os.homedir(), '~')}; ` +
    `\`wechat-oa-lint --preset recommended --format json\`, best of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, ` +
    `${os.cpus().length} cores (load average ${os.loadavg()[0].toFixed(1)} at the end: other work shares them), Node ${process.version}.`,
  '',
  '| Run | Seconds | Findings |',
  '| --- | ---: | ---: |',
  `| ESLint engine (default) | ${best.eslint.toFixed(1)} | ${a.length} |`,
  `| \`--engine oxlint\` | ${best.oxlint.toFixed(1)} | ${b.length} |`,
  `| ESLint, preset parsers, no rules | ${best.none.toFixed(1)} | – |`,
  '',
  `\`--engine oxlint\` is ${(best.eslint / best.oxlint).toFixed(2)}× as fast as the ESLint engine and ` +
    `${(best.none / best.oxlint).toFixed(2)}× as fast as ESLint with no rules; ` +
    (differing.length === 0
      ? 'both engines report the same findings' +
        (onlyEslint.length > 0
          ? ` (besides ${onlyEslint.length} messages of ESLint's own about disable comments that name rules of other plugins, which oxlint does not make).`
          : '.')
      : `findings differ: ${differing.length} (listed on stderr).`),
].join('\n');
console.log(table);
for (const line of onlyEslint.filter((line) => !unknownRuleComment(line)).slice(0, 20)) console.error(`ESLint only: ${line}`);
for (const line of onlyOxlint.slice(0, 20)) console.error(`oxlint only: ${line}`);

if (!args['no-write']) {
  const doc = path.join(root, 'docs/oxlint.md');
  const START = '<!-- generated: npm run bench:engines -->';
  const END = '<!-- end bench -->';
  const text = readFileSync(doc, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start >= 0 && end > start) writeFileSync(doc, `${text.slice(0, start)}${START}\n\n${table}\n\n${text.slice(end)}`);
}
