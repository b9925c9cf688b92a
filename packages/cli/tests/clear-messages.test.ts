// Messages a new user meets first: config mistakes, what --fix did, where each rule is explained.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';
import { problemProject } from './helpers/scratch.js';

afterAll(removeTempDirs);

const CLEAN = { 'src/share.js': "export const label = 'Share to WeChat';\n" };
const DOCS = 'https://github.com/wechat-oa-lint/wechat-oa-lint/blob/main/packages/eslint-plugin/docs/rules';

describe('configuration errors', () => {
  it('wechat-oa rules without the plugin: says so and shows the two lines that register it', () => {
    const dir = scratchProject({ ...CLEAN, 'eslint.config.js': "export default [{ rules: { 'wechat-oa/no-auto-redirect': 'error' } }];\n" });
    const run = runCli([], dir);
    expect(run.stderr.split('\n')).toEqual([
      'wechat-oa-lint: eslint.config.js turns on wechat-oa rules but does not register the plugin eslint-plugin-wechat-oa; ' +
        'add these two lines (the second in the config object that sets the rules), or use wechatOa.configs.recommended:',
      "  import wechatOa from 'eslint-plugin-wechat-oa';",
      "  plugins: { 'wechat-oa': wechatOa },",
      '',
    ]);
    expect(run.status).toBe(2);
  });

  it('and in a CommonJS project, the require() line', () => {
    const dir = scratchProject({
      ...CLEAN,
      'package.json': '{ "type": "commonjs" }\n',
      'eslint.config.js': "module.exports = [{ rules: { 'wechat-oa/no-auto-redirect': 'error' } }];\n",
    });
    expect(runCli([], dir).stderr.split('\n')[1]).toBe("  const wechatOa = require('eslint-plugin-wechat-oa');");
  });

  it('a syntax error in eslint.config.js gives file:line:column', () => {
    const dir = scratchProject({ ...CLEAN, 'eslint.config.js': "export default [\n  { rules: { 'no-var': 'error' } }\n  { ignores: ['dist/**'] },\n];\n" });
    const run = runCli([], dir);
    expect(run.stderr).toBe("wechat-oa-lint: eslint.config.js:3:3: syntax error: Unexpected token '{'\n");
    expect(run.status).toBe(2);
  });
});

describe('--fix', () => {
  const menu = (n: number) => `export const menu${n} = 'http://api.weixin.qq.com/cgi-bin/menu/get';\n`;

  it('ends with how many problems it fixed in how many files', () => {
    const dir = problemProject({ 'src/a.js': menu(1) + menu(2), 'src/b.js': menu(3), 'src/c.js': "export const c = 'Share';\n" });
    const run = runCli(['--fix'], dir);
    expect(run.stderr.split('\n').at(-2)).toBe('wechat-oa-lint: 3 problems fixed in 2 files');
    expect(readFileSync(path.join(dir, 'src', 'b.js'), 'utf8')).toBe(menu(3).replace('http:', 'https:'));
    expect(run.status).toBe(0);
  });

  it('says so when there was nothing to fix', () => {
    const run = runCli(['--fix', '--format', 'json'], problemProject(CLEAN));
    expect(run.stderr.split('\n').at(-2)).toBe('wechat-oa-lint: 0 problems fixed in 0 files');
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });
});

describe('rule docs in the default output', () => {
  const project = () =>
    problemProject({
      'src/a.js': "export const a = '腾讯官方合作伙伴';\nexport const b = '腾讯官方认证';\n",
      'src/b.js': "export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';\n",
    });

  it("lists each rule's doc once, after the findings", () => {
    const lines = runCli([], project()).stdout.split('\n');
    const start = lines.indexOf('Rule docs');
    expect(lines.slice(start, start + 4)).toEqual([
      'Rule docs',
      `  wechat-oa/no-hardcoded-credentials  ${DOCS}/no-hardcoded-credentials.md`,
      `  wechat-oa/no-affiliation-claim      ${DOCS}/no-affiliation-claim.md`,
      '',
    ]);
    expect(lines.filter((line) => line.includes(`${DOCS}/no-affiliation-claim.md`))).toHaveLength(1);
  });

  it('links the Chinese docs with --locale zh-CN', () => {
    const lines = runCli(['--locale', 'zh-CN'], project()).stdout.split('\n');
    expect(lines[lines.indexOf('规则文档') + 1]).toBe(`  wechat-oa/no-hardcoded-credentials  ${DOCS}/no-hardcoded-credentials.zh-CN.md`);
  });

  it('makes rule ids terminal hyperlinks (OSC 8) on a terminal', () => {
    const run = runCli([], project(), { FORCE_HYPERLINK: '1' });
    const link = `\u001B]8;;${DOCS}/no-affiliation-claim.md\u0007wechat-oa/no-affiliation-claim\u001B]8;;\u0007`;
    expect(run.stdout).toContain(`  ${link}`);
    expect(runCli([], project()).stdout).not.toContain('\u001B]8;;');
  });
});
