import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, findNearMiss, type NearMiss } from '../knowledge/endpoint-lookup.js';
import { CATALOG_HOSTS, type Endpoint, ENDPOINTS } from '../knowledge/endpoints.js';
import type { SdkMethod, SdkPackage } from '../knowledge/sdk-methods.js';
import { findVariable, memberName, propertyKeyName, unwrap, variableInitializer } from './ast.js';
import type { HttpRequest } from './requests.js';
import type { SdkClients, SdkClient as SharedSdkClient } from './sdk-clients.js';
import { knownPrefix, objectProperty, parseUrl, parseUrlText, sourceRangeOf, type StringValue, type UrlInfo } from './values.js';

/**
 * Weixin API calls of one file: a layer over the shared analysis — HTTP requests (analysis/requests.ts)
 * whose URL resolves to a catalogued host, and method calls on Official Account SDK clients (analysis/sdk-clients.ts,
 * including wechat-jssdk's `wx.jssdk.*` and node-easywechat's `app.getAccessToken().refresh()` chains) — each with
 * the endpoint of the catalog it hits. The rules of S10/S11 (`no-uncached-access-token`, `no-api-call-in-loop`,
 * `valid-api-request`, `valid-template-message`) read it. Computed once per file.
 */

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

/** A parsed URL's path as the endpoint catalog keys it: no leading slash, duplicate slashes collapsed. */
export function apiPathOf(url: UrlInfo): string {
  return url.path.split('/').filter(Boolean).join('/');
}

/**
 * The catalogued endpoint a URL value names by its known start: a full URL on a catalogued host
 * (`https://api.weixin.qq.com/cgi-bin/token?…`), a host-relative path (`/cgi-bin/menu/get`) or an SDK-relative one
 * (`user/info`, found under `cgi-bin/`).
 */
export function endpointOfUrl(value: StringValue): Endpoint | undefined {
  const url = parseUrlText(knownPrefix(value));
  if (url.form === 'unknown' || /\s/u.test(url.path)) return undefined;
  if (url.host === undefined) {
    if (url.form !== 'relative') return undefined;
    return findEndpoint(apiPathOf(url), { relative: true });
  }
  if (!CATALOG_HOSTS.has(url.host)) return undefined;
  return findEndpoint(apiPathOf(url), { host: url.host });
}

/** The literal that holds a URL's path (without its leading slashes) verbatim, for "did you mean" edits. */
function pathSource(value: StringValue, url: UrlInfo): StaticUrl['pathSource'] {
  let start = url.pathStart;
  const end = url.pathStart + url.path.length;
  while (start < end && url.path[start - url.pathStart] === '/') start++;
  if (start >= end) return undefined;
  const source = sourceRangeOf(value, start, end);
  if (!source) return undefined;
  return { node: source.node, start: source.range[0], end: source.range[1], text: url.path.slice(start - url.pathStart) };
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

// ── Static objects ─────────────────────────────────────────────────────────────────────────────────────────

const MAX_DEPTH = 6;

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
  const expression = unwrap(node);
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

/** True when the object literal certainly has no property `name` (no spread, no computed key). */
export function objectLacks(object: TSESTree.ObjectExpression, name: string): boolean {
  return object.properties.every(
    (property) => property.type !== 'SpreadElement' && propertyKeyName(property) !== undefined && propertyKeyName(property) !== name,
  );
}

/**
 * The property names written on an object literal's variable after it is built (`message.touser = openid` in the
 * loop that sends it): the object as sent has them too.
 */
export function assignedProperties(object: TSESTree.ObjectExpression, scopeManager: TSESLint.Scope.ScopeManager | null): Set<string> {
  const names = new Set<string>();
  const declarator = object.parent;
  if (!scopeManager || declarator?.type !== 'VariableDeclarator' || declarator.init !== object || declarator.id.type !== 'Identifier') return names;
  const variable = findVariable(scopeManager, declarator.id);
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
    const assignment = member.parent;
    const name = memberName(member);
    if (name !== undefined && assignment?.type === 'AssignmentExpression' && assignment.left === member) names.add(name);
  }
  return names;
}

// ── Requests and SDK calls from the shared analysis ──────────────────────────────────────────────────────────

/** SDKs configured by one object, whose token store is a property of it. */
const CONFIG_SDKS = new Set<SdkPackage>(['wechat-jssdk', 'node-easywechat']);

/** The facts the API calls are read from (the facade, analysis/index.ts, passes its own). */
export interface ApiCallFacts {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly requests: readonly HttpRequest[];
  readonly sdk: SdkClients;
}

class Collector {
  readonly calls: ApiCall[] = [];
  readonly clients: SdkClient[] = [];
  readonly #scopeManager: TSESLint.Scope.ScopeManager | null;

  constructor(facts: ApiCallFacts) {
    this.#scopeManager = facts.scopeManager;
    for (const request of facts.requests) this.#request(request);
    for (const client of facts.sdk.clients) this.#client(client);
    for (const call of facts.sdk.catalogCalls) {
      this.calls.push({
        node: call.node,
        via: 'sdk',
        endpoint: call.entry.endpoint ? ENDPOINTS.get(call.entry.endpoint) : undefined,
        sdk: { pkg: call.pkg, method: call.key, entry: call.entry },
      });
    }
  }

  #request(request: HttpRequest): void {
    // Every possible URL must name the same Weixin endpoint path; otherwise the rules cannot tell which one runs.
    let url: UrlInfo | undefined;
    let urlValue: StringValue | undefined;
    for (const value of request.url) {
      const info = parseUrl(value);
      if (!info.host || !CATALOG_HOSTS.has(info.host) || !info.pathComplete) return;
      if (url && (url.host !== info.host || url.path !== info.path)) return;
      url ??= info;
      urlValue ??= value;
    }
    if (!url || !urlValue) return;
    const path = apiPathOf(url);
    const staticUrlInfo: StaticUrl = {
      host: url.host,
      path,
      queryKeys: [...url.query.keys()],
      queryComplete: url.queryComplete,
    };
    const source = request.urlNode && request.url.length === 1 ? pathSource(urlValue, url) : undefined;
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
      const value = unwrap(argument);
      return value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'CallExpression' || value.type === 'SpreadElement';
    });
  }

  /**
   * The request goes through an instance (`axios.create({ params })`, `got.extend({ searchParams })`,
   * `request.defaults({ qs })`) whose defaults may add query parameters: the call alone does not tell the query.
   */
  #instanceAddsQuery(request: HttpRequest): boolean {
    const callee = unwrap(request.node.callee);
    const receiver = callee.type === 'MemberExpression' ? unwrap(callee.object) : callee;
    let factory: TSESTree.Node | undefined;
    if (receiver.type === 'CallExpression') factory = receiver;
    else if (receiver.type === 'Identifier' && this.#scopeManager) {
      const variable = findVariable(this.#scopeManager, receiver);
      factory = variable ? variableInitializer(variable) : undefined;
    }
    if (!factory) return false;
    factory = unwrap(factory);
    if (factory.type !== 'CallExpression') return false;
    const factoryCallee = unwrap(factory.callee);
    const factoryName = factoryCallee.type === 'MemberExpression' ? memberName(factoryCallee) : undefined;
    if (factoryName !== 'create' && factoryName !== 'extend' && factoryName !== 'defaults') return false;
    const config = factory.arguments[0];
    if (!config) return false;
    const object = resolveObject(config, this.#scopeManager);
    if (!object) return true;
    return !['params', 'searchParams', 'qs'].every((name) => objectLacks(object, name));
  }

  #client(client: SharedSdkClient): void {
    const pkg = client.pkg;
    if (!pkg) return;
    const spread = client.node.arguments.some((argument) => argument.type === 'SpreadElement');
    // A config that is not a static object literal may hold a store: unknown counts as present.
    const hidden = CONFIG_SDKS.has(pkg) && !client.config;
    this.clients.push({ pkg, node: client.node, hasTokenStore: client.tokenStore.length > 0 || spread || hidden });
  }
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

/** The Weixin API calls and SDK clients of a file, from its facts (the facade computes it once per file). */
export function collectApiCalls(facts: ApiCallFacts): ApiCallAnalysis {
  const collector = new Collector(facts);
  const calls = collector.calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { calls, clients: collector.clients, byNode: new Map(calls.map((call) => [call.node, call])) };
}

/** The "did you mean" endpoint for an unknown static path on api.weixin.qq.com. */
export function nearMissOf(call: ApiCall): NearMiss | undefined {
  if (call.endpoint || !call.url || call.url.host !== 'api.weixin.qq.com') return undefined;
  return findNearMiss(call.url.path);
}
