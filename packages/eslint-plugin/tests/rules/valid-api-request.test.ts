import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/valid-api-request.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const zh = { 'wechat-oa': { locale: 'zh-CN' } };

runRuleTests('valid-api-request', rule, {
  valid: [
    // Known endpoint, right method, access_token in a static query option.
    "const axios = require('axios');\naxios.get('https://api.weixin.qq.com/cgi-bin/user/info', { params: { access_token: token, openid } });",
    "const axios = require('axios');\naxios.post(`https://api.weixin.qq.com/cgi-bin/user/info/batchget?access_token=${token}`, { user_list: list });",
    "fetch('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + appid + '&secret=' + secret);",
    // An unknown but plausible path: no near miss, and reportUnknownEndpoints is off.
    "const axios = require('axios');\naxios.get('https://api.weixin.qq.com/cgi-bin/guide/getguideconfig?access_token=' + token);",
    // Dynamic paths and queries the rule cannot resolve.
    "const axios = require('axios');\naxios.get(`https://api.weixin.qq.com/cgi-bin/${path}?access_token=${token}`);",
    "const axios = require('axios');\nconst qs = require('querystring');\naxios.get('https://api.weixin.qq.com/cgi-bin/user/info?' + qs.stringify({ access_token: token, openid }));",
    "const axios = require('axios');\naxios.get('https://api.weixin.qq.com/cgi-bin/user/info', options);",
    // Instance defaults may add the token; methods spelled in config objects; URLSearchParams queries.
    "const axios = require('axios');\nconst http = axios.create({ baseURL: 'https://api.weixin.qq.com/cgi-bin/', params: { access_token: token } });\nhttp.get('user/info', { params: { openid } });",
    "const axios = require('axios');\naxios({ method: 'post', url: 'https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=' + token, data });",
    "const got = require('got');\ngot('https://api.weixin.qq.com/cgi-bin/menu/create?access_token=' + token, { method: 'POST', json: menu });",
    "fetch('https://api.weixin.qq.com/cgi-bin/user/info?' + new URLSearchParams({ access_token: token, openid }));",
    "fetch(`https://api.weixin.qq.com/sns/oauth2/access_token?appid=${appid}&secret=${secret}&code=${code}&grant_type=authorization_code`);",
    // An interceptor may add the token to every request.
    "const axios = require('axios');\naxios.interceptors.request.use(addToken);\naxios.get('https://api.weixin.qq.com/cgi-bin/user/info?openid=' + openid);",
    // The project's own back end and other hosts.
    "fetch('/api/wxa/msg_sec_check', { method: 'POST' });",
    "fetch('https://moderation.example.com/wxa/msg_sec_check', { method: 'POST' });",
    // node-easywechat's client adds access_token itself.
    "const { OfficialAccount } = require('node-easywechat');\nconst app = new OfficialAccount(config);\napp.getClient().postJson('/cgi-bin/message/template/send', { touser, template_id: TPL, data });",
    // SDK methods of live endpoints.
    "const API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\napi.getUser(openid);",
    // Not an HTTP client.
    "const cache = new Map();\ncache.get('https://api.weixin.qq.com/cgi-bin/user/infos');",
    {
      code: "import axios from 'axios';\nexport const tags = (token: string) => axios.get(`https://api.weixin.qq.com/cgi-bin/tags/get?access_token=${token}` as const);",
      filename: 'src/tags.ts',
    },
    {
      // A React component calling the project's own back end.
      code: "export function Profile() {\n  return <button onClick={() => fetch('/api/profile')}>Profile</button>;\n}",
      filename: 'src/Profile.jsx',
    },
  ],
  invalid: [
    {
      // JSX: a click handler calling the API without a token (and from the browser).
      code: "export function Menu() {\n  return <button onClick={() => fetch('https://api.weixin.qq.com/cgi-bin/menu/get')}>Menu</button>;\n}",
      filename: 'src/Menu.jsx',
      errors: [{ messageId: 'missingAccessToken', data: { endpoint: '/cgi-bin/menu/get' }, line: 2, column: 33, endLine: 2, endColumn: 84 }],
    },
    {
      // A typo'd path: the suggestion corrects it in place.
      code: "const axios = require('axios');\naxios.get(`https://api.weixin.qq.com/cgi-bin/user/infos?access_token=${token}&openid=${openid}`);",
      errors: [
        {
          messageId: 'nearMiss',
          data: { path: '/cgi-bin/user/infos', suggestion: '/cgi-bin/user/info' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'useEndpoint',
              data: { suggestion: '/cgi-bin/user/info' },
              output:
                "const axios = require('axios');\naxios.get(`https://api.weixin.qq.com/cgi-bin/user/info?access_token=${token}&openid=${openid}`);",
            },
          ],
        },
      ],
    },
    {
      // A full URL that forgot the cgi-bin root.
      code: "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/user/info/batchget?access_token=' + token, { user_list: list });",
      errors: [
        {
          messageId: 'nearMiss',
          data: { path: '/user/info/batchget', suggestion: '/cgi-bin/user/info/batchget' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'useEndpoint',
              data: { suggestion: '/cgi-bin/user/info/batchget' },
              output:
                "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/user/info/batchget?access_token=' + token, { user_list: list });",
            },
          ],
        },
      ],
    },
    {
      // Express handler in TypeScript: fetch without options is a GET, menu/create takes POST.
      code: [
        "import express from 'express';",
        'const app = express();',
        "app.get('/menu', async (req, res) => {",
        '  const r = await fetch(`https://api.weixin.qq.com/cgi-bin/menu/create?access_token=${token}`);',
        '  res.json(await r.json());',
        '});',
      ].join('\n'),
      filename: 'src/menu.ts',
      errors: [
        {
          messageId: 'wrongMethod',
          data: { endpoint: '/cgi-bin/menu/create', expected: 'POST', actual: 'GET' },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 95,
        },
      ],
    },
    {
      code: [
        'export async function profile(openid) {',
        "  const r = await fetch('https://api.weixin.qq.com/cgi-bin/user/info?openid=' + openid + '&lang=zh_CN');",
        '  return r.json();',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'missingAccessToken', data: { endpoint: '/cgi-bin/user/info' }, line: 2, column: 19, endLine: 2, endColumn: 104 }],
    },
    {
      code: "const superagent = require('superagent');\nsuperagent.post('https://api.weixin.qq.com/cgi-bin/message/custom/send').send({ touser: openid, msgtype: 'text', text: { content } });",
      errors: [
        { messageId: 'missingAccessToken', data: { endpoint: '/cgi-bin/message/custom/send' }, line: 2, column: 1, endLine: 2, endColumn: 73 },
      ],
    },
    {
      // Koa: msg_sec_check with the Official Account's token (errcode 48001); the same router sends the
      // account's template messages, so the file is Official Account code.
      code: [
        "import Router from '@koa/router';",
        "import axios from 'axios';",
        'const router = new Router();',
        "router.post('/comments', async (ctx) => {",
        '  const { data } = await axios.post(`https://api.weixin.qq.com/wxa/msg_sec_check?access_token=${token}`, { content: ctx.request.body.text });',
        '  ctx.body = data;',
        '});',
        "router.post('/notify', async (ctx) => {",
        '  await axios.post(`https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=${token}`, ctx.request.body);',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'miniProgramOnly', data: { endpoint: '/wxa/msg_sec_check' }, line: 5, column: 26, endLine: 5, endColumn: 141 }],
    },
    {
      code: [
        "import got from 'got';",
        'export const shorten = (token: string, longUrl: string) =>',
        "  got.post('https://api.weixin.qq.com/cgi-bin/shorturl', { searchParams: { access_token: token }, json: { action: 'long2short', long_url: longUrl } });",
      ].join('\n'),
      filename: 'src/short.ts',
      errors: [
        {
          messageId: 'deprecatedWithReplacement',
          data: {
            endpoint: '/cgi-bin/shorturl',
            since: '2021-03-15',
            note: 'the URL shortener stopped generating short links',
            replacement: '/cgi-bin/shorten/gen',
          },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 151,
        },
      ],
    },
    {
      // co-wechat-api: the permanent news material API went offline.
      code: "const API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\nexports.publish = (news) => api.uploadNewsMaterial(news);",
      errors: [
        {
          messageId: 'deprecatedWithReplacement',
          data: {
            endpoint: '/cgi-bin/material/add_news',
            since: '2022-02-28',
            note: 'permanent news materials went offline (errcode 45103); use drafts',
            replacement: '/cgi-bin/draft/add',
          },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 57,
        },
      ],
    },
    {
      // node-easywechat's client: wrong method, and a typo'd path with a suggestion.
      code: [
        "const { OfficialAccount } = require('node-easywechat');",
        'const app = new OfficialAccount({ app_id: process.env.WECHAT_APPID, secret: process.env.WECHAT_SECRET });',
        'async function sync(tag) {',
        "  await app.getClient().get('/cgi-bin/menu/create');",
        '  const client = app.getClient();',
        "  await client.post('/cgi-bin/tag/create', { json: { tag } });",
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'wrongMethod',
          data: { endpoint: '/cgi-bin/menu/create', expected: 'POST', actual: 'GET' },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 52,
        },
        {
          messageId: 'nearMiss',
          data: { path: '/cgi-bin/tag/create', suggestion: '/cgi-bin/tags/create' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useEndpoint',
              data: { suggestion: '/cgi-bin/tags/create' },
              output: [
                "const { OfficialAccount } = require('node-easywechat');",
                'const app = new OfficialAccount({ app_id: process.env.WECHAT_APPID, secret: process.env.WECHAT_SECRET });',
                'async function sync(tag) {',
                "  await app.getClient().get('/cgi-bin/menu/create');",
                '  const client = app.getClient();',
                "  await client.post('/cgi-bin/tags/create', { json: { tag } });",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // strict: an unknown path that is no near miss.
      code: "const axios = require('axios');\naxios.get('https://api.weixin.qq.com/cgi-bin/guide/getguideconfig?access_token=' + token);",
      options: [{ reportUnknownEndpoints: true }],
      errors: [{ messageId: 'unknownEndpoint', data: { path: '/cgi-bin/guide/getguideconfig' }, line: 2, column: 1, endLine: 2, endColumn: 90 }],
    },
    {
      code: "const API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\napi.shorturl(longUrl);",
      settings: zh,
      errors: [
        {
          messageId: 'deprecatedWithReplacement_zhCN' as 'deprecatedWithReplacement',
          data: { endpoint: '/cgi-bin/shorturl', since: '2021-03-15', note: '长链接转短链接接口已停止生成短链', replacement: '/cgi-bin/shorten/gen' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
        },
      ],
    },
  ],
});

describe('valid-api-request options', () => {
  it('rejects an unknown option with a configuration error naming it', () => {
    expect(() => lintWithOptions('valid-api-request', rule, [{ reportUnknown: true }])).toThrow(/reportUnknown/u);
  });
});
