import rule from '../../src/rules/no-uncached-access-token.js';
import { runRuleTests } from '../rule-tester.js';

const tokenUrl =
  'const TOKEN_URL = `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${process.env.WECHAT_APPID}&secret=${process.env.WECHAT_SECRET}`;\n';

runRuleTests('no-uncached-access-token', rule, {
  valid: [
    // A module-level cached token with an expiry check.
    `const axios = require('axios');\n${tokenUrl}let cached = null;\nasync function getAccessToken() {\n  if (cached && cached.expiresAt > Date.now()) return cached.token;\n  const { data } = await axios.get(TOKEN_URL);\n  cached = { token: data.access_token, expiresAt: Date.now() + (data.expires_in - 300) * 1000 };\n  return cached.token;\n}`,
    // The same check around the fetch, inside a route handler.
    `const express = require('express');\nconst axios = require('axios');\nconst app = express();\n${tokenUrl}let token;\nlet expiresAt = 0;\napp.get('/profile', async (req, res) => {\n  if (!token || Date.now() > expiresAt) {\n    const { data } = await axios.get(TOKEN_URL);\n    token = data.access_token;\n    expiresAt = Date.now() + 7000 * 1000;\n  }\n  res.json({ ok: true });\n});`,
    // Fetched once at start-up (module level), and by a scheduled refresher.
    `const axios = require('axios');\n${tokenUrl}const ready = axios.get(TOKEN_URL);`,
    `const axios = require('axios');\n${tokenUrl}async function refreshToken() {\n  const { data } = await axios.get(TOKEN_URL);\n  await redis.set('wechat:access_token', data.access_token, 'EX', 7000);\n}\nsetInterval(refreshToken, 7000 * 1000);`,
    // A refresher by name, called by code that checks expiry elsewhere.
    `const axios = require('axios');\n${tokenUrl}class TokenStore {\n  async refresh() {\n    const { data } = await axios.get(TOKEN_URL);\n    this.token = data.access_token;\n    this.expiresAt = Date.now() + 7000e3;\n  }\n}`,
    // force_refresh only after the token was rejected.
    "const axios = require('axios');\nasync function call(fn) {\n  try {\n    return await fn();\n  } catch (error) {\n    await axios.post('https://api.weixin.qq.com/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: true });\n  }\n}",
    // SDK clients created once; SDK-managed token stores.
    "const express = require('express');\nconst API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\nconst app = express();\napp.get('/me', async (req, res) => res.json(await api.getUser(req.user.openid)));",
    "const express = require('express');\nconst API = require('co-wechat-api');\nconst app = express();\napp.get('/me', async (req, res) => {\n  const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET, () => redis.getToken(), (t) => redis.saveToken(t));\n  res.json(await api.getUser(req.user.openid));\n});",
    "const express = require('express');\nconst API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\nconst app = express();\napp.get('/jsconfig', async (req, res) => res.json(await api.getJsConfig({ url: req.query.url })));",
    "const { OfficialAccount } = require('node-easywechat');\nconst app = new OfficialAccount({ app_id: process.env.WECHAT_APPID, secret: process.env.WECHAT_SECRET });\nexport const token = () => app.getAccessToken().getToken();",
    // A token service reading a shared store first; a callback-style cache; a memoized fetcher.
    "const axios = require('axios');\nclass AccessTokenService {\n  async getToken() {\n    const cached = await redis.get('wx_token');\n    if (cached) return cached;\n    const { data } = await axios.get(TOKEN_URL);\n    await redis.set('wx_token', data.access_token, 'EX', 7000);\n    return data.access_token;\n  }\n}\nconst TOKEN_URL = 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + A + '&secret=' + S;",
    "const request = require('request');\nfunction getToken(cb) {\n  redis.get('token', (err, token) => {\n    if (token) return cb(null, token);\n    request.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + A + '&secret=' + S, (e, r, body) => {\n      redis.setex('token', 7000, body);\n      cb(null, body);\n    });\n  });\n}",
    "const axios = require('axios');\nconst memoize = require('p-memoize');\nconst fetchToken = async () => (await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + A + '&secret=' + S)).data;\nexport const getToken = memoize(fetchToken, { maxAge: 7000e3 });",
    // wechat-jssdk's getSignature reads the SDK's cached ticket.
    "const Wechat = require('wechat-jssdk');\nconst Koa = require('koa');\nconst wx = new Wechat(wechatConfig);\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.body = await wx.jssdk.getSignature(ctx.query.url);\n});",
    // Not a token endpoint; not a Weixin host.
    "const axios = require('axios');\napp.get('/x', async () => axios.get('https://example.com/cgi-bin/token'));",
    // A refresher (it writes the cache) called per request only when the cached token expired, and on a timer.
    `const express = require('express');\nconst axios = require('axios');\nconst app = express();\n${tokenUrl}const cache = { token: null, expiresAt: 0 };\nasync function refreshToken() {\n  const { data } = await axios.get(TOKEN_URL);\n  cache.token = data.access_token;\n  cache.expiresAt = Date.now() + 7000e3;\n}\napp.get('/menu', async (req, res) => {\n  if (Date.now() > cache.expiresAt) await refreshToken();\n  res.json(await getMenu(cache.token));\n});\nsetInterval(() => refreshToken(), 7000e3);\nrefreshToken();`,
    // A same-file token getter with its own cache check, called per request and in a loop: cached, so fine.
    `const express = require('express');\nconst axios = require('axios');\nconst app = express();\n${tokenUrl}let cached;\nasync function getToken() {\n  if (cached && cached.expiresAt > Date.now()) return cached.token;\n  const { data } = await axios.get(TOKEN_URL);\n  cached = { token: data.access_token, expiresAt: Date.now() + 7000e3 };\n  return cached.token;\n}\napp.post('/broadcast', async (req, res) => {\n  for (const openid of req.body.openids) await send(await getToken(), openid);\n  res.end();\n});`,
    // A token deleted with no batch after it.
    "async function logout() {\n  delete cache.access_token;\n}",
    {
      code: `import axios from 'axios';\n${tokenUrl}let cache: { token: string; expiresAt: number } | undefined;\nexport async function token(): Promise<string> {\n  if (cache && cache.expiresAt > Date.now()) return cache.token;\n  const { data } = await axios.get<{ access_token: string }>(TOKEN_URL);\n  cache = { token: data.access_token, expiresAt: Date.now() + 7_000_000 };\n  return cache.token;\n}`,
      filename: 'src/token.ts',
    },
    {
      // A React component calling the project's own back end.
      code: "export function Profile() {\n  return <button onClick={() => fetch('/api/profile')}>Profile</button>;\n}",
      filename: 'src/Profile.jsx',
    },
  ],
  invalid: [
    {
      // Express: a token fetched in every request.
      code: [
        "const express = require('express');",
        "const axios = require('axios');",
        'const app = express();',
        'const TOKEN_URL = `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${process.env.WECHAT_APPID}&secret=${process.env.WECHAT_SECRET}`;',
        "app.get('/profile', async (req, res) => {",
        '  const { data } = await axios.get(TOKEN_URL);',
        '  res.json(data);',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'perRequest', data: { what: '/cgi-bin/token' }, line: 6, column: 26, endLine: 6, endColumn: 46 }],
    },
    {
      // Koa (TypeScript): an SDK client constructed per request without a token store.
      code: [
        "import Koa from 'koa';",
        "import WechatAPI from 'co-wechat-api';",
        'const app = new Koa();',
        'app.use(async (ctx) => {',
        '  const api = new WechatAPI(process.env.WECHAT_APPID!, process.env.WECHAT_SECRET!);',
        '  ctx.body = await api.getUser(ctx.query.openid as string);',
        '});',
      ].join('\n'),
      filename: 'src/server.ts',
      errors: [{ messageId: 'clientPerRequest', data: { sdk: 'co-wechat-api' }, line: 5, column: 15, endLine: 5, endColumn: 83 }],
    },
    {
      // A helper that fetches a new token on every call.
      code: [
        "const axios = require('axios');",
        'async function getAccessToken() {',
        "  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token', { params: { grant_type: 'client_credential', appid: APPID, secret: SECRET } });",
        '  return data.access_token;',
        '}',
      ].join('\n'),
      errors: [
        { messageId: 'noCache', data: { what: '/cgi-bin/token', fn: 'getAccessToken()' }, line: 3, column: 26, endLine: 3, endColumn: 157 },
      ],
    },
    {
      code: [
        "const axios = require('axios');",
        'async function notifyAll(openids) {',
        '  for (const openid of openids) {',
        "    const { data } = await axios.get(TOKEN_URL + '&appid=' + APPID);",
        '    await send(data.access_token, openid);',
        '  }',
        '}',
        "const TOKEN_URL = 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential';",
      ].join('\n'),
      errors: [{ messageId: 'inLoop', data: { what: '/cgi-bin/token' }, line: 4, column: 28, endLine: 4, endColumn: 68 }],
    },
    {
      // force_refresh on every call: reported on the value.
      code: [
        "const axios = require('axios');",
        'export const stable = () =>',
        "  axios.post('https://api.weixin.qq.com/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: true });",
      ].join('\n'),
      errors: [{ messageId: 'forceRefresh', line: 3, column: 144, endLine: 3, endColumn: 148 }],
    },
    {
      // The token cache emptied before a batch.
      code: [
        "const API = require('co-wechat-api');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET, getToken, saveToken);',
        'async function broadcastProfiles(openids) {',
        "  await redis.del('wechat:access_token');",
        '  for (const openid of openids) await api.getUser(openid);',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'clearedBeforeBatch', line: 4, column: 9, endLine: 4, endColumn: 41 }],
    },
    {
      // wechat-api (callbacks): getTicket fetches a new jsapi_ticket per request; Chinese message.
      code: [
        "const express = require('express');",
        "const API = require('wechat-api');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        'const router = express.Router();',
        "router.get('/jsconfig', (req, res) => {",
        '  api.getTicket((err, ticket) => res.json(ticket));',
        '});',
      ].join('\n'),
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'perRequest_zhCN' as 'perRequest', data: { what: 'getTicket()' }, line: 6, column: 3, endLine: 6, endColumn: 51 }],
    },
    {
      // node-easywechat: a client per request, and a forced token refresh per request — two problems.
      code: [
        "const { OfficialAccount } = require('node-easywechat');",
        "const express = require('express');",
        'const app = express();',
        "app.post('/wechat', async (req, res) => {",
        '  const account = new OfficialAccount({ app_id: process.env.WECHAT_APPID, secret: process.env.WECHAT_SECRET });',
        '  res.send(await account.getAccessToken().refresh());',
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'clientPerRequest', data: { sdk: 'node-easywechat' }, line: 5, column: 19, endLine: 5, endColumn: 111 },
        { messageId: 'perRequest', data: { what: 'getAccessToken.refresh()' }, line: 6, column: 18, endLine: 6, endColumn: 52 },
      ],
    },
    {
      // A co-wechat message handler runs once per inbound message.
      code: [
        "const wechat = require('co-wechat');",
        "const API = require('co-wechat-api');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        'module.exports = wechat(config).middleware(async (message, ctx) => {',
        '  const token = await api.getAccessToken();',
        "  return 'ok';",
        '});',
      ].join('\n'),
      errors: [{ messageId: 'perRequest', data: { what: 'getAccessToken()' }, line: 5, column: 23, endLine: 5, endColumn: 43 }],
    },
    {
      // A Nest route method constructs its own client.
      code: [
        "import { Controller, Get, Query } from '@nestjs/common';",
        "import WechatAPI from 'co-wechat-api';",
        "@Controller('users')",
        'export class UsersController {',
        '  @Get()',
        "  async find(@Query('openid') openid: string) {",
        '    const api = new WechatAPI(process.env.WECHAT_APPID!, process.env.WECHAT_SECRET!);',
        '    return api.getUser(openid);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/users.controller.ts',
      errors: [{ messageId: 'clientPerRequest', data: { sdk: 'co-wechat-api' }, line: 7, column: 17, endLine: 7, endColumn: 85 }],
    },
    {
      // wechat-jssdk: jssdk.getAccessToken() requests a new token.
      code: [
        "const Wechat = require('wechat-jssdk');",
        "const Koa = require('koa');",
        'const wx = new Wechat(wechatConfig);',
        'const app = new Koa();',
        'app.use(async (ctx) => {',
        '  ctx.body = await wx.jssdk.getAccessToken();',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'perRequest', data: { what: 'jssdk.getAccessToken()' }, line: 6, column: 20, endLine: 6, endColumn: 45 }],
    },
    {
      // A client in a class field, its token fetched in a loop.
      code: [
        "const API = require('co-wechat-api');",
        'class Service {',
        '  api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        '  async all(openids) {',
        '    for (const id of openids) await this.api.getAccessToken();',
        '  }',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'inLoop', data: { what: 'getAccessToken()' }, line: 5, column: 37, endLine: 5, endColumn: 62 }],
    },
    {
      // A refresher (it writes the cache, checks nothing) called on every request: reported where it is called.
      code: [
        "const express = require('express');",
        "const axios = require('axios');",
        'const app = express();',
        'const cache = {};',
        'async function refreshToken() {',
        "  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + APPID + '&secret=' + SECRET);",
        '  cache.token = data.access_token;',
        '}',
        "app.get('/menu', async (req, res) => {",
        '  await refreshToken();',
        '  res.json(await getMenu(cache.token));',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'perRequest', data: { what: '/cgi-bin/token' }, line: 10, column: 9, endLine: 10, endColumn: 23 }],
    },
    {
      // The same refresher reached through a same-file wrapper, and called per iteration of a loop.
      code: [
        "const axios = require('axios');",
        "const express = require('express');",
        'const router = express.Router();',
        'const cache = {};',
        'async function refreshToken() {',
        "  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + APPID + '&secret=' + SECRET);",
        '  cache.token = data.access_token;',
        '}',
        'async function currentToken() {',
        '  await refreshToken();',
        '  return cache.token;',
        '}',
        'export async function notifyAll(openids) {',
        '  for (const openid of openids) await sendTemplate(await currentToken(), openid);',
        '}',
        "router.post('/sync', async (req, res) => {",
        '  res.json({ token: await currentToken() });',
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'inLoop', data: { what: '/cgi-bin/token' }, line: 14, column: 58, endLine: 14, endColumn: 72 },
        { messageId: 'perRequest', data: { what: '/cgi-bin/token' }, line: 17, column: 27, endLine: 17, endColumn: 41 },
      ],
    },
    {
      // An SDK token method reached through a same-file refresher, per Koa request.
      code: [
        "const API = require('co-wechat-api');",
        "const Koa = require('koa');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        'const app = new Koa();',
        'async function renewToken() {',
        '  const token = await api.getAccessToken();',
        "  await redis.set('wx:token', token.accessToken);",
        '  return token.accessToken;',
        '}',
        'app.use(async (ctx) => {',
        '  ctx.body = { token: await renewToken() };',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'perRequest', data: { what: 'getAccessToken()' }, line: 11, column: 29, endLine: 11, endColumn: 41 }],
    },
    {
      // A getter with no cache called per request: one operation, one finding (at the fetch, not again at the call).
      code: [
        "const express = require('express');",
        "const axios = require('axios');",
        'const app = express();',
        'async function getToken() {',
        "  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + APPID + '&secret=' + SECRET);",
        '  return data.access_token;',
        '}',
        "app.get('/menu', async (req, res) => res.json(await getMenu(await getToken())));",
      ].join('\n'),
      errors: [{ messageId: 'noCache', data: { what: '/cgi-bin/token', fn: 'getToken()' }, line: 5, column: 26, endLine: 5, endColumn: 144 }],
    },
  ],
});
