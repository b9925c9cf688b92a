// The README's first command: set up the workspace, build it, and run the CLI on the fixture project that shows
// most, with the embedded default preset and no configuration.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { installOrExit, pnpmOrExit } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
installOrExit();
pnpmOrExit(['-r', '--workspace-concurrency=1', '--filter', 'wechat-oa-lint...', 'run', 'build'], 'Building the CLI');

const fixture = process.argv[2] ?? 'test-fixtures/oa-server-express';
console.log(`\n$ wechat-oa-lint ${fixture}\n`);
const result = spawnSync(process.execPath, ['packages/cli/bin/wechat-oa-lint.js', fixture], { cwd: root, stdio: 'inherit' });
if (result.status === 1) {
  console.log('\n(wechat-oa-lint exited 1: the fixture has problems at error level, as intended — in CI this fails the build.)');
  process.exit(0);
}
process.exit(result.status ?? 1);
