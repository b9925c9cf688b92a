// `npm run bench`: measures the plugin against ESLint with no rules (same parser, same files) and against
// eslint-plugin-security's recommended set, in the same run, on the real-code corpus (outside the work tree, put
// there by scripts/corpus-restore.mjs) and on the generated project: JavaScript/TypeScript files in the main lines,
// `.vue` and `.html` on their own lines. Then the shared model, the prefilter's hit rate and each rule as their own
// lines, threads (`--concurrency 2`), the HTML processor's cost per MB of page, the scaling of one file at
// 1×/10×/100×, and — when the language server's benchmark exists — the server's latency and memory. Writes
// docs/performance.md. Benchmarks only: no test asserts a time.
//
//   node scripts/bench.mjs [--rounds N] [--corpus DIR] [--files N] [--skip-server] [--skip-threads] [--no-build]

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProject, scaledFile } from './bench/generate-project.mjs';
import { htmlProcessorCost } from './bench/html-cost.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    corpus: { type: 'string', default: process.env.WECHAT_OA_CORPUS ?? path.join(os.homedir(), '.cache/wechat-oa-lint/corpus') },
    files: { type: 'string', default: '200' },
    'skip-server': { type: 'boolean', default: false },
    'skip-threads': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'docs/performance.md') },
  },
});
const ROUNDS = Math.max(5, Number(args.rounds));
const FILES = Number(args.files);

const pluginDist = path.join(root, 'packages/eslint-plugin/dist');
if (!args['no-build']) {
  // From a fresh clone `npm run bench` sets up and builds first, like the README's commands.
  const { installOrExit, pnpmOrExit } = await import('./pnpm.mjs');
  installOrExit();
  pnpmOrExit(['-r', '--workspace-concurrency=1', 'run', 'build'], 'Building the packages');
}
const { ESLint } = await import('eslint');
const pluginUrl = pathToFileURL(path.join(pluginDist, 'index.js')).href;
const { default: wechatOa } = await import(pluginUrl);
const { default: security } = await import('eslint-plugin-security');
const { createRule } = await import(pathToFileURL(path.join(pluginDist, 'util/createRule.js')).href);
const { getFileAnalysis } = await import(pathToFileURL(path.join(pluginDist, 'analysis/index.js')).href);
const { prefilterText } = await import(pathToFileURL(path.join(pluginDist, 'util/prefilter.js')).href);
const { ProjectModel } = await import(pathToFileURL(path.join(pluginDist, 'analysis/project/model.js')).href);
const { FileAnalysis } = await import(pathToFileURL(path.join(pluginDist, 'analysis/index.js')).href);

const ruleIds = Object.keys(wechatOa.rules).map((id) => `wechat-oa/${id}`);
const allOff = Object.fromEntries(ruleIds.map((id) => [id, 'off']));

/** Forces every lazily computed part of the shared model, so its cost shows as one line. */
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
    // from the parsed file alone (validation reads code path facts only when queried), so forcing early changes no
    // result. The probe is made by the plugin's createRule, so it passes the same prefilter gate as the rules: the
    // model is built exactly where a rule would build it.
    return { Program: force };
  },
});
const probePlugin = { rules: { analysis: analysisProbe } };

const SCRIPT_ONLY = { ignores: ['**/*.vue', '**/*.html', '**/*.htm'] };
const presets = {
  'ESLint, no rules': [...wechatOa.configs.recommended, { rules: allOff }],
  'wechat-oa recommended': wechatOa.configs.recommended,
  'eslint-plugin-security recommended': [...wechatOa.configs.recommended, { rules: allOff }, security.configs.recommended],
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeLint(config, cwd, patterns, extra = {}) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false, ...extra });
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(patterns);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, results };
}

/** The files of one line: JavaScript/TypeScript (`scripts`), or only `.vue` or `.html` pages. */
const KIND_PATTERNS = { scripts: ['.'], vue: ['**/*.vue'], html: ['**/*.html', '**/*.htm'] };
const kindConfig = (kind, config) => (kind === 'scripts' ? [...config, SCRIPT_ONLY] : config);

/** Alternates the configurations round by round (after one warm-up round) and returns the median of each. */
async function compare(label, cwd, kind) {
  const names = Object.keys(presets);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  let problems = 0;
  let files = 0;
  let bytes = 0;
  for (let round = -1; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const { ms, results } = await timeLint(kindConfig(kind, presets[name]), cwd, KIND_PATTERNS[kind]);
      if (round >= 0) samples[name].push(ms);
      if (name === 'wechat-oa recommended') {
        problems = results.reduce((sum, r) => sum + r.messages.filter((m) => m.ruleId?.startsWith('wechat-oa/')).length, 0);
        files = results.length;
        bytes = results.reduce((sum, r) => sum + statSync(r.filePath).size, 0);
      }
    }
  }
  const medians = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
  console.log(label, files, 'files', medians);
  return { label, medians, problems, files, bytes };
}

/** Per-rule and model times (ESLint's `stats`), and the prefilter's verdict on every file of the line. */
async function ruleShares(cwd, baselineMs) {
  const config = [{ plugins: { bench: probePlugin }, rules: { 'bench/analysis': 'error' } }, ...wechatOa.configs.recommended, SCRIPT_ONLY];
  const totals = new Map();
  const verdicts = { lint: 0, 'no-trigger': 0, vendored: 0 };
  // Sums of ESLint's own per-rule timers, averaged: three runs settle them (the comparisons above take medians).
  const runs = 3;
  for (let round = 0; round < runs; round++) {
    const { results } = await timeLint(config, cwd, ['.'], { stats: true });
    for (const result of results) {
      if (round === 0) verdicts[prefilterText(readFileSync(result.filePath, 'utf8')).verdict]++;
      for (const pass of result.stats?.times?.passes ?? []) {
        for (const [rule, time] of Object.entries(pass.rules ?? {})) totals.set(rule, (totals.get(rule) ?? 0) + time.total);
      }
    }
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  const rows = [...totals.entries()]
    .map(([rule, ms]) => ({
      rule: rule === 'bench/analysis' ? 'shared model (probe, at Program enter)' : rule,
      ms: ms / runs,
      share: ms / sum,
      ofBaseline: ms / runs / baselineMs,
    }))
    .sort((a, b) => b.ms - a.ms);
  return { rows, verdicts };
}

/** One thread against `--concurrency 2` (on 2 cores `auto` starts no worker), alternated rounds. */
async function threads(cwd) {
  const optionsFile = (concurrency) => {
    const file = path.join(os.tmpdir(), `wechat-oa-bench-options-${concurrency}.mjs`);
    writeFileSync(
      file,
      `import wechatOa from ${JSON.stringify(pluginUrl)};\n` +
        `export default { cwd: ${JSON.stringify(cwd)}, overrideConfigFile: true, errorOnUnmatchedPattern: false, ` +
        `overrideConfig: [...wechatOa.configs.recommended, ${JSON.stringify(SCRIPT_ONLY)}], concurrency: ${JSON.stringify(concurrency)} };\n`,
    );
    return pathToFileURL(file);
  };
  const runs = { 'one thread': optionsFile('off'), '`--concurrency 2`': optionsFile(2) };
  const samples = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let round = -1; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? Object.keys(runs) : Object.keys(runs).reverse();
    for (const name of order) {
      const eslint = await ESLint.fromOptionsModule(runs[name]);
      const start = process.hrtime.bigint();
      await eslint.lintFiles(['.']);
      if (round >= 0) samples[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
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

/**
 * Module summaries (docs/cross-file.md): every script module of each project summarised by a fresh model (cold:
 * parse, analysis, summary), then asked again (warm: a `stat` per module, as later files of a run and the
 * language server find them).
 */
function summaryCost(roots) {
  let modules = 0;
  let cold = 0;
  let warm = 0;
  for (const projectRoot of roots) {
    const files = readdirSync(projectRoot, { recursive: true })
      .map((name) => path.join(projectRoot, String(name)))
      .filter((file) => /\.(?:[cm]?[jt]sx?|vue)$/u.test(file) && !file.includes(`${path.sep}node_modules${path.sep}`));
    const model = new ProjectModel(projectRoot, {}, (file, sourceCode) =>
      new FileAnalysis({ sourceCode, filename: file, physicalFilename: file, cwd: projectRoot, settings: {} }),
    );
    let start = process.hrtime.bigint();
    for (const file of files) model.summaryOf(file);
    cold += Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    for (const file of files) model.summaryOf(file);
    warm += Number(process.hrtime.bigint() - start) / 1e6;
    modules += files.length;
  }
  return { modules, cold, warm };
}

const pct = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
const fmt = (ms) => `${ms.toFixed(0)} ms`;

const projectDir = path.join(os.tmpdir(), 'wechat-oa-bench-project');
generateProject(projectDir, FILES);
const corpus = existsSync(args.corpus) ? args.corpus : undefined;
if (!corpus) console.log(`No corpus at ${args.corpus}: run \`node scripts/corpus-restore.mjs\` first; measuring the generated project only.`);

const comparisons = [];
const sharesOf = [];
if (corpus) {
  const scripts = await compare('corpus, JS/TS', corpus, 'scripts');
  comparisons.push(scripts, await compare('corpus, `.vue`', corpus, 'vue'), await compare('corpus, `.html`', corpus, 'html'));
  sharesOf.push({ label: 'corpus, JS/TS', ...(await ruleShares(corpus, scripts.medians['ESLint, no rules'])) });
}
const generated = await compare(`generated project (${FILES} files)`, projectDir, 'scripts');
comparisons.push(generated);
sharesOf.push({ label: `generated project (${FILES} files)`, ...(await ruleShares(projectDir, generated.medians['ESLint, no rules'])) });
// Threads on the generated project: the corpus line would take a quarter of an hour more on a shared machine.
const threadTimes = args['skip-threads'] ? undefined : await threads(projectDir);
const html = await htmlProcessorCost({ ESLint, wechatOa, rounds: ROUNDS, corpus, allOff });
const scale = await scaling(projectDir);
const summaries = [
  ...(corpus ? [{ label: 'corpus (one model per repository)', ...summaryCost(readdirSync(corpus).map((name) => path.join(corpus, name)).filter((dir) => statSync(dir).isDirectory())) }] : []),
  { label: `generated project (${FILES} files)`, ...summaryCost([projectDir]) },
];

let server = null;
const serverBench = path.join(root, 'packages/language-server/bench/server-bench.mjs');
if (!args['skip-server'] && existsSync(serverBench)) {
  const module = await import(pathToFileURL(serverBench).href);
  const run = module.default ?? module.runServerBench ?? module.run;
  if (typeof run === 'function') server = await run();
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
lines.push('# Performance', '');
lines.push(
  'Written by `npm run bench` (`node scripts/bench.mjs`); do not edit by hand. Medians of ' +
    ROUNDS +
    ' alternated rounds (A B C, then C B A, …) after one warm-up round, in one process; every configuration uses the same parser (`@typescript-eslint/parser`, JSX on) over the same files.',
  '',
);
lines.push('## Machine', '');
lines.push(`- ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; load average at the end ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')}`);
lines.push(`- Node ${process.version}, ESLint ${ESLint.version}, eslint-plugin-wechat-oa ${wechatOa.meta.version} (${ruleIds.length} rules), eslint-plugin-security ${security.meta?.version ?? ''}`);
lines.push(
  `- Command: \`node scripts/bench.mjs --rounds ${ROUNDS} --files ${FILES}${corpus ? '' : ' (no corpus)'}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; corpus: ${corpus ? `the 28 repositories of \`../shared/corpus\` restored by \`scripts/corpus-restore.mjs\` (\`--corpus\`, default \`~/.cache/wechat-oa-lint/corpus\`)` : 'not restored'}`,
);
lines.push('', '## Preset overhead', '');
lines.push('Target: `recommended` adds at most 25 % (goal 15 %) to ESLint with no rules, on the JavaScript/TypeScript lines.', '');
lines.push('| files | count | ESLint, no rules | wechat-oa recommended | overhead | eslint-plugin-security recommended | overhead | wechat-oa problems |');
lines.push('|---|---|---|---|---|---|---|---|');
for (const { label, medians, problems, files } of comparisons) {
  const none = medians['ESLint, no rules'];
  const ours = medians['wechat-oa recommended'];
  const peer = medians['eslint-plugin-security recommended'];
  lines.push(`| ${label} | ${files} | ${fmt(none)} | ${fmt(ours)} | ${pct(ours / none - 1)} | ${fmt(peer)} | ${pct(peer / none - 1)} | ${problems} |`);
}
for (const { label, rows, verdicts } of sharesOf) {
  const total = verdicts.lint + verdicts['no-trigger'] + verdicts.vendored || 1;
  lines.push('', `## Model, prefilter and rules: ${label}`, '');
  lines.push(
    `Prefilter (knowledge/prefilter.ts): ${verdicts.lint} of ${total} files (${((verdicts.lint / total) * 100).toFixed(0)} %) hold a trigger word and build the model; ${verdicts['no-trigger']} hold none and ${verdicts.vendored} are vendored copies recognised by content (JS-SDK, minified bundles): for those every rule returns at once.`,
    '',
  );
  lines.push("ESLint's per-rule stats (`stats: true`, the average of three runs), with a probe rule that builds the whole shared model first (at `Program` enter), so the model is its own line rather than being charged to the first rule that asks.", '');
  lines.push('| | time per run | share of all rule time | share of a no-rules ESLint run |', '|---|---|---|---|');
  for (const { rule, ms, share, ofBaseline } of rows) {
    lines.push(`| ${rule} | ${ms.toFixed(1)} ms | ${(share * 100).toFixed(1)} % | ${(ofBaseline * 100).toFixed(1)} % |`);
  }
}
if (threadTimes) {
  const one = threadTimes['one thread'];
  const two = threadTimes['`--concurrency 2`'];
  lines.push('', '## Threads', '');
  lines.push(
    `Recommended preset on the generated project (${FILES} files). On ${os.cpus().length} cores \`--concurrency auto\` starts no worker (ESLint halves the cores and turns 1 into 0), so threads are measured with \`--concurrency 2\`.`,
    '',
  );
  lines.push('| run | median |', '|---|---|');
  for (const [name, ms] of Object.entries(threadTimes)) lines.push(`| ${name} | ${fmt(ms)} |`);
  lines.push(
    '',
    two < one
      ? `Two threads pay here (${pct(two / one - 1)}): each worker loads ESLint, the parser and the plugin once, which a run of this size repays. They pay only with two idle cores; on a shared or single core, or for a few dozen files, one thread is faster.`
      : `Two threads did not pay here (${pct(two / one - 1)}): each worker loads ESLint, the parser and the plugin again, and on a machine whose two cores are shared the second thread gains nothing. Use \`--concurrency 2\` only with two idle cores and hundreds of files.`,
  );
}
lines.push('', '## Module summaries', '');
lines.push('Every script module summarised once by a fresh project model (cold), then asked again (warm), one process (docs/cross-file.md).', '');
lines.push('| modules | count | cold | warm |', '|---|---|---|---|');
for (const { label, modules, cold, warm } of summaries) lines.push(`| ${label} | ${modules} | ${fmt(cold)} | ${fmt(warm)} |`);
lines.push('', '## HTML pages', '');
lines.push(html.markdown);
lines.push('', '## Scaling', '');
lines.push('One realistic H5 page repeated; target: 10× the size costs at most 12× the time, 100× at most 120×.', '');
lines.push('| size | lines | recommended | ratio to 1× | no rules |', '|---|---|---|---|---|');
for (const row of scale) lines.push(`| ${row.times}× | ${row.lines} | ${fmt(row.ms)} | ${(row.ms / scale[0].ms).toFixed(1)}× | ${fmt(row.bareMs)} |`);
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
