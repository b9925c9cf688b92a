/**
 * The repository lints its own plugin (root eslint.config.js: eslint-plugin-eslint-plugin and eslint-plugin-regexp,
 * flat recommended, over packages/eslint-plugin/src/**\/*.ts) and expects zero problems.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });

describe('self-lint', () => {
  it('applies both plugins to the plugin sources', async () => {
    const config = (await eslint.calculateConfigForFile('packages/eslint-plugin/src/rules/no-affiliation-claim.ts')) as {
      rules: Record<string, unknown>;
    };
    expect(Object.keys(config.rules)).toEqual(
      expect.arrayContaining(['eslint-plugin/require-meta-schema', 'eslint-plugin/no-deprecated-context-methods', 'regexp/no-super-linear-backtracking']),
    );
  });

  it('would report a super-linear regex in a rule', async () => {
    const [result] = await eslint.lintText('export const pattern = /^(a+)+$/u;\n', {
      filePath: path.join(repoRoot, 'packages/eslint-plugin/src/rules/self-lint-probe.ts'),
    });
    expect(result.messages.map((message) => message.ruleId)).toContain('regexp/no-super-linear-backtracking');
  });

  it('finds no problem in packages/eslint-plugin/src', async () => {
    const results = await eslint.lintFiles(['packages/eslint-plugin/src']);
    expect(results.length).toBeGreaterThan(0);
    const problems = results.flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(repoRoot, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
