/**
 * eslint-doc-generator (`pnpm docs`, `pnpm docs:check`): writes the rule table into the root README and the package
 * README (its npm page), and the header (title, config and suggestion notices) of each English rule doc, from the
 * built plugin's rule meta.
 * The Simplified Chinese docs (`<id>.zh-CN.md`) are written by hand; tests/meta.test.ts checks their headers.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLAUSES, CLAUSE_IDS } from './dist/knowledge/clauses.js';

const ROOT_README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  pathRuleList: ['../../README.md', 'README.md'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocNotices: ['description', 'deprecated', 'configs', 'fixableAndHasSuggestions'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  // `all` and `strict` enable every rule: the table shows where each rule sits in `recommended`.
  ignoreConfig: ['all', 'strict'],
  configEmoji: [['recommended', '✅']],
  // One table per clause of the platform specification (eslint-doc-generator has no custom columns).
  ruleListSplit(rules) {
    return CLAUSE_IDS.map((id) => ({
      title: `${id} — ${CLAUSES[id].name.en}`,
      description: CLAUSES[id].text.en,
      rules: rules.filter(([, rule]) => rule.meta?.docs?.clause === id),
    })).filter((section) => section.rules.length > 0);
  },
  // Links from the root README point into the package folder; the package README keeps the relative
  // `docs/rules/<name>.md`, a file the package ships.
  urlRuleDoc(name, page) {
    return path.resolve(page) === ROOT_README ? `packages/eslint-plugin/docs/rules/${name}.md` : undefined;
  },
};
