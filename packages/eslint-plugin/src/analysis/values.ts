import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  ATTACKER_GLOBAL_PATHS,
  MESSAGE_DATA_PROPERTY,
  OWN_ORIGIN_GLOBAL_PATHS,
  OWN_PATH_GLOBAL_PATHS,
  QUERY_GETTER_METHODS,
  REQUEST_INPUT_PROPERTIES,
  REQUEST_OBJECT_NAMES,
  REQUEST_OWN_URL_PROPERTIES,
} from '../knowledge/untrusted-input.js';
import { OBJECT_SERIALIZERS, QUERY_STRING_SERIALIZERS } from '../knowledge/http-clients.js';
import { hostMatchesPattern, isWeixinHost } from '../knowledge/weixin-urls.js';
import { calleeName, calleeObject, findVariable, isFunctionNode, literalString, memberName, propertyKeyName, unwrap } from './ast.js';
import type { GlobalReferences } from './references.js';

/**
 * Static values and local value flow: what a string or URL expression can be, as far as the file says.
 *
 * A value is a sequence of known text and *holes* (unknown parts). A hole remembers where it came from: an
 * attacker-controlled source (the page URL, `document.referrer`, `postMessage` data, a request's query or body)
 * or the page's own origin (`location.origin`). An expression may have several values (`a ? x : y`, `p || '/'`);
 * `valuesOf` returns them all (at most MAX_ALTERNATIVES, beyond that the differing parts become holes).
 *
 * Followed: literals, templates, `+`, `String()`/`encodeURI`/`toString`/`trim`, `concat`, constants and local
 * variables (single assignment, or every plain assignment), object/array destructuring of literals, object
 * properties of local object literals, `new URL(path, base)`, `URLSearchParams` and `qs.stringify` of object
 * literals, returns of local functions (without their arguments). Everything else is a hole. Evaluation is depth
 * bounded (MAX_DEPTH) and `+` chains are flattened iteratively, so 20,000-term expressions cost linear time.
 */

export type AttackerSource = 'page-url' | 'referrer' | 'message' | 'request' | 'window-name';

export interface Hole {
  readonly hole: true;
  /** The expression whose value is unknown, when there is one. */
  readonly node: TSESTree.Node | null;
  /** Set when an attacker chooses this part's text. */
  readonly attacker: AttackerSource | null;
  /** `origin`: the page's own origin (`location.origin`); `path`: the page's own path (`location.pathname`). */
  readonly own: 'origin' | 'path' | null;
}

export type ValuePart = string | Hole;

export interface StringValue {
  readonly parts: readonly ValuePart[];
}

export const MAX_DEPTH = 40;
export const MAX_ALTERNATIVES = 8;
const MAX_PARTS = 64;

export function hole(node: TSESTree.Node | null, attacker: AttackerSource | null = null, own: Hole['own'] = null): Hole {
  return { hole: true, node, attacker, own };
}

export function isHole(part: ValuePart): part is Hole {
  return typeof part !== 'string';
}

/** A value made of known text only. */
export function textValue(text: string): StringValue {
  return { parts: [text] };
}

/** The whole text when every part is known. */
export function textOf(value: StringValue): string | undefined {
  let text = '';
  for (const part of value.parts) {
    if (isHole(part)) return undefined;
    text += part;
  }
  return text;
}

/** The known text before the first hole. */
export function knownPrefix(value: StringValue): string {
  let text = '';
  for (const part of value.parts) {
    if (isHole(part)) break;
    text += part;
  }
  return text;
}

/** The first part when it is a hole: who decides how the value starts. */
export function leadingHole(value: StringValue): Hole | undefined {
  const first = value.parts[0];
  return first !== undefined && isHole(first) ? first : undefined;
}

/** The text with every hole replaced by U+0000, and the holes in order: for scanning known text around holes. */
export function markedText(value: StringValue): { text: string; holes: Hole[] } {
  let text = '';
  const holes: Hole[] = [];
  for (const part of value.parts) {
    if (isHole(part)) {
      text += '\u0000';
      holes.push(part);
    } else {
      text += part;
    }
  }
  return { text, holes };
}

/**
 * Where known text of a value stands verbatim in the source: marked-text offsets `[start, end)` of the value are
 * the source characters from `sourceStart` on, inside `node` (a literal or template element without escapes in
 * that stretch). Kept beside the value (not in it) so values still compare by their parts; fixes read it.
 */
export interface TextSource {
  readonly start: number;
  readonly end: number;
  readonly node: TSESTree.Literal | TSESTree.TemplateElement;
  readonly sourceStart: number;
}

const SOURCES = new WeakMap<StringValue, readonly TextSource[]>();

function withSources(value: StringValue, sources: readonly TextSource[]): StringValue {
  if (sources.length > 0) SOURCES.set(value, sources);
  return value;
}

function shiftSources(value: StringValue, by: number, from = 0, to = Number.POSITIVE_INFINITY): TextSource[] {
  const shifted: TextSource[] = [];
  for (const source of SOURCES.get(value) ?? []) {
    const start = Math.max(source.start, from);
    const end = Math.min(source.end, to);
    if (start >= end) continue;
    shifted.push({ start: start + by, end: end + by, node: source.node, sourceStart: source.sourceStart + (start - source.start) });
  }
  return shifted;
}

/** Length of a value's marked text (a hole counts one character). */
function markedLength(value: StringValue): number {
  let length = 0;
  for (const part of value.parts) length += isHole(part) ? 1 : part.length;
  return length;
}

/** The text of a string literal or template element, remembering where it stands in the source when verbatim. */
function sourcedText(node: TSESTree.Literal | TSESTree.TemplateElement, text: string): StringValue {
  const raw = node.type === 'Literal' ? node.raw.slice(1, -1) : node.value.raw;
  const value = textValue(text);
  // A quasi's range includes the delimiter before it (`` ` `` or `}`), as a literal's includes its quote.
  return raw === text && text !== '' ? withSources(value, [{ start: 0, end: text.length, node, sourceStart: node.range[0] + 1 }]) : value;
}

/**
 * The source range that holds marked-text offsets `[start, end)` of a value verbatim, when one literal or template
 * element holds all of it: where a fix edits a URL's path or a query value (offsets from parseUrl).
 */
export function sourceRangeOf(value: StringValue, start: number, end: number): { node: TSESTree.Literal | TSESTree.TemplateElement; range: [number, number] } | undefined {
  for (const source of SOURCES.get(value) ?? []) {
    if (source.start <= start && end <= source.end && start < end) {
      return { node: source.node, range: [source.sourceStart + (start - source.start), source.sourceStart + (end - source.start)] };
    }
  }
  return undefined;
}

/** The values one after the other, as `a + b` builds them (source positions kept). */
export function joinValues(...values: readonly StringValue[]): StringValue {
  const parts: ValuePart[] = [];
  const sources: TextSource[] = [];
  let offset = 0;
  for (const value of values) {
    sources.push(...shiftSources(value, offset));
    parts.push(...value.parts);
    offset += markedLength(value);
  }
  const joined = normalize(parts);
  return withSources(joined, markedLength(joined) === offset ? sources : []);
}

/** The part of a value between two offsets of its marked text (holes count one character). */
export function sliceValue(value: StringValue, start: number, end = Number.POSITIVE_INFINITY): StringValue {
  const sliced = slicedParts(value, start, end);
  return withSources(sliced, shiftSources(value, -start, start, end));
}

function slicedParts(value: StringValue, start: number, end: number): StringValue {
  const parts: ValuePart[] = [];
  let offset = 0;
  for (const part of value.parts) {
    const length = isHole(part) ? 1 : part.length;
    const partStart = offset;
    const partEnd = offset + length;
    offset = partEnd;
    if (partEnd <= start || partStart >= end) continue;
    if (isHole(part)) parts.push(part);
    else parts.push(part.slice(Math.max(0, start - partStart), Math.min(length, end - partStart)));
  }
  return normalize(parts);
}

function normalize(parts: ValuePart[]): StringValue {
  const merged: ValuePart[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  if (merged.length > MAX_PARTS) {
    // Keep the start (it decides the origin); the rest becomes one hole.
    merged.length = MAX_PARTS - 1;
    merged.push(hole(null));
  }
  return { parts: merged };
}

function concat(values: readonly (readonly StringValue[])[]): StringValue[] {
  let result: StringValue[] = [{ parts: [] }];
  for (const alternatives of values) {
    if (result.length * alternatives.length > MAX_ALTERNATIVES) {
      // Too many combinations: keep the alternatives so far, and this operand becomes a hole that keeps a
      // shared attacker/own marking when every alternative agrees.
      const firsts = alternatives.map((value) => leadingHole(value));
      const attacker = firsts.every((first) => first?.attacker) ? (firsts[0]?.attacker ?? null) : null;
      result = result.map((value) => joinValues(value, { parts: [hole(null, attacker)] }));
      continue;
    }
    const next: StringValue[] = [];
    for (const left of result) for (const right of alternatives) next.push(joinValues(left, right));
    result = next;
  }
  return result;
}

/** `new URL(…)`. */
function isUrlConstruction(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  return target.type === 'NewExpression' && target.callee.type === 'Identifier' && target.callee.name === 'URL';
}

function union(...lists: (readonly StringValue[])[]): StringValue[] {
  const all = lists.flat();
  if (all.length <= MAX_ALTERNATIVES) return all;
  return all.slice(0, MAX_ALTERNATIVES);
}

function pathEquals(path: readonly string[], expected: readonly string[]): boolean {
  return path.length === expected.length && expected.every((segment, index) => path[index] === segment);
}

/** Where an object expression's property lives: the value node of `{ key: value }` (last one wins). */
export function objectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    if (property.kind !== 'init') continue;
    if (propertyKeyName(property) === name) found = property.value;
  }
  return found;
}

/** Every property of an object literal with a static key (shorthand included), in order. */
export function objectProperties(object: TSESTree.ObjectExpression): { key: string; value: TSESTree.Node; property: TSESTree.Property }[] {
  const result: { key: string; value: TSESTree.Node; property: TSESTree.Property }[] = [];
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key = propertyKeyName(property);
    if (key !== undefined) result.push({ key, value: property.value, property });
  }
  return result;
}

/** Origin classes of a URL value (docs/architecture.md, own origin). */
export type OriginClass = 'own' | 'weixin' | 'third-party' | 'attacker' | 'non-web' | 'unknown';

/** A query parameter whose name is known text, with where its value stands in the marked text. */
export interface UrlParam {
  readonly name: string;
  /** The decoded value when it is known text. */
  readonly value: string | undefined;
  /** Marked-text offsets of the raw value (after `=`; empty at the name's end when there is no `=`). */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** What is known of a URL value. */
export interface UrlInfo {
  /** `absolute` has a scheme, `protocol-relative` starts with `//`, `relative` is a path; `unknown` starts with a hole. */
  readonly form: 'absolute' | 'protocol-relative' | 'relative' | 'unknown';
  /** Lower-case scheme without `:`. */
  readonly scheme?: string;
  /** Lower-case host without port and credentials, when it is fully known. */
  readonly host?: string;
  /** Marked-text offsets of the host as written (without credentials and port), when it is known. */
  readonly hostStart?: number;
  readonly hostEnd?: number;
  /** The path as known (from its `/`, without query and fragment); complete when `pathComplete`. */
  readonly path: string;
  readonly pathComplete: boolean;
  /** Marked-text offset where `path` starts (its end is `pathStart + path.length`). */
  readonly pathStart: number;
  /** Query parameters named in known text → their known value (undefined when dynamic). */
  readonly query: ReadonlyMap<string, string | undefined>;
  /** The same parameters in order, with the offsets of their values (for fixes). */
  readonly params: readonly UrlParam[];
  /** False when a hole may add parameters. */
  readonly queryComplete: boolean;
  /** The hole the value starts with (form `unknown`). */
  readonly leading?: Hole;
}

const SCHEME = /^([a-z][a-z\d+.-]*):/iu;
/** Schemes whose URLs the WHATWG parser reads with an authority (host) part. */
const SPECIAL_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ws', 'wss', 'ftp']);

/** The lower-case host of a whole known `scheme://authority` text, read by the WHATWG URL parser. */
function whatwgHost(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const { hostname } = new URL(text);
  return hostname === '' ? undefined : hostname;
}

/**
 * The one URL parser of the plugin (docs/architecture.md, "Static values"): splits a URL value into scheme, host,
 * path and query, as far as its known text tells, with the offsets of each piece in the value's marked text
 * (`sourceRangeOf` maps them to the source). Holes stand for unknown text; where the whole text is known the
 * WHATWG `URL` and `URLSearchParams` decide the host and decode the query.
 */
export function parseUrl(value: StringValue): UrlInfo {
  const { text } = markedText(value);
  const leading = leadingHole(value);
  const none = { path: '', pathStart: 0, pathComplete: false, query: new Map<string, string | undefined>(), params: [], queryComplete: false };
  if (leading) return { form: 'unknown', ...none, leading };
  let at = 0;
  let scheme: string | undefined;
  let form: UrlInfo['form'] = 'relative';
  let host: string | undefined;
  let hostStart: number | undefined;
  let hostEnd: number | undefined;
  const schemeMatch = SCHEME.exec(text);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    at = schemeMatch[0].length;
    form = 'absolute';
  }
  if (text.startsWith('//', at)) {
    if (!scheme) form = 'protocol-relative';
    at += 2;
    const end = searchFrom(text, at, '/?#');
    const authority = text.slice(at, end);
    // The host is known when the authority holds no hole and is followed by a delimiter or the end of the value.
    if (authority.includes('\u0000') || (end === text.length && text.includes('\u0000'))) {
      return { form, scheme, ...none, pathStart: at };
    }
    const credentials = authority.lastIndexOf('@') + 1;
    const written = authority.slice(credentials).replace(/:\d*$/u, '');
    hostStart = at + credentials;
    hostEnd = hostStart + written.length;
    const whole = !text.includes('\u0000') && scheme !== undefined && SPECIAL_SCHEMES.has(scheme) ? whatwgHost(text) : undefined;
    host = whole ?? written.toLowerCase();
    at = end;
  } else if (scheme) {
    // `mailto:`, `weixin://dl/…` without authority, `javascript:`: no host.
    const rest = text.slice(at);
    return { form, scheme, ...none, path: rest, pathStart: at, pathComplete: !rest.includes('\u0000') };
  }
  const hashIndex = searchFrom(text, at, '#');
  const queryIndex = searchFrom(text.slice(0, hashIndex), at, '?');
  const pathText = text.slice(at, queryIndex);
  const holeInPath = pathText.indexOf('\u0000');
  const path = holeInPath === -1 ? pathText : pathText.slice(0, holeInPath);
  const params: UrlParam[] = [];
  let queryComplete = holeInPath === -1;
  if (queryIndex < hashIndex) {
    const queryText = text.slice(queryIndex + 1, hashIndex);
    const decoded = queryText.includes('\u0000') ? undefined : [...new URLSearchParams(queryText)];
    let pieceStart = queryIndex + 1;
    let index = 0;
    for (const piece of queryText.split('&')) {
      const start = pieceStart;
      pieceStart += piece.length + 1;
      if (piece === '') continue;
      const equals = piece.indexOf('=');
      const name = equals === -1 ? piece : piece.slice(0, equals);
      const raw = equals === -1 ? '' : piece.slice(equals + 1);
      const valueStart = equals === -1 ? start + piece.length : start + equals + 1;
      const valueEnd = start + piece.length;
      if (name.includes('\u0000')) {
        queryComplete = false;
        const known = name.split('\u0000').filter(Boolean);
        // `?openid=${id}` split across parts still names its parameter before the hole.
        if (known.length > 0 && !name.startsWith('\u0000')) params.push({ name: safeDecode(known[0]), value: undefined, valueStart, valueEnd });
        continue;
      }
      const pair = decoded?.[index++];
      params.push({
        name: pair ? pair[0] : safeDecode(name),
        value: raw.includes('\u0000') ? undefined : pair ? pair[1] : safeDecode(raw),
        valueStart,
        valueEnd,
      });
    }
  } else if (hashIndex === text.length && text.slice(at).includes('\u0000')) {
    queryComplete = false;
  }
  const query = new Map<string, string | undefined>();
  for (const param of params) query.set(param.name, param.value);
  return { form, scheme, host, hostStart, hostEnd, path, pathStart: at, pathComplete: holeInPath === -1, query, params, queryComplete };
}

/**
 * The parameter names of an `application/x-www-form-urlencoded` body (`a=1&token=${t}`), read by the URL parser as
 * the query of an empty URL, so a form and a query string are read alike.
 */
export function formParameterNames(value: StringValue): Set<string> {
  return new Set(parseUrl(joinValues(textValue('?'), value)).query.keys());
}

/**
 * The host pattern of a host setting (`ownHosts`, `allowedHosts`), which may be written as a URL or with a port:
 * `https://cdn.example.com/`, `api.example.com:8443`, `*.example.com`.
 */
export function hostPatternOf(setting: string): string {
  const trimmed = setting.trim();
  const text = SCHEME.test(trimmed) && trimmed.includes('://') ? trimmed : `//${trimmed}`;
  const url = parseUrlText(text);
  if (url.hostStart === undefined || url.hostEnd === undefined) return trimmed.toLowerCase();
  // The host as written: `*.example.com` is no host the WHATWG parser keeps.
  return text.slice(url.hostStart, url.hostEnd).toLowerCase();
}

/** True when `host` matches a host setting (knowledge/weixin-urls.ts `hostMatchesPattern` after `hostPatternOf`). */
export function hostMatchesSetting(host: string, setting: string): boolean {
  return hostMatchesPattern(host, hostPatternOf(setting));
}

/** A URL written inside running text (an HTML string, a message, an attribute), parsed. */
export interface UrlInText {
  /** Marked-text offsets of the URL, from its scheme. */
  readonly start: number;
  readonly end: number;
  readonly url: UrlInfo;
}

/** Characters that end a URL written in running text or in a string's source. */
const URL_TEXT_END = /[\s"'<>`\\]/u;
/** Characters that end a host in prose or source (`(see http://example.com),`, `http://${host}`). */
const HOST_TEXT_END = /[$),;]/u;

/**
 * The `scheme://` URLs written inside a value's text (case-insensitive scheme), each cut where running text or
 * source ends it, and parsed by `parseUrl`.
 */
export function urlsInValue(value: StringValue, scheme: string): UrlInText[] {
  const { text } = markedText(value);
  const lower = text.toLowerCase();
  const prefix = `${scheme.toLowerCase()}://`;
  const found: UrlInText[] = [];
  for (let start = lower.indexOf(prefix); start !== -1; start = lower.indexOf(prefix, start + prefix.length)) {
    let end = start + prefix.length;
    while (end < text.length && !URL_TEXT_END.test(text[end])) end++;
    const authorityEnd = searchFrom(text.slice(0, end), start + prefix.length, '/?#');
    const hostCut = text.slice(start + prefix.length, authorityEnd).search(HOST_TEXT_END);
    if (hostCut !== -1) end = start + prefix.length + hostCut;
    found.push({ start, end, url: parseUrl(sliceValue(value, start, end)) });
  }
  return found;
}

/** `urlsInValue` of a text that is wholly known (a string's source, an attribute value). */
export function urlsInText(text: string, scheme: string): UrlInText[] {
  return urlsInValue(textValue(text), scheme);
}

/**
 * The known value of query parameter `name` in a URL value, with the literal or template element that holds it
 * verbatim and its source range (for fixes that replace it).
 */
export function queryValueSource(
  value: StringValue,
  name: string,
): { text: string; node: TSESTree.Literal | TSESTree.TemplateElement; range: [number, number] } | undefined {
  for (const param of parseUrl(value).params) {
    if (param.name !== name || param.value === undefined) continue;
    const source = sourceRangeOf(value, param.valueStart, param.valueEnd);
    if (source) return { text: param.value, ...source };
  }
  return undefined;
}

/** A web URL: `http(s)://…` or protocol-relative `//…`, with its host known. */
export function isWebUrl(url: UrlInfo): boolean {
  if (url.host === undefined || url.host === '') return false;
  return url.form === 'protocol-relative' || (url.form === 'absolute' && (url.scheme === 'http' || url.scheme === 'https'));
}

/**
 * True when a URL lies at or under `hostPath`, a host with an optional path (`cdn.example.com`,
 * `cdn.jsdelivr.net/npm/rrweb`, as knowledge tables write script locations): the same host and, when the pattern
 * has a path, the URL's path at or below it.
 */
export function isUnderHostPath(url: UrlInfo, hostPath: string): boolean {
  const lower = hostPath.toLowerCase();
  const slash = lower.indexOf('/');
  const host = slash === -1 ? lower : lower.slice(0, slash);
  if (url.host !== host) return false;
  if (slash === -1) return true;
  let path = lower.slice(slash);
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const urlPath = url.path.toLowerCase();
  return urlPath === path || urlPath.startsWith(`${path}/`);
}

/**
 * The unknown expressions a URL's query values start with: `?appid=${id}&access_token=${token}` → appid → the hole
 * of `id`, access_token → the hole of `token`. Read from the value's first `?` on, so a URL whose start is unknown
 * (`${base}?appid=${id}`) still names its parameters.
 */
export function queryValueHoles(value: StringValue): Map<string, Hole> {
  const found = new Map<string, Hole>();
  const { text, holes } = markedText(value);
  const question = text.indexOf('?');
  if (question === -1) return found;
  for (const param of parseUrl(sliceValue(value, question)).params) {
    const at = question + param.valueStart;
    if (text[at] !== '\u0000') continue;
    let index = 0;
    for (let before = text.indexOf('\u0000'); before !== -1 && before < at; before = text.indexOf('\u0000', before + 1)) index++;
    found.set(param.name, holes[index]);
  }
  return found;
}

/** A URL text whose whole text is known: `parseUrl` of it. */
export function parseUrlText(text: string): UrlInfo {
  return parseUrl(textValue(text));
}

function searchFrom(text: string, from: number, characters: string): number {
  for (let index = from; index < text.length; index++) if (characters.includes(text[index])) return index;
  return text.length;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/gu, ' '));
  } catch {
    return text;
  }
}

export interface OriginSettings {
  readonly ownHosts: readonly string[];
}

/** Own, Weixin, third party, attacker-controlled, a non-web scheme, or unknown. */
export function classifyOrigin(value: StringValue, settings: OriginSettings): OriginClass {
  const first = leadingHole(value);
  if (first) {
    if (first.own) return 'own';
    if (first.attacker) return 'attacker';
    return 'unknown';
  }
  const url = parseUrl(value);
  if (url.form === 'relative') return 'own';
  if (url.form === 'absolute' && url.scheme !== 'http' && url.scheme !== 'https') return 'non-web';
  if (url.host === undefined) return 'unknown';
  if (settings.ownHosts.some((pattern) => hostMatchesSetting(url.host as string, pattern))) return 'own';
  if (isWeixinHost(url.host)) return 'weixin';
  return 'third-party';
}

/**
 * True when the value's known start lies under one of the URL prefixes (`trustedUrls`). A prefix without a path
 * (`https://pay.example.com`) must end at a delimiter, so `https://pay.example.com.evil.test` is not under it.
 */
export function isUnderUrlPrefix(value: StringValue, prefixes: readonly string[]): boolean {
  const known = knownPrefix(value);
  const lowerKnown = known.toLowerCase();
  return prefixes.some((prefix) => {
    const lowerPrefix = prefix.toLowerCase();
    if (!lowerKnown.startsWith(lowerPrefix)) return false;
    if (/[/?#=&]$/u.test(lowerPrefix)) return true;
    const next = known.charAt(prefix.length);
    if (next === '') return textOf(value) !== undefined;
    return next === '/' || next === '?' || next === '#';
  });
}

/** Which property path an identifier takes inside a destructuring pattern: `const { a: { b } } = x` → ['a', 'b']. */
export function patternPath(identifier: TSESTree.Node, root: TSESTree.Node): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  let node: TSESTree.Node = identifier;
  while (node !== root) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === 'Property' && parent.value === node) {
      const key = propertyKeyName(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
      node = parent.parent as TSESTree.Node; // ObjectPattern
      continue;
    }
    if (parent.type === 'ArrayPattern') {
      const index = parent.elements.indexOf(node as TSESTree.DestructuringPattern);
      if (index === -1) return undefined;
      path.unshift(index);
      node = parent;
      continue;
    }
    if (parent.type === 'AssignmentPattern' && parent.left === node) {
      node = parent;
      continue;
    }
    return undefined;
  }
  return path;
}

export interface ValueContext {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly globals: GlobalReferences;
  /** Values of calls the analysis knows by other means (SDK methods that return a Weixin URL). */
  readonly callValues?: (call: TSESTree.CallExpression) => readonly StringValue[] | undefined;
  /** Values of names imported from other modules of the project (project/link.ts), when they are known. */
  readonly importedValues?: (node: TSESTree.Identifier | TSESTree.MemberExpression) => readonly StringValue[] | undefined;
}

/** Evaluates expressions to their possible string values, once per node. */
export class StaticValues {
  readonly #context: ValueContext;
  readonly #cache = new Map<TSESTree.Node, readonly StringValue[]>();
  readonly #objectCache = new Map<TSESTree.Node, TSESTree.ObjectExpression | null>();
  /** Nodes being evaluated: a cycle (`let a = b; b = a`) is a hole. */
  readonly #active = new Set<TSESTree.Node>();

  constructor(context: ValueContext) {
    this.#context = context;
  }

  /** Every value the expression may have (at least one; an unknown value is one hole). */
  valuesOf(node: TSESTree.Node): readonly StringValue[] {
    return this.#evaluate(node, 0);
  }

  /** The one known text of a value, if the expression has exactly one fully known value. */
  textOf(node: TSESTree.Node): string | undefined {
    const values = this.valuesOf(node);
    return values.length === 1 ? textOf(values[0]) : undefined;
  }

  /** The object literal an expression denotes (through constants and local variables), if any. */
  objectOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    return this.#resolveObject(node, 0) ?? undefined;
  }

  /**
   * The object literal whose fields an expression carries: the object itself, or the one a serializer turns into
   * text (`JSON.stringify(o)`, `qs.stringify(o)`, `$.param(o)`, `new URLSearchParams(o)`; knowledge/http-clients.ts).
   */
  serializedObjectOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    let current = unwrap(node);
    for (let depth = 0; depth < 4; depth++) {
      if (current.type === 'Identifier' && this.#context.scopeManager) {
        const variable = findVariable(this.#context.scopeManager, current);
        const init = variable ? this.#singleInit(variable) : undefined;
        if (!init) break;
        current = unwrap(init);
        continue;
      }
      if (current.type !== 'CallExpression' && current.type !== 'NewExpression') break;
      const callee = unwrap(current.callee);
      const path =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && callee.object.type === 'Identifier'
            ? `${callee.object.name}.${memberName(callee) ?? ''}`
            : undefined;
      const first = current.arguments[0];
      if (!path || !OBJECT_SERIALIZERS.has(path) || !first || first.type === 'SpreadElement') break;
      current = unwrap(first);
    }
    return this.objectOf(current);
  }

  /** The value node of a property of the object an expression denotes: `config.url` of `const config = {...}`. */
  propertyOf(node: TSESTree.Node, name: string): TSESTree.Node | undefined {
    const object = this.objectOf(node);
    return object ? objectProperty(object, name) : undefined;
  }

  /** The function a callee denotes: a local declaration or a constant holding a function expression. */
  functionOf(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
    let current = unwrap(node);
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      if (isFunctionNode(current)) return current;
      if (current.type !== 'Identifier' || !this.#context.scopeManager) return undefined;
      const variable = findVariable(this.#context.scopeManager, current);
      if (!variable || variable.defs.length !== 1) return undefined;
      const definition = variable.defs[0];
      if (definition.type === 'FunctionName') return definition.node as TSESTree.FunctionLike;
      if (definition.type !== 'Variable') return undefined;
      const declarator = definition.node as TSESTree.VariableDeclarator;
      if (declarator.id.type !== 'Identifier' || !declarator.init || variable.references.filter((r) => r.isWrite()).length > 1) {
        return undefined;
      }
      current = unwrap(declarator.init);
    }
    return undefined;
  }

  #resolveObject(node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | null {
    const cached = this.#objectCache.get(node);
    if (cached !== undefined) return cached;
    let result: TSESTree.ObjectExpression | null = null;
    const target = unwrap(node);
    if (depth < MAX_DEPTH) {
      if (target.type === 'ObjectExpression') result = target;
      else if (target.type === 'CallExpression' && calleeName(target) === 'freeze' && target.arguments[0]) {
        result = this.#resolveObject(target.arguments[0], depth + 1);
      } else if (target.type === 'Identifier' && this.#context.scopeManager) {
        const variable = findVariable(this.#context.scopeManager, target);
        const init = variable ? this.#singleInit(variable) : undefined;
        if (init) result = this.#resolveObject(init, depth + 1);
      } else if (target.type === 'MemberExpression') {
        const name = memberName(target);
        const parent = name === undefined ? null : this.#resolveObject(target.object, depth + 1);
        const value = parent && name !== undefined ? objectProperty(parent, name) : undefined;
        if (value) result = this.#resolveObject(value, depth + 1);
      }
    }
    this.#objectCache.set(node, result);
    return result;
  }

  #singleInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
    if (variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0];
    if (definition.type !== 'Variable') return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
    if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
    return declarator.init;
  }

  #evaluate(node: TSESTree.Node, depth: number): readonly StringValue[] {
    const cached = this.#cache.get(node);
    if (cached) return cached;
    if (depth > MAX_DEPTH || this.#active.has(node)) return [{ parts: [hole(node)] }];
    this.#active.add(node);
    let result: readonly StringValue[];
    try {
      result = this.#compute(node, depth);
    } finally {
      this.#active.delete(node);
    }
    if (result.length === 0) result = [{ parts: [hole(node)] }];
    this.#cache.set(node, result);
    return result;
  }

  #unknown(node: TSESTree.Node, attacker: AttackerSource | null = null): StringValue[] {
    return [{ parts: [hole(node, attacker)] }];
  }

  /** A value derived from `source` by an operation we do not compute: its attacker marking survives. */
  #derived(node: TSESTree.Node, source: TSESTree.Node, depth: number): StringValue[] {
    const values = this.#evaluate(source, depth + 1);
    const attacker = values.map((value) => leadingHole(value)?.attacker ?? null).find((mark) => mark) ?? null;
    return this.#unknown(node, attacker);
  }

  #compute(node: TSESTree.Node, depth: number): readonly StringValue[] {
    const next = depth + 1;
    switch (node.type) {
      case 'Literal':
        if (typeof node.value === 'string') return [sourcedText(node, node.value)];
        if (typeof node.value === 'number' || typeof node.value === 'boolean') return [textValue(String(node.value))];
        return this.#unknown(node);
      case 'TemplateLiteral': {
        const pieces: (readonly StringValue[])[] = [];
        node.quasis.forEach((quasi, index) => {
          pieces.push([sourcedText(quasi, quasi.value.cooked ?? quasi.value.raw)]);
          const expression = node.expressions[index];
          if (expression) pieces.push(this.#evaluate(expression, next));
        });
        return concat(pieces);
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return this.#unknown(node);
        // Flatten the left spine of `a + b + c + …` without recursion.
        const operands: TSESTree.Node[] = [];
        let current: TSESTree.Node = node;
        while (current.type === 'BinaryExpression' && current.operator === '+' && operands.length < 100_000) {
          operands.push(current.right);
          current = current.left;
        }
        operands.push(current);
        operands.reverse();
        return concat(operands.map((operand) => this.#evaluate(operand, next)));
      }
      case 'LogicalExpression':
        if (node.operator === '&&') return this.#evaluate(node.right, next);
        return union(this.#evaluate(node.left, next), this.#evaluate(node.right, next));
      case 'ConditionalExpression':
        return union(this.#evaluate(node.consequent, next), this.#evaluate(node.alternate, next));
      case 'SequenceExpression':
        return this.#evaluate(node.expressions[node.expressions.length - 1], next);
      case 'AssignmentExpression':
        return node.operator === '=' ? this.#evaluate(node.right, next) : this.#unknown(node);
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
      case 'AwaitExpression':
        return this.#evaluate(node.type === 'AwaitExpression' ? node.argument : node.expression, next);
      case 'Identifier':
        return this.#identifier(node, depth);
      case 'MemberExpression':
        return this.#member(node, depth);
      case 'CallExpression':
        return this.#call(node, depth);
      case 'NewExpression':
        return this.#construct(node, depth);
      default:
        return this.#unknown(node);
    }
  }

  #globalValue(node: TSESTree.Node): StringValue[] | undefined {
    const path = this.#context.globals.pathOf(node);
    if (!path) return undefined;
    if (OWN_ORIGIN_GLOBAL_PATHS.some((own) => pathEquals(path, own))) return [{ parts: [hole(node, null, 'origin')] }];
    if (OWN_PATH_GLOBAL_PATHS.some((own) => pathEquals(path, own))) return [{ parts: [hole(node, null, 'path')] }];
    if (ATTACKER_GLOBAL_PATHS.some((attacker) => pathEquals(path, attacker))) {
      const source: AttackerSource =
        path[1] === 'referrer' ? 'referrer' : path[0] === 'name' ? 'window-name' : 'page-url';
      return this.#unknown(node, source);
    }
    return this.#unknown(node);
  }

  #identifier(node: TSESTree.Identifier, depth: number): readonly StringValue[] {
    const globalValue = this.#globalValue(node);
    if (globalValue) return globalValue;
    const scopeManager = this.#context.scopeManager;
    if (!scopeManager) return this.#unknown(node);
    const variable = findVariable(scopeManager, node);
    if (!variable || variable.defs.length !== 1) return this.#unknown(node);
    const definition = variable.defs[0];
    if (definition.type === 'ImportBinding' || definition.type === 'Variable') {
      const imported = this.#context.importedValues?.(node);
      if (imported) return imported;
    }
    // Parameters are unknown here; the data-flow engine follows values into them.
    if (definition.type === 'Parameter') return this.#unknown(node);
    if (definition.type !== 'Variable') return this.#unknown(node);
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (declarator.id.type === 'Identifier') {
      const sources: TSESTree.Node[] = [];
      if (declarator.init) sources.push(declarator.init);
      for (const write of writes) {
        if (write.init) continue;
        const parent = write.identifier.parent;
        // Only plain `x = value` reassignments are followed; `x += …`, `for (x of …)` and others are unknown.
        if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === write.identifier) {
          sources.push(parent.right);
        } else {
          return this.#unknown(node);
        }
      }
      if (sources.length === 0) return this.#unknown(node);
      const values = union(...sources.map((source) => this.#evaluate(source, depth + 1)));
      return sources.length === 1 && isUrlConstruction(sources[0]) ? this.#withSearchParams(values, variable, node, depth) : values;
    }
    // Destructuring: `const { next } = req.query`, `const [first] = ['https://a.example']`.
    if (!declarator.init || writes.length > 1) return this.#unknown(node);
    const path = patternPath(definition.name, declarator.id);
    if (!path) return this.#unknown(node);
    return this.#pathValue(declarator.init, path, node, depth);
  }

  /** The value at a property path of an expression (destructuring). */
  #pathValue(source: TSESTree.Node, path: (string | number)[], node: TSESTree.Node, depth: number): readonly StringValue[] {
    let current: TSESTree.Node = source;
    for (let index = 0; index < path.length; index++) {
      const key = path[index];
      const target = unwrap(current);
      if (typeof key === 'number') {
        const array = target.type === 'Identifier' ? this.#arrayOf(target) : target.type === 'ArrayExpression' ? target : undefined;
        const element = array?.elements[key];
        if (!element || element.type === 'SpreadElement') return this.#derived(node, current, depth);
        current = element;
        continue;
      }
      const object = this.#resolveObject(current, depth + 1);
      const value = object ? objectProperty(object, key) : undefined;
      if (!value) {
        // `const { next } = req.query`: a property of an attacker-controlled object is attacker-controlled.
        const attacker = this.#attackerObject(current, depth);
        return this.#unknown(node, attacker);
      }
      current = value;
    }
    return this.#evaluate(current, depth + 1);
  }

  #arrayOf(identifier: TSESTree.Identifier): TSESTree.ArrayExpression | undefined {
    if (!this.#context.scopeManager) return undefined;
    const variable = findVariable(this.#context.scopeManager, identifier);
    const init = variable ? this.#singleInit(variable) : undefined;
    const target = init ? unwrap(init) : undefined;
    return target?.type === 'ArrayExpression' ? target : undefined;
  }

  /**
   * The attacker source of an object expression that holds request input or page input: `req.query`,
   * `ctx.request.body`, `ctx.query`, `new URLSearchParams(location.search)`, the `data` of a message event.
   */
  #attackerObject(node: TSESTree.Node, depth: number): AttackerSource | null {
    const target = unwrap(node);
    if (target.type === 'MemberExpression') {
      // Walk the member chain: `ctx.request.body`, `req.query` — a request object with an input property.
      const names: string[] = [];
      let current: TSESTree.Node = target;
      while (current.type === 'MemberExpression') {
        const name = memberName(current);
        if (name === undefined) return null;
        names.unshift(name);
        current = unwrap(current.object);
      }
      if (current.type === 'ThisExpression') names.unshift('this');
      else if (current.type === 'Identifier') names.unshift(current.name);
      const base = names[0] === 'this' ? names[1] : names[0];
      const known = current.type === 'ThisExpression' || current.type === 'Identifier';
      if (known && base !== undefined && REQUEST_OBJECT_NAMES.has(base)) {
        // `req.query`, `ctx.request.body`, `request.nextUrl.searchParams`.
        if (names.some((name) => REQUEST_INPUT_PROPERTIES.has(name) || name === 'searchParams')) return 'request';
      }
      if (names[1] === MESSAGE_DATA_PROPERTY && current.type === 'Identifier' && this.#isMessageEventParameter(current)) {
        return 'message';
      }
    }
    const values = this.#evaluate(target, depth + 1);
    for (const value of values) {
      const first = leadingHole(value);
      if (first?.attacker) return first.attacker;
    }
    return null;
  }

  /** The first parameter of a `message` listener: `addEventListener('message', (e) => …)`, `onmessage = (e) => …`. */
  #isMessageEventParameter(identifier: TSESTree.Identifier): boolean {
    const scopeManager = this.#context.scopeManager;
    if (!scopeManager) return false;
    const variable = findVariable(scopeManager, identifier);
    const definition = variable?.defs[0];
    if (!definition || definition.type !== 'Parameter') return false;
    const fn = definition.node as TSESTree.FunctionLike;
    if (fn.params[0] !== definition.name) return false;
    const parent = fn.parent;
    if (parent?.type === 'CallExpression' && parent.arguments[1] === fn && calleeName(parent) === 'addEventListener') {
      return literalString(parent.arguments[0]) === 'message';
    }
    if (parent?.type === 'AssignmentExpression' && parent.right === fn) {
      if (parent.left.type === 'Identifier') return parent.left.name === 'onmessage';
      if (parent.left.type === 'MemberExpression') return memberName(parent.left) === 'onmessage';
    }
    return false;
  }

  #member(node: TSESTree.MemberExpression, depth: number): readonly StringValue[] {
    const globalValue = this.#globalValue(node);
    if (globalValue) return globalValue;
    const name = memberName(node);
    if (name === undefined) return this.#derived(node, node.object, depth);
    const object = unwrap(node.object);
    // `url.href`, `url.origin`, `url.pathname` of a `new URL(…)` value.
    const urlValues = this.#urlObject(object, depth);
    if (urlValues) {
      if (name === 'href') return urlValues;
      if (name === 'pathname') return [{ parts: ['/', hole(node)] }];
      if (name === 'origin') {
        return urlValues.map((value) => {
          const info = parseUrl(value);
          if (info.host !== undefined && info.scheme) return textValue(`${info.scheme}://${info.host}`);
          return { parts: [leadingHole(value) ?? hole(node)] };
        });
      }
      if (name === 'searchParams') return this.#derived(node, object, depth);
    }
    // `.href` of a URL object another module's helper returns (`authorizeUrl(back).href`, through a constant too).
    if (name === 'href') {
      let target: TSESTree.Node | undefined = object;
      if (target.type === 'Identifier' && this.#context.scopeManager) {
        const variable = findVariable(this.#context.scopeManager, target);
        target = variable ? this.#singleInit(variable) : undefined;
      }
      const call = target ? unwrap(target) : undefined;
      const returned = call?.type === 'CallExpression' ? this.#context.callValues?.(call) : undefined;
      if (returned) return returned;
    }
    // The server's own request URL (`req.url`, `request.nextUrl`, `ctx.href`): own origin.
    if (object.type === 'Identifier' && REQUEST_OBJECT_NAMES.has(object.name) && REQUEST_OWN_URL_PROPERTIES.has(name)) {
      const variable = this.#context.scopeManager ? findVariable(this.#context.scopeManager, object) : undefined;
      if (variable?.defs[0]?.type === 'Parameter') return [{ parts: [hole(node, null, 'origin')] }];
    }
    const objectLiteral = this.#resolveObject(object, depth + 1);
    const property = objectLiteral ? objectProperty(objectLiteral, name) : undefined;
    if (property) return this.#evaluate(property, depth + 1);
    const imported = this.#context.importedValues?.(node);
    if (imported) return imported;
    const attacker = this.#attackerObject(node, depth);
    if (attacker) return this.#unknown(node, attacker);
    return this.#unknown(node);
  }

  /** The values of a `new URL(…)` object an expression denotes (with the query its `searchParams` were given). */
  #urlObject(node: TSESTree.Node, depth: number): readonly StringValue[] | undefined {
    const target = unwrap(node);
    if (target.type === 'Identifier' && this.#context.scopeManager) {
      const variable = findVariable(this.#context.scopeManager, target);
      const init = variable ? this.#singleInit(variable) : undefined;
      if (!init || !isUrlConstruction(init)) return undefined;
      return this.#identifier(target, depth + 1);
    }
    return isUrlConstruction(target) ? this.#evaluate(target, depth + 1) : undefined;
  }

  /**
   * A URL object's value at `use`: its construction, plus the query parameters that `url.searchParams.set(k, v)` /
   * `.append(k, v)` added before it (`url.toString()`, `fetch(url)`, `url.href` after the calls). A parameter whose
   * name is not known leaves the query incomplete.
   */
  #withSearchParams(values: readonly StringValue[], variable: TSESLint.Scope.Variable, use: TSESTree.Node, depth: number): readonly StringValue[] {
    const added: StringValue[] = [];
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (identifier.range[0] >= use.range[0]) continue;
      const params = identifier.parent;
      if (params?.type !== 'MemberExpression' || params.object !== identifier || memberName(params) !== 'searchParams') continue;
      const method = params.parent;
      if (method?.type !== 'MemberExpression' || method.object !== params) continue;
      const methodName = memberName(method);
      if (methodName !== 'set' && methodName !== 'append') continue;
      const call = method.parent;
      if (call?.type !== 'CallExpression' || call.callee !== method || !call.arguments[0] || !call.arguments[1]) continue;
      const key = this.textOf(call.arguments[0]);
      const value = this.#evaluate(call.arguments[1], depth + 1);
      const valuePart = value.length === 1 ? value[0] : { parts: [hole(call.arguments[1])] };
      added.push(key === undefined ? { parts: [hole(call.arguments[0])] } : joinValues(textValue(`${encodeURIComponent(key)}=`), valuePart));
    }
    if (added.length === 0) return values;
    return values.map((base) => {
      const pieces: StringValue[] = [base];
      let separator = knownPrefix(base).includes('?') ? '&' : '?';
      for (const pair of added) {
        pieces.push(textValue(separator), pair);
        separator = '&';
      }
      return joinValues(...pieces);
    });
  }

  #call(node: TSESTree.CallExpression, depth: number): readonly StringValue[] {
    const next = depth + 1;
    const callee = unwrap(node.callee);
    const name = calleeName(node);
    const first = node.arguments[0];
    if (callee.type === 'Identifier') {
      if ((name === 'String' || name === 'encodeURI' || name === 'decodeURI' || name === 'decodeURIComponent') && first) {
        const values = this.#evaluate(first, next);
        if (name === 'String') return values;
        return values.map((value) => {
          const text = textOf(value);
          if (text === undefined) return value;
          return textValue(name === 'encodeURI' ? encodeURI(text) : safeDecode(text));
        });
      }
      if (name === 'encodeURIComponent' && first) {
        const values = this.#evaluate(first, next);
        // Encoded text cannot start a URL elsewhere: the hole loses its attacker marking as a URL start.
        return values.map((value) => {
          const text = textOf(value);
          return text === undefined ? { parts: [hole(node)] } : textValue(encodeURIComponent(text));
        });
      }
      // A function of another module that returns a known string (project/link.ts).
      const known = this.#context.callValues?.(node);
      if (known) return known;
      const fn = this.functionOf(callee);
      if (fn) return this.#returnsOf(fn, node, depth);
      return this.#unknown(node);
    }
    if (callee.type === 'MemberExpression') {
      const known = this.#context.callValues?.(node);
      if (known) return known;
      const object = unwrap(callee.object);
      if (name === 'toString' || name === 'trim' || name === 'valueOf' || name === 'toLowerCase' || name === 'toUpperCase') {
        const values = this.#urlObject(object, depth) ?? this.#evaluate(object, next);
        if (name === 'toLowerCase' || name === 'toUpperCase') {
          return values.map((value) => {
            const text = textOf(value);
            if (text === undefined) return value;
            return textValue(name === 'toLowerCase' ? text.toLowerCase() : text.toUpperCase());
          });
        }
        return values;
      }
      if (name === 'concat') {
        return concat([this.#evaluate(object, next), ...node.arguments.map((argument) => this.#evaluate(argument, next))]);
      }
      if (name !== undefined && object.type === 'Identifier' && QUERY_STRING_SERIALIZERS.has(`${object.name}.${name}`) && first) {
        return this.#queryString(first, depth);
      }
      if (name === 'parse' && object.type === 'Identifier' && object.name === 'JSON' && first) return this.#derived(node, first, depth);
      if (name !== undefined && QUERY_GETTER_METHODS.has(name)) {
        // `new URLSearchParams(location.search).get('next')`, `url.searchParams.get('x')`, `req.param('next')`.
        const attacker = this.#attackerObject(object, depth) ?? (name === 'param' && object.type === 'Identifier' && REQUEST_OBJECT_NAMES.has(object.name) ? 'request' : null);
        return this.#unknown(node, attacker);
      }
      if (name !== undefined && ['slice', 'substring', 'substr', 'replace', 'replaceAll', 'split', 'at'].includes(name)) {
        return this.#derived(node, object, depth);
      }
      const fn = this.functionOf(callee);
      if (fn) return this.#returnsOf(fn, node, depth);
    }
    return this.#unknown(node);
  }

  /** Values a local function returns (its parameters stay unknown). */
  #returnsOf(fn: TSESTree.FunctionLike, call: TSESTree.Node, depth: number): readonly StringValue[] {
    if (fn.async || fn.generator) return this.#unknown(call);
    if (fn.body?.type !== 'BlockStatement') return fn.body ? this.#evaluate(fn.body, depth + 1) : this.#unknown(call);
    const returns = this.#returnArguments(fn);
    if (!returns || returns.length === 0) return this.#unknown(call);
    return union(...returns.map((argument) => this.#evaluate(argument, depth + 1)));
  }

  readonly #returns = new Map<TSESTree.FunctionLike, readonly TSESTree.Node[] | null>();

  /** The arguments of a function's own return statements; null when one returns nothing. Once per function. */
  #returnArguments(fn: TSESTree.FunctionLike): readonly TSESTree.Node[] | null {
    const cached = this.#returns.get(fn);
    if (cached !== undefined) return cached;
    const returns: TSESTree.Node[] = [];
    let result: TSESTree.Node[] | null = returns;
    // Iterative walk of the body that does not enter nested functions.
    const stack: TSESTree.Node[] = fn.body ? [fn.body] : [];
    let steps = 0;
    while (stack.length > 0 && steps++ < 10_000) {
      const current = stack.pop() as TSESTree.Node;
      if (current.type === 'ReturnStatement') {
        if (current.argument) returns.push(current.argument);
        else result = null;
        continue;
      }
      if (isFunctionNode(current) || current.type === 'ClassBody') continue;
      for (const key of Object.keys(current)) {
        if (key === 'parent') continue;
        const child = (current as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
        } else if (child && typeof (child as TSESTree.Node).type === 'string' && key !== 'loc' && key !== 'range') {
          stack.push(child as TSESTree.Node);
        }
      }
    }
    returns.sort((a, b) => a.range[0] - b.range[0]);
    this.#returns.set(fn, result);
    return result;
  }

  /** `a=1&openid=<hole>` from an object literal (`new URLSearchParams({…})`, `qs.stringify({…})`). */
  #queryString(node: TSESTree.Node, depth: number): readonly StringValue[] {
    const object = this.#resolveObject(node, depth + 1);
    if (!object) return this.#derived(node, node, depth);
    const pieces: (readonly StringValue[])[] = [];
    let firstPiece = true;
    for (const property of object.properties) {
      if (property.type !== 'Property') {
        pieces.push([{ parts: [hole(property)] }]);
        continue;
      }
      const key = propertyKeyName(property);
      if (key === undefined) {
        pieces.push([{ parts: [hole(property)] }]);
        continue;
      }
      pieces.push([textValue(`${firstPiece ? '' : '&'}${encodeURIComponent(key)}=`)]);
      firstPiece = false;
      const value = this.#evaluate(property.value, depth + 1).map((candidate) => {
        const text = textOf(candidate);
        return text === undefined ? { parts: [hole(property.value)] } : textValue(encodeURIComponent(text));
      });
      pieces.push(value);
    }
    return concat(pieces);
  }

  #construct(node: TSESTree.NewExpression, depth: number): readonly StringValue[] {
    const next = depth + 1;
    const callee = unwrap(node.callee);
    if (callee.type !== 'Identifier') return this.#unknown(node);
    const [first, second] = node.arguments;
    if (callee.name === 'String' && first) return this.#evaluate(first, next);
    if (callee.name === 'URLSearchParams') {
      if (!first) return [textValue('')];
      const target = unwrap(first);
      if (target.type === 'ObjectExpression' || target.type === 'Identifier') {
        const object = this.#resolveObject(target, next);
        if (object) return this.#queryString(object, depth);
      }
      return this.#derived(node, first, depth);
    }
    if (callee.name !== 'URL' || !first) return this.#unknown(node);
    const inputs = this.#evaluate(first, next);
    if (!second) return inputs;
    const bases = this.#urlObject(second, depth) ?? this.#evaluate(second, next);
    const result: StringValue[] = [];
    for (const input of inputs) {
      const info = parseUrl(input);
      if (info.form === 'absolute') {
        result.push(input);
        continue;
      }
      if (info.form === 'unknown') {
        // An attacker-chosen input may be absolute and win over the base.
        result.push(info.leading?.attacker ? input : { parts: [hole(node)] });
        continue;
      }
      for (const base of bases) {
        const baseHole = leadingHole(base);
        if (baseHole?.own || (baseHole?.attacker === 'page-url' && info.form === 'relative')) {
          // Resolved against the page's own URL: an own-origin URL (the page URL's origin is the page's).
          result.push(info.form === 'relative' ? { parts: [hole(second, null, 'origin'), ...input.parts] } : input);
          continue;
        }
        const baseText = textOf(base);
        const inputText = textOf(input);
        if (baseText !== undefined && inputText !== undefined) {
          try {
            result.push(textValue(new URL(inputText, baseText).href));
            continue;
          } catch {
            // Not a valid URL: unknown below.
          }
        }
        const baseInfo = parseUrl(base);
        if (baseInfo.host !== undefined && baseInfo.scheme && input.parts[0] === undefined) {
          result.push(textValue(`${baseInfo.scheme}://${baseInfo.host}/`));
        } else if (baseInfo.host !== undefined && baseInfo.scheme && info.form === 'relative' && knownPrefix(input).startsWith('/')) {
          result.push({ parts: [`${baseInfo.scheme}://${baseInfo.host}`, ...input.parts] });
        } else {
          result.push({ parts: [hole(node)] });
        }
      }
    }
    return union(result);
  }
}

/** Which expression a call's receiver object is (`a.b.c()` → `a.b`). Re-exported for parts that need it. */
export { calleeObject };
