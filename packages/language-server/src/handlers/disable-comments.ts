// The edits of "Disable <rule> for this line" and "… for the entire file", in the comment syntax of the place:
// `//` in script, `{/* … */}` among JSX children, `<!-- … -->` in Vue templates and HTML pages.
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JsxRegion } from '../lint/messages.js';

/** An edit on offsets of the document text. */
export interface OffsetEdit {
  range: [number, number];
  text: string;
}

export function isMarkupFile(filename: string): boolean {
  return /\.(?:vue|html?)$/iu.test(filename);
}

/** True when `offset` lies among the children of a JSX element (the innermost region there says so). */
export function isJsxChildPosition(regions: readonly JsxRegion[], offset: number): boolean {
  let innermost: JsxRegion | undefined;
  for (const region of regions) {
    const [start, end] = region;
    if (offset < start || offset > end) continue;
    if (!innermost || end - start < innermost[1] - innermost[0]) innermost = region;
  }
  return innermost?.[2] === 'children';
}

function lineEnding(text: string): string {
  return /\r\n|\n|\r/u.exec(text)?.[0] ?? '\n';
}

export function disableLineEdits(
  document: TextDocument,
  filename: string,
  line: number,
  ruleId: string,
  jsxRegions: readonly JsxRegion[],
  /** Markup files: the edits the plugin computed in the worker (see lint/engine.ts), when it could. */
  markupEdits?: readonly OffsetEdit[],
): TextEdit[] {
  const text = document.getText();
  const lineStart = document.offsetAt({ line, character: 0 });
  if (isMarkupFile(filename) && markupEdits) {
    return markupEdits.map((edit) => ({
      range: { start: document.positionAt(edit.range[0]), end: document.positionAt(edit.range[1]) },
      newText: edit.text,
    }));
  }
  const indentation = /^[ \t]*/u.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const comment = isJsxChildPosition(jsxRegions, lineStart + indentation.length)
    ? `{/* eslint-disable-next-line ${ruleId} */}`
    : `// eslint-disable-next-line ${ruleId}`;
  const position = { line, character: 0 };
  return [{ range: { start: position, end: position }, newText: `${indentation}${comment}${lineEnding(text)}` }];
}

export function disableFileEdits(document: TextDocument, filename: string, ruleId: string): TextEdit[] {
  const text = document.getText();
  // A file-wide comment goes first, after a shebang (which must stay on line 1).
  const line = text.startsWith('#!') ? 1 : 0;
  const comment = isMarkupFile(filename) ? `<!-- eslint-disable ${ruleId} -->` : `/* eslint-disable ${ruleId} */`;
  const position = { line, character: 0 };
  return [{ range: { start: position, end: position }, newText: `${comment}${lineEnding(text)}` }];
}
