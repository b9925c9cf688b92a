/** The OAuth 2.0 authorize page of Official Accounts (web authorization). */
export const OAUTH_AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';
/** Published Official Account articles. */
export const MP_ARTICLE_URL_PREFIX = 'https://mp.weixin.qq.com/s/';
