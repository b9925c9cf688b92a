// Maps the `wechatOa.*` VS Code settings of one resource to the settings object the language server reads
// (the answer to its `workspace/configuration` request), and builds the `initializationOptions`. The shapes and
// the normalisation (mistyped values fall back to defaults) are the server's own, imported from its protocol and
// settings modules so client and server cannot drift. No `vscode` import: unit-tested directly.
// The package's main entry holds only the protocol and settings modules (no ESLint), so bundling it into the
// extension's CommonJS entry stays small.
import {
  resolveSettings,
  SETTINGS_SECTION,
  toLocale,
  type InitializationOptions,
  type Locale,
  type ServerSettings,
} from 'wechat-oa-language-server';

export { SETTINGS_SECTION };
export type { InitializationOptions, ServerSettings };

/** The part of `vscode.WorkspaceConfiguration` the mapping reads. */
export interface SettingsReader {
  get<T>(section: string): T | undefined;
}

/** The settings the extension contributes (package.json `contributes.configuration`), without the section. */
export const SETTING_KEYS = ['enable', 'run', 'preset', 'rules', 'useWorkspaceConfig', 'debounceMs', 'locale'] as const;

/**
 * `wechatOa.locale` is `auto`, `en` or `zh-CN`; `auto` (or anything the server does not ship) follows the VS Code
 * display language (`vscode.env.language`, e.g. `zh-cn`).
 */
export function resolveLocale(setting: unknown, displayLanguage: string): Locale {
  return toLocale(setting) ?? toLocale(displayLanguage) ?? 'en';
}

export function toServerSettings(config: SettingsReader, displayLanguage: string): ServerSettings {
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) raw[key] = config.get(key);
  return resolveSettings(raw, resolveLocale(undefined, displayLanguage));
}

/** Sent at every (re)start; trust granted later is sent with `wechatOa/didGrantTrust`. */
export function initializationOptions(trusted: boolean, localeSetting: unknown, displayLanguage: string): InitializationOptions {
  return { trusted, locale: resolveLocale(localeSetting, displayLanguage) };
}
