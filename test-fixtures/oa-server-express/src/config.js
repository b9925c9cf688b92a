// Account configuration. The secrets below belong in the environment (or a secret store), not in the code.
export const wechatConfig = {
  appid: 'wx8a3f2b9c1d4e5f60',
  appsecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b', // violation: no-hardcoded-credentials
  token: 'm7Qw2Zr9LkP4', // violation: no-hardcoded-credentials (server Token next to appid)
  encodingAESKey: 'Kq3ZcR8vN1tLw6YpB0sHj4DfG9mXe2UaT7iOyV5nQbA', // violation: no-hardcoded-credentials
};

// The brand account that shares the member database (see accounts.js).
export const brandAccount = {
  appid: 'wx1b2c3d4e5f6a7b8c',
  appSecret: process.env.BRAND_APP_SECRET ?? '0f1e2d3c4b5a69788796a5b4c3d2e1f0', // violation: no-hardcoded-credentials
};

export const payConfig = {
  mchId: '1600000001',
  apiKey: process.env.WECHAT_PAY_API_KEY,
};

export const publicBaseUrl = 'https://shop.example.com';
