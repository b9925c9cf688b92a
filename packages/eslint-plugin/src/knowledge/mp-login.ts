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
  /** When set, the page counts only when its query names this parameter (the session token of the console). */
  queryParameter?: string;
  /** What the page does, for messages and docs. */
  purpose: 'password-login' | 'qr-login' | 'console-session';
}

export const MP_LOGIN_ENDPOINTS: readonly MpLoginEndpoint[] = [
  { path: 'cgi-bin/bizlogin', actions: ['startlogin', 'login', 'prelogin', 'validate'], purpose: 'password-login' },
  { path: 'cgi-bin/scanloginqrcode', purpose: 'qr-login' },
  { path: 'cgi-bin/loginqrcode', purpose: 'qr-login' },
  // The logged-in console: its session token rides in the query (`cgi-bin/home?t=home/index&token=…`).
  { path: 'cgi-bin/home', queryParameter: 'token', purpose: 'console-session' },
  // Console pages that scrapers drive with that token once logged in: the account search (`searchbiz`), the
  // published and draft article lists of any account (`appmsgpublish`, `appmsg`), the mass-send history
  // (`newmasssendpage`, `masssendpage`). Each is a page of the logged-in console, never an API.
  { path: 'cgi-bin/searchbiz', queryParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/appmsgpublish', queryParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/appmsg', queryParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/newmasssendpage', queryParameter: 'token', purpose: 'console-session' },
  { path: 'cgi-bin/masssendpage', queryParameter: 'token', purpose: 'console-session' },
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
    if (endpoint.queryParameter && !query.has(endpoint.queryParameter)) continue;
    return endpoint;
  }
  return undefined;
}

/** True for a public article or share page path (no leading slash). */
export function isMpPublicPath(path: string): boolean {
  const normalized = path.replace(/^\/+/u, '');
  return normalized === 's' || MP_PUBLIC_PATH_PREFIXES.some((prefix) => normalized.startsWith(prefix));
}
