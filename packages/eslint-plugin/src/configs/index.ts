import type { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';
import { VENDORED_FILE_GLOBS } from '../knowledge/vendored-files.js';
import { allRules, recommendedRules, strictRules } from './rule-levels.js';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', 'all'];

/** Script files the presets lint. JSX is parsed in `.js` files too (TypeScript's parser allows it there). */
export const SCRIPT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** Vue single-file components: vue-eslint-parser, with TypeScript's parser for `<script>`/`<script setup lang="ts">`. */
export const VUE_FILES = ['**/*.vue'];

/** HTML pages, split into virtual blocks by the plugin's processor `wechat-oa/html`. */
export const HTML_FILES = ['**/*.html', '**/*.htm'];

/** The virtual blocks of HTML pages (`page.html/0_script.js`…); classic inline scripts are `*_script.js`. */
const HTML_BLOCK_FILES = ['**/*.html/*.js', '**/*.htm/*.js'];
const HTML_CLASSIC_SCRIPT_FILES = ['**/*.html/*_script.js', '**/*.htm/*_script.js', '**/*.html/*_handlers.js', '**/*.htm/*_handlers.js'];

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
    {
      name: 'wechat-oa/vue',
      files: VUE_FILES,
      languageOptions: {
        parser: vueParser as Linter.Parser,
        parserOptions: { parser: tsParser, ecmaFeatures: { jsx: true }, sourceType: 'module' },
      },
    },
    { name: 'wechat-oa/html', files: HTML_FILES, processor: 'wechat-oa/html' },
    {
      // Blocks of HTML pages: the markup block is JSX, scripts may be either kind; set here so that a project's
      // own parser for `**/*.js` (placed before the preset) does not apply to them.
      name: 'wechat-oa/html-blocks',
      files: HTML_BLOCK_FILES,
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    {
      // Inline `<script>` without `type="module"` and `on*` attributes are classic scripts, not modules.
      name: 'wechat-oa/html-classic-scripts',
      files: HTML_CLASSIC_SCRIPT_FILES,
      languageOptions: { sourceType: 'script' },
    },
  ];
  // Vendored copies (the JS-SDK, minified bundles) are skipped by the preset's own rule levels: an `ignores`
  // beside `rules` in this object only turns these rules off there, and leaves the project's other rules and
  // ignores as they are (a config object with nothing but `ignores` would hide the files from every rule).
  const preset = (name: PresetName, rules: Linter.RulesRecord): Linter.Config[] => [
    ...base,
    { name: `wechat-oa/${name}`, ignores: [...VENDORED_FILE_GLOBS], rules },
  ];
  return {
    recommended: preset('recommended', recommendedRules),
    strict: preset('strict', strictRules),
    all: preset('all', allRules),
  };
}
