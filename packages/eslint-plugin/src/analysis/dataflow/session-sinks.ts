import type { TSESTree } from '@typescript-eslint/utils';
import { GENERIC_STORE_WRITE_METHODS, KEYED_STORE_WRITE_METHODS, PROJECT_STORE_MODULE_WORDS } from '../../knowledge/backend-stores.js';
import { HEADER_SET_METHODS } from '../../knowledge/mp-login.js';
import { RESPONSE_METHODS, RESPONSE_NAMES } from '../../knowledge/plaintext-stores.js';
import { isProjectModule } from '../../knowledge/sdk-modules.js';
import { identifierWords } from '../../util/name-words.js';
import { literalString, propertyKeyName, unwrap } from '../ast.js';
import { calleeName, type DataFlow, staticPropertyName } from './engine.js';
import { plaintextSinkOf } from './sinks.js';

type Node = TSESTree.Node;

/**
 * Where a value is kept for later or handed on to someone else: what a login session may not be (the console
 * session of mp.weixin.qq.com, docs/rules/no-platform-login-automation.md). Unlike the plain-text sinks of
 * sinks.ts, any keeping counts (a database, a file, a cookie jar, encrypted or not) and so does forwarding it as a
 * request's `Cookie` header or in a response.
 */
export interface KeepSink {
  /** The value kept or forwarded. */
  readonly value: Node;
  readonly action: 'stored' | 'forwarded';
}

const COOKIE = 'cookie';

/** `Cookie`, `cookie`, `Set-Cookie`: a header that carries cookies. */
function isCookieHeaderName(name: string | undefined): boolean {
  const lower = name?.toLowerCase();
  return lower === COOKIE || lower === 'cookies' || lower === `set-${COOKIE}`;
}

/** An object literal of request headers: a `headers` property's value, or a `new Headers({…})` argument. */
function isHeaderObject(node: Node | undefined): boolean {
  if (node?.type !== 'ObjectExpression') return false;
  const parent = node.parent;
  if (parent?.type === 'Property' && parent.value === node) return propertyKeyName(parent)?.toLowerCase() === 'headers';
  return parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Headers';
}

/** `res`, `response`, `reply`, `ctx.res`: the server's response (not a request builder's `.send`). */
function isResponseObject(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === 'Identifier') return RESPONSE_NAMES.has(target.name);
  return target.type === 'MemberExpression' && RESPONSE_NAMES.has(staticPropertyName(target) ?? '');
}

/** A function imported from one of the project's own modules whose path says it keeps data (`../storage/db.js`). */
function isProjectStoreFunction(callee: Node, flow: DataFlow): boolean {
  let root = unwrap(callee);
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  if (root.type !== 'Identifier') return false;
  const module = flow.moduleOf(root);
  if (!module || !isProjectModule(module)) return false;
  return module.split(/[/.\\]/u).some((segment) => identifierWords(segment).some((word) => PROJECT_STORE_MODULE_WORDS.has(word)));
}

/** The values a call, assignment or header property keeps or forwards. */
export function keepSinksOf(node: TSESTree.CallExpression | TSESTree.AssignmentExpression | TSESTree.Property, flow: DataFlow): KeepSink[] {
  if (node.type === 'Property') {
    // `headers: { Cookie: … }`, `new Headers({ cookie: … })`.
    return isCookieHeaderName(propertyKeyName(node)) && isHeaderObject(node.parent) ? [{ value: node.value, action: 'forwarded' }] : [];
  }
  const plain = plaintextSinkOf(node, flow, { eggDefaults: false });
  if (plain && plain.kind !== 'log') {
    const action = plain.kind === 'response' ? 'forwarded' : 'stored';
    return plain.values.map((value) => ({ value, action }));
  }
  if (node.type === 'AssignmentExpression') {
    const left = unwrap(node.left);
    // `headers.Cookie = …`, `options.cookies = …`: a request's cookie header.
    if (left.type === 'MemberExpression' && isCookieHeaderName(staticPropertyName(left))) return [{ value: node.right, action: 'forwarded' }];
    return [];
  }
  const name = calleeName(node);
  if (!name) return [];
  const callee = unwrap(node.callee);
  const args = node.arguments as Node[];
  if (callee.type !== 'MemberExpression') {
    return isProjectStoreFunction(callee, flow) ? args.map((value) => ({ value, action: 'stored' as const })) : [];
  }
  // `.set('Cookie', …)` (superagent), `.setHeader('Cookie', …)`, `headers.append('Cookie', …)`.
  if (HEADER_SET_METHODS.has(name) && isCookieHeaderName(literalString(args[0]))) {
    return args[1] ? [{ value: args[1], action: 'forwarded' }] : [];
  }
  // A cookie jar (`jar.setCookie`, `setCookieSync`), `page.setCookie(...)`.
  const words = identifierWords(name);
  if (words.includes(COOKIE) && words[0] === 'set') return args.map((value) => ({ value, action: 'stored' as const }));
  if (GENERIC_STORE_WRITE_METHODS.has(name)) {
    // The key of a key-value store, or a file's path, is not the value kept.
    const kept = KEYED_STORE_WRITE_METHODS.has(name) ? args.slice(1) : args;
    return kept.map((value) => ({ value, action: 'stored' as const }));
  }
  if (RESPONSE_METHODS.has(name) && isResponseObject(callee.object)) return args.map((value) => ({ value, action: 'forwarded' as const }));
  if (isProjectStoreFunction(callee, flow)) return args.map((value) => ({ value, action: 'stored' as const }));
  return [];
}
