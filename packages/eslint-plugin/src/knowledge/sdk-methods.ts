/**
 * Which method of which Official Account SDK hits which endpoint of the catalog (knowledge/endpoints.ts), so
 * rules recognise SDK calls the way they recognise raw requests. Method names were read from the published
 * packages (co-wechat-api 3.11, wechat-api 1.35, wechat-oauth 1.5, co-wechat-oauth 2.0, wechat-jssdk 5.1,
 * node-easywechat 3.6); nothing here is guessed. `wechat4u`, `wechaty` and `@wecom/jssdk` are not Official
 * Account SDKs and have no entry.
 */

export type SdkPackage =
  | 'co-wechat-api'
  | 'wechat-api'
  | 'wechat-oauth'
  | 'co-wechat-oauth'
  | 'wechat-jssdk'
  | 'node-easywechat';

export interface SdkMethod {
  /** Catalog id of the endpoint the method requests. */
  endpoint?: string;
  /**
   * Token behaviour: `always` requests a new token or ticket on every call (co-wechat-api `getAccessToken`),
   * `cached` returns the stored one while it is valid and fetches only when it expired (`getLatestToken`).
   */
  token?: 'always' | 'cached';
  /** Index of the argument that carries the list a batch call takes (`batchGetUsers(openids)`). */
  listArgument?: number;
  /** Index of the recipient openid argument (message sends). */
  recipientArgument?: number;
  /** Index of the template id argument (template sends). */
  templateIdArgument?: number;
  /** The result is a follower list (`getFollowers()` → `{ data: { openid: [...] } }`). */
  returnsFollowerList?: boolean;
  /**
   * The method builds an OAuth authorize URL: the argument that holds the scope, and the scope used when it is
   * absent (wechat-oauth `snsapi_base`; wechat-jssdk `snsapi_userinfo`, which asks the user's consent).
   */
  oauthUrl?: { scopeArgument: number; defaultScope: 'snsapi_base' | 'snsapi_userinfo' };
}

/** Methods shared by co-wechat-api (async) and wechat-api (callbacks): the same names and endpoints. */
const WECHAT_API_COMMON: Readonly<Record<string, SdkMethod>> = {
  getAccessToken: { endpoint: 'cgi-bin/token', token: 'always' },
  getTicket: { endpoint: 'cgi-bin/ticket/getticket', token: 'always' },
  getLatestTicket: { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
  getJsConfig: { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
  getIp: { endpoint: 'cgi-bin/getcallbackip' },
  // users
  getUser: { endpoint: 'cgi-bin/user/info' },
  batchGetUsers: { endpoint: 'cgi-bin/user/info/batchget', listArgument: 0 },
  getFollowers: { endpoint: 'cgi-bin/user/get', returnsFollowerList: true },
  updateRemark: { endpoint: 'cgi-bin/user/info/updateremark' },
  getGroups: { endpoint: 'cgi-bin/groups/get' },
  getWhichGroup: { endpoint: 'cgi-bin/groups/getid' },
  createGroup: { endpoint: 'cgi-bin/groups/create' },
  updateGroup: { endpoint: 'cgi-bin/groups/update' },
  moveUserToGroup: { endpoint: 'cgi-bin/groups/members/update' },
  moveUsersToGroup: { endpoint: 'cgi-bin/groups/members/batchupdate' },
  removeGroup: { endpoint: 'cgi-bin/groups/delete' },
  // menus
  createMenu: { endpoint: 'cgi-bin/menu/create' },
  getMenu: { endpoint: 'cgi-bin/menu/get' },
  removeMenu: { endpoint: 'cgi-bin/menu/delete' },
  getMenuConfig: { endpoint: 'cgi-bin/get_current_selfmenu_info' },
  // template messages
  setIndustry: { endpoint: 'cgi-bin/template/api_set_industry' },
  getIndustry: { endpoint: 'cgi-bin/template/get_industry' },
  addTemplate: { endpoint: 'cgi-bin/template/api_add_template' },
  getAllPrivateTemplate: { endpoint: 'cgi-bin/template/get_all_private_template' },
  delPrivateTemplate: { endpoint: 'cgi-bin/template/del_private_template' },
  sendTemplate: { endpoint: 'cgi-bin/message/template/send', recipientArgument: 0, templateIdArgument: 1 },
  // customer-service messages
  sendText: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendImage: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendVoice: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendVideo: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendMusic: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendNews: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendMpNews: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  sendCard: { endpoint: 'cgi-bin/message/custom/send', recipientArgument: 0 },
  // mass messages: `receivers` is a tag id, `true` (all) or an openid list (send); 10,000 openids at most
  massSend: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  massSendNews: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  massSendText: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  massSendVoice: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  massSendImage: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  massSendVideo: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  massSendMPVideo: { endpoint: 'cgi-bin/message/mass/sendall', listArgument: 1 },
  deleteMass: { endpoint: 'cgi-bin/message/mass/delete' },
  previewNews: { endpoint: 'cgi-bin/message/mass/preview' },
  previewText: { endpoint: 'cgi-bin/message/mass/preview' },
  previewVoice: { endpoint: 'cgi-bin/message/mass/preview' },
  previewImage: { endpoint: 'cgi-bin/message/mass/preview' },
  previewVideo: { endpoint: 'cgi-bin/message/mass/preview' },
  getMassMessageStatus: { endpoint: 'cgi-bin/message/mass/get' },
  uploadNews: { endpoint: 'cgi-bin/media/uploadnews' },
  // media and materials
  uploadMedia: { endpoint: 'cgi-bin/media/upload' },
  getMedia: { endpoint: 'cgi-bin/media/get' },
  uploadImage: { endpoint: 'cgi-bin/media/uploadimg' },
  uploadMaterial: { endpoint: 'cgi-bin/material/add_material' },
  uploadVideoMaterial: { endpoint: 'cgi-bin/material/add_material' },
  uploadNewsMaterial: { endpoint: 'cgi-bin/material/add_news' },
  updateNewsMaterial: { endpoint: 'cgi-bin/material/update_news' },
  getMaterial: { endpoint: 'cgi-bin/material/get_material' },
  removeMaterial: { endpoint: 'cgi-bin/material/del_material' },
  getMaterialCount: { endpoint: 'cgi-bin/material/get_materialcount' },
  getMaterials: { endpoint: 'cgi-bin/material/batchget_material' },
  // QR codes and short URLs
  createTmpQRCode: { endpoint: 'cgi-bin/qrcode/create' },
  createLimitQRCode: { endpoint: 'cgi-bin/qrcode/create' },
  showQRCodeURL: {},
  shorturl: { endpoint: 'cgi-bin/shorturl' },
  // customer service
  getCustomServiceList: { endpoint: 'cgi-bin/customservice/getkflist' },
  getOnlineCustomServiceList: { endpoint: 'cgi-bin/customservice/getonlinekflist' },
  addKfAccount: { endpoint: 'customservice/kfaccount/add' },
  updateKfAccount: { endpoint: 'customservice/kfaccount/update' },
  deleteKfAccount: { endpoint: 'customservice/kfaccount/del' },
  setKfAccountAvatar: { endpoint: 'customservice/kfaccount/uploadheadimg' },
  createKfSession: { endpoint: 'customservice/kfsession/create' },
  // data cube
  getUserSummary: { endpoint: 'datacube/getusersummary' },
  getUserCumulate: { endpoint: 'datacube/getusercumulate' },
  getArticleSummary: { endpoint: 'datacube/getarticlesummary' },
  getArticleTotal: { endpoint: 'datacube/getarticletotal' },
  getUserRead: { endpoint: 'datacube/getuserread' },
  getUserReadHour: { endpoint: 'datacube/getuserreadhour' },
  getUserShare: { endpoint: 'datacube/getusershare' },
  getUserShareHour: { endpoint: 'datacube/getusersharehour' },
  getUpstreamMsg: { endpoint: 'datacube/getupstreammsg' },
  getUpstreamMsgHour: { endpoint: 'datacube/getupstreammsghour' },
  getUpstreamMsgWeek: { endpoint: 'datacube/getupstreammsgweek' },
  getUpstreamMsgMonth: { endpoint: 'datacube/getupstreammsgmonth' },
  getUpstreamMsgDist: { endpoint: 'datacube/getupstreammsgdist' },
  getUpstreamMsgDistWeek: { endpoint: 'datacube/getupstreammsgdistweek' },
  getUpstreamMsgDistMonth: { endpoint: 'datacube/getupstreammsgdistmonth' },
  getInterfaceSummary: { endpoint: 'datacube/getinterfacesummary' },
  getInterfaceSummaryHour: { endpoint: 'datacube/getinterfacesummaryhour' },
  // cards
  createCard: { endpoint: 'card/create' },
  getCard: { endpoint: 'card/get' },
  getCards: { endpoint: 'card/batchget' },
  createQRCode: { endpoint: 'card/qrcode/create' },
  getCode: { endpoint: 'card/code/get' },
  consumeCode: { endpoint: 'card/code/consume' },
  decryptCode: { endpoint: 'card/code/decrypt' },
};

/** co-wechat-api: `new API(appid, appsecret, getToken?, saveToken?)`, every method async. */
const CO_WECHAT_API: Readonly<Record<string, SdkMethod>> = {
  ...WECHAT_API_COMMON,
  // Reads the token through getToken() and fetches a new one only when it expired.
  ensureAccessToken: { endpoint: 'cgi-bin/token', token: 'cached' },
  addConditionalMenu: { endpoint: 'cgi-bin/menu/addconditional' },
  delConditionalMenu: { endpoint: 'cgi-bin/menu/delconditional' },
  tryConditionalMenu: { endpoint: 'cgi-bin/menu/trymatch' },
  createTags: { endpoint: 'cgi-bin/tags/create' },
  getTags: { endpoint: 'cgi-bin/tags/get' },
  updateTag: { endpoint: 'cgi-bin/tags/update' },
  deleteTag: { endpoint: 'cgi-bin/tags/delete' },
  getUsersFromTag: { endpoint: 'cgi-bin/user/tag/get', returnsFollowerList: true },
  batchTagging: { endpoint: 'cgi-bin/tags/members/batchtagging', listArgument: 0 },
  batchUnTagging: { endpoint: 'cgi-bin/tags/members/batchuntagging', listArgument: 0 },
  getIdList: { endpoint: 'cgi-bin/tags/getidlist' },
  getAutoreply: { endpoint: 'cgi-bin/get_current_autoreply_info' },
  sendSubscribe: {
    endpoint: 'cgi-bin/message/template/subscribe',
    recipientArgument: 0,
    templateIdArgument: 1,
  },
  // Mini-program endpoints the package also wraps.
  sendSubscribeMessage: { endpoint: 'cgi-bin/message/subscribe/send', recipientArgument: 0, templateIdArgument: 1 },
  createWXAQRCode: { endpoint: 'cgi-bin/wxaapp/createwxaqrcode' },
  getWXACode: { endpoint: 'wxa/getwxacode' },
  getWXACodeUnlimit: { endpoint: 'wxa/getwxacodeunlimit' },
  inviteworker: { endpoint: 'customservice/kfaccount/inviteworker' },
  getCardList: { endpoint: 'card/user/getcardlist' },
};

/** wechat-api: the callback twin; tags and sessions have their own names. */
const WECHAT_API: Readonly<Record<string, SdkMethod>> = {
  ...WECHAT_API_COMMON,
  getLatestToken: { endpoint: 'cgi-bin/token', token: 'cached' },
  createCustomMenu: { endpoint: 'cgi-bin/menu/addconditional' },
  removeCustomMenu: { endpoint: 'cgi-bin/menu/delconditional' },
  testCustomMenu: { endpoint: 'cgi-bin/menu/trymatch' },
  createTag: { endpoint: 'cgi-bin/tags/create' },
  getTags: { endpoint: 'cgi-bin/tags/get' },
  editTag: { endpoint: 'cgi-bin/tags/update' },
  deleteTag: { endpoint: 'cgi-bin/tags/delete' },
  getTagUsers: { endpoint: 'cgi-bin/user/tag/get', returnsFollowerList: true },
  membersBatchtagging: { endpoint: 'cgi-bin/tags/members/batchtagging', listArgument: 1 },
  membersBatchuntagging: { endpoint: 'cgi-bin/tags/members/batchuntagging', listArgument: 1 },
  getUserTags: { endpoint: 'cgi-bin/tags/getidlist' },
  closeKfSession: { endpoint: 'customservice/kfsession/close' },
  getKfSession: { endpoint: 'customservice/kfsession/getsession' },
  getKfSessionList: { endpoint: 'customservice/kfsession/getsessionlist' },
  getKfSessionWaitCase: { endpoint: 'customservice/kfsession/getwaitcase' },
  clearQuota: { endpoint: 'cgi-bin/clear_quota' },
};

/**
 * wechat-oauth / co-wechat-oauth: `new OAuth(appid, appsecret, getToken?, saveToken?)`.
 * `getAuthorizeURL(redirect, state, scope)` builds the authorize URL (scope defaults to `snsapi_base`);
 * `getUser`/`getUserByCode` end in `sns/userinfo`.
 */
const WECHAT_OAUTH: Readonly<Record<string, SdkMethod>> = {
  getAuthorizeURL: { oauthUrl: { scopeArgument: 2, defaultScope: 'snsapi_base' } },
  // open.weixin.qq.com/connect/qrconnect (website login, snsapi_login): not an Official Account page.
  getAuthorizeURLForWebsite: {},
  getAccessToken: { endpoint: 'sns/oauth2/access_token' },
  refreshAccessToken: { endpoint: 'sns/oauth2/refresh_token' },
  getUser: { endpoint: 'sns/userinfo' },
  getUserByCode: { endpoint: 'sns/userinfo' },
  verifyToken: { endpoint: 'sns/auth' },
  getSessionKey: { endpoint: 'sns/jscode2session' },
};

/**
 * wechat-jssdk: `const wx = new Wechat(config)`; methods live on `wx.jssdk` and `wx.oauth`, keyed here as
 * `jssdk.<method>` and `oauth.<method>`. `getSignature` reads a cached ticket; `getAccessToken` and
 * `getJsApiTicket` request new ones.
 */
const WECHAT_JSSDK: Readonly<Record<string, SdkMethod>> = {
  'jssdk.getAccessToken': { endpoint: 'cgi-bin/token', token: 'always' },
  'jssdk.getJsApiTicket': { endpoint: 'cgi-bin/ticket/getticket', token: 'always' },
  'jssdk.getGlobalTokenAndTicket': { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
  'jssdk.getSignature': { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
  // generateOAuthUrl(redirectUrl, scope, state): without a scope it asks for snsapi_userinfo (lib/OAuth.js).
  'oauth.generateOAuthUrl': { oauthUrl: { scopeArgument: 1, defaultScope: 'snsapi_userinfo' } },
  'oauth.getUserInfo': { endpoint: 'sns/userinfo' },
  'oauth.getUserBaseInfo': { endpoint: 'sns/oauth2/access_token' },
  'oauth.getAccessToken': { endpoint: 'sns/oauth2/access_token' },
  'oauth.refreshAccessToken': { endpoint: 'sns/oauth2/refresh_token' },
};

/**
 * node-easywechat 3: `const app = new OfficialAccount(config)`; `app.getAccessToken()` returns the token
 * object (`getToken()` cached, `refresh()` always new), `app.getTicket()` the JS-SDK ticket, and
 * `app.getClient().get/post('/cgi-bin/…')` requests any path (relative to https://api.weixin.qq.com/).
 */
const NODE_EASYWECHAT: Readonly<Record<string, SdkMethod>> = {
  'getAccessToken.getToken': { endpoint: 'cgi-bin/token', token: 'cached' },
  'getAccessToken.refresh': { endpoint: 'cgi-bin/token', token: 'always' },
  'getAccessToken.getStableAccessToken': { endpoint: 'cgi-bin/stable_token', token: 'always' },
  'getTicket.getTicket': { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
  'getTicket.configSignature': { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
  'getUtils.buildJsSdkConfig': { endpoint: 'cgi-bin/ticket/getticket', token: 'cached' },
};

export const SDK_METHODS: Readonly<Record<SdkPackage, Readonly<Record<string, SdkMethod>>>> = {
  'co-wechat-api': CO_WECHAT_API,
  'wechat-api': WECHAT_API,
  'wechat-oauth': WECHAT_OAUTH,
  'co-wechat-oauth': WECHAT_OAUTH,
  'wechat-jssdk': WECHAT_JSSDK,
  'node-easywechat': NODE_EASYWECHAT,
};

/**
 * Method names that only co-wechat-api / wechat-api clients have. A client is often created in one module and
 * imported by the others (`import { api } from '../wechat/client.js'`); an imported binding on which the file
 * calls one of these is taken for such a client, and its other method calls are read with the same map.
 */
export const WECHAT_API_SIGNATURE_METHODS: ReadonlySet<string> = new Set([
  'getFollowers',
  'batchGetUsers',
  'sendTemplate',
  'getLatestToken',
  'ensureAccessToken',
  'getLatestTicket',
  'getJsConfig',
  'massSend',
  'massSendText',
  'massSendNews',
  'massSendImage',
  'massSendVoice',
  'massSendVideo',
  'massSendMPVideo',
  'uploadNewsMaterial',
  'getUsersFromTag',
  'getTagUsers',
  'createTmpQRCode',
  'createLimitQRCode',
  'showQRCodeURL',
  'getMenuConfig',
  'sendMpNews',
]);


/** The SDK method's entry, or undefined when the name is not one of the package's API methods. */
export function findSdkMethod(pkg: SdkPackage, method: string): SdkMethod | undefined {
  return Object.hasOwn(SDK_METHODS[pkg], method) ? SDK_METHODS[pkg][method] : undefined;
}
