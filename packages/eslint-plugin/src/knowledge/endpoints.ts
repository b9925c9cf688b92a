/**
 * The catalog of Weixin server APIs that Official Account code calls (docs/architecture.md, knowledge): every rule that
 * recognises an API request reads it, and `docs/api-catalog.md` is generated from it. No rule repeats a path.
 *
 * Facts come from the platform specification first and otherwise from the official documentation at developers.weixin.qq.com
 * (the `doc` of each entry). Quotas are the documented daily limits of one Official Account; where the
 * documentation gives none, `quota` is absent rather than guessed.
 */

/** What an endpoint is about; rules pick the kinds they care about. */
export type EndpointKind =
  | 'token'
  | 'ticket'
  | 'user-data'
  | 'tag'
  | 'blacklist'
  | 'menu'
  | 'template'
  | 'subscribe'
  | 'custom-message'
  | 'mass'
  | 'media'
  | 'draft'
  | 'publish'
  | 'comment'
  | 'qrcode'
  | 'short-key'
  | 'oauth'
  | 'customer-service'
  | 'datacube'
  | 'ops'
  | 'card'
  | 'invoice'
  | 'content-security'
  | 'mini-program';

/** Which accounts may call it: an Official Account, a mini program only, or both. */
export type AccountType = 'official-account' | 'mini-program' | 'both';

/** How the call authenticates. */
export type EndpointAuth =
  /** `access_token` of the account in the query string. */
  | 'access_token'
  /** The AppID and AppSecret themselves (token endpoints, OAuth code exchange). */
  | 'appsecret'
  /** The user's web-authorization `access_token` (sns/userinfo, sns/auth). */
  | 'oauth_access_token'
  /** Nothing (public pages such as showqrcode). */
  | 'none';

export interface EndpointDeprecation {
  /** ISO date the platform stopped (or announced it stops) serving it. */
  since: string;
  /** Endpoint id to use instead, when there is one. */
  replacement?: string;
  note: string;
  noteZh: string;
}

export interface EndpointBatch {
  /** Id of the endpoint that does the same for many items at once. */
  endpoint: string;
  /** Body field that carries the list. */
  listField: string;
  /** Most items one call accepts. */
  limit: number;
}

export interface Endpoint {
  /** Host-relative path without the leading slash: the id every other catalog refers to. */
  id: string;
  host: 'api.weixin.qq.com' | 'mp.weixin.qq.com';
  method: 'GET' | 'POST';
  kind: EndpointKind;
  account: AccountType;
  auth: EndpointAuth;
  title: string;
  titleZh: string;
  /** Required query parameters. */
  query: readonly string[];
  /** Required fields of the JSON body (POST). */
  body: readonly string[];
  /** Documented calls per day for one account (or per minute where stated). */
  quota?: { perDay?: number; perMinute?: number; note?: string };
  /** The batch endpoint to use instead of calling this one per item. */
  batch?: EndpointBatch;
  /** For batch endpoints: the list field and the most items one call takes. */
  listLimit?: { field: string; max: number };
  /** The call sends a message to a user (rules of S11 and the loop rule treat these specially). */
  sendsMessage?: boolean;
  /** The response is a list of followers' openids (a follower list source). */
  returnsFollowerList?: boolean;
  /** A new value invalidates the old (tokens, tickets): results must be cached, not fetched per request. */
  mustCache?: boolean;
  deprecated?: EndpointDeprecation;
  /** A fact about the response worth knowing (shown in docs/api-catalog.md). */
  note?: string;
  /** Official documentation page. */
  doc: string;
}

type Spec = Omit<Endpoint, 'id' | 'host' | 'account' | 'auth' | 'query' | 'body'> &
  Partial<Pick<Endpoint, 'host' | 'account' | 'auth' | 'query' | 'body'>>;

const DOC = 'https://developers.weixin.qq.com/doc/offiaccount';
const MP_DOC = 'https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc';

/** Builds one entry; most endpoints are Official Account calls on api.weixin.qq.com with `access_token`. */
function endpoint(id: string, spec: Spec): Endpoint {
  const auth = spec.auth ?? 'access_token';
  return {
    id,
    host: spec.host ?? 'api.weixin.qq.com',
    account: spec.account ?? 'official-account',
    auth,
    query: spec.query ?? (auth === 'access_token' ? ['access_token'] : []),
    body: spec.body ?? [],
    ...spec,
  } as Endpoint;
}

const USER_INFO_BATCH: EndpointBatch = { endpoint: 'cgi-bin/user/info/batchget', listField: 'user_list', limit: 100 };

const ENTRIES: readonly Endpoint[] = [
  // ── Tokens and tickets ────────────────────────────────────────────────────────────────────────────────
  // access_token: valid 7200 s, 2,000 calls a day (45009 past it); a new one retires the old after 5 minutes.
  endpoint('cgi-bin/token', {
    method: 'GET',
    kind: 'token',
    auth: 'appsecret',
    query: ['grant_type', 'appid', 'secret'],
    title: 'Get access_token',
    titleZh: '获取 Access token',
    quota: { perDay: 2000 },
    mustCache: true,
    doc: `${DOC}/Basic_Information/Get_access_token.html`,
  }),
  endpoint('cgi-bin/stable_token', {
    method: 'POST',
    kind: 'token',
    auth: 'appsecret',
    body: ['grant_type', 'appid', 'secret'],
    title: 'Get stable access_token',
    titleZh: '获取稳定版接口调用凭据',
    quota: { perMinute: 10000, note: 'force_refresh: true at most 20 times a day' },
    mustCache: true,
    doc: `${DOC}/Basic_Information/getStableAccessToken.html`,
  }),
  endpoint('cgi-bin/ticket/getticket', {
    method: 'GET',
    kind: 'ticket',
    query: ['access_token', 'type'],
    title: 'Get jsapi_ticket / card api_ticket',
    titleZh: '获取 jsapi_ticket / 卡券 api_ticket',
    mustCache: true,
    doc: `${DOC}/OA_Web_Apps/JS-SDK.html`,
  }),
  endpoint('cgi-bin/get_api_domain_ip', {
    method: 'GET',
    kind: 'ops',
    title: 'Get API server IP addresses',
    titleZh: '获取微信 API 接口 IP 地址',
    doc: `${DOC}/Basic_Information/Get_the_WeChat_server_IP_address.html`,
  }),
  endpoint('cgi-bin/getcallbackip', {
    method: 'GET',
    kind: 'ops',
    title: 'Get callback server IP addresses',
    titleZh: '获取微信推送服务器 IP 地址',
    doc: `${DOC}/Basic_Information/Get_the_WeChat_server_IP_address.html`,
  }),
  endpoint('cgi-bin/callback/check', {
    method: 'POST',
    kind: 'ops',
    body: ['action', 'check_operator'],
    title: 'Network check',
    titleZh: '网络检测',
    doc: `${DOC}/Basic_Information/Network_Detection.html`,
  }),
  endpoint('cgi-bin/clear_quota', {
    method: 'POST',
    kind: 'ops',
    body: ['appid'],
    title: 'Reset API quota',
    titleZh: '重置 API 调用次数',
    quota: { note: '10 times a month' },
    doc: `${DOC}/openApi/clear_quota.html`,
  }),
  endpoint('cgi-bin/openapi/quota/get', {
    method: 'POST',
    kind: 'ops',
    body: ['cgi_path'],
    title: 'Query API quota',
    titleZh: '查询 API 调用额度',
    doc: `${DOC}/openApi/get_api_quota.html`,
  }),
  endpoint('cgi-bin/openapi/rid/get', {
    method: 'POST',
    kind: 'ops',
    body: ['rid'],
    title: 'Query a request id',
    titleZh: '查询 rid 信息',
    doc: `${DOC}/openApi/get_rid_info.html`,
  }),
  endpoint('cgi-bin/get_current_autoreply_info', {
    method: 'GET',
    kind: 'ops',
    title: 'Get auto-reply rules',
    titleZh: '获取公众号的自动回复规则',
    doc: `${DOC}/Message_Management/Getting_Rules_for_Auto_Replies.html`,
  }),

  // ── Users ───────────────────────────────────────────────────────────────────────────────────────────────
  // Since 2021-12-27 user/info no longer returns nickname and avatar; batchget takes at most 100 openids.
  endpoint('cgi-bin/user/info', {
    method: 'GET',
    kind: 'user-data',
    query: ['access_token', 'openid'],
    title: 'Get user info',
    titleZh: '获取用户基本信息',
    quota: { perDay: 5_000_000 },
    batch: USER_INFO_BATCH,
    note: 'since 2021-12-27 no nickname or headimgurl in the response',
    doc: `${DOC}/User_Management/Get_users_basic_information_UnionID.html`,
  }),
  endpoint('cgi-bin/user/info/batchget', {
    method: 'POST',
    kind: 'user-data',
    body: ['user_list'],
    title: 'Batch get user info',
    titleZh: '批量获取用户基本信息',
    listLimit: { field: 'user_list', max: 100 },
    doc: `${DOC}/User_Management/Get_users_basic_information_UnionID.html`,
  }),
  endpoint('cgi-bin/user/get', {
    method: 'GET',
    kind: 'user-data',
    title: 'Get follower list',
    titleZh: '获取关注者列表',
    quota: { perDay: 500, note: '10,000 openids a page' },
    returnsFollowerList: true,
    doc: `${DOC}/User_Management/Getting_a_User_List.html`,
  }),
  endpoint('cgi-bin/user/info/updateremark', {
    method: 'POST',
    kind: 'user-data',
    body: ['openid', 'remark'],
    title: 'Set user remark',
    titleZh: '设置用户备注名',
    quota: { perDay: 10_000 },
    doc: `${DOC}/User_Management/Configuring_user_notes.html`,
  }),
  endpoint('cgi-bin/tags/create', {
    method: 'POST',
    kind: 'tag',
    body: ['tag'],
    title: 'Create tag',
    titleZh: '创建标签',
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/tags/get', {
    method: 'GET',
    kind: 'tag',
    title: 'Get tags',
    titleZh: '获取已创建的标签',
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/tags/update', {
    method: 'POST',
    kind: 'tag',
    body: ['tag'],
    title: 'Edit tag',
    titleZh: '编辑标签',
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/tags/delete', {
    method: 'POST',
    kind: 'tag',
    body: ['tag'],
    title: 'Delete tag',
    titleZh: '删除标签',
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/user/tag/get', {
    method: 'POST',
    kind: 'tag',
    body: ['tagid'],
    title: 'Get followers with a tag',
    titleZh: '获取标签下粉丝列表',
    returnsFollowerList: true,
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/tags/members/batchtagging', {
    method: 'POST',
    kind: 'tag',
    body: ['openid_list', 'tagid'],
    title: 'Tag users in batch',
    titleZh: '批量为用户打标签',
    listLimit: { field: 'openid_list', max: 50 },
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/tags/members/batchuntagging', {
    method: 'POST',
    kind: 'tag',
    body: ['openid_list', 'tagid'],
    title: 'Untag users in batch',
    titleZh: '批量为用户取消标签',
    listLimit: { field: 'openid_list', max: 50 },
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  endpoint('cgi-bin/tags/getidlist', {
    method: 'POST',
    kind: 'tag',
    body: ['openid'],
    title: "Get a user's tags",
    titleZh: '获取用户身上的标签列表',
    doc: `${DOC}/User_Management/User_Tag_Management.html`,
  }),
  // https://developers.weixin.qq.com/doc/service/api/usermanage/userinfo/api_batchblacklist: at most 20 a call.
  endpoint('cgi-bin/tags/members/getblacklist', {
    method: 'POST',
    kind: 'blacklist',
    title: 'Get blacklist',
    titleZh: '获取公众号的黑名单列表',
    doc: `${DOC}/User_Management/Manage_blacklist.html`,
  }),
  endpoint('cgi-bin/tags/members/batchblacklist', {
    method: 'POST',
    kind: 'blacklist',
    body: ['openid_list'],
    title: 'Blacklist users',
    titleZh: '拉黑用户',
    listLimit: { field: 'openid_list', max: 20 },
    doc: `${DOC}/User_Management/Manage_blacklist.html`,
  }),
  endpoint('cgi-bin/tags/members/batchunblacklist', {
    method: 'POST',
    kind: 'blacklist',
    body: ['openid_list'],
    title: 'Remove users from blacklist',
    titleZh: '取消拉黑用户',
    listLimit: { field: 'openid_list', max: 20 },
    doc: `${DOC}/User_Management/Manage_blacklist.html`,
  }),
  // User groups were replaced by tags in 2016; the group endpoints answer with errors today.
  ...(
    [
      ['groups/create', 'POST', 'Create group', '创建分组', 'cgi-bin/tags/create'],
      ['groups/get', 'GET', 'Get groups', '查询所有分组', 'cgi-bin/tags/get'],
      ['groups/getid', 'POST', "Get a user's group", '查询用户所在分组', 'cgi-bin/tags/getidlist'],
      ['groups/update', 'POST', 'Rename group', '修改分组名', 'cgi-bin/tags/update'],
      ['groups/members/update', 'POST', 'Move user to group', '移动用户分组', 'cgi-bin/tags/members/batchtagging'],
      ['groups/members/batchupdate', 'POST', 'Move users to group', '批量移动用户分组', 'cgi-bin/tags/members/batchtagging'],
      ['groups/delete', 'POST', 'Delete group', '删除分组', 'cgi-bin/tags/delete'],
    ] as const
  ).map(([path, method, title, titleZh, replacement]) =>
    endpoint(`cgi-bin/${path}`, {
      method,
      kind: 'tag',
      title,
      titleZh,
      deprecated: {
        since: '2016-06-01',
        replacement,
        note: 'user groups were replaced by user tags',
        noteZh: '用户分组接口已由用户标签接口取代',
      },
      doc: `${DOC}/User_Management/User_Tag_Management.html`,
    }),
  ),

  // ── Menus ───────────────────────────────────────────────────────────────────────────────────────────────
  endpoint('cgi-bin/menu/create', {
    method: 'POST',
    kind: 'menu',
    body: ['button'],
    title: 'Create menu',
    titleZh: '创建自定义菜单',
    quota: { perDay: 1000 },
    doc: `${DOC}/Custom_Menus/Creating_Custom-Defined_Menu.html`,
  }),
  endpoint('cgi-bin/menu/get', {
    method: 'GET',
    kind: 'menu',
    title: 'Get menu',
    titleZh: '查询自定义菜单',
    quota: { perDay: 10_000 },
    doc: `${DOC}/Custom_Menus/Querying_Custom_Menus.html`,
  }),
  endpoint('cgi-bin/menu/delete', {
    method: 'GET',
    kind: 'menu',
    title: 'Delete menu',
    titleZh: '删除自定义菜单',
    quota: { perDay: 1000 },
    doc: `${DOC}/Custom_Menus/Deleting_Custom-Defined_Menu.html`,
  }),
  endpoint('cgi-bin/menu/addconditional', {
    method: 'POST',
    kind: 'menu',
    body: ['button', 'matchrule'],
    title: 'Create conditional menu',
    titleZh: '创建个性化菜单',
    doc: `${DOC}/Custom_Menus/Personalized_menu_interface.html`,
  }),
  endpoint('cgi-bin/menu/delconditional', {
    method: 'POST',
    kind: 'menu',
    body: ['menuid'],
    title: 'Delete conditional menu',
    titleZh: '删除个性化菜单',
    doc: `${DOC}/Custom_Menus/Personalized_menu_interface.html`,
  }),
  endpoint('cgi-bin/menu/trymatch', {
    method: 'POST',
    kind: 'menu',
    body: ['user_id'],
    title: 'Test conditional menu match',
    titleZh: '测试个性化菜单匹配结果',
    doc: `${DOC}/Custom_Menus/Personalized_menu_interface.html`,
  }),
  endpoint('cgi-bin/get_current_selfmenu_info', {
    method: 'GET',
    kind: 'menu',
    title: 'Get menu configuration',
    titleZh: '查询自定义菜单配置（含网站设置）',
    doc: `${DOC}/Custom_Menus/Getting_Custom_Menu_Configurations.html`,
  }),

  // ── Template messages (S11: service notifications only, user-triggered, no marketing; 100,000 a day) ──
  endpoint('cgi-bin/message/template/send', {
    method: 'POST',
    kind: 'template',
    body: ['touser', 'template_id'],
    title: 'Send template message',
    titleZh: '发送模板消息',
    quota: { perDay: 100_000 },
    sendsMessage: true,
    doc: `${DOC}/Message_Management/Template_Message_Interface.html`,
  }),
  endpoint('cgi-bin/template/api_set_industry', {
    method: 'POST',
    kind: 'template',
    body: ['industry_id1', 'industry_id2'],
    title: 'Set industry',
    titleZh: '设置所属行业',
    doc: `${DOC}/Message_Management/Template_Message_Interface.html`,
  }),
  endpoint('cgi-bin/template/get_industry', {
    method: 'GET',
    kind: 'template',
    title: 'Get industry',
    titleZh: '获取设置的行业信息',
    doc: `${DOC}/Message_Management/Template_Message_Interface.html`,
  }),
  endpoint('cgi-bin/template/api_add_template', {
    method: 'POST',
    kind: 'template',
    body: ['template_id_short'],
    title: 'Add template',
    titleZh: '获得模板 ID',
    doc: `${DOC}/Message_Management/Template_Message_Interface.html`,
  }),
  endpoint('cgi-bin/template/get_all_private_template', {
    method: 'GET',
    kind: 'template',
    title: 'List templates',
    titleZh: '获取模板列表',
    doc: `${DOC}/Message_Management/Template_Message_Interface.html`,
  }),
  endpoint('cgi-bin/template/del_private_template', {
    method: 'POST',
    kind: 'template',
    body: ['template_id'],
    title: 'Delete template',
    titleZh: '删除模板',
    doc: `${DOC}/Message_Management/Template_Message_Interface.html`,
  }),
  // One-time subscription messages (一次性订阅消息) were superseded by subscription notifications (订阅通知).
  endpoint('cgi-bin/message/template/subscribe', {
    method: 'POST',
    kind: 'subscribe',
    body: ['touser', 'template_id', 'scene', 'title', 'data'],
    title: 'Send one-time subscription message',
    titleZh: '发送一次性订阅消息',
    sendsMessage: true,
    deprecated: {
      since: '2022-05-01',
      replacement: 'cgi-bin/message/subscribe/bizsend',
      note: 'one-time subscription messages were replaced by subscription notifications',
      noteZh: '一次性订阅消息已由订阅通知取代',
    },
    doc: `${DOC}/Message_Management/One-time_subscription_info.html`,
  }),

  // ── Subscription notifications (订阅通知) ─────────────────────────────────────────────────────────────────
  endpoint('cgi-bin/message/subscribe/bizsend', {
    method: 'POST',
    kind: 'subscribe',
    body: ['touser', 'template_id', 'data'],
    title: 'Send subscription notification',
    titleZh: '发送订阅通知',
    sendsMessage: true,
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),
  endpoint('wxaapi/newtmpl/addtemplate', {
    method: 'POST',
    kind: 'subscribe',
    body: ['tid', 'kidList'],
    title: 'Add subscription template',
    titleZh: '选用订阅通知模板',
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),
  endpoint('wxaapi/newtmpl/deltemplate', {
    method: 'POST',
    kind: 'subscribe',
    body: ['priTmplId'],
    title: 'Delete subscription template',
    titleZh: '删除订阅通知模板',
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),
  endpoint('wxaapi/newtmpl/getcategory', {
    method: 'GET',
    kind: 'subscribe',
    title: 'Get subscription template categories',
    titleZh: '获取公众号类目',
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),
  endpoint('wxaapi/newtmpl/getpubtemplatekeywords', {
    method: 'GET',
    kind: 'subscribe',
    query: ['access_token', 'tid'],
    title: 'Get template keywords',
    titleZh: '获取模板中的关键词',
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),
  endpoint('wxaapi/newtmpl/getpubtemplatetitles', {
    method: 'GET',
    kind: 'subscribe',
    query: ['access_token', 'ids', 'start', 'limit'],
    title: 'Get public template titles',
    titleZh: '获取类目下的公共模板',
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),
  endpoint('wxaapi/newtmpl/gettemplate', {
    method: 'GET',
    kind: 'subscribe',
    title: 'List private subscription templates',
    titleZh: '获取私有模板列表',
    doc: `${DOC}/Subscription_Messages/api.html`,
  }),

  // ── Customer-service messages (only within 48 h after a user message) ─────────────────────────────────
  endpoint('cgi-bin/message/custom/send', {
    method: 'POST',
    kind: 'custom-message',
    body: ['touser', 'msgtype'],
    title: 'Send customer-service message',
    titleZh: '发送客服消息',
    quota: { perDay: 500_000, note: 'only within 48 hours after the user messaged the account' },
    sendsMessage: true,
    doc: `${DOC}/Message_Management/Service_Center_messages.html`,
  }),
  endpoint('cgi-bin/message/custom/typing', {
    method: 'POST',
    kind: 'custom-message',
    body: ['touser', 'command'],
    title: 'Send typing status',
    titleZh: '客服输入状态',
    doc: `${DOC}/Message_Management/Service_Center_messages.html`,
  }),

  // ── Mass messages (subscription accounts once a day, service accounts 4 a month per user) ─────────────
  endpoint('cgi-bin/message/mass/sendall', {
    method: 'POST',
    kind: 'mass',
    body: ['filter', 'msgtype'],
    title: 'Mass send by tag / to all',
    titleZh: '根据标签进行群发',
    quota: { perDay: 100, note: 'subscription accounts once a day, service accounts 4 a month per user' },
    sendsMessage: true,
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/message/mass/send', {
    method: 'POST',
    kind: 'mass',
    body: ['touser', 'msgtype'],
    title: 'Mass send by openid list',
    titleZh: '根据 OpenID 列表群发',
    quota: { perDay: 100, note: 'touser takes 2 to 10,000 openids' },
    listLimit: { field: 'touser', max: 10_000 },
    sendsMessage: true,
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/message/mass/delete', {
    method: 'POST',
    kind: 'mass',
    body: ['msg_id'],
    title: 'Delete mass message',
    titleZh: '删除群发',
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/message/mass/preview', {
    method: 'POST',
    kind: 'mass',
    body: ['msgtype'],
    title: 'Preview mass message',
    titleZh: '预览群发消息',
    quota: { perDay: 100 },
    sendsMessage: true,
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/message/mass/get', {
    method: 'POST',
    kind: 'mass',
    body: ['msg_id'],
    title: 'Query mass send status',
    titleZh: '查询群发消息发送状态',
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/message/mass/speed/get', {
    method: 'POST',
    kind: 'mass',
    title: 'Get mass send speed',
    titleZh: '获取群发速度',
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/message/mass/speed/set', {
    method: 'POST',
    kind: 'mass',
    body: ['speed'],
    title: 'Set mass send speed',
    titleZh: '设置群发速度',
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),
  endpoint('cgi-bin/media/uploadnews', {
    method: 'POST',
    kind: 'mass',
    body: ['articles'],
    title: 'Upload news for mass send',
    titleZh: '上传图文消息素材（群发）',
    quota: { perDay: 10 },
    doc: `${DOC}/Message_Management/Batch_Sends_and_Originality_Checks.html`,
  }),

  // ── Media and materials ───────────────────────────────────────────────────────────────────────────────
  endpoint('cgi-bin/media/upload', {
    method: 'POST',
    kind: 'media',
    query: ['access_token', 'type'],
    title: 'Upload temporary media',
    titleZh: '新增临时素材',
    quota: { perDay: 100_000 },
    doc: `${DOC}/Asset_Management/New_temporary_materials.html`,
  }),
  // Voice recognition: upload a voice file by id, then read its text.
  endpoint('cgi-bin/media/voice/addvoicetorecofortext', {
    method: 'POST',
    kind: 'media',
    query: ['access_token', 'format', 'voice_id', 'lang'],
    title: 'Upload voice for recognition',
    titleZh: '提交语音',
    doc: `${DOC}/Intelligent_Interface/AI_Open_API.html`,
  }),
  endpoint('cgi-bin/media/voice/queryrecoresultfortext', {
    method: 'POST',
    kind: 'media',
    query: ['access_token', 'voice_id', 'lang'],
    title: 'Get voice recognition result',
    titleZh: '获取语音识别结果',
    doc: `${DOC}/Intelligent_Interface/AI_Open_API.html`,
  }),
  endpoint('cgi-bin/media/get', {
    method: 'GET',
    kind: 'media',
    query: ['access_token', 'media_id'],
    title: 'Get temporary media',
    titleZh: '获取临时素材',
    quota: { perDay: 200_000 },
    doc: `${DOC}/Asset_Management/Get_temporary_materials.html`,
  }),
  endpoint('cgi-bin/media/get/jssdk', {
    method: 'GET',
    kind: 'media',
    query: ['access_token', 'media_id'],
    title: 'Get high-definition voice uploaded by JS-SDK',
    titleZh: '获取 JS-SDK 上传的高清语音素材',
    doc: `${DOC}/Asset_Management/Get_temporary_materials.html`,
  }),
  endpoint('cgi-bin/media/uploadimg', {
    method: 'POST',
    kind: 'media',
    title: 'Upload article image',
    titleZh: '上传图文消息内的图片获取 URL',
    doc: `${DOC}/Asset_Management/Adding_Permanent_Assets.html`,
  }),
  endpoint('cgi-bin/material/add_material', {
    method: 'POST',
    kind: 'media',
    query: ['access_token', 'type'],
    title: 'Add permanent material',
    titleZh: '新增其他类型永久素材',
    doc: `${DOC}/Asset_Management/Adding_Permanent_Assets.html`,
  }),
  endpoint('cgi-bin/material/get_material', {
    method: 'POST',
    kind: 'media',
    body: ['media_id'],
    title: 'Get permanent material',
    titleZh: '获取永久素材',
    doc: `${DOC}/Asset_Management/Getting_Permanent_Assets.html`,
  }),
  endpoint('cgi-bin/material/del_material', {
    method: 'POST',
    kind: 'media',
    body: ['media_id'],
    title: 'Delete permanent material',
    titleZh: '删除永久素材',
    doc: `${DOC}/Asset_Management/Deleting_Permanent_Assets.html`,
  }),
  endpoint('cgi-bin/material/get_materialcount', {
    method: 'GET',
    kind: 'media',
    title: 'Count materials',
    titleZh: '获取素材总数',
    doc: `${DOC}/Asset_Management/Get_the_total_of_all_materials.html`,
  }),
  endpoint('cgi-bin/material/batchget_material', {
    method: 'POST',
    kind: 'media',
    body: ['type', 'offset', 'count'],
    title: 'List materials',
    titleZh: '获取素材列表',
    listLimit: { field: 'count', max: 20 },
    doc: `${DOC}/Asset_Management/Get_materials_list.html`,
  }),
  // Permanent news materials went offline on 2022-02-28 (errcode 45103); drafts replace them.
  endpoint('cgi-bin/material/add_news', {
    method: 'POST',
    kind: 'media',
    body: ['articles'],
    title: 'Add permanent news material',
    titleZh: '新增永久图文素材',
    deprecated: {
      since: '2022-02-28',
      replacement: 'cgi-bin/draft/add',
      note: 'permanent news materials went offline (errcode 45103); use drafts',
      noteZh: '永久图文素材接口已下线（errcode 45103），请改用草稿箱接口',
    },
    doc: `${DOC}/Asset_Management/Adding_Permanent_Assets.html`,
  }),
  endpoint('cgi-bin/material/update_news', {
    method: 'POST',
    kind: 'media',
    body: ['media_id', 'index', 'articles'],
    title: 'Update permanent news material',
    titleZh: '修改永久图文素材',
    deprecated: {
      since: '2022-02-28',
      replacement: 'cgi-bin/draft/update',
      note: 'permanent news materials went offline (errcode 45103); use drafts',
      noteZh: '永久图文素材接口已下线（errcode 45103），请改用草稿箱接口',
    },
    doc: `${DOC}/Asset_Management/Editing_Permanent_Rich_Media_Assets.html`,
  }),

  // ── Drafts and publishing ─────────────────────────────────────────────────────────────────────────────
  endpoint('cgi-bin/draft/add', {
    method: 'POST',
    kind: 'draft',
    body: ['articles'],
    title: 'Add draft',
    titleZh: '新建草稿',
    doc: `${DOC}/Draft_Box/Add_draft.html`,
  }),
  endpoint('cgi-bin/draft/get', {
    method: 'POST',
    kind: 'draft',
    body: ['media_id'],
    title: 'Get draft',
    titleZh: '获取草稿',
    doc: `${DOC}/Draft_Box/Get_draft.html`,
  }),
  endpoint('cgi-bin/draft/delete', {
    method: 'POST',
    kind: 'draft',
    body: ['media_id'],
    title: 'Delete draft',
    titleZh: '删除草稿',
    doc: `${DOC}/Draft_Box/Delete_draft.html`,
  }),
  endpoint('cgi-bin/draft/update', {
    method: 'POST',
    kind: 'draft',
    body: ['media_id', 'index', 'articles'],
    title: 'Update draft',
    titleZh: '修改草稿',
    doc: `${DOC}/Draft_Box/Update_draft.html`,
  }),
  endpoint('cgi-bin/draft/count', {
    method: 'GET',
    kind: 'draft',
    title: 'Count drafts',
    titleZh: '获取草稿总数',
    doc: `${DOC}/Draft_Box/Count_drafts.html`,
  }),
  endpoint('cgi-bin/draft/batchget', {
    method: 'POST',
    kind: 'draft',
    body: ['offset', 'count'],
    title: 'List drafts',
    titleZh: '获取草稿列表',
    listLimit: { field: 'count', max: 20 },
    doc: `${DOC}/Draft_Box/Get_draft_list.html`,
  }),
  endpoint('cgi-bin/draft/switch', {
    method: 'POST',
    kind: 'draft',
    title: 'Switch draft box on',
    titleZh: 'MP 端开关（仅内测期间使用）',
    doc: `${DOC}/Draft_Box/Temporary_MP_Switch.html`,
  }),
  endpoint('cgi-bin/freepublish/submit', {
    method: 'POST',
    kind: 'publish',
    body: ['media_id'],
    title: 'Publish draft',
    titleZh: '发布接口',
    doc: `${DOC}/Publish/Publish.html`,
  }),
  endpoint('cgi-bin/freepublish/get', {
    method: 'POST',
    kind: 'publish',
    body: ['publish_id'],
    title: 'Query publish status',
    titleZh: '发布状态轮询接口',
    doc: `${DOC}/Publish/Get_status.html`,
  }),
  endpoint('cgi-bin/freepublish/delete', {
    method: 'POST',
    kind: 'publish',
    body: ['article_id'],
    title: 'Delete published article',
    titleZh: '删除发布',
    doc: `${DOC}/Publish/Delete_posts.html`,
  }),
  endpoint('cgi-bin/freepublish/getarticle', {
    method: 'POST',
    kind: 'publish',
    body: ['article_id'],
    title: 'Get published article',
    titleZh: '通过 article_id 获取已发布文章',
    doc: `${DOC}/Publish/Get_article_from_id.html`,
  }),
  endpoint('cgi-bin/freepublish/batchget', {
    method: 'POST',
    kind: 'publish',
    body: ['offset', 'count'],
    title: 'List published articles',
    titleZh: '获取成功发布列表',
    listLimit: { field: 'count', max: 20 },
    doc: `${DOC}/Publish/Get_publication_records.html`,
  }),

  // ── Comments on articles ──────────────────────────────────────────────────────────────────────────────
  ...(
    [
      ['open', ['msg_data_id'], 'Open comments', '打开已群发文章评论'],
      ['close', ['msg_data_id'], 'Close comments', '关闭已群发文章评论'],
      ['list', ['msg_data_id', 'begin', 'count', 'type'], 'List comments', '查看指定文章的评论数据'],
      ['markelect', ['msg_data_id', 'user_comment_id'], 'Mark comment as featured', '将评论标记精选'],
      ['unmarkelect', ['msg_data_id', 'user_comment_id'], 'Unmark featured comment', '将评论取消精选'],
      ['delete', ['msg_data_id', 'user_comment_id'], 'Delete comment', '删除评论'],
      ['reply/add', ['msg_data_id', 'user_comment_id', 'content'], 'Reply to comment', '回复评论'],
      ['reply/delete', ['msg_data_id', 'user_comment_id'], 'Delete reply', '删除回复'],
    ] as const
  ).map(([path, body, title, titleZh]) =>
    endpoint(`cgi-bin/comment/${path}`, {
      method: 'POST',
      kind: 'comment',
      body,
      title,
      titleZh,
      doc: `${DOC}/Comments_management/Image_Comments_Management_Interface.html`,
    }),
  ),

  // ── QR codes, short keys, short URLs ──────────────────────────────────────────────────────────────────
  endpoint('cgi-bin/qrcode/create', {
    method: 'POST',
    kind: 'qrcode',
    body: ['action_name', 'action_info'],
    title: 'Create parametric QR code',
    titleZh: '生成带参数的二维码',
    quota: { perDay: 100_000 },
    doc: `${DOC}/Account_Management/Generating_a_Parametric_QR_Code.html`,
  }),
  endpoint('cgi-bin/showqrcode', {
    host: 'mp.weixin.qq.com',
    method: 'GET',
    kind: 'qrcode',
    auth: 'none',
    query: ['ticket'],
    title: 'Show QR code by ticket',
    titleZh: '通过 ticket 换取二维码',
    doc: `${DOC}/Account_Management/Generating_a_Parametric_QR_Code.html`,
  }),
  endpoint('cgi-bin/shorten/gen', {
    method: 'POST',
    kind: 'short-key',
    body: ['long_data'],
    title: 'Generate short key',
    titleZh: '生成短 key 托管',
    doc: `${DOC}/Account_Management/Short_key_management.html`,
  }),
  endpoint('cgi-bin/shorten/fetch', {
    method: 'POST',
    kind: 'short-key',
    body: ['short_key'],
    title: 'Fetch long data by short key',
    titleZh: '获取托管的长信息',
    doc: `${DOC}/Account_Management/Short_key_management.html`,
  }),
  endpoint('cgi-bin/shorturl', {
    method: 'POST',
    kind: 'short-key',
    body: ['action', 'long_url'],
    title: 'Long URL to short URL',
    titleZh: '长链接转短链接',
    quota: { perDay: 1000 },
    deprecated: {
      since: '2021-03-15',
      replacement: 'cgi-bin/shorten/gen',
      note: 'the URL shortener stopped generating short links',
      noteZh: '长链接转短链接接口已停止生成短链',
    },
    doc: `${DOC}/Account_Management/URL_Shortener.html`,
  }),

  // ── Web authorization (OAuth 2.0) ─────────────────────────────────────────────────────────────────────
  endpoint('sns/oauth2/access_token', {
    method: 'GET',
    kind: 'oauth',
    auth: 'appsecret',
    query: ['appid', 'secret', 'code', 'grant_type'],
    title: 'Exchange code for web access_token',
    titleZh: '通过 code 换取网页授权 access_token',
    doc: `${DOC}/OA_Web_Apps/Wechat_webpage_authorization.html`,
  }),
  endpoint('sns/oauth2/refresh_token', {
    method: 'GET',
    kind: 'oauth',
    auth: 'none',
    query: ['appid', 'grant_type', 'refresh_token'],
    title: 'Refresh web access_token',
    titleZh: '刷新网页授权 access_token',
    doc: `${DOC}/OA_Web_Apps/Wechat_webpage_authorization.html`,
  }),
  endpoint('sns/userinfo', {
    method: 'GET',
    kind: 'oauth',
    auth: 'oauth_access_token',
    query: ['access_token', 'openid'],
    title: 'Get user info (snsapi_userinfo)',
    titleZh: '拉取用户信息（需 scope 为 snsapi_userinfo）',
    doc: `${DOC}/OA_Web_Apps/Wechat_webpage_authorization.html`,
  }),
  endpoint('sns/auth', {
    method: 'GET',
    kind: 'oauth',
    auth: 'oauth_access_token',
    query: ['access_token', 'openid'],
    title: 'Check web access_token',
    titleZh: '检验授权凭证是否有效',
    doc: `${DOC}/OA_Web_Apps/Wechat_webpage_authorization.html`,
  }),

  // ── Customer service accounts and sessions ────────────────────────────────────────────────────────────
  endpoint('customservice/kfaccount/add', {
    method: 'POST',
    kind: 'customer-service',
    body: ['kf_account', 'nickname'],
    title: 'Add customer-service account',
    titleZh: '添加客服账号',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('customservice/kfaccount/update', {
    method: 'POST',
    kind: 'customer-service',
    body: ['kf_account', 'nickname'],
    title: 'Update customer-service account',
    titleZh: '设置客服信息',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('customservice/kfaccount/del', {
    method: 'GET',
    kind: 'customer-service',
    query: ['access_token', 'kf_account'],
    title: 'Delete customer-service account',
    titleZh: '删除客服账号',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('customservice/kfaccount/inviteworker', {
    method: 'POST',
    kind: 'customer-service',
    body: ['kf_account', 'invite_wx'],
    title: 'Invite customer-service worker',
    titleZh: '邀请绑定客服账号',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('customservice/kfaccount/uploadheadimg', {
    method: 'POST',
    kind: 'customer-service',
    query: ['access_token', 'kf_account'],
    title: 'Upload customer-service avatar',
    titleZh: '上传客服头像',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('cgi-bin/customservice/getkflist', {
    method: 'GET',
    kind: 'customer-service',
    title: 'List customer-service accounts',
    titleZh: '获取客服基本信息',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('cgi-bin/customservice/getonlinekflist', {
    method: 'GET',
    kind: 'customer-service',
    title: 'List online customer-service accounts',
    titleZh: '获取在线客服',
    doc: `${DOC}/Customer_Service/Customer_Service_Management.html`,
  }),
  endpoint('customservice/kfsession/create', {
    method: 'POST',
    kind: 'customer-service',
    body: ['kf_account', 'openid'],
    title: 'Create session',
    titleZh: '创建会话',
    doc: `${DOC}/Customer_Service/Session_control.html`,
  }),
  endpoint('customservice/kfsession/close', {
    method: 'POST',
    kind: 'customer-service',
    body: ['kf_account', 'openid'],
    title: 'Close session',
    titleZh: '关闭会话',
    doc: `${DOC}/Customer_Service/Session_control.html`,
  }),
  endpoint('customservice/kfsession/getsession', {
    method: 'GET',
    kind: 'customer-service',
    query: ['access_token', 'openid'],
    title: "Get a user's session",
    titleZh: '获取客户会话状态',
    doc: `${DOC}/Customer_Service/Session_control.html`,
  }),
  endpoint('customservice/kfsession/getsessionlist', {
    method: 'GET',
    kind: 'customer-service',
    query: ['access_token', 'kf_account'],
    title: "List an agent's sessions",
    titleZh: '获取客服会话列表',
    doc: `${DOC}/Customer_Service/Session_control.html`,
  }),
  endpoint('customservice/kfsession/getwaitcase', {
    method: 'GET',
    kind: 'customer-service',
    title: 'List waiting sessions',
    titleZh: '获取未接入会话列表',
    doc: `${DOC}/Customer_Service/Session_control.html`,
  }),
  endpoint('customservice/msgrecord/getmsglist', {
    method: 'POST',
    kind: 'customer-service',
    body: ['starttime', 'endtime', 'msgid', 'number'],
    title: 'Get chat transcripts',
    titleZh: '获取聊天记录',
    doc: `${DOC}/Customer_Service/Obtain_chat_transcript.html`,
  }),

  // ── Data cube (analytics); each takes begin_date/end_date within a documented span ────────────────────
  ...(
    [
      ['getusersummary', 'User growth', '获取用户增减数据', 'User_Analysis_Data_Interface'],
      ['getusercumulate', 'Cumulative users', '获取累计用户数据', 'User_Analysis_Data_Interface'],
      ['getarticlesummary', 'Article daily data', '获取图文群发每日数据', 'Graphic_Analysis_Data_Interface'],
      ['getarticletotal', 'Article total data', '获取图文群发总数据', 'Graphic_Analysis_Data_Interface'],
      ['getuserread', 'Article reads', '获取图文统计数据', 'Graphic_Analysis_Data_Interface'],
      ['getuserreadhour', 'Article reads by hour', '获取图文统计分时数据', 'Graphic_Analysis_Data_Interface'],
      ['getusershare', 'Article shares', '获取图文分享转发数据', 'Graphic_Analysis_Data_Interface'],
      ['getusersharehour', 'Article shares by hour', '获取图文分享转发分时数据', 'Graphic_Analysis_Data_Interface'],
      ['getupstreammsg', 'Inbound messages', '获取消息发送概况数据', 'Message_analysis_data_interface'],
      ['getupstreammsghour', 'Inbound messages by hour', '获取消息发送分时数据', 'Message_analysis_data_interface'],
      ['getupstreammsgweek', 'Inbound messages by week', '获取消息发送周数据', 'Message_analysis_data_interface'],
      ['getupstreammsgmonth', 'Inbound messages by month', '获取消息发送月数据', 'Message_analysis_data_interface'],
      ['getupstreammsgdist', 'Inbound message distribution', '获取消息发送分布数据', 'Message_analysis_data_interface'],
      ['getupstreammsgdistweek', 'Inbound message distribution by week', '获取消息发送分布周数据', 'Message_analysis_data_interface'],
      ['getupstreammsgdistmonth', 'Inbound message distribution by month', '获取消息发送分布月数据', 'Message_analysis_data_interface'],
      ['getinterfacesummary', 'API call summary', '获取接口分析数据', 'Analytics_API'],
      ['getinterfacesummaryhour', 'API call summary by hour', '获取接口分析分时数据', 'Analytics_API'],
    ] as const
  ).map(([path, title, titleZh, page]) =>
    endpoint(`datacube/${path}`, {
      method: 'POST',
      kind: 'datacube',
      body: ['begin_date', 'end_date'],
      title,
      titleZh,
      doc: `${DOC}/Analytics/${page}.html`,
    }),
  ),

  // ── Cards and invoices (as Official Accounts use them) ────────────────────────────────────────────────
  endpoint('card/create', {
    method: 'POST',
    kind: 'card',
    body: ['card'],
    title: 'Create card or coupon',
    titleZh: '创建卡券',
    doc: `${DOC}/Cards_and_Offer/Create_a_Coupon_Voucher_or_Card.html`,
  }),
  endpoint('card/get', {
    method: 'POST',
    kind: 'card',
    body: ['card_id'],
    title: 'Get card details',
    titleZh: '查看卡券详情',
    doc: `${DOC}/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html`,
  }),
  endpoint('card/batchget', {
    method: 'POST',
    kind: 'card',
    body: ['offset', 'count'],
    title: 'List cards',
    titleZh: '批量查询卡券列表',
    listLimit: { field: 'count', max: 50 },
    doc: `${DOC}/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html`,
  }),
  endpoint('card/qrcode/create', {
    method: 'POST',
    kind: 'card',
    body: ['action_name', 'action_info'],
    title: 'Create card QR code',
    titleZh: '创建卡券二维码',
    doc: `${DOC}/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html`,
  }),
  endpoint('card/code/get', {
    method: 'POST',
    kind: 'card',
    body: ['code'],
    title: 'Query card code',
    titleZh: '查询 Code',
    doc: `${DOC}/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html`,
  }),
  endpoint('card/code/consume', {
    method: 'POST',
    kind: 'card',
    body: ['code'],
    title: 'Redeem card code',
    titleZh: '核销 Code',
    doc: `${DOC}/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html`,
  }),
  endpoint('card/code/decrypt', {
    method: 'POST',
    kind: 'card',
    body: ['encrypt_code'],
    title: 'Decrypt card code',
    titleZh: 'Code 解码',
    doc: `${DOC}/Cards_and_Offer/Redeeming_a_coupon_voucher_or_card.html`,
  }),
  endpoint('card/user/getcardlist', {
    method: 'POST',
    kind: 'card',
    body: ['openid'],
    title: "List a user's cards",
    titleZh: '获取用户已领取卡券',
    doc: `${DOC}/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html`,
  }),
  endpoint('card/invoice/seturl', {
    method: 'POST',
    kind: 'invoice',
    title: 'Get invoice platform URL',
    titleZh: '获取自身的开票平台识别码',
    doc: `${DOC}/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html`,
  }),
  endpoint('card/invoice/getauthurl', {
    method: 'POST',
    kind: 'invoice',
    body: ['s_pappid', 'order_id', 'money', 'timestamp', 'source', 'ticket'],
    title: 'Get invoice authorization page URL',
    titleZh: '获取授权页链接',
    doc: `${DOC}/WeChat_Invoice/E_Invoice/Vendor_API_List.html`,
  }),
  endpoint('card/invoice/getauthdata', {
    method: 'POST',
    kind: 'invoice',
    body: ['order_id', 's_pappid'],
    title: 'Query invoice authorization',
    titleZh: '查询授权完成状态',
    doc: `${DOC}/WeChat_Invoice/E_Invoice/Vendor_API_List.html`,
  }),
  endpoint('card/invoice/reimburse/getinvoiceinfo', {
    method: 'POST',
    kind: 'invoice',
    body: ['card_id', 'encrypt_code'],
    title: 'Get invoice details',
    titleZh: '查询报销发票信息',
    doc: `${DOC}/WeChat_Invoice/E_Invoice/Reimburser_API_List.html`,
  }),
  endpoint('card/invoice/reimburse/getinvoicebatch', {
    method: 'POST',
    kind: 'invoice',
    body: ['item_list'],
    title: 'Get invoice details in batch',
    titleZh: '批量查询报销发票信息',
    doc: `${DOC}/WeChat_Invoice/E_Invoice/Reimburser_API_List.html`,
  }),

  // ── Mini-program-only endpoints: called with an Official Account token they fail (errcode 48001) ───────
  endpoint('wxa/msg_sec_check', {
    method: 'POST',
    kind: 'content-security',
    account: 'mini-program',
    body: ['content'],
    title: 'Text content security check',
    titleZh: '文本内容安全识别',
    doc: `${MP_DOC}/sec-center/sec-check/msgSecCheck.html`,
  }),
  endpoint('wxa/media_check_async', {
    method: 'POST',
    kind: 'content-security',
    account: 'mini-program',
    body: ['media_url', 'media_type'],
    title: 'Media content security check',
    titleZh: '音视频内容安全识别',
    doc: `${MP_DOC}/sec-center/sec-check/mediaCheckAsync.html`,
  }),
  endpoint('wxa/img_sec_check', {
    method: 'POST',
    kind: 'content-security',
    account: 'mini-program',
    title: 'Image content security check',
    titleZh: '图片内容安全识别',
    deprecated: {
      since: '2021-09-01',
      replacement: 'wxa/media_check_async',
      note: 'the synchronous image check was replaced by media_check_async',
      noteZh: '同步图片检测已由 media_check_async 取代',
    },
    doc: `${MP_DOC}/sec-center/sec-check/imgSecCheck.html`,
  }),
  endpoint('wxa/getwxacode', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    body: ['path'],
    title: 'Get mini program code',
    titleZh: '获取小程序码',
    doc: `${MP_DOC}/qrcode-link/qr-code/getQRCode.html`,
  }),
  endpoint('wxa/getwxacodeunlimit', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    body: ['scene'],
    title: 'Get unlimited mini program code',
    titleZh: '获取不限制的小程序码',
    doc: `${MP_DOC}/qrcode-link/qr-code/getUnlimitedQRCode.html`,
  }),
  endpoint('cgi-bin/wxaapp/createwxaqrcode', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    body: ['path'],
    title: 'Create mini program QR code',
    titleZh: '获取小程序二维码',
    doc: `${MP_DOC}/qrcode-link/qr-code/createQRCode.html`,
  }),
  endpoint('sns/jscode2session', {
    method: 'GET',
    kind: 'mini-program',
    account: 'mini-program',
    auth: 'appsecret',
    query: ['appid', 'secret', 'js_code', 'grant_type'],
    title: 'Mini program login (code2Session)',
    titleZh: '小程序登录',
    doc: `${MP_DOC}/user-login/code2Session.html`,
  }),
  endpoint('wxa/business/getuserphonenumber', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    body: ['code'],
    title: "Get user's phone number",
    titleZh: '获取手机号',
    doc: `${MP_DOC}/user-info/phone-number/getPhoneNumber.html`,
  }),
  endpoint('cgi-bin/message/subscribe/send', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    body: ['touser', 'template_id', 'data'],
    title: 'Send mini program subscribe message',
    titleZh: '发送小程序订阅消息',
    sendsMessage: true,
    doc: `${MP_DOC}/mp-message-management/subscribe-message/sendMessage.html`,
  }),
  endpoint('cgi-bin/message/wxopen/template/send', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    body: ['touser', 'template_id', 'form_id', 'data'],
    title: 'Send mini program template message',
    titleZh: '发送小程序模板消息',
    sendsMessage: true,
    deprecated: {
      since: '2020-01-10',
      replacement: 'cgi-bin/message/subscribe/send',
      note: 'mini program template messages were retired in favour of subscribe messages',
      noteZh: '小程序模板消息已下线，由订阅消息取代',
    },
    doc: `${MP_DOC}/mp-message-management/subscribe-message/sendMessage.html`,
  }),
  endpoint('wxa/generatescheme', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    title: 'Generate mini program URL scheme',
    titleZh: '获取加密 URL Scheme',
    doc: `${MP_DOC}/qrcode-link/url-scheme/generateScheme.html`,
  }),
  endpoint('wxa/generate_urllink', {
    method: 'POST',
    kind: 'mini-program',
    account: 'mini-program',
    title: 'Generate mini program URL link',
    titleZh: '获取加密 URL Link',
    doc: `${MP_DOC}/qrcode-link/url-link/generateUrlLink.html`,
  }),
];

/** Every catalogued endpoint, by id (`cgi-bin/user/info`). */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(ENTRIES.map((entry) => [entry.id, entry]));

/** Ids of the endpoints whose results must be cached (tokens and tickets). */
export const TOKEN_ENDPOINT_IDS: readonly string[] = ENTRIES.filter((entry) => entry.mustCache).map((entry) => entry.id);

/** `cgi-bin/message/template/send`: template sends, owned by `valid-template-message` where rows overlap. */
export const TEMPLATE_SEND_ENDPOINT = 'cgi-bin/message/template/send';

/** The follower-list endpoint (`cgi-bin/user/get`), 10,000 openids a page. */
export const FOLLOWER_LIST_ENDPOINT = 'cgi-bin/user/get';

/**
 * Word patterns of functions (and their receivers) that pace calls: a per-item API call inside their callback
 * is throttled, not a bare loop (`limit(() => …)` from p-limit, `limiter.schedule(…)`, `queue.add(…)`).
 */
export const DEFAULT_THROTTLE_FUNCTIONS: readonly string[] = [
  'throttle',
  'throttled',
  'limit',
  'limiter',
  'rateLimit',
  'queue',
  'enqueue',
  'schedule',
  'bottleneck',
];

/** Hosts whose paths the catalog covers. */
export const CATALOG_HOSTS: ReadonlySet<string> = new Set(['api.weixin.qq.com', 'mp.weixin.qq.com']);

/**
 * First path segments that the catalog covers (`cgi-bin`, `sns`, `datacube`, …). A path under another root
 * (WeChat Pay's `pay/`, `merchant/`, …) is outside its knowledge: no near-miss guesses there.
 */
export const CATALOG_ROOTS: ReadonlySet<string> = new Set(ENTRIES.map((entry) => entry.id.split('/')[0]));

/**
 * Names of mini-program-only endpoints (`wxa/msg_sec_check` → `msgSecCheck`, `msg_sec_check`): a call by that
 * name is itself the endpoint, which fails for an Official Account (errcode 48001), so it never counts as a
 * check; `valid-api-request` reports the call.
 */
export const MINI_PROGRAM_ENDPOINT_NAMES: ReadonlySet<string> = new Set(
  [...ENDPOINTS.values()]
    .filter((endpoint) => endpoint.account === 'mini-program')
    .flatMap((endpoint) => {
      const last = endpoint.id.slice(endpoint.id.lastIndexOf('/') + 1);
      const camel = last.replace(/_([a-z])/gu, (_, letter: string) => letter.toUpperCase());
      return [last, camel];
    }),
);
