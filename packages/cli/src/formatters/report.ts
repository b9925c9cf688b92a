import path from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';
import wechatOa, { CLAUSE_IDS, type ClauseId, type Locale } from 'eslint-plugin-wechat-oa';
import { toPosix } from '../files/ignore-rules.js';

/** What every formatter receives. */
export interface Report {
  /** Results to list (errors only with `--quiet`), sorted by file. */
  results: ESLint.LintResult[];
  /** All results after suppressions: the summary counts these, `--quiet` or not. */
  allResults: ESLint.LintResult[];
  /** Meta of the rules that reported, from the configs that ran them. */
  rulesMeta: Record<string, Rule.RuleMetaData>;
  cwd: string;
  locale: Locale;
  quiet: boolean;
  /** Colours for a terminal (stdout is a TTY, no --output-file, NO_COLOR unset). */
  color: boolean;
  /** Terminal hyperlinks (OSC 8) for a terminal: stdout is a TTY and no --output-file, or FORCE_HYPERLINK=1. */
  hyperlinks: boolean;
  /** Loads one of ESLint's built-in formatters (stylish, json). */
  loadEslintFormatter: (name: string) => Promise<ESLint.LoadedFormatter>;
}

export type Formatter = (report: Report) => Promise<string> | string;

export interface ClauseCount {
  errors: number;
  warnings: number;
}

interface WechatOaDocs {
  clause?: ClauseId;
  url?: string;
  description?: string;
  descriptionZh?: string;
}

export function docsOf(ruleId: string, report: Report): WechatOaDocs | undefined {
  const meta = report.rulesMeta[ruleId] ?? (wechatOa.rules as Record<string, Rule.RuleModule | undefined>)[
    ruleId.replace(/^wechat-oa\//u, '')
  ]?.meta;
  return meta?.docs as WechatOaDocs | undefined;
}

/**
 * The clause a message belongs to: the rule's `meta.docs.clause`, else the `[Sn]` every wechat-oa message starts
 * with (a project may run another version of the plugin than the one bundled here). Parse errors have none.
 */
export function clauseOf(message: Linter.LintMessage, report: Report): ClauseId | undefined {
  if (!message.ruleId) return undefined;
  const clause = docsOf(message.ruleId, report)?.clause;
  if (clause && (CLAUSE_IDS as readonly string[]).includes(clause)) return clause;
  const prefix = /^\[(S\d+)\]/u.exec(message.message)?.[1];
  return prefix && (CLAUSE_IDS as readonly string[]).includes(prefix) ? (prefix as ClauseId) : undefined;
}

/** Summary groups: parse errors, the clauses, and anything else (a rule this version does not know). */
export type SummaryGroup = ClauseId | 'parse' | 'other';

export function countByClause(report: Report): Map<SummaryGroup, ClauseCount> {
  const counts = new Map<SummaryGroup, ClauseCount>();
  for (const id of ['parse', ...CLAUSE_IDS, 'other'] as const) counts.set(id, { errors: 0, warnings: 0 });
  for (const result of report.allResults) {
    for (const message of result.messages) {
      const count = counts.get(message.fatal ? 'parse' : (clauseOf(message, report) ?? 'other'))!;
      if (message.severity === 2) count.errors += 1;
      else count.warnings += 1;
    }
  }
  return counts;
}

export interface Totals {
  errors: number;
  warnings: number;
  fixable: number;
  files: number;
}

export function totals(results: readonly ESLint.LintResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let files = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    if (result.messages.length > 0) files += 1;
  }
  return { errors, warnings, fixable, files };
}

/**
 * A rule's doc in the report's locale: the English doc's address from `meta.docs.url`, its Chinese twin
 * (`<id>.zh-CN.md`, shipped beside it) for zh-CN.
 */
export function docsUrlOf(ruleId: string, report: Report): string | undefined {
  const url = docsOf(ruleId, report)?.url;
  if (!url) return undefined;
  return report.locale === 'zh-CN' && ruleId.startsWith('wechat-oa/') ? url.replace(/\.md$/u, '.zh-CN.md') : url;
}

/** `text` as a terminal hyperlink (OSC 8) to `url`; terminals without support show the text alone. */
export function hyperlink(text: string, url: string): string {
  return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}

export function displayPath(file: string, cwd: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
