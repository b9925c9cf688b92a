/**
 * User data of an Official Account, by kind (docs/architecture.md, data flow). The data-flow analysis labels every value
 * with the kinds it carries; rules choose the kinds they care about.
 *
 * Field names are matched as whole words of camelCase/snake_case identifiers (util/name-words.ts), so
 * `userOpenid`, `open_id`, `FromUserName` and `headImgUrl` are found, and `openidKey` is excluded below.
 */
export const USER_DATA_KINDS = [
  'openid',
  'unionid',
  'profile',
  'phone',
  'location',
  'media',
  'address',
  'credential',
] as const;
export type UserDataKind = (typeof USER_DATA_KINDS)[number];

/**
 * Kinds the analysis tracks: the user data above plus `content`, text a user supplied (request bodies and
 * queries, the `Content` of an inbound message) that S8 asks to moderate before it is published.
 */
export type DataKind = UserDataKind | 'content';

/** Kinds that identify the person: what S6 calls a viewer's identity. */
export const IDENTITY_KINDS: ReadonlySet<DataKind> = new Set(['openid', 'unionid', 'profile']);

/** Secrets that must never reach the browser or a log (S2: `session_key`, tokens, the AppSecret). */
export const CREDENTIAL_KIND: DataKind = 'credential';

/**
 * Word patterns of field and variable names that hold each kind. Location is not `location` (the browser
 * global) but its coordinates; an address is the JS-SDK `openAddress` result fields, not any `address`.
 */
export const USER_DATA_FIELDS: Readonly<Record<UserDataKind, readonly string[]>> = {
  // `fromusername`: the inbound tag as express-xml-bodyparser gives it (it lower-cases tag names).
  openid: ['openid', 'openId', 'FromUserName', 'fromusername', 'touser'],
  unionid: ['unionid', 'unionId'],
  profile: [
    'nickname',
    'nickName',
    'headimgurl',
    'headImgUrl',
    'avatarUrl',
    'avatar',
    'userInfo',
    'realName',
    'idCard',
    'idNumber',
  ],
  phone: ['phone', 'phoneNumber', 'purePhoneNumber', 'mobile', 'telNumber', 'tel'],
  location: ['latitude', 'longitude', 'geolocation', 'coords'],
  media: ['localIds', 'localId', 'serverId', 'localData'],
  address: ['detailInfo', 'postalCode', 'userAddress', 'shippingAddress', 'deliveryAddress'],
  credential: [
    'sessionKey',
    'session_key',
    'accessToken',
    'access_token',
    'refreshToken',
    'refresh_token',
    'appsecret',
    'appSecret',
    'jsapiTicket',
    'jsapi_ticket',
    // A person's password is the credential of their own account: in a log it is as exposed as a token.
    'password',
    'passwd',
    'pwd',
  ],
};

/**
 * Words after a field name that make the name about the field rather than its value: `openidKey`,
 * `OPENID_STORAGE_KEY`, `phoneField`, `avatarUrlPrefix`, `phoneRegex`, `openidLength`.
 */
export const NOT_A_VALUE_WORDS: ReadonlySet<string> = new Set([
  'key',
  'keys',
  'field',
  'fields',
  'column',
  'columns',
  'label',
  'prefix',
  'suffix',
  'pattern',
  'regex',
  'reg',
  're',
  'rule',
  'rules',
  'length',
  'len',
  'count',
  'type',
  'schema',
  'placeholder',
  'valid',
  'invalid',
  'error',
  'required',
  'format',
  'enabled',
  'visible',
  'size',
  'width',
  'height',
  'style',
  'class',
  'ref',
  'input',
  'component',
  'icon',
]);

/** Words before a field name that make the name a flag about it: `isMobile`, `hasPhone`, `showAvatar`. */
export const NOT_A_VALUE_PREFIX_WORDS: ReadonlySet<string> = new Set([
  'is',
  'has',
  'show',
  'hide',
  'need',
  'needs',
  'use',
  'enable',
  'can',
  'should',
  'with',
  'no',
  'default',
  'mock',
  'fake',
  'example',
  'sample',
]);

/** Words that mark a name as the data of a *user*: used for DB reads and identity in S6 (`userId`, `viewerId`). */
export const USER_ENTITY_WORDS: ReadonlySet<string> = new Set([
  'user',
  'users',
  'member',
  'members',
  'follower',
  'followers',
  'fan',
  'fans',
  'customer',
  'customers',
  'viewer',
  'visitor',
]);

/** Identifiers of the current viewer, besides openid/unionid: `userId`, `uid`, `viewerId`, `visitorId`. */
export const VIEWER_ID_NAMES: readonly string[] = ['userId', 'uid', 'viewerId', 'visitorId', 'memberId', 'user_id'];

/** How messages name one value of each kind ("… writes an openid to …"), in English and Simplified Chinese. */
export const USER_DATA_KIND_TEXT: Readonly<Record<string, { en: string; zh: string }>> = {
  openid: { en: 'an openid', zh: 'openid' },
  unionid: { en: 'a unionid', zh: 'unionid' },
  profile: { en: 'profile data', zh: '用户资料' },
  phone: { en: 'a phone number', zh: '手机号' },
  location: { en: 'a location', zh: '位置信息' },
  media: { en: 'photos or recordings', zh: '图片或录音' },
  address: { en: 'an address', zh: '地址' },
  credential: { en: 'a credential', zh: '凭据' },
};

/**
 * Name words of a list that holds the account's followers (粉丝): `followers`, `subscriberList`, `fans`. A template
 * send looped over such a list is a broadcast.
 */
export const FOLLOWER_LIST_WORDS: ReadonlySet<string> = new Set(['follower', 'followers', 'subscriber', 'subscribers', 'fans']);

/**
 * Fields that identify an Official Account rather than a person: the console's `fakeid`, the `__biz` of its
 * articles (`biz`, `msgBiz`) and its `bizuin`. A record read through one of them is a public account's profile, so
 * its `nickname` and head image are the account's public name and logo, not a person's profile
 * (docs/rules/no-plaintext-user-data.md).
 */
export const OFFICIAL_ACCOUNT_ID_FIELDS: ReadonlySet<string> = new Set([
  'fakeid',
  'fakeId',
  'biz',
  '__biz',
  'msgBiz',
  'msg_biz',
  'bizuin',
  'bizUin',
]);
