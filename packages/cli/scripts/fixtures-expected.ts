// Regenerates test-fixtures/<name>/expected.json from what the built CLI reports (`npm run fixtures:expected`).
// Run it after adding or changing a rule, then review the diff: every added line must be an intended violation
// (marked `violation: <rule>` in the fixture), and nothing may appear for `clean`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixture, FIXTURES, findingsOf, REPO_ROOT, removeTempDirs, runCli } from '../tests/helpers/cli.js';

// `--no-build`: use the packages as last built (while someone else's half-written rule keeps the plugin from building).
const build = process.argv.includes('--no-build')
  ? { status: 0 }
  : spawnSync('npx', ['-y', 'pnpm@12.21.0', '--filter', 'wechat-oa-lint...', 'run', 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
if (build.status !== 0) process.exit(build.status ?? 1);

try {
  for (const name of readdirSync(FIXTURES).sort()) {
    if (!existsSync(path.join(FIXTURES, name, 'package.json'))) continue;
    const copy = copyFixture(name);
    const run = runCli(['--format', 'json', '.'], copy);
    if (run.status === 2) {
      console.error(`${name}: wechat-oa-lint exited 2: ${run.stderr.trim()}`);
      process.exit(1);
    }
    const file = path.join(FIXTURES, name, 'expected.json');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const after = `${JSON.stringify(findingsOf(run.stdout, copy), null, 2)}\n`;
    writeFileSync(file, after);
    const count = (JSON.parse(after) as unknown[]).length;
    console.log(`${name}: ${count} finding${count === 1 ? '' : 's'}${before === after ? ' (unchanged)' : ' (updated)'}`);
  }
} finally {
  removeTempDirs();
}
