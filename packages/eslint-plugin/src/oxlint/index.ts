/** Running the plugin's rules under oxlint (docs/oxlint.md): the generated config and the runner. */
export { OXLINT_ESLINT_ONLY_FILES, OXLINT_PLUGIN_SPECIFIER, oxlintConfig, type OxlintConfig, type OxlintConfigOptions } from './config.js';
export { resolveOxlint, runOxlint, type OxlintMessage, type OxlintRunOptions } from './run.js';
