import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLAUSES } from 'eslint-plugin-wechat-oa';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsOf, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';
import { PROBLEM_FILES, PROBLEM_FINDINGS, problemProject } from './helpers/scratch.js';

afterAll(removeTempDirs);

const CLEAN_FILES = { 'src/share.js': "export const label = 'Share to WeChat';\n" };

/** A project config that lowers no-affiliation-claim to a warning: one error and one warning in PROBLEM_FILES. */
const WARN_CONFIG = `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';
export default defineConfig([
  wechatOa.configs.recommended,
  { rules: { 'wechat-oa/no-affiliation-claim': 'warn' } },
]);
`;
const { 'src/broken.js': _broken, ...PARSEABLE_FILES } = PROBLEM_FILES;

describe('exit codes', () => {
  it('exits 0 with no problems', () => {
    const run = runCli([], problemProject(CLEAN_FILES));
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✔ No problems found.');
  });

  it('exits 0 and says so on stderr when there is nothing to lint', () => {
    const run = runCli(['--format', 'json'], problemProject({ 'README.md': '# docs only\n' }));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('[]\n');
    expect(run.stderr).toBe('wechat-oa-lint: no files to lint (JavaScript, TypeScript, Vue or HTML)\n');
  });

  it('exits 1 with errors, 1 for a file that does not parse alone', () => {
    expect(runCli([], problemProject()).status).toBe(1);
    const broken = runCli(['--format', 'json'], problemProject({ 'src/broken.js': 'export const broken = ;\n' }));
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject([
      { messages: [{ ruleId: null, fatal: true, line: 1, column: 22, message: 'Parsing error: Expression expected.' }] },
    ]);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus: run wechat-oa-lint --help to see the options'],
    [['--preset', 'lenient'], '--preset "lenient" is not supported: use one of recommended, strict, all'],
    [['--format', 'xml'], '--format "xml" is not supported: use one of clauses, stylish, json, sarif, markdown, gitlab'],
    [['--locale', 'fr'], '--locale "fr" is not supported: use one of en, zh-CN'],
    [['--max-warnings', 'ten'], '--max-warnings needs a whole number such as 0, not "ten"'],
    [['--concurrency', '0'], '--concurrency needs a number of threads, auto or off, not "0"'],
    [['--output-file'], '--output-file needs a value: a file path'],
    [['--quiet=yes'], '--quiet takes no value: write it alone, as --quiet'],
    [['no-such-folder'], 'no such file or folder: no-such-folder'],
  ])('exits 2 with one line for %j', (args, message) => {
    const run = runCli(args, problemProject(CLEAN_FILES));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`wechat-oa-lint: ${message}\n`);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['{ "ownHost": ["shop.example.com"] }', '.wechat-oa.json: unknown setting "ownHost": remove it or use one of'],
    ['{ "ownHosts": "shop.example.com" }', '.wechat-oa.json: "ownHosts" must be array: fix the value'],
    ['{ "locale": "fr" }', '.wechat-oa.json: "locale" must be one of "en", "zh-CN"'],
    ['{ "ownHosts": [', '.wechat-oa.json is not valid JSON'],
  ])('exits 2 with one line for an invalid .wechat-oa.json %s', (content, message) => {
    const run = runCli([], problemProject({ ...CLEAN_FILES, '.wechat-oa.json': content }));
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.startsWith(`wechat-oa-lint: ${message}`)).toBe(true);
  });

  it('exits 2 with one line naming the rule for a bad rule option in the project config', () => {
    const dir = scratchProject({
      ...CLEAN_FILES,
      'eslint.config.js': `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';
export default defineConfig([
  wechatOa.configs.recommended,
  { rules: { 'wechat-oa/no-hardcoded-credentials': ['error', { envNames: 'WECHAT_SECRET' }] } },
]);
`,
    });
    const run = runCli([], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'wechat-oa-lint: eslint.config.js: invalid options for rule "wechat-oa/no-hardcoded-credentials": ' +
        'Value "WECHAT_SECRET" should be object. Fix them in eslint.config.js.\n',
    );
  });

  it('exits 2 with one line when the project config does not load', () => {
    const dir = scratchProject({
      ...CLEAN_FILES,
      'eslint.config.js': "import missing from 'eslint-plugin-not-installed';\nexport default [missing];\n",
    });
    const run = runCli([], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "wechat-oa-lint: eslint.config.js cannot be loaded (Cannot find package 'eslint-plugin-not-installed' imported " +
        `from ${dir}/eslint.config.js): install the project's dependencies, or pass --preset recommended to lint ` +
        'with the embedded preset instead\n',
    );
    expect(runCli(['--preset', 'recommended'], dir).status).toBe(0);
  });

  it('exits 2 with one line naming the config when loading it ends the process', () => {
    const dir = scratchProject({ ...CLEAN_FILES, 'eslint.config.js': 'process.exit(3);\nexport default [];\n' });
    const run = runCli([], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'wechat-oa-lint: code loaded while loading eslint.config.js ended the process (exit code 3): fix it, or pass ' +
        "--preset recommended to ignore the project's ESLint config\n",
    );
  });

  it('prints help and the version with exit 0', () => {
    const dir = problemProject(CLEAN_FILES);
    const help = runCli(['--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe('Usage: wechat-oa-lint [paths...] [options]');
    expect(help.stdout).toContain('--changed[=<base>]');
    const version = runCli(['--version'], dir);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^wechat-oa-lint \d+\.\d+\.\d+ \(eslint-plugin-wechat-oa \d+\.\d+\.\d+, ESLint 10\.\d+\.\d+\)\n$/u);
  });
});

describe('--max-warnings and --quiet', () => {
  const project = () => scratchProject({ ...PARSEABLE_FILES, 'eslint.config.js': WARN_CONFIG });

  it('exits 1 when warnings exceed --max-warnings, 0 when they do not', () => {
    const dir = scratchProject({ 'src/page.js': PROBLEM_FILES['src/page.js']!, 'eslint.config.js': WARN_CONFIG });
    expect(runCli([], dir).status).toBe(0);
    const over = runCli(['--max-warnings', '0'], dir);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('wechat-oa-lint: 1 warning, more than --max-warnings 0 allows\n');
    expect(runCli(['--max-warnings', '1'], dir).status).toBe(0);
  });

  it('--quiet lists errors only while the summary still counts the warning', () => {
    const run = runCli(['--quiet'], project());
    expect(run.stdout).not.toContain('腾讯官方合作伙伴');
    expect(run.stdout).toContain('wechat-oa/no-hardcoded-credentials');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.find((line) => line.trim().startsWith('S9'))?.trim().replace(/\s+/gu, ' ')).toBe('S9 no affiliation 0 1');
    expect(lines.at(-1)).toBe('✖ 2 problems (1 error, 1 warning) in 2 files; warnings not listed (--quiet)');
    expect(run.status).toBe(1);
  });
});

describe('--locale', () => {
  it('zh-CN gives Chinese messages, clause texts and labels, and wins over the settings file', () => {
    const dir = problemProject({ ...PARSEABLE_FILES, '.wechat-oa.json': '{ "locale": "en" }\n' });
    const run = runCli(['--locale', 'zh-CN'], dir);
    const lines = run.stdout.split('\n');
    const s2 = lines.indexOf('S2 · 数据保护');
    expect(s2).toBeGreaterThanOrEqual(0);
    expect(lines[s2 + 1]).toBe(CLAUSES.S2.text['zh-CN']);
    expect(lines[s2 + 3]).toMatch(/^ {4}6:14 {2}错误 {5}\[S2\] AppSecret 被写进了源代码/u);
    expect(run.stdout).toContain('按条款汇总');
    expect(lines.at(-2)).toBe('✖ 2 个问题（2 个错误，0 个警告），涉及 2 个文件');
  });

  it('follows a zh-CN locale of .wechat-oa.json without --locale', () => {
    const dir = problemProject({ ...PARSEABLE_FILES, '.wechat-oa.json': '{ "locale": "zh-CN" }\n' });
    const lines = runCli([], dir).stdout.split('\n');
    expect(lines).toContain('S9 · 不得暗示合作');
    expect(lines.find((line) => line.includes('腾讯官方合作伙伴'))).toMatch(/^ {4}1:22 {2}错误 {5}\[S9\] “腾讯官方合作伙伴”/u);
  });

  it('zh-CN wins over the locale of a project config', () => {
    const dir = scratchProject({
      ...PARSEABLE_FILES,
      'eslint.config.js': `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';
export default defineConfig([wechatOa.configs.recommended, { settings: { 'wechat-oa': { locale: 'en' } } }]);
`,
    });
    const results = JSON.parse(runCli(['--locale', 'zh-CN', '--format', 'json'], dir).stdout) as {
      messages: { message: string }[];
    }[];
    const messages = results.flatMap((result) => result.messages.map((message) => message.message));
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toMatch(/^\[S\d+\] .*[\u4e00-\u9fff]/u);
  });
});

describe('--cache and --concurrency', () => {
  it('--cache stores results in node_modules/.cache/wechat-oa-lint and picks up edits', () => {
    const dir = problemProject();
    const first = runCli(['--cache', '--format', 'json'], dir);
    expect(existsSync(path.join(dir, 'node_modules', '.cache', 'wechat-oa-lint', 'embedded.json'))).toBe(true);
    const second = runCli(['--cache', '--format', 'json'], dir);
    expect(findingsOf(second.stdout, dir)).toEqual(findingsOf(first.stdout, dir));
    expect(findingsOf(second.stdout, dir)).toEqual(PROBLEM_FINDINGS);
    writeFileSync(path.join(dir, 'src', 'page.js'), "export const title = 'Share to WeChat';\n");
    const third = runCli(['--cache', '--format', 'json'], dir);
    expect(findingsOf(third.stdout, dir)).toEqual(PROBLEM_FINDINGS.filter((finding) => finding.file !== 'src/page.js'));
  });

  it('--cache lints a file again when a module it imports changes, and keeps the others cached', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'src/lib/go.js': 'export function go(url) {\n  return url;\n}\n',
      'src/page.js': "import { go } from './lib/go.js';\ngo('https://partner.example.com/welcome');\n",
      'src/alone.js': "export const title = 'Share';\n",
    });
    const first = runCli(['--cache', '--format', 'json'], dir);
    expect(findingsOf(first.stdout, dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'node_modules', '.cache', 'wechat-oa-lint', 'dependencies.json'))).toBe(true);
    // The helper now navigates: page.js is unchanged, but its finding comes through the helper.
    writeFileSync(path.join(dir, 'src', 'lib', 'go.js'), 'export function go(url) {\n  window.location.href = url;\n}\n');
    const second = runCli(['--cache', '--format', 'json'], dir);
    expect(findingsOf(second.stdout, dir)).toEqual([{ file: 'src/page.js', rule: 'wechat-oa/no-auto-redirect', line: 2, column: 1 }]);
    // Back as it was: the cached finding goes too.
    writeFileSync(path.join(dir, 'src', 'lib', 'go.js'), 'export function go(url) {\n  return url;\n}\n');
    const third = runCli(['--cache', '--format', 'json'], dir);
    expect(findingsOf(third.stdout, dir)).toEqual([]);
    // A file that imports nothing of the project keeps its cache entry across the helper's changes.
    const cache = readFileSync(path.join(dir, 'node_modules', '.cache', 'wechat-oa-lint', 'embedded.json'), 'utf8');
    expect(cache).toContain('alone.js');
  });

  it('--concurrency 2 and auto report the same as a single thread', () => {
    const dir = problemProject();
    for (const concurrency of ['2', 'auto']) {
      const run = runCli(['--concurrency', concurrency, '--format', 'json'], dir);
      expect(findingsOf(run.stdout, dir)).toEqual(PROBLEM_FINDINGS);
      expect(run.status).toBe(1);
    }
  });

  it('--concurrency 2 works in project mode too (the options module rebuilds the ruleFilter in each worker)', () => {
    const dir = scratchProject({
      ...PARSEABLE_FILES,
      'eslint.config.js': WARN_CONFIG.replace("'wechat-oa/no-affiliation-claim': 'warn'", "'no-var': 'error'"),
      'src/old.js': 'var legacy = 1;\nexport default legacy;\n',
    });
    const run = runCli(['--concurrency', '2', '--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(PROBLEM_FINDINGS.filter((finding) => finding.rule !== null));
  });
});

describe('--fix', () => {
  // require-https fixes http:// URLs to Weixin hosts; no-var (a core rule with a fix) must never be applied.
  const source = [
    "import axios from 'axios';",
    'var menuUrl = `http://api.weixin.qq.com/cgi-bin/get_current_selfmenu_info?access_token=${process.env.TOKEN}`;',
    'export const menu = () => axios.get(menuUrl);',
    '',
  ].join('\n');
  const fixed = source.replace('http://api.weixin.qq.com', 'https://api.weixin.qq.com');

  it('writes nothing without --fix', () => {
    const dir = problemProject({ 'src/menu.js': source });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([{ file: 'src/menu.js', rule: 'wechat-oa/require-https', line: 2, column: 15 }]);
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(dir, 'src', 'menu.js'), 'utf8')).toBe(source);
  });

  it("writes the wechat-oa rules' fixes to the file, and the fixed problem is gone from the report", () => {
    const dir = problemProject({ 'src/menu.js': source });
    const run = runCli(['--fix', '--format', 'json'], dir);
    expect(readFileSync(path.join(dir, 'src', 'menu.js'), 'utf8')).toBe(fixed);
    expect(findingsOf(run.stdout, dir)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("in project mode applies only the wechat-oa rules' fixes, never those of the project's other rules", () => {
    const dir = scratchProject({
      'src/menu.js': source,
      'eslint.config.js': WARN_CONFIG.replace("'wechat-oa/no-affiliation-claim': 'warn'", "'no-var': 'error'"),
    });
    expect(runCli(['--fix'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'src', 'menu.js'), 'utf8')).toBe(fixed);
  });
});
