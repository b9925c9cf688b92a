/**
 * The credentials of an Official Account and of WeChat Pay, how their names are spelled in code and what their
 * values look like. `no-hardcoded-credentials` reads this catalog; names are matched as whole words of
 * camelCase/snake_case identifiers (util/name-words.ts), never as substrings.
 */

/** The kinds of credential the rule recognises. */
export type CredentialKind = 'appSecret' | 'aesKey' | 'token' | 'payKey' | 'accessToken' | 'databasePassword';

export interface CredentialSpec {
  kind: CredentialKind;
  /** How the credential is called in messages. */
  label: { en: string; 'zh-CN': string };
  /**
   * Word patterns of names that hold this credential on their own (`appSecret`, `WECHAT_SECRET`).
   * A pattern also matches a name whose words, joined, equal the pattern's (`appsecret`, `APPSECRET`).
   */
  names: readonly string[];
  /**
   * Word patterns of names that hold this credential only when a sibling key or variable names the account
   * (`token` next to `appid`, `key` next to `mchid`).
   */
  namesWithSibling?: readonly string[];
  /** Sibling names that make `namesWithSibling` count. */
  siblings?: readonly string[];
  /**
   * True when a sibling counts whatever text it holds (`database: 'shop'`); otherwise a sibling holding text
   * that is no account value (`{ appid: 'AppID', token: 'Verify' }`, form labels) does not count.
   */
  siblingsWithAnyText?: boolean;
  /**
   * The value's shape. Checked with plain character tests, not a regex, so the cost is linear. `token`: letters,
   * digits, `-` and `_`; `text`: any printable ASCII but spaces and quotes.
   */
  shape: { minLength: number; maxLength: number; charset: 'hex' | 'alnum' | 'token' | 'text' };
}

/** The sibling names that identify an Official Account configuration. */
const ACCOUNT_NAMES = ['appid', 'appId', 'secret', 'appsecret', 'encodingAESKey', 'aesKey'] as const;

export const CREDENTIALS: readonly CredentialSpec[] = [
  {
    kind: 'appSecret',
    label: { en: 'AppSecret', 'zh-CN': 'AppSecret' },
    // AppSecret: 32 hexadecimal characters (Official Accounts Platform → Settings → Basic configuration).
    names: ['secret', 'appsecret'],
    shape: { minLength: 32, maxLength: 32, charset: 'hex' },
  },
  {
    kind: 'aesKey',
    label: { en: 'EncodingAESKey', 'zh-CN': 'EncodingAESKey（消息加解密密钥）' },
    // EncodingAESKey: 43 letters and digits (message encryption, server configuration).
    names: ['encodingAESKey', 'aesKey', 'encodingKey'],
    shape: { minLength: 43, maxLength: 43, charset: 'alnum' },
  },
  {
    kind: 'payKey',
    label: { en: 'WeChat Pay API key', 'zh-CN': '微信支付 API 密钥' },
    // WeChat Pay API v2 key and APIv3 key: 32 letters and digits, set in the merchant platform.
    names: ['mchKey', 'mchSecret', 'partnerKey', 'payKey', 'paySecret', 'paySignKey', 'apiV3Key', 'apiv3Key', 'apiv3'],
    namesWithSibling: ['key', 'apiKey'],
    siblings: ['mchId', 'mchid', 'merchantId', 'partner', 'partnerId', 'mch'],
    shape: { minLength: 32, maxLength: 32, charset: 'alnum' },
  },
  {
    kind: 'token',
    label: { en: 'server Token', 'zh-CN': '服务器配置 Token' },
    // The server configuration Token: 3 to 32 letters and digits. `token` alone is too common a name, so it
    // counts only next to the account's other keys; `wechatToken`/`WECHAT_TOKEN` say what they are.
    names: ['wechatToken', 'weixinToken', 'wxToken', 'serverToken', 'mpToken'],
    namesWithSibling: ['token'],
    siblings: ACCOUNT_NAMES,
    shape: { minLength: 3, maxLength: 32, charset: 'alnum' },
  },
  {
    kind: 'accessToken',
    label: { en: 'access_token', 'zh-CN': 'access_token（接口调用凭据）' },
    // An interface access_token fetched once and committed: digits, `_`, then well over a hundred letters, digits,
    // `-` and `_` (the platform reserves 512 characters for it). Anyone holding it calls the API as the account
    // until it expires. A JWT (with dots) or a short test value has another shape.
    names: ['accessToken'],
    shape: { minLength: 64, maxLength: 512, charset: 'token' },
  },
  {
    kind: 'databasePassword',
    label: { en: 'database password', 'zh-CN': '数据库密码' },
    // The password of the database that keeps the users' data, beside the database's name in a connection
    // configuration (`{ host, username, password, database }`).
    names: [],
    namesWithSibling: ['password', 'passwd', 'pwd'],
    siblings: ['database', 'dbName'],
    siblingsWithAnyText: true,
    shape: { minLength: 4, maxLength: 64, charset: 'text' },
  },
];

/**
 * Words that make a name a non-secret even when it also contains a secret word: digests and signatures are
 * 32 hex characters too (`secretHash`, `secret_md5`), ids and public keys are not secret.
 */
export const NON_SECRET_NAME_WORDS: ReadonlySet<string> = new Set([
  'public',
  'pub',
  'hash',
  'hashed',
  'digest',
  'md5',
  'sha1',
  'sha256',
  'signature',
  'sign',
  'fingerprint',
  'checksum',
  'id',
  'ids',
  'url',
  'uri',
  'path',
  'file',
  'name',
  'label',
  'placeholder',
  'hint',
  'length',
  'len',
  'env',
  'regex',
  'pattern',
]);

/**
 * Words that mark a value as a placeholder rather than a credential (`your-secret`, `YOUR_APP_SECRET`,
 * `xxxxxxxx`, `changeme`). Compared case-insensitively as substrings of the value.
 */
export const PLACEHOLDER_MARKERS: readonly string[] = [
  'xxx',
  'your',
  'example',
  'placeholder',
  'changeme',
  'replace',
  'dummy',
  'fake',
  'sample',
  'mock',
  'todo',
  'fixme',
  'secret',
  'token',
  'appid',
  'abcdef0123456789',
  '0123456789abcdef',
  '1234567890',
];

/**
 * Endpoints whose query string carries the AppSecret: `cgi-bin/token` (access_token) and `sns/oauth2/*`
 * (web authorization code → token). A literal `secret=` value there is a hard-coded AppSecret.
 */
export const SECRET_QUERY_PATHS: readonly string[] = ['cgi-bin/token', 'sns/oauth2'];

/** The query parameter that carries the AppSecret on those endpoints. */
export const SECRET_QUERY_PARAM = 'secret';

/**
 * True for text shaped like an account's identifier or credential: an appid (`wx` + 16 hex), a merchant id
 * (digits), an AppSecret (32 hex) or an EncodingAESKey (43 letters and digits).
 */
export function looksLikeAccountValue(text: string): boolean {
  return /^(?:wx[\da-f]{16}|\d{6,12}|[\da-f]{32}|[\da-z]{43})$/iu.test(text);
}

/**
 * Prefixes of environment variables that front-end build tools write into the browser bundle (Next.js
 * `NEXT_PUBLIC_`, Vite `VITE_`, Vue CLI `VUE_APP_`, Create React App `REACT_APP_`, Nuxt `NUXT_PUBLIC_`, Gatsby
 * `GATSBY_`, Expo `EXPO_PUBLIC_`, Taro `TARO_APP_`): a secret kept in one ships to every visitor.
 */
export const PUBLIC_ENV_PREFIXES: readonly string[] = ['NEXT_PUBLIC_', 'VITE_', 'VUE_APP_', 'REACT_APP_', 'NUXT_PUBLIC_', 'GATSBY_', 'EXPO_PUBLIC_', 'TARO_APP_'];

/** Prefix of the environment variable names the suggestion proposes: `appSecret` → `WECHAT_APP_SECRET`. */
export const ENV_NAME_PREFIX = 'WECHAT_';

/**
 * The other parts of the server signature check (Weixin server configuration, "verify the message comes from
 * Weixin"): the Token, the `timestamp` and the `nonce` of the request are sorted, joined and hashed with SHA-1. An
 * array holding a value beside both of these names is that check, so the value is the server Token.
 */
export const SIGNATURE_CHECK_PARTS: readonly string[] = ['timestamp', 'nonce'];

/**
 * The part of the signature check that marks a file for the prefilter (knowledge/prefilter.ts): every check holds
 * both parts, and `nonce` is the far rarer word, so files that only stamp times build no model.
 */
export const SIGNATURE_CHECK_TRIGGER = 'nonce';

/**
 * Words that name a mini program's own configuration or credentials (`config.mina.appid`, `miniProgram.secret`,
 * `weappSecret`): a request that takes its appid, secret or token from there is the mini program's own call.
 * Compared with the words of identifiers and property names (util/name-words.ts), and with two words joined
 * (`mini` + `program`).
 */
export const MINI_PROGRAM_CONFIG_WORDS: ReadonlySet<string> = new Set([
  'mina',
  'miniprogram',
  'miniapp',
  'weapp',
  'wxapp',
  'xcx',
  'applet',
]);
