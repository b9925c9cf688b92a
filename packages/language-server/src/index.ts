// The package's library surface: the protocol names and settings shape shared with clients.
// The server itself starts from `bin/wechat-oa-language-server.js` (dist/server.js).
export * from './protocol.js';
export { resolveSettings, toLocale, normalizeRules } from './settings.js';
