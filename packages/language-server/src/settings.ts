// Typed `wechatOa.*` settings of one resource. Whatever a client sends (partial objects, numbers as strings,
// VS Code's normalised shape, nothing at all) becomes a complete ServerSettings; a malformed value falls back to
// its default instead of reaching ESLint.
import {
  DEFAULT_DEBOUNCE_MS,
  RULE_PREFIX,
  type Locale,
  type Preset,
  type RuleEntry,
  type RuleLevel,
  type RunMode,
  type ServerSettings,
} from './protocol.js';

export type { ServerSettings } from './protocol.js';

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave'];
const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];
const LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error', 0, 1, 2];
/** A debounce above this makes the server look dead; a typo such as 15000 is capped. */
const MAX_DEBOUNCE_MS = 10_000;

/** Maps a client locale such as `zh-cn`, `zh-Hans-CN` or `zh` to one the plugin ships; anything else is English. */
export function toLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string' || value === '' || value === 'auto') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg')) return 'zh-CN';
  return 'en';
}

function oneOf<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function normalizeRules(value: unknown): Record<string, RuleEntry> {
  const rules: Record<string, RuleEntry> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return rules;
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    const id = name.startsWith(RULE_PREFIX) ? name : `${RULE_PREFIX}${name}`;
    if (id === RULE_PREFIX) continue;
    const level = Array.isArray(entry) ? entry[0] : entry;
    if (!LEVELS.includes(level as RuleLevel)) continue;
    rules[id] = Array.isArray(entry) ? ([level, ...entry.slice(1)] as RuleEntry) : (level as RuleLevel);
  }
  return rules;
}

function debounce(value: unknown): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return DEFAULT_DEBOUNCE_MS;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(number)));
}

/**
 * The settings of one resource from the raw `wechatOa` section. `clientLocale` (initialization options, else the
 * `locale` of `initialize`) is the default of `locale`.
 */
export function resolveSettings(raw: unknown, clientLocale: Locale): ServerSettings {
  const section = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    enable: section.enable !== false,
    run: oneOf(section.run, RUN_MODES, 'onType'),
    preset: oneOf(section.preset, PRESETS, 'recommended'),
    rules: normalizeRules(section.rules),
    useWorkspaceConfig: section.useWorkspaceConfig !== false,
    debounceMs: debounce(section.debounceMs),
    locale: toLocale(section.locale) ?? clientLocale,
  };
}
