/**
 * Runs the data-flow engine inside a real ESLint 10 lint (TypeScript's parser, JSX on) and reports, for every
 * call `sink(x)` in the code, the labels of `x` as text: `kind[@account][~sanitizers]`, sorted.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getFileAnalysis } from '../../src/analysis/index.js';

const linter = new Linter({ configType: 'flat' });

const probe = {
  meta: { type: 'problem' as const, schema: [] },
  create(context: never) {
    const sinks: TSESTree.CallExpression[] = [];
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'sink') sinks.push(node);
      },
      'Program:exit'() {
        const flow = getFileAnalysis(context).dataFlow;
        for (const sink of sinks) {
          const labels = sink.arguments[0] ? flow.labelsOf(sink.arguments[0]) : [];
          const text = [
            ...new Set(
              labels.map(
                (label) =>
                  `${label.kind}${label.account ? `@${label.account.text}` : ''}${label.sanitizers.length ? `~${label.sanitizers.join('+')}` : ''}`,
              ),
            ),
          ]
            .sort()
            .join(' ');
          (context as { report(d: object): void }).report({ node: sink, message: text || '-' });
        }
      },
    };
  },
};

export function sinkLabels(
  code: string,
  settings: Record<string, unknown> = {},
  filename = 'src/file.ts',
  parser: 'typescript' | 'espree' = 'typescript',
): string[] {
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        plugins: { probe: { rules: { labels: probe as never } } },
        languageOptions:
          parser === 'typescript'
            ? { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } }
            : { parserOptions: { ecmaFeatures: { jsx: true } } },
        settings: { 'wechat-oa': settings },
        rules: { 'probe/labels': 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((message) => message.message);
}
