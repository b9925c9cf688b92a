import WechatAPI from 'co-wechat-api';
import axios from 'axios';
import { wechatConfig } from '../config.js';

// One SDK client for the whole process; the SDK keeps its token in memory.
export const api = new WechatAPI(wechatConfig.appid, wechatConfig.appsecret);

// Fetches a fresh access_token on every call: each call also invalidates the token other workers hold.
export async function getAccessToken() {
  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token', {
    params: { grant_type: 'client_credential', appid: wechatConfig.appid, secret: wechatConfig.appsecret },
  }); // violation: no-uncached-access-token
  return data.access_token;
}

export async function getJsapiTicket() {
  const token = await getAccessToken();
  const { data } = await axios.get(`https://api.weixin.qq.com/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`); // violation: no-uncached-access-token
  return data.ticket;
}
