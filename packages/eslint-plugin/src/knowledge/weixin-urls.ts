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

/**
 * XML namespace names (`<svg xmlns="http://www.w3.org/2000/svg">`, `createElementNS(…)`): identifiers that are
 * written as `http://` URLs by their specifications and are never requested, so `https://` would change their
 * meaning rather than protect anything.
 */
export const XML_NAMESPACE_URIS: readonly string[] = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/xml/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/1998/math/mathml',
];

/**
 * Elements whose `src` is passive content (an image or media file): browsers never run it, and load it over
 * `https://` or block it on a secure page (mixed content), so a public image over `http://` carries no code.
 */
export const PASSIVE_CONTENT_ELEMENTS: ReadonlySet<string> = new Set(['img', 'picture', 'source', 'video', 'audio']);

/** True when the text at `index` of the lower-cased `text` starts an XML namespace name. */
export function isXmlNamespaceAt(lowerText: string, index: number): boolean {
  return XML_NAMESPACE_URIS.some((uri) => {
    if (!lowerText.startsWith(uri, index)) return false;
    const next = lowerText.charAt(index + uri.length);
    // The whole name, not a longer path under it.
    return next === '' || !/[\w/.-]/u.test(next) || uri.endsWith('/');
  });
}

/** Private IPv4 networks (RFC 1918) and link-local addresses: hosts on the developer's own network. */
export function isPrivateAddress(host: string): boolean {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/u.test(part))) return false;
  const [a, b] = parts.map(Number);
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/**
 * Sites that host many unrelated projects' pages (`package.json` `homepage` often points at the repository): a
 * project's homepage there makes only that exact host its own, never the whole site.
 */
export const SHARED_HOSTING_DOMAINS: readonly string[] = ['github.com', 'gitee.com', 'gitlab.com', 'npmjs.com', 'bitbucket.org', 'coding.net'];

/** The query parameter of a Weixin OAuth authorize URL that names the project's own page (web authorization domain). */
export const OAUTH_REDIRECT_PARAM = 'redirect_uri';
