import { recommendedRules, strictRules, allRules } from '../configs/rule-levels.js';
import type { PresetName } from '../configs/index.js';
import { SETTINGS_KEY, type WechatOaSettings } from '../util/settings.js';

/**
 * The `.oxlintrc.json` that runs a preset's rules under oxlint, which loads this plugin as a JS plugin
 * (docs/oxlint.md). Generated from the same rule levels as the ESLint presets (configs/rule-levels.ts), so the
 * two engines cannot drift apart; docs/oxlint.md shows the `recommended` one (scripts/generate.ts writes it).
 */
export interface OxlintConfig {
  $schema?: string;
  plugins?: string[];
  categories?: Record<string, 'off' | 'warn' | 'error'>;
  jsPlugins: string[];
  settings?: Record<string, unknown>;
  rules: Record<string, unknown>;
  overrides?: { files: string[]; rules: Record<string, unknown> }[];
}

const PRESET_RULES: Record<PresetName, Record<string, unknown>> = {
  recommended: recommendedRules,
  strict: strictRules,
  all: allRules,
};

/** The package name oxlint resolves the plugin by from a project's `.oxlintrc.json`. */
export const OXLINT_PLUGIN_SPECIFIER = 'eslint-plugin-wechat-oa';

/**
 * Vue single-file components: oxlint lints their `<script>` blocks, but a JS plugin gets no template and no
 * vue-eslint-parser services, so the Vue-aware parts of the rules (template handlers, `v-on`, text) would be
 * missing. The preset leaves `.vue` files to ESLint; HTML pages oxlint does not read at all.
 */
export const OXLINT_ESLINT_ONLY_FILES = ['**/*.vue'];

export interface OxlintConfigOptions {
  /** Where oxlint loads the plugin from: the package name (default) or an absolute path to its `dist/index.js`. */
  plugin?: string;
  /** `settings['wechat-oa']`. */
  settings?: WechatOaSettings;
  /**
   * Only this plugin's rules: oxlint's own default plugins and its `correctness` category off (what the CLI's
   * `--engine oxlint` and the tests run). Without it the config is the block to merge into a project's own.
   */
  only?: boolean;
}

/** The oxlint configuration for a preset, as plain JSON. */
export function oxlintConfig(preset: PresetName, options: OxlintConfigOptions = {}): OxlintConfig {
  return oxlintConfigFor(PRESET_RULES[preset], options);
}

/** The same for rule levels given as `rule id → level or [level, options]` (the generator passes fresh ones). */
export function oxlintConfigFor(rules: Record<string, unknown>, options: OxlintConfigOptions = {}): OxlintConfig {
  const config: OxlintConfig = {
    ...(options.only ? { plugins: [], categories: { correctness: 'off' as const } } : {}),
    jsPlugins: [options.plugin ?? OXLINT_PLUGIN_SPECIFIER],
    ...(options.settings ? { settings: { [SETTINGS_KEY]: options.settings } } : {}),
    rules: { ...rules },
    overrides: [{ files: OXLINT_ESLINT_ONLY_FILES, rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'off'])) }],
  };
  return config;
}
