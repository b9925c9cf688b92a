// Protocol names shared with the language server. TEMPORARY copy until packages/language-server/src/protocol.ts
// lands; then this file re-exports from there.
export const DID_GRANT_TRUST = 'wechatOa/didGrantTrust';
export const INVENTORY_COMMAND = 'wechat-oa.inventory';
export const FIX_ALL_KIND = 'source.fixAll.wechat-oa';
