/**
 * Runs a rule's static test table on ESLint 10 (through @typescript-eslint/rule-tester), when the vitest
 * project sets WECHAT_OA_ESLINT=9 on ESLint 9's own RuleTester, and when it sets WECHAT_OA_ENGINE=oxlint through
 * ESLint and oxlint side by side (oxlint/rule-suites.ts: the same findings from both). Every case is parsed the way the presets parse
 * it: TypeScript's parser, JSX allowed in `.js`; a case without a filename is `src/file.js`.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester as TsRuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { afterAll, describe, it } from 'vitest';
import { compareEngines } from './oxlint/rule-suites.js';

const require = createRequire(import.meta.url);
export const ESLINT_MAJOR = process.env.WECHAT_OA_ESLINT === '9' ? 9 : 10;

TsRuleTester.afterAll = afterAll;
TsRuleTester.describe = describe;
TsRuleTester.it = it;
TsRuleTester.itOnly = it.only;

export interface RuleTests<MessageIds extends string, Options extends readonly unknown[]> {
  valid: (ValidTestCase<Options> | string)[];
  invalid: InvalidTestCase<MessageIds, Options>[];
}

const languageOptions = {
  parser: tsParser,
  parserOptions: { ecmaFeatures: { jsx: true } },
};

function withFilename<T extends { filename?: string }>(test: T | string): T {
  const object = (typeof test === 'string' ? { code: test } : test) as T;
  return { ...object, filename: object.filename ?? 'src/file.js' };
}

export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RuleTests<MessageIds, Options>,
): void {
  const valid = tests.valid.map((test) => withFilename(test));
  const invalid = tests.invalid.map((test) => withFilename(test));
  if (process.env.WECHAT_OA_ENGINE === 'oxlint') {
    // `name` labels the suite (`<rule>: corpus shapes`); the rule id is the rule's own name.
    const ruleId = (rule as { name?: string }).name ?? name;
    compareEngines(ruleId, name, [...valid, ...invalid] as Parameters<typeof compareEngines>[2]);
    return;
  }
  if (ESLINT_MAJOR === 9) {
    const { RuleTester } = require('eslint9') as typeof import('eslint');
    const tester = RuleTester as unknown as {
      describe: unknown;
      it: unknown;
      itOnly: unknown;
    };
    tester.describe = describe;
    tester.it = it;
    tester.itOnly = it.only;
    new RuleTester({ languageOptions: languageOptions as never }).run(name, rule as never, { valid, invalid } as never);
    return;
  }
  new TsRuleTester({ languageOptions }).run(name, rule, { valid, invalid });
}
