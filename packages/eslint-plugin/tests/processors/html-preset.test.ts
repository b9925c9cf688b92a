import { ESLint } from 'eslint';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const require = createRequire(import.meta.url);
const cwd = path.dirname(fileURLToPath(import.meta.url));
const filePath = path.join(cwd, 'public/index.html');

const SECRET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

const page = [
  '<!doctype html>',
  '<html lang="zh-CN">',
  '<head><title>腾讯官方合作 &amp; 活动</title></head>',
  '<body>',
  '  <img alt="本站与微信官方合作" src="/logo.png">',
  '  <script>',
  `    var appSecret = '${SECRET}';`,
  '  </script>',
  '</body>',
  '</html>',
].join('\r\n');

function positions(messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }[]) {
  return messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }));
}

const expected = [
  { ruleId: 'wechat-oa/no-affiliation-claim', line: 3, column: 14, endLine: 3, endColumn: 20 },
  { ruleId: 'wechat-oa/no-affiliation-claim', line: 5, column: 12, endLine: 5, endColumn: 23 },
  { ruleId: 'wechat-oa/no-hardcoded-credentials', line: 7, column: 21, endLine: 7, endColumn: 55 },
];

describe('.html through the recommended preset', () => {
  it('reports page text, attributes and inline scripts at their positions (ESLint 10)', async () => {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(page, { filePath });
    expect(positions(result.messages)).toEqual(expected);
  });

  it('reports the same on ESLint 9', async () => {
    const { ESLint: ESLint9 } = require('eslint9') as typeof import('eslint');
    const eslint = new ESLint9({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(page, { filePath });
    expect(positions(result.messages)).toEqual(expected);
  });

  it('maps suggestions back: removing the claim edits the page text and the attribute', async () => {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(page, { filePath });
    const applied = result.messages
      .filter((message) => message.ruleId === 'wechat-oa/no-affiliation-claim')
      .map((message) => {
        const fix = message.suggestions?.[0]?.fix;
        return fix ? page.slice(0, fix.range[0]) + fix.text + page.slice(fix.range[1]) : undefined;
      });
    expect(applied).toEqual([
      page.replace('<title>腾讯官方合作 &amp; 活动</title>', '<title>&amp; 活动</title>'),
      page.replace('alt="本站与微信官方合作"', 'alt="本站"'),
    ]);
  });

  it('applies autofixes to the page: markup attributes, on* handlers and inline scripts (ESLint 10 and 9)', async () => {
    const source = [
      '<a href="http://mp.weixin.qq.com/s/a?x=1&amp;y=2">a</a>',
      '<button onclick="fetch(&quot;http://api.weixin.qq.com/cgi-bin/token&quot;)">b</button>',
      "<script>fetch('http://api.weixin.qq.com/sns/userinfo');</script>",
    ].join('\r\n');
    const fixedPage = [
      '<a href="https://mp.weixin.qq.com/s/a?x=1&amp;y=2">a</a>',
      '<button onclick="fetch(&quot;https://api.weixin.qq.com/cgi-bin/token&quot;)">b</button>',
      "<script>fetch('https://api.weixin.qq.com/sns/userinfo');</script>",
    ].join('\r\n');
    const { ESLint: ESLint9 } = require('eslint9') as typeof import('eslint');
    for (const Engine of [ESLint, ESLint9]) {
      const eslint = new Engine({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
      const [result] = await eslint.lintText(source, { filePath });
      expect(result.output).toBe(fixedPage);
    }
  });

  it('reports page text at the phrase, so a comment on the line before it applies (ESLint 10 and 9)', async () => {
    // The text after a comment starts on the comment's line; the phrase is on the next one.
    const source = [
      '<p>',
      '  <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -- wording approved in the contract -->',
      '  腾讯官方合作',
      '</p>',
      '<p>',
      '  <!-- a note that disables nothing -->',
      '  微信官方认证',
      '</p>',
    ].join('\n');
    const { ESLint: ESLint9 } = require('eslint9') as typeof import('eslint');
    for (const Engine of [ESLint, ESLint9]) {
      const eslint = new Engine({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
      const [result] = await eslint.lintText(source, { filePath });
      expect(positions(result.messages)).toEqual([
        { ruleId: 'wechat-oa/no-affiliation-claim', line: 7, column: 3, endLine: 7, endColumn: 9 },
      ]);
    }
  });

  it('keeps working for script files', async () => {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(`const appSecret = '${SECRET}';\n`, { filePath: path.join(cwd, 'src/config.js') });
    expect(positions(result.messages)).toEqual([
      { ruleId: 'wechat-oa/no-hardcoded-credentials', line: 1, column: 19, endLine: 1, endColumn: 53 },
    ]);
  });
});
