/**
 * Runs the inventory over a set of files with the caller's ESLint (the CLI bundles ESLint 10; the language server
 * runs it in its worker): the presets' parsers and processors, no rule but the collector and `require-consent`
 * (whose reports give each browser collection point its S1 status), and the project's plugin-wide settings.
 */
import type { ESLint as ESLintClass, Linter } from 'eslint';
import path from 'node:path';
import { buildConfigs } from '../configs/index.js';
import { VENDORED_FILE_GLOBS } from '../knowledge/vendored-files.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../util/package-info.js';
import { SETTINGS_KEY, type WechatOaSettings } from '../util/settings.js';
import { buildInventory, markConsent } from './report.js';
import { createInventoryCollector, type FileInventory } from './rule.js';
import type { Inventory } from './types.js';

export interface InventoryRunOptions {
  ESLint: typeof ESLintClass;
  /** The folder paths are relative to; ESLint's cwd. */
  root: string;
  /** Absolute file paths (or globs) to analyse. */
  files: readonly string[];
  settings?: WechatOaSettings;
  /** The plugin object to run (the caller's loaded copy, so rule identities match). */
  plugin: { rules: Record<string, unknown> };
  toolName?: string;
  toolVersion?: string;
  /** Global ignore patterns (flat-config `ignores`) besides ESLint's own (`node_modules`, `.git`). */
  ignores?: readonly string[];
}

/** What a caller that walks a whole folder should skip: dependencies, build output, minified and vendored code. */
export const INVENTORY_DEFAULT_IGNORES = ['**/dist/**', '**/build/**', '**/coverage/**', ...VENDORED_FILE_GLOBS];

export async function runInventory(options: InventoryRunOptions): Promise<Inventory> {
  const { root } = options;
  const files: FileInventory[] = [];
  const collector = createInventoryCollector(root, (file) => files.push(file));
  const base = buildConfigs(options.plugin as never).recommended.filter((entry) => !entry.rules);
  const config: Linter.Config[] = [
    ...(options.ignores?.length ? [{ name: 'wechat-oa/inventory-ignores', ignores: [...options.ignores] }] : []),
    ...base,
    { name: 'wechat-oa/inventory', plugins: { 'wechat-oa-inventory': { rules: { collect: collector } } as never } },
    {
      name: 'wechat-oa/inventory-rules',
      rules: { 'wechat-oa-inventory/collect': 'error', 'wechat-oa/require-consent': 'error' },
      ...(options.settings ? { settings: { [SETTINGS_KEY]: options.settings } } : {}),
    },
  ];
  const eslint = new options.ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
  // ESLint lints its whole cwd when given no pattern: no file is no file.
  const results = options.files.length > 0 ? await eslint.lintFiles([...options.files]) : [];
  const consentReports = new Map<string, { line: number; column: number }[]>();
  for (const result of results) {
    const reports = result.messages.filter((message) => message.ruleId === 'wechat-oa/require-consent');
    consentReports.set(result.filePath, reports.map((message) => ({ line: message.line, column: message.column })));
  }
  files.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  markConsent(files, consentReports);
  return buildInventory(files, {
    root,
    toolName: options.toolName ?? PLUGIN_NAME,
    toolVersion: options.toolVersion ?? PLUGIN_VERSION,
    relative: (file) => path.relative(root, file).split(path.sep).join('/'),
  });
}
