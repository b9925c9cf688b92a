import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { Parser } from 'htmlparser2';

/**
 * An HTML page as the processor needs it: elements with the exact source range of every attribute, text with
 * the source span of every decoded character, and comments. htmlparser2 gives decoded strings and event
 * positions; the spans of entities inside a value come from decoding the raw slice again with the same decoder
 * htmlparser2 uses (`entities`), which reports how many characters each entity consumed.
 */

/** A run of decoded text: `verbatim` pieces are copied from the source, others are one decoded entity. */
export interface DecodedPiece {
  text: string;
  start: number;
  end: number;
  verbatim: boolean;
}

export interface HtmlAttribute {
  /** Lowercased name. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Undefined for a bare attribute (`<input disabled>`). */
  value: DecodedValue | undefined;
}

export interface DecodedValue {
  /** The decoded value, as the browser sees it. */
  text: string;
  pieces: DecodedPiece[];
  /** Raw value range, without quotes. */
  start: number;
  end: number;
  quote: '"' | "'" | '';
}

export interface HtmlText {
  type: 'text';
  start: number;
  end: number;
  /** Decoded text (raw for `<script>` and `<style>` bodies, which HTML does not decode). */
  text: string;
  pieces: DecodedPiece[];
}

export interface HtmlComment {
  type: 'comment';
  start: number;
  end: number;
  /** Text between `<!--` and `-->`. */
  data: string;
}

export interface HtmlElement {
  type: 'element';
  /** Lowercased tag name. */
  name: string;
  start: number;
  /** Offset after the start tag's `>`. */
  openEnd: number;
  /** Offset after the end tag, or where the element was implicitly closed. */
  end: number;
  /** Range of the explicit end tag, when there is one. */
  closeTag: { start: number; end: number } | undefined;
  attributes: HtmlAttribute[];
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | HtmlText | HtmlComment;

export interface HtmlPage {
  source: string;
  children: HtmlNode[];
  comments: HtmlComment[];
}

/** Elements whose content HTML does not decode (raw text). */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/** Decodes a raw slice of the source, recording the source span of each decoded piece. */
// One decoder for the module: decoding is synchronous and never re-entered.
let decoded = '';
let consumed = 0;
const decoder = new EntityDecoder(htmlDecodeTree, (codePoint, length) => {
  decoded += String.fromCodePoint(codePoint);
  consumed = length;
});

export function decodeWithSpans(source: string, start: number, end: number, mode: DecodingMode): DecodedPiece[] {
  const raw = source.slice(start, end);
  if (!raw.includes('&')) return raw.length > 0 ? [{ text: raw, start, end, verbatim: true }] : [];
  const pieces: DecodedPiece[] = [];
  let cursor = 0;
  let index = raw.indexOf('&');
  while (index >= 0) {
    decoded = '';
    consumed = 0;
    decoder.startEntity(mode);
    if (decoder.write(raw, index + 1) < 0) decoder.end();
    if (consumed > 0) {
      if (index > cursor) pieces.push({ text: raw.slice(cursor, index), start: start + cursor, end: start + index, verbatim: true });
      pieces.push({ text: decoded, start: start + index, end: start + index + consumed, verbatim: false });
      cursor = index + consumed;
      index = raw.indexOf('&', cursor);
    } else {
      index = raw.indexOf('&', index + 1);
    }
  }
  if (cursor < raw.length) pieces.push({ text: raw.slice(cursor), start: start + cursor, end, verbatim: true });
  return pieces;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/** Reads one attribute from its name's start: the name's end, and the raw value range with its quote. */
function scanAttribute(source: string, nameStart: number): { nameEnd: number; value?: { start: number; end: number; quote: '"' | "'" | '' } } {
  let index = nameStart + 1;
  while (index < source.length && !isSpace(source[index]) && !'=>/'.includes(source[index])) index++;
  const nameEnd = index;
  while (isSpace(source[index])) index++;
  if (source[index] !== '=') return { nameEnd };
  index++;
  while (isSpace(source[index])) index++;
  const quote = source[index];
  if (quote === '"' || quote === "'") {
    const close = source.indexOf(quote, index + 1);
    return { nameEnd, value: { start: index + 1, end: close < 0 ? source.length : close, quote } };
  }
  const valueStart = index;
  while (index < source.length && !isSpace(source[index]) && source[index] !== '>') index++;
  return { nameEnd, value: { start: valueStart, end: index, quote: '' } };
}

function piecesText(pieces: readonly DecodedPiece[]): string {
  return pieces.map((piece) => piece.text).join('');
}

/** Parses a page with htmlparser2 (HTML mode, entities decoded as a browser does). */
export function parseHtmlPage(source: string): HtmlPage {
  const page: HtmlPage = { source, children: [], comments: [] };
  const stack: HtmlElement[] = [];
  let pendingText: { start: number; end: number } | undefined;
  let lastEnd = 0;
  const container = () => (stack.length > 0 ? stack[stack.length - 1].children : page.children);

  const flushText = () => {
    if (!pendingText) return;
    const { start, end } = pendingText;
    pendingText = undefined;
    const parent = stack[stack.length - 1];
    const pieces =
      parent && RAW_TEXT_ELEMENTS.has(parent.name)
        ? [{ text: source.slice(start, end), start, end, verbatim: true }]
        : decodeWithSpans(source, start, end, DecodingMode.Legacy);
    container().push({ type: 'text', start, end, text: piecesText(pieces), pieces });
  };

  // htmlparser2's handler methods are called as methods of the handler object; positions are read from `parser`.
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        flushText();
        stack.push({
          type: 'element',
          name,
          start: parser.startIndex,
          openEnd: parser.startIndex,
          end: parser.startIndex,
          closeTag: undefined,
          attributes: [],
          children: [],
        });
      },
      onattribute(name) {
        const element = stack[stack.length - 1];
        if (!element) return;
        const nameStart = parser.startIndex;
        const scanned = scanAttribute(source, nameStart);
        let value: DecodedValue | undefined;
        if (scanned.value) {
          const { start, end, quote } = scanned.value;
          const pieces = decodeWithSpans(source, start, end, DecodingMode.Attribute);
          value = { text: piecesText(pieces), pieces, start, end, quote };
        }
        element.attributes.push({ name, nameStart, nameEnd: scanned.nameEnd, value });
      },
      onopentag() {
        const element = stack[stack.length - 1];
        if (!element) return;
        element.openEnd = parser.endIndex + 1;
        element.end = element.openEnd;
        lastEnd = element.openEnd;
        // Attached to its parent now: the parent is the element below it on the stack.
        const parent = stack[stack.length - 2];
        (parent ? parent.children : page.children).push(element);
      },
      ontext() {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (pendingText && pendingText.end === start) pendingText.end = end;
        else {
          flushText();
          pendingText = { start, end };
        }
        lastEnd = end;
      },
      oncomment(data) {
        flushText();
        const comment: HtmlComment = { type: 'comment', start: parser.startIndex, end: parser.endIndex + 1, data };
        container().push(comment);
        page.comments.push(comment);
        lastEnd = comment.end;
      },
      onclosetag(_name, isImplied) {
        flushText();
        const element = stack.pop();
        if (!element) return;
        if (isImplied) element.end = Math.max(element.openEnd, lastEnd);
        else {
          element.closeTag = { start: parser.startIndex, end: parser.endIndex + 1 };
          element.end = element.closeTag.end;
        }
        lastEnd = element.end;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(source);
  flushText();
  return page;
}

/** Every element under `nodes`, in document order (iterative: unclosed tags nest pages very deep). */
export function* walkElements(nodes: readonly HtmlNode[]): Generator<HtmlElement> {
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type !== 'element') continue;
    yield node;
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]);
  }
}

export function getAttribute(element: HtmlElement, name: string): HtmlAttribute | undefined {
  return element.attributes.find((attribute) => attribute.name === name);
}
