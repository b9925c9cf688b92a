// What the server says about a rule: its meta, the clause it enforces, and its documentation — the copy shipped
// inside the plugin package (works offline), in the chosen locale.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClauseText, RuleDocsMeta } from './lint/messages.js';
import { RULE_PREFIX, type Locale } from './protocol.js';

// The server process never imports the plugin (it would load ESLint's parsers a second time, beside the worker's):
// rule meta arrives with each lint result and the clause texts when the worker is ready.

export interface RuleInfo {
  name: string;
  docs: RuleDocsMeta;
}

/** The rule name without the plugin prefix, or undefined for a rule that is not the plugin's. */
export function pluginRuleName(ruleId: string | null | undefined): string | undefined {
  return ruleId?.startsWith(RULE_PREFIX) ? ruleId.slice(RULE_PREFIX.length) : undefined;
}

export class RuleDocs {
  readonly #folder: string | undefined;
  readonly #paragraphs = new Map<string, string | undefined>();
  readonly #meta = new Map<string, RuleDocsMeta>();
  #clauses: Record<string, ClauseText> = {};

  /** `moduleDir`: the folder of the running server; a bundle ships the docs beside it in `docs/rules`. */
  constructor(moduleDir: string) {
    const candidates = [path.join(moduleDir, 'docs', 'rules')];
    try {
      // Resolving the package finds its folder without loading it.
      const pluginRoot = path.dirname(createRequire(path.join(moduleDir, 'index.js')).resolve('eslint-plugin-wechat-oa/package.json'));
      candidates.push(path.join(pluginRoot, 'docs', 'rules'));
    } catch {
      // Bundled: there is no node_modules; the copy beside the bundle is the one.
    }
    this.#folder = candidates.find((folder) => existsSync(folder));
  }

  remember(rulesMeta: Record<string, RuleDocsMeta>): void {
    for (const [ruleId, docs] of Object.entries(rulesMeta)) this.#meta.set(ruleId, docs);
  }

  setClauses(clauses: Record<string, ClauseText>): void {
    this.#clauses = clauses;
  }

  info(ruleId: string | null | undefined): RuleInfo | undefined {
    const name = pluginRuleName(ruleId);
    const docs = ruleId ? this.#meta.get(ruleId) : undefined;
    return name && docs ? { name, docs } : undefined;
  }

  /** The doc file in the locale (falling back to English), when the package ships it. */
  file(name: string, locale: Locale): string | undefined {
    if (!this.#folder) return undefined;
    const localized = path.join(this.#folder, `${name}.zh-CN.md`);
    if (locale === 'zh-CN' && existsSync(localized)) return localized;
    const english = path.join(this.#folder, `${name}.md`);
    return existsSync(english) ? english : undefined;
  }

  /** `codeDescription.href`: the shipped doc as a file URL, else the web address from the rule's meta. */
  href(ruleId: string | null | undefined, locale: Locale): string | undefined {
    const name = pluginRuleName(ruleId);
    if (!name) return undefined;
    const file = this.file(name, locale);
    return file ? pathToFileURL(file).href : this.#meta.get(ruleId ?? '')?.url;
  }

  clause(id: string | undefined, locale: Locale): { id: string; name: string; text: string } | undefined {
    const clause = id ? this.#clauses[id] : undefined;
    return clause && id ? { id, name: clause.name[locale], text: clause.text[locale] } : undefined;
  }

  /** The first prose paragraph of the doc (headings, quotes, lists, code and HTML are skipped). */
  firstParagraph(name: string, locale: Locale): string | undefined {
    const file = this.file(name, locale);
    if (!file) return undefined;
    if (this.#paragraphs.has(file)) return this.#paragraphs.get(file);
    const paragraph = firstProseParagraph(readFileSync(file, 'utf8'));
    this.#paragraphs.set(file, paragraph);
    return paragraph;
  }
}

const GENERATED_HEADER_END = '<!-- end auto-generated rule header -->';
const CLAUSE_LINE = /^\*\*(?:Clause|条款) S\d+/u;

export function firstProseParagraph(markdown: string): string | undefined {
  let body = markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u, '');
  // eslint-doc-generator's header repeats the description and the presets: the explanation comes after it.
  const headerEnd = body.indexOf(GENERATED_HEADER_END);
  if (headerEnd !== -1) body = body.slice(headerEnd + GENERATED_HEADER_END.length);
  let inFence = false;
  for (const block of body.split(/\r?\n\s*\r?\n/u)) {
    const trimmed = block.trim();
    if (/^(```|~~~)/u.test(trimmed)) {
      // A fence may span blank lines: toggle on each fence line of the block.
      const fences = trimmed.split(/\r?\n/u).filter((line) => /^\s*(```|~~~)/u.test(line)).length;
      if (fences % 2 === 1) inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (/(^|\n)\s*(```|~~~)/u.test(trimmed)) inFence = false;
      continue;
    }
    if (trimmed === '' || /^(#|>|<|\||[-*+] |\d+\. |!\[)/u.test(trimmed)) continue;
    // Generated badges (📝 💼 💡 🔧) and the clause line (the hover shows the clause from the plugin's catalog).
    if (/^\p{Extended_Pictographic}/u.test(trimmed) || CLAUSE_LINE.test(trimmed)) continue;
    return trimmed.replace(/\s*\r?\n\s*/gu, ' ');
  }
  return undefined;
}
