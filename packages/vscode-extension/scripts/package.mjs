// Writes wechat-oa-vscode-<version>.vsix next to package.json with `vsce package --no-dependencies` (everything the
// extension runs is bundled in dist/). Run after `node build.mjs --production`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { name, version } = require('../package.json');

for (const file of ['dist/extension.cjs', 'dist/server.mjs', 'dist/worker.mjs']) {
  if (!existsSync(join(here, file))) {
    console.error(`wechat-oa-vscode: ${file} is missing; the language server must build first (node build.mjs)`);
    process.exit(1);
  }
}
// vsce wants a LICENSE in the extension folder: the repository's.
copyFileSync(join(here, '..', '..', 'LICENSE'), join(here, 'LICENSE'));

const out = `${name}-${version}.vsix`;
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: here, stdio: 'inherit' });
process.exit(result.status ?? 1);
