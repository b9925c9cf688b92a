import type { UserDataKind } from '../../knowledge/user-data.js';

/**
 * Official Account SDK methods whose result carries user data or credentials, by method name, for a receiver
 * that is an SDK client instance (co-wechat-api / wechat-api, wechat-oauth / co-wechat-oauth, wechat-jssdk;
 * SPEC §2 "SDK shapes").
 *
 * Interim: once `knowledge/sdk-methods.ts` (method → endpoint) and the endpoint catalog land, the kinds come
 * from the endpoint's kind there and this table goes.
 */
export const SDK_RESULT_KINDS: Readonly<Record<string, readonly UserDataKind[]>> = {
  getUser: ['openid', 'unionid', 'profile'],
  getUserInfo: ['openid', 'unionid', 'profile'],
  batchGetUsers: ['openid', 'unionid', 'profile'],
  getFollowers: ['openid'],
  getBlacklist: ['openid'],
  getUserByCode: ['openid', 'unionid', 'profile'],
  getAccessToken: ['credential', 'openid'],
  refreshAccessToken: ['credential', 'openid'],
  getLatestToken: ['credential'],
  getTicket: ['credential'],
  getLatestTicket: ['credential'],
};

/** Modules whose default or named export constructs an Official Account SDK client (interim, see above). */
export const SDK_CLIENT_MODULES: ReadonlySet<string> = new Set([
  'co-wechat-api',
  'wechat-api',
  'wechat-oauth',
  'co-wechat-oauth',
  'wechat-jssdk',
  'node-easywechat',
]);

/** Config keys that hold the appid when an SDK constructor takes an options object. */
export const APPID_KEYS: ReadonlySet<string> = new Set(['appid', 'appId', 'app_id', 'appID']);
