/**
 * `<!-- eslint-disable… -->` comments in Vue templates and HTML pages.
 *
 * ESLint reads directive comments only from the JavaScript it parses, never from HTML comments. The plugin
 * honours them itself, with ESLint's own semantics: `eslint-disable [rules]` until `eslint-enable [rules]` (or
 * the end of the file), `eslint-disable-line [rules]` on the comment's line, `eslint-disable-next-line [rules]`
 * on the line after the comment ends; no rule list means every rule; ` -- text` after the list is a note.
 */

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface TemplateDirective {
  kind: DirectiveKind;
  /** Rule ids the directive names; `null` means every rule. */
  rules: readonly string[] | null;
  /** Where the comment starts and ends (1-based lines, 0-based columns). */
  start: { line: number; column: number };
  end: { line: number; column: number };
}

// Anchored, linear: `\s*` then a fixed word, then the rest (no nested quantifiers over the same characters).
const DIRECTIVE = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?:\s([\s\S]*))?$/u;

/** The directive in an HTML comment's text (between `<!--` and `-->`), if it is one. */
export function parseDirectiveComment(data: string): { kind: DirectiveKind; rules: string[] | null } | undefined {
  const match = DIRECTIVE.exec(data);
  if (!match) return undefined;
  const kind = match[1] as DirectiveKind;
  const list = (match[2] ?? '').split(/\s--\s/u)[0].trim();
  const rules = list
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
  return { kind, rules: rules.length > 0 ? rules : null };
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);

/** The directives of one file, answering whether a problem at a position is disabled. */
export class TemplateDirectives {
  readonly directives: readonly TemplateDirective[];

  constructor(directives: readonly TemplateDirective[]) {
    this.directives = [...directives].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
  }

  get isEmpty(): boolean {
    return this.directives.length === 0;
  }

  /** Whether the problem of `ruleId` at `position` (1-based line, 0-based column) is turned off. */
  isDisabled(ruleId: string | null | undefined, position: { line: number; column: number }): boolean {
    if (!ruleId) return false; // Parse errors and other messages without a rule cannot be disabled.
    const names = (rules: readonly string[] | null) => rules === null || rules.includes(ruleId);
    let blockDisabled = false;
    for (const directive of this.directives) {
      if (directive.kind === 'disable-line') {
        if (directive.start.line <= position.line && position.line <= directive.end.line && names(directive.rules)) return true;
        continue;
      }
      if (directive.kind === 'disable-next-line') {
        if (position.line === directive.end.line + 1 && names(directive.rules)) return true;
        continue;
      }
      if (!before(directive.start, position)) continue;
      if (!names(directive.rules)) continue;
      // `eslint-enable` without a list re-enables everything; with a list, only the rules it names.
      blockDisabled = directive.kind === 'disable';
    }
    return blockDisabled;
  }
}

interface CommentToken {
  value: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
}

const vueDirectiveCache = new WeakMap<object, TemplateDirectives>();

/**
 * The template disable comments of a Vue single-file component (vue-eslint-parser keeps the HTML comments of
 * the whole file in its document fragment); empty for any other file. Cached per AST.
 */
export function getVueTemplateDirectives(sourceCode: {
  ast: object;
  parserServices?: unknown;
}): TemplateDirectives {
  const cached = vueDirectiveCache.get(sourceCode.ast);
  if (cached) return cached;
  const services = sourceCode.parserServices as { getDocumentFragment?: () => { comments?: CommentToken[] } | null } | undefined;
  const fragment = typeof services?.getDocumentFragment === 'function' ? services.getDocumentFragment() : null;
  const comments = fragment?.comments ?? (sourceCode.ast as { templateBody?: { comments?: CommentToken[] } }).templateBody?.comments ?? [];
  const directives: TemplateDirective[] = [];
  for (const comment of comments) {
    const parsed = parseDirectiveComment(comment.value);
    if (parsed) directives.push({ ...parsed, start: comment.loc.start, end: comment.loc.end });
  }
  const result = new TemplateDirectives(directives);
  vueDirectiveCache.set(sourceCode.ast, result);
  return result;
}

/** Where a report descriptor starts: its `loc` (a position or a range) or its node's start. */
export function reportStart(descriptor: {
  node?: { loc?: { start: { line: number; column: number } } } | null;
  loc?: { line: number; column: number } | { start: { line: number; column: number } } | null;
}): { line: number; column: number } | undefined {
  const loc = descriptor.loc;
  if (loc) return 'start' in loc ? loc.start : loc;
  return descriptor.node?.loc?.start;
}
