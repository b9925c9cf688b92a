// Protocol names shared with the language server: one definition, in the server package.
export {
  DIAGNOSTIC_SOURCE,
  DID_GRANT_TRUST,
  FIX_ALL_KIND,
  INVENTORY_COMMAND,
  WATCHED_CONFIG_GLOBS,
  type DidGrantTrustParams,
} from 'wechat-oa-language-server';
