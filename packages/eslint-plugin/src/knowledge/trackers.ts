/**
 * Third-party SDKs that receive data: analytics, ads and error trackers (S3: user data must not be provided to
 * others) and session-replay or click-heatmap recorders (S6: no tracking of what users browse and click).
 */

export type TrackerCategory = 'analytics' | 'ads' | 'error-tracking' | 'session-replay';

export interface TrackerSdk {
  /** Display name used in messages. */
  name: string;
  category: TrackerCategory;
  /** npm modules that provide it. */
  modules?: readonly string[];
  /** Free globals its snippet defines (`gtag`, `_hmt`, `hj`). */
  globals?: readonly string[];
  /** Host names its script or collector is served from (a `<script src>` or loader URL). */
  hosts?: readonly string[];
}

export const TRACKER_SDKS: readonly TrackerSdk[] = [
  { name: 'Google Analytics', category: 'analytics', modules: ['react-ga', 'react-ga4', 'vue-gtag', 'ga-4-react'], globals: ['gtag', 'ga', 'dataLayer'], hosts: ['www.googletagmanager.com', 'www.google-analytics.com'] },
  { name: 'Baidu Tongji', category: 'analytics', globals: ['_hmt'], hosts: ['hm.baidu.com'] },
  { name: 'Sensors Data', category: 'analytics', modules: ['sa-sdk-javascript', 'sa-sdk-node'], globals: ['sensors', 'sensorsDataAnalytic201505'], hosts: ['static.sensorsdata.cn'] },
  { name: 'Umeng', category: 'analytics', modules: ['umeng', 'umtrack-wx'], globals: ['aplus_queue', 'aplus', '_czc', 'umeng'], hosts: ['s9.cnzz.com', 'd.alicdn.com'] },
  { name: 'GrowingIO', category: 'analytics', modules: ['gio-webjs-sdk', 'gio-webjs-sdk-cdp'], globals: ['gio'], hosts: ['assets.giocdn.com'] },
  { name: 'Mixpanel', category: 'analytics', modules: ['mixpanel-browser', 'mixpanel'], globals: ['mixpanel'], hosts: ['cdn.mxpnl.com'] },
  { name: 'Segment', category: 'analytics', modules: ['@segment/analytics-next', 'analytics-node', '@segment/analytics-node'], globals: ['analytics'], hosts: ['cdn.segment.com'] },
  { name: 'Amplitude', category: 'analytics', modules: ['amplitude-js', '@amplitude/analytics-browser'], globals: ['amplitude'] },
  { name: 'PostHog', category: 'analytics', modules: ['posthog-js', 'posthog-node'], globals: ['posthog'] },
  { name: 'Tencent MTA', category: 'analytics', globals: ['MtaH5'], hosts: ['pingjs.qq.com'] },
  { name: 'Facebook Pixel', category: 'ads', globals: ['fbq'], hosts: ['connect.facebook.net'] },
  { name: 'Tencent Ads', category: 'ads', globals: ['gdt'], hosts: ['qzonestyle.gtimg.cn'] },
  { name: 'ByteDance Ads', category: 'ads', globals: ['_baq', 'meteor'] },
  { name: 'Sentry', category: 'error-tracking', modules: ['@sentry/browser', '@sentry/node', '@sentry/vue', '@sentry/react', '@sentry/nextjs', '@sentry/core', 'raven-js', 'raven'], globals: ['Sentry', 'Raven'], hosts: ['browser.sentry-cdn.com'] },
  { name: 'Bugsnag', category: 'error-tracking', modules: ['@bugsnag/js', '@bugsnag/browser', '@bugsnag/node'], globals: ['Bugsnag'] },
  { name: 'Fundebug', category: 'error-tracking', modules: ['fundebug-javascript', 'fundebug-nodejs'], globals: ['fundebug'] },
  { name: 'Aliyun ARMS', category: 'error-tracking', modules: ['alife-logger'], globals: ['__bl'] },
  { name: 'rrweb', category: 'session-replay', modules: ['rrweb', 'rrweb-snapshot', '@rrweb/record', 'rrweb-player'], globals: ['rrweb'], hosts: ['cdn.jsdelivr.net/npm/rrweb'] },
  { name: 'Hotjar', category: 'session-replay', modules: ['@hotjar/browser', 'react-hotjar'], globals: ['hj', '_hjSettings'], hosts: ['static.hotjar.com', 'script.hotjar.com'] },
  { name: 'FullStory', category: 'session-replay', modules: ['@fullstory/browser', '@fullstory/snippet'], globals: ['FS', '_fs_namespace'], hosts: ['edge.fullstory.com'] },
  { name: 'LogRocket', category: 'session-replay', modules: ['logrocket', 'logrocket-react'], globals: ['LogRocket'], hosts: ['cdn.logrocket.io', 'cdn.lr-ingest.io'] },
  { name: 'Microsoft Clarity', category: 'session-replay', modules: ['@microsoft/clarity', 'react-microsoft-clarity'], globals: ['clarity'], hosts: ['www.clarity.ms'] },
  { name: 'Mouseflow', category: 'session-replay', globals: ['_mfq', 'mouseflow'], hosts: ['cdn.mouseflow.com'] },
  { name: 'Smartlook', category: 'session-replay', modules: ['smartlook-client'], globals: ['smartlook'], hosts: ['web-sdk.smartlook.com', 'rec.smartlook.com'] },
  { name: 'Crazy Egg', category: 'session-replay', globals: ['CE2'], hosts: ['script.crazyegg.com'] },
  { name: 'Lucky Orange', category: 'session-replay', globals: ['LOQ'], hosts: ['tools.luckyorange.com'] },
  { name: 'Inspectlet', category: 'session-replay', globals: ['__insp'], hosts: ['cdn.inspectlet.com'] },
  { name: 'Heap', category: 'session-replay', modules: ['reactjs-heap'], globals: ['heap'], hosts: ['cdn.heapanalytics.com'] },
  { name: 'Baidu Heatmap', category: 'session-replay', hosts: ['hmcdn.baidu.com'] },
];

/** Module name → tracker. */
export const TRACKER_BY_MODULE: ReadonlyMap<string, TrackerSdk> = new Map(
  TRACKER_SDKS.flatMap((sdk) => (sdk.modules ?? []).map((module) => [module, sdk] as const)),
);

/** Global name → tracker. */
export const TRACKER_BY_GLOBAL: ReadonlyMap<string, TrackerSdk> = new Map(
  TRACKER_SDKS.flatMap((sdk) => (sdk.globals ?? []).map((name) => [name, sdk] as const)),
);

/** The tracker whose script is served from `url`'s host (and path prefix, for CDN-hosted ones), if any. */
export function trackerOfUrl(url: string): TrackerSdk | undefined {
  const withoutScheme = url.replace(/^(?:https?:)?\/\//u, '').toLowerCase();
  for (const sdk of TRACKER_SDKS) {
    for (const host of sdk.hosts ?? []) if (withoutScheme === host || withoutScheme.startsWith(`${host}/`) || withoutScheme.startsWith(host)) return sdk;
  }
  return undefined;
}

/**
 * S6 "who viewed me" features: words naming a store of visits (collection, table, model, cache key), matched as
 * whole words of identifiers or inside string literals (`'visits'`, `profile_views`, `visitors:${id}`, `足迹`).
 */
export const VISIT_STORE_WORDS: readonly string[] = [
  'visit',
  'visits',
  'visitor',
  'visitors',
  'view',
  'views',
  'viewer',
  'viewers',
  'footprint',
  'footprints',
  'browse',
  'browsed',
  'pageview',
  'pageviews',
];
/** The same in Chinese, matched as substrings of string literals. */
export const VISIT_STORE_PHRASES_ZH: readonly string[] = ['访客', '足迹', '浏览记录', '谁看过我', '最近来访'];

/** Words of a key or parameter that names the viewed profile or page (its owner), not the viewer. */
export const VIEWED_OWNER_WORDS: ReadonlySet<string> = new Set([
  'owner',
  'author',
  'creator',
  'publisher',
  'profile',
  'homepage',
  'host',
  'target',
  'viewed',
  'visited',
  'page',
  'article',
  'post',
  'note',
  'moment',
  'shop',
]);

/** Words of a key that names the viewer (the visitor), as opposed to the owner. */
export const VIEWER_WORDS: ReadonlySet<string> = new Set(['viewer', 'visitor', 'reader', 'from', 'by']);

/** Methods that write a record into a store (ORMs, MongoDB, Redis, query builders). */
export const STORE_WRITE_METHODS: ReadonlySet<string> = new Set([
  'insert',
  'insertOne',
  'insertMany',
  'create',
  'save',
  'add',
  'upsert',
  'updateOne',
  'findOneAndUpdate',
  'bulkCreate',
  'set',
  'hset',
  'hsetnx',
  'sadd',
  'zadd',
  'lpush',
  'rpush',
  'push',
  'query',
  'execute',
]);

/** Methods that read records from a store. */
export const STORE_READ_METHODS: ReadonlySet<string> = new Set([
  'find',
  'findAll',
  'findMany',
  'findOne',
  'where',
  'select',
  'lrange',
  'zrange',
  'zrevrange',
  'smembers',
  'hgetall',
  'query',
  'execute',
]);
