import {
  NOT_A_VALUE_PREFIX_WORDS,
  NOT_A_VALUE_WORDS,
  USER_DATA_FIELDS,
  USER_DATA_KINDS,
  type UserDataKind,
} from '../../knowledge/user-data.js';
import { identifierWords } from '../../util/name-words.js';

const fieldWords: { kind: UserDataKind; words: string[] }[] = USER_DATA_KINDS.flatMap((kind) =>
  USER_DATA_FIELDS[kind].map((field) => ({ kind, words: identifierWords(field) })),
);

const cache = new Map<string, readonly UserDataKind[]>();
const NONE: readonly UserDataKind[] = Object.freeze([]);

/**
 * The user-data kinds a variable, property or key name holds, by whole words: `openid`,
 * `userOpenId`, `from_user_name`, `nickName` → their kinds; `openidKey`, `isMobile`, `phoneRegex` → none
 * (a word after the field that makes the name about the field, or a flag word before it).
 */
export function kindsOfName(name: string): readonly UserDataKind[] {
  const cached = cache.get(name);
  if (cached) return cached;
  let result: readonly UserDataKind[] = NONE;
  if (name.length >= 3 && name.length <= 64) {
    const words = identifierWords(name);
    const kinds = new Set<UserDataKind>();
    for (const { kind, words: pattern } of fieldWords) {
      const start = findRun(words, pattern);
      if (start < 0) continue;
      const after = words.slice(start + pattern.length);
      const before = words[start - 1];
      if (after.some((word) => NOT_A_VALUE_WORDS.has(word))) continue;
      if (before !== undefined && NOT_A_VALUE_PREFIX_WORDS.has(before)) continue;
      kinds.add(kind);
    }
    if (kinds.size > 0) result = Object.freeze([...kinds]);
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(name, result);
  return result;
}

/** Where `pattern` occurs as a run of words; its last word may be plural (`openids`, `phoneNumbers`). */
function findRun(words: readonly string[], pattern: readonly string[]): number {
  const last = pattern.length - 1;
  outer: for (let start = 0; start + pattern.length <= words.length; start++) {
    for (let offset = 0; offset < pattern.length; offset++) {
      const word = words[start + offset];
      const expected = pattern[offset];
      if (word === expected || (offset === last && word === `${expected}s`)) continue;
      continue outer;
    }
    return start;
  }
  return -1;
}
