/**
 * Weixin hosts and URLs the rules recognise. Every rule reads hosts and URL prefixes from here;
 * no rule repeats them.
 */

/** The OAuth 2.0 authorize page of Official Accounts (web authorization). */
export const OAUTH_AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';
/** Published Official Account articles. */
export const MP_ARTICLE_URL_PREFIX = 'https://mp.weixin.qq.com/s/';

/** The Official Account API host (`https://api.weixin.qq.com/cgi-bin/…`, `/sns/…`). */
export const API_HOST = 'api.weixin.qq.com';
/** The Official Accounts Platform console, its login pages and public article pages. */
export const MP_HOST = 'mp.weixin.qq.com';
/** OAuth authorize pages (`/connect/oauth2/authorize`, `/connect/qrconnect`). */
export const OPEN_HOST = 'open.weixin.qq.com';
/** Base URL of node-easywechat's HTTP client (`app.getClient().get('/cgi-bin/…')`). */
export const API_BASE_URL = `https://${API_HOST}`;

/**
 * Weixin host domains: the hosts themselves and every subdomain (`api.weixin.qq.com`, `res.wx.qq.com`).
 * They are neither own nor third party: each rule says how it treats them.
 */
export const WEIXIN_HOST_DOMAINS: readonly string[] = ['weixin.qq.com', 'wx.qq.com'];

/** Hosts that never leave the developer's machine: `http://` to them is not a finding (require-https). */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1'];
/** Host suffixes of local networks (`printer.local`, `app.localhost`). */
export const LOCAL_HOST_SUFFIXES: readonly string[] = ['.local', '.localhost'];

function hostMatchesDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** `api.weixin.qq.com`, `res.wx.qq.com`, `weixin.qq.com` — lower-case host without port. */
export function isWeixinHost(host: string): boolean {
  const lower = host.toLowerCase();
  return WEIXIN_HOST_DOMAINS.some((domain) => hostMatchesDomain(lower, domain));
}

/** localhost, loopback addresses and `*.local`/`*.localhost`. */
export function isLocalHost(host: string): boolean {
  const lower = host.toLowerCase();
  return LOCAL_HOSTS.includes(lower) || LOCAL_HOST_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/**
 * True when `host` is `pattern` or (for a pattern `*.example.com` or `.example.com`) one of its subdomains. Both are
 * hosts already read out of their URL or setting (analysis/values.ts `hostMatchesSetting` parses a setting written as
 * a URL or with a port first).
 */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const lowerHost = host.toLowerCase();
  const lowerPattern = pattern.toLowerCase();
  if (lowerPattern.startsWith('*.')) return hostMatchesDomain(lowerHost, lowerPattern.slice(2)) && lowerHost !== lowerPattern.slice(2);
  if (lowerPattern.startsWith('.')) return lowerHost.endsWith(lowerPattern);
  return lowerHost === lowerPattern;
}
