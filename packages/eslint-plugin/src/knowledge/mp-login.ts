/**
 * The Official Accounts Platform's own login (clause S5): tools that log users in to mp.weixin.qq.com
 * automatically ("proxy login") drive these pages and carry these session cookies.
 */
import { MP_HOST } from './weixin-urls.js';

export { MP_HOST };

/** A console page of mp.weixin.qq.com that login automation requests. */
export interface MpLoginEndpoint {
  /** Path without the leading slash. */
  path: string;
  /** When set, only these values of the `action` query parameter are login steps; otherwise any request is. */
  actions?: readonly string[];
  /**
   * When set, the page counts only when the request carries this parameter (the session token of the console), in
   * its query or, for the console's own form posts, in its `application/x-www-form-urlencoded` body.
   */
  sessionParameter?: string;
  /** When set, the page counts only when a browser automation opens it (a script fetching it proves nothing). */
  automationOnly?: boolean;
  /** What the page does, for messages and docs. */
  purpose: 'password-login' | 'qr-login' | 'login-page' | 'console-session';
}

export const MP_LOGIN_ENDPOINTS: readonly MpLoginEndpoint[] = [
  { path: 'cgi-bin/bizlogin', actions: ['startlogin', 'login', 'prelogin', 'validate'], purpose: 'password-login' },
  { path: 'cgi-bin/scanloginqrcode', purpose: 'qr-login' },
  { path: 'cgi-bin/loginqrcode', purpose: 'qr-login' },
  // The console's front page is its login page: a Puppeteer or Electron window opened on it (often with a kept
  // browser profile) waits for the scan and then drives the logged-in console.
  { path: '', automationOnly: true, purpose: 'login-page' },
  { path: 'cgi-bin/loginpage', purpose: 'login-page' },
  // The logged-in console: its session token rides in the query (`cgi-bin/home?t=home/index&token=…`).
  { path: 'cgi-bin/home', sessionParameter: 'token', purpose: 'console-session' },
  // Console pages that scrapers drive with that token once logged in: the account search (`searchbiz`), the
  // published and draft article lists of any account (`appmsgpublish`, `appmsg`), the mass-send history
  // (`newmasssendpage`, `masssendpage`). Each is a page of the logged-in console, never an API.
  { path: 'cgi-bin/searchbiz', sessionParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/appmsgpublish', sessionParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/appmsg', sessionParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/newmasssendpage', sessionParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/masssendpage', sessionParameter: 'token', purpose: 'console-session' },
  // The console's own form posts, which scripts injected into the logged-in console replay: deleting articles and
  // drafts (`operate_appmsg`), listing and tagging followers (`user_tag`). The official API for these lives on
  // api.weixin.qq.com; these paths answer only with the console's cookies and token.
  { path: 'cgi-bin/operate_appmsg', sessionParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/user_tag', sessionParameter: 'token', purpose: 'console-session' },
];

/** Session cookies of a logged-in mp.weixin.qq.com console. */
export const MP_SESSION_COOKIES: readonly string[] = [
  'slave_sid',
  'slave_user',
  'data_ticket',
  'bizuin',
  'data_bizuin',
  'rand_info',
];

/** Cookie names that only the platform console uses; `bizuin`/`data_bizuin` alone also name article parameters. */
export const MP_DISTINCTIVE_SESSION_COOKIES: ReadonlySet<string> = new Set(['slave_sid', 'slave_user', 'data_ticket', 'rand_info']);

/** Where a response keeps the cookies it set: `headers['set-cookie']`, a wrapper's parsed `cookies`. */
export const SET_COOKIE_HEADER = 'set-cookie';
/** Properties of a response that hold the cookies it set, already parsed (a project wrapper's `response.cookies`). */
export const RESPONSE_COOKIE_PROPERTIES: ReadonlySet<string> = new Set(['cookies']);
/** Calls on a response's headers that read its cookies: `getSetCookie()`, node-fetch's `raw()['set-cookie']`. */
export const SET_COOKIE_READ_METHODS: ReadonlySet<string> = new Set(['getSetCookie']);
/** Calls on a Puppeteer/Playwright page or context that read the cookies of the site it shows. */
export const PAGE_COOKIE_READ_METHODS: ReadonlySet<string> = new Set(['cookies']);
/** Calls on a Puppeteer/Playwright page or an Electron window's contents that give the address it shows. */
export const PAGE_URL_METHODS: ReadonlySet<string> = new Set(['url', 'getURL']);
/** The query parameter of a console address that holds the session token (`cgi-bin/home?t=home/index&token=…`). */
export const MP_SESSION_TOKEN_PARAMETER = 'token';

/**
 * Calls that forward a cookie string as a request header: superagent `.set('Cookie', …)`, node `setHeader`,
 * `headers.append('Cookie', …)`.
 */
export const HEADER_SET_METHODS: ReadonlySet<string> = new Set(['set', 'setHeader', 'header', 'append']);

/**
 * Public pages of mp.weixin.qq.com that anyone may link to or fetch: articles (`/s/…`, `/s?__biz=…`) and share
 * pages under `/mp/…`.
 */
export const MP_PUBLIC_PATH_PREFIXES: readonly string[] = ['s/', 's?', 'mp/'];

/** The password field of the bizlogin body: `pwd: md5(password)`. */
export const MP_LOGIN_PASSWORD_FIELD = 'pwd';
/** Hash functions whose result in `pwd` marks a scripted password login. */
export const MP_LOGIN_PASSWORD_HASHES: readonly string[] = ['md5', 'MD5', 'md5Hex', 'hexMD5', 'hex_md5'];

/**
 * The login endpoint a path and query of mp.weixin.qq.com hit, or undefined. `path` has no leading slash;
 * `query` maps known parameter names to their known value (undefined when dynamic); `queryComplete` says
 * whether every parameter is known (an unknown tail may still carry `action`).
 */
export function matchMpLoginEndpoint(
  path: string,
  query: ReadonlyMap<string, string | undefined>,
  queryComplete: boolean,
  request: { browserAutomation?: boolean; bodyParameters?: ReadonlySet<string> } = {},
): MpLoginEndpoint | undefined {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  const normalized = path.slice(start, end);
  for (const endpoint of MP_LOGIN_ENDPOINTS) {
    if (normalized !== endpoint.path) continue;
    if (endpoint.actions) {
      const action = query.get('action');
      if (action !== undefined && endpoint.actions.includes(action)) return endpoint;
      // `bizlogin` has no other use than logging in: with the action unknown, it is still a login request.
      if (!query.has('action') && !queryComplete) return endpoint;
      if (query.has('action') && action === undefined) return endpoint;
      continue;
    }
    if (endpoint.automationOnly && !request.browserAutomation) continue;
    if (endpoint.sessionParameter && !query.has(endpoint.sessionParameter) && !request.bodyParameters?.has(endpoint.sessionParameter)) continue;
    return endpoint;
  }
  return undefined;
}

/** True for a public article or share page path (no leading slash). */
export function isMpPublicPath(path: string): boolean {
  const normalized = path.replace(/^\/+/u, '');
  return normalized === 's' || MP_PUBLIC_PATH_PREFIXES.some((prefix) => normalized.startsWith(prefix));
}
