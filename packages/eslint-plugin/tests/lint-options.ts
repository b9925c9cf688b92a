/**
 * Lints a snippet with one rule and the given options on the ESLint major the vitest project selects, the way
 * a user's config would: ESLint validates the options against the rule's schema and throws on a bad one.
 */
import tsParser from '@typescript-eslint/parser';
import type { Linter as LinterType } from 'eslint';
import { createRequire } from 'node:module';
import { ESLINT_MAJOR } from './rule-tester.js';

const require = createRequire(import.meta.url);

export function lintWithOptions(
  name: string,
  rule: unknown,
  options: unknown[],
  code = 'const x = 1;',
): LinterType.LintMessage[] {
  const { Linter } = require(ESLINT_MAJOR === 9 ? 'eslint9' : 'eslint') as typeof import('eslint');
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { 'wechat-oa': { rules: { [name]: rule as never } } },
        languageOptions: { parser: tsParser as LinterType.Parser },
        rules: { [`wechat-oa/${name}`]: ['error', ...options] as LinterType.RuleEntry },
      },
    ],
    'src/file.js',
  );
}
