import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { htmlBlocks } from '../../src/processors/html.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const promo = readFileSync(path.join(root, 'test-fixtures/oa-h5-vue/public/promo.html'), 'utf8');

/** Pages that break the usual shape of HTML; the processor must neither throw nor produce JSX that fails to parse. */
const ODD_PAGES = [
  '',
  'just text { with } <braces> & ampersands &amp; &#0; &#x110000; &bogus;',
  '<p>unclosed <b>bold <i>italic',
  '</div></p><p>stray end tags</span>',
  '<a href=x/>self-closing? <br/> <img src=a.png/> <input disabled value>',
  '<a b="c"d=\'e\'f=g h>glued attributes</a>',
  '<a =b "c" \'d\' @click="go" :href="u" v-on:tap="t" [x]="y" (z)="w" #ref x.y="1" data-="2">odd names</a>',
  '<DIV CLASS="Upper"><svg viewBox="0 0 1 1"><foreignObject><p>in svg</p></foreignObject><image href="i.png"/></svg></DIV>',
  '<my-element some-attr="1"><x:y z:w="2">namespaced</x:y></my-element>',
  '<p title="a\nmultiline &quot;value&quot; with {braces} and \u2028 separators">text\u2028line</p>',
  '<script>unterminated(',
  '<script type="module">export {}</script><script type="text/babel"><App /></script><style>p{}</style>',
  '<textarea>&lt;p&gt; raw-ish</textarea><title>a &amp; b</title>',
  '<!-- unterminated comment',
  '<![CDATA[ x ]]><?xml version="1.0"?><!doctype html>',
  '<p onclick="">empty handler</p><p onclick>bare handler</p><p on-click="x()">dashed</p><p onClick="go()">cased</p>',
  '<a title="&">bare ampersand</a><a title="&amp">legacy</a><a title="&ampx">not an entity in attributes</a>',
  '<this>reserved names</this><class>x</class><a-b->trailing dash</a-b->',
  '\uFEFF<p>byte order mark</p>',
];

const config = plugin.configs.all;

describe('HTML processor robustness', () => {
  it.each(ODD_PAGES.map((page) => [page]))('produces a markup block that parses: %j', (page) => {
    const markup = htmlBlocks(page).blocks.at(-1);
    expect(markup?.filename).toBe('markup.js');
    expect(() => tsParser.parse(markup?.text ?? '', { jsx: true, range: true, loc: true } as never)).not.toThrow();
  });

  it.each(ODD_PAGES.map((page) => [page]))('lints without throwing, with positions inside the page: %j', (page) => {
    const messages = new Linter({ configType: 'flat' }).verify(page, config, 'odd.html');
    const lineCount = page.split(/\r\n|[\n\r\u2028\u2029]/u).length;
    for (const message of messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.line).toBeLessThanOrEqual(lineCount);
      if (message.fatal) expect(page).toMatch(/<script/u);
    }
  });

  it('flattens pages nested deeper than parsers recurse (unclosed tags), reporting at the right place', () => {
    const depth = 5000;
    const page = `${'<font size="2">'.repeat(depth)}<p>腾讯官方合作</p>`;
    const messages = new Linter({ configType: 'flat' }).verify(page, config, 'deep.html');
    expect(messages.map(({ ruleId, line, column, fatal }) => ({ ruleId, line, column, fatal }))).toEqual([
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 1, column: depth * 15 + 4, fatal: undefined },
    ]);
  });

  it('keeps the markup block parseable for every prefix of a real page', () => {
    const failures: number[] = [];
    for (let end = 0; end <= promo.length; end += 3) {
      const markup = htmlBlocks(promo.slice(0, end)).blocks.at(-1);
      try {
        tsParser.parse(markup?.text ?? '', { jsx: true } as never);
      } catch {
        failures.push(end);
      }
    }
    expect(failures).toEqual([]);
  });
});
