/**
 * The presets under test for the reliability suites, each with the parser the presets use (TypeScript's) and
 * again with ESLint's default parser (espree), which has its own nesting limit.
 */
import type { Linter } from 'eslint';
import plugin from '../../src/index.js';

export const PRESETS: Record<string, Linter.Config[]> = {
  all: plugin.configs.all,
  strict: plugin.configs.strict,
};

/** The same rules with espree instead of the TypeScript parser. */
export function withEspree(config: Linter.Config[]): Linter.Config[] {
  return config.map((entry) => (entry.languageOptions?.parser ? { ...entry, languageOptions: {} } : entry));
}

/** The preset's parser and plugin with every rule off: what ESLint itself costs and tolerates. */
export function withoutRules(config: Linter.Config[]): Linter.Config[] {
  return config.filter((entry) => !entry.rules);
}
