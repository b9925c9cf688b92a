import type { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { allRules, recommendedRules, strictRules } from './rule-levels.js';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', 'all'];

/** Script files the presets lint. JSX is parsed in `.js` files too (TypeScript's parser allows it there). */
export const SCRIPT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/**
 * Each preset is an array of flat-config objects: the plugin, the parsers for the files it covers, and the rule
 * levels generated from rule meta. Use as `defineConfig([wechatOa.configs.recommended])` or spread it.
 */
export function buildConfigs(plugin: ESLint.Plugin): Record<PresetName, Linter.Config[]> {
  const base: Linter.Config[] = [
    { name: 'wechat-oa/plugin', plugins: { 'wechat-oa': plugin } },
    {
      name: 'wechat-oa/scripts',
      files: SCRIPT_FILES,
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
  ];
  const preset = (name: PresetName, rules: Linter.RulesRecord): Linter.Config[] => [
    ...base,
    { name: `wechat-oa/${name}`, rules },
  ];
  return {
    recommended: preset('recommended', recommendedRules),
    strict: preset('strict', strictRules),
    all: preset('all', allRules),
  };
}
