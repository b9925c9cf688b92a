/**
 * Values an attacker controls: the page URL, `document.referrer`, `postMessage` data, and a request's
 * query or body. A redirect target taken from them can point anywhere.
 */

/** Paths under the global object that hold the page URL or parts of it an attacker writes. */
export const ATTACKER_GLOBAL_PATHS: readonly (readonly string[])[] = [
  ['location', 'href'],
  ['location', 'search'],
  ['location', 'hash'],
  ['location'],
  ['document', 'URL'],
  ['document', 'documentURI'],
  ['document', 'baseURI'],
  ['document', 'referrer'],
  ['document', 'location', 'href'],
  ['document', 'location', 'search'],
  ['document', 'location', 'hash'],
  ['document', 'location'],
  ['name'],
];

/** Paths under the global object that are the page's own origin (`location.origin + '/x'` is own). */
export const OWN_ORIGIN_GLOBAL_PATHS: readonly (readonly string[])[] = [
  ['location', 'origin'],
  ['document', 'location', 'origin'],
];
/** Paths under the global object that are the page's own path (`location.pathname`). */
export const OWN_PATH_GLOBAL_PATHS: readonly (readonly string[])[] = [['location', 'pathname']];

/** Properties of a request object that hold attacker-written input: `req.query`, `ctx.request.body`. */
export const REQUEST_INPUT_PROPERTIES: ReadonlySet<string> = new Set(['query', 'body', 'params', 'querystring']);
/** Names a request object goes by: Express `req`, Koa/Egg `ctx` (`ctx.query`, `ctx.request.body`), Fastify `request`. */
export const REQUEST_OBJECT_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'context']);
/** Methods that read one query parameter: `searchParams.get('next')`, Express `req.param('next')`. */
export const QUERY_GETTER_METHODS: ReadonlySet<string> = new Set(['get', 'getAll', 'param']);
/** The data of a `message` event: `event.data`. */
export const MESSAGE_DATA_PROPERTY = 'data';

/** Properties of a request object that are the request's own URL or path (`new URL('/login', request.url)`). */
export const REQUEST_OWN_URL_PROPERTIES: ReadonlySet<string> = new Set(['url', 'href', 'originalUrl', 'path', 'nextUrl', 'origin']);
