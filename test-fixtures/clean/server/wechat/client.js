import WechatAPI from 'co-wechat-api';
import axios from 'axios';
import Redis from 'ioredis';
import { wechatConfig } from '../config.js';

const redis = new Redis(process.env.REDIS_URL);

// One SDK client, created once, with a token store shared by every worker.
export const api = new WechatAPI(
  wechatConfig.appid,
  wechatConfig.appsecret,
  async () => JSON.parse((await redis.get('wechat:token')) ?? 'null'),
  async (token) => {
    await redis.set('wechat:token', JSON.stringify(token), 'EX', 7000);
  },
);

// A module-level cache with an expiry check: the token is fetched at most once per two hours.
let cached = { token: '', expiresAt: 0 };

export async function getAccessToken() {
  if (cached.token && Date.now() < cached.expiresAt) return cached.token;
  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token', {
    params: { grant_type: 'client_credential', appid: wechatConfig.appid, secret: wechatConfig.appsecret },
  });
  cached = { token: data.access_token, expiresAt: Date.now() + (data.expires_in - 300) * 1000 };
  return cached.token;
}
