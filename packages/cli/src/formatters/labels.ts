import type { Locale } from 'eslint-plugin-wechat-oa';

/** The report's own words in each locale; clause names and texts come from the plugin's `CLAUSES`. */
export const LABELS = {
  en: {
    error: 'error',
    warning: 'warning',
    parseErrors: 'Parse errors (files that do not parse)',
    other: 'Other',
    parseRow: 'Parse errors',
    summary: 'Summary by clause',
    ruleDocs: 'Rule docs',
    clause: 'Clause',
    errors: 'Errors',
    warnings: 'Warnings',
    total: 'Total',
    file: 'File',
    position: 'Line:Col',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Message',
    title: 'wechat-oa-lint report',
    clean: 'No problems found.',
    quietNote: 'warnings not listed (--quiet)',
    problems: (problems: number, errors: number, warnings: number, files: number) =>
      `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}`,
    fixable: (count: number) => `${count} fixable with --fix`,
  },
  'zh-CN': {
    error: '错误',
    warning: '警告',
    parseErrors: '解析错误（无法解析的文件）',
    other: '其他',
    parseRow: '解析错误',
    summary: '按条款汇总',
    ruleDocs: '规则文档',
    clause: '条款',
    errors: '错误',
    warnings: '警告',
    total: '合计',
    file: '文件',
    position: '行:列',
    severity: '级别',
    rule: '规则',
    message: '说明',
    title: 'wechat-oa-lint 检查报告',
    clean: '未发现问题。',
    quietNote: '未列出警告（--quiet）',
    problems: (problems: number, errors: number, warnings: number, files: number) =>
      `${problems} 个问题（${errors} 个错误，${warnings} 个警告），涉及 ${files} 个文件`,
    fixable: (count: number) => `其中 ${count} 个可用 --fix 自动修复`,
  },
} satisfies Record<Locale, unknown>;

export type Labels = (typeof LABELS)['en'];

export function labelsFor(locale: Locale): Labels {
  return LABELS[locale];
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1;
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
