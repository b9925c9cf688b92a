import type { TSESTree } from '@typescript-eslint/utils';
import { TRACKER_BY_GLOBAL, TRACKER_BY_MODULE, type TrackerSdk } from '../../knowledge/trackers.js';
import type { ResolvedSettings } from '../../util/settings.js';
import type { HttpRequest } from '../requests.js';
import { classifyOrigin, hostMatchesSetting, parseUrl, type StringValue } from '../values.js';
import type { DataFlow } from './engine.js';
import { globalPath } from './sinks.js';

/** Where a value is sent, as far as the URL tells (docs/architecture.md, own origin). */
export type Destination =
  | { kind: 'own' | 'weixin' | 'allowed' | 'non-web' }
  | { kind: 'third-party'; host: string }
  | { kind: 'unresolved' };

/**
 * The destination of a set of URL values: third party when any value is on a host that is neither own, Weixin
 * nor in `allowedHosts`; unresolved when a value's host cannot be told (a dynamic or attacker-controlled start);
 * otherwise own/Weixin/allowed.
 */
export function destinationOfUrls(
  values: readonly StringValue[],
  settings: Pick<ResolvedSettings, 'ownHosts' | 'allowedHosts'>,
): Destination {
  if (values.length === 0) return { kind: 'unresolved' };
  let unresolved = false;
  let result: Destination = { kind: 'own' };
  for (const value of values) {
    const origin = classifyOrigin(value, settings);
    if (origin === 'third-party') {
      const host = parseUrl(value).host;
      if (host && settings.allowedHosts.some((pattern) => hostMatchesSetting(host, pattern))) {
        result = { kind: 'allowed' };
        continue;
      }
      return { kind: 'third-party', host: host ?? '?' };
    }
    if (origin === 'unknown' || origin === 'attacker') unresolved = true;
    else if (origin === 'weixin' || origin === 'non-web') result = { kind: origin };
  }
  return unresolved ? { kind: 'unresolved' } : result;
}

/** The parts of a request that carry data to its destination: URL (query string), query, body, headers, chain. */
export function requestPayload(request: HttpRequest): TSESTree.Node[] {
  const parts: TSESTree.Node[] = [];
  for (const node of [request.urlNode, request.query, request.body, request.headers]) if (node) parts.push(node);
  for (const call of request.chain) for (const argument of call.arguments) parts.push(argument);
  if (!request.throughWrapper && (parts.length === 0 || (!request.body && !request.options))) {
    // `fetch(url, init)` where init is not a literal: its data is in the second argument. A wrapper's other
    // arguments are left out: its summary names the ones that reach the request (analysis/project/link.ts).
    for (const argument of request.node.arguments.slice(1)) if (!parts.includes(argument)) parts.push(argument);
  }
  return parts;
}

/**
 * The analytics, ads, error-tracking or session-replay SDK a call goes to (knowledge/trackers.ts): a free global
 * its snippet defines (`gtag(…)`, `_hmt.push(…)`, `window.sensors.track(…)`), or a binding imported or required
 * from its module (`Sentry.setUser(…)`, `ReactGA.set(…)`, `import { setUser } from '@sentry/vue'`).
 */
export function trackerOfCall(call: TSESTree.CallExpression, flow: DataFlow): TrackerSdk | undefined {
  let root: TSESTree.Node = call.callee;
  for (let steps = 0; steps < 16; steps++) {
    if (root.type === 'ChainExpression' || root.type === 'TSNonNullExpression') root = root.expression;
    else if (root.type === 'MemberExpression') root = root.object;
    else break;
  }
  if (root.type !== 'Identifier') return undefined;
  const module = flow.moduleOf(root);
  if (module) return TRACKER_BY_MODULE.get(module);
  const path = globalPath(call.callee, flow);
  if (!path) return undefined;
  return TRACKER_BY_GLOBAL.get(path.split('.')[0]);
}
