/**
 * Names that tell how an access_token or jsapi_ticket fetch is paced: caches and their checks, writes and clears,
 * refreshers, and the calls that pace a function handed to them (timers, schedulers, memoizers). Read by the
 * token-cache facts (analysis/token-cache.ts); names decide here only what a store or a check is, never what a
 * value is.
 */
import { SCHEDULER_FUNCTIONS } from './execution-context.js';

/** Name words that make a test a cache or expiry check: `if (cache.token && Date.now() < cache.expiresAt)`. */
export const CACHE_CHECK_WORDS: ReadonlySet<string> = new Set([
  'cache',
  'cached',
  'caches',
  'expire',
  'expires',
  'expired',
  'expiry',
  'expiration',
  'expiresat',
  'ttl',
  'valid',
  'token',
  'ticket',
  'memo',
  'store',
  'stored',
  'redis',
  'stale',
  'fresh',
]);

/** Names in a test that read the clock: a test that compares with the time is an expiry check. */
export const CLOCK_NAMES: ReadonlySet<string> = new Set(['Date', 'now']);

/** Words of a function name that make it a cache refresher: it fetches on purpose, its callers check expiry. */
export const REFRESH_WORDS: ReadonlySet<string> = new Set(['refresh', 'renew', 'reload', 'rotate', 'force']);

/** Name words of a token cache (`tokenCache`, `cache.access_token`, `redis.del('wx:ticket')`). */
export const TOKEN_WORDS: ReadonlySet<string> = new Set(['token', 'ticket']);

/** Name words of an assignment target that keeps a fetched token: `this.token = …`, `cache.expiresAt = …`. */
export const CACHE_WRITE_WORDS: ReadonlySet<string> = new Set(['cache', 'cached', 'token', 'ticket', 'expire', 'expires', 'expiry', 'expiration', 'store']);

/** Methods that store a value: `redis.set(…)`, `cache.put(…)`, `localStorage.setItem(…)`. */
export const CACHE_WRITE_METHODS: ReadonlySet<string> = new Set(['set', 'setex', 'setEx', 'hset', 'put', 'save', 'saveToken', 'setItem', 'store', 'cache']);

/** First words of a method that stores what its name says: `setAccessToken(…)`, `saveTicket(…)`, `storeToken(…)`. */
export const CACHE_WRITE_VERBS: ReadonlySet<string> = new Set(['set', 'save', 'store', 'cache', 'put', 'update', 'write']);

/** Methods that empty a store: `redis.del('access_token')`, `cache.clear()`. */
export const CACHE_DELETE_METHODS: ReadonlySet<string> = new Set(['del', 'delete', 'remove', 'removeItem', 'unlink', 'clear', 'evict', 'invalidate']);

/** A test that reacts to a rejected token: errcode 40001 (invalid), 42001 (expired), 40014 (not a token). */
export const TOKEN_ERROR_PATTERN = /errcode|40001|42001|40014|invalid|expired/iu;

/**
 * Calls that pace a function handed to them: it runs on their schedule, not once per call of the function around
 * it (timers, cron schedulers, memoizers). Other callbacks (`then`, a request's or a query's callback, a promise
 * executor) run once per call of the function around them.
 */
export const PACING_CALLEES: ReadonlySet<string> = new Set([
  ...SCHEDULER_FUNCTIONS,
  'memoize',
  'memoizee',
  'pMemoize',
  'mem',
  'once',
  'throttle',
  'debounce',
]);

/** Constructors whose callback is a continuation of the function around them (`new Promise((resolve) => …)`). */
export const CONTINUATION_CONSTRUCTORS: ReadonlySet<string> = new Set(['Promise']);

/** Token response fields that count seconds (`expires_in: 7200`): compared with a millisecond clock they are wrong. */
export const SECONDS_FIELDS: ReadonlySet<string> = new Set(['expires_in', 'expiresIn', 'expire_in', 'expireIn']);

/** Millisecond clocks: `Date.now()`, `new Date().getTime()`, `Date.parse(…)`. */
export const MILLISECOND_CLOCK_METHODS: ReadonlySet<string> = new Set(['now', 'getTime', 'valueOf', 'parse']);
