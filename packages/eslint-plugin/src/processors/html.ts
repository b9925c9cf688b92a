import type { Linter, Rule } from 'eslint';
import type { TSESTree } from '@typescript-eslint/utils';
import { decodeHTMLStrict } from 'entities/decode';
import { isWebUrl, parseUrlText } from '../analysis/values.js';
import { recordPageEvidence, type SavedPageEvidence } from '../util/page-facts.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../util/package-info.js';
import { parseDirectiveComment, TemplateDirectives, type TemplateDirective } from '../util/template-disable.js';
import { getAttribute, parseHtmlPage, walkElements, type DecodedPiece, type HtmlElement, type HtmlNode, type HtmlPage } from './html-page.js';
import { BlockBuilder, LineIndex, type OffsetMap, type PieceContext } from './offset-map.js';
import { findTemplateTags, templateScript } from './server-templates.js';

/**
 * The plugin's processor for `.html` pages (`wechat-oa/html`), on htmlparser2.
 *
 * A page becomes virtual blocks that ESLint lints like any script:
 * - `N_script.js` / `N_module.js`: an inline `<script>` body (classic script or `type="module"`), verbatim;
 * - `N_handlers.js`: every `on<event>` attribute of the page, entity-decoded, each wrapped as its own
 *   `function on<event>(event) {…}` (one block for all of them: each block costs a parse and a rule run) — see
 *   {@link getHtmlEventHandlers}, which the context analysis reads;
 * - `N_markup.js`: the page's markup written as JSX (elements, attributes, text; no script bodies, no `on*`
 *   attributes), so every rule that reads JSX — `<meta http-equiv="refresh">`, `<a href>`, text — reads the page.
 * Every block keeps an exact map back to the file: problems land on the original lines and columns, fixes are
 * written back in the syntax of the place (entities in attributes), `<!-- eslint-disable… -->` comments apply.
 *
 * eslint-plugin-html is not used: it patches the Linter it finds in `require.cache`, which breaks once the
 * language server is bundled; @html-eslint/parser would hide the scripts from JavaScript rules.
 */

/** Script `type`s whose body is JavaScript (HTML: empty/missing, a JavaScript MIME type, or `module`). */
const JAVASCRIPT_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'text/ecmascript',
  'application/ecmascript',
  'application/x-javascript',
  'application/x-ecmascript',
  'text/x-javascript',
  'text/x-ecmascript',
  'text/jscript',
  'text/livescript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
]);

/** Virtual file name of the event-handler block: `<page>.html/<n>_handlers.js`. */
export const HTML_EVENT_HANDLER_BLOCK = /\.html?[/\\]\d+_handlers\.js$/u;
/**
 * Virtual file name of the markup block: `<page>.html/<n>_markup.js` (JSX in a `.js` name: `Linter#verify` lints
 * only `.js` blocks unless told otherwise, and the presets parse JSX in `.js`).
 */
export const HTML_MARKUP_BLOCK = /\.html?[/\\]\d+_markup\.js$/u;
/** Virtual file names of inline scripts: classic `<n>_script.js`, modules `<n>_module.js`. */
export const HTML_SCRIPT_BLOCK = /\.html?[/\\]\d+_(script|module)\.js$/u;

/** Text of the block comment the processor opens the event-handler block with. */
export const HTML_EVENT_HANDLER_MARKER = 'wechat-oa:html-event-handlers';

/** `onclick`, `onclick$2` (a second `onclick` attribute on the page) → `click`. */
const HANDLER_NAME = /^on([a-z][a-z0-9]*)(?:\$\d+)?$/u;

const handlerCache = new WeakMap<object, { filename: string; handlers: Map<TSESTree.FunctionDeclaration, string> }>();

/**
 * For the event-handler block of a page, each wrapper function `function on<event>(event) {…}` (its body is one
 * `on<event>` attribute's code) with its event: the body's execution context is that event's (`onclick`
 * is a gesture, `onload` automatic). Empty for any other file. `filename` may be the block's virtual name
 * (`page.html/1_handlers.js`, `context.filename`) or the page's own (`context.physicalFilename`): then the marker
 * comment the block starts with tells it from an inline script.
 */
export function getHtmlEventHandlers(filename: string, program: TSESTree.Program): Map<TSESTree.FunctionDeclaration, string> {
  const cached = handlerCache.get(program);
  if (cached?.filename === filename) return cached.handlers;
  const handlers = new Map<TSESTree.FunctionDeclaration, string>();
  const marker = program.comments?.[0];
  const isBlock =
    HTML_EVENT_HANDLER_BLOCK.test(filename) ||
    (/\.html?$/iu.test(filename) && marker?.range[0] === 0 && marker.value === HTML_EVENT_HANDLER_MARKER);
  if (isBlock) {
    for (const statement of program.body) {
      const event = statement.type === 'FunctionDeclaration' && statement.id ? HANDLER_NAME.exec(statement.id.name)?.[1] : undefined;
      if (statement.type === 'FunctionDeclaration' && event) handlers.set(statement, event);
    }
  }
  handlerCache.set(program, { filename, handlers });
  return handlers;
}

interface Block {
  filename: string;
  text: string;
  map: OffsetMap;
  lines: LineIndex;
  /** The markup block's text is JSX: replacement text must not need JSX escapes to mean the same in HTML. */
  jsx: boolean;
}

interface PageState {
  text: string;
  lines: LineIndex;
  blocks: Block[];
  directives: TemplateDirectives;
}

const VALID_JSX_NAME = /^[A-Za-z_$][\w$-]*(?::[A-Za-z_$][\w$-]*)?$/u;

function isJavaScript(element: HtmlElement): boolean {
  if (element.name !== 'script' || getAttribute(element, 'src')) return false;
  const type = getAttribute(element, 'type')?.value?.text.trim().toLowerCase() ?? '';
  return JAVASCRIPT_TYPES.has(type.split(';')[0].trim());
}

function isModule(element: HtmlElement): boolean {
  return getAttribute(element, 'type')?.value?.text.trim().toLowerCase() === 'module';
}

const isEventAttribute = (name: string) => /^on[a-z]/u.test(name);

/** `<!--` or `-->` opening a line of a classic script. */
const HTML_LIKE_COMMENT = /^([\t ]*)(<!--|-->)/gmu;

/** JSX escape of one decoded character (numeric references mean the same to every JSX parser). */
function jsxEscape(char: string, inAttribute: boolean): string | undefined {
  switch (char) {
    case '&':
      return '&amp;';
    case '"':
      return inAttribute ? '&quot;' : undefined;
    case '{':
      return inAttribute ? undefined : '&#123;';
    case '}':
      return inAttribute ? undefined : '&#125;';
    case '<':
      return inAttribute ? undefined : '&lt;';
    case '>':
      return inAttribute ? undefined : '&gt;';
    default:
      return undefined;
  }
}

/** Writes decoded pieces as JSX text or a JSX attribute string, keeping every character's origin. */
function writeJsx(builder: BlockBuilder, pieces: readonly DecodedPiece[], inAttribute: boolean): void {
  for (const piece of pieces) {
    if (!piece.verbatim) {
      const escaped = [...piece.text].map((char) => jsxEscape(char, inAttribute) ?? char).join('');
      builder.span(escaped, piece.start, piece.end);
      continue;
    }
    let runStart = 0;
    for (let index = 0; index < piece.text.length; index++) {
      const escaped = jsxEscape(piece.text[index], inAttribute);
      if (escaped === undefined) continue;
      builder.verbatim(piece.text.slice(runStart, index), piece.start + runStart);
      builder.span(escaped, piece.start + index, piece.start + index + 1);
      runStart = index + 1;
    }
    builder.verbatim(piece.text.slice(runStart), piece.start + runStart);
  }
}

function writeDecoded(builder: BlockBuilder, pieces: readonly DecodedPiece[]): void {
  for (const piece of pieces) {
    if (piece.verbatim) builder.verbatim(piece.text, piece.start);
    else builder.span(piece.text, piece.start, piece.end);
  }
}

/**
 * JSX nesting the markup block allows. Deeper elements are written flat, each self-closing and followed by its
 * children: parsers and the rules' traversals recurse per level (TypeScript's parser overflows its stack a few
 * hundred levels down), and no rule needs ancestry that deep. Legacy pages with unclosed tags get that deep.
 */
const MAX_MARKUP_DEPTH = 64;

type MarkupTask = { node: HtmlNode; depth: number } | { synthetic: string; mark?: number } | { close: HtmlElement };

/** Writes the attributes of an element's start tag (no `on*`: those are the handlers block). */
function writeAttributes(builder: BlockBuilder, element: HtmlElement): void {
  const seen = new Set<string>();
  for (const attribute of element.attributes) {
    if (isEventAttribute(attribute.name) || !VALID_JSX_NAME.test(attribute.name) || seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    builder.synthetic(' ');
    builder.span(attribute.name, attribute.nameStart, attribute.nameEnd);
    const value = attribute.value;
    if (!value) continue;
    builder.synthetic('=');
    if (value.quote) builder.span('"', value.start - 1, value.start);
    else builder.synthetic('"');
    builder.beginRegion({ kind: 'attribute', quote: value.quote });
    builder.mark(value.start);
    writeJsx(builder, value.pieces, true);
    builder.mark(value.end);
    builder.endRegion();
    if (value.quote) builder.span('"', value.end, value.end + 1);
    else builder.synthetic('"');
  }
}

/** The page as JSX, iteratively (pages nest as deep as their unclosed tags go). */
function writeMarkup(builder: BlockBuilder, nodes: readonly HtmlNode[], source: string): void {
  const tasks: MarkupTask[] = nodes.map((node) => ({ node, depth: 0 })).reverse();
  const pushChildren = (children: readonly HtmlNode[], depth: number) => {
    for (let index = children.length - 1; index >= 0; index--) tasks.push({ node: children[index], depth });
  };
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    if ('synthetic' in task) {
      builder.synthetic(task.synthetic);
      if (task.mark !== undefined) builder.mark(task.mark);
      continue;
    }
    if ('close' in task) {
      const element = task.close;
      const close = `</${element.name}>`;
      if (element.closeTag) builder.span(close, element.closeTag.start, element.closeTag.end);
      else builder.synthetic(close).mark(element.end);
      continue;
    }
    const { node, depth } = task;
    if (node.type === 'comment') continue;
    if (node.type === 'text') {
      builder.beginRegion({ kind: 'text' });
      writeJsx(builder, node.pieces, false);
      builder.endRegion();
      continue;
    }
    const children = node.name === 'script' || node.name === 'style' ? [] : node.children;
    if (!VALID_JSX_NAME.test(node.name)) {
      // An element JSX cannot name (`<foo.bar>`): keep its content, in a fragment.
      if (depth >= MAX_MARKUP_DEPTH) pushChildren(children, depth);
      else {
        builder.synthetic('<>');
        tasks.push({ synthetic: '</>' });
        pushChildren(children, depth + 1);
      }
      continue;
    }
    builder.verbatim('<', node.start);
    const rawName = source.slice(node.start + 1, node.start + 1 + node.name.length);
    if (rawName === node.name) builder.verbatim(node.name, node.start + 1);
    else builder.span(node.name, node.start + 1, node.start + 1 + rawName.length);
    writeAttributes(builder, node);
    if (children.length === 0 || depth >= MAX_MARKUP_DEPTH) {
      builder.synthetic(' />');
      // Too deep: the element stands alone and its children follow it at the same level.
      builder.mark(children.length === 0 ? node.end : node.openEnd);
      pushChildren(children, depth);
      continue;
    }
    builder.span('>', node.openEnd - 1, node.openEnd);
    tasks.push({ close: node });
    pushChildren(children, depth + 1);
  }
}

function collectDirectives(page: HtmlPage, lines: LineIndex): TemplateDirectives {
  const directives: TemplateDirective[] = [];
  for (const comment of page.comments) {
    const parsed = parseDirectiveComment(comment.data);
    if (parsed) directives.push({ ...parsed, start: lines.position(comment.start), end: lines.position(comment.end) });
  }
  return new TemplateDirectives(directives);
}

/** `<!-- saved from url=(0047)https://mp.weixin.qq.com/s/… -->`, the mark a browser leaves on a page it saves. */
const SAVED_FROM = /^\s*saved from url=\(\d+\)(\S+)/iu;

/** The host a page's URL names, by the plugin's one URL parser ('' when it names none). */
function hostOf(url: string): string {
  return parseUrlText(url).host ?? '';
}

/**
 * What a page says about where it came from (util/page-facts.ts): a `saved from url` comment, a `<base href>`, a
 * canonical link, an `og:url`. Whether that makes it a saved copy of another site's page depends on the project's
 * own hosts, which the rules' gate knows (util/skip-gate.ts).
 */
function savedPageEvidence(page: HtmlPage): SavedPageEvidence[] {
  const evidence: SavedPageEvidence[] = [];
  for (const comment of page.comments) {
    const url = SAVED_FROM.exec(comment.data)?.[1];
    if (url) evidence.push({ kind: 'saved-from', url, host: hostOf(url) });
  }
  for (const element of walkElements(page.children)) {
    const value = (name: string) => getAttribute(element, name)?.value?.text.trim();
    let kind: SavedPageEvidence['kind'] | undefined;
    let url: string | undefined;
    if (element.name === 'base') [kind, url] = ['base', value('href')];
    else if (element.name === 'link' && value('rel')?.toLowerCase().split(/\s+/u).includes('canonical')) [kind, url] = ['canonical', value('href')];
    else if (element.name === 'meta' && value('property')?.toLowerCase() === 'og:url') [kind, url] = ['og:url', value('content')];
    // Only absolute URLs name a host; a relative `<base href="/">` says nothing about another site.
    if (kind && url && isWebUrl(parseUrlText(url))) evidence.push({ kind, url, host: hostOf(url) });
  }
  return evidence;
}

/** What the processor did with the inline scripts of server-side templates (processors/server-templates.ts). */
export interface TemplateScripts {
  /** Scripts linted with their template tags masked. */
  masked: number;
  /** Lines where a script starts that was skipped: it parses neither as written nor masked. */
  skippedLines: number[];
  /** `on*` attributes left out because the server writes them (they hold template tags). */
  skippedHandlers: number;
}

/** Splits a page into its virtual blocks. */
export function htmlBlocks(text: string): {
  blocks: Block[];
  page: HtmlPage;
  evidence: SavedPageEvidence[];
  templates: TemplateScripts;
} {
  const page = parseHtmlPage(text);
  const blocks: Block[] = [];
  const templates: TemplateScripts = { masked: 0, skippedLines: [], skippedHandlers: 0 };
  let pageLines: LineIndex | undefined;
  const handlerAttributes: { name: string; value: NonNullable<HtmlElement['attributes'][number]['value']> }[] = [];
  const add = (name: string, builder: BlockBuilder, jsx = false) => {
    const built = builder.build();
    // ESLint names a block `<file>/<index>_<filename>`: `page.html/0_script.js`.
    blocks.push({ filename: name, text: built.text, map: built.map, lines: new LineIndex(built.text), jsx });
  };
  for (const element of walkElements(page.children)) {
    if (isJavaScript(element)) {
      const body = element.children.find((child) => child.type === 'text');
      if (body && body.text.trim().length > 0) {
        // Classic scripts may hide behind `<!--` … `-->` lines (HTML-like comments, ECMAScript Annex B), which
        // TypeScript's parser rejects: the block gets `//--` and `//>` instead, same length, same positions.
        const written = isModule(element) ? body.text : body.text.replace(HTML_LIKE_COMMENT, (_, space: string, marker: string) => `${space}${marker === '<!--' ? '//--' : '//>'}`);
        // A server-side template's script: linted masked, or skipped when even that does not parse.
        const outcome = templateScript(written, isModule(element));
        if (outcome.kind === 'skipped') {
          pageLines ??= new LineIndex(text);
          templates.skippedLines.push(pageLines.position(body.start).line);
        } else {
          if (outcome.kind === 'masked') templates.masked++;
          const builder = new BlockBuilder(body.start);
          builder.beginRegion({ kind: 'raw' });
          builder.verbatim(outcome.kind === 'masked' ? outcome.code : written, body.start);
          builder.endRegion();
          add(isModule(element) ? 'module.js' : 'script.js', builder);
        }
      }
    }
    for (const attribute of element.attributes) {
      const value = attribute.value;
      if (!isEventAttribute(attribute.name) || !value || value.text.trim().length === 0) continue;
      if (!/^on[a-z][a-z0-9]*$/u.test(attribute.name)) continue;
      // `onclick="<%= action %>()"`: the server writes this handler; one bad handler would fail the whole block.
      if (findTemplateTags(value.text).length > 0) {
        templates.skippedHandlers++;
        continue;
      }
      handlerAttributes.push({ name: attribute.name, value });
    }
  }
  if (handlerAttributes.length > 0) {
    const builder = new BlockBuilder(handlerAttributes[0].value.start);
    builder.synthetic(`/*${HTML_EVENT_HANDLER_MARKER}*/\n`);
    const seen = new Map<string, number>();
    for (const { name, value } of handlerAttributes) {
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      builder.synthetic(`function ${count === 1 ? name : `${name}$${count}`}(event) {`);
      builder.beginRegion({ kind: 'attribute', quote: value.quote });
      builder.mark(value.start);
      writeDecoded(builder, value.pieces);
      builder.mark(value.end);
      builder.endRegion();
      builder.synthetic('\n}\n');
    }
    add('handlers.js', builder);
  }
  const markup = new BlockBuilder(0);
  markup.synthetic('/* wechat-oa: the markup of an HTML page, as JSX */\n<>');
  writeMarkup(markup, page.children, text);
  markup.synthetic('</>;\n');
  add('markup.js', markup, true);
  return { blocks, page, evidence: savedPageEvidence(page), templates };
}

/**
 * What the processor makes of a page, for tools that report it (the CLI's notes, `--explain`): the evidence that
 * it is a saved copy of another site's page (decide with `savedCopySkip` and the project's settings), and the
 * template scripts it masked or skipped. Pure: the same text gives the same answer in any thread.
 */
export function describeHtmlPage(text: string): { evidence: SavedPageEvidence[]; templates: TemplateScripts; blocks: number } {
  const { blocks, evidence, templates } = htmlBlocks(text);
  return { evidence, templates, blocks: blocks.length };
}

// ESLint calls preprocess and postprocess of one file back to back, synchronously (Linter#verify), so the state
// of the page being linted can wait here between the two calls; keyed by file name for safety.
const pending = new Map<string, PageState>();

function encodeForHtml(jsxOrCode: string, context: PieceContext, jsx: boolean): string | undefined {
  if (context.kind === 'raw') return jsxOrCode;
  // The markup block is JSX: a fix's text means what a JSX parser reads from it (character references decoded;
  // JSX knows no other escapes). Braces and angle brackets in JSX text would be code, not text: not written back.
  if (jsx && context.kind === 'text' && /[<>{}]/u.test(jsxOrCode)) return undefined;
  const text = jsx ? decodeHTMLStrict(jsxOrCode) : jsxOrCode;
  if (context.kind === 'text') return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  if (context.quote === '') {
    // An unquoted value cannot hold these; dropping the fix is safer than rewriting the attribute.
    if (/[\s"'=<>`]/u.test(text)) return undefined;
    return text.replaceAll('&', '&amp;');
  }
  const escaped = text.replaceAll('&', '&amp;');
  return context.quote === '"' ? escaped.replaceAll('"', '&quot;') : escaped.replaceAll("'", '&#39;');
}

function mapFix(fix: Rule.Fix, block: Block): Rule.Fix | undefined {
  let [start, end] = fix.range;
  let text = fix.text;
  // A whole JSX attribute string replaced (`"http://…"` → `"https://…"`): write the new value between the quotes.
  if (block.jsx) {
    const candidate = block.map.regionAt(start + 1);
    const region =
      candidate?.context.kind === 'attribute' && candidate.generatedStart === start + 1 && candidate.generatedEnd === end - 1
        ? candidate
        : undefined;
    const quoted = /^(["'])([\s\S]*)\1$/u.exec(text);
    if (region && quoted && block.text[start] === '"' && block.text[end - 1] === '"') {
      start += 1;
      end -= 1;
      text = quoted[2];
    }
  }
  const mapped = block.map.originalRange(start, end);
  if (!mapped) return undefined;
  const encoded = encodeForHtml(text, mapped.region.context, block.jsx);
  if (encoded === undefined) return undefined;
  return { range: [mapped.start, mapped.end], text: encoded };
}

function mapMessage(message: Linter.LintMessage, block: Block, page: PageState): Linter.LintMessage | undefined {
  const mapped: Linter.LintMessage = { ...message };
  const startOffset = block.lines.offset(message.line, message.column - 1);
  const originalStart = block.map.originalStart(startOffset);
  const start = page.lines.position(originalStart);
  mapped.line = start.line;
  mapped.column = start.column + 1;
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const endOffset = block.lines.offset(message.endLine, message.endColumn - 1);
    const originalEnd = Math.max(originalStart, endOffset <= startOffset ? originalStart : block.map.originalEnd(endOffset));
    const end = page.lines.position(originalEnd);
    mapped.endLine = end.line;
    mapped.endColumn = end.column + 1;
  }
  if (page.directives.isDisabled(message.ruleId, start)) return undefined;
  if (message.fix) {
    const fix = mapFix(message.fix, block);
    if (fix) mapped.fix = fix;
    else delete mapped.fix;
  }
  if (message.suggestions) {
    const suggestions = message.suggestions.flatMap((suggestion) => {
      const fix = mapFix(suggestion.fix, block);
      return fix ? [{ ...suggestion, fix }] : [];
    });
    if (suggestions.length > 0) mapped.suggestions = suggestions;
    else delete mapped.suggestions;
  }
  return mapped;
}

export const htmlProcessor = {
  meta: { name: `${PLUGIN_NAME}/html`, version: PLUGIN_VERSION },
  supportsAutofix: true,
  preprocess(text: string, filename: string): { text: string; filename: string }[] {
    const { blocks, page, evidence } = htmlBlocks(text);
    recordPageEvidence(filename, evidence);
    const lines = new LineIndex(text);
    pending.set(filename, { text, lines, blocks, directives: collectDirectives(page, lines) });
    return blocks.map(({ text: blockText, filename: blockName }) => ({ text: blockText, filename: blockName }));
  },
  postprocess(messageLists: Linter.LintMessage[][], filename: string): Linter.LintMessage[] {
    const page = pending.get(filename);
    pending.delete(filename);
    if (!page) return messageLists.flat();
    const messages = messageLists.flatMap((list, index) => {
      const block = page.blocks[index];
      return block ? list.flatMap((message) => mapMessage(message, block, page) ?? []) : list;
    });
    return messages.sort((a, b) => a.line - b.line || a.column - b.column);
  },
} satisfies Linter.Processor;
