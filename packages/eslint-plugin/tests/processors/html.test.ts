import { DecodingMode } from 'entities/decode';
import type { Linter, Rule } from 'eslint';
import { Linter as Linter10 } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { decodeWithSpans, parseHtmlPage } from '../../src/processors/html-page.js';
import { getHtmlEventHandlers, htmlBlocks, htmlProcessor } from '../../src/processors/html.js';
import { BlockBuilder, LineIndex } from '../../src/processors/offset-map.js';

/** A test rule with an autofix: `http://` in a string becomes `https://`, the literal rewritten whole. */
const httpsRule: Rule.RuleModule = {
  meta: { type: 'problem', fixable: 'code', schema: [] },
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value !== 'string' || !node.value.includes('http://') || !node.range) return;
        const raw = context.sourceCode.getText(node);
        const quote = raw[0];
        context.report({
          node,
          message: `http: ${node.value}`,
          fix: (fixer) => fixer.replaceText(node, `${quote}${raw.slice(1, -1).replaceAll('http://', 'https://')}${quote}`),
        });
      },
    };
  },
};

/** A test rule that reports every JSX text and every identifier `target` (for positions of markup and scripts). */
const markRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      JSXText(node: Rule.Node) {
        const value = (node as unknown as { value: string }).value;
        if (value.trim()) context.report({ node, message: `text ${value.trim()}` });
      },
      Identifier(node) {
        if (node.name === 'target') context.report({ node, message: 'target' });
      },
    };
  },
};

const config: Linter.Config[] = [
  { plugins: { test: { rules: { https: httpsRule, mark: markRule }, processors: { html: htmlProcessor } } } },
  { files: ['**/*.html'], processor: 'test/html' },
  {
    files: ['**/*.js'],
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: { 'test/https': 'error', 'test/mark': 'error' },
  },
];

function lint(text: string) {
  const linter = new Linter10({ configType: 'flat' });
  return linter
    .verify(text, config, 'page.html')
    .map(({ ruleId, line, column, endLine, endColumn, message, fatal }) => ({ ruleId, line, column, endLine, endColumn, message, ...(fatal ? { fatal } : {}) }));
}

function fix(text: string): string {
  return new Linter10({ configType: 'flat' }).verifyAndFix(text, config, 'page.html').output;
}

describe('decodeWithSpans', () => {
  it('keeps the source span of every entity and copies the rest', () => {
    const source = 'a&amp;b&#x1F600;c&copy d&nope;';
    expect(decodeWithSpans(source, 0, source.length, DecodingMode.Legacy)).toEqual([
      { text: 'a', start: 0, end: 1, verbatim: true },
      { text: '&', start: 1, end: 6, verbatim: false },
      { text: 'b', start: 6, end: 7, verbatim: true },
      { text: '😀', start: 7, end: 16, verbatim: false },
      { text: 'c', start: 16, end: 17, verbatim: true },
      { text: '©', start: 17, end: 22, verbatim: false },
      { text: ' d&nope;', start: 22, end: 30, verbatim: true },
    ]);
  });

  it('decodes attributes as browsers do: no legacy entity before an alphanumeric or `=`', () => {
    const source = '?a=1&copy=2&amp;b=&lt';
    expect(decodeWithSpans(source, 0, source.length, DecodingMode.Attribute)).toEqual([
      { text: '?a=1&copy=2', start: 0, end: 11, verbatim: true },
      { text: '&', start: 11, end: 16, verbatim: false },
      { text: 'b=', start: 16, end: 18, verbatim: true },
      { text: '<', start: 18, end: 21, verbatim: false },
    ]);
  });
});

describe('parseHtmlPage', () => {
  it('records attribute ranges for double, single, unquoted and bare attributes', () => {
    const source = `<input title="a&amp;b" alt='x' name=q disabled>`;
    const [input] = parseHtmlPage(source).children;
    expect(input.type === 'element' && input.attributes.map((a) => [a.name, a.nameStart, a.nameEnd, a.value && [a.value.text, a.value.start, a.value.end, a.value.quote]])).toEqual([
      ['title', 7, 12, ['a&b', 14, 21, '"']],
      ['alt', 23, 26, ['x', 28, 29, "'"]],
      ['name', 31, 35, ['q', 36, 37, '']],
      ['disabled', 38, 46, undefined],
    ]);
  });
});

describe('htmlBlocks', () => {
  it('extracts inline scripts, on* handlers and the markup; skips src= scripts and non-JavaScript types', () => {
    const page = [
      '<html><head><meta http-equiv="refresh" content="5;url=/a?x=1&amp;y=2">',
      '<script src="/app.js"></script><script type="text/template"><p>t</p></script>',
      '<script>var a = 1 < 2;</script><script type="module">import x from "./x.js";</script>',
      '</head><body onload="init()"><button onclick="go(&quot;x&quot;)">Go {now} &lt;</button></body></html>',
    ].join('\n');
    const blocks = htmlBlocks(page).blocks.map(({ filename, text }) => ({ filename, text }));
    expect(blocks).toEqual([
      { filename: 'script.js', text: 'var a = 1 < 2;' },
      { filename: 'module.js', text: 'import x from "./x.js";' },
      {
        filename: 'handlers.js',
        text: '/*wechat-oa:html-event-handlers*/\nfunction onload(event) {init()\n}\nfunction onclick(event) {go("x")\n}\n',
      },
      {
        filename: 'markup.js',
        text: [
          '/* wechat-oa: the markup of an HTML page, as JSX */',
          '<><html><head><meta http-equiv="refresh" content="5;url=/a?x=1&amp;y=2" />',
          '<script src="/app.js" /><script type="text/template" />',
          '<script /><script type="module" />',
          '</head><body><button>Go &#123;now&#125; &lt;</button></body></html></>;',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('names each handler function after its attribute, for the context analysis', () => {
    const parse = (code: string) => tsParser.parse(code, { range: true, loc: true, comment: true });
    const block = parse('/*wechat-oa:html-event-handlers*/\nfunction onclick(event) {go()\n}\nfunction onclick$2(event) {}\n');
    const events = (filename: string, program: typeof block) => [...getHtmlEventHandlers(filename, program as never).values()];
    // By the block's virtual name (context.filename) or by the page's name and the marker (physicalFilename).
    expect(events('/p/page.html/3_handlers.js', block)).toEqual(['click', 'click']);
    expect(events('/p/page.html', block)).toEqual(['click', 'click']);
    expect(events('/p/page.html/0_script.js', block)).toEqual([]);
    expect(events('/p/page.html', parse('function onclick(event) {go()\n}\n'))).toEqual([]);
    expect(events('/p/app.js', block)).toEqual([]);
  });
});

describe('offset map', () => {
  it('maps decoded and synthetic text back to the source', () => {
    const builder = new BlockBuilder(0);
    builder.synthetic('f(');
    builder.beginRegion({ kind: 'attribute', quote: '"' });
    builder.verbatim('ab', 10).span('&', 12, 17).verbatim('cd', 17);
    builder.endRegion();
    builder.synthetic(')');
    const { text, map } = builder.build();
    expect(text).toBe('f(ab&cd)');
    expect([0, 2, 3, 4, 5, 7].map((offset) => map.originalStart(offset))).toEqual([10, 10, 11, 12, 17, 19]);
    expect([4, 5, 7, 8].map((offset) => map.originalEnd(offset))).toEqual([12, 17, 19, 19]);
    expect(map.originalRange(2, 7)).toMatchObject({ start: 10, end: 19 });
    expect(map.originalRange(5, 5)).toMatchObject({ start: 17, end: 17 });
    // Inside the decoded entity, or over synthetic text: no exact edit.
    expect(map.originalRange(4, 4)).toMatchObject({ start: 12, end: 12 });
    expect(map.originalRange(1, 3)).toBeUndefined();
  });

  it('counts lines as ESLint does (CRLF, CR, LS/PS)', () => {
    const lines = new LineIndex('a\r\nb\rc\u2028d\ne');
    expect([0, 3, 5, 7, 9].map((offset) => lines.position(offset))).toEqual([
      { line: 1, column: 0 },
      { line: 2, column: 0 },
      { line: 3, column: 0 },
      { line: 4, column: 0 },
      { line: 5, column: 0 },
    ]);
    expect(lines.offset(4, 1)).toBe(8);
  });
});

describe('wechat-oa/html through ESLint', () => {
  it('puts problems of scripts, handlers and markup on the lines and columns of the page (CRLF, astral characters)', () => {
    const page = [
      '<!doctype html>',
      '<p title="😀 http://a.cn/?x=1&amp;y=2">😀 target text</p>',
      '<button onclick="if (a &amp;&amp; b) location.href = \'http://b.cn\'">😀</button>',
      '<script>',
      '  const target = "😀"; const u = "http://c.cn";',
      '</script>',
    ].join('\r\n');
    expect(lint(page)).toEqual([
      { ruleId: 'test/https', line: 2, column: 10, endLine: 2, endColumn: 39, message: 'http: 😀 http://a.cn/?x=1&y=2' },
      { ruleId: 'test/mark', line: 2, column: 40, endLine: 2, endColumn: 54, message: 'text 😀 target text' },
      { ruleId: 'test/https', line: 3, column: 54, endLine: 3, endColumn: 67, message: 'http: http://b.cn' },
      { ruleId: 'test/mark', line: 3, column: 69, endLine: 3, endColumn: 71, message: 'text 😀' },
      { ruleId: 'test/mark', line: 5, column: 9, endLine: 5, endColumn: 15, message: 'target' },
      { ruleId: 'test/https', line: 5, column: 34, endLine: 5, endColumn: 47, message: 'http: http://c.cn' },
    ]);
  });

  it('writes fixes back in the syntax of the place: scripts as they are, attributes entity-encoded', () => {
    const page = [
      '<meta http-equiv="refresh" content="0;url=http://a.cn/?x=1&amp;y=2">',
      "<a href='http://b.cn'>b</a> <a href=http://c.cn>c</a>",
      '<button onclick="go(&quot;http://d.cn&quot;)">d</button>',
      '<script>go("http://e.cn")</script>',
    ].join('\n');
    expect(fix(page)).toBe(
      [
        '<meta http-equiv="refresh" content="0;url=https://a.cn/?x=1&amp;y=2">',
        "<a href='https://b.cn'>b</a> <a href=https://c.cn>c</a>",
        '<button onclick="go(&quot;https://d.cn&quot;)">d</button>',
        '<script>go("https://e.cn")</script>',
      ].join('\n'),
    );
  });

  it('drops a fix it cannot write back exactly, and keeps the problem', () => {
    // An unquoted attribute cannot take the quotes of the new code: the fix is dropped, the problem stays.
    const page = '<button onclick=go("http://a.cn")>x</button>';
    const messages = new Linter10({ configType: 'flat' }).verify(page, config, 'page.html');
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.fix])).toEqual([
      ['test/https', 1, 20, undefined],
      ['test/mark', 1, 35, undefined],
    ]);
  });

  it('honours <!-- eslint-disable… --> comments in the page', () => {
    const page = [
      '<!-- eslint-disable-next-line test/mark -->',
      '<p>one</p>',
      '<p>two</p> <!-- eslint-disable-line -->',
      '<!-- eslint-disable test/https -- legacy links -->',
      '<a href="http://a.cn">three</a>',
      '<!-- eslint-enable test/https -->',
      '<a href="http://b.cn">four</a>',
    ].join('\n');
    expect(lint(page)).toEqual([
      { ruleId: 'test/mark', line: 5, column: 23, endLine: 5, endColumn: 28, message: 'text three' },
      { ruleId: 'test/https', line: 7, column: 9, endLine: 7, endColumn: 22, message: 'http: http://b.cn' },
      { ruleId: 'test/mark', line: 7, column: 23, endLine: 7, endColumn: 27, message: 'text four' },
    ]);
  });

  it('reads classic scripts hidden in HTML-like comments (`<!--` … `-->` lines)', () => {
    expect(lint('<script>\n  <!-- hide from old browsers\n  var target = 1;\n  // -->\n  -->\n</script>')).toEqual([
      { ruleId: 'test/mark', line: 3, column: 7, endLine: 3, endColumn: 13, message: 'target' },
    ]);
  });

  it('reports a parse error of an inline script at its place in the page', () => {
    expect(lint('<p>x</p>\n<script>\nlet = ;\n</script>')).toEqual([
      { ruleId: 'test/mark', line: 1, column: 4, endLine: 1, endColumn: 5, message: 'text x' },
      { ruleId: null, line: 3, column: 6, endLine: undefined, endColumn: undefined, message: 'Parsing error: Expression expected.', fatal: true },
    ]);
  });
});
