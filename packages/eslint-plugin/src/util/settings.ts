import type { TSESLint } from '@typescript-eslint/utils';
import {
  DEFAULT_ANONYMIZERS,
  DEFAULT_CHECK_FUNCTIONS,
  DEFAULT_CONSENT_FUNCTIONS,
  DEFAULT_ENCRYPTORS,
  DEFAULT_MASKERS,
} from '../knowledge/function-names.js';
import { MP_ARTICLE_URL_PREFIX, OAUTH_AUTHORIZE_URL } from '../knowledge/weixin-urls.js';
import { type Locale, normalizeLocale } from './locale.js';

/** Key of the plugin-wide settings object: `settings['wechat-oa']`. */
export const SETTINGS_KEY = 'wechat-oa';

/** List-valued settings; a rule option of the same name extends them. */
export const LIST_SETTING_KEYS = [
  'ownHosts',
  'allowedHosts',
  'trustedUrls',
  'consentFunctions',
  'checkFunctions',
  'maskers',
  'anonymizers',
  'encryptors',
  'browserFiles',
  'serverFiles',
] as const;
export type ListSettingKey = (typeof LIST_SETTING_KEYS)[number];

/** What users write in `settings['wechat-oa']` or `.wechat-oa.json`. */
export type WechatOaSettings = Partial<Record<ListSettingKey, string[]>> & {
  /** Account name → appid. */
  accounts?: Record<string, string>;
  locale?: Locale;
  /** `false` runs every rule on every file: no prefilter, no vendored or saved-page skip (to check a miss). */
  prefilter?: boolean;
  /** Lint vendored copies recognised by content (the JS-SDK, minified bundles), which are skipped by default. */
  lintVendored?: boolean;
  /** Lint saved copies of other sites' pages (`.html` with a `saved from url` comment…), skipped by default. */
  lintSavedPages?: boolean;
  /**
   * Import prefixes the project's tools map and the plugin cannot read (a bundler config built at run time):
   * `{ "@lib": "src/lib" }`, paths relative to the working directory. They win over configured aliases.
   */
  aliases?: Record<string, string>;
  /**
   * Functions that make a request or navigate where no module the plugin can read says so (a global helper, a
   * function of an SDK outside the project): callee text → which argument is the URL (`"0"`, `"0.url"`).
   */
  wrappers?: Record<string, WrapperSetting>;
};

/** One entry of `wrappers`. */
export interface WrapperSetting {
  /** `request` (default) or `navigation`. */
  kind?: 'request' | 'navigation';
  /** Argument path of the URL: `"0"` for `get(url)`, `"0.url"` for `mpRequest({ url })`. */
  url: string;
  /** HTTP method of a request wrapper. */
  method?: string;
  /** Argument path of a request's body. */
  body?: string;
}

/** Settings after defaults, plugin-wide settings and a rule's options are merged. */
export type ResolvedSettings = Record<ListSettingKey, readonly string[]> & {
  accounts: Readonly<Record<string, string>>;
  locale: Locale;
  prefilter: boolean;
  lintVendored: boolean;
  lintSavedPages: boolean;
  aliases: Readonly<Record<string, string>>;
  wrappers: Readonly<Record<string, WrapperSetting>>;
};

export const BUILT_IN_DEFAULTS: Readonly<Record<ListSettingKey, readonly string[]>> = {
  ownHosts: [],
  allowedHosts: [],
  trustedUrls: [OAUTH_AUTHORIZE_URL, MP_ARTICLE_URL_PREFIX],
  consentFunctions: DEFAULT_CONSENT_FUNCTIONS,
  checkFunctions: DEFAULT_CHECK_FUNCTIONS,
  maskers: DEFAULT_MASKERS,
  anonymizers: DEFAULT_ANONYMIZERS,
  encryptors: DEFAULT_ENCRYPTORS,
  browserFiles: [],
  serverFiles: [],
};

/** JSON schema of the plugin-wide settings; the CLI validates `.wechat-oa.json` with it. */
export const SETTINGS_SCHEMA = {
  type: 'object',
  properties: {
    ...Object.fromEntries(LIST_SETTING_KEYS.map((key) => [key, { type: 'array', items: { type: 'string' } }])),
    accounts: { type: 'object', additionalProperties: { type: 'string' } },
    locale: { enum: ['en', 'zh-CN'] },
    prefilter: { type: 'boolean' },
    lintVendored: { type: 'boolean' },
    lintSavedPages: { type: 'boolean' },
    aliases: { type: 'object', additionalProperties: { type: 'string' } },
    wrappers: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          kind: { enum: ['request', 'navigation'] },
          url: { type: 'string', pattern: '^\\d+(\\.[^.]+)*$' },
          method: { type: 'string' },
          body: { type: 'string', pattern: '^\\d+(\\.[^.]+)*$' },
        },
        required: ['url'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/**
 * JSON-schema properties a rule adds to its option object for the settings it reads, so that a rule's own
 * option of the same name extends the plugin-wide one. `replaceDefaults` drops the built-in defaults instead.
 */
export function settingOptionProperties(keys: readonly ListSettingKey[]): Record<string, object> {
  return {
    ...Object.fromEntries(
      keys.map((key) => [key, { description: SETTING_DESCRIPTIONS[key], type: 'array', items: { type: 'string' } }]),
    ),
    replaceDefaults: {
      description: 'Replace the built-in defaults of the lists given in these options instead of extending them.',
      type: 'boolean',
    },
  };
}

/** What each list setting holds; shown in the generated options table of every rule doc that reads it. */
const SETTING_DESCRIPTIONS: Readonly<Record<ListSettingKey, string>> = {
  ownHosts: "Hosts that are the project's own (back end, CDN).",
  allowedHosts: 'Other hosts that may receive user data (a processor under contract).',
  trustedUrls: 'URL prefixes that may be redirect targets.',
  consentFunctions: 'Names of functions that ask for consent (matched as whole words).',
  checkFunctions: 'Names of content-check functions (matched as whole words).',
  maskers: 'Names of functions that mask a value (matched as whole words).',
  anonymizers: 'Names of functions that anonymize a value (matched as whole words).',
  encryptors: 'Names of functions that encrypt a value (matched as whole words).',
  browserFiles: 'Globs of files that are browser code.',
  serverFiles: 'Globs of files that are server code.',
};

type RuleSettingOptions = Partial<Record<ListSettingKey, readonly string[]>> & { replaceDefaults?: boolean };

const cache = new WeakMap<object, ResolvedSettings>();

function readPluginSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): WechatOaSettings {
  const raw = (context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY];
  return raw && typeof raw === 'object' ? (raw as WechatOaSettings) : {};
}

function unionOf(...lists: (readonly string[] | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (typeof item === 'string') seen.add(item);
  }
  return [...seen];
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Resolved settings by the plugin's settings as written (JSON): ESLint hands every file a settings object of its own. */
const byContent = new Map<string, ResolvedSettings>();
const NO_SETTINGS = {};

/**
 * Plugin-wide settings merged with the built-in defaults, computed once per distinct configuration: the same
 * object for every file and rule that share it, so what is keyed by it (the data flow of a file) is shared too.
 */
export function getPluginSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ResolvedSettings {
  const key = (context.settings ?? NO_SETTINGS) as object;
  const cached = cache.get(key);
  if (cached) return cached;
  const raw = readPluginSettings(context);
  const text = JSON.stringify(raw);
  let resolved = byContent.get(text);
  if (!resolved) {
    resolved = {
      ...Object.fromEntries(LIST_SETTING_KEYS.map((name) => [name, unionOf(BUILT_IN_DEFAULTS[name], raw[name])])),
      accounts: raw.accounts && typeof raw.accounts === 'object' ? raw.accounts : {},
      locale: normalizeLocale(raw.locale),
      prefilter: raw.prefilter !== false,
      lintVendored: raw.lintVendored === true,
      lintSavedPages: raw.lintSavedPages === true,
      aliases: stringRecord(raw.aliases),
      wrappers: raw.wrappers && typeof raw.wrappers === 'object' ? raw.wrappers : {},
    } as ResolvedSettings;
    if (byContent.size >= 64) byContent.clear();
    byContent.set(text, resolved);
  }
  cache.set(key, resolved);
  return resolved;
}

/**
 * The settings one rule sees: defaults ∪ plugin-wide settings ∪ the rule's own options of the same name;
 * with `replaceDefaults: true` in the rule's options, its lists replace the built-in defaults.
 */
export function resolveSettings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  ruleOptions?: RuleSettingOptions,
): ResolvedSettings {
  const base = getPluginSettings(context);
  if (!ruleOptions) return base;
  const ownLists = LIST_SETTING_KEYS.filter((name) => Array.isArray(ruleOptions[name]));
  if (ownLists.length === 0) return base;
  const raw = readPluginSettings(context);
  const merged = { ...base } as Record<string, unknown>;
  for (const name of ownLists) {
    // replaceDefaults drops the built-in defaults of the lists this option object gives, nothing else.
    merged[name] = ruleOptions.replaceDefaults
      ? unionOf(raw[name], ruleOptions[name])
      : unionOf(base[name], ruleOptions[name]);
  }
  return merged as ResolvedSettings;
}
