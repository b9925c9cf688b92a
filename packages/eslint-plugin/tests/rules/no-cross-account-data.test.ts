import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-cross-account-data.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-cross-account-data', rule, {
  valid: [
    // One account: its followers get its template messages.
    `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
export async function notifyAll(templateId) {
  const { data } = await api.getFollowers();
  for (const openid of data.openid) await api.sendTemplate(openid, templateId, '', {});
}`,
    // A token refreshed for the same appid, used with the same account.
    `import WechatAPI from 'co-wechat-api';
const APPID = process.env.APPID;
const api = new WechatAPI(APPID, process.env.APPSECRET);
const again = new WechatAPI(APPID, process.env.APPSECRET);
export async function run() {
  const token = await api.ensureAccessToken();
  const user = await again.getUser(token.openid);
  await api.sendText(user.openid, 'hi');
}`,
    // Unknown accounts: the appid is a parameter.
    `const WechatAPI = require('wechat-api');
function clientFor(appid, secret) { return new WechatAPI(appid, secret); }
async function copy(from, to) {
  const a = clientFor(from.appid, from.secret);
  const b = clientFor(to.appid, to.secret);
  const { data } = await a.getFollowers();
  await b.batchGetUsers(data.openid);
}`,
    // A helper called for each account with that account's own data (the analysis merges call sites; no report).
    `import WechatAPI from 'co-wechat-api';
const news = new WechatAPI(process.env.NEWS_APPID, process.env.NEWS_SECRET);
const shop = new WechatAPI(process.env.SHOP_APPID, process.env.SHOP_SECRET);
async function greet(api) {
  const { data } = await api.getFollowers();
  for (const openid of data.openid) await api.sendText(openid, 'welcome');
}
greet(news);
greet(shop);`,
    // Objects that are not Official Account SDK clients.
    `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
export async function mirror(mailer) {
  const { data } = await api.getFollowers();
  await mailer.send(data.openid);
}`,
  ],
  invalid: [
    {
      // Followers of the news account messaged through the shop account.
      code: `import WechatAPI from 'co-wechat-api';

const newsApi = new WechatAPI(process.env.NEWS_APPID, process.env.NEWS_SECRET);
const shopApi = new WechatAPI(process.env.SHOP_APPID, process.env.SHOP_SECRET);

export async function promoteShop(templateId) {
  const { data } = await newsApi.getFollowers();
  for (const openid of data.openid) {
    await shopApi.sendTemplate(openid, templateId, 'https://shop.example.com/', { first: { value: 'New arrivals' } });
  }
}`,
      errors: [
        {
          messageId: 'crossAccount',
          data: { what: 'openids', from: 'process.env.NEWS_APPID', to: 'process.env.SHOP_APPID', method: 'sendTemplate' },
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 118,
        },
      ],
    },
    {
      // CommonJS, literal appids named by the \`accounts\` setting; user info of one account sent by the other.
      code: `const API = require('wechat-api');
const a = new API('wx1111111111111111', process.env.A_SECRET);
const b = new API('wx2222222222222222', process.env.B_SECRET);
a.getUser({ openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', lang: 'zh_CN' }, (err, user) => {
  b.sendText(user.openid, 'hello from b', () => {});
});`,
      settings: { 'wechat-oa': { accounts: { brandA: 'wx1111111111111111', brandB: 'wx2222222222222222' } } },
      errors: [
        {
          messageId: 'crossAccount',
          data: { what: 'openids', from: 'brandA', to: 'brandB', method: 'sendText' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
        },
      ],
    },
    {
      // A NestJS-style service holding two clients in fields; the OAuth login of one account reused by the other.
      filename: 'src/accounts.service.ts',
      code: `import OAuth from 'co-wechat-oauth';
import WechatAPI from 'co-wechat-api';
import { ACCOUNTS } from './config';

export class AccountsService {
  private readonly oauth = new OAuth(ACCOUNTS.member.appid, ACCOUNTS.member.secret);
  private readonly shop = new WechatAPI(ACCOUNTS.shop.appid, ACCOUNTS.shop.secret);

  async login(code: string) {
    const user = await this.oauth.getUserByCode(code);
    await this.shop.sendText(user.openid, \`欢迎 \${user.nickname}\`);
    return user;
  }
}`,
      errors: [
        {
          messageId: 'crossAccount',
          data: { what: 'openids', from: 'ACCOUNTS.member.appid', to: 'ACCOUNTS.shop.appid', method: 'sendText' },
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 65,
        },
      ],
    },
    {
      // Through a same-file helper whose parameters carry the client and the data.
      code: `import WechatAPI from 'co-wechat-api';
const news = new WechatAPI(process.env.NEWS_APPID, process.env.NEWS_SECRET);
const shop = new WechatAPI(process.env.SHOP_APPID, process.env.SHOP_SECRET);
async function notify(api, openids) {
  await api.massSendText('new products', openids);
}
export async function run() {
  const followers = await news.getFollowers();
  await notify(shop, followers.data.openid);
}`,
      errors: [{ messageId: 'crossAccount', line: 5, column: 9, endLine: 5, endColumn: 50 }],
    },
    {
      // Raw HTTP: followers fetched with the news account's token, messaged with the shop account's token.
      code: `import axios from 'axios';
const NEWS_APPID = process.env.NEWS_APPID;
const SHOP_APPID = process.env.SHOP_APPID;
async function tokenFor(appid, secret) {
  const { data } = await axios.get(\`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=\${appid}&secret=\${secret}\`);
  return data.access_token;
}
export async function run() {
  const news = await axios.get(\`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=\${NEWS_APPID}&secret=\${process.env.NEWS_SECRET}\`);
  const shop = await axios.get(\`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=\${SHOP_APPID}&secret=\${process.env.SHOP_SECRET}\`);
  const followers = await axios.get(\`https://api.weixin.qq.com/cgi-bin/user/get?access_token=\${news.data.access_token}\`);
  await axios.post(\`https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=\${shop.data.access_token}\`, {
    touser: followers.data.data.openid[0],
    msgtype: 'text',
    text: { content: 'hello' },
  });
  await axios.post(\`https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=\${news.data.access_token}\`, {
    touser: followers.data.data.openid[1],
    msgtype: 'text',
    text: { content: 'hello' },
  });
}`,
      errors: [
        {
          messageId: 'crossAccount',
          data: { what: 'openids', from: 'process.env.NEWS_APPID', to: 'process.env.SHOP_APPID', method: 'cgi-bin/message/custom/send' },
          line: 12,
          column: 9,
          endLine: 16,
          endColumn: 5,
        },
      ],
    },
    {
      code: `import WechatAPI from 'co-wechat-api';
const a = new WechatAPI(process.env.A_APPID, process.env.A_SECRET);
const b = new WechatAPI(process.env.B_APPID, process.env.B_SECRET);
export async function f() { const { data } = await a.getFollowers(); await b.batchGetUsers(data.openid); }`,
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'crossAccount_zhCN' as 'crossAccount', line: 4, column: 76, endLine: 4, endColumn: 104 }],
    },
  ],
});

describe('options', () => {
  it('takes none, naming the rule when given one', () => {
    expect(() => lintWithOptions('no-cross-account-data', rule, [{ accounts: {} }])).toThrow(/no-cross-account-data/u);
  });
});
