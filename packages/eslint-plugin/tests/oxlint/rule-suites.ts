/**
 * A rule suite's cases under both engines (the `eslint-plugin (oxlint)` vitest project, vitest.oxlint.config.ts):
 * `runRuleTests` hands its table here instead of to a RuleTester, so the cases are the suite's own, never copied.
 * Every case must give oxlint the same findings as ESLint, and without code path events (facts from the tree) at
 * most ESLint's findings: the tree's answer may miss a guard's shape and then stays silent, never louder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineCase, Finding } from './engines.js';

export interface SuiteCase {
  code: string;
  filename: string;
  options?: readonly unknown[];
  settings?: Record<string, unknown>;
}

export function compareEngines(ruleId: string, label: string, cases: readonly SuiteCase[]): void {
  const engineCases: EngineCase[] = cases.map((test) => ({
    code: test.code,
    filename: test.filename,
    rules: { [`wechat-oa/${ruleId}`]: test.options ?? [] },
    settings: (test.settings?.['wechat-oa'] as Record<string, unknown> | undefined) ?? undefined,
  }));
  describe(`${label}: ESLint and oxlint`, () => {
    let eslint: Finding[][] = [];
    let withoutEvents: Finding[][] = [];
    let oxlint: Finding[][] = [];
    beforeAll(async () => {
      const engines = await import('./engines.js');
      eslint = engines.eslintFindings(engineCases);
      withoutEvents = engines.eslintFindings(engineCases, { codePathEvents: false });
      oxlint = await engines.oxlintFindings(engineCases);
    }, 300_000);

    it.each(cases.map((test, index) => [index, test.filename, test.code.split('\n')[0].slice(0, 60)] as const))(
      'case %i (%s: %s): oxlint reports what ESLint reports',
      (index) => {
        expect(oxlint[index]).toEqual(eslint[index]);
      },
    );

    it('without code path events every case reports at most what ESLint reports', () => {
      const louder = engineCases.flatMap((test, index) =>
        withoutEvents[index]
          .filter((found) => !eslint[index].some((expected) => JSON.stringify(expected) === JSON.stringify(found)))
          .map((found) => ({ index, code: test.code, found })),
      );
      expect(louder).toEqual([]);
    });

    it('without code path events every case reports what ESLint reports (the tree sees every guard shape here)', () => {
      expect(withoutEvents).toEqual(eslint);
    });
  });
}
