import type { Linter } from 'eslint';
import { CLAUSES, CLAUSE_IDS, type ClauseId } from 'eslint-plugin-wechat-oa';
import { labelsFor } from './labels.js';
import { clauseOf, countByClause, displayPath, docsOf, totals, type Formatter, type Report } from './report.js';

/** A Markdown report for pull-request comments and job summaries: one section per clause, then the summary. */
export const formatMarkdown: Formatter = (report) => {
  const labels = labelsFor(report.locale);
  const all = totals(report.allResults);
  const out: string[] = [`# ${labels.title}`, ''];
  const problems = all.errors + all.warnings;
  out.push(problems === 0 ? labels.clean : `**${labels.problems(problems, all.errors, all.warnings, all.files)}**`);
  if (report.quiet && all.warnings > 0) out.push('', `_${labels.quietNote}_`);
  out.push('');

  const sections = new Map<ClauseId | 'parse' | 'other', { file: string; message: Linter.LintMessage }[]>();
  for (const result of report.results) {
    for (const message of result.messages) {
      const key = message.fatal ? 'parse' : (clauseOf(message, report) ?? 'other');
      if (!sections.has(key)) sections.set(key, []);
      sections.get(key)!.push({ file: result.filePath, message });
    }
  }
  for (const key of ['parse', ...CLAUSE_IDS, 'other'] as const) {
    const rows = sections.get(key);
    if (!rows) continue;
    if (key === 'parse' || key === 'other') {
      out.push(`## ${key === 'parse' ? labels.parseErrors : labels.other}`, '');
    } else {
      out.push(`## ${key} · ${CLAUSES[key].name[report.locale]}`, '', `> ${CLAUSES[key].text[report.locale]}`, '');
    }
    out.push(
      `| ${labels.file} | ${labels.position} | ${labels.severity} | ${labels.rule} | ${labels.message} |`,
      '|---|---|---|---|---|',
    );
    for (const { file, message } of rows) {
      const url = message.ruleId ? docsOf(message.ruleId, report)?.url : undefined;
      const rule = message.ruleId ? (url ? `[\`${message.ruleId}\`](${url})` : `\`${message.ruleId}\``) : '';
      const severity = message.severity === 2 ? labels.error : labels.warning;
      out.push(
        `| \`${displayPath(file, report.cwd)}\` | ${message.line ?? 0}:${message.column ?? 0} | ${severity} | ${rule} | ${cell(message.message)} |`,
      );
    }
    out.push('');
  }

  out.push(`## ${labels.summary}`, '', `| ${labels.clause} | ${labels.errors} | ${labels.warnings} |`, '|---|--:|--:|');
  const counts = countByClause(report);
  const parse = counts.get('parse')!;
  if (parse.errors > 0) out.push(`| ${labels.parseRow} | ${parse.errors} | ${parse.warnings} |`);
  for (const id of CLAUSE_IDS) {
    const { errors, warnings } = counts.get(id)!;
    out.push(`| ${id} ${CLAUSES[id].name[report.locale]} | ${errors} | ${warnings} |`);
  }
  const other = counts.get('other')!;
  if (other.errors + other.warnings > 0) out.push(`| ${labels.other} | ${other.errors} | ${other.warnings} |`);
  out.push(`| **${labels.total}** | **${all.errors}** | **${all.warnings}** |`);
  return `${out.join('\n')}\n`;
};

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/gu, '<br>');
}
