/**
 * Official Account SDKs and how their clients are made (docs/architecture.md, SDK shapes). analysis/sdk-clients.ts tracks
 * each client instance from its constructor; knowledge/sdk-methods.ts (the API catalog issue) maps method names
 * to endpoints. `wechat4u`, `wechaty` and `@wecom/jssdk` are not Official Account SDKs and are never listed.
 */

import { OAUTH_AUTHORIZE_URL } from './weixin-urls.js';

export type SdkName = 'wechat-api' | 'wechat-oauth' | 'wechat-jssdk' | 'node-easywechat';

export interface SdkConstructor {
  sdk: SdkName;
  /** Module names that export it. */
  modules: readonly string[];
  /** Export path from the module: `[]` = the module itself, `['OAuth']`, `['Factory', 'getInstance']`. */
  exportPath: readonly string[];
  /** `new X(...)` (construct) or a factory call `X(...)`. Both are accepted for `construct` exports. */
  kind: 'construct' | 'call';
  /** Where the appid is: an argument index, or a property of the config argument at `configArgument`. */
  appid: { argument: number } | { configArgument: number; property: readonly string[] };
  /** Argument indexes of the token store callbacks (`getToken`, `saveToken`), when the SDK takes them. */
  tokenStoreArguments?: readonly number[];
  /** Config properties that hold a token store or cache (`cache`, `getToken`…), when the SDK takes a config. */
  tokenStoreProperties?: readonly string[];
  /** Argument index of the AppSecret, for SDKs that take it positionally (`new WechatAPI(appid, secret)`). */
  secretArgument?: number;
}

export const SDK_CONSTRUCTORS: readonly SdkConstructor[] = [
  {
    sdk: 'wechat-api',
    modules: ['co-wechat-api', 'wechat-api'],
    exportPath: [],
    kind: 'construct',
    appid: { argument: 0 },
    tokenStoreArguments: [2, 3],
    secretArgument: 1,
  },
  {
    sdk: 'wechat-oauth',
    modules: ['wechat-oauth', 'co-wechat-oauth'],
    exportPath: [],
    kind: 'construct',
    appid: { argument: 0 },
    tokenStoreArguments: [2, 3],
    secretArgument: 1,
  },
  {
    sdk: 'wechat-oauth',
    modules: ['wechat-oauth', 'co-wechat-oauth'],
    exportPath: ['OAuth'],
    kind: 'construct',
    appid: { argument: 0 },
    tokenStoreArguments: [2, 3],
    secretArgument: 1,
  },
  {
    sdk: 'wechat-jssdk',
    modules: ['wechat-jssdk'],
    exportPath: [],
    kind: 'construct',
    appid: { configArgument: 0, property: ['appId', 'appid'] },
    tokenStoreProperties: ['store'],
  },
  {
    sdk: 'wechat-jssdk',
    modules: ['wechat-jssdk'],
    exportPath: ['Wechat'],
    kind: 'construct',
    appid: { configArgument: 0, property: ['appId', 'appid'] },
    tokenStoreProperties: ['store'],
  },
  {
    sdk: 'wechat-jssdk',
    modules: ['wechat-jssdk'],
    exportPath: ['OAuth'],
    kind: 'construct',
    appid: { configArgument: 0, property: ['appId', 'appid'] },
    tokenStoreProperties: ['store'],
  },
  {
    sdk: 'node-easywechat',
    modules: ['node-easywechat'],
    exportPath: ['OfficialAccount'],
    kind: 'construct',
    appid: { configArgument: 0, property: ['app_id', 'appId', 'appid'] },
    tokenStoreProperties: ['cache', 'access_token'],
  },
  {
    sdk: 'node-easywechat',
    modules: ['node-easywechat'],
    exportPath: ['Factory', 'getInstance'],
    kind: 'call',
    appid: { configArgument: 1, property: ['app_id', 'appId', 'appid'] },
    tokenStoreProperties: ['cache'],
  },
  {
    sdk: 'node-easywechat',
    modules: ['node-easywechat'],
    exportPath: ['Factory', 'OfficialAccount'],
    kind: 'construct',
    appid: { configArgument: 0, property: ['app_id', 'appId', 'appid'] },
    tokenStoreProperties: ['cache'],
  },
];

/** node-easywechat: `app.getClient()` returns an HTTP client whose paths are relative to `api.weixin.qq.com`. */
export const EASYWECHAT_CLIENT_GETTERS: readonly string[] = ['getClient'];
/** Methods of that client → HTTP method (`request(method, path, options)` takes it as its first argument). */
export const EASYWECHAT_CLIENT_METHODS: Readonly<Record<string, string | undefined>> = {
  get: 'GET',
  post: 'POST',
  postJson: 'POST',
  postXml: 'POST',
  patch: 'PATCH',
  put: 'PUT',
  delete: 'DELETE',
  request: undefined,
};

/**
 * SDK methods that return a URL of a Weixin page: the OAuth authorize URL (`getAuthorizeURL`,
 * `generateOAuthUrl`) and the website QR login (`getAuthorizeURLForWebsite`). Their result starts with it.
 */
export const SDK_URL_METHODS: Readonly<Record<string, string>> = {
  getAuthorizeURL: OAUTH_AUTHORIZE_URL,
  generateOAuthUrl: OAUTH_AUTHORIZE_URL,
  getAuthorizeURLForWebsite: 'https://open.weixin.qq.com/connect/qrconnect',
};

/** Modules that look like WeChat SDKs but are not Official Account SDKs. */
export const NOT_OFFICIAL_ACCOUNT_SDKS: readonly string[] = ['wechat4u', 'wechaty', '@wecom/jssdk'];

/**
 * Module specifiers of the project's own files: relative paths and the `@/` / `~/` aliases that Vue, Nuxt and Vite
 * projects map to their source folder. A binding imported from one of them may be the project's own SDK client.
 */
export const PROJECT_MODULE_PREFIXES: readonly string[] = ['./', '../', '@/', '~/'];

/** True when a module specifier names one of the project's own files. */
export function isProjectModule(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || PROJECT_MODULE_PREFIXES.some((prefix) => specifier.startsWith(prefix));
}

/**
 * Words that say a project module or the binding it exports is the Official Account client (`./wechat.js`,
 * `@/weixin/api`, `wxClient`, `oaApi`). Generic words (`api`, `client`) are not enough on their own: `import api
 * from '@/api'` is usually the site's own REST wrapper.
 */
export const PROJECT_CLIENT_WORDS: ReadonlySet<string> = new Set(['wechat', 'weixin', 'wx', 'oa', 'mp']);
