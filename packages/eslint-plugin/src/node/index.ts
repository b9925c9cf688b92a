/**
 * The Node-only part of the plugin that the command line and the language server share: which mode a file is
 * linted in, the `.wechat-oa.json` settings file, what embedded mode reports, and how a project config's failure
 * or a rule's crash is told and described. Import it as `eslint-plugin-wechat-oa/node`; the plugin itself
 * (`eslint-plugin-wechat-oa`) never loads it.
 */
export {
  decideMode,
  describeConfigError,
  enablesWechatOa,
  isProjectConfig,
  isWechatOaRule,
  ProjectConfigError,
  RULE_PREFIX,
  ruleCrashOf,
  type ModeDecision,
  type RuleCrash,
} from './modes.js';
export {
  anchorGlobs,
  embeddedResult,
  isEmbeddedProblem,
  isParseError,
  QUIET_DIRECTIVES,
  settingsBlockOf,
  settingsConfigs,
  type SettingsBlock,
} from './embedded.js';
export {
  readSettingsFile,
  SETTINGS_FILE,
  SETTINGS_FILE_KEYS,
  SETTINGS_FILE_SCHEMA,
  SettingsFileError,
  SettingsFiles,
  type SettingsFile,
} from './settings-file.js';
export { VENDORED_FILE_GLOBS, VENDORED_FILE_NAMES } from '../knowledge/vendored-files.js';
