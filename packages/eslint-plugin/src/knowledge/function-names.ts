/**
 * Default word patterns of the function-name settings. Names are matched as whole words of
 * camelCase/snake_case identifiers (see util/name-words.ts), never as substrings.
 */
export const DEFAULT_CONSENT_FUNCTIONS = ['consent'] as const;
export const DEFAULT_CHECK_FUNCTIONS = ['moderate', 'moderation', 'censor', 'contentCheck', 'secCheck'] as const;
export const DEFAULT_MASKERS = ['mask', 'redact'] as const;
export const DEFAULT_ANONYMIZERS = ['anonymize', 'hash', 'sha1', 'sha256'] as const;
export const DEFAULT_ENCRYPTORS = ['encrypt', 'cipher'] as const;
