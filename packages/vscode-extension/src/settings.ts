// Maps the `wechatOa.*` VS Code settings of one resource to the settings object the language server reads
// (answering its `workspace/configuration` request). Pure: no `vscode` import, so it is unit-tested directly.
// Values a user can mistype in settings.json are normalised here, so the server sees only valid ones.

export type RunMode = 'onType' | 'onSave';
export type Preset = 'recommended' | 'strict' | 'all';
export type Locale = 'en' | 'zh-CN';
export type RuleLevel = 'off' | 'warn' | 'error';
export type RuleEntry = RuleLevel | [RuleLevel, ...unknown[]];

/** What the server receives for one resource. */
export interface ServerSettings {
  enable: boolean;
  run: RunMode;
  preset: Preset;
  /** Keys always carry the `wechat-oa/` prefix. */
  rules: Record<string, RuleEntry>;
  useWorkspaceConfig: boolean;
  debounceMs: number;
  locale: Locale;
}

/** The part of `vscode.WorkspaceConfiguration` the mapping reads. */
export interface SettingsReader {
  get<T>(section: string): T | undefined;
}

export const SETTINGS_SECTION = 'wechatOa';
export const RULE_PREFIX = 'wechat-oa/';
export const DEFAULT_DEBOUNCE_MS = 150;
/** An upper bound so a typo such as 15000 cannot make the extension look dead. */
export const MAX_DEBOUNCE_MS = 10_000;

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave'];
const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];
const NUMERIC_LEVELS: Record<number, RuleLevel> = { 0: 'off', 1: 'warn', 2: 'error' };

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * `auto` (or anything unknown) follows the VS Code display language (`vscode.env.language`, e.g. `zh-cn`);
 * only Simplified Chinese and English are shipped.
 */
export function resolveLocale(setting: unknown, displayLanguage: string): Locale {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  const lower = displayLanguage.toLowerCase();
  return lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg') ? 'zh-CN' : 'en';
}

function ruleLevel(value: unknown): RuleLevel | undefined {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (typeof value === 'number') return NUMERIC_LEVELS[value];
  return undefined;
}

/** ESLint's rule entry forms (`"warn"`, `1`, `["error", {…}]`); a malformed entry is dropped, not guessed. */
export function normalizeRules(value: unknown): Record<string, RuleEntry> {
  const rules: Record<string, RuleEntry> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return rules;
  for (const [name, entry] of Object.entries(value)) {
    const id = name.startsWith(RULE_PREFIX) ? name : `${RULE_PREFIX}${name}`;
    if (id === RULE_PREFIX) continue;
    if (Array.isArray(entry)) {
      const level = ruleLevel(entry[0]);
      if (level) rules[id] = [level, ...entry.slice(1)];
    } else {
      const level = ruleLevel(entry);
      if (level) rules[id] = level;
    }
  }
  return rules;
}

function debounce(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_DEBOUNCE_MS;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(value)));
}

export function toServerSettings(config: SettingsReader, displayLanguage: string): ServerSettings {
  return {
    enable: config.get<boolean>('enable') !== false,
    run: oneOf(config.get('run'), RUN_MODES, 'onType'),
    preset: oneOf(config.get('preset'), PRESETS, 'recommended'),
    rules: normalizeRules(config.get('rules')),
    useWorkspaceConfig: config.get<boolean>('useWorkspaceConfig') !== false,
    debounceMs: debounce(config.get('debounceMs')),
    locale: resolveLocale(config.get('locale'), displayLanguage),
  };
}

/** Sent once at start (`initializationOptions`); trust is re-sent with `wechatOa/didGrantTrust` when granted. */
export interface InitializationOptions {
  trusted: boolean;
  locale: Locale;
}

export function initializationOptions(trusted: boolean, localeSetting: unknown, displayLanguage: string): InitializationOptions {
  return { trusted, locale: resolveLocale(localeSetting, displayLanguage) };
}
