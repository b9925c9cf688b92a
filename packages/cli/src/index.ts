export { main } from './main.js';
export { SUBCOMMANDS, type Command } from './commands/index.js';
export { parseLintArgs, FORMAT_NAMES, type FormatName, type LintArgs } from './args.js';
export { runLint } from './lint/run.js';
export { UsageError } from './usage-error.js';
export { SUPPRESSIONS_FILE } from './lint/suppressions.js';
export { SETTINGS_FILE } from 'eslint-plugin-wechat-oa/node';
export { DEFAULT_IGNORES } from './files/ignore-rules.js';
