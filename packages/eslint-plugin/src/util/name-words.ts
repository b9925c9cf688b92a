/**
 * Splits an identifier into lower-case words at camelCase humps, digits, `_`, `$` and `-`:
 * `requestPrivacyConsent` → request, privacy, consent; `has_consent` → has, consent; `maskOpenID` → mask, open, id.
 */
export function identifierWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let index = 0; index < name.length; index++) {
    const char = name[index];
    if (char === '_' || char === '$' || char === '-' || char === '.' || char === ' ') {
      if (current) words.push(current);
      current = '';
      continue;
    }
    const isUpper = char >= 'A' && char <= 'Z';
    if (isUpper && current) {
      const previous = name[index - 1];
      const next = name[index + 1];
      const previousIsLower = previous >= 'a' && previous <= 'z';
      const previousIsDigit = previous >= '0' && previous <= '9';
      const nextIsLower = next !== undefined && next >= 'a' && next <= 'z';
      // "fooBar" splits before B; "HTTPServer" splits before the S that starts "Server".
      if (previousIsLower || previousIsDigit || nextIsLower) {
        words.push(current);
        current = '';
      }
    }
    current += char.toLowerCase();
  }
  if (current) words.push(current);
  return words;
}

/**
 * The words of `name`, memoised across files: the same identifiers and configured patterns are split again and
 * again (every evaluated call asks whether its callee is a sanitizer). Read-only arrays, used only here; the cache
 * is cleared when it grows large so a long-running language server does not keep every name it ever saw.
 */
const wordsCache = new Map<string, readonly string[]>();
const WORDS_CACHE_LIMIT = 20_000;

function cachedWords(name: string): readonly string[] {
  let words = wordsCache.get(name);
  if (!words) {
    if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
    words = identifierWords(name);
    wordsCache.set(name, words);
  }
  return words;
}

/**
 * True when `pattern`'s words occur as a run of whole words in `name`:
 * `consent` matches `askConsent` and `has_consent`, not `consentless`; `contentCheck` matches `runContentCheck`.
 */
export function matchesWordPattern(name: string, pattern: string): boolean {
  const nameWords = cachedWords(name);
  const patternWords = cachedWords(pattern);
  if (patternWords.length === 0 || patternWords.length > nameWords.length) return false;
  outer: for (let start = 0; start + patternWords.length <= nameWords.length; start++) {
    for (let offset = 0; offset < patternWords.length; offset++) {
      if (nameWords[start + offset] !== patternWords[offset]) continue outer;
    }
    return true;
  }
  return false;
}

export function matchesAnyWordPattern(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesWordPattern(name, pattern));
}
