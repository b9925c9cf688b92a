// `npm run bench`: measures the plugin against ESLint with no rules (same parser, same files) and against
// eslint-plugin-security's recommended set, times the shared analysis as its own line, the per-rule shares, the
// scaling of one file at 1×/10×/100×, throughput, and — when the language server's benchmark exists — the server's
// latency and memory. Writes docs/performance.md. Benchmarks only: no test asserts a time.
//
//   node scripts/bench.mjs [--rounds N] [--files N] [--throughput-files N] [--skip-server] [--no-build]

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProject, scaledFile } from './bench/generate-project.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    files: { type: 'string', default: '200' },
    'throughput-files': { type: 'string', default: '2000' },
    'skip-server': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'docs/performance.md') },
  },
});
const ROUNDS = Number(args.rounds);
const FILES = Number(args.files);
const THROUGHPUT_FILES = Number(args['throughput-files']);

const pluginDist = path.join(root, 'packages/eslint-plugin/dist');
if (!args['no-build']) {
  // From a fresh clone `npm run bench` sets up and builds first, like the README's commands.
  const { installOrExit, pnpmOrExit } = await import('./pnpm.mjs');
  installOrExit();
  pnpmOrExit(['-r', '--workspace-concurrency=1', 'run', 'build'], 'Building the packages');
}
const { ESLint } = await import('eslint');
const { default: wechatOa } = await import(pathToFileURL(path.join(pluginDist, 'index.js')).href);
const { default: security } = await import('eslint-plugin-security');
const { createRule } = await import(pathToFileURL(path.join(pluginDist, 'util/createRule.js')).href);
const { getFileAnalysis } = await import(pathToFileURL(path.join(pluginDist, 'analysis/index.js')).href);

const ruleIds = Object.keys(wechatOa.rules).map((id) => `wechat-oa/${id}`);
const allOff = Object.fromEntries(ruleIds.map((id) => [id, 'off']));

/** Forces every lazily computed part of the shared analysis, so its cost shows as one line. */
const analysisProbe = createRule({
  name: 'analysis',
  meta: {
    type: 'problem',
    docs: { description: 'Builds the shared analysis (benchmark only).', descriptionZh: '构建共享分析（仅基准测试）。', clause: 'S10', recommended: false },
    messages: { never: '[S10] never reported' },
    schema: [],
  },
  messagesZh: { never: '[S10] 不会报告' },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    const force = () => {
      let proto = Object.getPrototypeOf(analysis);
      while (proto && proto !== Object.prototype) {
        for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
          if (descriptor.get) void analysis[name];
          else if (name === 'computeAll' && typeof descriptor.value === 'function') analysis.computeAll();
        }
        proto = Object.getPrototypeOf(proto);
      }
    };
    // On `Program` (enter), before any rule's listener of the traversal: otherwise the first rule that queries a
    // lazily built part (the data-flow solve, on its first CallExpression) is charged for it. Every part is built
    // from the parsed file alone (validation reads code path facts only when queried), so forcing early changes no result.
    return { Program: force };
  },
});
const probePlugin = { rules: { analysis: analysisProbe } };

const presets = {
  'ESLint, no rules': [...wechatOa.configs.recommended, { rules: allOff }],
  'wechat-oa recommended': wechatOa.configs.recommended,
  'eslint-plugin-security recommended': [
    ...wechatOa.configs.recommended,
    { rules: allOff },
    security.configs.recommended,
  ],
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeLint(config, cwd, patterns, extra = {}) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, ...extra });
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(patterns);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, results };
}

/** Alternates the configurations round by round (after one warm-up round) and returns the median of each. */
async function compare(label, cwd, patterns) {
  const names = Object.keys(presets);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  let problems = 0;
  for (let round = -1; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const { ms, results } = await timeLint(presets[name], cwd, patterns);
      if (round >= 0) samples[name].push(ms);
      if (name === 'wechat-oa recommended') problems = results.reduce((sum, r) => sum + r.messages.length, 0);
    }
  }
  const medians = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
  console.log(label, medians);
  return { label, medians, problems };
}

async function ruleShares(cwd, patterns, baselineMs) {
  const config = [
    { plugins: { bench: probePlugin }, rules: { 'bench/analysis': 'error' } },
    ...wechatOa.configs.recommended,
  ];
  const totals = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    const { results } = await timeLint(config, cwd, patterns, { stats: true });
    for (const result of results) {
      for (const pass of result.stats?.times?.passes ?? []) {
        for (const [rule, time] of Object.entries(pass.rules ?? {})) totals.set(rule, (totals.get(rule) ?? 0) + time.total);
      }
    }
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  return [...totals.entries()]
    .map(([rule, ms]) => ({
      rule: rule === 'bench/analysis' ? 'shared analysis' : rule,
      ms: ms / ROUNDS,
      share: ms / sum,
      ofBaseline: ms / ROUNDS / baselineMs,
    }))
    .sort((a, b) => b.ms - a.ms);
}

async function scaling(cwd) {
  const rows = [];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: wechatOa.configs.recommended });
  const bare = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: presets['ESLint, no rules'] });
  for (const times of [1, 10, 100]) {
    const text = scaledFile(times);
    const filePath = path.join(cwd, `web/scaled-${times}.js`);
    const samples = [];
    const bareSamples = [];
    const rounds = times === 100 ? ROUNDS : ROUNDS * 3;
    for (let round = -2; round < rounds; round++) {
      let start = process.hrtime.bigint();
      await eslint.lintText(text, { filePath });
      if (round >= 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      start = process.hrtime.bigint();
      await bare.lintText(text, { filePath });
      if (round >= 0) bareSamples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    rows.push({ times, lines: text.split('\n').length, ms: median(samples), bareMs: median(bareSamples) });
  }
  return rows;
}

async function throughput(cwd, patterns, fileCount) {
  const single = await timeLint(wechatOa.configs.recommended, cwd, patterns);
  const optionsFile = path.join(cwd, 'eslint-options.mjs');
  writeFileSync(
    optionsFile,
    `import wechatOa from ${JSON.stringify(pathToFileURL(path.join(pluginDist, 'index.js')).href)};\n` +
      `export default { overrideConfigFile: true, overrideConfig: wechatOa.configs.recommended, concurrency: 'auto' };\n`,
  );
  const parallel = await ESLint.fromOptionsModule(pathToFileURL(optionsFile));
  let start = process.hrtime.bigint();
  await parallel.lintFiles(patterns);
  const parallelMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cacheLocation = path.join(os.tmpdir(), `wechat-oa-bench-cache-${process.pid}`);
  await timeLint(wechatOa.configs.recommended, cwd, patterns, { cache: true, cacheLocation });
  const cached = await timeLint(wechatOa.configs.recommended, cwd, patterns, { cache: true, cacheLocation });
  return {
    files: fileCount,
    singleFilesPerSecond: fileCount / (single.ms / 1000),
    parallelFilesPerSecond: fileCount / (parallelMs / 1000),
    cachedMs: cached.ms,
  };
}

function countFiles(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) count += countFiles(full);
    else if (/\.(?:[cm]?[jt]sx?|vue|html)$/u.test(entry.name)) count++;
  }
  return count;
}

const pct = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
const fmt = (ms) => `${ms.toFixed(0)} ms`;

const projectDir = path.join(os.tmpdir(), 'wechat-oa-bench-project');
generateProject(projectDir, FILES);
const fixtures = path.join(root, 'test-fixtures');
const comparisons = [];
if (existsSync(fixtures) && statSync(fixtures).isDirectory() && countFiles(fixtures) > 0) comparisons.push(await compare('test-fixtures', fixtures, ['.']));
comparisons.push(await compare(`generated project (${FILES} files)`, projectDir, ['.']));
const shares = await ruleShares(projectDir, ['.'], comparisons.at(-1).medians['ESLint, no rules']);
const scale = await scaling(projectDir);
// Throughput on a larger generated project (issue 9: 2,000 files by default).
const throughputDir = path.join(os.tmpdir(), 'wechat-oa-bench-throughput');
generateProject(throughputDir, THROUGHPUT_FILES, 2);
const through = await throughput(throughputDir, ['.'], countFiles(throughputDir));

let server = null;
const serverBench = path.join(root, 'packages/language-server/bench/server-bench.mjs');
if (!args['skip-server'] && existsSync(serverBench)) {
  const module = await import(pathToFileURL(serverBench).href);
  const run = module.default ?? module.runServerBench ?? module.run;
  if (typeof run === 'function') server = await run();
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const eslintVersion = ESLint.version;
const lines = [];
lines.push('# Performance', '');
lines.push('Written by `npm run bench` (`node scripts/bench.mjs`); do not edit by hand. Medians of ' + ROUNDS +
  ' alternated rounds after one warm-up round; every configuration uses the same parser (`@typescript-eslint/parser`, JSX on) over the same files.', '');
lines.push('## Machine', '');
lines.push(`- ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`);
lines.push(`- Node ${process.version}, ESLint ${eslintVersion}, eslint-plugin-wechat-oa ${wechatOa.meta.version} (${ruleIds.length} rules), eslint-plugin-security ${security.meta?.version ?? ''}`);
lines.push(`- Command: \`node scripts/bench.mjs --rounds ${ROUNDS} --files ${FILES} --throughput-files ${THROUGHPUT_FILES}\`, ${new Date().toISOString().slice(0, 10)}`);
lines.push('', '## Preset overhead', '');
lines.push('Target (SPEC §4): `recommended` adds at most 25 % (goal 15 %) to ESLint with no rules.', '');
lines.push('| files | ESLint, no rules | wechat-oa recommended | overhead | eslint-plugin-security recommended | overhead | wechat-oa problems |');
lines.push('|---|---|---|---|---|---|---|');
for (const { label, medians, problems } of comparisons) {
  const none = medians['ESLint, no rules'];
  const ours = medians['wechat-oa recommended'];
  const peer = medians['eslint-plugin-security recommended'];
  lines.push(`| ${label} | ${fmt(none)} | ${fmt(ours)} | ${pct(ours / none - 1)} | ${fmt(peer)} | ${pct(peer / none - 1)} | ${problems} |`);
}
lines.push('', '## Shared analysis and rules', '');
lines.push('ESLint\'s per-rule stats (`stats: true`) on the generated project, with a probe rule that builds the whole shared analysis first, so the analysis is its own line rather than being charged to the first rule that asks. Target: no rule beyond the analysis over 10 % (of the no-rules run, last column).', '');
lines.push('| | time per run | share of all rule time | share of a no-rules ESLint run |', '|---|---|---|---|');
for (const { rule, ms, share, ofBaseline } of shares) {
  lines.push(`| ${rule} | ${ms.toFixed(1)} ms | ${(share * 100).toFixed(1)} % | ${(ofBaseline * 100).toFixed(1)} % |`);
}
lines.push('', '## Scaling', '');
lines.push('One realistic H5 page repeated; target: 10× the size costs at most 12× the time, 100× at most 120×.', '');
lines.push('| size | lines | recommended | ratio to 1× | no rules |', '|---|---|---|---|---|');
for (const row of scale) lines.push(`| ${row.times}× | ${row.lines} | ${fmt(row.ms)} | ${(row.ms / scale[0].ms).toFixed(1)}× | ${fmt(row.bareMs)} |`);
lines.push('', '## Throughput', '');
lines.push(`Generated project, ${through.files} files, recommended preset.`, '');
lines.push('| run | result |', '|---|---|');
lines.push(`| single thread | ${through.singleFilesPerSecond.toFixed(0)} files/s |`);
lines.push(`| \`concurrency: 'auto'\` (${os.cpus().length} cores) | ${through.parallelFilesPerSecond.toFixed(0)} files/s |`);
lines.push(`| second run with \`cache: true\` | ${fmt(through.cachedMs)} |`);
if (server) {
  lines.push('', '## Language server', '');
  if (typeof server.markdown === 'string') lines.push(server.markdown);
  else {
    lines.push('| measure | value |', '|---|---|');
    for (const [key, value] of Object.entries(server)) lines.push(`| ${key} | ${typeof value === 'number' ? value.toFixed(1) : JSON.stringify(value)} |`);
  }
}
lines.push('');
mkdirSync(path.dirname(args.out), { recursive: true });
writeFileSync(args.out, lines.join('\n'));
console.log(`wrote ${path.relative(root, args.out)}`);

