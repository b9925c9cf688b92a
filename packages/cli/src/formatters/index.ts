import type { FormatName } from '../args.js';
import { formatClauses } from './clauses.js';
import { formatGitlab } from './gitlab.js';
import { formatMarkdown } from './markdown.js';
import type { Formatter } from './report.js';
import { formatSarif } from './sarif.js';

export type { Report } from './report.js';

/** `stylish` and `json` are ESLint's own, so their output is exactly what ESLint users and tools expect. */
const eslintFormatter =
  (name: string): Formatter =>
  async (report) =>
    (await report.loadEslintFormatter(name)).format(report.results);

export const FORMATTERS: Record<FormatName, Formatter> = {
  clauses: formatClauses,
  stylish: eslintFormatter('stylish'),
  json: eslintFormatter('json'),
  sarif: formatSarif,
  markdown: formatMarkdown,
  gitlab: formatGitlab,
};
