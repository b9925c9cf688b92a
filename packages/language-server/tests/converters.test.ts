// Pure parts, with static cases: ESLint ↔ LSP positions, the fix-all edit, settings normalisation, doc paragraphs.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { minimalEdit } from '../src/handlers/code-actions.js';
import { isJsxChildPosition } from '../src/handlers/disable-comments.js';
import { EslintLines, problemRange, rangeOfOffsets } from '../src/converters/positions.js';
import { firstProseParagraph } from '../src/rule-docs.js';
import { resolveSettings } from '../src/settings.js';

const doc = (text: string) => TextDocument.create('file:///x.js', 'javascript', 1, text);

describe('positions', () => {
  it('maps ESLint line/column to LSP on CRLF text after astral characters', () => {
    const text = "a\r\nconst s = '😀'; bad();\r\n";
    const document = doc(text);
    // ESLint: line 2, columns 17–20 (UTF-16, 1-based) is `bad`.
    expect(problemRange(document, new EslintLines(text), { line: 2, column: 17, endLine: 2, endColumn: 20 })).toEqual({
      start: { line: 1, character: 16 },
      end: { line: 1, character: 19 },
    });
  });

  it('follows ESLint across U+2028, which ESLint counts as a line break and LSP does not', () => {
    const text = "const a = 1;\u2028bad();\n";
    const document = doc(text);
    // ESLint: line 2, column 1. LSP: still line 0, character 13.
    expect(problemRange(document, new EslintLines(text), { line: 2, column: 1, endLine: 2, endColumn: 4 })).toEqual({
      start: { line: 0, character: 13 },
      end: { line: 0, character: 16 },
    });
  });

  it('shifts by the BOM that ESLint strips', () => {
    const text = '\uFEFFbad();\n';
    const document = doc(text);
    const lines = new EslintLines(text);
    expect(problemRange(document, lines, { line: 1, column: 1, endLine: 1, endColumn: 4 })).toEqual({
      start: { line: 0, character: 1 },
      end: { line: 0, character: 4 },
    });
    expect(rangeOfOffsets(document, lines, [0, 3])).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
  });

  it('gives a problem without an end (a parse error) one character, or none at a line end', () => {
    const text = 'x = (;\n😀\n';
    const document = doc(text);
    const lines = new EslintLines(text);
    expect(problemRange(document, lines, { line: 1, column: 6 })).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 6 } });
    expect(problemRange(document, lines, { line: 1, column: 7 })).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 6 } });
    expect(problemRange(document, lines, { line: 2, column: 1 })).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });
});

describe('minimalEdit', () => {
  it('replaces only the changed middle', () => {
    expect(minimalEdit(doc('a legacy b\n'), 'a modern b\n')).toEqual({
      range: { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } },
      newText: 'modern',
    });
  });

  it('never splits a surrogate pair', () => {
    // 😀 (D83D DE00) and 😁 (D83D DE01) share their first unit.
    expect(minimalEdit(doc('x😀y'), 'x😁y')).toEqual({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '😁' });
  });
});

describe('JSX child positions', () => {
  // <div>{a}<b x={1} /></div>: children 5–19, expression 6–7, tag of <b> 9–16, its expression 13–14.
  const regions: [number, number, 'children' | 'script' | 'tag'][] = [
    [5, 19, 'children'],
    [6, 7, 'script'],
    [9, 16, 'tag'],
    [13, 14, 'script'],
  ];
  it.each([
    [5, true],
    [8, true],
    [6, false],
    [10, false],
    [13, false],
    [2, false],
  ])('offset %i → %s', (offset, expected) => {
    expect(isJsxChildPosition(regions, offset)).toBe(expected);
  });
});

describe('settings', () => {
  it('fills defaults for a client that sends nothing', () => {
    expect(resolveSettings(null, 'zh-CN')).toEqual({
      enable: true,
      run: 'onType',
      preset: 'recommended',
      rules: {},
      useWorkspaceConfig: true,
      debounceMs: 150,
      locale: 'zh-CN',
    });
  });

  it('normalises what users mistype and keeps what is valid', () => {
    expect(
      resolveSettings(
        {
          enable: 'yes',
          run: 'onChange',
          preset: 'strict',
          rules: { 'no-affiliation-claim': 0, 'wechat-oa/require-https': ['warn', { x: 1 }], 'wechat-oa/bad': 'loud', '': 'off' },
          useWorkspaceConfig: false,
          debounceMs: '99999',
          locale: 'zh-Hans',
        },
        'en',
      ),
    ).toEqual({
      enable: true,
      run: 'onType',
      preset: 'strict',
      rules: { 'wechat-oa/no-affiliation-claim': 0, 'wechat-oa/require-https': ['warn', { x: 1 }] },
      useWorkspaceConfig: false,
      debounceMs: 10_000,
      locale: 'zh-CN',
    });
  });
});

describe('firstProseParagraph', () => {
  it('skips the generated header, badges, the clause line, headings and code', () => {
    const markdown = [
      '# wechat-oa/x',
      '',
      '📝 Disallow things.',
      '',
      '<!-- end auto-generated rule header -->',
      '',
      '**Clause S2 — protection:** collected data must be protected.',
      '',
      '```js',
      'const a = 1;',
      '',
      'const b = 2;',
      '```',
      '',
      'The explanation',
      'over two lines.',
      '',
      'More.',
    ].join('\n');
    expect(firstProseParagraph(markdown)).toBe('The explanation over two lines.');
  });
});
