import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, findNearMiss, type NearMiss } from '../knowledge/endpoint-lookup.js';
import { CATALOG_HOSTS, type Endpoint, ENDPOINTS } from '../knowledge/endpoints.js';
import { findSdkMethod, SDK_METHODS, type SdkMethod, type SdkPackage, WECHAT_API_SIGNATURE_METHODS } from '../knowledge/sdk-methods.js';
import { findVariable, memberName, propertyKeyName, unwrapExpression, variableInitializer } from './ast.js';
import { type FileAnalysis, getFileAnalysis } from './index.js';
import { valueUses } from './instances.js';
import type { HttpRequest } from './requests.js';
import type { SdkClient as SharedSdkClient } from './sdk-clients.js';
import { parseUrl, type UrlInfo } from './values.js';

/**
 * Weixin API calls of one file (SPEC §3.1): a layer over the shared analysis — HTTP requests (analysis/requests.ts)
 * whose URL resolves to a catalogued host, and method calls on Official Account SDK clients (analysis/sdk-clients.ts,
 * including wechat-jssdk's `wx.jssdk.*` and node-easywechat's `app.getAccessToken().refresh()` chains) — each with
 * the endpoint of the catalog it hits. The rules of S10/S11 (`no-uncached-access-token`, `no-api-call-in-loop`,
 * `valid-api-request`, `valid-template-message`) read it. Computed once per file.
 */

/** A piece of a string whose value is partly known: text, or a hole for an unknown expression. */
export interface StringPart {
  text?: string;
  /** The literal or template element that holds `text` verbatim (no escapes), for fixes. */
  node?: TSESTree.Literal | TSESTree.TemplateElement;
  /** Source offset of `text`'s first character inside `node`. */
  offset?: number;
}

/** A URL whose host/path are statically known, possibly with a dynamic query. */
export interface StaticUrl {
  host?: string;
  /** Path without leading slash; complete when no hole lies inside it. */
  path: string;
  /** Query parameter names in the URL; `complete` false when a hole may add more. */
  queryKeys: string[];
  queryComplete: boolean;
  /** Where the path text (without leading slashes) sits in the source when one literal holds it verbatim. */
  pathSource?: { node: TSESTree.Literal | TSESTree.TemplateElement; start: number; end: number; text: string };
}

export interface ApiCall {
  /** The request or SDK call. */
  node: TSESTree.CallExpression;
  via: 'request' | 'sdk' | 'easywechat-client';
  /** The catalogued endpoint it hits, when known. */
  endpoint?: Endpoint;
  /** For requests with a static URL on a Weixin API host. */
  url?: StaticUrl;
  /** HTTP method when statically known. */
  method?: string;
  /** The JSON body when it is a static object literal. */
  body?: TSESTree.ObjectExpression;
  /** The query options object (`params`, `searchParams`, `qs`, superagent `.query()`): static, dynamic, or none. */
  queryOption?: TSESTree.ObjectExpression | 'dynamic';
  /** SDK calls: the package, method and its catalog entry. */
  sdk?: { pkg: SdkPackage; method: string; entry: SdkMethod };
}

/** An Official Account SDK client constructed in this file. */
export interface SdkClient {
  pkg: SdkPackage;
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The constructor received a token store (`getToken`/`saveToken`, `store`, `cache`) or one may be hidden. */
  hasTokenStore: boolean;
}

export interface ApiCallAnalysis {
  calls: readonly ApiCall[];
  clients: readonly SdkClient[];
  byNode: ReadonlyMap<TSESTree.Node, ApiCall>;
}

// ── Static strings ─────────────────────────────────────────────────────────────────────────────────────────

const MAX_DEPTH = 6;

function rawMatches(node: TSESTree.Literal | TSESTree.TemplateElement, text: string): number | undefined {
  if (node.type === 'Literal') return node.raw.slice(1, -1) === text ? node.range[0] + 1 : undefined;
  return node.value.raw === text ? node.range[0] + 1 : undefined;
}

/**
 * The parts of a string expression: literals, templates, `+` concatenation, constants and const object
 * members (`URLS.token`) resolved through the file; anything else is a hole.
 */
export function stringParts(node: TSESTree.Node, scopeManager: TSESLint.Scope.ScopeManager | null, depth = 0): StringPart[] {
  const expression = unwrapExpression(node);
  if (depth > MAX_DEPTH) return [{}];
  switch (expression.type) {
    case 'Literal':
      if (typeof expression.value === 'string') {
        return [{ text: expression.value, node: expression, offset: rawMatches(expression, expression.value) }];
      }
      if (typeof expression.value === 'number' || typeof expression.value === 'boolean') return [{ text: String(expression.value) }];
      return [{}];
    case 'TemplateLiteral': {
      const parts: StringPart[] = [];
      expression.quasis.forEach((quasi, index) => {
        const text = quasi.value.cooked ?? '';
        if (text) parts.push({ text, node: quasi, offset: rawMatches(quasi, text) });
        const inner = expression.expressions[index];
        if (inner) parts.push(...stringParts(inner, scopeManager, depth + 1));
      });
      return parts;
    }
    case 'BinaryExpression':
      if (expression.operator !== '+') return [{}];
      return [...stringParts(expression.left, scopeManager, depth + 1), ...stringParts(expression.right, scopeManager, depth + 1)];
    case 'Identifier': {
      const initializer = constantInitializer(expression, scopeManager);
      return initializer ? stringParts(initializer, scopeManager, depth + 1) : [{}];
    }
    case 'MemberExpression': {
      const value = constantMember(expression, scopeManager, depth);
      return value ? stringParts(value, scopeManager, depth + 1) : [{}];
    }
    default:
      return [{}];
  }
}

function constantInitializer(
  identifier: TSESTree.Identifier,
  scopeManager: TSESLint.Scope.ScopeManager | null,
): TSESTree.Expression | undefined {
  if (!scopeManager) return undefined;
  const variable = findVariable(scopeManager, identifier);
  return variable ? variableInitializer(variable) : undefined;
}

/** `CONFIG.urls.token` where CONFIG is a const object literal: the property's value node. */
function constantMember(
  member: TSESTree.MemberExpression,
  scopeManager: TSESLint.Scope.ScopeManager | null,
  depth: number,
): TSESTree.Node | undefined {
  const name = memberName(member);
  if (name === undefined) return undefined;
  const object = resolveObject(member.object, scopeManager, depth + 1);
  return object ? objectProperty(object, name) : undefined;
}

/** The object literal an expression denotes (directly, through a const, or a const member), if any. */
export function resolveObject(
  node: TSESTree.Node,
  scopeManager: TSESLint.Scope.ScopeManager | null,
  depth = 0,
): TSESTree.ObjectExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (expression.type === 'ObjectExpression') return expression;
  if (expression.type === 'Identifier') {
    const initializer = constantInitializer(expression, scopeManager);
    return initializer ? resolveObject(initializer, scopeManager, depth + 1) : undefined;
  }
  if (expression.type === 'MemberExpression') {
    const value = constantMember(expression, scopeManager, depth);
    return value ? resolveObject(value, scopeManager, depth + 1) : undefined;
  }
  // JSON.stringify({ … }) as a fetch body.
  if (
    expression.type === 'CallExpression' &&
    expression.callee.type === 'MemberExpression' &&
    expression.callee.object.type === 'Identifier' &&
    expression.callee.object.name === 'JSON' &&
    memberName(expression.callee) === 'stringify' &&
    expression.arguments[0]
  ) {
    return resolveObject(expression.arguments[0], scopeManager, depth + 1);
  }
  return undefined;
}

/** The value of property `name` in an object literal (the last one wins); undefined when absent or spread-hidden. */
export function objectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (property.type === 'SpreadElement') return undefined;
    if (propertyKeyName(property) === name) return property.value;
  }
  return undefined;
}

/** True when the object literal certainly has no property `name` (no spread, no computed key). */
export function objectLacks(object: TSESTree.ObjectExpression, name: string): boolean {
  return object.properties.every(
    (property) => property.type !== 'SpreadElement' && propertyKeyName(property) !== undefined && propertyKeyName(property) !== name,
  );
}

const HOLE = '\u0000';

/** Parses the parts of a URL; undefined unless the URL starts with a static scheme and host. */
export function staticUrl(parts: readonly StringPart[], base?: readonly StringPart[]): StaticUrl | undefined {
  const all = base && !/^[a-z]+:\/\//iu.test(parts[0]?.text ?? '') ? [...base, ...parts] : [...parts];
  let joined = '';
  const starts: number[] = [];
  for (const part of all) {
    starts.push(joined.length);
    joined += part.text ?? HOLE;
  }
  const scheme = /^https?:\/\//iu.exec(joined);
  if (!scheme) return undefined;
  let index = scheme[0].length;
  const hostEnd = searchFrom(joined, index, '/?#');
  const host = joined.slice(index, hostEnd).toLowerCase().replace(/:\d+$/u, '');
  if (host.includes(HOLE) || !host) return undefined;
  index = hostEnd;
  const pathEnd = searchFrom(joined, index, '?#');
  const rawPath = joined.slice(index, pathEnd);
  if (rawPath.includes(HOLE)) return undefined;
  const path = rawPath.split('/').filter(Boolean).join('/');
  let queryKeys: string[] = [];
  let queryComplete = true;
  if (joined[pathEnd] === '?') {
    const queryEnd = searchFrom(joined, pathEnd + 1, '#');
    for (const pair of joined.slice(pathEnd + 1, queryEnd).split('&')) {
      const equals = pair.indexOf('=');
      const key = equals === -1 ? pair : pair.slice(0, equals);
      if (key.includes(HOLE)) queryComplete = false;
      else if (key) queryKeys.push(key);
    }
  }
  queryKeys = [...new Set(queryKeys)];
  const url: StaticUrl = { host, path, queryKeys, queryComplete };
  // The source of the path (without its leading slashes): one part that holds all of it verbatim.
  let pathStart = index;
  while (joined[pathStart] === '/' && pathStart < pathEnd) pathStart++;
  const partIndex = starts.findLastIndex((start) => start <= pathStart);
  const part = all[partIndex];
  if (part?.node && part.offset !== undefined && part.text !== undefined && pathStart < pathEnd) {
    const startInPart = pathStart - starts[partIndex];
    if (pathEnd <= starts[partIndex] + part.text.length) {
      url.pathSource = {
        node: part.node,
        start: part.offset + startInPart,
        end: part.offset + startInPart + (pathEnd - pathStart),
        text: joined.slice(pathStart, pathEnd),
      };
    }
  }
  return url;
}

function searchFrom(text: string, from: number, characters: string): number {
  for (let index = from; index < text.length; index++) if (characters.includes(text[index])) return index;
  return text.length;
}

// ── Requests and SDK calls from the shared analysis ──────────────────────────────────────────────────────────

/** SDK packages by the module their client was imported from. */
const SDK_PACKAGES: Readonly<Record<string, SdkPackage>> = {
  'co-wechat-api': 'co-wechat-api',
  'wechat-api': 'wechat-api',
  'wechat-oauth': 'wechat-oauth',
  'co-wechat-oauth': 'co-wechat-oauth',
  'wechat-jssdk': 'wechat-jssdk',
  'node-easywechat': 'node-easywechat',
};

/** SDKs configured by one object, whose token store is a property of it. */
const CONFIG_SDKS = new Set<SdkPackage>(['wechat-jssdk', 'node-easywechat']);

class Collector {
  readonly calls: ApiCall[] = [];
  readonly clients: SdkClient[] = [];
  readonly #analysis: FileAnalysis;
  readonly #scopeManager: TSESLint.Scope.ScopeManager | null;

  constructor(analysis: FileAnalysis) {
    this.#analysis = analysis;
    this.#scopeManager = analysis.sourceCode.scopeManager;
    for (const request of analysis.requests) this.#request(request);
    for (const client of analysis.sdk.clients) this.#client(client);
    this.#importedClients(analysis.sourceCode.ast);
  }

  /**
   * Bindings imported from the project's own modules (`import { api } from '../wechat/client.js'`,
   * `const { api } = require('./client')`) that the file calls a co-wechat-api/wechat-api-only method on.
   */
  #importedClients(program: TSESTree.Program): void {
    if (!this.#scopeManager) return;
    const bindings: TSESTree.Identifier[] = [];
    const isLocal = (source: unknown) => typeof source === 'string' && source.startsWith('.');
    for (const statement of program.body) {
      if (statement.type === 'ImportDeclaration' && isLocal(statement.source.value) && statement.importKind !== 'type') {
        for (const specifier of statement.specifiers) bindings.push(specifier.local);
      }
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declarator of statement.declarations) {
        const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
        if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
        const source = init.arguments[0];
        if (source?.type !== 'Literal' || !isLocal(source.value)) continue;
        if (declarator.id.type === 'Identifier') bindings.push(declarator.id);
        else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type === 'Property' && property.value.type === 'Identifier') bindings.push(property.value);
          }
        }
      }
    }
    for (const binding of bindings) {
      const variable = findVariable(this.#scopeManager, binding);
      const uses = (variable?.references ?? [])
        .filter((reference) => reference.isRead())
        .map((reference) => memberChain(reference.identifier))
        .filter((chain): chain is { path: string[]; node: TSESTree.Node } => chain?.path.length === 1);
      const methods = uses.map((use) => use.path[0]);
      if (!methods.some((method) => WECHAT_API_SIGNATURE_METHODS.has(method))) continue;
      // wechat-api when a method only it has is used (getLatestToken, getTagUsers), else co-wechat-api.
      const pkg: SdkPackage = methods.some((method) => Object.hasOwn(SDK_METHODS['wechat-api'], method) && !Object.hasOwn(SDK_METHODS['co-wechat-api'], method))
        ? 'wechat-api'
        : 'co-wechat-api';
      for (const use of uses) this.#sdkUse(pkg, use.path, use.node);
    }
  }

  #request(request: HttpRequest): void {
    // Every possible URL must name the same Weixin endpoint path; otherwise the rules cannot tell which one runs.
    let url: UrlInfo | undefined;
    for (const value of request.url) {
      const info = parseUrl(value);
      if (!info.host || !CATALOG_HOSTS.has(info.host) || !info.pathComplete) return;
      if (url && (url.host !== info.host || url.path !== info.path)) return;
      url = info;
    }
    if (!url) return;
    const path = url.path.split('/').filter(Boolean).join('/');
    const staticUrlInfo: StaticUrl = {
      host: url.host,
      path,
      queryKeys: [...url.query.keys()],
      queryComplete: url.queryComplete,
    };
    const source = request.urlNode ? this.#pathSource(request, path) : undefined;
    if (source) staticUrlInfo.pathSource = source;
    const queryObject = request.query ? resolveObject(request.query, this.#scopeManager) : undefined;
    this.calls.push({
      node: request.node,
      via: request.client === 'node-easywechat' ? 'easywechat-client' : 'request',
      endpoint: findEndpoint(path, { host: url.host }),
      url: staticUrlInfo,
      method: request.method,
      body: request.body ? resolveObject(request.body, this.#scopeManager) : undefined,
      queryOption: this.#instanceAddsQuery(request)
        ? 'dynamic'
        : request.query
          ? (queryObject ?? 'dynamic')
          : this.#hasUnresolvedOptions(request)
            ? 'dynamic'
            : undefined,
    });
  }

  /** An argument besides the URL that is no literal and no callback may be options with a query: unknown. */
  #hasUnresolvedOptions(request: HttpRequest): boolean {
    if (request.options) return false;
    return request.node.arguments.some((argument) => {
      if (argument === request.urlNode) return false;
      const value = unwrapExpression(argument);
      return value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'CallExpression' || value.type === 'SpreadElement';
    });
  }

  /**
   * The request goes through an instance (`axios.create({ params })`, `got.extend({ searchParams })`,
   * `request.defaults({ qs })`) whose defaults may add query parameters: the call alone does not tell the query.
   */
  #instanceAddsQuery(request: HttpRequest): boolean {
    const callee = unwrapExpression(request.node.callee);
    const receiver = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : callee;
    let factory: TSESTree.Node | undefined;
    if (receiver.type === 'CallExpression') factory = receiver;
    else if (receiver.type === 'Identifier' && this.#scopeManager) {
      const variable = findVariable(this.#scopeManager, receiver);
      factory = variable ? variableInitializer(variable) : undefined;
    }
    if (!factory) return false;
    factory = unwrapExpression(factory);
    if (factory.type !== 'CallExpression') return false;
    const factoryCallee = unwrapExpression(factory.callee);
    const factoryName = factoryCallee.type === 'MemberExpression' ? memberName(factoryCallee) : undefined;
    if (factoryName !== 'create' && factoryName !== 'extend' && factoryName !== 'defaults') return false;
    const config = factory.arguments[0];
    if (!config) return false;
    const object = resolveObject(config, this.#scopeManager);
    if (!object) return true;
    return !['params', 'searchParams', 'qs'].every((name) => objectLacks(object, name));
  }

  /** The literal that holds the request's path verbatim, for "did you mean" edits. */
  #pathSource(request: HttpRequest, path: string): StaticUrl['pathSource'] {
    const parts = stringParts(request.urlNode as TSESTree.Node, this.#scopeManager);
    const relative = request.client === 'node-easywechat' || !/^[a-z]+:\/\//iu.test(parts[0]?.text ?? '');
    const base = relative ? [{ text: parts[0]?.text?.startsWith('/') ? 'https://api.weixin.qq.com' : 'https://api.weixin.qq.com/' }] : undefined;
    const mine = staticUrl(parts, base);
    // Only when this reading agrees with the shared analysis (an instance base URL may add a prefix).
    return mine && mine.path === path ? mine.pathSource : undefined;
  }

  #client(client: SharedSdkClient): void {
    const pkg = SDK_PACKAGES[client.module];
    if (!pkg) return;
    const spread = client.node.arguments.some((argument) => argument.type === 'SpreadElement');
    // A config that is not a static object literal may hold a store: unknown counts as present.
    const hidden = CONFIG_SDKS.has(pkg) && !client.config;
    this.clients.push({ pkg, node: client.node, hasTokenStore: client.tokenStore.length > 0 || spread || hidden });
    for (const use of valueUses(client.node, this.#scopeManager, this.#analysis.nodes)) {
      const chain = memberChain(use);
      if (chain) this.#sdkUse(pkg, chain.path, chain.node);
    }
  }

  #sdkUse(pkg: SdkPackage, path: readonly string[], node: TSESTree.Node): void {
    const call = node.parent;
    if (call?.type !== 'CallExpression' || call.callee !== node) return;
    if (pkg === 'node-easywechat') {
      // `app.getAccessToken().refresh()`, `const t = app.getTicket(); t.getTicket()`; `getClient()` requests are
      // the shared analysis's.
      if (path.length !== 1) return;
      for (const use of valueUses(call, this.#scopeManager, this.#analysis.nodes)) {
        const chain = memberChain(use);
        if (chain?.path.length === 1) this.#sdkCall('node-easywechat', `${path[0]}.${chain.path[0]}`, chain.node);
      }
      return;
    }
    this.#sdkCall(pkg, path.join('.'), node);
  }

  #sdkCall(pkg: SdkPackage, key: string, callee: TSESTree.Node): void {
    const call = callee.parent;
    if (call?.type !== 'CallExpression' || call.callee !== callee) return;
    const entry = findSdkMethod(pkg, key);
    if (!entry) return;
    this.calls.push({
      node: call,
      via: 'sdk',
      endpoint: entry.endpoint ? ENDPOINTS.get(entry.endpoint) : undefined,
      sdk: { pkg, method: key, entry },
    });
  }
}

/** `use.a.b` up to the callee: the member names and the outermost member node. */
function memberChain(use: TSESTree.Node): { path: string[]; node: TSESTree.Node } | undefined {
  let current = use;
  const path: string[] = [];
  for (let steps = 0; steps < 10; steps++) {
    const parent = current.parent;
    if (parent?.type === 'MemberExpression' && parent.object === current) {
      const name = memberName(parent);
      if (name === undefined) return undefined;
      path.push(name);
      current = parent;
      continue;
    }
    if (parent && (parent.type === 'ChainExpression' || parent.type === 'TSNonNullExpression')) {
      current = parent;
      continue;
    }
    break;
  }
  return path.length > 0 ? { path, node: current } : undefined;
}

/** Child nodes of an AST node (own keys holding nodes), without visitor keys. */
export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof (item as TSESTree.Node).type === 'string') children.push(item as TSESTree.Node);
    } else if (value && typeof (value as TSESTree.Node).type === 'string') {
      children.push(value as TSESTree.Node);
    }
  }
  return children;
}

const cache = new WeakMap<object, ApiCallAnalysis>();

/** The Weixin API calls and SDK clients of the file, computed once per file from the shared analysis. */
export function getApiCalls(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ApiCallAnalysis {
  return apiCallsOf(getFileAnalysis(context));
}

/** The same, from the file's shared analysis. */
export function apiCallsOf(fileAnalysis: FileAnalysis): ApiCallAnalysis {
  const cached = cache.get(fileAnalysis);
  if (cached) return cached;
  const collector = new Collector(fileAnalysis);
  const calls = collector.calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const analysis: ApiCallAnalysis = {
    calls,
    clients: collector.clients,
    byNode: new Map(calls.map((call) => [call.node, call])),
  };
  cache.set(fileAnalysis, analysis);
  return analysis;
}

/** The "did you mean" endpoint for an unknown static path on api.weixin.qq.com. */
export function nearMissOf(call: ApiCall): NearMiss | undefined {
  if (call.endpoint || !call.url || call.url.host !== 'api.weixin.qq.com') return undefined;
  return findNearMiss(call.url.path);
}
