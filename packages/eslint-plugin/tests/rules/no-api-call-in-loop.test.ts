import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-api-call-in-loop.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const api = "const API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\n";
const callInLoop = {
  endpoint: '/cgi-bin/user/info',
  batch: '/cgi-bin/user/info/batchget',
  limit: 100,
  field: 'user_list',
};

runRuleTests('no-api-call-in-loop', rule, {
  valid: [
    // A batched loop: one batchget per 100 openids.
    `${api}async function profiles(openids) {\n  const users = [];\n  for (let i = 0; i < openids.length; i += 100) {\n    const { user_info_list } = await api.batchGetUsers(openids.slice(i, i + 100));\n    users.push(...user_info_list);\n  }\n  return users;\n}`,
    // Bounded literal loops of at most 3.
    `${api}for (const openid of [ownerOpenid, adminOpenid]) api.getUser(openid);`,
    `${api}for (let i = 0; i < 3; i++) api.getUser(ids[i]);`,
    `${api}[a, b, c].forEach((openid) => api.getUser(openid));`,
    // Inside a throttle or queue (p-limit, bottleneck, a configured name).
    `${api}const pLimit = require('p-limit');\nconst limit = pLimit(5);\nPromise.all(openids.map((openid) => limit(() => api.getUser(openid))));`,
    `${api}const Bottleneck = require('bottleneck');\nconst limiter = new Bottleneck({ minTime: 50 });\nfor (const openid of openids) limiter.schedule(() => api.getUser(openid));`,
    {
      code: `${api}const pool = makePool();\nasync function all(openids) {\n  for (const openid of openids) await pool.run(() => api.getUser(openid));\n}`,
      options: [{ throttleFunctions: ['pool'] }],
    },
    // Template sends looped are valid-template-message's; custom messages and follower pages have no batch endpoint.
    `${api}for (const openid of openids) api.sendTemplate(openid, TPL, url, '#000', data);`,
    `${api}for (const openid of openids) api.sendText(openid, 'Your order shipped');`,
    `${api}async function all() {\n  let next;\n  do {\n    const page = await api.getFollowers(next);\n    next = page.next_openid;\n  } while (next);\n}`,
    // One user's profile in a handler.
    "const axios = require('axios');\napp.get('/me', async (req, res) => res.json(await axios.get(`https://api.weixin.qq.com/cgi-bin/user/info?access_token=${token}&openid=${req.user.openid}`)));",
    // batchget lists within the limit or of unknown length.
    "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/user/info/batchget?access_token=' + token, { user_list: [{ openid: a }, { openid: b }] });",
    `${api}api.batchGetUsers(openids.slice(0, 100));`,
    `${api}api.batchGetUsers(openids.slice(start, start + 100));`,
    // An imported binding without any co-wechat-api-only method is not taken for a client.
    "import { api } from './client.js';\nexport const all = (openids) => Promise.all(openids.map((openid) => api.getUser(openid)));",
    // A call inside a function that is merely defined in a loop body's callback is still per item; a declared function is not.
    `${api}function profile(openid) { return api.getUser(openid); }`,
    {
      // A React component calling the project's own back end.
      code: "export function Profile() {\n  return <button onClick={() => fetch('/api/profile')}>Profile</button>;\n}",
      filename: 'src/Profile.jsx',
    },
  ],
  invalid: [
    {
      code: `${api}async function profiles(openids) {\n  const users = [];\n  for (const openid of openids) {\n    users.push(await api.getUser(openid));\n  }\n  return users;\n}`,
      errors: [{ messageId: 'callInLoop', data: callInLoop, line: 6, column: 22, endLine: 6, endColumn: 41 }],
    },
    {
      // Promise.all(list.map(…)) with raw axios in TypeScript: the report is on the inner call.
      code: [
        "import axios from 'axios';",
        'export async function profiles(token: string, openids: string[]) {',
        '  return Promise.all(openids.map((openid) => axios.get(`https://api.weixin.qq.com/cgi-bin/user/info?access_token=${token}&openid=${openid}`)));',
        '}',
      ].join('\n'),
      filename: 'src/profiles.ts',
      errors: [{ messageId: 'callInLoop', data: callInLoop, line: 3, column: 46, endLine: 3, endColumn: 141 }],
    },
    {
      // Recursion over a list.
      code: `${api}async function walk(list, i, out) {\n  if (i >= list.length) return out;\n  out.push(await api.getUser(list[i]));\n  return walk(list, i + 1, out);\n}`,
      errors: [{ messageId: 'callInLoop', data: callInLoop, line: 5, column: 18, endLine: 5, endColumn: 38 }],
    },
    {
      // Express handler looping over the request's openids.
      code: [
        "const express = require('express');",
        "const API = require('co-wechat-api');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        'const app = express();',
        "app.post('/sync', async (req, res) => {",
        '  req.body.openids.forEach((openid) => api.getUser(openid));',
        '  res.end();',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'callInLoop', data: callInLoop, line: 6, column: 40, endLine: 6, endColumn: 59 }],
    },
    {
      // batchget with a list statically longer than 100.
      code: "const axios = require('axios');\nconst ids = Array.from({ length: 150 }, (_, i) => 'o' + i);\naxios.post('https://api.weixin.qq.com/cgi-bin/user/info/batchget?access_token=' + token, { user_list: ids.map((openid) => ({ openid })) });",
      errors: [
        {
          messageId: 'overLimit',
          data: { endpoint: '/cgi-bin/user/info/batchget', field: 'user_list', max: 100, count: 150 },
          line: 3,
          column: 103,
          endLine: 3,
          endColumn: 136,
        },
      ],
    },
    {
      // batchblacklist takes at most 20 openids.
      code: [
        "const axios = require('axios');",
        "const SPAMMERS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o10', 'o11', 'o12', 'o13', 'o14', 'o15', 'o16', 'o17', 'o18', 'o19', 'o20', 'o21'];",
        "axios.post('https://api.weixin.qq.com/cgi-bin/tags/members/batchblacklist?access_token=' + token, { openid_list: SPAMMERS });",
      ].join('\n'),
      errors: [
        {
          messageId: 'overLimit',
          data: { endpoint: '/cgi-bin/tags/members/batchblacklist', field: 'openid_list', max: 20, count: 21 },
          line: 3,
          column: 114,
          endLine: 3,
          endColumn: 122,
        },
      ],
    },
    {
      // node-easywechat's client, Chinese message.
      code: [
        "const { OfficialAccount } = require('node-easywechat');",
        'const app = new OfficialAccount(config);',
        'export async function remarks(users) {',
        '  for (const user of users) {',
        "    await app.getClient().get('/cgi-bin/user/info', { params: { openid: user.openid } });",
        '  }',
        '}',
      ].join('\n'),
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'callInLoop_zhCN' as 'callInLoop', data: callInLoop, line: 5, column: 11, endLine: 5, endColumn: 89 }],
    },
    {
      // replaceDefaults drops the built-in throttle names.
      code: `${api}const pLimit = require('p-limit');\nconst limit = pLimit(5);\nPromise.all(openids.map((openid) => limit(() => api.getUser(openid))));`,
      options: [{ throttleFunctions: ['pool'], replaceDefaults: true }],
      errors: [{ messageId: 'callInLoop', data: callInLoop, line: 5, column: 49, endLine: 5, endColumn: 68 }],
    },
    {
      // A client imported from the project's own module, recognised by getFollowers(); slice(0, 500) asks for 500.
      code: [
        "import express from 'express';",
        "import { api } from '../wechat/client.js';",
        'export const router = express.Router();',
        "router.get('/admin/followers', async (req, res) => {",
        '  const { data } = await api.getFollowers();',
        '  res.json(await api.batchGetUsers(data.openid.slice(0, 500)));',
        '});',
      ].join('\n'),
      errors: [
        {
          messageId: 'overLimit',
          data: { endpoint: '/cgi-bin/user/info/batchget', field: 'user_list', max: 100, count: 500 },
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 61,
        },
      ],
    },
    {
      code: "const { api } = require('./client');\nasync function profiles(openids) {\n  for (const openid of openids) await api.getUser(openid);\n  return api.getFollowers();\n}",
      errors: [{ messageId: 'callInLoop', data: callInLoop, line: 3, column: 39, endLine: 3, endColumn: 58 }],
    },
  ],
});

describe('no-api-call-in-loop options', () => {
  it('rejects a throttleFunctions value that is not a list of strings', () => {
    expect(() => lintWithOptions('no-api-call-in-loop', rule, [{ throttleFunctions: 'pool' }])).toThrow(/no-api-call-in-loop[\s\S]*should be array/u);
  });
});
