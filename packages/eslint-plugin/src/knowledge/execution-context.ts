/**
 * The browser's user-activation model (docs/architecture.md, execution context): which handlers run because the user did
 * something (a *gesture*) and which run on their own (*automatic*). analysis/execution-contexts.ts reads these lists.
 */

/** Events that are user activations (HTML "activation triggering input events", plus submit and keys). */
export const GESTURE_EVENTS: ReadonlySet<string> = new Set([
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'submit',
  'contextmenu',
  'tap',
]);

/** Events that fire without the user doing anything on the page. */
export const AUTOMATIC_EVENTS: ReadonlySet<string> = new Set([
  'load',
  'DOMContentLoaded',
  'pageshow',
  'readystatechange',
  'visibilitychange',
  'popstate',
  'hashchange',
  'message',
  'storage',
  'scroll',
  'resize',
  'WeixinJSBridgeReady',
  'deviceready',
]);

/** Functions that run a callback later: the callback inherits a gesture, otherwise it is automatic. */
export const TIMER_FUNCTIONS: ReadonlySet<string> = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'requestAnimationFrame',
  'requestIdleCallback',
  'queueMicrotask',
]);

/**
 * Calls that run a callback on a recurring schedule, no user and no request behind it: `setInterval`,
 * node-schedule's `scheduleJob`, node-cron's `schedule`, `cron`, `new CronJob(…)`.
 */
export const SCHEDULER_FUNCTIONS: ReadonlySet<string> = new Set(['setInterval', 'scheduleJob', 'schedule', 'cron', 'CronJob']);

/** Observers whose callback runs on their own (`new IntersectionObserver(cb)`). */
export const OBSERVER_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'MutationObserver',
  'IntersectionObserver',
  'ResizeObserver',
  'PerformanceObserver',
]);

/** Promise continuations: the callback runs in the context of the code that made the chain. */
export const PROMISE_CONTINUATIONS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** Calls whose callback runs when the page or SDK is ready: `wx.ready(fn)`, `$(document).ready(fn)`. */
export const READY_METHODS: ReadonlySet<string> = new Set(['ready']);

/** React hooks whose callback runs after render. */
export const REACT_EFFECT_HOOKS: ReadonlySet<string> = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);
/** Lifecycle methods that run on their own: React classes, Vue options, Angular, mini frameworks. */
export const AUTOMATIC_LIFECYCLE_METHODS: ReadonlySet<string> = new Set([
  'componentDidMount',
  'componentDidUpdate',
  'UNSAFE_componentWillMount',
  'componentWillMount',
  'mounted',
  'created',
  'beforeMount',
  'beforeCreate',
  'activated',
  'setup',
  'ngOnInit',
  'ngAfterViewInit',
  'onLoad',
  'onShow',
  'onReady',
]);
/** Vue composition hooks and watchers whose callback runs on its own. */
export const AUTOMATIC_HOOK_FUNCTIONS: ReadonlySet<string> = new Set([
  'onMounted',
  'onBeforeMount',
  'onActivated',
  'onUpdated',
  'watch',
  'watchEffect',
  'watchPostEffect',
  'watchSyncEffect',
  'onLoad',
  'onShow',
]);
/** Vue `watch: { … }` option: its handlers run on their own. */
export const WATCH_OPTION = 'watch';
/** Router guards: they run on navigation, not on a user gesture on the page. */
export const ROUTER_GUARDS: ReadonlySet<string> = new Set([
  'beforeEach',
  'beforeResolve',
  'afterEach',
  'beforeEnter',
  'beforeRouteEnter',
  'beforeRouteUpdate',
  'canActivate',
]);

/** jQuery event shorthands (`$(el).click(fn)`) besides `.on(event, fn)`. */
export const JQUERY_EVENT_METHODS: ReadonlySet<string> = new Set(['on', 'one', 'bind', 'delegate']);

/** Methods that register an event listener: `addEventListener(event, fn)`, jQuery `.on(event, fn)`. */
export const LISTENER_REGISTRATION_METHODS: ReadonlySet<string> = new Set(['addEventListener', 'on', 'one', 'once', 'bind']);

/** A JSX prop or DOM property name for an event handler: `onClick` → `click`, `onclick` → `click`. */
export function eventOfHandlerProperty(name: string): string | undefined {
  if (!/^on[A-Za-z]/u.test(name)) return undefined;
  const rest = name.slice(2);
  if (rest === 'DOMContentLoaded') return rest;
  return rest.toLowerCase() === 'domcontentloaded' ? 'DOMContentLoaded' : rest.toLowerCase();
}

/** Context of a handler for `event`: gesture, automatic or unknown (`change`, `input`, custom events). */
export function contextOfEvent(event: string): 'gesture' | 'automatic' | 'unknown' {
  if (GESTURE_EVENTS.has(event) || GESTURE_EVENTS.has(event.toLowerCase())) return 'gesture';
  if (AUTOMATIC_EVENTS.has(event) || [...AUTOMATIC_EVENTS].some((name) => name.toLowerCase() === event.toLowerCase())) {
    return 'automatic';
  }
  return 'unknown';
}

/**
 * Server frameworks: every route or middleware handler runs on a request, so a redirect there is
 * the server's decision, automatic for the browser.
 */
/** Router methods that register a route: `app.get(path, handler)`, `router.post(path, …handlers)`. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'head',
  'options',
  'route',
]);
/** Middleware registration: `app.use(fn)`, `app.use(path, fn)`. */
export const MIDDLEWARE_METHODS: ReadonlySet<string> = new Set(['use']);
/** Fastify hooks that run for every request: `fastify.addHook('onRequest', fn)`. */
export const FASTIFY_HOOK_METHOD = 'addHook';
/** Nest route decorators on controller methods. */
export const NEST_ROUTE_DECORATORS: ReadonlySet<string> = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);
/** Nest classes that run for every request when registered globally. */
export const NEST_EVERY_REQUEST_INTERFACES: ReadonlySet<string> = new Set(['CanActivate', 'NestInterceptor', 'NestMiddleware']);
/** Next.js App Router route handler exports (`export async function GET(request)`). */
export const NEXT_ROUTE_HANDLER_EXPORTS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/**
 * Keys of a route table entry (`{ type: 'get', path: '/wxAuth', middleware: [check, wxAuth] }`, hapi's
 * `{ method, path, handler }`): the route's path, and the functions that serve it.
 */
export const ROUTE_TABLE_PATH_KEYS: ReadonlySet<string> = new Set(['path', 'url']);
export const ROUTE_TABLE_HANDLER_KEYS: ReadonlySet<string> = new Set(['handler', 'handlers', 'middleware', 'middlewares', 'controller', 'action']);
/**
 * Words of a condition that checks for a signed-in visitor (`if (!ctx.session.user)`), or for the OAuth `code`
 * Weixin sends back (`if (!code)`: a visitor without one has not authorized yet): a page route that redirects under
 * such a condition bounces every new visitor. Matched at the start of words of the condition's text.
 */
export const SESSION_CHECK_WORDS: readonly string[] = ['session', 'user', 'openid', 'token', 'login', 'logged', 'auth', 'cookie', 'uid', 'code'];
/** Words of a route path that make it a login route: the user asked to log in. */
export const LOGIN_ROUTE_WORDS: readonly string[] = ['login', 'auth', 'oauth', 'signin', 'sign-in', 'logon'];
