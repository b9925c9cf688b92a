import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsOf, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';
import { PROBLEM_FILES } from './helpers/scratch.js';

afterAll(removeTempDirs);

const SECRET = `export const wechat = {\n  appid: 'wx8a3f2b9c1d4e5f60',\n  appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',\n};\n`;
const CLAIM = PROBLEM_FILES['src/page.js']!;

/**
 * The project's own config: the recommended preset, another plugin whose rule reports every file, a core rule
 * with a fix, an ignored folder, and no-affiliation-claim lowered to a warning.
 */
const PROJECT_CONFIG = `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';

const other = {
  rules: {
    'flag-every-file': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return { Program(node) { context.report({ node, message: 'the other plugin ran' }); } };
      },
    },
  },
};

export default defineConfig([
  { ignores: ['legacy/**'] },
  wechatOa.configs.recommended,
  {
    plugins: { other },
    rules: { 'other/flag-every-file': 'error', 'no-var': 'error', 'wechat-oa/no-affiliation-claim': 'warn' },
  },
]);
`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; column: number }[];
}

describe('project mode', () => {
  const project = () =>
    scratchProject({
      'eslint.config.js': PROJECT_CONFIG,
      'src/config.js': SECRET,
      'src/page.js': CLAIM,
      'src/old.js': 'var legacy = 1;\nexport default legacy;\n',
      'legacy/page.js': CLAIM,
    });

  it("runs only the wechat-oa rules, at the config's levels, honouring its ignores, silently", () => {
    const dir = project();
    const run = runCli(['--format', 'json'], dir);
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'src/config.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 3, column: 14 },
      { file: 'src/page.js', rule: 'wechat-oa/no-affiliation-claim', line: 1, column: 22 },
    ]);
    const page = results.find((result) => result.filePath === path.join(dir, 'src', 'page.js'));
    expect(page?.messages[0]?.severity).toBe(1);
    expect(results.map((result) => path.relative(dir, result.filePath))).not.toContain(path.join('legacy', 'page.js'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('--preset lints every file with the embedded preset instead, and says so', () => {
    const dir = project();
    const run = runCli(['--preset', 'recommended', '--format', 'json'], dir);
    const found = findingsOf(run.stdout, dir);
    expect(found).toContainEqual({ file: 'legacy/page.js', rule: 'wechat-oa/no-affiliation-claim', line: 1, column: 22 });
    expect(found.every((finding) => finding.rule?.startsWith('wechat-oa/'))).toBe(true);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const page = results.find((result) => result.filePath === path.join(dir, 'src', 'page.js'));
    expect(page?.messages[0]?.severity).toBe(2);
    expect(run.stderr).toBe(
      'wechat-oa-lint: linting 5 files with the embedded recommended preset (--preset recommended)\n',
    );
  });

  it('decides per file: a folder with its own config without wechat-oa rules is linted embedded', () => {
    const dir = project();
    writeFiles(dir, {
      'tools/eslint.config.js': "export default [{ rules: { 'no-var': 'error' } }];\n",
      'tools/build.js': SECRET,
    });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'src/config.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 3, column: 14 },
      { file: 'src/page.js', rule: 'wechat-oa/no-affiliation-claim', line: 1, column: 22 },
      { file: 'tools/build.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 3, column: 14 },
    ]);
    expect(run.stderr).toBe(
      "wechat-oa-lint: linting 2 files with the embedded recommended preset (4 other files use the project's ESLint config)\n",
    );
  });
});

describe('embedded mode', () => {
  it('is used for a config without wechat-oa rules, ignoring that config entirely', () => {
    const dir = scratchProject({
      'eslint.config.js': `export default [{ ignores: ['src/**'] }, { rules: { 'no-var': 'error' } }];\n`,
      'src/config.js': `var unused = 1;\n${SECRET}`,
    });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'src/config.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 4, column: 14 },
    ]);
    expect(run.stderr).toBe(
      'wechat-oa-lint: linting 2 files with the embedded recommended preset (no ESLint config enabling wechat-oa rules found)\n',
    );
  });

  it('is used for an eslintrc-only project, with settings from .wechat-oa.json', () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.eslintrc.json': '{ "rules": { "no-var": "error" } }\n',
      '.wechat-oa.json': '{ "ownHosts": ["shop.example.com"] }\n',
      'src/config.js': `var unused = 1;\n${SECRET}`,
    });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'src/config.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 4, column: 14 },
    ]);
    expect(run.stderr).toBe(
      'wechat-oa-lint: linting 1 file with the embedded recommended preset (no ESLint config enabling wechat-oa rules found, settings from .wechat-oa.json)\n',
    );
  });

  it('uses the nearest .wechat-oa.json of each file', () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.wechat-oa.json': '{ "locale": "zh-CN" }\n',
      'a.js': CLAIM,
      'en/.wechat-oa.json': '{ "locale": "en" }\n',
      'en/b.js': CLAIM,
    });
    const results = JSON.parse(runCli(['--format', 'json'], dir).stdout) as { filePath: string; messages: { message: string }[] }[];
    const byFile = Object.fromEntries(results.map((result) => [path.relative(dir, result.filePath), result.messages[0]?.message]));
    expect(byFile['a.js']).toMatch(/^\[S9\] “腾讯官方合作伙伴”/u);
    expect(byFile[path.join('en', 'b.js')]).toMatch(/^\[S9\] "腾讯官方合作伙伴" states/u);
  });

  it("reads browserFiles/serverFiles globs relative to the .wechat-oa.json's folder, from any cwd", () => {
    const dir = tempDir();
    writeFiles(dir, { 'app/.wechat-oa.json': '{ "browserFiles": ["web/**"] }\n', 'app/web/config.js': SECRET });
    for (const [cwd, target] of [[dir, 'app'], [path.join(dir, 'app'), '.']] as const) {
      const results = JSON.parse(runCli(['--format', 'json', target], cwd).stdout) as { messages: { message: string }[] }[];
      expect(results[0]?.messages.map((message) => message.message)).toEqual([
        expect.stringMatching(/^\[S2\] AppSecret is written into browser code/u),
      ]);
    }
  });

  it('lints paths outside the current folder', () => {
    const outside = tempDir();
    writeFiles(outside, { 'app/config.js': SECRET, 'app/dist/bundle.js': SECRET });
    const cwd = tempDir();
    const run = runCli(['--format', 'json', path.join(outside, 'app')], cwd);
    expect(findingsOf(run.stdout, outside)).toEqual([
      { file: 'app/config.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 3, column: 14 },
    ]);
    const file = runCli(['--format', 'json', path.join(outside, 'app', 'config.js')], cwd);
    expect(findingsOf(file.stdout, outside)).toHaveLength(1);
  });
});
