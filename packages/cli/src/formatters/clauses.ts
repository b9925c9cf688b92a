import { styleText } from 'node:util';
import type { ESLint, Linter } from 'eslint';
import { CLAUSES, CLAUSE_IDS, type ClauseId } from 'eslint-plugin-wechat-oa';
import { displayWidth, labelsFor, padEnd, padStart } from './labels.js';
import { clauseOf, countByClause, displayPath, docsUrlOf, hyperlink, totals, type Formatter, type Report } from './report.js';

type Group = ClauseId | 'parse' | 'other';

/**
 * The default report: problems grouped by the clause of the platform specification they break (S1…S11), each
 * group headed by the clause's text, then a per-clause summary table and a closing count.
 */
export const formatClauses: Formatter = (report) => {
  const labels = labelsFor(report.locale);
  const style = (format: Parameters<typeof styleText>[0], text: string) =>
    report.color ? styleText(format, text) : text;
  const groups = groupMessages(report);
  const out: string[] = [];
  const link = (ruleId: string) => {
    const url = report.hyperlinks ? docsUrlOf(ruleId, report) : undefined;
    return url ? hyperlink(ruleId, url) : ruleId;
  };

  for (const [group, files] of groups) {
    if (group === 'parse' || group === 'other') {
      out.push(style('bold', group === 'parse' ? labels.parseErrors : labels.other));
    } else {
      const clause = CLAUSES[group];
      out.push(style('bold', `${group} · ${clause.name[report.locale]}`));
      out.push(style('dim', clause.text[report.locale]));
    }
    for (const [file, messages] of files) {
      out.push(`  ${style('underline', displayPath(file, report.cwd))}`);
      const positions = messages.map((message) => `${message.line ?? 0}:${message.column ?? 0}`);
      const width = Math.max(...positions.map((position) => position.length));
      messages.forEach((message, index) => {
        const severity = message.severity === 2 ? style('red', padEnd(labels.error, 7)) : style('yellow', padEnd(labels.warning, 7));
        const rule = message.ruleId ? `  ${style('dim', link(message.ruleId))}` : '';
        out.push(`    ${padStart(positions[index]!, width)}  ${severity}  ${message.message}${rule}`);
      });
    }
    out.push('');
  }

  // Each rule's doc once, in the order the rules first appear.
  const documented = [...new Set([...groups.values()].flatMap((files) => [...files.values()].flat().map((message) => message.ruleId)))]
    .flatMap((ruleId) => (ruleId ? [[ruleId, docsUrlOf(ruleId, report)] as const] : []))
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  if (documented.length > 0) {
    out.push(style('bold', labels.ruleDocs));
    const width = Math.max(...documented.map(([ruleId]) => ruleId.length));
    for (const [ruleId, url] of documented) out.push(`  ${link(ruleId)}${' '.repeat(width - ruleId.length)}  ${style('dim', url)}`);
    out.push('');
  }

  out.push(style('bold', labels.summary));
  const counts = countByClause(report);
  const parse = counts.get('parse')!;
  const rows: [string, number, number][] = [];
  if (parse.errors > 0) rows.push([labels.parseRow, parse.errors, parse.warnings]);
  rows.push(...CLAUSE_IDS.map((id) => [
    `${padEnd(id, 4)}${CLAUSES[id].name[report.locale]}`,
    counts.get(id)!.errors,
    counts.get(id)!.warnings,
  ] as [string, number, number]));
  const other = counts.get('other')!;
  if (other.errors + other.warnings > 0) rows.push([labels.other, other.errors, other.warnings]);
  const all = totals(report.allResults);
  rows.push([labels.total, all.errors, all.warnings]);
  const first = Math.max(displayWidth(labels.clause), ...rows.map(([name]) => displayWidth(name))) + 2;
  const header = `  ${padEnd(labels.clause, first)}${padStart(labels.errors, 8)}${padStart(labels.warnings, 10)}`;
  out.push(style('dim', header));
  rows.forEach(([name, errors, warnings], index) => {
    const line = `  ${padEnd(name, first)}${padStart(String(errors), 8)}${padStart(String(warnings), 10)}`;
    const isTotal = index === rows.length - 1;
    out.push(isTotal ? style('bold', line) : errors > 0 ? style('red', line) : warnings > 0 ? style('yellow', line) : line);
  });
  out.push('');

  const problems = all.errors + all.warnings;
  if (problems === 0) {
    out.push(style('green', `✔ ${labels.clean}`));
  } else {
    let closing = `✖ ${labels.problems(problems, all.errors, all.warnings, all.files)}`;
    if (all.fixable > 0) closing += `, ${labels.fixable(all.fixable)}`;
    if (report.quiet && all.warnings > 0) closing += `; ${labels.quietNote}`;
    out.push(style(all.errors > 0 ? 'red' : 'yellow', closing));
  }
  return `${out.join('\n')}\n`;
};

/** Group → file → messages, groups in clause order (parse errors first), files and messages in order. */
function groupMessages(report: Report): Map<Group, Map<string, Linter.LintMessage[]>> {
  const order: Group[] = ['parse', ...CLAUSE_IDS, 'other'];
  const groups = new Map<Group, Map<string, Linter.LintMessage[]>>(order.map((group) => [group, new Map()]));
  for (const result of report.results as ESLint.LintResult[]) {
    for (const message of result.messages) {
      const group: Group = message.fatal ? 'parse' : (clauseOf(message, report) ?? 'other');
      const files = groups.get(group)!;
      if (!files.has(result.filePath)) files.set(result.filePath, []);
      files.get(result.filePath)!.push(message);
    }
  }
  for (const [group, files] of groups) if (files.size === 0) groups.delete(group);
  return groups;
}
