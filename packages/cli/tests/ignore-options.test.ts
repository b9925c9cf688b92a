// Ways to leave files out besides .gitignore: --ignore-pattern, "ignores" in .wechat-oa.json, and a notice when
// a folder named on the command line is itself ignored.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';

afterAll(removeTempDirs);

const SECRET = "export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';\n";

function lintedFiles(dir: string, args: string[] = []): string[] {
  const run = runCli(['--format', 'json', ...args], dir);
  expect(run.status, run.stderr).not.toBe(2);
  return (JSON.parse(run.stdout) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath).split(path.sep).join('/'));
}

describe('--ignore-pattern', () => {
  const files = { 'src/app.js': SECRET, 'legacy/old.js': SECRET, 'src/generated/routes.js': SECRET, 'scripts/seed.js': SECRET };

  it('skips the files a pattern matches, and can be given more than once', () => {
    const dir = tempDir();
    writeFiles(dir, files);
    expect(lintedFiles(dir, ['--ignore-pattern', 'legacy/**'])).toEqual(['scripts/seed.js', 'src/app.js', 'src/generated/routes.js']);
    expect(lintedFiles(dir, ['--ignore-pattern', 'legacy/**', '--ignore-pattern', '**/generated/**'])).toEqual(['scripts/seed.js', 'src/app.js']);
    const run = runCli(['--ignore-pattern', 'legacy/**', '--ignore-pattern', '**/generated/**', '--ignore-pattern', 'scripts/**'], dir);
    expect(run.stderr).toBe('wechat-oa-lint: linting 1 file with the embedded recommended preset (no ESLint config enabling wechat-oa rules found)\n');
  });

  it('applies in project mode too', () => {
    const dir = scratchProject({
      'eslint.config.js': "import wechatOa from 'eslint-plugin-wechat-oa';\nexport default wechatOa.configs.recommended;\n",
      ...files,
    });
    expect(lintedFiles(dir, ['--ignore-pattern', 'legacy/**', '--ignore-pattern', 'scripts/**'])).toEqual(['eslint.config.js', 'src/app.js', 'src/generated/routes.js']);
  });

  it('needs a value', () => {
    const run = runCli(['--ignore-pattern'], tempDir());
    expect(run.stderr).toBe('wechat-oa-lint: --ignore-pattern needs a value: a glob such as "legacy/**"\n');
    expect(run.status).toBe(2);
  });
});

describe('ignores in .wechat-oa.json', () => {
  it("skips files matching its globs, relative to the settings file's folder, from any current folder", () => {
    const dir = tempDir();
    writeFiles(dir, {
      'web/.wechat-oa.json': '{ "ignores": ["mock/**", "**/*.fixture.js"] }',
      'web/src/app.js': SECRET,
      'web/src/page.fixture.js': SECRET,
      'web/mock/user.js': SECRET,
      'mock/keep.js': SECRET,
    });
    expect(lintedFiles(dir)).toEqual(['mock/keep.js', 'web/src/app.js']);
    expect(lintedFiles(path.join(dir, 'web', 'src'), ['.'])).toEqual(['app.js']);
  });

  it('is validated: a wrong type is a configuration error naming the key', () => {
    const dir = tempDir();
    writeFiles(dir, { '.wechat-oa.json': '{ "ignores": "mock/**" }', 'src/app.js': SECRET });
    const run = runCli([], dir);
    expect(run.stderr).toBe('wechat-oa-lint: .wechat-oa.json: "ignores" must be array: fix the value\n');
    expect(run.status).toBe(2);
  });

  it('names every known key, ignores included, for an unknown one', () => {
    const dir = tempDir();
    writeFiles(dir, { '.wechat-oa.json': '{ "ignore": [] }', 'src/app.js': SECRET });
    const run = runCli([], dir);
    expect(run.stderr).toBe(
      'wechat-oa-lint: .wechat-oa.json: unknown setting "ignore": remove it or use one of ownHosts, allowedHosts, trustedUrls, ' +
        'consentFunctions, checkFunctions, maskers, anonymizers, encryptors, browserFiles, serverFiles, accounts, locale, prefilter, lintVendored, lintSavedPages, aliases, wrappers, ignores\n',
    );
    expect(run.status).toBe(2);
  });
});

describe('a folder named on the command line that is itself ignored', () => {
  it('says how many files .gitignore kept out, instead of only "no files to lint"', () => {
    const dir = tempDir();
    writeFiles(dir, { '.gitignore': 'generated/\n', 'generated/a.js': SECRET, 'generated/b.js': SECRET, 'src/app.js': SECRET });
    const run = runCli(['generated'], dir);
    expect(run.stderr.split('\n')).toEqual([
      'wechat-oa-lint: no files to lint (JavaScript, TypeScript, Vue or HTML)',
      'wechat-oa-lint: 2 files in generated are excluded by .gitignore and were not linted; name them on the command line to lint them anyway',
      '',
    ]);
    expect(run.status).toBe(0);
    expect(lintedFiles(dir, ['generated/a.js'])).toEqual(['generated/a.js']);
  });

  it('names the default ignores when they are the reason', () => {
    const dir = tempDir();
    writeFiles(dir, { 'dist/app.js': SECRET });
    const run = runCli(['dist'], dir);
    expect(run.stderr.split('\n')[1]).toBe(
      'wechat-oa-lint: 1 file in dist is excluded by the default ignores (node_modules, dist, build, coverage, vendored files) and was not linted; name it on the command line to lint it anyway',
    );
  });

  it('says nothing for the ignored files of a folder that is not ignored itself', () => {
    const dir = tempDir();
    writeFiles(dir, { '.gitignore': 'generated/\n', 'generated/a.js': SECRET, 'src/app.js': SECRET });
    expect(runCli([], dir).stderr).toBe('wechat-oa-lint: linting 1 file with the embedded recommended preset (no ESLint config enabling wechat-oa rules found)\n');
  });
});

describe('vendored files', () => {
  it('the CLI and ESLint with the preset skip the same JS-SDK copies and minified bundles', () => {
    const files = { 'public/jweixin-1.6.0.js': SECRET, 'public/vendor.min.js': SECRET, 'public/app.js': SECRET };
    const embedded = tempDir();
    writeFiles(embedded, files);
    const project = scratchProject({ 'eslint.config.js': "import wechatOa from 'eslint-plugin-wechat-oa';\nexport default wechatOa.configs.recommended;\n", ...files });
    const findings = (dir: string) =>
      (JSON.parse(runCli(['--format', 'json'], dir).stdout) as { filePath: string; messages: unknown[] }[])
        .filter((result) => result.messages.length > 0)
        .map((result) => path.relative(dir, result.filePath));
    expect(findings(embedded)).toEqual([path.join('public', 'app.js')]);
    expect(findings(project)).toEqual([path.join('public', 'app.js')]);
  });
});
