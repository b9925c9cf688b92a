// The README's second command: installs what the tests need, builds every package, runs every test, and prints
// one closing line `N passed, N failed` read from vitest's JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installOrExit, pnpmOrExit } from './pnpm.mjs';
import { ensurePrerequisites } from './prerequisites.mjs';
import { ensureCodeServer } from './ensure-code-server.mjs';
import { printSummary } from './summary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: wechat-oa-lint needs Node >= 20.19.`);
  process.exit(2);
}

installOrExit();
ensurePrerequisites();
try {
  // code-server (VS Code for the browser) for the extension's end-to-end test, cached under ~/.cache.
  ensureCodeServer();
} catch (error) {
  console.error(`Installing code-server for the VS Code end-to-end test failed: ${error.message}`);
  process.exit(2);
}
pnpmOrExit(['-r', '--workspace-concurrency=1', 'run', 'build'], 'Building the packages');

mkdirSync(`${root}.test-results`, { recursive: true });
const report = `${root}.test-results/vitest.json`;
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
const summarized = printSummary(report);
process.exit(result.status === 0 && summarized ? 0 : result.status || 1);
