import { describe, expect, it } from 'vitest';
import { analyze, textOfNode } from './harness.js';

/** Each client as `sdk module appid=<source> store=<count>` and each call as `method @line`. */
function sdk(code: string): { clients: string[]; calls: string[] } {
  return analyze(code, (analysis) => ({
    clients: analysis.sdk.clients.map(
      (client) => `${client.sdk} ${client.module} appid=${textOfNode(analysis, client.appid) ?? '?'} store=${client.tokenStore.length}`,
    ),
    calls: analysis.sdk.calls.map((call) => `${call.method} @${call.node.loc.start.line}`),
  }));
}

describe('SDK clients', () => {
  it.each([
    [
      'co-wechat-api with token store',
      `const WechatAPI = require('co-wechat-api');\nconst api = new WechatAPI('wx0123456789abcdef', secret, getToken, saveToken);\napi.getUser(openid);\napi.sendTemplate(o, t, u, d);`,
      { clients: ['wechat-api co-wechat-api appid=\'wx0123456789abcdef\' store=2'], calls: ['getUser @3', 'sendTemplate @4'] },
    ],
    [
      'wechat-api ES import with env appid',
      `import API from 'wechat-api';\nconst api = new API(process.env.NEWS_APPID, process.env.NEWS_SECRET);\nawait api.getFollowers();`,
      { clients: ['wechat-api wechat-api appid=process.env.NEWS_APPID store=0'], calls: ['getFollowers @3'] },
    ],
    [
      'wechat-oauth destructured export',
      `const { OAuth } = require('wechat-oauth');\nconst client = new OAuth(ACCOUNTS.brandA.appid, s);\nclient.getAuthorizeURL(r, 'st', 'snsapi_userinfo');`,
      { clients: ['wechat-oauth wechat-oauth appid=ACCOUNTS.brandA.appid store=0'], calls: ['getAuthorizeURL @3'] },
    ],
    [
      'co-wechat-oauth',
      `const OAuth = require('co-wechat-oauth');\nconst oauth = new OAuth(appid, secret);\noauth.getUserByCode(code);`,
      { clients: ['wechat-oauth co-wechat-oauth appid=appid store=0'], calls: ['getUserByCode @3'] },
    ],
    [
      'wechat-jssdk config',
      `const Wechat = require('wechat-jssdk');\nconst wx = new Wechat({ appId: 'wx1', appSecret: s, store });\nwx.jssdk.getSignature(url);\nwx.oauth.generateOAuthUrl(u);`,
      { clients: ['wechat-jssdk wechat-jssdk appid=\'wx1\' store=1'], calls: [] },
    ],
    [
      'node-easywechat OfficialAccount',
      `import { OfficialAccount } from 'node-easywechat';\nconst app = new OfficialAccount({ app_id: cfg.appid, secret: cfg.secret });\nconst client = app.getClient();`,
      { clients: ['node-easywechat node-easywechat appid=cfg.appid store=0'], calls: ['getClient @3'] },
    ],
    [
      'node-easywechat Factory.getInstance',
      `const EasyWechat = require('node-easywechat');\nconst app = EasyWechat.Factory.getInstance('official_account', { app_id: 'wx2' });`,
      { clients: ["node-easywechat node-easywechat appid='wx2' store=0"], calls: [] },
    ],
    [
      'client stored in a class field',
      `import WechatAPI from 'co-wechat-api';\nclass S { constructor() { this.api = new WechatAPI(a, b); } async run() { return this.api.batchGetUsers(ids); } }`,
      { clients: ['wechat-api co-wechat-api appid=a store=0'], calls: ['batchGetUsers @2'] },
    ],
    ['wechaty is not an Official Account SDK', `const { WechatyBuilder } = require('wechaty');\nconst bot = WechatyBuilder.build();\nbot.say('x');`, { clients: [], calls: [] }],
    ['wechat4u is not an Official Account SDK', `const Wechat = require('wechat4u');\nconst bot = new Wechat();\nbot.start();`, { clients: [], calls: [] }],
  ])('%s', (_name, code, expected) => {
    expect(sdk(code)).toEqual(expected);
  });
});
