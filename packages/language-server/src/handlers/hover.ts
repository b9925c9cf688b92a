// Hover on a problem: the clause it breaks, in the platform's words, and what the rule checks.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { rangeContains } from '../converters/positions.js';
import { DIAGNOSTIC_SOURCE } from '../protocol.js';
import type { Session } from '../session.js';

const LABELS = {
  en: { clause: 'Clause', rule: 'Rule', docs: 'Documentation' },
  'zh-CN': { clause: '条款', rule: '规则', docs: '文档' },
} as const;

export function hover(session: Session, params: HoverParams): Hover | null {
  const result = session.currentResult(params.textDocument.uri);
  if (!result) return null;
  const locale = result.settings.locale;
  const labels = LABELS[locale];
  const sections: string[] = [];
  const seen = new Set<string>();
  let range;
  for (const { diagnostic } of result.problems) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !rangeContains(diagnostic.range, params.position)) continue;
    const info = session.docs.info(typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
    if (!info || seen.has(info.name)) continue;
    seen.add(info.name);
    range ??= diagnostic.range;
    const clause = session.docs.clause(info.docs.clause, locale);
    const description = locale === 'zh-CN' ? info.docs.descriptionZh : info.docs.description;
    const paragraph = session.docs.firstParagraph(info.name, locale);
    const href = diagnostic.codeDescription?.href;
    const lines = [
      clause ? `**${labels.clause} ${clause.id} (${clause.name})**: ${clause.text}` : undefined,
      description ? `**${labels.rule} \`wechat-oa/${info.name}\`**: ${description}` : `**${labels.rule} \`wechat-oa/${info.name}\`**`,
      paragraph && paragraph !== description ? paragraph : undefined,
      href ? `[${labels.docs}](${href})` : undefined,
    ];
    sections.push(lines.filter((line): line is string => line !== undefined).join('\n\n'));
  }
  if (sections.length === 0) return null;
  const hoverResult: Hover = { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
  if (range) hoverResult.range = range;
  return hoverResult;
}
