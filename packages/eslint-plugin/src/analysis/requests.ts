import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  BEACON_PATH,
  BODY_OPTIONS,
  BROWSER_AUTOMATION_MODULES,
  type CallShape,
  CONTEXT_REQUEST_METHODS,
  DATA_OPTION,
  ELECTRON_LOAD_METHODS,
  GENERIC_REQUEST_OPTIONS,
  GENERIC_URL_OPTIONS,
  GET_DATA_AS_QUERY_CLIENTS,
  GLOBAL_FETCH,
  GLOBAL_REQUEST_OBJECTS,
  HEADER_OPTIONS,
  HOST_OPTIONS,
  HTTP_CLIENT_MODULES,
  type HttpClientModule,
  type HttpClientName,
  JQUERY_GLOBALS,
  JQUERY_REQUEST_METHODS,
  METHOD_OPTIONS,
  NOT_REQUEST_CALLEE_WORDS,
  PAGE_GOTO_METHOD,
  PAGE_RECEIVER_NAMES,
  PATH_OPTION,
  PROTOCOL_OPTION,
  QUERY_OPTIONS,
  REQUEST_CALLEE_WORDS,
  REQUEST_VERB_WORDS,
  URL_OPTIONS,
  XHR_CONSTRUCTOR,
} from '../knowledge/http-clients.js';
import { EASYWECHAT_CLIENT_METHODS } from '../knowledge/sdk-modules.js';
import { identifierWords } from '../util/name-words.js';
import { calleeName, calleeObject, unwrap } from './ast.js';
import { moduleSpecifiers } from './globals.js';
import { callsOn, valueUses } from './instances.js';
import { CALL, CONSTRUCT, moduleReferences, type TraceMap } from './modules.js';
import type { NodeIndex } from './node-index.js';
import type { GlobalReferences } from './references.js';
import type { SdkClients } from './sdk-clients.js';
import { joinValues, knownPrefix, leadingHole, objectProperty, parseUrl, sliceValue, type StaticValues, type StringValue, textValue } from './values.js';

export type { HttpClientName };

/**
 * One HTTP request of the file : which client makes it, its method and URL as far as
 * they are known, and the nodes of its options, body, query and headers. Rules and the data-flow engine read
 * requests from here instead of matching client calls themselves.
 */
export interface HttpRequest {
  /** The call that sends the request (`fetch(…)`, `axios.post(…)`, `xhr.open(…)`, `page.goto(…)`). */
  readonly node: TSESTree.CallExpression;
  readonly client: HttpClientName;
  /** Upper-case HTTP method when known (`GET` for a plain `fetch(url)`). */
  readonly method: string | undefined;
  /** The expression that gives the method when it is not known text (a wrapper's parameter). */
  readonly methodNode: TSESTree.Node | undefined;
  /** The URL expression, when the call has one (a config object's `url` property included). */
  readonly urlNode: TSESTree.Node | undefined;
  /** The URL's possible values, with the instance's base URL (`baseURL`, `prefixUrl`, node-easywechat) applied. */
  readonly url: readonly StringValue[];
  /** The options or config object literal, when it resolves to one. */
  readonly options: TSESTree.ObjectExpression | undefined;
  readonly body: TSESTree.Node | undefined;
  readonly query: TSESTree.Node | undefined;
  readonly headers: TSESTree.Node | undefined;
  /** Chained calls that configure the request: superagent `.set(…)`, `.send(…)`, `.query(…)`. */
  readonly chain: readonly TSESTree.CallExpression[];
  /**
   * Set on a call of a request wrapper that was summarised (this file's own or another module's): the call's other
   * arguments are not the request's data unless the summary says where they go (body, query, options, headers).
   */
  readonly throughWrapper?: true;
}

interface ArgumentsInfo {
  urlNode?: TSESTree.Node;
  method?: string;
  options?: TSESTree.ObjectExpression;
  body?: TSESTree.Node;
}

type ClientInfo =
  | { kind: 'call'; module: HttpClientModule; shape: CallShape }
  | { kind: 'method'; module: HttpClientModule; method: string | undefined; shape: CallShape }
  | { kind: 'factory'; module: HttpClientModule };

export interface RequestContext {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly program: TSESTree.Program;
  readonly nodes: NodeIndex;
  readonly globals: GlobalReferences;
  readonly values: StaticValues;
  /** Requests made through functions of other modules of the project (project/link.ts). */
  readonly externalRequests?: () => readonly HttpRequest[];
  /** The SDK package of a client another module of the project constructs and exports, for a name bound to it. */
  readonly importedClient?: (identifier: TSESTree.Identifier) => string | undefined;
}

function traceMapFor(module: HttpClientModule): TraceMap<ClientInfo> {
  const map: TraceMap<ClientInfo> = {};
  if (module.call) map[CALL] = { kind: 'call', module, shape: module.call };
  for (const [name, { method, shape }] of Object.entries(module.methods)) {
    map[name] = { [CALL]: { kind: 'method', module, method, shape } };
  }
  for (const factory of module.instanceFactories) {
    map[factory] = { [CALL]: { kind: 'factory', module }, [CONSTRUCT]: { kind: 'factory', module } };
  }
  // `require('axios').default`, and ES interop.
  return { ...map, default: { ...map } };
}

let clientTraceMapCache: Record<string, TraceMap<ClientInfo>> | undefined;

/** The trace map of every HTTP client module, built once. */
function clientTraceMap(): Record<string, TraceMap<ClientInfo>> {
  if (!clientTraceMapCache) {
    clientTraceMapCache = {};
    for (const module of HTTP_CLIENT_MODULES) for (const name of module.modules) clientTraceMapCache[name] = traceMapFor(module);
  }
  return clientTraceMapCache;
}

const JQUERY_MODULE_TRACE_MAP: Record<string, TraceMap<string>> = {
  jquery: Object.fromEntries(Object.keys(JQUERY_REQUEST_METHODS).map((method) => [method, { [CALL]: method }])),
};

export class RequestFinder {
  readonly #context: RequestContext;
  readonly requests: HttpRequest[] = [];
  readonly #seen = new Set<TSESTree.Node>();

  readonly #sdk: SdkClients;

  constructor(context: RequestContext, sdk: SdkClients) {
    this.#context = context;
    this.#sdk = sdk;
    this.#moduleClients();
    this.#globalClients();
    this.#automation();
    for (const producer of sdk.easywechatHttpClients) this.#easywechatClient(producer);
    // Calls of another module's request wrapper (its summary says which argument becomes the URL) come before the
    // generic detector, so such a call keeps the wrapper it goes through.
    for (const request of this.#context.externalRequests?.() ?? []) {
      if (this.#seen.has(request.node)) continue;
      this.#seen.add(request.node);
      this.requests.push(request);
    }
    this.#generic();
    this.requests.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  #moduleClients(): void {
    for (const reference of moduleReferences(this.#context.scopeManager, clientTraceMap())) {
      const { info } = reference;
      const call = reference.node;
      if (call.type !== 'CallExpression' && call.type !== 'NewExpression') continue;
      if (info.kind === 'factory') {
        this.#instance(call, info.module);
        continue;
      }
      if (call.type !== 'CallExpression') continue;
      if (info.kind === 'call') this.#add(call, info.module.client, info.shape, undefined, undefined);
      else this.#add(call, info.module.client, info.shape, info.method, undefined);
    }
  }

  /** `const api = axios.create({ baseURL })`: the instance's calls and method calls are requests too. */
  #instance(producer: TSESTree.CallExpression | TSESTree.NewExpression, module: HttpClientModule): void {
    const config = producer.arguments[0] ? this.#context.values.objectOf(producer.arguments[0]) : undefined;
    let base: readonly StringValue[] | undefined;
    for (const option of module.baseUrlOptions) {
      const value = config ? objectProperty(config, option) : undefined;
      if (value) base = this.#context.values.valuesOf(value);
    }
    for (const use of valueUses(producer, this.#context.scopeManager, this.#context.nodes)) {
      const call = callsOn(use);
      if (!call) continue;
      if (call.method === undefined) {
        if (module.call) this.#add(call.call, module.client, module.call, undefined, base);
        continue;
      }
      const method = module.methods[call.method];
      if (method) this.#add(call.call, module.client, method.shape, method.method, base);
    }
  }

  #globalClients(): void {
    const { globals } = this.#context;
    for (const access of globals.accessesTo([GLOBAL_FETCH], { exact: true, kind: 'call' })) {
      this.#add(access.operation as TSESTree.CallExpression, 'fetch', 'url-options', undefined, undefined);
    }
    for (const access of globals.accessesTo(BEACON_PATH, { exact: true, kind: 'call' })) {
      this.#add(access.operation as TSESTree.CallExpression, 'beacon', 'url-only', 'POST', undefined);
    }
    for (const access of globals.accessesTo([XHR_CONSTRUCTOR], { exact: true, kind: 'construct' })) {
      for (const use of valueUses(access.operation as TSESTree.NewExpression, this.#context.scopeManager, this.#context.nodes)) {
        const call = callsOn(use);
        if (call?.method === 'open') this.#add(call.call, 'xhr', 'method-url', undefined, undefined);
      }
    }
    const jqueryCalls: TSESTree.CallExpression[] = [];
    for (const name of JQUERY_GLOBALS) {
      for (const method of Object.keys(JQUERY_REQUEST_METHODS)) {
        for (const access of globals.accessesTo([name, method], { exact: true, kind: 'call' })) {
          jqueryCalls.push(access.operation as TSESTree.CallExpression);
        }
      }
    }
    for (const reference of moduleReferences(this.#context.scopeManager, JQUERY_MODULE_TRACE_MAP)) {
      if (reference.node.type === 'CallExpression') jqueryCalls.push(reference.node);
    }
    for (const call of jqueryCalls) {
      const method = JQUERY_REQUEST_METHODS[calleeName(call) ?? ''];
      if (method) this.#add(call, 'jquery', method.shape, method.method, undefined);
    }
    for (const [name, methods] of Object.entries(GLOBAL_REQUEST_OBJECTS)) {
      for (const [method, { method: httpMethod, shape }] of Object.entries(methods)) {
        for (const access of globals.accessesTo([name, method], { exact: true, kind: 'call' })) {
          this.#add(access.operation as TSESTree.CallExpression, 'uni', shape, httpMethod, undefined);
        }
      }
    }
    this.#contextClients();
  }

  /** Egg/Midway `ctx.curl(url, options)`, `this.app.httpclient.request(…)`: matched by receiver and method name. */
  #contextClients(): void {
    for (const call of this.#context.nodes.ofType('CallExpression')) {
      const name = calleeName(call);
      if (name === undefined || call.callee.type === 'Identifier') continue;
      const receiver = calleeObject(call);
      const receiverName =
        receiver?.type === 'Identifier'
          ? receiver.name
          : receiver?.type === 'MemberExpression' && receiver.property.type === 'Identifier'
            ? receiver.property.name
            : undefined;
      if (receiverName === undefined) continue;
      const entry = CONTEXT_REQUEST_METHODS.find((candidate) => candidate.receivers.includes(receiverName) && candidate.methods.includes(name));
      if (entry) this.#add(call, entry.client, entry.shape, undefined, undefined);
    }
  }

  /** Puppeteer/Playwright `page.goto(url)` and Electron `loadURL(url)`. */
  #automation(): void {
    const specifiers = moduleSpecifiers(this.#context.program, this.#context.scopeManager);
    const automation = specifiers.some((specifier) => BROWSER_AUTOMATION_MODULES.includes(specifier));
    for (const call of this.#context.nodes.ofType('CallExpression')) {
      const name = calleeName(call);
      if (name === undefined || call.callee.type === 'Identifier') continue;
      if (ELECTRON_LOAD_METHODS.includes(name)) {
        this.#add(call, 'electron', 'url-only', 'GET', undefined);
        continue;
      }
      if (name !== PAGE_GOTO_METHOD) continue;
      const receiver = calleeObject(call);
      const receiverName =
        receiver?.type === 'Identifier'
          ? receiver.name
          : receiver?.type === 'MemberExpression' && receiver.property.type === 'Identifier'
            ? receiver.property.name
            : '';
      const pageLike = PAGE_RECEIVER_NAMES.some((page) => receiverName.toLowerCase().endsWith(page));
      if (automation || pageLike) this.#add(call, 'browser-automation', 'url-only', 'GET', undefined);
    }
  }

  /**
   * Calls of libraries and project wrappers not listed in knowledge/http-clients.ts that carry a URL: an absolute
   * http(s) URL as the first argument (second after an HTTP method) of a callee named like a request, or as the
   * `url`/`uri`/`endpoint` of an options object that describes a request. A URL only named in a call (a namespace
   * of `createElementNS`, a header value, a string compared or logged) is no request.
   */
  #generic(): void {
    const { values } = this.#context;
    const isWebUrl = (node: TSESTree.Node | undefined): boolean => {
      if (!node || node.type === 'SpreadElement') return false;
      return values.valuesOf(node).some((value) => {
        const info = parseUrl(value);
        return info.form === 'absolute' && (info.scheme === 'http' || info.scheme === 'https') && info.host !== undefined;
      });
    };
    for (const call of this.#context.nodes.ofType('CallExpression')) {
      // SDK methods that take a page URL (`wx.jssdk.getSignature(url)`) are the SDK's, not requests to that URL.
      if (this.#seen.has(call) || call.arguments.length === 0 || this.#sdk.callAt(call) || this.#sdk.catalogCallAt(call)) continue;
      const name = calleeName(call);
      if (name === undefined) continue;
      const words = identifierWords(name);
      if (words.some((word) => NOT_REQUEST_CALLEE_WORDS.has(word))) continue;
      const verb = Object.hasOwn(REQUEST_VERB_WORDS, words[0]) ? REQUEST_VERB_WORDS[words[0]] : undefined;
      // A bare verb names a request only on a receiver named like one (`http.get(url)`, not `cache.get(url)`).
      const receiver = calleeObject(call);
      const receiverName = receiver ? receiverNameOf(receiver) : undefined;
      const named =
        words.some((word) => REQUEST_CALLEE_WORDS.has(word)) ||
        (verb !== undefined && (words.includes('json') || (receiverName !== undefined && identifierWords(receiverName).some((word) => REQUEST_CALLEE_WORDS.has(word)))));
      const options = values.objectOf(call.arguments[0]);
      if (options) {
        const url = GENERIC_URL_OPTIONS.map((key) => objectProperty(options, key)).find(Boolean);
        const describesRequest = named || GENERIC_REQUEST_OPTIONS.some((key) => objectProperty(options, key) !== undefined);
        if (describesRequest && isWebUrl(url)) this.#add(call, 'other', 'config', verb, undefined, url);
        continue;
      }
      if (!named) continue;
      const [first, second] = call.arguments;
      const method = first ? values.textOf(first)?.toUpperCase() : undefined;
      if (method && HTTP_METHODS.has(method) && isWebUrl(second)) {
        this.#add(call, 'other', 'method-url', undefined, undefined);
      } else if (isWebUrl(first)) {
        this.#add(call, 'other', verb === 'GET' || verb === undefined || verb === 'DELETE' || verb === 'HEAD' ? 'url-options' : 'url-data-options', verb, undefined);
      }
    }
  }

  /** node-easywechat: `app.getClient()` → `client.get('/cgi-bin/…')` against api.weixin.qq.com. */
  #easywechatClient(producer: TSESTree.Node): void {
    for (const use of valueUses(producer, this.#context.scopeManager, this.#context.nodes)) {
      const call = callsOn(use);
      if (!call?.method) continue;
      if (call.method === 'request') {
        this.#add(call.call, 'node-easywechat', 'method-url', undefined, [textValue('https://api.weixin.qq.com')]);
      } else if (Object.hasOwn(EASYWECHAT_CLIENT_METHODS, call.method)) {
        this.#add(call.call, 'node-easywechat', 'url-data-options', EASYWECHAT_CLIENT_METHODS[call.method], [textValue('https://api.weixin.qq.com')]);
      }
    }
  }

  #add(
    call: TSESTree.CallExpression,
    client: HttpClientName,
    shape: CallShape,
    fixedMethod: string | undefined,
    base: readonly StringValue[] | undefined,
    urlOption?: TSESTree.Node,
  ): void {
    if (this.#seen.has(call)) return;
    this.#seen.add(call);
    const { values } = this.#context;
    const args = call.arguments;
    const info: ArgumentsInfo = {};
    const objectArgument = (index: number) => (args[index] ? values.objectOf(args[index]) : undefined);
    switch (shape) {
      case 'url-options':
      case 'config': {
        const first = objectArgument(0);
        if (first) info.options = first;
        else {
          info.urlNode = args[0];
          info.options = objectArgument(1);
        }
        break;
      }
      case 'url-data-options':
        if (objectArgument(0) && shape === 'url-data-options' && client === 'jquery') {
          info.options = objectArgument(0);
          break;
        }
        info.urlNode = args[0];
        info.body = args[1];
        info.options = objectArgument(2);
        break;
      case 'method-url':
        info.method = args[0] ? values.textOf(args[0])?.toUpperCase() : undefined;
        info.urlNode = args[1];
        info.body = client === 'needle' ? args[2] : undefined;
        info.options = client === 'needle' ? objectArgument(3) : client === 'node-easywechat' ? objectArgument(2) : undefined;
        break;
      case 'url-only':
        info.urlNode = args[0];
        if (client === 'beacon') info.body = args[1];
        break;
    }
    const options = info.options;
    const option = (names: readonly string[]) => {
      if (!options) return undefined;
      for (const name of names) {
        const value = objectProperty(options, name);
        if (value) return value;
      }
      return undefined;
    };
    info.urlNode ??= urlOption ?? option(URL_OPTIONS);
    const methodNode = shape === 'method-url' ? args[0] : option(METHOD_OPTIONS);
    // A method option whose value is not known (a wrapper's parameter) leaves the method unknown, not the default.
    const method = fixedMethod ?? info.method ?? (methodNode ? values.textOf(methodNode)?.toUpperCase() : defaultMethod(client, shape));
    let url: readonly StringValue[] = info.urlNode ? values.valuesOf(info.urlNode) : [];
    // `https.request({ hostname, path })`; `https.request(url, { method })` has its URL in front.
    if (client === 'node-http' && options && !info.urlNode) url = this.#nodeHttpUrl(call, options);
    const optionBase = option(['baseURL', 'prefixUrl', 'baseUrl']);
    const bases = optionBase ? values.valuesOf(optionBase) : base;
    if (bases && bases.length > 0) url = url.map((value) => withBase(value, bases[0]));
    // urllib, `ctx.curl` and `uni.request` send the `data` of a GET as its query string.
    const dataIsQuery = GET_DATA_AS_QUERY_CLIENTS.has(client) && (method === 'GET' || method === 'HEAD');
    const chain = requestChain(call, client);
    // superagent's `.query({ access_token })` chained on the request: the same name as the query option.
    const chainQuery = chain.find((link) => QUERY_OPTIONS.includes(calleeName(link) ?? ''))?.arguments[0];
    this.requests.push({
      node: call,
      client,
      method,
      methodNode: method === undefined ? methodNode : undefined,
      urlNode: info.urlNode,
      url,
      options,
      body: info.body ?? (dataIsQuery ? option(BODY_OPTIONS.filter((name) => name !== DATA_OPTION)) : option(BODY_OPTIONS)),
      query: option(QUERY_OPTIONS) ?? (dataIsQuery ? option([DATA_OPTION]) : undefined) ?? chainQuery,
      headers: option(HEADER_OPTIONS),
      chain,
    });
  }

  /** `https.request({ hostname, path, protocol })`: the URL spelled in parts. */
  #nodeHttpUrl(call: TSESTree.CallExpression, options: TSESTree.ObjectExpression): StringValue[] {
    const { values } = this.#context;
    const hostNode = HOST_OPTIONS.map((name) => objectProperty(options, name)).find(Boolean);
    if (!hostNode) return [];
    const protocolNode = objectProperty(options, PROTOCOL_OPTION);
    const moduleName = calleeObject(call);
    let scheme = protocolNode ? values.textOf(protocolNode) : undefined;
    scheme ??= moduleName?.type === 'Identifier' && /https/iu.test(moduleName.name) ? 'https:' : 'http:';
    const host = values.valuesOf(hostNode)[0];
    const pathNode = objectProperty(options, PATH_OPTION);
    const path = pathNode ? values.valuesOf(pathNode)[0] : textValue('/');
    return [{ parts: [`${scheme}//`, ...host.parts, ...path.parts] }];
  }
}

/** The name of a call's receiver: `http` of `http.get()`, `$http` of `this.$http.get()`. */
function receiverNameOf(receiver: TSESTree.Node): string | undefined {
  const node = unwrap(receiver);
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  return undefined;
}

const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function defaultMethod(client: HttpClientName, shape: CallShape): string | undefined {
  if (client === 'other') return undefined;
  if (client === 'browser-automation' || client === 'electron') return 'GET';
  if (shape === 'url-options' || shape === 'config') return 'GET';
  return undefined;
}

/** A relative URL under an instance's base URL: `baseURL: 'https://api.weixin.qq.com'` + `/cgi-bin/token`. */
function withBase(value: StringValue, base: StringValue): StringValue {
  if (leadingHole(value)) return value;
  const info = parseUrl(value);
  if (info.form !== 'relative') return value;
  const prefix = knownPrefix(base);
  const first = value.parts[0];
  if (typeof first === 'string' && prefix.endsWith('/') && first.startsWith('/')) return joinValues(base, sliceValue(value, 1));
  if (typeof first === 'string' && !prefix.endsWith('/') && !first.startsWith('/')) return joinValues(base, textValue('/'), value);
  return joinValues(base, value);
}

/** superagent `.set()/.send()/.query()` chained on the request call. */
function requestChain(call: TSESTree.CallExpression, client: HttpClientName): TSESTree.CallExpression[] {
  const chain: TSESTree.CallExpression[] = [];
  if (client !== 'superagent') return chain;
  let current: TSESTree.Node = call;
  for (let steps = 0; steps < 100; steps++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== current) break;
    const outer: TSESTree.Node | undefined = parent.parent;
    if (outer?.type !== 'CallExpression' || outer.callee !== parent) break;
    chain.push(outer);
    current = outer;
  }
  return chain;
}

/** The receiver of a request call, unwrapped: `page` of `page.goto()`. */
export function requestReceiver(request: HttpRequest): TSESTree.Node | undefined {
  const callee = unwrap(request.node.callee);
  return callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
}
