import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { describeHtmlPage } from '../../src/processors/html.js';
import { findTemplateTags, maskTemplateTags, templateScript } from '../../src/processors/server-templates.js';
import { readFileSync } from 'node:fs';

const cwd = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/ejs-views');
const view = (name: string) => path.join(cwd, 'views', name);

describe('template tags', () => {
  it('finds EJS, Handlebars and Jinja tags and tells output tags from control tags', () => {
    const code = "a(<%= x %>); <% if (y) { %>{{ z }}{{#each q}}{% for i in r %}{{else}}";
    expect(findTemplateTags(code).map(({ start, end, output }) => [code.slice(start, end), output])).toEqual([
      ['<%= x %>', true],
      ['<% if (y) { %>', false],
      ['{{ z }}', true],
      ['{{#each q}}', false],
      ['{% for i in r %}', false],
      ['{{else}}', false],
    ]);
  });

  it('masks every tag with text of the same length, line breaks kept', () => {
    const code = 'var a = <%- JSON.stringify(a) %>;\n<% if (b) {\n %>go();<% } %>';
    const masked = maskTemplateTags(code, findTemplateTags(code));
    expect(masked).toBe(`var a = 0${' '.repeat(23)};\n/*${' '.repeat(9)}\n */go();/*   */`);
    expect(masked.length).toBe(code.length);
  });

  it('stops at an opener without closer (no search past it)', () => {
    expect(findTemplateTags('a = "<%"; b = 1;')).toEqual([]);
  });

  it('keeps a script that parses as written, masks one that parses masked, skips the rest', () => {
    expect(templateScript("var s = 'Hello {{ name }}';", false)).toEqual({ kind: 'as-written' });
    expect(templateScript('var n = <%= count %>;', false)).toMatchObject({ kind: 'masked', tags: 1 });
    expect(templateScript('window.<%= cb %> = function () {};', false)).toEqual({ kind: 'skipped', tags: 1 });
  });
});

describe('an EJS view folder through the recommended preset', () => {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });

  it('reports no parse error, and lints masked scripts at their own positions', async () => {
    const results = await eslint.lintFiles(['views']);
    const messages = results.flatMap((result) =>
      result.messages.map(({ ruleId, line, column, fatal }) => ({ file: path.basename(result.filePath), ruleId, line, column, fatal })),
    );
    expect(messages.filter((message) => message.fatal || message.ruleId === null)).toEqual([]);
    // profile.html: the masked script still stores the openid in plain text (line 9 of the page).
    expect(messages).toContainEqual({ file: 'profile.html', ruleId: 'wechat-oa/no-plaintext-user-data', line: 9, column: 5, fatal: undefined });
    expect(results.every((result) => result.errorCount === result.messages.filter((m) => m.ruleId?.startsWith('wechat-oa/')).length)).toBe(true);
  });

  it('says which scripts it masked and which it skipped (for the CLI note)', () => {
    expect(describeHtmlPage(readFileSync(view('profile.html'), 'utf8')).templates).toEqual({ masked: 1, skippedLines: [], skippedHandlers: 0 });
    expect(describeHtmlPage(readFileSync(view('list.html'), 'utf8')).templates).toEqual({ masked: 1, skippedLines: [], skippedHandlers: 0 });
    expect(describeHtmlPage(readFileSync(view('callback.html'), 'utf8')).templates).toEqual({ masked: 0, skippedLines: [4], skippedHandlers: 1 });
    expect(describeHtmlPage(readFileSync(view('plain.html'), 'utf8')).templates).toEqual({ masked: 0, skippedLines: [], skippedHandlers: 0 });
  });
});
