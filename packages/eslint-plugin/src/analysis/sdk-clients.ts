import type { TSESTree } from '@typescript-eslint/utils';
import { EASYWECHAT_CLIENT_GETTERS, SDK_CONSTRUCTORS, type SdkConstructor, type SdkName } from '../knowledge/sdk-modules.js';
import { callsOn, valueUses } from './instances.js';
import { CALL, CONSTRUCT, moduleReferences, type TraceMap } from './modules.js';
import type { RequestContext } from './requests.js';
import { objectProperty } from './values.js';

export type { SdkName };

/**
 * Official Account SDK clients, tracked from their constructors (SPEC §3.1): `new WechatAPI(appid, secret,
 * getToken, saveToken)`, `new OAuth(appid, secret)`, `new Wechat(config)`, `new OfficialAccount(config)`,
 * `Factory.getInstance('official_account', config)`. Each client carries its appid expression (the account
 * label of the data-flow issue) and its token store; calls of methods on it are listed for the API catalog
 * (knowledge/sdk-methods.ts maps method names to endpoints).
 */
export interface SdkClient {
  readonly sdk: SdkName;
  /** The module it was imported from (`co-wechat-api`, `wechat-api`, …). */
  readonly module: string;
  /** The `new …(…)` or factory call that made the client. */
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The appid expression: an argument or the config object's `appid`/`appId`/`app_id` value. */
  readonly appid: TSESTree.Node | undefined;
  /** Token store arguments or config values (`getToken`, `saveToken`, `cache`), as given. */
  readonly tokenStore: readonly TSESTree.Node[];
  /** The config object literal, for SDKs that take one. */
  readonly config: TSESTree.ObjectExpression | undefined;
}

export interface SdkMethodCall {
  readonly client: SdkClient;
  readonly method: string;
  readonly node: TSESTree.CallExpression;
}

let sdkTraceMapCache: Record<string, TraceMap<SdkConstructor>> | undefined;

/** The trace map of every SDK constructor, built once. */
function sdkTraceMap(): Record<string, TraceMap<SdkConstructor>> {
  if (sdkTraceMapCache) return sdkTraceMapCache;
  const traceMap: Record<string, TraceMap<SdkConstructor>> = {};
  for (const constructor of SDK_CONSTRUCTORS) {
    for (const module of constructor.modules) {
      traceMap[module] ??= {};
      let node = traceMap[module];
      for (const segment of constructor.exportPath) {
        node[segment] ??= {};
        node = node[segment];
      }
      node[CONSTRUCT] = constructor;
      node[CALL] = constructor;
      // `require('wechat-oauth').default` / ES interop default.
      if (constructor.exportPath.length === 0) {
        traceMap[module].default ??= {};
        traceMap[module].default[CONSTRUCT] = constructor;
        traceMap[module].default[CALL] = constructor;
      }
    }
  }
  sdkTraceMapCache = traceMap;
  return traceMap;
}

export class SdkClients {
  readonly clients: SdkClient[] = [];
  readonly calls: SdkMethodCall[] = [];
  /** node-easywechat `app.getClient()` calls: producers of raw API clients (analysis/requests.ts reads them). */
  readonly easywechatHttpClients: TSESTree.CallExpression[] = [];

  constructor(context: RequestContext) {
    for (const reference of moduleReferences(context.scopeManager, sdkTraceMap())) {
      const node = reference.node;
      if (node.type !== 'NewExpression' && node.type !== 'CallExpression') continue;
      const constructor = reference.info;
      // A plain call of a class export is not a client (`WechatAPI.mixin(…)` is a member, not this node).
      if (constructor.kind === 'construct' && node.type === 'CallExpression' && constructor.exportPath.length === 0) continue;
      const config =
        'configArgument' in constructor.appid && node.arguments[constructor.appid.configArgument]
          ? context.values.objectOf(node.arguments[constructor.appid.configArgument])
          : undefined;
      let appid: TSESTree.Node | undefined;
      if ('argument' in constructor.appid) appid = node.arguments[constructor.appid.argument];
      else if (config) appid = constructor.appid.property.map((name) => objectProperty(config, name)).find(Boolean);
      const tokenStore: TSESTree.Node[] = [];
      for (const index of constructor.tokenStoreArguments ?? []) {
        if (node.arguments[index]) tokenStore.push(node.arguments[index]);
      }
      for (const name of constructor.tokenStoreProperties ?? []) {
        const value = config ? objectProperty(config, name) : undefined;
        if (value) tokenStore.push(value);
      }
      const client: SdkClient = {
        sdk: constructor.sdk,
        module: reference.path[0],
        node,
        appid,
        tokenStore,
        config,
      };
      this.clients.push(client);
      for (const use of valueUses(node, context.scopeManager, context.nodes)) {
        const call = callsOn(use);
        if (!call?.method) continue;
        this.calls.push({ client, method: call.method, node: call.call });
        if (client.sdk === 'node-easywechat' && EASYWECHAT_CLIENT_GETTERS.includes(call.method)) {
          this.easywechatHttpClients.push(call.call);
        }
      }
    }
    this.clients.sort((a, b) => a.node.range[0] - b.node.range[0]);
    this.calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  #byNode: Map<TSESTree.Node, SdkMethodCall> | undefined;

  /** The client whose method a call invokes, if the call is one. */
  callAt(node: TSESTree.Node): SdkMethodCall | undefined {
    this.#byNode ??= new Map(this.calls.map((call) => [call.node, call]));
    return this.#byNode.get(node);
  }
}
