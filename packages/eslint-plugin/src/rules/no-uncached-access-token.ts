import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall, SdkClient } from '../analysis/api-calls.js';
import { objectProperty } from '../analysis/values.js';
import { enclosingLoop, enclosingMessageHandler, functionName } from '../analysis/api-call-placement.js';
import { isFunctionNode } from '../analysis/ast.js';
import { getApiCalls, getFileAnalysis } from '../analysis/index.js';
import { createRule } from '../util/createRule.js';

type MessageIds =
  | 'perRequest'
  | 'inLoop'
  | 'noCache'
  | 'cacheNeverWritten'
  | 'secondsAsMilliseconds'
  | 'forceRefresh'
  | 'clientPerRequest'
  | 'clearedBeforeBatch';

/** `force_refresh: true` in a stable_token body. */
function forceRefreshValue(call: ApiCall): TSESTree.Node | undefined {
  if (call.endpoint?.id !== 'cgi-bin/stable_token' || !call.body) return undefined;
  const value = objectProperty(call.body, 'force_refresh');
  return value && value.type === 'Literal' && value.value === true ? value : undefined;
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
      cacheNeverWritten:
        '[S10] `{{what}}` is fetched behind a cache check, but `{{fn}}` never stores what it fetched (the cache it reads is loaded again at every call or never written), so once the stored one is stale every call gets a new one: write the new token and its expiry to the cache it reads.',
      secondsAsMilliseconds:
        '[S10] The expiry check before `{{what}}` compares a millisecond clock with `{{field}}`, which counts seconds: the token counts as fresh for a thousandth of its life, so nearly every call fetches a new one. Multiply `{{field}}` by 1000.',
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
    cacheNeverWritten:
      '[S10] `{{what}}` 在缓存检查之后获取，但 `{{fn}}` 从不保存获取到的凭证（它读取的缓存每次调用都会重新加载或从未写入），缓存过期后每次调用都会获取新的凭证：请把新凭证及其过期时间写回它读取的缓存。',
    secondsAsMilliseconds:
      '[S10] `{{what}}` 之前的过期检查把毫秒时钟与以秒计的 `{{field}}` 比较：凭证只在其有效期的千分之一内被视为有效，几乎每次调用都会重新获取。请将 `{{field}}` 乘以 1000。',
    forceRefresh: '[S10] `force_refresh: true` 每次都会获取新的稳定版 access_token（每天最多 20 次）：仅在当前凭证被拒绝（errcode 40001）时使用。',
    clientPerRequest:
      '[S10] 每个请求都新建 `{{sdk}}` 客户端且未提供 token 存储，每个请求都会重新获取 access_token：请在模块级只创建一次客户端，或传入 `getToken`/`saveToken`（共享存储）。',
    clearedBeforeBatch: '[S10] 在批量调用接口之前删除了缓存的凭证，批量调用会先重新获取：请保留缓存的凭证，仅在过期或被拒绝时刷新。',
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    /** The server handler a node runs in: the shared analysis's, or a wechat/co-wechat message handler. */
    const handlerOf = (node: TSESTree.Node): TSESTree.FunctionLike | undefined => analysis.contexts.handlerOf(node)?.fn ?? enclosingMessageHandler(node);
    return {
      'Program:exit'() {
        const apiCalls = getApiCalls(context);
        const reportedClears = new Set<TSESTree.Node>();
        /** Functions that fetch a token on every call and were not reported themselves (refreshers), with the fetch. */
        const unpaced = new Map<TSESTree.FunctionLike, ApiCall>();
        for (const call of apiCalls.calls) {
          const fn = checkTokenFetch(call);
          if (fn && !unpaced.has(fn)) unpaced.set(fn, call);
          checkClearBeforeBatch(call, reportedClears);
        }
        if (unpaced.size > 0) checkCallSites(unpaced);
        for (const client of apiCalls.clients) {
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

    function shownName(fn: TSESTree.FunctionLike): string {
      const name = functionName(fn);
      return name ? `${name}()` : 'this function';
    }

    /**
     * A function whose calls in this file all run behind a cache check, or from a refresher: it is the fetch
     * primitive of a cache kept by its callers (`get()` checks Redis, then calls `generate()`).
     */
    function isCachePrimitive(fn: TSESTree.FunctionLike): boolean {
      const caching = analysis.tokenCaching;
      const sites = caching.callsOf(fn);
      return (
        sites.length > 0 &&
        sites.every((site) => {
          const caller = caching.owner(site);
          return !!caller && caller !== fn && (caching.isGuarded(site, caller) || caching.isRefresher(caller) || caching.writesCache(caller));
        })
      );
    }

    /**
     * Reports a token fetch that is itself per request, in a loop or uncached. Returns the owning function when
     * the fetch is unguarded there but was not reported, because the function is a refresher (by name, or it writes
     * the cache): then each call of that function fetches, and its callers are checked instead.
     */
    function checkTokenFetch(call: ApiCall): TSESTree.FunctionLike | undefined {
      const fetchesToken = call.sdk ? call.sdk.entry.token === 'always' : call.endpoint?.mustCache === true;
      if (!fetchesToken) return undefined;
      const caching = analysis.tokenCaching;
      const force = forceRefreshValue(call);
      if (force) {
        if (!caching.isErrorRecovery(call.node)) context.report({ node: force, messageId: 'forceRefresh' });
        return undefined;
      }
      if (enclosingLoop(call.node)) {
        context.report({ node: call.node, messageId: 'inLoop', data: { what: what(call) } });
        return undefined;
      }
      const handler = handlerOf(call.node);
      if (handler) {
        if (!caching.isGuarded(call.node, handler)) context.report({ node: call.node, messageId: 'perRequest', data: { what: what(call) } });
        return undefined;
      }
      // Module level runs once; a function passed to a timer, a memoizer or an SDK is paced by what it is passed to.
      const fn = caching.owner(call.node);
      if (!fn || caching.isErrorRecovery(call.node)) return undefined;
      const guard = caching.guardOf(call.node, fn);
      if (guard.kind === 'seconds-as-milliseconds') {
        context.report({ node: call.node, messageId: 'secondsAsMilliseconds', data: { what: what(call), field: guard.field } });
        return undefined;
      }
      // A call of another module's token getter (its URL fixed there): whether the getter keeps its token is
      // judged in its module; only where the call runs (a handler, a loop) is this file's.
      const project = analysis.project;
      if (project?.isWrapperCall(call.node) && !project.urlFromCaller(call.node)) return undefined;
      const throughOtherModule = project?.isWrapperCall(call.node) ?? false;
      if (guard.kind === 'never-written' && !throughOtherModule) {
        context.report({ node: call.node, messageId: 'cacheNeverWritten', data: { what: what(call), fn: shownName(fn) } });
        return undefined;
      }
      if (guard.kind !== 'none') return undefined;
      // A refresher may also be handed to a timer: its direct calls are checked all the same.
      if (caching.isRefresher(fn) || caching.writesCache(fn)) return fn;
      if (caching.isPassedAsValue(fn) || isCachePrimitive(fn)) return undefined;
      context.report({ node: call.node, messageId: 'noCache', data: { what: what(call), fn: shownName(fn) } });
      return undefined;
    }

    /**
     * Calls of a same-file function that fetches a token each time it runs: reported where the call runs per
     * request or per iteration with no cache check around it (one finding per call site; the fetch itself was not
     * reported). Followed through same-file wrappers that call it unguarded, a few levels deep.
     */
    function checkCallSites(unpaced: Map<TSESTree.FunctionLike, ApiCall>): void {
      const caching = analysis.tokenCaching;
      const seen = new Set<TSESTree.FunctionLike>(unpaced.keys());
      let level = [...unpaced];
      for (let depth = 0; depth < 4 && level.length > 0; depth++) {
        const next: [TSESTree.FunctionLike, ApiCall][] = [];
        for (const [fn, fetch] of level) {
          for (const site of caching.callsOf(fn)) {
            const caller = caching.owner(site);
            if (caller === fn) continue;
            if (enclosingLoop(site)) {
              if (!caching.isGuarded(site, caller)) context.report({ node: site, messageId: 'inLoop', data: { what: what(fetch) } });
              continue;
            }
            const handler = handlerOf(site);
            if (handler) {
              if (!caching.isGuarded(site, handler)) context.report({ node: site, messageId: 'perRequest', data: { what: what(fetch) } });
              continue;
            }
            // A wrapper that calls the refresher unguarded fetches on every call too; its own callers are checked next.
            if (!caller || seen.has(caller) || caching.isErrorRecovery(site) || caching.isGuarded(site, caller)) continue;
            if (caching.isPassedAsValue(caller)) continue;
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
        const clear = analysis.tokenCaching.tokenCacheClear(sibling);
        if (clear && !reported.has(clear)) {
          reported.add(clear);
          context.report({ node: clear, messageId: 'clearedBeforeBatch' });
        }
      }
    }
  },
});
