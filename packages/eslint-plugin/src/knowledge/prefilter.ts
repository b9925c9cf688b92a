/**
 * The prefilter's trigger words: a file whose raw text holds none of them gives no rule anything to act on, so it
 * builds no model and every rule returns at once (docs/prefilter.md). Each group is derived from
 * the catalog a rule reads, so a word added there is a trigger here too; the few words written out below are the
 * anchors of catalogs that are patterns rather than word lists (the affiliation phrases) or of sinks that the
 * analysis recognises by name.
 *
 * Words are matched case-insensitively as raw substrings of the file text (an identifier, a string, a comment, a
 * template: anywhere). Words of four characters or fewer (`wx`, `ga`, `FS`, `tel`, `uid`, `sns/`) must start at a
 * word boundary of the text and, when they end in a letter, end at one (camelCase and snake_case count), and those
 * written with capitals match only as spelled: `build` does not hold `uid`, `gap` does not hold `ga`, and Node's
 * `fs` is not FullStory's `FS`.
 */
import { CREDENTIALS, SECRET_QUERY_PATHS, SIGNATURE_CHECK_TRIGGER } from './credentials.js';
import { CATALOG_HOSTS, CATALOG_ROOTS, TOKEN_ENDPOINT_IDS } from './endpoints.js';
import { BROWSER_AUTOMATION_MODULES } from './http-clients.js';
import { BROWSER_PERSONAL_DATA_CALLS, JSSDK_PERSONAL_DATA_CALLS } from './jssdk.js';
import { MP_SESSION_COOKIES } from './mp-login.js';
import {
  LOCATION_HEADER,
  NEST_REDIRECT_DECORATOR,
  NEXT_REDIRECT_FUNCTIONS,
  SERVER_REDIRECT_METHODS,
  SERVER_UNSAFE_REDIRECT_METHODS,
} from './navigation.js';
import { SDK_METHODS, WECHAT_API_SIGNATURE_METHODS } from './sdk-methods.js';
import { NOT_OFFICIAL_ACCOUNT_SDKS, SDK_CONSTRUCTORS, SDK_URL_METHODS } from './sdk-modules.js';
import { BROWSER_STORAGES, STORAGE_MODULES } from './plaintext-stores.js';
import { TRACKER_SDKS } from './trackers.js';
import { USER_DATA_FIELDS, VIEWER_ID_NAMES } from './user-data.js';
import { OAUTH_AUTHORIZE_URL, WEIXIN_HOST_DOMAINS } from './weixin-urls.js';

export interface TriggerGroup {
  /** Short id, shown by `wechat-oa-lint --explain`. */
  id: string;
  /** What a file holding one of these words may contain, in a few words. */
  description: string;
  words: readonly string[];
}

/**
 * The names that every phrase of the affiliation catalog contains (each alternative of `AFFILIATION_PATTERN` in
 * affiliation-phrases.ts names Tencent, WeChat or Weixin; tests/knowledge/prefilter.test.ts checks it).
 */
export const AFFILIATION_ANCHORS: readonly string[] = ['腾讯', '騰訊', '微信', 'tencent', 'wechat', 'weixin'];

/**
 * A string may spell those names with escapes (`'\u817e讯官方合作'`), which the rules read cooked: the `\uXXXX`
 * escape of every character of the Chinese anchors is a trigger too.
 */
const ESCAPED_ANCHOR_CHARACTERS: readonly string[] = [
  ...new Set(
    AFFILIATION_ANCHORS.filter((anchor) => [...anchor].every((char) => (char.codePointAt(0) ?? 0) > 0x7f)).flatMap((anchor) =>
      [...anchor].map((char) => `\\u${char.codePointAt(0)?.toString(16).padStart(4, '0')}`),
    ),
  ),
];

/** The JS-SDK's global (`wx.config`, `wx.ready`) and the names of its bridge and of its module copies. */
const JSSDK_NAMES: readonly string[] = ['wx', 'jweixin', 'WeixinJSBridge'];

/** A `<meta http-equiv="refresh">` written in JSX or in an HTML string is a navigation too. */
const META_REFRESH = 'refresh';

/** `window.open(url)` and the browser's `location` (also the server's `Location` header). */
const WINDOW_OPEN = 'open';

/** `http://` URLs (`require-https`); `http:` alone, since the scheme and the `//` may be written apart. */
const INSECURE_SCHEME = 'http:';

const segments = (name: string) => name.split('.');

export const TRIGGER_GROUPS: readonly TriggerGroup[] = [
  {
    id: 'weixin',
    description: 'Weixin hosts, the JS-SDK, names of the platform (also every affiliation phrase)',
    words: [...WEIXIN_HOST_DOMAINS, ...CATALOG_HOSTS, ...JSSDK_NAMES, ...AFFILIATION_ANCHORS, ...ESCAPED_ANCHOR_CHARACTERS],
  },
  {
    id: 'platform-api',
    description: 'Official Account API paths, SDK modules and SDK methods',
    words: [
      ...[...CATALOG_ROOTS].map((root) => `${root}/`),
      ...TOKEN_ENDPOINT_IDS,
      ...SDK_CONSTRUCTORS.flatMap((constructor) => constructor.modules),
      ...Object.keys(SDK_METHODS),
      ...Object.values(SDK_METHODS).flatMap((methods) => Object.keys(methods).flatMap(segments)),
      ...WECHAT_API_SIGNATURE_METHODS,
      ...Object.keys(SDK_URL_METHODS),
      ...NOT_OFFICIAL_ACCOUNT_SDKS,
      OAUTH_AUTHORIZE_URL.slice(OAUTH_AUTHORIZE_URL.indexOf('/connect/') + 1),
    ],
  },
  {
    id: 'user-data',
    description: 'user-data field names and the JS-SDK/browser calls that return personal data',
    words: [
      ...Object.values(USER_DATA_FIELDS).flat(),
      ...VIEWER_ID_NAMES,
      ...Object.keys(JSSDK_PERSONAL_DATA_CALLS),
      // `navigator.geolocation.…`, `navigator.mediaDevices.…`, `navigator.clipboard.…`: the API's own name.
      ...Object.keys(BROWSER_PERSONAL_DATA_CALLS).map((path) => path.split('.')[1] ?? path),
    ],
  },
  {
    id: 'credentials',
    description: 'names of credentials and of the account keys beside them, secret-carrying API paths',
    words: [
      ...CREDENTIALS.flatMap((credential) => [...credential.names, ...(credential.siblings ?? [])]),
      ...SECRET_QUERY_PATHS,
      // The server Token of a signature check, whatever its variable is called (`[token, timestamp, nonce]`).
      SIGNATURE_CHECK_TRIGGER,
    ],
  },
  {
    id: 'navigation',
    description: 'redirect and navigation sinks',
    words: [
      LOCATION_HEADER,
      WINDOW_OPEN,
      META_REFRESH,
      ...SERVER_REDIRECT_METHODS,
      ...SERVER_UNSAFE_REDIRECT_METHODS,
      ...NEXT_REDIRECT_FUNCTIONS,
      NEST_REDIRECT_DECORATOR,
    ],
  },
  {
    id: 'stores',
    description: 'client storage and cookies (plain-text stores)',
    words: [...BROWSER_STORAGES, 'indexedDB', 'cookie', ...Object.keys(STORAGE_MODULES)],
  },
  {
    id: 'insecure-url',
    description: '`http://` URLs',
    words: [INSECURE_SCHEME],
  },
  {
    id: 'trackers',
    // Visit-history stores (`visits`, `足迹`) need a viewer's identity to be a finding: the user-data words.
    description: 'analytics, ads, error-tracking and session-replay SDKs',
    words: TRACKER_SDKS.flatMap((sdk) => [...(sdk.modules ?? []), ...(sdk.globals ?? []), ...(sdk.hosts ?? [])]),
  },
  {
    id: 'login-automation',
    description: 'browser automation and the mp.weixin.qq.com console session',
    // The `pwd: md5(…)` login body counts only when it goes to mp.weixin.qq.com: the host is the trigger.
    words: [...BROWSER_AUTOMATION_MODULES, ...MP_SESSION_COOKIES],
  },
];
