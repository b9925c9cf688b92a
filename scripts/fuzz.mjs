// `npm run fuzz -- [--count N] [--mutations N] [--seed S]`: fuzz the rules with random programs and mutations of
// real code under the `all` and `strict` presets. Failing samples are minimised and written to
// packages/eslint-plugin/tests/reliability/regressions/, which the regression test lints on every run.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runFuzz } from './fuzz/run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    mutations: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'no-build': { type: 'boolean', default: false },
  },
});
if (!values['no-build']) {
  const { installOrExit, pnpmOrExit } = await import('./pnpm.mjs');
  installOrExit();
  pnpmOrExit(['--filter', 'eslint-plugin-wechat-oa', 'run', 'build'], 'Building the plugin');
}
const { default: plugin } = await import(pathToFileURL(path.join(root, 'packages/eslint-plugin/dist/index.js')).href);
const started = Date.now();
const stats = runFuzz({
  plugin,
  root,
  seed: Number(values.seed),
  parsingPrograms: Number(values.count),
  mutations: Number(values.mutations),
  regressionsDir: path.join(root, 'packages/eslint-plugin/tests/reliability/regressions'),
  onProgress: (line) => process.stderr.write(`${line}\n`),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `seed ${stats.seed}: ${stats.parsed} random programs that parse (of ${stats.generated} generated), ` +
    `${stats.mutatedParsed} mutations that parse (of ${stats.mutated}); ${stats.failures.length} failures; ${seconds} s`,
);
for (const failure of stats.failures) console.log(`- [${failure.preset}] ${failure.problem} (${failure.hash})\n${failure.detail}\n${failure.code}\n`);
process.exit(stats.failures.length ? 1 : 0);
