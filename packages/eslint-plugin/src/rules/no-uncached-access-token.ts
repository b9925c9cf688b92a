import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ApiCall, childNodes, type SdkClient } from '../analysis/api-calls.js';
import { objectProperty } from '../analysis/values.js';
import { enclosingLoop, enclosingMessageHandler, functionName, hasCacheCheck } from '../analysis/api-call-placement.js';
import { enclosingFunction, isFunctionNode, memberName, unwrap } from '../analysis/ast.js';
import { getApiCalls, getFileAnalysis } from '../analysis/index.js';
import { createRule } from '../util/createRule.js';
import { identifierWords } from '../util/name-words.js';

type MessageIds = 'perRequest' | 'inLoop' | 'noCache' | 'forceRefresh' | 'clientPerRequest' | 'clearedBeforeBatch';

/** Words of a function name that make it a cache refresher: it fetches on purpose, its callers check expiry. */
const REFRESH_WORDS = new Set(['refresh', 'renew', 'reload', 'rotate', 'force']);
/** Name words of a token cache (`tokenCache`, `cache.access_token`, `redis.del('wx:ticket')`). */
const TOKEN_WORDS = new Set(['token', 'ticket']);
const CACHE_WRITE_WORDS = new Set(['cache', 'cached', 'token', 'ticket', 'expire', 'expires', 'expiry', 'expiration', 'store']);
const DELETE_METHODS = new Set(['del', 'delete', 'remove', 'removeItem', 'unlink', 'clear', 'evict', 'invalidate']);

function nameHasWord(name: string | undefined, words: ReadonlySet<string>): boolean {
  return !!name && identifierWords(name).some((word) => words.has(word));
}

function namesOf(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current: TSESTree.Node | undefined = unwrap(node);
  for (let steps = 0; current && steps < 20; steps++) {
    if (current.type === 'Identifier') {
      names.push(current.name);
      break;
    }
    if (current.type === 'Literal' && typeof current.value === 'string') {
      names.push(current.value);
      break;
    }
    if (current.type === 'MemberExpression') {
      const name = memberName(current);
      if (name) names.push(name);
      current = unwrap(current.object);
      continue;
    }
    break;
  }
  return names;
}

function mentionsToken(node: TSESTree.Node): boolean {
  return namesOf(node).some((name) => nameHasWord(name, TOKEN_WORDS));
}

/** A function value handed to something else (a timer, a memoizer, an SDK's getToken): it does not run per call site. */
function isPassedAsValue(fn: TSESTree.FunctionLike, scopeManager: TSESLint.Scope.ScopeManager | null): boolean {
  const parent = fn.parent;
  if (parent?.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return true;
  if (parent?.type === 'NewExpression') return true;
  const name = fn.type === 'FunctionDeclaration' ? fn.id : parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id : undefined;
  if (!name || !scopeManager) return false;
  const declared = fn.type === 'FunctionDeclaration' ? scopeManager.getDeclaredVariables(fn)[0] : scopeManager.getDeclaredVariables(parent as TSESTree.VariableDeclarator)[0];
  return (
    declared?.references.some((reference) => {
      const use = reference.identifier.parent;
      return (use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.arguments.includes(reference.identifier as TSESTree.CallExpressionArgument);
    }) ?? false
  );
}

/** The function stores what it fetched in a cache, a token field or a store: it is the cache's refresher. */
function writesCache(fn: TSESTree.FunctionLike): boolean {
  if (!fn.body) return false;
  const stack: TSESTree.Node[] = [fn.body];
  let steps = 0;
  while (stack.length > 0 && steps++ < 20_000) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'AssignmentExpression') {
      const target = unwrap(node.left);
      // `token = …` on a local is no cache; `this.token = …`, `cache.token = …` and outer variables are.
      if (target.type === 'MemberExpression' && namesOf(target).some((name) => nameHasWord(name, CACHE_WRITE_WORDS))) return true;
      if (target.type === 'Identifier' && nameHasWord(target.name, CACHE_WRITE_WORDS)) return true;
    }
    if (node.type === 'CallExpression') {
      const callee = unwrap(node.callee);
      const name = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
      if (name && /^(?:set|setex|setEx|hset|put|save|saveToken|setItem|store|cache)$/u.test(name)) return true;
    }
    if (isFunctionNode(node) && node !== fn) continue;
    for (const child of childNodes(node)) stack.push(child);
  }
  return false;
}

/** `force_refresh: true` in a stable_token body. */
function forceRefreshValue(call: ApiCall): TSESTree.Node | undefined {
  if (call.endpoint?.id !== 'cgi-bin/stable_token' || !call.body) return undefined;
  const value = objectProperty(call.body, 'force_refresh');
  return value && value.type === 'Literal' && value.value === true ? value : undefined;
}

/** Inside a `catch` or an `if` that reacts to a rejected token (errcode 40001/42001): a legitimate forced refresh. */
function isErrorRecovery(node: TSESTree.Node): boolean {
  let current = node.parent;
  while (current && !isFunctionNode(current)) {
    if (current.type === 'CatchClause') return true;
    if (current.type === 'IfStatement') {
      const text = JSON.stringify(namesInTest(current.test));
      if (/errcode|40001|42001|40014|invalid|expired/iu.test(text)) return true;
    }
    current = current.parent;
  }
  return false;
}

function namesInTest(node: TSESTree.Node): string[] {
  const names: string[] = [];
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0 && names.length < 200) {
    const current = stack.pop() as TSESTree.Node;
    if (current.type === 'Identifier') names.push(current.name);
    if (current.type === 'Literal') names.push(String(current.value));
    for (const child of childNodes(current)) stack.push(child);
  }
  return names;
}

/** A statement that empties a token cache: `delete cache.token`, `redis.del('access_token')`, `tokenCache = null`. */
function tokenCacheClear(node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = node.type === 'ExpressionStatement' ? unwrap(node.expression) : undefined;
  if (!expression) return undefined;
  const inner = expression.type === 'AwaitExpression' ? unwrap(expression.argument) : expression;
  if (inner.type === 'UnaryExpression' && inner.operator === 'delete' && mentionsToken(inner.argument)) return inner;
  if (inner.type === 'CallExpression') {
    const callee = unwrap(inner.callee);
    if (callee.type !== 'MemberExpression') return undefined;
    const method = memberName(callee);
    if (!method || !DELETE_METHODS.has(method)) return undefined;
    if (mentionsToken(callee.object) || inner.arguments.some((argument) => mentionsToken(argument))) return inner;
    return undefined;
  }
  if (inner.type === 'AssignmentExpression' && inner.operator === '=' && mentionsToken(inner.left)) {
    const value = unwrap(inner.right);
    const empty =
      (value.type === 'Literal' && (value.value === null || value.value === '')) ||
      (value.type === 'Identifier' && value.name === 'undefined');
    return empty ? inner : undefined;
  }
  return undefined;
}

function sdkLabel(client: SdkClient): string {
  return client.pkg;
}

export default createRule<[], MessageIds>({
  name: 'no-uncached-access-token',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow fetching access_token or jsapi_ticket per request, in loops or without a cache, and SDK clients constructed per request',
      descriptionZh: '禁止按请求、在循环中或不经缓存获取 access_token / jsapi_ticket，以及按请求创建 SDK 客户端',
      clause: 'S10',
      recommended: 'error',
    },
    schema: [],
    messages: {
      perRequest:
        '[S10] `{{what}}` is fetched inside a request handler, once per request: cache it (it is valid for 7200 s, and `cgi-bin/token` allows 2,000 calls a day) and fetch a new one only when it expires.',
      inLoop: '[S10] `{{what}}` is fetched inside a loop: fetch it once before the loop and reuse it.',
      noCache:
        '[S10] `{{what}}` is fetched without a cache or expiry check, so every call of `{{fn}}` gets a new one and retires the previous: keep it until it expires (7200 s) and check the expiry before fetching.',
      forceRefresh:
        '[S10] `force_refresh: true` fetches a new stable token every time (20 a day at most): pass it only when the current token was rejected (errcode 40001).',
      clientPerRequest:
        '[S10] A new `{{sdk}}` client is constructed on every request without a token store, so each request fetches a new access_token: create the client once at module level, or pass `getToken`/`saveToken` (a shared store).',
      clearedBeforeBatch:
        '[S10] The cached token is deleted before a batch of API calls, so the batch starts by fetching a new one: keep the cached token and refresh it only when it expires or is rejected.',
    },
  },
  messagesZh: {
    perRequest:
      '[S10] `{{what}}` 在请求处理函数中获取，每个请求都获取一次：请缓存它（有效期 7200 秒，`cgi-bin/token` 每天最多 2000 次），仅在过期时重新获取。',
    inLoop: '[S10] `{{what}}` 在循环中获取：请在循环前获取一次并复用。',
    noCache:
      '[S10] `{{what}}` 的获取没有缓存或过期检查，每次调用 `{{fn}}` 都会获取新的凭证并使旧凭证失效：请保存到过期（7200 秒），获取前先检查是否过期。',
    forceRefresh: '[S10] `force_refresh: true` 每次都会获取新的稳定版 access_token（每天最多 20 次）：仅在当前凭证被拒绝（errcode 40001）时使用。',
    clientPerRequest:
      '[S10] 每个请求都新建 `{{sdk}}` 客户端且未提供 token 存储，每个请求都会重新获取 access_token：请在模块级只创建一次客户端，或传入 `getToken`/`saveToken`（共享存储）。',
    clearedBeforeBatch: '[S10] 在批量调用接口之前删除了缓存的凭证，批量调用会先重新获取：请保留缓存的凭证，仅在过期或被拒绝时刷新。',
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    /** The server handler a node runs in: the shared analysis's, or a wechat/co-wechat message handler. */
    const handlerOf = (node: TSESTree.Node): TSESTree.FunctionLike | undefined =>
      getFileAnalysis(context).contexts.handlerOf(node)?.fn ?? enclosingMessageHandler(node);
    return {
      'Program:exit'() {
        const analysis = getApiCalls(context);
        const reportedClears = new Set<TSESTree.Node>();
        /** Functions that fetch a token on every call and were not reported themselves (refreshers), with the fetch. */
        const unpaced = new Map<TSESTree.FunctionLike, ApiCall>();
        for (const call of analysis.calls) {
          const fn = checkTokenFetch(call);
          if (fn && !unpaced.has(fn)) unpaced.set(fn, call);
          checkClearBeforeBatch(call, reportedClears);
        }
        if (unpaced.size > 0) checkCallSites(unpaced);
        for (const client of analysis.clients) {
          if (!client.hasTokenStore && handlerOf(client.node)) {
            context.report({ node: client.node, messageId: 'clientPerRequest', data: { sdk: sdkLabel(client) } });
          }
        }
      },
    };

    function what(call: ApiCall): string {
      if (call.sdk) return `${call.sdk.method}()`;
      return `/${call.endpoint?.id ?? ''}`;
    }

    /**
     * Reports a token fetch that is itself per request, in a loop or uncached. Returns the enclosing function when
     * the fetch is unguarded there but was not reported, because the function is a refresher (by name, or it writes
     * the cache): then each call of that function fetches, and its callers are checked instead.
     */
    function checkTokenFetch(call: ApiCall): TSESTree.FunctionLike | undefined {
      const fetchesToken = call.sdk ? call.sdk.entry.token === 'always' : call.endpoint?.mustCache === true;
      if (!fetchesToken) return undefined;
      const force = forceRefreshValue(call);
      if (force) {
        if (!isErrorRecovery(call.node)) context.report({ node: force, messageId: 'forceRefresh' });
        return undefined;
      }
      if (enclosingLoop(call.node)) {
        context.report({ node: call.node, messageId: 'inLoop', data: { what: what(call) } });
        return undefined;
      }
      const fn = enclosingFunction(call.node);
      const handler = handlerOf(call.node);
      if (handler) {
        if (!hasCacheCheck(call.node, handler)) context.report({ node: call.node, messageId: 'perRequest', data: { what: what(call) } });
        return undefined;
      }
      // Module level runs once; a function passed to a timer, a memoizer or an SDK is paced by its caller.
      if (!fn || isErrorRecovery(call.node) || hasCacheCheck(call.node, fn)) return undefined;
      if (isPassedAsValue(fn, sourceCode.scopeManager)) return undefined;
      const name = functionName(fn);
      if (nameHasWord(name, REFRESH_WORDS) || writesCache(fn)) return fn;
      context.report({ node: call.node, messageId: 'noCache', data: { what: what(call), fn: name ? `${name}()` : 'this function' } });
      return undefined;
    }

    /**
     * Calls of a same-file function that fetches a token each time it runs: reported where the call runs per
     * request or per iteration with no cache check around it (one finding per call site; the fetch itself was not
     * reported). Followed through same-file wrappers that call it unguarded, a few levels deep.
     */
    function checkCallSites(unpaced: Map<TSESTree.FunctionLike, ApiCall>): void {
      const dataFlow = getFileAnalysis(context).dataFlow;
      const seen = new Set<TSESTree.FunctionLike>(unpaced.keys());
      let level = [...unpaced];
      for (let depth = 0; depth < 4 && level.length > 0; depth++) {
        const next: [TSESTree.FunctionLike, ApiCall][] = [];
        for (const [fn, fetch] of level) {
          for (const site of dataFlow.callSitesOf(fn as Parameters<typeof dataFlow.callSitesOf>[0])) {
            if (site.type !== 'CallExpression') continue;
            const caller = enclosingFunction(site);
            if (caller === fn) continue;
            if (enclosingLoop(site)) {
              if (!hasCacheCheck(site, caller)) context.report({ node: site, messageId: 'inLoop', data: { what: what(fetch) } });
              continue;
            }
            const handler = handlerOf(site);
            if (handler) {
              if (!hasCacheCheck(site, handler)) context.report({ node: site, messageId: 'perRequest', data: { what: what(fetch) } });
              continue;
            }
            // A wrapper that calls the refresher unguarded fetches on every call too; its own callers are checked next.
            if (!caller || seen.has(caller) || isErrorRecovery(site) || hasCacheCheck(site, caller)) continue;
            if (isPassedAsValue(caller, sourceCode.scopeManager)) continue;
            seen.add(caller);
            next.push([caller, fetch]);
          }
        }
        level = next;
      }
    }

    /** A loop of API calls whose function first empties the token cache. */
    function checkClearBeforeBatch(call: ApiCall, reported: Set<TSESTree.Node>): void {
      const loop = enclosingLoop(call.node);
      if (!loop) return;
      let statement: TSESTree.Node = loop.node;
      // The statement of the loop inside its block.
      while (statement.parent && statement.parent.type !== 'BlockStatement' && statement.parent.type !== 'Program' && !isFunctionNode(statement.parent)) {
        statement = statement.parent;
      }
      const block = statement.parent;
      if (!block || (block.type !== 'BlockStatement' && block.type !== 'Program')) return;
      for (const sibling of block.body) {
        if (sibling === statement) break;
        const clear = tokenCacheClear(sibling);
        if (clear && !reported.has(clear)) {
          reported.add(clear);
          context.report({ node: clear, messageId: 'clearedBeforeBatch' });
        }
      }
    }
  },
});
