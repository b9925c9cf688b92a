// Every visit without a session goes straight to the profile-scope consent screen.
const APP_ID = 'wx8a3f2b9c1d4e5f60';

export function ensureLogin(): void {
  if (localStorage.getItem('openid')) return;
  const redirect = encodeURIComponent(`${location.origin}/oauth/callback`);
  location.href = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${APP_ID}&redirect_uri=${redirect}&response_type=code&scope=snsapi_userinfo&state=auto#wechat_redirect`; // violation: require-consent
}

ensureLogin();

// The AppSecret has no place in a page anyone can read.
export const oauthConfig = {
  appId: APP_ID,
  appSecret: 'c4b5a69788796a5b4c3d2e1f00f1e2d3', // violation: no-hardcoded-credentials (browser code: no suggestion)
};
