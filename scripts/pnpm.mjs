// Runs the pinned pnpm (package.json "packageManager") through npx, so a machine with only Node and npm works.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** Runs pnpm with `args` in the repository root; returns the exit status. */
export function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['-y', packageManager, ...args], {
    cwd: new URL('.', root),
    stdio: 'inherit',
    ...options,
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * Installs exactly what the committed lockfile says (`--frozen-lockfile`, as CI systems run it), so set-up never
 * rewrites pnpm-lock.yaml and leaves the work tree as it was.
 */
export function installOrExit(what = 'Installing dependencies') {
  pnpmOrExit(['install', '--frozen-lockfile', '--reporter=silent'], what);
}

export function pnpmOrExit(args, what) {
  let status = pnpm(args);
  if (status !== 0 && args[0] === 'install') {
    // Seen here once: a passing registry 404 while pnpm resolved its own packageManager pin. One retry.
    console.error(`${what}: pnpm install exited ${status}, trying once more`);
    status = pnpm(args);
  }
  if (status !== 0) {
    console.error(`${what} failed (pnpm ${args.join(' ')} exited ${status})`);
    process.exit(status);
  }
}
