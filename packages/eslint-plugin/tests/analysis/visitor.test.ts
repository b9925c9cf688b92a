/**
 * The shared-analysis visitor mechanism (analysis/index.ts): one analysis per file whatever the number of rules,
 * the code path collector registered once by the first rule that uses `defineAnalysisVisitor`, and complete
 * facts at the Program's `onCodePathEnd` for every rule, whatever its position.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { atProgramEnd, defineAnalysisVisitor, type FileAnalysis, getFileAnalysis } from '../../src/analysis/index.js';

const CODE = `const next = new URLSearchParams(location.search).get('n');
if (ALLOWED.has(next)) location.href = next;`;

function run(rules: Record<string, (context: TSESLint.RuleContext<string, unknown[]>) => TSESLint.RuleListener>): void {
  const plugin = {
    rules: Object.fromEntries(Object.entries(rules).map(([name, create]) => [name, { meta: { type: 'problem', schema: [] }, create }])),
  };
  new Linter({ configType: 'flat' }).verify(
    CODE,
    [
      {
        files: ['**/*.js'],
        plugins: { probe: plugin as never },
        languageOptions: { parser: tsParser as never },
        rules: Object.fromEntries(Object.keys(rules).map((name) => [`probe/${name}`, 'error'])),
      },
    ],
    { filename: 'src/file.js' },
  );
}

const validatedSink = (analysis: FileAnalysis): boolean => {
  const sink = analysis.navigation[0];
  return sink?.target ? analysis.validation.isValidated(sink.target, sink.node) : false;
};

describe('defineAnalysisVisitor', () => {
  it.each([
    ['the first rule collects, the second reads', ['collector', 'reader']],
    ['the reader comes first and collects itself', ['reader', 'collector']],
    ['a rule that only calls getFileAnalysis comes first', ['plain', 'reader']],
  ])('%s', (_name, order) => {
    const seen: { analysis: FileAnalysis; validated: boolean }[] = [];
    const makers: Record<string, (context: TSESLint.RuleContext<string, unknown[]>) => TSESLint.RuleListener> = {
      collector: (context) => defineAnalysisVisitor(context, () => ({})),
      reader: (context) =>
        defineAnalysisVisitor(context, (analysis) => atProgramEnd(() => seen.push({ analysis, validated: validatedSink(analysis) }))),
      plain: (context) => {
        getFileAnalysis(context);
        return {};
      },
    };
    run(Object.fromEntries(order.map((name) => [name, makers[name]])));
    expect(seen.map((entry) => entry.validated)).toEqual([true]);
  });

  it('builds one analysis per file for all rules', () => {
    const analyses: FileAnalysis[] = [];
    run({
      a: (context) => defineAnalysisVisitor(context, (analysis) => (analyses.push(analysis), {})),
      b: (context) => defineAnalysisVisitor(context, (analysis) => (analyses.push(analysis), {})),
    });
    expect(analyses).toHaveLength(2);
    expect(analyses[0]).toBe(analyses[1]);
  });

  it('answers "not validated" when no rule registered the collector', () => {
    let validated: boolean | undefined;
    run({
      plain: (context) => {
        const analysis = getFileAnalysis(context);
        return { 'Program:exit': () => (validated = validatedSink(analysis)) };
      },
    });
    expect(validated).toBe(false);
  });
});
