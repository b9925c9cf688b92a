// `npm run eval:corpus`: lints every repository of the real-code corpus with the built CLI's embedded presets and
// scores the findings against the hand-written labels (bench/corpus/labels*.tsv). Writes docs/accuracy.md and
// bench/corpus/unlabelled.tsv (findings no label covers, ready to be judged; not committed, it changes with every
// rule change and docs/accuracy.md already lists them). A benchmark, not a test: CI has no corpus.
//
//   node scripts/eval-corpus.mjs [--corpus DIR] [--labels FILE] [--manifest FILE] [--presets recommended,strict]
//                                [--repos DIR,DIR] [--out FILE] [--unlabelled FILE] [--no-build]
//
// The corpus is restored outside the work tree by scripts/corpus-restore.mjs. Each repository is linted with
// the repository as the working folder, as its own developers would run the CLI.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseLabels, indexLabels, scoreRun, precision, recall, bareRuleId } from './eval-corpus/score.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: process.env.WECHAT_OA_CORPUS ?? path.join(os.homedir(), '.cache/wechat-oa-lint/corpus') },
    labels: { type: 'string', default: path.join(root, 'bench/corpus/labels.tsv') },
    manifest: { type: 'string', default: path.resolve(root, '../shared/corpus/manifest.tsv') },
    presets: { type: 'string', default: 'recommended,strict' },
    repos: { type: 'string' },
    out: { type: 'string', default: path.join(root, 'docs/accuracy.md') },
    unlabelled: { type: 'string', default: path.join(root, 'bench/corpus/unlabelled.tsv') },
    'no-build': { type: 'boolean', default: false },
  },
});

const cliBin = path.join(root, 'packages/cli/bin/wechat-oa-lint.js');
const pluginDist = path.join(root, 'packages/eslint-plugin/dist/index.js');
if (!args['no-build']) {
  const { installOrExit, pnpmOrExit } = await import('./pnpm.mjs');
  installOrExit();
  pnpmOrExit(['-r', '--workspace-concurrency=1', 'run', 'build'], 'Building the packages');
}
if (!existsSync(args.corpus)) {
  console.error(`No corpus at ${args.corpus}: restore it with node scripts/corpus-restore.mjs (or pass --corpus DIR).`);
  process.exit(2);
}

// --- labels: the file given plus every labels*.tsv beside it, so parts written by several people merge. ---
const labelFiles = new Set([path.resolve(args.labels)]);
const labelDir = path.dirname(path.resolve(args.labels));
if (existsSync(labelDir)) {
  for (const name of readdirSync(labelDir).sort()) if (/^labels.*\.tsv$/.test(name)) labelFiles.add(path.join(labelDir, name));
}
const labels = [];
const labelProblems = [];
for (const file of labelFiles) {
  if (!existsSync(file)) continue;
  const parsed = parseLabels(readFileSync(file, 'utf8'), path.relative(root, file));
  labels.push(...parsed.labels);
  labelProblems.push(...parsed.problems);
}
labelProblems.push(...indexLabels(labels).problems);
for (const label of labels) {
  if (!existsSync(path.join(args.corpus, label.file))) labelProblems.push(`${label.where}: no file ${label.file} in the corpus`);
}

// --- the plugin: rules, clauses and what each preset enables ---
const { default: plugin } = await import(pathToFileURL(pluginDist).href);
const clauseOf = (rule) => plugin.rules[bareRuleId(rule)]?.meta.docs.clause;
for (const label of labels) if (!plugin.rules[label.rule]) labelProblems.push(`${label.where}: unknown rule ${label.rule}`);
function enabledRulesOf(preset) {
  const config = plugin.configs[preset];
  if (!config) throw new Error(`unknown preset ${preset}`);
  const rules = new Set();
  for (const entry of config) {
    for (const [id, setting] of Object.entries(entry.rules ?? {})) {
      const level = Array.isArray(setting) ? setting[0] : setting;
      if (level !== 'off' && level !== 0) rules.add(bareRuleId(id));
      else rules.delete(bareRuleId(id));
    }
  }
  return rules;
}

// --- the repositories: manifest order when there is one, else the corpus folders ---
let repos = existsSync(args.manifest)
  ? readFileSync(args.manifest, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[0])
  : readdirSync(args.corpus).sort();
repos = repos.filter((dir) => existsSync(path.join(args.corpus, dir)) && statSync(path.join(args.corpus, dir)).isDirectory());
if (args.repos) {
  const wanted = new Set(args.repos.split(','));
  repos = repos.filter((dir) => wanted.has(dir));
}
const presets = args.presets.split(',');

// --- lint ---
const scratch = mkdtempSync(path.join(os.tmpdir(), 'eval-corpus-'));
const runs = new Map();
const started = Date.now();
try {
  for (const preset of presets) {
    const findings = [];
    const noise = [];
    let files = 0;
    const failures = [];
    for (const dir of repos) {
      const repoDir = path.join(args.corpus, dir);
      const outFile = path.join(scratch, `${dir}.${preset}.json`);
      const result = spawnSync(process.execPath, [cliBin, '.', '--preset', preset, '--format', 'json', '--output-file', outFile], {
        cwd: repoDir,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (result.status !== 0 && result.status !== 1) {
        failures.push(`${dir}: exit ${result.status} ${(result.stderr || '').trim().split('\n').pop()}`);
        continue;
      }
      const results = JSON.parse(readFileSync(outFile, 'utf8'));
      files += results.length;
      for (const fileResult of results) {
        const file = `${dir}/${path.relative(repoDir, fileResult.filePath).split(path.sep).join('/')}`;
        for (const message of fileResult.messages) {
          const entry = { file, line: message.line ?? 0, rule: message.ruleId ?? '', message: message.message };
          if (message.ruleId?.startsWith('wechat-oa/')) findings.push(entry);
          else noise.push({ ...entry, kind: message.fatal ? 'parse error' : message.ruleId ? `other rule ${message.ruleId}` : 'other' });
        }
      }
      process.stderr.write(`${preset} ${dir}: ${results.length} files\n`);
    }
    const score = scoreRun({ findings, labels, enabledRules: enabledRulesOf(preset), clauseOf, repos: new Set(repos) });
    runs.set(preset, { findings, noise, files, failures, score, enabled: enabledRulesOf(preset) });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);

// --- unlabelled findings, in the labels' own columns with an empty verdict and the message as a hint ---
const unlabelled = new Map();
for (const [preset, run] of runs) {
  for (const finding of run.score.unlabelled) {
    const key = `${finding.file}\t${finding.line}\t${finding.rule}`;
    if (!unlabelled.has(key)) unlabelled.set(key, { ...finding, presets: [] });
    unlabelled.get(key).presets.push(preset);
  }
}
const oneLine = (text) => text.replace(/\s+/g, ' ').trim();
writeFileSync(
  args.unlabelled,
  ['file\tline\trule\tverdict\treason', ...[...unlabelled.values()].map((f) => `${f.file}\t${f.line}\t${f.rule}\t\t(${f.presets.join('+')}) ${oneLine(f.message)}`)].join('\n') + '\n',
);

// --- docs/accuracy.md ---
const pct = (value) => (value === undefined ? '–' : `${(value * 100).toFixed(0)} %`);
const md = (text) => oneLine(String(text)).replace(/\|/g, '\\|');
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const cliVersion = JSON.parse(readFileSync(path.join(root, 'packages/cli/package.json'), 'utf8')).version;
const labelYes = labels.filter((label) => repos.includes(label.file.split('/')[0]) && label.verdict === 'yes').length;
const labelNo = labels.filter((label) => repos.includes(label.file.split('/')[0]) && label.verdict === 'no').length;
const labelledRepos = new Set(labels.map((label) => label.file.split('/')[0]));
const labelClauses = new Set(labels.map((label) => clauseOf(label.rule)).filter(Boolean));

function countsTable(heading, map, keyName, describe = () => '') {
  const rows = [...map.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const out = [`| ${heading} | found | missed | false | precision | recall | yes-labels of rules not enabled |`, '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [key, counts] of rows) {
    out.push(`| ${keyName(key)}${describe(key)} | ${counts.found} | ${counts.missed} | ${counts.false} | ${pct(precision(counts))} | ${pct(recall(counts))} | ${counts.notEnabled} |`);
  }
  return out;
}

const lines = [
  '# Accuracy on the real-code corpus',
  '',
  `Generated by \`npm run eval:corpus\` (scripts/eval-corpus.mjs) — do not edit by hand; run it again.`,
  '',
  `- **Command**: \`npm run eval:corpus${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
  `- **Date**: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; commit ${commit}; wechat-oa-lint ${cliVersion}; Node ${process.version}`,
  `- **Machine**: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()} (shared machine; ${seconds} s for all runs)`,
  `- **Corpus**: ${repos.length} repositories of ../shared/corpus/manifest.tsv, each linted with its own folder as the working folder by \`node packages/cli/bin/wechat-oa-lint.js . --preset <preset> --format json\` (the CLI's embedded presets).`,
  `- **Labels**: ${[...labelFiles].filter(existsSync).map((file) => path.relative(root, file)).join(', ')} — ${labelYes} yes and ${labelNo} no on the linted repositories, from ${labelledRepos.size} repositories, clauses ${[...labelClauses].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', ')}.`,
  '',
  'How to read it: a finding is *found* when a yes-label names its file, line and rule; *false* when a no-label does',
  '(the reason says why it is a false alarm) or when no label covers it (unlabelled: it has not been judged yet, and',
  'counts as false until it is). A yes-label no finding matches is *missed*; a yes-label of a rule the preset does not',
  'enable is counted apart. Messages that are not `wechat-oa` findings (parse errors, others) are counted apart too.',
  '',
];
if (labelProblems.length) {
  lines.push('## Label problems', '', ...labelProblems.map((problem) => `- ${md(problem)}`), '');
}
for (const [preset, run] of runs) {
  const { score } = run;
  const t = score.totals;
  lines.push(
    `## \`${preset}\``,
    '',
    `${run.files} files linted, ${run.enabled.size} rules enabled. **${t.found} found, ${t.missed} missed, ${t.false} false` +
      ` (${score.unlabelled.length} of them unlabelled): precision ${pct(precision(t))}, recall ${pct(recall(t))}.** ` +
      `${t.notEnabled} yes-labels of rules the preset does not enable. ${run.noise.length} messages that are not wechat-oa findings` +
      ` (${run.noise.filter((n) => n.kind === 'parse error').length} parse errors).`,
    '',
  );
  if (run.failures.length) lines.push('CLI runs that failed:', '', ...run.failures.map((f) => `- ${md(f)}`), '');
  lines.push('### Per clause', '', ...countsTable('clause', score.perClause, (k) => k), '', '### Per rule', '');
  lines.push(...countsTable('rule', score.perRule, (k) => `\`${k}\``, (k) => ` (${clauseOf(k) ?? '?'})`), '');
  lines.push('### Per repository', '', ...countsTable('repository', score.perRepo, (k) => k), '');
  lines.push(`### False findings (${score.false.length})`, '');
  if (score.false.length === 0) lines.push('None.', '');
  else {
    lines.push('| file:line | rule | reason |', '|---|---|---|');
    for (const f of score.false) lines.push(`| ${md(f.file)}:${f.line} | \`${f.rule}\` | ${f.unlabelled ? `**unlabelled** — ${md(f.message)}` : md(f.label.reason)} |`);
    lines.push('');
  }
  lines.push(`### Missed yes-labels (${score.missed.length})`, '');
  if (score.missed.length === 0) lines.push('None.', '');
  else {
    lines.push('| file:line | rule | what the code does |', '|---|---|---|');
    for (const l of score.missed) lines.push(`| ${md(l.file)}:${l.line} | \`${l.rule}\` | ${md(l.reason)} |`);
    lines.push('');
  }
  if (run.noise.length) {
    lines.push(`### Messages that are not wechat-oa findings (${run.noise.length})`, '', '| file:line | kind | message |', '|---|---|---|');
    for (const n of run.noise) lines.push(`| ${md(n.file)}:${n.line} | ${n.kind} | ${md(n.message)} |`);
    lines.push('');
  }
}
writeFileSync(args.out, lines.join('\n'));

for (const [preset, run] of runs) {
  const t = run.score.totals;
  console.log(
    `${preset}: ${t.found} found, ${t.missed} missed, ${t.false} false (${run.score.unlabelled.length} unlabelled); ` +
      `precision ${pct(precision(t))}, recall ${pct(recall(t))}; ${run.noise.length} other messages`,
  );
}
if (labelProblems.length) console.log(`${labelProblems.length} label problems (listed in ${path.relative(root, args.out)})`);
console.log(`wrote ${path.relative(root, args.out)} and ${path.relative(root, args.unlabelled)}`);
