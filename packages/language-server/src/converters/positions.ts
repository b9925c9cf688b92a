// ESLint ↔ LSP positions. ESLint reports 1-based lines and 1-based UTF-16 columns of the text *without* a BOM,
// and also breaks lines at U+2028/U+2029; LSP counts 0-based lines broken only at CR, LF and CRLF, with
// UTF-16 characters (the default position encoding). Going through text offsets makes both agree on CRLF,
// astral characters (two UTF-16 units in both) and the rarer separators.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const ESLINT_LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;

/** Start offsets of ESLint's lines in `text` (after the BOM, when there is one). */
export class EslintLines {
  readonly #starts: number[];
  readonly #bom: number;

  constructor(readonly text: string) {
    this.#bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.#starts = [this.#bom];
    for (const match of text.matchAll(ESLINT_LINE_BREAK)) this.#starts.push(match.index + match[0].length);
  }

  /** Offset in the document text of ESLint's 1-based line and column. */
  offset(line: number, column: number): number {
    const index = Math.min(Math.max(line, 1), this.#starts.length) - 1;
    const start = this.#starts[index] ?? this.#bom;
    const next = index + 1 < this.#starts.length ? (this.#starts[index + 1] ?? this.text.length) : this.text.length;
    return Math.min(start + Math.max(column, 1) - 1, next);
  }

  /** Offset in the document text of an ESLint range offset (fix ranges count from the text without a BOM). */
  fixOffset(offset: number): number {
    return Math.min(offset + this.#bom, this.text.length);
  }
}

/** LSP range of an ESLint problem. A problem without an end (a parse error) covers the character it points at. */
export function problemRange(
  document: TextDocument,
  lines: EslintLines,
  problem: { line: number; column: number; endLine?: number | undefined; endColumn?: number | undefined },
): Range {
  const start = lines.offset(problem.line, problem.column);
  let end: number;
  if (problem.endLine !== undefined && problem.endColumn !== undefined) {
    end = Math.max(start, lines.offset(problem.endLine, problem.endColumn));
  } else {
    const code = document.getText().codePointAt(start);
    end = code === undefined || code === 0x0a || code === 0x0d ? start : start + (code > 0xffff ? 2 : 1);
  }
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function rangeOfOffsets(document: TextDocument, lines: EslintLines, range: readonly [number, number]): Range {
  return { start: document.positionAt(lines.fixOffset(range[0])), end: document.positionAt(lines.fixOffset(range[1])) };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}
