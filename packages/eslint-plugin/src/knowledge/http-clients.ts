/**
 * HTTP clients whose calls are requests (fetch, axios, got, request, superagent, node http/https,
 * ky, undici, Puppeteer/Playwright `goto`, Electron `loadURL`, node-easywechat's client; and the ones real
 * Official Account code uses besides: urllib, nodegrass, Egg/Midway `ctx.curl`, uni-app `uni.request`).
 * analysis/requests.ts recognises their calls; how each call's arguments map to URL, method, body, query and
 * headers is there too.
 */

export type HttpClientName =
  | 'fetch'
  | 'axios'
  | 'got'
  | 'request'
  | 'superagent'
  | 'node-http'
  | 'ky'
  | 'undici'
  | 'needle'
  | 'jquery'
  | 'xhr'
  | 'beacon'
  | 'browser-automation'
  | 'electron'
  | 'node-easywechat'
  | 'urllib'
  | 'nodegrass'
  | 'framework-curl'
  | 'uni'
  /** A call of a library or project wrapper not listed here that carries a URL (analysis/requests.ts, generic part). */
  | 'other'
  /** A project function declared a request wrapper in the settings `wrappers`. */
  | 'declared-wrapper';

/** How a client's calls take their arguments. */
export type CallShape =
  /** `fetch(url, { method, body, headers })`, `ky(url, options)`, `got(url, options)` — or one options object. */
  | 'url-options'
  /** `axios.post(url, data, config)`: the body is the second argument. */
  | 'url-data-options'
  /** `axios(config)`, `$.ajax(settings)`: one config object holds the URL (a URL string first is allowed). */
  | 'config'
  /** `superagent(method, url)`, `needle(method, url, data)`, `xhr.open(method, url)`. */
  | 'method-url'
  /** `page.goto(url)`, `win.loadURL(url)`, `navigator.sendBeacon(url, data)`. */
  | 'url-only';

export interface HttpClientModule {
  client: HttpClientName;
  /** Module names (CommonJS and ES) that export the client. */
  modules: readonly string[];
  /** Whether the module's export (or default export) is itself a request function, and its shape. */
  call?: CallShape;
  /** Methods of the export that make requests → HTTP method (`undefined`: from the options or arguments). */
  methods: Readonly<Record<string, { method: string | undefined; shape: CallShape }>>;
  /** Methods of the export that make a configured instance (`axios.create(config)`, `got.extend(options)`). */
  instanceFactories: readonly string[];
  /** Option names holding a base URL of an instance. */
  baseUrlOptions: readonly string[];
}

const verbs = (shape: CallShape, bodyShape: CallShape = shape) => ({
  get: { method: 'GET', shape },
  delete: { method: 'DELETE', shape },
  head: { method: 'HEAD', shape },
  options: { method: 'OPTIONS', shape },
  post: { method: 'POST', shape: bodyShape },
  put: { method: 'PUT', shape: bodyShape },
  patch: { method: 'PATCH', shape: bodyShape },
});

export const HTTP_CLIENT_MODULES: readonly HttpClientModule[] = [
  {
    client: 'fetch',
    modules: ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'whatwg-fetch'],
    call: 'url-options',
    methods: {},
    instanceFactories: [],
    baseUrlOptions: [],
  },
  {
    client: 'axios',
    modules: ['axios'],
    call: 'config',
    methods: { ...verbs('url-options', 'url-data-options'), request: { method: undefined, shape: 'config' } },
    instanceFactories: ['create'],
    baseUrlOptions: ['baseURL'],
  },
  {
    client: 'got',
    modules: ['got'],
    call: 'url-options',
    methods: verbs('url-options'),
    instanceFactories: ['extend'],
    baseUrlOptions: ['prefixUrl'],
  },
  {
    client: 'request',
    modules: ['request', 'request-promise', 'request-promise-native', 'requestretry'],
    call: 'url-options',
    methods: { ...verbs('url-options'), del: { method: 'DELETE', shape: 'url-options' } },
    instanceFactories: ['defaults'],
    baseUrlOptions: ['baseUrl'],
  },
  {
    client: 'superagent',
    modules: ['superagent', 'supertest'],
    call: 'method-url',
    methods: { ...verbs('url-only'), del: { method: 'DELETE', shape: 'url-only' } },
    instanceFactories: ['agent'],
    baseUrlOptions: [],
  },
  {
    client: 'node-http',
    modules: ['http', 'https', 'node:http', 'node:https'],
    methods: { request: { method: undefined, shape: 'url-options' }, get: { method: 'GET', shape: 'url-options' } },
    instanceFactories: [],
    baseUrlOptions: [],
  },
  {
    client: 'ky',
    modules: ['ky', 'ky-universal'],
    call: 'url-options',
    methods: verbs('url-options'),
    instanceFactories: ['create', 'extend'],
    baseUrlOptions: ['prefixUrl'],
  },
  {
    client: 'undici',
    modules: ['undici'],
    methods: { fetch: { method: undefined, shape: 'url-options' }, request: { method: undefined, shape: 'url-options' } },
    instanceFactories: [],
    baseUrlOptions: [],
  },
  {
    client: 'needle',
    modules: ['needle'],
    call: 'method-url',
    methods: verbs('url-options', 'url-data-options'),
    instanceFactories: [],
    baseUrlOptions: [],
  },
  {
    // urllib (Egg's HTTP client underneath `ctx.curl`): `urllib.request(url, { method, data, headers })`,
    // `urllib.curl(url, options)`, and the same methods on `new urllib.HttpClient()` or `urllib.create()`.
    client: 'urllib',
    modules: ['urllib'],
    methods: {
      request: { method: undefined, shape: 'url-options' },
      curl: { method: undefined, shape: 'url-options' },
    },
    instanceFactories: ['HttpClient', 'HttpClient2', 'create'],
    baseUrlOptions: [],
  },
  {
    // nodegrass: `nodegrass.get(url, callback, headers)`, `nodegrass.post(url, callback, data, headers)`. Only the
    // URL has a fixed place the shapes above describe; the POST data comes after the callback.
    client: 'nodegrass',
    modules: ['nodegrass'],
    methods: { get: { method: 'GET', shape: 'url-only' }, post: { method: 'POST', shape: 'url-only' } },
    instanceFactories: [],
    baseUrlOptions: [],
  },
];

/**
 * Request methods reached through a framework's context object instead of an import: Egg and Midway
 * `ctx.curl(url, options)`, `this.ctx.curl`, `app.curl`, and their urllib client `ctx.httpclient.request(url,
 * options)` / `app.httpclient.curl(…)`. The receiver is matched by its last name (`this.ctx` → `ctx`).
 */
export interface ContextRequestMethods {
  client: HttpClientName;
  receivers: readonly string[];
  methods: readonly string[];
  shape: CallShape;
}

export const CONTEXT_REQUEST_METHODS: readonly ContextRequestMethods[] = [
  { client: 'framework-curl', receivers: ['ctx', 'app'], methods: ['curl'], shape: 'url-options' },
  { client: 'framework-curl', receivers: ['httpclient', 'httpClient'], methods: ['request', 'curl'], shape: 'url-options' },
];

/** Free globals of cross-platform front-end frameworks whose methods make requests: uni-app `uni.request({ url })`. */
export const GLOBAL_REQUEST_OBJECTS: Readonly<Record<string, Readonly<Record<string, { method: string | undefined; shape: CallShape }>>>> = {
  uni: { request: { method: undefined, shape: 'config' } },
};

/**
 * Clients that send the `data` option of a GET (or HEAD) request as its query string, not as a body: urllib and
 * so Egg/Midway `ctx.curl` (`data` becomes `?access_token=…`), and uni-app's `uni.request`.
 */
export const GET_DATA_AS_QUERY_CLIENTS: ReadonlySet<HttpClientName> = new Set(['urllib', 'framework-curl', 'uni']);
/** The option those clients read for that query or body. */
export const DATA_OPTION = 'data';

/** Free globals that make requests in browsers and Node ≥ 18: `fetch(url)`, `navigator.sendBeacon(url, data)`. */
export const GLOBAL_FETCH = 'fetch';
export const BEACON_PATH: readonly string[] = ['navigator', 'sendBeacon'];
/** `new XMLHttpRequest()` … `.open(method, url)`. */
export const XHR_CONSTRUCTOR = 'XMLHttpRequest';
/** jQuery globals and their request methods. */
export const JQUERY_GLOBALS: readonly string[] = ['$', 'jQuery'];
export const JQUERY_REQUEST_METHODS: Readonly<Record<string, { method: string | undefined; shape: CallShape }>> = {
  ajax: { method: undefined, shape: 'config' },
  get: { method: 'GET', shape: 'url-data-options' },
  getJSON: { method: 'GET', shape: 'url-data-options' },
  post: { method: 'POST', shape: 'url-data-options' },
};

/** Browser automation that loads pages: Puppeteer/Playwright `page.goto(url)`, Electron `loadURL(url)`. */
export const BROWSER_AUTOMATION_MODULES: readonly string[] = [
  'puppeteer',
  'puppeteer-core',
  'puppeteer-extra',
  'playwright',
  'playwright-core',
  'playwright-chromium',
  '@playwright/test',
];
export const PAGE_GOTO_METHOD = 'goto';
/** Receiver names that are a page even without an automation import in the file (helpers take `page`). */
export const PAGE_RECEIVER_NAMES: readonly string[] = ['page', 'tab'];
export const ELECTRON_LOAD_METHODS: readonly string[] = ['loadURL'];

/** Option names, per meaning, across the clients above. */
export const URL_OPTIONS: readonly string[] = ['url', 'uri'];
export const METHOD_OPTIONS: readonly string[] = ['method', 'type'];
export const BODY_OPTIONS: readonly string[] = ['body', 'data', 'json', 'form', 'formData'];
export const QUERY_OPTIONS: readonly string[] = ['params', 'searchParams', 'qs', 'query'];
export const HEADER_OPTIONS: readonly string[] = ['headers'];
/** node:http options that spell a URL in parts. */
export const HOST_OPTIONS: readonly string[] = ['hostname', 'host'];
export const PATH_OPTION = 'path';
export const PROTOCOL_OPTION = 'protocol';
/** Cookie jars: request's `jar`, got's `cookieJar`, axios-cookiejar-support's `jar`. */
export const COOKIE_JAR_OPTIONS: readonly string[] = ['jar', 'cookieJar'];

/**
 * The generic request detector (analysis/requests.ts) takes a call of an unknown library or project wrapper for a
 * request when it passes an absolute http(s) URL: as its first argument (or second, after an HTTP method) when the
 * callee's name has one of these words (`httpGet(url)`, `wxRequest(url)`, `this.$http.post(url, data)`,
 * `urllib.request(url)`), or as the `url`/`uri`/`endpoint` of an options object.
 */
export const REQUEST_CALLEE_WORDS: ReadonlySet<string> = new Set([
  'request',
  'req',
  'fetch',
  'ajax',
  'http',
  'https',
  'curl',
  'api',
  'jsonp',
  'download',
  'upload',
]);
/** HTTP verbs that name a request when the callee's name starts with one (`get(url)`, `postJson(url, body)`). */
export const REQUEST_VERB_WORDS: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  head: 'HEAD',
};
/** Option keys of an options object that hold the request's URL, for the generic detector. */
export const GENERIC_URL_OPTIONS: readonly string[] = ['url', 'uri', 'endpoint'];
/**
 * Option keys that, beside the URL, say an options object describes a request even when the callee's name does not
 * (`service({ url, method: 'post' })`, `call({ endpoint, headers })`).
 */
export const GENERIC_REQUEST_OPTIONS: readonly string[] = ['method', 'headers', 'params', 'data', 'body', 'qs', 'searchParams'];
/**
 * Words of callees that take a URL without requesting it: URL builders, navigation (`wx.navigateTo({ url })`, `redirect(url)`,
 * their own facts in analysis/navigation.ts), sharing, previews, logging, and object helpers
 * (`Object.assign(target, { url })`, `list.push({ url })`, `Model.create({ url })`).
 */
export const NOT_REQUEST_CALLEE_WORDS: ReadonlySet<string> = new Set([
  // Functions that build or read a URL (`getAuthorizeURL(redirect)`, `buildUrl(base)`, `parseUri(text)`).
  'url',
  'uri',
  'authorize',
  'navigate',
  'redirect',
  'relaunch',
  'switch',
  'open',
  'jump',
  'goto',
  'route',
  'router',
  'link',
  'share',
  'preview',
  'reload',
  'replace',
  'assign',
  'push',
  'unshift',
  'set',
  'merge',
  'extend',
  'create',
  'insert',
  'save',
  'update',
  'upsert',
  'find',
  'log',
  'warn',
  'error',
  'info',
  'debug',
  'trace',
  'emit',
  'resolve',
  'reject',
  'stringify',
  'parse',
  'encode',
  'decode',
  'qr',
  'qrcode',
  'copy',
  'clipboard',
  'image',
  'img',
  'script',
  'render',
  'include',
  'includes',
  'starts',
  'ends',
  'match',
  'test',
  'index',
]);

/**
 * Calls that turn an object into the query or form text a request carries (`qs.stringify({ openid })`,
 * jQuery's `$.param({ openid })`): the text holds the object's fields, so what is known of them stays known.
 */
export const QUERY_STRING_SERIALIZERS: ReadonlySet<string> = new Set(['qs.stringify', 'querystring.stringify', '$.param', 'jQuery.param']);

/** Calls and constructors whose result carries an object's fields as text (JSON, form data): `JSON.stringify(o)`. */
export const OBJECT_SERIALIZERS: ReadonlySet<string> = new Set([...QUERY_STRING_SERIALIZERS, 'JSON.stringify', 'String', 'URLSearchParams']);
