import type { TSESTree } from '@typescript-eslint/utils';
import { matchMpLoginEndpoint, MP_HOST, type MpLoginEndpoint } from '../knowledge/mp-login.js';
import { memberName, unwrap } from './ast.js';
import type { NodeIndex } from './node-index.js';
import { type HttpRequest, requestReceiver } from './requests.js';
import { formParameterNames, objectProperties, parseUrl, type StaticValues, type StringValue } from './values.js';

/**
 * A request to a page of the mp.weixin.qq.com console (docs/architecture.md, facts): its login, QR-login and
 * front pages, and the console pages a script drives with the session token once logged in. Whatever carries it:
 * any HTTP client or project helper (analysis/requests.ts), a browser automation, or a frame whose `src` is set to
 * the page.
 */
export interface ConsoleRequest {
  /** The request call, or the `frame.src = …` assignment. */
  readonly node: TSESTree.CallExpression | TSESTree.AssignmentExpression;
  readonly endpoint: MpLoginEndpoint;
  /** The page's path as requested, without the leading slash (`cgi-bin/bizlogin`); `/` for the front page. */
  readonly path: string;
  /** The Puppeteer/Playwright page or Electron window that opened it, when a browser automation did. */
  readonly automation: TSESTree.Node | undefined;
}

/** Parameter names a request's query or body object, or its form-encoded body text, carries. */
function parameterNames(node: TSESTree.Node | undefined, values: StaticValues): { names: Set<string>; complete: boolean } {
  if (!node) return { names: new Set(), complete: true };
  const object = values.objectOf(node);
  if (object) {
    const names = new Set(objectProperties(object).map(({ key }) => key));
    return { names, complete: object.properties.every((property) => property.type === 'Property') };
  }
  const names = new Set<string>();
  for (const value of values.valuesOf(node)) for (const name of formParameterNames(value)) names.add(name);
  return { names, complete: false };
}

/** The console page a URL value names, given what the request adds to its query and body. */
function consolePage(
  value: StringValue,
  request: { query?: TSESTree.Node; body?: TSESTree.Node; automation: boolean },
  values: StaticValues,
): { endpoint: MpLoginEndpoint; path: string } | undefined {
  const url = parseUrl(value);
  if (url.host !== MP_HOST) return undefined;
  const query = new Map(url.query);
  let complete = url.queryComplete;
  if (request.query) {
    const queryObject = values.objectOf(request.query);
    const action = queryObject ? objectProperties(queryObject).find(({ key }) => key === 'action') : undefined;
    if (action) query.set('action', values.textOf(action.value));
    const added = parameterNames(request.query, values);
    for (const name of added.names) if (!query.has(name)) query.set(name, undefined);
    complete &&= added.complete;
  }
  const bodyParameters = parameterNames(request.body, values).names;
  const endpoint = matchMpLoginEndpoint(url.path, query, complete, { browserAutomation: request.automation, bodyParameters });
  if (!endpoint) return undefined;
  return { endpoint, path: endpoint.path === '' ? '/' : endpoint.path };
}

/** Every request of the file to a console page, and every frame pointed at one. */
export function findConsoleRequests(requests: readonly HttpRequest[], values: StaticValues, nodes: NodeIndex): ConsoleRequest[] {
  const found: ConsoleRequest[] = [];
  for (const request of requests) {
    const automation = request.client === 'browser-automation' || request.client === 'electron';
    for (const value of request.url) {
      const page = consolePage(value, { query: request.query, body: request.body, automation }, values);
      if (page) {
        found.push({ node: request.node, ...page, automation: automation ? requestReceiver(request) : undefined });
        break;
      }
    }
  }
  // `frame.src = 'https://mp.weixin.qq.com/cgi-bin/appmsg?…&token=' + token`: the page loads inside this one.
  for (const assignment of nodes.ofType('AssignmentExpression')) {
    const target = unwrap(assignment.left);
    if (assignment.operator !== '=' || target.type !== 'MemberExpression' || target.computed || memberName(target) !== 'src') continue;
    for (const value of values.valuesOf(assignment.right)) {
      const page = consolePage(value, { automation: false }, values);
      if (page) {
        found.push({ node: assignment, ...page, automation: undefined });
        break;
      }
    }
  }
  return found;
}
