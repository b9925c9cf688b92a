/**
 * The packages as a user gets them: `pnpm pack` of the plugin, the CLI and the language server, the tarballs
 * installed with npm into scratch projects (ESLint 9 and ESLint 10, with the other plugins real projects load),
 * then ESLint and the CLI run the way the plugin README says. npm's cache lives in ~/.cache/wechat-oa-lint/npm
 * (or $WECHAT_OA_LINT_CACHE/npm), so a second run installs from it; each ESLint major is one install that all of
 * its projects share through a `node_modules` link.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, removeTempDirs, tempDir, writeFiles } from '../helpers/cli.js';
import { COMMONJS_CONFIG, type ExpectedFinding, PROJECTS, SAVED_ARTICLE, SMALLEST_CONFIG, VENDORED_JSSDK } from './projects.js';

afterAll(removeTempDirs);

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const PACKAGE_MANAGER = readJson<{ packageManager: string }>(path.join(REPO_ROOT, 'package.json')).packageManager;
const NPM_CACHE = path.join(process.env.WECHAT_OA_LINT_CACHE ?? path.join(os.homedir(), '.cache', 'wechat-oa-lint'), 'npm');

const PACKAGES = {
  plugin: 'packages/eslint-plugin',
  cli: 'packages/cli',
  server: 'packages/language-server',
} as const;
type PackageKey = keyof typeof PACKAGES;

/** The other tools the scratch projects' configs load, at the versions a new project would get today. */
const OTHER_TOOLS = {
  typescript: '~5.9.3',
  'typescript-eslint': '^8.73.0',
  '@stylistic/eslint-plugin': '^5.10.0',
  'eslint-plugin-vue': '^10.4.0',
};

const FAMILIES = [
  ['ESLint 9', '^9.39.5', '9'],
  ['ESLint 10', '^10.15.0', '10'],
] as const;

const workDir = tempDir('wechat-oa-pack-');
const tarballs = {} as Record<PackageKey, string>;

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  // The scratch projects' npm and tools run as from a shell in their folder: without the test runner's loader
  // options or the variables an enclosing `npm test` sets about this repository, but with the user's own npm
  // config (a registry mirror, a proxy).
  const childEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => key !== 'NODE_OPTIONS' && !/^npm_(?:package_|lifecycle_|command$|config_local_prefix$)/iu.test(key),
    ),
  );
  childEnv.NO_COLOR = '1';
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: childEnv, timeout: 300_000 });
  if (result.error) throw result.error;
  return result;
}

function succeed(command: string, args: readonly string[], cwd: string): void {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status} in ${cwd}:\n${result.stdout}${result.stderr}`.slice(0, 4000));
  }
}

beforeAll(() => {
  const destination = path.join(workDir, 'tarballs');
  mkdirSync(destination, { recursive: true });
  for (const [key, folder] of Object.entries(PACKAGES) as [PackageKey, string][]) {
    const root = path.join(REPO_ROOT, folder);
    const pkg = readJson<PackageJson>(path.join(root, 'package.json'));
    succeed('npx', ['-y', PACKAGE_MANAGER, 'pack', '--pack-destination', destination], root);
    tarballs[key] = path.join(destination, `${pkg.name}-${pkg.version}.tgz`);
    expect(existsSync(tarballs[key]), tarballs[key]).toBe(true);
  }
}, 300_000);

/** One npm install of the tarballs, ESLint of the given major and the other tools, shared by every project. */
function installFamily(dir: string, eslintRange: string): void {
  mkdirSync(dir, { recursive: true });
  const devDependencies = {
    eslint: eslintRange,
    'eslint-plugin-wechat-oa': `file:${tarballs.plugin}`,
    'wechat-oa-lint': `file:${tarballs.cli}`,
    'wechat-oa-language-server': `file:${tarballs.server}`,
    ...OTHER_TOOLS,
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true, devDependencies }, null, 2)}\n`);
  succeed('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--cache', NPM_CACHE], dir);
}

/** Writes a project under the family folder; its `node_modules` is a link to the family's install. */
function writeProject(familyDir: string, name: string, files: Record<string, string>): string {
  const dir = path.join(familyDir, name);
  writeFiles(dir, files);
  symlinkSync(path.join(familyDir, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  severity: 1 | 2;
}
interface LintRun {
  status: number | null;
  stderr: string;
  messages: (Message & { file: string })[];
}

/** Runs a bin of the project's own `node_modules/.bin` (what `npx <bin>` runs) with `--format json`. */
function lint(dir: string, bin: string, args: readonly string[] = []): LintRun {
  const result = run(process.execPath, [path.join(dir, 'node_modules', '.bin', bin), '--format', 'json', ...args], dir);
  let results: { filePath: string; messages: Message[] }[];
  try {
    results = JSON.parse(result.stdout) as typeof results;
  } catch {
    throw new Error(`${bin} printed no JSON (exit ${result.status}):\n${result.stdout}${result.stderr}`.slice(0, 4000));
  }
  const messages = results.flatMap((entry) =>
    entry.messages.map((message) => ({ ...message, file: path.relative(dir, entry.filePath).split(path.sep).join('/') })),
  );
  return { status: result.status, stderr: result.stderr, messages };
}

function findingsOf(messages: LintRun['messages']): ExpectedFinding[] {
  return messages
    .map(({ file, ruleId, line, column, severity }) => ({ file, rule: String(ruleId), line, column, severity }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

const isWechatOa = (message: Message): boolean => message.ruleId?.startsWith('wechat-oa/') === true;

/** Every message that is not a wechat-oa finding, as `file:line:column rule message` lines. */
function foreign(messages: LintRun['messages']): string[] {
  return messages
    .filter((message) => !isWechatOa(message))
    .map((message) => `${message.file}:${message.line}:${message.column} ${message.ruleId ?? '(no rule)'} ${message.message}`);
}

/** Lines on stderr that are warnings or errors of Node, ESLint or a parser rather than the CLI's own notes. */
function noisyStderr(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /\(node:\d+\)|Warning:|Definition for rule|already configured|Parsing error|Error:/u.test(line));
}

it('the plugin README shows the configs these projects use', () => {
  const readme = readFileSync(path.join(REPO_ROOT, PACKAGES.plugin, 'README.md'), 'utf8');
  expect(readme).toContain(SMALLEST_CONFIG);
  expect(readme).toContain(COMMONJS_CONFIG);
  expect(readme).toContain('npm i -D eslint eslint-plugin-wechat-oa');
});

const expectedStatus = (expected: readonly ExpectedFinding[]): number => (expected.some((f) => f.severity === 2) ? 1 : 0);

describe.each(FAMILIES)('%s', (_name, eslintRange, major) => {
  const familyDir = path.join(workDir, `eslint${major}`);
  const dirs: Record<string, string> = {};

  beforeAll(() => {
    installFamily(familyDir, eslintRange);
    for (const [name, project] of Object.entries(PROJECTS)) dirs[name] = writeProject(familyDir, name, project.files);
  }, 600_000);

  it(`installs ESLint ${major}`, () => {
    expect(readJson<PackageJson>(path.join(familyDir, 'node_modules/eslint/package.json')).version.split('.')[0]).toBe(major);
  });

  describe.each(Object.keys(PROJECTS))('%s', (name) => {
    const { expected } = PROJECTS[name];

    // Soft expectations: a failure names every way the run differs, not only the first.
    it('`npx eslint .` reports the expected wechat-oa findings, nothing else, and no warning on stderr', () => {
      const eslint = lint(dirs[name], 'eslint', ['.']);
      expect.soft(foreign(eslint.messages)).toEqual([]);
      expect.soft(findingsOf(eslint.messages.filter(isWechatOa))).toEqual(expected);
      // A config in the wrong module format makes Node warn MODULE_TYPELESS_PACKAGE_JSON here on every run.
      expect.soft(eslint.stderr).toBe('');
      expect(eslint.status).toBe(expectedStatus(expected));
    });

    it('`npx wechat-oa-lint` reports the same findings as ESLint and no other message', () => {
      const cli = lint(dirs[name], 'wechat-oa-lint');
      expect.soft(foreign(cli.messages)).toEqual([]);
      expect.soft(noisyStderr(cli.stderr)).toEqual([]);
      expect.soft(findingsOf(cli.messages.filter(isWechatOa))).toEqual(expected);
      expect(cli.status).toBe(expectedStatus(expected));
    });

    if (major === '10') {
      it('`npx wechat-oa-lint --preset recommended` (embedded mode, the project config unused) reports the same', () => {
        const cli = lint(dirs[name], 'wechat-oa-lint', ['--preset', 'recommended']);
        expect.soft(foreign(cli.messages)).toEqual([]);
        expect.soft(noisyStderr(cli.stderr)).toEqual([]);
        expect.soft(findingsOf(cli.messages.filter(isWechatOa))).toEqual(expected);
        expect(cli.status).toBe(expectedStatus(expected));
      });
    }
  });

  if (major === '10') {
    it('a copy of the SDK and the saved page are linted when asked for (so skipping them is what keeps ejs-blog clean)', () => {
      // docs/settings.md: `lintVendored` and `lintSavedPages` lint them anyway. The SDK copy has a name no ignore
      // matches, so only its content makes it a vendored copy.
      const dir = writeProject(familyDir, 'lint-them-anyway', {
        'package.json': '{ "name": "lint-them-anyway", "private": true }\n',
        '.wechat-oa.json': '{ "lintVendored": true, "lintSavedPages": true }\n',
        'public/js/wx-sdk.js': VENDORED_JSSDK,
        'data/saved-article.html': SAVED_ARTICLE,
      });
      const cli = lint(dir, 'wechat-oa-lint');
      expect.soft(foreign(cli.messages)).toEqual([]);
      expect(new Set(cli.messages.map((message) => message.file))).toEqual(new Set(['public/js/wx-sdk.js', 'data/saved-article.html']));
    });

    describe('published files', () => {
      /** Every file of an installed package, relative to its folder, as npm unpacked its tarball. */
      function filesOf(name: string): string[] {
        const root = path.join(familyDir, 'node_modules', name);
        return readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
          // npm may nest a dependency inside the package's folder: not the package's own files.
          .filter((file) => !file.startsWith('node_modules/'))
          .sort();
      }

      /** Relative links of a Markdown file that point at no file of the package (npm shows README links as they are). */
      function brokenLinks(name: string, markdown: string, files: readonly string[]): string[] {
        const text = readFileSync(path.join(familyDir, 'node_modules', name, markdown), 'utf8');
        const targets = [...text.matchAll(/\]\(([^)\s]+)\)/gu)].map((match) => match[1]);
        return targets.filter((target) => {
          if (/^[a-z][a-z+.-]*:/iu.test(target) || target.startsWith('#')) return false;
          const file = path.posix.normalize(path.posix.join(path.posix.dirname(markdown), target.split('#')[0]));
          return !files.includes(file);
        });
      }

      const PACKAGE_NAMES = {
        'eslint-plugin-wechat-oa': ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/node/index.js', 'schema/inventory.schema.json', 'docs/vue-and-html.md'],
        'wechat-oa-lint': ['README.md', 'LICENSE', 'package.json', 'bin/wechat-oa-lint.js', 'dist/index.js', 'dist/index.d.ts'],
        'wechat-oa-language-server': ['README.md', 'LICENSE', 'package.json', 'bin/wechat-oa-language-server.js', 'dist/index.js', 'dist/protocol.js', 'dist/worker.js'],
      };

      it.each(Object.entries(PACKAGE_NAMES))('%s ships its README, entry points, no sources, no source maps', (name, required) => {
        const files = filesOf(name);
        for (const file of required) expect(files, file).toContain(file);
        expect(files.filter((file) => /^(src|tests|scripts|bench)\//u.test(file))).toEqual([]);
        expect.soft(files.filter((file) => file.endsWith('.map'))).toEqual([]);
        const mapped = files.filter(
          (file) => file.endsWith('.js') && readFileSync(path.join(familyDir, 'node_modules', name, file), 'utf8').includes('sourceMappingURL'),
        );
        expect.soft(mapped).toEqual([]);
        const pkg = readJson<PackageJson>(path.join(familyDir, 'node_modules', name, 'package.json'));
        expect(Object.values(pkg.dependencies ?? {}).filter((range) => range.startsWith('workspace:'))).toEqual([]);
        // npm shows the README and editors open the shipped docs offline: relative links must stay inside.
        expect(files.filter((file) => file.endsWith('.md')).flatMap((file) => brokenLinks(name, file, files).map((link) => `${file}: ${link}`))).toEqual([]);
      });

      it('the plugin ships the English and Chinese doc of every rule it exports', async () => {
        const files = filesOf('eslint-plugin-wechat-oa');
        const entry = path.join(familyDir, 'node_modules/eslint-plugin-wechat-oa/dist/index.js');
        const plugin = ((await import(pathToFileURL(entry).href)) as { default: { rules: Record<string, unknown> } }).default;
        const ids = Object.keys(plugin.rules);
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) {
          expect(files).toContain(`docs/rules/${id}.md`);
          expect(files).toContain(`docs/rules/${id}.zh-CN.md`);
        }
      });
    });
  }
});
