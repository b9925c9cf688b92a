/**
 * Where data stays readable in plain text (S2): client storage, cookies and logs. The data-flow rules read these
 * to find where user data is written.
 */

/** Browser storage objects (free globals or members of `window`) and the methods that write to them. */
export const BROWSER_STORAGES: ReadonlySet<string> = new Set(['localStorage', 'sessionStorage']);
export const STORAGE_WRITE_METHODS: ReadonlySet<string> = new Set(['setItem']);

/** IndexedDB object stores: `objectStore(…).put(value)` / `.add(value)`. */
export const INDEXED_DB_WRITE_METHODS: ReadonlySet<string> = new Set(['put', 'add']);

/**
 * Client storage libraries: writes through them store in plain text on the device (cookies for js-cookie), with
 * the index of the value argument of their write functions (`localforage.setItem(key, value)`, `Cookies.set(name,
 * value)`, idb-keyval `set(key, value)`, store2 `store.set(key, value)` / `store(key, value)`).
 */
export const STORAGE_MODULES: Readonly<Record<string, { target: 'storage' | 'cookie'; writes: readonly string[] }>> = {
  localforage: { target: 'storage', writes: ['setItem'] },
  'idb-keyval': { target: 'storage', writes: ['set', 'update', 'setMany'] },
  store2: { target: 'storage', writes: ['set', 'setAll', 'transact'] },
  'js-cookie': { target: 'cookie', writes: ['set'] },
  'universal-cookie': { target: 'cookie', writes: ['set'] },
};

/** Server responses that set a cookie: Express `res.cookie(name, value, options)`, Koa/Egg `ctx.cookies.set(…)`. */
export const COOKIE_SETTERS = {
  /** `res.cookie(name, value, options)`: the receiver names a response. */
  expressMethod: 'cookie',
  /** `ctx.cookies.set(name, value, options)`. */
  koaObject: 'cookies',
  koaMethod: 'set',
} as const;

/** Options of a server-set cookie that protect its value: signed, or both httpOnly and secure. */
export const COOKIE_SIGNED_OPTION = 'signed';
export const COOKIE_PROTECTION_OPTIONS = ['httpOnly', 'secure'] as const;

/** `console` methods that print. */
export const CONSOLE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);

/** Logger objects (by whole word of the receiver name: `logger`, `ctx.logger`, `app.log`, `this.logger`). */
export const LOGGER_WORDS: ReadonlySet<string> = new Set(['logger', 'log', 'log4js', 'winston', 'pino', 'bunyan', 'signale', 'consola']);
/** Logging methods of those loggers. */
export const LOGGER_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'silly',
  'notice',
]);

/**
 * Modules whose export makes a logging function: `debug('app:auth')` and Node's `util.debuglog('app')` return a
 * function that prints its arguments (to stderr when its namespace is enabled). By module, the exported names that
 * are such factories (`default` for the module itself).
 */
export const LOGGER_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  debug: ['default'],
  util: ['debuglog', 'debug'],
  'node:util': ['debuglog', 'debug'],
};

/** Response writers that send a value back to the browser (Express, Koa, Fastify, Nest returns handled apart). */
export const RESPONSE_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp', 'end', 'write', 'render']);
/**
 * Receivers that name a response object; `Response` and `NextResponse` are the static builders of the Fetch API's
 * response in Next.js route handlers and Workers (`return Response.json(data)`).
 */
export const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'resp', 'Response', 'NextResponse']);
