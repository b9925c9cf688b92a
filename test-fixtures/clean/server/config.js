// Secrets come from the environment; placeholders document the names.
export const wechatConfig = {
  appid: process.env.WECHAT_APPID ?? 'wx8a3f2b9c1d4e5f60',
  appsecret: process.env.WECHAT_APP_SECRET,
  token: process.env.WECHAT_TOKEN,
  encodingAESKey: process.env.WECHAT_ENCODING_AES_KEY,
};

export const example = {
  appsecret: 'YOUR_APP_SECRET',
  token: 'your-token',
};

// A digest and a public key are not secrets.
export const releaseSha256 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
export const platformPublicKey = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;
