import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findEndpoint, findNearMiss, type NearMiss } from '../knowledge/endpoint-lookup.js';
import { CATALOG_HOSTS, type Endpoint, ENDPOINTS } from '../knowledge/endpoints.js';
import { EASYWECHAT_CLIENT_METHODS, findSdkMethod, type SdkMethod, type SdkPackage } from '../knowledge/sdk-methods.js';
import { findVariable, memberName, propertyKeyName, unwrapExpression, variableInitializer } from './ast.js';
import { freeGlobalReferences } from './globals.js';

/**
 * Weixin API calls of one file (SPEC §3.1): raw HTTP requests whose URL resolves to a catalogued host, and
 * method calls on Official Account SDK clients, each with the endpoint it hits. The rules of S10/S11
 * (`no-uncached-access-token`, `no-api-call-in-loop`, `valid-api-request`, `valid-template-message`) read it.
 *
 * Modules are followed from `import` and `require()` through local variables and destructuring; SDK clients from
 * their constructor (`const api = new API(…)`, `this.api = new API(…)`, class fields). Computed once per file.
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

// ── Module references ──────────────────────────────────────────────────────────────────────────────────────

const HTTP_MODULES = new Set(['axios', 'got', 'request', 'request-promise', 'request-promise-native', 'superagent', 'node-fetch', 'cross-fetch', 'http', 'https', 'node:http', 'node:https', 'undici']);
const SDK_MODULES: Readonly<Record<string, SdkPackage>> = {
  'co-wechat-api': 'co-wechat-api',
  'wechat-api': 'wechat-api',
  'wechat-oauth': 'wechat-oauth',
  'co-wechat-oauth': 'co-wechat-oauth',
  'wechat-jssdk': 'wechat-jssdk',
  'node-easywechat': 'node-easywechat',
};

interface ModuleUse {
  module: string;
  /** Members below the module export: `['post']` for `axios.post`. */
  path: string[];
  /** The outermost expression denoting the path. */
  node: TSESTree.Node;
}

/** Every expression that denotes a module export or a member of it, from imports and `require()`. */
function moduleUses(program: TSESTree.Program, scopeManager: TSESLint.Scope.ScopeManager | null): ModuleUse[] {
  const uses: ModuleUse[] = [];
  if (!scopeManager) return uses;
  const wanted = (name: string) => HTTP_MODULES.has(name) || Object.hasOwn(SDK_MODULES, name);
  const follow = (identifier: TSESTree.Identifier, module: string, path: string[]) => {
    const variable = findVariable(scopeManager, identifier);
    if (!variable) return;
    for (const reference of variable.references) {
      if (reference.isWrite() || reference.identifier === identifier) continue;
      climb(reference.identifier as TSESTree.Node, module, path);
    }
  };
  const climb = (start: TSESTree.Node, module: string, path: string[]) => {
    let node = start;
    let current = path;
    for (;;) {
      const parent = node.parent;
      if (parent?.type === 'MemberExpression' && parent.object === node) {
        const name = memberName(parent);
        if (name === undefined) return;
        current = [...current, name];
        node = parent;
        continue;
      }
      if (parent && (parent.type === 'TSNonNullExpression' || parent.type === 'TSAsExpression' || parent.type === 'ChainExpression')) {
        node = parent;
        continue;
      }
      break;
    }
    uses.push({ module, path: current, node });
    // `const { OfficialAccount } = require('node-easywechat')`, `const API = require('co-wechat-api')`.
    const parent = node.parent;
    if (parent?.type === 'VariableDeclarator' && parent.init === node) {
      if (parent.id.type === 'Identifier') follow(parent.id, module, current);
      else if (parent.id.type === 'ObjectPattern') {
        for (const property of parent.id.properties) {
          if (property.type !== 'Property') continue;
          const key = propertyKeyName(property);
          const target = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
          if (key !== undefined && target.type === 'Identifier') follow(target, module, [...current, key]);
        }
      }
    }
  };
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || typeof statement.source.value !== 'string') continue;
    const module = statement.source.value;
    if (!wanted(module) || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      const path =
        specifier.type === 'ImportSpecifier'
          ? [specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value)]
          : [];
      // `import axios from 'axios'` and `import * as axios from 'axios'` are the module (CommonJS interop).
      follow(specifier.local, module, path[0] === 'default' ? [] : path);
    }
  }
  for (const reference of freeGlobalReferences(scopeManager, 'require')) {
    const call = reference.identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
    const first = call.arguments[0];
    const module = first?.type === 'Literal' && typeof first.value === 'string' ? first.value : undefined;
    if (module && wanted(module)) climb(call, module, []);
  }
  return uses;
}

// ── Requests ───────────────────────────────────────────────────────────────────────────────────────────────

const VERBS: Readonly<Record<string, string>> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'HEAD' };
const BODY_OPTIONS = ['data', 'body', 'json', 'form'];
const QUERY_OPTIONS = ['params', 'searchParams', 'qs', 'query'];

interface RequestShape {
  urlNode?: TSESTree.Node;
  method?: string;
  /** Default method when the options name none (fetch, axios config: GET). */
  defaultMethod?: string;
  options?: TSESTree.Node;
  body?: TSESTree.Node;
  baseParts?: StringPart[];
}

function optionString(object: TSESTree.ObjectExpression | undefined, names: readonly string[], scopeManager: TSESLint.Scope.ScopeManager | null): string | undefined {
  if (!object) return undefined;
  for (const name of names) {
    const value = objectProperty(object, name);
    if (!value) continue;
    const parts = stringParts(value, scopeManager);
    return parts.length === 1 && parts[0].text !== undefined ? parts[0].text : undefined;
  }
  return undefined;
}

class Collector {
  readonly calls: ApiCall[] = [];
  readonly clients: SdkClient[] = [];
  readonly #scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly #axiosInstances = new Map<TSESTree.Node, StringPart[] | undefined>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>) {
    this.#scopeManager = sourceCode.scopeManager;
    for (const use of moduleUses(sourceCode.ast, this.#scopeManager)) this.#moduleUse(use);
    for (const reference of freeGlobalReferences(this.#scopeManager, 'fetch')) {
      const call = reference.identifier.parent;
      if (call?.type === 'CallExpression' && call.callee === reference.identifier) this.#fetch(call);
    }
  }

  #moduleUse(use: ModuleUse): void {
    const parent = use.node.parent;
    const sdk = SDK_MODULES[use.module];
    if (sdk) {
      if (parent?.type === 'NewExpression' && parent.callee === use.node) this.#sdkConstructed(sdk, use.path, parent);
      return;
    }
    if (parent?.type !== 'CallExpression' || parent.callee !== use.node) return;
    const call = parent;
    const [member, ...rest] = use.path;
    if (rest.length > 0) return;
    switch (use.module) {
      case 'axios':
        if (member === undefined || member === 'request') this.#request(call, this.#axiosConfig(call));
        else if (member === 'create') this.#axiosCreate(call);
        else if (VERBS[member]) this.#request(call, this.#axiosVerb(call, VERBS[member]));
        return;
      case 'got':
      case 'request':
      case 'request-promise':
      case 'request-promise-native':
        if (member === undefined) this.#request(call, this.#urlOptions(call, 'GET'));
        else if (VERBS[member]) this.#request(call, { ...this.#urlOptions(call, undefined), method: VERBS[member] });
        return;
      case 'node-fetch':
      case 'cross-fetch':
        if (member === undefined || member === 'default') this.#fetch(call);
        return;
      case 'undici':
        if (member === 'fetch' || member === 'request') this.#fetch(call);
        return;
      case 'superagent':
        if (member && VERBS[member]) this.#superagent(call, VERBS[member], call.arguments[0]);
        else if (member === undefined && call.arguments.length >= 2) {
          const method = stringParts(call.arguments[0], this.#scopeManager);
          this.#superagent(call, method.length === 1 ? method[0].text?.toUpperCase() : undefined, call.arguments[1]);
        }
        return;
      default:
        // node:http / node:https
        if (member === 'get') this.#request(call, { ...this.#urlOptions(call, 'GET'), method: 'GET' });
        else if (member === 'request') this.#request(call, this.#urlOptions(call, 'GET'));
    }
  }

  #fetch(call: TSESTree.CallExpression): void {
    this.#request(call, this.#urlOptions(call, 'GET'));
  }

  /** `f(url, options)` or `f(options)` with `url`/`uri`, `method`, a body and query options. */
  #urlOptions(call: TSESTree.CallExpression, defaultMethod: string | undefined): RequestShape {
    const [first, second] = call.arguments;
    if (!first) return {};
    const firstObject = first.type === 'ObjectExpression' ? first : undefined;
    const options = firstObject ?? (second && second.type !== 'ArrowFunctionExpression' && second.type !== 'FunctionExpression' ? second : undefined);
    const object = options ? resolveObject(options, this.#scopeManager) : undefined;
    const urlNode = firstObject ? (objectProperty(firstObject, 'url') ?? objectProperty(firstObject, 'uri')) : first;
    const method = optionString(object, ['method'], this.#scopeManager)?.toUpperCase();
    // Without options (or with a static object that names no method) the request is a GET.
    const staticDefault = !options || (object && objectLacks(object, 'method')) ? defaultMethod : undefined;
    return { urlNode, method: method ?? staticDefault, options };
  }

  #axiosConfig(call: TSESTree.CallExpression, base?: StringPart[]): RequestShape {
    const shape = this.#urlOptions(call, 'GET');
    return { ...shape, baseParts: base ?? this.#axiosBase(shape.options) };
  }

  #axiosVerb(call: TSESTree.CallExpression, method: string, base?: StringPart[]): RequestShape {
    const [url, second, third] = call.arguments;
    const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
    return { urlNode: url, method, body: withBody ? second : undefined, options: withBody ? third : second, baseParts: base };
  }

  #axiosBase(options: TSESTree.Node | undefined): StringPart[] | undefined {
    const object = options ? resolveObject(options, this.#scopeManager) : undefined;
    const base = object ? objectProperty(object, 'baseURL') : undefined;
    return base ? stringParts(base, this.#scopeManager) : undefined;
  }

  /** `const http = axios.create({ baseURL })`: the instance's calls are requests relative to the base. */
  #axiosCreate(call: TSESTree.CallExpression): void {
    const base = this.#axiosBase(call.arguments[0]);
    for (const use of this.#instanceUses(call)) {
      const parent = use.node.parent;
      if (parent?.type !== 'CallExpression' || parent.callee !== use.node || use.path.length > 1) continue;
      const [member] = use.path;
      if (member === undefined || member === 'request') this.#request(parent, this.#axiosConfig(parent, base));
      else if (VERBS[member]) this.#request(parent, this.#axiosVerb(parent, VERBS[member], base));
    }
  }

  #superagent(call: TSESTree.CallExpression, method: string | undefined, urlNode: TSESTree.Node | undefined): void {
    // The chain `.send(body)`, `.query(q)` follows the call.
    let body: TSESTree.Node | undefined;
    let query: TSESTree.Node | undefined;
    let node: TSESTree.Node = call;
    for (let steps = 0; steps < 20; steps++) {
      const member: TSESTree.Node | undefined = node.parent;
      if (member?.type !== 'MemberExpression' || member.object !== node) break;
      const chained: TSESTree.Node | undefined = member.parent;
      if (chained?.type !== 'CallExpression' || chained.callee !== member) break;
      const name = memberName(member);
      if (name === 'send') body = chained.arguments[0];
      if (name === 'query') query = chained.arguments[0] ?? query;
      node = chained;
    }
    this.#request(call, { urlNode, method, body, options: undefined }, query);
  }

  #request(call: TSESTree.CallExpression, shape: RequestShape, superagentQuery?: TSESTree.Node): void {
    if (!shape.urlNode) return;
    const url = staticUrl(stringParts(shape.urlNode, this.#scopeManager), shape.baseParts);
    if (!url || !CATALOG_HOSTS.has(url.host ?? '')) return;
    const options = shape.options ? resolveObject(shape.options, this.#scopeManager) : undefined;
    let bodyNode = shape.body;
    let queryNode = superagentQuery;
    if (options) {
      for (const name of BODY_OPTIONS) bodyNode ??= objectProperty(options, name);
      for (const name of QUERY_OPTIONS) queryNode ??= objectProperty(options, name);
    }
    const queryOption = queryNode
      ? (resolveObject(queryNode, this.#scopeManager) ?? 'dynamic')
      : shape.options && !options
        ? 'dynamic'
        : undefined;
    this.calls.push({
      node: call,
      via: 'request',
      endpoint: findEndpoint(url.path, { host: url.host }),
      url,
      method: shape.method,
      body: bodyNode ? resolveObject(bodyNode, this.#scopeManager) : undefined,
      queryOption,
    });
  }

  // ── SDK clients ──

  #sdkConstructed(pkg: SdkPackage, path: readonly string[], node: TSESTree.NewExpression): void {
    const constructorName = path.at(-1);
    if (pkg === 'node-easywechat' && constructorName !== 'OfficialAccount') return;
    if (pkg === 'wechat-jssdk' && path.length > 0 && constructorName !== 'Wechat') return;
    if ((pkg === 'wechat-oauth' || pkg === 'co-wechat-oauth') && path.length > 0 && constructorName !== 'OAuth') return;
    this.clients.push({ pkg, node, hasTokenStore: this.#hasTokenStore(pkg, node) });
    for (const use of this.#instanceUses(node)) this.#sdkUse(pkg, use.path, use.node);
  }

  #hasTokenStore(pkg: SdkPackage, node: TSESTree.NewExpression): boolean {
    if (node.arguments.some((argument) => argument.type === 'SpreadElement')) return true;
    if (pkg === 'co-wechat-api' || pkg === 'wechat-api' || pkg === 'wechat-oauth' || pkg === 'co-wechat-oauth') {
      return node.arguments.length > 2;
    }
    const config = node.arguments[0] ? resolveObject(node.arguments[0], this.#scopeManager) : undefined;
    // A config that is not a static object literal may hold a store: unknown counts as present.
    if (!config) return true;
    const storeKeys = pkg === 'wechat-jssdk' ? ['store'] : ['cache'];
    return !storeKeys.every((key) => objectLacks(config, key));
  }

  /** Expressions that denote the value made by `node`, followed through a variable or `this.x`/class field. */
  #instanceUses(node: TSESTree.Node): { node: TSESTree.Node; path: string[] }[] {
    const roots: TSESTree.Node[] = [];
    let parent = node.parent;
    let value: TSESTree.Node = node;
    while (parent?.type === 'AwaitExpression' || parent?.type === 'TSAsExpression' || parent?.type === 'TSNonNullExpression') {
      value = parent;
      parent = parent.parent;
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier' && this.#scopeManager) {
      const variable = findVariable(this.#scopeManager, parent.id);
      for (const reference of variable?.references ?? []) {
        if (!reference.isWrite()) roots.push(reference.identifier as TSESTree.Node);
      }
    } else if (parent?.type === 'AssignmentExpression' && parent.right === value) {
      const target = parent.left;
      if (target.type === 'MemberExpression' && target.object.type === 'ThisExpression') {
        const name = memberName(target);
        if (name) roots.push(...this.#thisMemberReads(target, name));
      } else if (target.type === 'Identifier' && this.#scopeManager) {
        const variable = findVariable(this.#scopeManager, target);
        for (const reference of variable?.references ?? []) {
          if (!reference.isWrite()) roots.push(reference.identifier as TSESTree.Node);
        }
      }
    } else if (parent?.type === 'PropertyDefinition' && parent.value === value) {
      const name = propertyKeyName(parent);
      if (name) roots.push(...this.#thisMemberReads(parent, name));
    } else if (parent?.type === 'MemberExpression' && parent.object === value) {
      roots.push(value);
    }
    const uses: { node: TSESTree.Node; path: string[] }[] = [];
    for (const root of roots) {
      let current: TSESTree.Node = root;
      const path: string[] = [];
      for (;;) {
        const next = current.parent;
        if (next?.type === 'MemberExpression' && next.object === current) {
          const name = memberName(next);
          if (name === undefined) break;
          path.push(name);
          current = next;
          continue;
        }
        if (next?.type === 'ChainExpression' || next?.type === 'TSNonNullExpression') {
          current = next;
          continue;
        }
        break;
      }
      uses.push({ node: current, path });
    }
    return uses;
  }

  /** `this.<name>` reads inside the class that assigns `this.<name>` (or declares the field). */
  #thisMemberReads(from: TSESTree.Node, name: string): TSESTree.Node[] {
    let classNode: TSESTree.Node | undefined = from.parent;
    while (classNode && classNode.type !== 'ClassBody') classNode = classNode.parent;
    if (!classNode) return [];
    const reads: TSESTree.Node[] = [];
    const stack: TSESTree.Node[] = [classNode];
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      if (
        node.type === 'MemberExpression' &&
        node.object.type === 'ThisExpression' &&
        memberName(node) === name &&
        !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node)
      ) {
        reads.push(node);
      }
      for (const child of childNodes(node)) stack.push(child);
    }
    return reads;
  }

  #sdkUse(pkg: SdkPackage, path: readonly string[], node: TSESTree.Node): void {
    const parent = node.parent;
    if (parent?.type !== 'CallExpression' || parent.callee !== node) {
      // `const client = app.getClient()` / `const jssdk = wx.jssdk`: follow one alias level.
      return;
    }
    const call = parent;
    if (pkg === 'node-easywechat') {
      // app.getClient().get(path, …) / app.getAccessToken().refresh()
      if (path.length === 1) {
        for (const use of this.#instanceUses(call)) this.#easywechatUse(path[0], use.path, use.node);
      }
      return;
    }
    const key = path.join('.');
    const entry = findSdkMethod(pkg, key);
    if (!entry) return;
    this.calls.push({
      node: call,
      via: 'sdk',
      endpoint: entry.endpoint ? ENDPOINTS.get(entry.endpoint) : undefined,
      sdk: { pkg, method: key, entry },
    });
  }

  #easywechatUse(getter: string, path: readonly string[], node: TSESTree.Node): void {
    const call = node.parent;
    if (call?.type !== 'CallExpression' || call.callee !== node || path.length !== 1) return;
    const [method] = path;
    if (getter === 'getClient' || getter === 'createClient') {
      if (!Object.hasOwn(EASYWECHAT_CLIENT_METHODS, method)) return;
      const [first, second, third] = call.arguments;
      const httpMethod = EASYWECHAT_CLIENT_METHODS[method] ?? literalUpper(first, this.#scopeManager);
      const pathNode = method === 'request' ? second : first;
      if (!pathNode) return;
      const parts = stringParts(pathNode, this.#scopeManager);
      // Paths are relative to https://api.weixin.qq.com/, with or without their leading slash.
      const url = staticUrl(parts, [{ text: parts[0]?.text?.startsWith('/') ? 'https://api.weixin.qq.com' : 'https://api.weixin.qq.com/' }]);
      if (!url) return;
      const payloadNode = method === 'request' ? third : second;
      const payload = payloadNode ? resolveObject(payloadNode, this.#scopeManager) : undefined;
      const body =
        method === 'postJson' || method === 'postXml'
          ? payload
          : payload
            ? resolveObject(objectProperty(payload, 'json') ?? objectProperty(payload, 'data') ?? payload, this.#scopeManager)
            : undefined;
      this.calls.push({
        node: call,
        via: 'easywechat-client',
        endpoint: findEndpoint(url.path),
        url,
        method: httpMethod,
        body: body && body !== payload ? body : method === 'postJson' ? payload : undefined,
      });
      return;
    }
    const entry = findSdkMethod('node-easywechat', `${getter}.${method}`);
    if (!entry) return;
    this.calls.push({
      node: call,
      via: 'sdk',
      endpoint: entry.endpoint ? ENDPOINTS.get(entry.endpoint) : undefined,
      sdk: { pkg: 'node-easywechat', method: `${getter}.${method}`, entry },
    });
  }
}

function literalUpper(node: TSESTree.Node | undefined, scopeManager: TSESLint.Scope.ScopeManager | null): string | undefined {
  if (!node || node.type === 'SpreadElement') return undefined;
  const parts = stringParts(node, scopeManager);
  return parts.length === 1 ? parts[0].text?.toUpperCase() : undefined;
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

/** The Weixin API calls and SDK clients of the file, computed once per SourceCode. */
export function getApiCalls(sourceCode: Readonly<TSESLint.SourceCode>): ApiCallAnalysis {
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const collector = new Collector(sourceCode);
  const calls = collector.calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const analysis: ApiCallAnalysis = {
    calls,
    clients: collector.clients,
    byNode: new Map(calls.map((call) => [call.node, call])),
  };
  cache.set(sourceCode, analysis);
  return analysis;
}

/** The "did you mean" endpoint for an unknown static path on api.weixin.qq.com. */
export function nearMissOf(call: ApiCall): NearMiss | undefined {
  if (call.endpoint || !call.url || call.url.host !== 'api.weixin.qq.com') return undefined;
  return findNearMiss(call.url.path);
}
