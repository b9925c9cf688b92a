import type { TSESTree } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { findSdkMethod, SDK_METHODS, type SdkMethod, type SdkPackage, WECHAT_API_SIGNATURE_METHODS } from '../knowledge/sdk-methods.js';
import {
  EASYWECHAT_CLIENT_GETTERS,
  isProjectModule,
  PROJECT_CLIENT_WORDS,
  SDK_CONSTRUCTORS,
  type SdkConstructor,
  type SdkName,
} from '../knowledge/sdk-modules.js';
import { identifierWords } from '../util/name-words.js';
import { findVariable, literalString, memberName, unwrap } from './ast.js';
import { callsOn, valueUses } from './instances.js';
import { CALL, CONSTRUCT, moduleReferences, type TraceMap } from './modules.js';
import type { RequestContext } from './requests.js';
import { objectProperty } from './values.js';

export type { SdkName };

/**
 * Official Account SDK clients, tracked from their constructors: `new WechatAPI(appid, secret,
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
  /** The AppSecret argument, for SDKs that take it positionally. */
  readonly secret: TSESTree.Node | undefined;
  /** The package of the API catalog (knowledge/sdk-methods.ts) whose methods the client has, when catalogued. */
  readonly pkg: SdkPackage | undefined;
}

/**
 * A binding imported from the project's own module that is an Official Account client made elsewhere
 * (`import { api } from './wechat.js'`, `const { wxApi } = require('@/oa')`). It is one when the module path or
 * the binding's name says so (knowledge/sdk-modules.ts `PROJECT_CLIENT_WORDS`) or when the file calls a method on it
 * that only wechat-api/co-wechat-api have (`getFollowers`, `sendTemplate`). This is the one place that decides.
 */
export interface ProjectClient {
  readonly binding: TSESTree.Identifier;
  readonly module: string;
  /** `wechat-api` when a method only it has is used (`getLatestToken`), else `co-wechat-api`. */
  readonly pkg: 'co-wechat-api' | 'wechat-api';
}

export interface SdkMethodCall {
  readonly client: SdkClient;
  readonly method: string;
  readonly node: TSESTree.CallExpression;
}

/**
 * A call of a catalogued SDK method (knowledge/sdk-methods.ts): `api.getUser(…)`, wechat-jssdk's
 * `wx.jssdk.getSignature(…)`, node-easywechat's `app.getAccessToken().refresh()` chains, and methods of project
 * clients. `key` is the catalog key (`getUser`, `jssdk.getSignature`, `getAccessToken.refresh`).
 */
export interface SdkCatalogCall {
  readonly node: TSESTree.CallExpression;
  readonly pkg: SdkPackage;
  readonly key: string;
  readonly entry: SdkMethod;
  /** The constructed client, or the project binding the call goes through. */
  readonly client: SdkClient | ProjectClient;
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
  readonly projectClients: ProjectClient[] = [];
  readonly catalogCalls: SdkCatalogCall[] = [];
  /** node-easywechat `app.getClient()` calls: producers of raw API clients (analysis/requests.ts reads them). */
  readonly easywechatHttpClients: TSESTree.CallExpression[] = [];
  readonly #context: RequestContext;

  constructor(context: RequestContext) {
    this.#context = context;
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
      const module = reference.path[0];
      const client: SdkClient = {
        sdk: constructor.sdk,
        module,
        node,
        appid,
        tokenStore,
        config,
        secret: constructor.secretArgument === undefined ? undefined : node.arguments[constructor.secretArgument],
        pkg: Object.hasOwn(SDK_METHODS, module) ? (module as SdkPackage) : undefined,
      };
      this.clients.push(client);
      for (const use of valueUses(node, context.scopeManager, context.nodes)) {
        const call = callsOn(use);
        if (call?.method) {
          this.calls.push({ client, method: call.method, node: call.call });
          if (client.sdk === 'node-easywechat' && EASYWECHAT_CLIENT_GETTERS.includes(call.method)) {
            this.easywechatHttpClients.push(call.call);
          }
        }
        if (client.pkg) {
          const chain = memberChain(use);
          if (chain) this.#sdkUse(client, client.pkg, chain.path, chain.node);
        }
      }
    }
    this.#projectClients();
    this.clients.sort((a, b) => a.node.range[0] - b.node.range[0]);
    this.calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
    this.catalogCalls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  #byNode: Map<TSESTree.Node, SdkMethodCall> | undefined;
  #clientByNode: Map<TSESTree.Node, SdkClient> | undefined;
  #catalogByNode: Map<TSESTree.Node, SdkCatalogCall> | undefined;
  #projectByVariable: Map<TSESLint.Scope.Variable, ProjectClient> | undefined;

  /** The client whose method a call invokes, if the call is one. */
  callAt(node: TSESTree.Node): SdkMethodCall | undefined {
    this.#byNode ??= new Map(this.calls.map((call) => [call.node, call]));
    return this.#byNode.get(node);
  }

  /** The client a `new …(…)` or factory call makes, if it makes one. */
  clientAt(node: TSESTree.Node): SdkClient | undefined {
    this.#clientByNode ??= new Map(this.clients.map((client) => [client.node, client]));
    return this.#clientByNode.get(node);
  }

  /** The catalogued SDK method a call invokes, if any. */
  catalogCallAt(node: TSESTree.Node): SdkCatalogCall | undefined {
    this.#catalogByNode ??= new Map(this.catalogCalls.map((call) => [call.node, call]));
    return this.#catalogByNode.get(node);
  }

  /** The project client an identifier refers to (`api` of `import { api } from './wechat.js'`), if it is one. */
  projectClientOf(identifier: TSESTree.Identifier): ProjectClient | undefined {
    const scopeManager = this.#context.scopeManager;
    if (!scopeManager || this.projectClients.length === 0) return undefined;
    if (!this.#projectByVariable) {
      this.#projectByVariable = new Map();
      for (const client of this.projectClients) {
        const variable = findVariable(scopeManager, client.binding);
        if (variable) this.#projectByVariable.set(variable, client);
      }
    }
    const variable = findVariable(scopeManager, identifier);
    return variable ? this.#projectByVariable.get(variable) : undefined;
  }

  /** Bindings of the project's own modules that are Official Account clients (see `ProjectClient`). */
  #projectClients(): void {
    const scopeManager = this.#context.scopeManager;
    if (!scopeManager) return;
    for (const { binding, module } of projectBindings(this.#context.program)) {
      const variable = findVariable(scopeManager, binding);
      const uses = (variable?.references ?? [])
        .filter((reference) => reference.isRead())
        .map((reference) => memberChain(reference.identifier))
        .filter((chain): chain is { path: string[]; node: TSESTree.Node } => chain?.path.length === 1);
      const methods = uses.map((use) => use.path[0]);
      // The module's summary may say what it exports: a wechat-api or co-wechat-api client made there.
      const summarised = this.#context.importedClient?.(binding);
      const known = summarised === 'wechat-api' || summarised === 'co-wechat-api' ? summarised : undefined;
      const named = [...identifierWords(binding.name), ...moduleWords(module)].some((word) => PROJECT_CLIENT_WORDS.has(word));
      if (!known && !named && !methods.some((method) => WECHAT_API_SIGNATURE_METHODS.has(method))) continue;
      const pkg =
        known ??
        (methods.some((method) => Object.hasOwn(SDK_METHODS['wechat-api'], method) && !Object.hasOwn(SDK_METHODS['co-wechat-api'], method))
          ? 'wechat-api'
          : 'co-wechat-api');
      const client: ProjectClient = { binding, module, pkg };
      this.projectClients.push(client);
      for (const use of uses) this.#sdkUse(client, pkg, use.path, use.node);
    }
  }

  #sdkUse(client: SdkClient | ProjectClient, pkg: SdkPackage, path: readonly string[], node: TSESTree.Node): void {
    const call = node.parent;
    if (call?.type !== 'CallExpression' || call.callee !== node) return;
    if (pkg === 'node-easywechat') {
      // `app.getAccessToken().refresh()`, `const t = app.getTicket(); t.getTicket()`; `getClient()` requests are
      // requests (analysis/requests.ts).
      if (path.length !== 1) return;
      for (const use of valueUses(call, this.#context.scopeManager, this.#context.nodes)) {
        const chain = memberChain(use);
        if (chain?.path.length === 1) this.#catalogCall(client, 'node-easywechat', `${path[0]}.${chain.path[0]}`, chain.node);
      }
      return;
    }
    this.#catalogCall(client, pkg, path.join('.'), node);
  }

  #catalogCall(client: SdkClient | ProjectClient, pkg: SdkPackage, key: string, callee: TSESTree.Node): void {
    const call = callee.parent;
    if (call?.type !== 'CallExpression' || call.callee !== callee) return;
    const entry = findSdkMethod(pkg, key);
    if (entry) this.catalogCalls.push({ node: call, pkg, key, entry, client });
  }
}

/** The words of a module path's file and folder names: `@/weixin/api` → weixin, api. */
function moduleWords(module: string): string[] {
  return module.split(/[/\\.@~-]+/u).flatMap((segment) => (segment ? identifierWords(segment) : []));
}

/** Bindings imported or required from the project's own modules, at the top level of the file. */
function projectBindings(program: TSESTree.Program): { binding: TSESTree.Identifier; module: string }[] {
  const bindings: { binding: TSESTree.Identifier; module: string }[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const module = String(statement.source.value);
      if (!isProjectModule(module)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        bindings.push({ binding: specifier.local, module });
      }
      continue;
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init ? unwrap(declarator.init) : undefined;
      if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
      const module = literalString(init.arguments[0]);
      if (module === undefined || !isProjectModule(module)) continue;
      if (declarator.id.type === 'Identifier') bindings.push({ binding: declarator.id, module });
      else if (declarator.id.type === 'ObjectPattern') {
        for (const property of declarator.id.properties) {
          if (property.type === 'Property' && property.value.type === 'Identifier') bindings.push({ binding: property.value, module });
        }
      }
    }
  }
  return bindings;
}

/** `use.a.b` up to the callee: the member names and the outermost member node. */
export function memberChain(use: TSESTree.Node): { path: string[]; node: TSESTree.Node } | undefined {
  let current = use;
  const path: string[] = [];
  for (let steps = 0; steps < 10; steps++) {
    const parent = current.parent;
    if (parent?.type === 'MemberExpression' && parent.object === current) {
      const name = memberName(parent);
      if (name === undefined) return undefined;
      path.push(name);
      current = parent;
      continue;
    }
    if (parent && (parent.type === 'ChainExpression' || parent.type === 'TSNonNullExpression')) {
      current = parent;
      continue;
    }
    break;
  }
  return path.length > 0 ? { path, node: current } : undefined;
}
