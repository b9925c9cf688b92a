// What the tests need beyond npm packages. Installed through apt-get when running as root; otherwise the run
// stops with one line naming what is missing (SPEC §4: no test skips itself).
import { spawnSync } from 'node:child_process';

/** Debian packages the test suites use, with the command that shows each is there. */
export const SYSTEM_PACKAGES = [
  { command: 'nvim', debian: 'neovim', for: 'the language server end-to-end test with Neovim (0.7, push diagnostics)' },
  { command: 'chromium', debian: 'chromium', for: 'the VS Code extension end-to-end test in code-server' },
  { command: 'unzip', debian: 'unzip', for: 'the VS Code extension test that unpacks the .vsix' },
];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function ensurePrerequisites() {
  const missing = SYSTEM_PACKAGES.filter((entry) => !has(entry.command));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(`Missing for the tests: ${missing.map((m) => `${m.command} (Debian package ${m.debian}, ${m.for})`).join('; ')}`);
    process.exit(2);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  console.log(`Installing ${missing.map((m) => m.debian).join(', ')} with apt-get…`);
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...missing.map((m) => m.debian)])) {
    console.error(`apt-get could not install: ${missing.map((m) => m.debian).join(', ')}`);
    process.exit(2);
  }
}
