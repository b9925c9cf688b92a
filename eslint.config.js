/**
 * The repository lints its own plugin: eslint-plugin-eslint-plugin (rule meta, messageIds, schemas, test tables)
 * and eslint-plugin-regexp (among others, no super-linear regexes: a rule's regex runs on every user's source).
 * `npm run lint`; tests/self-lint.test.ts runs it through ESLint's Node API and expects zero problems.
 */
import tsParser from '@typescript-eslint/parser';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import { defineConfig } from 'eslint/config';

export default defineConfig([
  { ignores: ['**/dist/**', '**/node_modules/**'] },
  {
    name: 'wechat-oa/self-lint',
    files: ['packages/eslint-plugin/src/**/*.ts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
    extends: [eslintPlugin.configs.recommended, regexp.configs['flat/recommended']],
    rules: {
      // createRule (src/util/createRule.ts) moves a rule's top-level `defaultOptions` into `meta.defaultOptions`,
      // which this static check cannot see; tests/meta.test.ts checks the built rules at run time instead.
      'eslint-plugin/require-meta-default-options': 'off',
    },
  },
]);
