import { parse } from '@typescript-eslint/parser';

/**
 * Inline scripts of server-side template views (EJS `<% %>`, Handlebars/Mustache and Jinja/Nunjucks `{{ }}` and
 * `{% %}`): the page is JavaScript only after the server has filled the tags in, so as written it often does not
 * parse (`var user = <%- JSON.stringify(user) %>;`). Such a script is linted with its tags masked where the masked
 * text parses, and skipped otherwise: a view's script is never reported as a parse error of this project's code.
 *
 * Masks keep every character's offset (the block maps one to one onto the page): an output tag (`<%=`, `<%-`,
 * `{{ x }}`) becomes the expression `0` padded with spaces, any other tag (`<% if (a) { %>`, `{% for %}`,
 * `{{#each}}`) a block comment of the same length. Line breaks inside a tag are kept.
 */

interface TagSyntax {
  open: string;
  close: string;
}

const TAG_SYNTAXES: readonly TagSyntax[] = [
  { open: '<%', close: '%>' },
  { open: '{{', close: '}}' },
  { open: '{%', close: '%}' },
];

/** After the opener: these make the tag print a value (EJS), the others are control flow or comments. */
const EJS_OUTPUT_MARKERS = new Set(['=', '-']);
/** Handlebars/Mustache block, comment, partial and inverse markers: `{{#if}}`, `{{/if}}`, `{{!…}}`, `{{> x}}`, `{{^x}}`. */
const MUSTACHE_CONTROL_MARKERS = new Set(['#', '/', '!', '>', '^', '~']);

interface TemplateTag {
  start: number;
  end: number;
  output: boolean;
}

/** Whether `code` holds an opener of a template tag (the cheap test before anything else). */
export function hasTemplateTagOpener(code: string): boolean {
  return TAG_SYNTAXES.some((syntax) => code.includes(syntax.open));
}

/** The template tags of `code`, left to right, found with `indexOf` (linear: a missing closer ends the search). */
export function findTemplateTags(code: string): TemplateTag[] {
  const tags: TemplateTag[] = [];
  let index = 0;
  while (index < code.length) {
    let next: { syntax: TagSyntax; start: number } | undefined;
    for (const syntax of TAG_SYNTAXES) {
      const start = code.indexOf(syntax.open, index);
      if (start !== -1 && (!next || start < next.start)) next = { syntax, start };
    }
    if (!next) break;
    const closeAt = code.indexOf(next.syntax.close, next.start + next.syntax.open.length);
    if (closeAt === -1) break;
    const end = closeAt + next.syntax.close.length;
    const marker = code[next.start + next.syntax.open.length];
    const output =
      next.syntax.open === '<%'
        ? EJS_OUTPUT_MARKERS.has(marker)
        : next.syntax.open === '{{'
          ? !MUSTACHE_CONTROL_MARKERS.has(marker) && !/^\{\{\s*else\b/u.test(code.slice(next.start, end))
          : false;
    tags.push({ start: next.start, end, output });
    index = end;
  }
  return tags;
}

/** Every character of a tag replaced, line breaks kept: `0` and spaces, or a block comment. */
export function maskTemplateTags(code: string, tags: readonly TemplateTag[]): string {
  let masked = '';
  let last = 0;
  for (const { start, end, output } of tags) {
    masked += code.slice(last, start);
    const tag = code.slice(start, end);
    const blank = tag.replaceAll(/[^\n\r]/gu, ' ');
    masked += output ? `0${blank.slice(1)}` : `/*${blank.slice(2, -2).replaceAll('*/', '  ')}*/`;
    last = end;
  }
  return masked + code.slice(last);
}

function parses(code: string, module: boolean): boolean {
  try {
    parse(code, { ecmaFeatures: { jsx: true }, sourceType: module ? 'module' : 'script', range: false, loc: false, tokens: false, comment: false });
    return true;
  } catch {
    return false;
  }
}

export type TemplateScriptOutcome =
  | { kind: 'as-written' }
  | { kind: 'masked'; code: string; tags: number }
  | { kind: 'skipped'; tags: number };

/**
 * What to lint of one inline script: itself (no template tag, or it parses as written), the masked text, or
 * nothing. Only scripts holding a tag opener are parsed here (once as written, once masked).
 */
export function templateScript(code: string, module: boolean): TemplateScriptOutcome {
  if (!hasTemplateTagOpener(code)) return { kind: 'as-written' };
  const tags = findTemplateTags(code);
  if (tags.length === 0 || parses(code, module)) return { kind: 'as-written' };
  const masked = maskTemplateTags(code, tags);
  return parses(masked, module) ? { kind: 'masked', code: masked, tags: tags.length } : { kind: 'skipped', tags: tags.length };
}
