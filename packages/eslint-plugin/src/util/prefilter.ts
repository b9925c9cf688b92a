/**
 * The prefilter: decides from a file's raw text, before any model is built, whether any rule could act on it
 * (docs/prefilter.md). A file is skipped when it is a vendored copy recognised by content (the
 * JS-SDK, a minified bundle, a library with its banner) or when its text holds none of the trigger words of knowledge/prefilter.ts. The
 * trigger words are found in one pass: one regular expression made of the escaped words as alternatives (no
 * quantifier anywhere, so it runs in linear time), longest first.
 */
import { TRIGGER_GROUPS } from '../knowledge/prefilter.js';

export type PrefilterVerdict = 'lint' | 'no-trigger' | 'vendored';
export type VendoredKind = 'jssdk' | 'minified' | 'library';

export interface TriggerMatch {
  /** The trigger word as the table spells it. */
  word: string;
  /** Ids of the trigger groups that hold the word. */
  groups: readonly string[];
  /** Offset of the match in the text. */
  offset: number;
}

export interface PrefilterResult {
  verdict: PrefilterVerdict;
  /** Why a vendored file was recognised. */
  vendored?: { kind: VendoredKind; evidence: string };
  /** The first match, or with `all` every match (one per distinct word). */
  matches: readonly TriggerMatch[];
}

/** Words this short must stand at word boundaries (see knowledge/prefilter.ts). */
const BOUNDED_LENGTH = 4;

interface Trigger {
  word: string;
  groups: string[];
  bounded: boolean;
  /** A short word written with capitals (`FS`, `CE2`) is a name as spelled: Node's `fs` is not FullStory's `FS`. */
  exactCase: boolean;
}

let compiled: { pattern: RegExp; byLowerCase: Map<string, Trigger> } | undefined;

function compile(): NonNullable<typeof compiled> {
  const byLowerCase = new Map<string, Trigger>();
  for (const group of TRIGGER_GROUPS) {
    for (const word of group.words) {
      const key = word.toLowerCase();
      const existing = byLowerCase.get(key);
      if (existing) {
        if (!existing.groups.includes(group.id)) existing.groups.push(group.id);
      } else {
        const bounded = word.length <= BOUNDED_LENGTH;
        byLowerCase.set(key, { word, groups: [group.id], bounded, exactCase: bounded && word !== key });
      }
    }
  }
  // A longer word that contains a shorter one must win at the same position (`wxa/` over `wx`).
  const words = [...byLowerCase.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'giu');
  return { pattern, byLowerCase };
}

function escapeRegExp(text: string): string {
  return text.replaceAll(/[$()*+.?[\\\]^{|}]/gu, '\\$&');
}

const isLower = (code: number) => code >= 97 && code <= 122;
const isUpper = (code: number) => code >= 65 && code <= 90;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLetterOrDigit = (code: number) => isLower(code) || isUpper(code) || isDigit(code);

/** A short word counts where an identifier word starts and ends: `wx.config`, `userUid`, `ga(`; not `build`, `gap`. */
function atWordBoundaries(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const before = start > 0 ? text.charCodeAt(start - 1) : Number.NaN;
  if (isLetterOrDigit(before) && !(isUpper(first) && (isLower(before) || isDigit(before)))) return false;
  const last = text.charCodeAt(end - 1);
  if (!isLower(last) && !isUpper(last)) return true;
  return !isLower(text.charCodeAt(end));
}

/**
 * Where the file's own text starts: after the comment the HTML processor opens a block with (`/* wechat-oa: the
 * markup of an HTML page… *\/`, the event-handler marker), which names the plugin and would count as a trigger.
 */
function ownTextStart(text: string): number {
  if (!text.startsWith('/*')) return 0;
  const end = text.indexOf('*/');
  return end !== -1 && text.slice(0, end).includes('wechat-oa') ? end + 2 : 0;
}

/** The trigger matches of `text`: the first one, or with `all` the first match of every distinct word. */
export function findTriggers(text: string, all = false): TriggerMatch[] {
  compiled ??= compile();
  const { pattern, byLowerCase } = compiled;
  const matches: TriggerMatch[] = [];
  const seen = new Set<string>();
  pattern.lastIndex = ownTextStart(text);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const key = match[0].toLowerCase();
    const trigger = byLowerCase.get(key);
    if (trigger?.bounded && ((trigger.exactCase && match[0] !== trigger.word) || !atWordBoundaries(text, start, end))) {
      // A shorter word may still start inside this one (`open` inside `reopen` is not, `wx` in `wxa` is).
      pattern.lastIndex = start + 1;
      continue;
    }
    if (!seen.has(key)) {
      seen.add(key);
      matches.push({ word: trigger?.word ?? match[0], groups: trigger?.groups ?? [], offset: start });
      if (!all) break;
    }
  }
  pattern.lastIndex = 0;
  return matches;
}

/**
 * Minified bundles, told apart by shape. On the real-code corpus every minified file (bundles, layui modules,
 * vendored jQuery) has lines of 589 characters or more on average and under 3 % whitespace, and no hand-written
 * file more than 96 characters a line or less than 6 % whitespace; the bounds below sit between the two.
 */
const MINIFIED_MIN_LENGTH = 1024;
const MINIFIED_AVERAGE_LINE = 300;
const MINIFIED_MAX_WHITESPACE = 0.05;
/** Whitespace is counted on one window from the middle of the file, so a licence header does not decide. */
const WHITESPACE_WINDOW = 16_384;

function minifiedEvidence(text: string): string | undefined {
  if (text.length < MINIFIED_MIN_LENGTH) return undefined;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  const averageLine = text.length / lines;
  if (averageLine < MINIFIED_AVERAGE_LINE) return undefined;
  const from = Math.max(0, Math.floor(text.length / 2 - WHITESPACE_WINDOW / 2));
  const to = Math.min(text.length, from + WHITESPACE_WINDOW);
  let whitespace = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10 || code === 13) whitespace++;
  }
  const share = whitespace / (to - from);
  if (share >= MINIFIED_MAX_WHITESPACE) return undefined;
  return `${Math.round(averageLine)} characters a line on average, ${(share * 100).toFixed(1)} % whitespace`;
}

/**
 * Copies of the JS-SDK (`jweixin-1.x.js`, the `weixin-js-sdk` and `jweixin-module` packages, whatever their file
 * name): the SDK publishes itself as the global `jWeixin`. Project code reads `wx`; it never assigns `jWeixin` (a
 * project's own bridge wrapper may call `preVerifyJSAPI` as the SDK does, so that alone says nothing).
 */
const JSSDK_EXPORT = /\bjWeixin\s*=(?!=)/u;

function jssdkEvidence(text: string): string | undefined {
  return JSSDK_EXPORT.test(text) ? 'assigns the global `jWeixin`, as the SDK itself does' : undefined;
}

/**
 * Third-party libraries copied into a project (`public/lib/jquery-1.10.2.js`, Bootstrap plugins, `screenfull.js`),
 * minified or not, open with a preserved banner comment `/*!` that names the library and its version: on the corpus
 * every file that starts so is such a copy, and no project file does.
 */
const LIBRARY_BANNER_LENGTH = 600;
const BANNER_VERSION = /\bv(?:ersion)?[\s:]*\d+\.\d+|\b\d+\.\d+\.\d+\b/iu;

function libraryEvidence(text: string): string | undefined {
  const start = text.length - text.trimStart().length;
  if (!text.startsWith('/*!', start)) return undefined;
  const end = text.indexOf('*/', start);
  const banner = text.slice(start, end === -1 ? start + LIBRARY_BANNER_LENGTH : Math.min(end, start + LIBRARY_BANNER_LENGTH));
  const version = BANNER_VERSION.exec(banner)?.[0];
  if (!version) return undefined;
  const name = banner.slice(3).trim().replace(/^\*\s*/u, '').split('\n')[0].trim().slice(0, 60);
  return `opens with the library banner \`/*! ${name}\``;
}

/** Whether the rules have anything to look at in `text` (see the file comment); `all` collects every match. */
export function prefilterText(text: string, options: { all?: boolean; lintVendored?: boolean } = {}): PrefilterResult {
  if (!options.lintVendored) {
    const sdk = jssdkEvidence(text);
    if (sdk) return { verdict: 'vendored', vendored: { kind: 'jssdk', evidence: sdk }, matches: [] };
    const minified = minifiedEvidence(text);
    if (minified) return { verdict: 'vendored', vendored: { kind: 'minified', evidence: minified }, matches: [] };
    const library = libraryEvidence(text);
    if (library) return { verdict: 'vendored', vendored: { kind: 'library', evidence: library }, matches: [] };
  }
  const matches = findTriggers(text, options.all);
  return { verdict: matches.length > 0 ? 'lint' : 'no-trigger', matches };
}

const results = new WeakMap<object, PrefilterResult>();

/** The prefilter's result for one parsed file (cached per `SourceCode`, so every rule of the file shares it). */
export function prefilterOf(sourceCode: { text: string }, lintVendored = false): PrefilterResult {
  let result = results.get(sourceCode);
  if (!result) {
    result = prefilterText(sourceCode.text, { lintVendored });
    results.set(sourceCode, result);
  }
  return result;
}
