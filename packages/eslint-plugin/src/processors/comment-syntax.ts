import { parseHtmlPage, walkElements, type HtmlElement } from './html-page.js';
import { LineIndex } from './offset-map.js';

/**
 * Which disable comment fits a place in a file, for the language server's "Disable <rule> for this line"
 *: a Vue template or an HTML page takes `<!-- eslint-disable-next-line … -->` (read by the plugin
 * itself, see util/template-disable.ts), script takes `// eslint-disable-next-line …`. Inside JSX children a script
 * needs `{/* … *\/}`; telling that needs the script's AST, which the caller has.
 */
export type DisableCommentSyntax = 'html' | 'script';

const isVue = (filename: string) => /\.vue$/iu.test(filename);
const isHtml = (filename: string) => /\.html?$/iu.test(filename);

/** Script bodies of the file: top-level `<script>` blocks of a component, every `<script>` of a page. */
function scriptBodies(elements: Iterable<HtmlElement>): { start: number; end: number }[] {
  const bodies: { start: number; end: number }[] = [];
  for (const element of elements) {
    if (element.name !== 'script') continue;
    bodies.push({ start: element.openEnd, end: element.closeTag ? element.closeTag.start : element.end });
  }
  return bodies;
}

function structure(filename: string, text: string) {
  const page = parseHtmlPage(text);
  const elements = isVue(filename)
    ? page.children.filter((node): node is HtmlElement => node.type === 'element')
    : [...walkElements(page.children)];
  return { page, elements, scripts: scriptBodies(elements) };
}

/** The comment syntax at `offset` of `text` (the file named `filename`). */
export function disableCommentSyntaxAt(filename: string, text: string, offset: number): DisableCommentSyntax {
  if (!isVue(filename) && !isHtml(filename)) return 'script';
  const { scripts } = structure(filename, text);
  return scripts.some((body) => body.start <= offset && offset <= body.end) ? 'script' : 'html';
}

/** A text edit: replace `[start, end)` with `text`. */
export interface CommentEdit {
  range: [number, number];
  text: string;
}

/**
 * The edits that turn `ruleId` off for the line holding `offset`, keeping the line's indentation and line ending.
 * In markup, a line that starts inside a multi-line start tag cannot take a comment before it: the tag is
 * wrapped in `<!-- eslint-disable rule -->` … `<!-- eslint-enable rule -->` instead.
 */
export function disableNextLineEdits(filename: string, text: string, offset: number, ruleId: string): CommentEdit[] {
  const lines = new LineIndex(text);
  const { line } = lines.position(offset);
  const lineStart = lines.offset(line, 0);
  const indentation = /^[ \t]*/u.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = /\r\n|\n|\r/u.exec(text)?.[0] ?? '\n';
  const syntax = disableCommentSyntaxAt(filename, text, offset);
  if (syntax === 'script') {
    return [{ range: [lineStart, lineStart], text: `${indentation}// eslint-disable-next-line ${ruleId}${eol}` }];
  }
  const { elements } = structure(filename, text);
  const firstCode = lineStart + indentation.length;
  const insideTag = [...(isVue(filename) ? walkElements(elements) : elements)].find(
    (element) => element.start < firstCode && firstCode < element.openEnd,
  );
  if (insideTag) {
    const tagLineStart = lines.offset(lines.position(insideTag.start).line, 0);
    const tagIndentation = /^[ \t]*/u.exec(text.slice(tagLineStart))?.[0] ?? '';
    return [
      { range: [tagLineStart, tagLineStart], text: `${tagIndentation}<!-- eslint-disable ${ruleId} -->${eol}` },
      { range: [insideTag.openEnd, insideTag.openEnd], text: `<!-- eslint-enable ${ruleId} -->` },
    ];
  }
  return [{ range: [lineStart, lineStart], text: `${indentation}<!-- eslint-disable-next-line ${ruleId} -->${eol}` }];
}

/** The one-line comment text for a syntax (without indentation or line ending). */
export function disableNextLineComment(syntax: DisableCommentSyntax | 'jsx', ruleId: string): string {
  if (syntax === 'html') return `<!-- eslint-disable-next-line ${ruleId} -->`;
  if (syntax === 'jsx') return `{/* eslint-disable-next-line ${ruleId} */}`;
  return `// eslint-disable-next-line ${ruleId}`;
}
