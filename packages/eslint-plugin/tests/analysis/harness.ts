/**
 * Runs the shared analysis on a snippet with real ESLint (the Linter, TypeScript's parser with JSX, as the
 * presets parse) and a tiny probe rule, and hands the analysis to the test after the whole traversal — at the
 * Program's `onCodePathEnd`, when code path facts are complete.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { atProgramEnd, defineAnalysisVisitor, type FileAnalysis } from '../../src/analysis/index.js';

export interface ProbeOptions {
  filename?: string;
  settings?: Record<string, unknown>;
}

export function analyze<T>(code: string, read: (analysis: FileAnalysis) => T, options: ProbeOptions = {}): T {
  let result: { value: T } | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, unknown[]>) {
      return defineAnalysisVisitor(context, (analysis) =>
        atProgramEnd(() => {
          result = { value: read(analysis) };
        }),
      );
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        plugins: { probe: { rules: { probe: probe as never } } },
        languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ?? {},
      },
    ],
    { filename: options.filename ?? 'src/file.js' },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('the probe did not run');
  return result.value;
}

/** The source text of a node, for readable expectations. */
export function textOfNode(analysis: FileAnalysis, node: TSESTree.Node | undefined): string | undefined {
  return node ? analysis.sourceCode.getText(node) : undefined;
}

/** The argument of the first `probe(…)` call: the expression a table row asks about. */
export function probeArgument(analysis: FileAnalysis): TSESTree.Node {
  const call = analysis.nodes
    .ofType('CallExpression')
    .find((node) => node.callee.type === 'Identifier' && node.callee.name === 'probe');
  if (!call?.arguments[0]) throw new Error('no probe(…) call in the snippet');
  return call.arguments[0];
}

/** Every `probe()` call, in source order: the places a table row asks about. */
export function probeCalls(analysis: FileAnalysis): TSESTree.CallExpression[] {
  return analysis.nodes
    .ofType('CallExpression')
    .filter((node) => node.callee.type === 'Identifier' && node.callee.name === 'probe');
}
