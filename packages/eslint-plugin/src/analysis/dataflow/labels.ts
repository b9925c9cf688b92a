import type { TSESTree } from '@typescript-eslint/utils';
import { type DataKind, USER_DATA_KINDS } from '../../knowledge/user-data.js';

/**
 * The account a value belongs to: identified by the appid expression of the SDK constructor or token
 * request that produced it. `key` is the expression in a structural form (`'wx0123…'`, `process.env.NEWS_APPID`,
 * `ACCOUNTS.brandA.appid`, or `account:<name>` for an appid listed in the `accounts` setting); two accounts differ
 * when their keys differ. `text` is what messages show.
 */
export interface Account {
  key: string;
  text: string;
}

/** Families of sanitizers (docs/architecture.md, function-name defaults): each rule says which ones it accepts. */
export type SanitizerCategory = 'mask' | 'anonymize' | 'encrypt';

/** Where a label entered the program. */
export type SourceType =
  | 'name' // a variable, property or key whose name is a user-data field
  | 'sdk' // an Official Account SDK method result
  | 'api' // a raw HTTP response of an Official Account API
  | 'inbound' // an inbound message (`req.weixin`, `ctx.weixin`, the co-wechat handler's message)
  | 'request' // a request body or query
  | 'jssdk' // a JS-SDK or browser API callback result
  | 'database' // a database read that selects user-data fields
  | 'form' // a variable named after user data that holds only what the visitor typed into a form control
  | 'shape' // a value the code itself reads a user-data field from, or stores under a user-data name
  | 'client' // an SDK client instance (carries its account, no data)
  | 'automation'; // a page that a browser automation (Puppeteer, Playwright, Electron) opened and drives

/**
 * Kinds the engine tracks besides data: an SDK client instance, which carries only its account; a response (or a
 * browser page) of the mp.weixin.qq.com console, which holds the console session; the session's cookies read from
 * one (what replays the login); and the console token of its address (which goes with those cookies).
 */
export type LabelKind = DataKind | 'client' | 'console-response' | 'console-session' | 'console-token';

/** One fact about a value: it carries data of `kind`, from `account`, that entered at `origin`. */
export interface Label {
  readonly kind: LabelKind;
  readonly account: Account | undefined;
  readonly origin: TSESTree.Node;
  readonly source: SourceType;
  /** Sanitizers the value passed through, in order (categories only; the call names are in `sanitizerNames`). */
  readonly sanitizers: readonly SanitizerCategory[];
  readonly sanitizerNames: readonly string[];
  /** For a client label: the SDK package it was constructed from (`co-wechat-api`, `wechat-oauth` …). */
  readonly sdk?: string;
}

export type Labels = readonly Label[];
export const NO_LABELS: Labels = Object.freeze([]);

/** A value carries at most this many distinct labels: enough for every kind × two accounts, bounded for speed. */
export const MAX_LABELS = 24;

const USER_DATA = new Set<LabelKind>(USER_DATA_KINDS);

export function isUserDataLabel(label: Label): boolean {
  return USER_DATA.has(label.kind);
}

function labelKey(label: Label): string {
  return `${label.kind}|${label.account?.key ?? ''}|${label.source}|${label.sanitizers.join(',')}`;
}

/** Union of label sets, first origin kept per distinct (kind, account, source, sanitizers), bounded. */
export function unionLabels(...sets: Labels[]): Labels {
  let nonEmpty: Labels | undefined;
  let count = 0;
  for (const set of sets) {
    if (set.length > 0) {
      nonEmpty = set;
      count++;
    }
  }
  if (count === 0) return NO_LABELS;
  if (count === 1 && nonEmpty) return nonEmpty;
  const seen = new Set<string>();
  const result: Label[] = [];
  for (const set of sets) {
    for (const label of set) {
      const key = labelKey(label);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(label);
      if (result.length >= MAX_LABELS) return result;
    }
  }
  return result;
}

/** True when `next` has a label `previous` lacks (labels only grow, so comparing keys suffices). */
export function labelsGrew(previous: Labels, next: Labels): boolean {
  if (next.length !== previous.length) return next.length > previous.length;
  if (next === previous) return false;
  const keys = new Set(previous.map(labelKey));
  return next.some((label) => !keys.has(labelKey(label)));
}

/** The labels marked as passed through a sanitizer of `category`, called `name`. */
export function sanitizeLabels(labels: Labels, category: SanitizerCategory, name: string): Labels {
  if (labels.length === 0) return labels;
  return labels.map((label) => ({
    ...label,
    sanitizers: label.sanitizers.includes(category) ? label.sanitizers : [...label.sanitizers, category],
    sanitizerNames: [...label.sanitizerNames, name],
  }));
}

export function makeLabel(
  kind: LabelKind,
  origin: TSESTree.Node,
  source: SourceType,
  account?: Account,
  sdk?: string,
): Label {
  return sdk
    ? { kind, account, origin, source, sanitizers: [], sanitizerNames: [], sdk }
    : { kind, account, origin, source, sanitizers: [], sanitizerNames: [] };
}

/**
 * User-data labels of a value that none of `accepted` sanitized: what a rule still reports.
 * With `kinds`, only those kinds.
 */
export function unsanitizedUserData(
  labels: Labels,
  accepted: readonly SanitizerCategory[],
  kinds?: ReadonlySet<LabelKind>,
): Label[] {
  return labels.filter(
    (label) =>
      (kinds ? kinds.has(label.kind) : isUserDataLabel(label)) &&
      !label.sanitizers.some((category) => accepted.includes(category)),
  );
}
