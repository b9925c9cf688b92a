// Embedded mode reports wechat-oa findings and parse errors only: comments that other tools' rules need (disable
// comments naming their rules, `/* eslint-env */`, inline configs) are the project's business. Project mode keeps
// ESLint's behaviour for the project's own config.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsOf, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';

afterAll(removeTempDirs);

/** A TypeScript file the way real projects write them: other tools' comments around one wechat-oa finding. */
const SERVICE = [
  '/* eslint-env node */',
  "import express from 'express';",
  '',
  '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
  'export const app: any = express();',
  '/* eslint no-console: 0 */',
  '/* eslint no-console: 1 */',
  '// eslint-disable-next-line no-console, @stylistic/js/no-tabs',
  "console.log('\tstarted');",
  'export const wechat = {',
  "  appid: 'wx8a3f2b9c1d4e5f60',",
  '  // eslint-disable-next-line node/no-process-env',
  "  appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',",
  '};',
  '',
].join('\n');

/** A vendored bundle with an `eslint-env` comment and a blanket directive nothing needs. */
const BUNDLE = "/* eslint-env browser, jquery */\n/* eslint-disable */\nexport const version = '3.7.1';\n";

describe("other tools' comments in embedded mode", () => {
  it('report nothing: only the wechat-oa finding, exit 1 for it alone', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/service.ts': SERVICE, 'public/lib/bundle.js': BUNDLE });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([{ file: 'src/service.ts', rule: 'wechat-oa/no-hardcoded-credentials', line: 13, column: 14 }]);
    expect(run.status).toBe(1);
  });

  it('exit 0 on a clean project that has them', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/service.ts': SERVICE.replace("'5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b'", 'process.env.WECHAT_APP_SECRET!'), 'public/lib/bundle.js': BUNDLE });
    const run = runCli([], dir);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✔ No problems found.');
    expect(run.status).toBe(0);
  });

  it('are never rewritten by --fix (no "unused directive" to delete)', () => {
    const dir = tempDir();
    const source = `${SERVICE}export const menu = 'http://api.weixin.qq.com/cgi-bin/menu/get';\n`;
    writeFiles(dir, { 'src/service.ts': source, 'public/lib/bundle.js': BUNDLE });
    runCli(['--fix'], dir);
    expect(readFileSync(path.join(dir, 'src', 'service.ts'), 'utf8')).toBe(source.replace('http://api', 'https://api'));
    expect(readFileSync(path.join(dir, 'public', 'lib', 'bundle.js'), 'utf8')).toBe(BUNDLE);
  });

  it('still leave a parse error reported', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/broken.ts': '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const broken = ;\n' });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([{ file: 'src/broken.ts', rule: null, line: 2, column: 22 }]);
    expect(run.status).toBe(1);
  });
});

describe("other tools' comments in project mode", () => {
  it("follow the project's config: its own plugins' rule ids are known, a disable comment for a wechat-oa rule works", () => {
    const dir = scratchProject({
      'eslint.config.js': `import wechatOa from 'eslint-plugin-wechat-oa';
const stylistic = { rules: { 'no-tabs': { meta: { schema: [] }, create: () => ({}) } } };
export default [...wechatOa.configs.recommended, { plugins: { '@stylistic/js': stylistic }, rules: { '@stylistic/js/no-tabs': 'error' } }];
`,
      'src/service.js': [
        '// eslint-disable-next-line @stylistic/js/no-tabs',
        "export const a = '\t';",
        '// eslint-disable-next-line wechat-oa/no-hardcoded-credentials',
        "export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';",
        "export const appsecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';",
        '',
      ].join('\n'),
    });
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([{ file: 'src/service.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 5, column: 26 }]);
    expect(run.stderr).toBe('');
  });
});
