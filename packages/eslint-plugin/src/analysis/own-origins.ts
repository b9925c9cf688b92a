import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getDomain } from 'tldts';
import { SDK_URL_METHODS } from '../knowledge/sdk-modules.js';
import {
  isLocalHost,
  isPrivateAddress,
  isWeixinHost,
  OAUTH_REDIRECT_PARAM,
  SHARED_HOSTING_DOMAINS,
} from '../knowledge/weixin-urls.js';
import { findVariable, memberName, propertyKeyName, unwrap } from './ast.js';
import { kindsOfName } from './dataflow/index.js';
import type { FileAnalysis } from './index.js';
import { parseUrl, parseUrlText, textOf, urlsInText, type UrlInfo } from './values.js';

/**
 * The project's own origins known without configuration (docs/architecture.md, own origin): what the code itself
 * shows is the project's own, added to the `ownHosts` setting by the rules that tell own sites from others.
 *
 * - loopback and private addresses (`localhost`, `192.168.1.20`) the file names: the developer's own machines;
 * - the host of the page Weixin's OAuth sends the user back to (`redirect_uri=` of an authorize URL, the first
 *   argument of an SDK's `getAuthorizeURL`): it must be the account's registered web authorization domain, so it
 *   is the project's own site — and so is every host of the same registrable domain (`www.shop.example.cn` and
 *   `api.shop.example.cn` for `m.shop.example.cn`);
 * - the `homepage` of the nearest `package.json` (up to the working folder), the same way;
 * - the host whose response hands the code a user's openid or unionid (`const { openId } = await (await
 *   fetch('https://sso.shop.example.cn/qr-status')).json()`): an openid is issued only to the account that holds
 *   the AppSecret, so the site that answers with it is the account's own back end — and sending the identity back
 *   to that site tells it nothing new.
 */
export interface OwnOrigin {
  /** A host pattern in the `ownHosts` syntax (`example.com`, `.example.com`). */
  pattern: string;
  /** Why it is own, for the CLI to show. */
  reason: 'local-address' | 'oauth-redirect' | 'package-homepage' | 'identity-source';
  /** The host the evidence named. */
  host: string;
}

const cache = new WeakMap<object, readonly OwnOrigin[]>();

/** The own origins a file's code shows, computed once per file. */
export function ownOriginsOf(analysis: FileAnalysis): readonly OwnOrigin[] {
  const cached = cache.get(analysis.sourceCode);
  if (cached) return cached;
  const origins: OwnOrigin[] = [];
  const seen = new Set<string>();
  const add = (host: string, reason: OwnOrigin['reason']) => {
    for (const pattern of patternsFor(host, reason)) {
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      origins.push({ pattern, reason, host });
    }
  };
  for (const text of stringTexts(analysis)) {
    for (const host of hostsIn(text)) if (isLocalHost(host) || isPrivateAddress(host)) add(host, 'local-address');
    for (const host of redirectHostsIn(text)) add(host, 'oauth-redirect');
  }
  for (const call of analysis.nodes.ofType('CallExpression')) {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') continue;
    if (!(callee.property.name in SDK_URL_METHODS) || call.arguments.length === 0) continue;
    for (const value of analysis.values.valuesOf(call.arguments[0])) {
      const text = textOf(value);
      const host = text === undefined ? undefined : parseUrl(value).host;
      if (host) add(host, 'oauth-redirect');
    }
  }
  const scopeManager = analysis.sourceCode.scopeManager;
  if (scopeManager) {
    for (const request of analysis.requests) {
      const hosts = request.url.map((value) => parseUrl(value)).filter((url) => url.form === 'absolute' && url.host);
      if (hosts.length === 0 || !responseNamesIdentity(request.node, scopeManager)) continue;
      for (const url of hosts) add(url.host as string, 'identity-source');
    }
  }
  const homepage = projectHomepageHost(path.dirname(analysis.filename), analysis.cwd);
  if (homepage) add(homepage, 'package-homepage');
  cache.set(analysis.sourceCode, origins);
  return origins;
}

/** The `ownHosts` patterns of a file's own origins. */
export function ownHostPatterns(analysis: FileAnalysis): string[] {
  return ownOriginsOf(analysis).map((origin) => origin.pattern);
}

/** Names of a user's identity issued by the platform to one account only. */
const ISSUED_IDENTITY_KINDS: ReadonlySet<string> = new Set(['openid', 'unionid']);

const namesIdentity = (name: string | undefined): boolean =>
  name !== undefined && kindsOfName(name).some((kind) => ISSUED_IDENTITY_KINDS.has(kind));

/**
 * True when the response of a request is read for an openid or unionid: through `await`, `.json()`/`.data`,
 * `.then(cb)` and destructuring, a few steps deep (`const res = await fetch(u); const { openId } = await res.json()`).
 */
function responseNamesIdentity(call: TSESTree.CallExpression, scopeManager: TSESLint.Scope.ScopeManager): boolean {
  const ofExpression = (expression: TSESTree.Node, depth: number): boolean => {
    if (depth > 4) return false;
    let current = expression;
    while (current.parent?.type === 'AwaitExpression' || current.parent?.type === 'TSNonNullExpression') current = current.parent;
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === 'VariableDeclarator' && parent.init === current) return ofBinding(parent.id, depth + 1);
    if (parent.type === 'MemberExpression' && parent.object === current) {
      const name = memberName(parent);
      if (namesIdentity(name)) return true;
      const user = parent.parent;
      if (name === 'then' && user?.type === 'CallExpression' && user.callee === parent) {
        const callback = user.arguments[0] ? unwrap(user.arguments[0]) : undefined;
        const param = callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') ? callback.params[0] : undefined;
        return !!param && ofBinding(param, depth + 1);
      }
      // `res.json()`, `res.data`: the response's content.
      return ofExpression(user?.type === 'CallExpression' && user.callee === parent ? user : parent, depth + 1);
    }
    return false;
  };
  const ofBinding = (target: TSESTree.Node, depth: number): boolean => {
    if (depth > 4) return false;
    if (target.type === 'ObjectPattern') {
      return target.properties.some((property) => {
        if (property.type !== 'Property') return false;
        return namesIdentity(propertyKeyName(property)) || ofBinding(property.value, depth + 1);
      });
    }
    if (target.type === 'AssignmentPattern') return ofBinding(target.left, depth);
    if (target.type !== 'Identifier') return false;
    const variable = findVariable(scopeManager, target);
    return !!variable?.references.some((reference) => reference.identifier !== target && reference.isRead() && ofExpression(reference.identifier, depth + 1));
  };
  return ofExpression(call, 0);
}

function patternsFor(host: string, reason: OwnOrigin['reason']): string[] {
  const lower = host.toLowerCase();
  if (!lower || isWeixinHost(lower)) return [];
  if (reason === 'local-address') return [lower];
  const domain = getDomain(lower, { allowPrivateDomains: true });
  if (!domain || SHARED_HOSTING_DOMAINS.includes(domain)) return [lower];
  return [domain, `.${domain}`];
}

/** The static text of every string literal and template piece of the file. */
function stringTexts(analysis: FileAnalysis): string[] {
  const texts: string[] = [];
  for (const literal of analysis.nodes.ofType('Literal')) {
    if (typeof literal.value === 'string' && literal.value.includes('://')) texts.push(literal.value);
  }
  for (const element of analysis.nodes.ofType('TemplateElement') as readonly TSESTree.TemplateElement[]) {
    const text = element.value.cooked ?? element.value.raw;
    if (text.includes('://')) texts.push(text);
  }
  return texts;
}

/** Hosts of the `http(s)://host` URLs written in a text, as the one URL parser reads them (analysis/values.ts). */
function hostsIn(text: string): string[] {
  return [...urlsInText(text, 'http'), ...urlsInText(text, 'https')].map(({ url }) => url.host).filter((host): host is string => !!host);
}

/** Hosts of `redirect_uri=` values (plain or URL-encoded) of the URLs written in a text. */
function redirectHostsIn(text: string): string[] {
  const hosts: string[] = [];
  const urls = [...urlsInText(text, 'http'), ...urlsInText(text, 'https')];
  // A fragment of an authorize URL (`…&redirect_uri=https%3A%2F%2F…`) is no URL of its own: read it as a query.
  const queries: UrlInfo[] = urls.length > 0 ? urls.map(({ url }) => url) : text.includes(`${OAUTH_REDIRECT_PARAM}=`) ? [parseUrlText(`?${text.slice(text.indexOf('?') + 1)}`)] : [];
  for (const url of queries) {
    const redirect = url.query.get(OAUTH_REDIRECT_PARAM);
    const host = redirect === undefined ? undefined : webHostOf(redirect);
    if (host) hosts.push(host);
  }
  return hosts;
}

/** The host of an absolute `http(s)://` URL text, by the one URL parser. */
function webHostOf(text: string): string | undefined {
  const url = parseUrlText(text.trim());
  return url.form === 'absolute' && (url.scheme === 'http' || url.scheme === 'https') ? url.host : undefined;
}

const homepages = new Map<string, string | undefined>();

/** The host of the `homepage` of the nearest `package.json` from `directory` up to `cwd`. */
export function projectHomepageHost(directory: string, cwd: string): string | undefined {
  if (homepages.has(directory)) return homepages.get(directory);
  let host: string | undefined;
  let found = false;
  try {
    const text = readFileSync(path.join(directory, 'package.json'), 'utf8');
    found = true;
    const homepage = (JSON.parse(text) as { homepage?: unknown }).homepage;
    if (typeof homepage === 'string') host = webHostOf(homepage);
  } catch {
    // No package.json here (or not JSON): look in the folder above.
  }
  const parent = path.dirname(directory);
  const inside = path.relative(cwd, directory);
  if (!found && parent !== directory && inside !== '' && !inside.startsWith('..')) host = projectHomepageHost(parent, cwd);
  homepages.set(directory, host);
  return host;
}
