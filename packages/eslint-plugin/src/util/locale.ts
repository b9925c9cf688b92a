export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a client locale such as `zh-cn`, `zh-Hans-CN` or `zh` to one we ship; anything else is English. */
export function normalizeLocale(value: unknown): Locale {
  if (typeof value !== 'string') return 'en';
  const lower = value.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg')) {
    return 'zh-CN';
  }
  return 'en';
}

/** Suffix of the message ids that hold the Simplified Chinese text of a message. */
export const ZH_MESSAGE_SUFFIX = '_zhCN';
