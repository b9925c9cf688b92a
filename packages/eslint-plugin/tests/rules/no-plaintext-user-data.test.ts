import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-plaintext-user-data.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const zh = { 'wechat-oa': { locale: 'zh-CN' } };

const expressLogin = `import express from 'express';
import { maskOpenid } from '../utils/privacy';

const app = express();

app.get('/auth/callback', async (req, res) => {
  const { data } = await axios.get('https://api.weixin.qq.com/sns/oauth2/access_token', { params: { code: req.query.code } });
  console.log('oauth result', data.openid);
  res.cookie('openid', data.openid, { maxAge: 86400000 });
  res.json({ openid: data.openid, token: data.access_token });
});
`;

runRuleTests('no-plaintext-user-data', rule, {
  valid: [
    // Express: a signed cookie, a cookie with httpOnly and secure, a masked log line, user data (no credential) sent back.
    `import express from 'express';
import { maskOpenid } from './privacy';
const app = express();
app.get('/me', async (req, res) => {
  const { openid, nickname } = req.session.user;
  res.cookie('uid', openid, { signed: true, maxAge: 3600000 });
  res.cookie('uid2', openid, { httpOnly: true, secure: true });
  console.info('visit by %s', maskOpenid(openid));
  res.json({ openid, nickname });
});`,
    // Koa: user data in the body is the page's content; a signed cookie.
    `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  const openid = ctx.state.user.openid;
  ctx.cookies.set('uid', openid, { signed: true });
  ctx.body = { openid };
});`,
    // Egg signs cookies by default.
    `const { Controller } = require('egg');
class UserController extends Controller {
  async login() {
    const { openid } = await this.service.wechat.login(this.ctx.query.code);
    this.ctx.cookies.set('openid', openid);
  }
}
module.exports = UserController;`,
    // Anonymized and encrypted values are no longer plain text.
    "import crypto from 'node:crypto';\nfunction track(openid) { logger.info('login', crypto.createHash('sha256').update(openid).digest('hex')); }",
    "function keep(user) { localStorage.setItem('u', encryptUser(JSON.stringify({ openid: user.openid }))); }",
    "function keep(raw) { const openid = maskOpenid(raw); localStorage.setItem('openid', openid); }",
    // Not user data: preferences, request bodies (content, not identity), the length of a list.
    "localStorage.setItem('theme', theme);\nsessionStorage.lastTab = 'orders';",
    "app.post('/feedback', (req, res) => { console.log('feedback', req.body); res.send('ok'); });",
    "function report(openids) { console.log('sent to %d followers', openids.length); }",
    // A local object that is not the browser storage; cookie options the rule cannot read.
    "function save(localStorage, openid) { localStorage.setItem('o', openid); }",
    "function login(res, openid, cookieOptions) { res.cookie('openid', openid, cookieOptions); }",
    // Literal example values.
    "console.log({ openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' });",
    // Extra encryptor names from the options and from the settings.
    { code: "function keep(openid) { localStorage.setItem('o', seal(openid)); }", options: [{ encryptors: ['seal'] }] },
    {
      code: "function keep(openid) { localStorage.setItem('o', seal(openid)); }",
      settings: { 'wechat-oa': { encryptors: ['seal'] } },
    },
    { code: "function keep(openid) { localStorage.setItem('o', obscure(openid)); }", options: [{ maskers: ['obscure'] }] },
  ],
  invalid: [
    {
      // Express OAuth callback: the openid logged, set in an unsigned cookie, and the OAuth token sent back.
      code: expressLogin,
      errors: [
        {
          messageId: 'log',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'wrapInMasker',
              output: expressLogin.replace("'oauth result', data.openid", "'oauth result', maskOpenid(data.openid)"),
            },
          ],
        },
        {
          messageId: 'serverCookie',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'wrapInMasker',
              output: expressLogin.replace("res.cookie('openid', data.openid,", "res.cookie('openid', maskOpenid(data.openid),"),
            },
          ],
        },
        { messageId: 'response', line: 10, column: 3, endLine: 10, endColumn: 62, suggestions: [] },
      ],
    },
    {
      // Vue options API (script part): a location from the JS-SDK kept in localStorage; no masker in the file.
      code: `export default {
  data() {
    return { city: '' };
  },
  mounted() {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => {
        localStorage.setItem('lastLocation', JSON.stringify({ lat: res.latitude, lng: res.longitude }));
      },
    });
  },
};`,
      errors: [{ messageId: 'storage', line: 9, column: 9, endLine: 9, endColumn: 104, suggestions: [] }],
    },
    {
      // React (TSX): the profile kept in sessionStorage and a cookie; `redact` is declared, so it is suggested.
      filename: 'src/Profile.tsx',
      code: `import { useEffect, useState } from 'react';

const redact = (value: string) => value.replace(/.(?=.{4})/g, '*');

export function Profile({ user }: { user: { openid: string; nickname: string } }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    sessionStorage.setItem('nickname', user.nickname);
    document.cookie = \`openid=\${user.openid}; path=/\`;
    setReady(true);
  }, [user]);
  return <div>{ready ? user.nickname : '...'}</div>;
}
`,
      errors: [
        {
          messageId: 'storage',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'wrapInMasker',
              output: `import { useEffect, useState } from 'react';

const redact = (value: string) => value.replace(/.(?=.{4})/g, '*');

export function Profile({ user }: { user: { openid: string; nickname: string } }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    sessionStorage.setItem('nickname', redact(user.nickname));
    document.cookie = \`openid=\${user.openid}; path=/\`;
    setReady(true);
  }, [user]);
  return <div>{ready ? user.nickname : '...'}</div>;
}
`,
            },
          ],
        },
        {
          messageId: 'cookie',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'wrapInMasker',
              output: `import { useEffect, useState } from 'react';

const redact = (value: string) => value.replace(/.(?=.{4})/g, '*');

export function Profile({ user }: { user: { openid: string; nickname: string } }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    sessionStorage.setItem('nickname', user.nickname);
    document.cookie = redact(\`openid=\${user.openid}; path=/\`);
    setReady(true);
  }, [user]);
  return <div>{ready ? user.nickname : '...'}</div>;
}
`,
            },
          ],
        },
      ],
    },
    {
      // Koa: a cookie that is httpOnly (the default) but not secure nor signed, and session_key in the body.
      code: `import Router from '@koa/router';
const router = new Router();
router.post('/api/login', async (ctx) => {
  const { openid, session_key } = await code2Session(ctx.request.body.code);
  ctx.cookies.set('openid', openid, { httpOnly: true });
  ctx.body = { openid, session_key };
});`,
      errors: [
        { messageId: 'serverCookie', line: 5, column: 3, endLine: 5, endColumn: 56 },
        { messageId: 'response', line: 6, column: 3, endLine: 6, endColumn: 37 },
      ],
    },
    {
      // Storage libraries: localforage, js-cookie, idb-keyval (renamed import); reads and preferences pass.
      code: `import localforage from 'localforage';
import Cookies from 'js-cookie';
import { set as save } from 'idb-keyval';
export async function keep(user) {
  await localforage.setItem('user', { openid: user.openid });
  Cookies.set('openid', user.openid, { expires: 7 });
  await save('phone', user.phoneNumber);
  await localforage.getItem('user');
  Cookies.set('theme', 'dark');
}`,
      errors: [
        { messageId: 'storage', data: { what: 'An openid', target: 'localforage' }, line: 5, column: 9, endLine: 5, endColumn: 61 },
        { messageId: 'cookie', data: { what: 'An openid', target: 'js-cookie' }, line: 6, column: 3, endLine: 6, endColumn: 53 },
        { messageId: 'storage', data: { what: 'A phone number', target: 'idb-keyval' }, line: 7, column: 9, endLine: 7, endColumn: 40 },
      ],
    },
    {
      // IndexedDB and a phone number.
      code: `function cache(db, profile) {
  const tx = db.transaction('profiles', 'readwrite');
  tx.objectStore('profiles').put({ id: 1, phoneNumber: profile.phoneNumber });
}`,
      errors: [{ messageId: 'storage', line: 3, column: 3, endLine: 3, endColumn: 78 }],
    },
    {
      // A NestJS service logging a credential through its logger.
      filename: 'src/wechat.service.ts',
      code: `import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class WechatService {
  private readonly logger = new Logger(WechatService.name);

  async refresh(api: { getLatestToken(): Promise<{ accessToken: string }> }) {
    const { accessToken } = await api.getLatestToken();
    this.logger.debug(\`token refreshed: \${accessToken}\`);
    return accessToken;
  }
}`,
      errors: [{ messageId: 'log', line: 9, column: 5, endLine: 9, endColumn: 57 }],
    },
    {
      // Through a same-file helper: the parameter carries what its callers pass.
      code: `function remember(key, value) {
  localStorage.setItem(key, value);
}
export function onLogin(result) {
  remember('openid', result.openid);
  remember('theme', 'dark');
}`,
      errors: [{ messageId: 'storage', line: 2, column: 3, endLine: 2, endColumn: 35 }],
    },
    {
      // The option replaces the default maskers: \`maskOpenid\` is then no masker.
      code: "function keep(raw) { const openid = maskOpenid(raw); localStorage.setItem('openid', openid); }",
      options: [{ maskers: ['obscure'], replaceDefaults: true }],
      errors: [{ messageId: 'storage', line: 1, column: 54, endLine: 1, endColumn: 92 }],
    },
    {
      code: "function keep(openid) { localStorage.setItem('openid', openid); }",
      settings: zh,
      errors: [{ messageId: 'storage_zhCN' as 'storage', line: 1, column: 25, endLine: 1, endColumn: 63 }],
    },
  ],
});

describe('options', () => {
  it('rejects an unknown option, naming the rule', () => {
    expect(() => lintWithOptions('no-plaintext-user-data', rule, [{ masker: [] }])).toThrow(
      /no-plaintext-user-data[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('rejects a value of the wrong type', () => {
    expect(() => lintWithOptions('no-plaintext-user-data', rule, [{ maskers: 'mask' }])).toThrow(/no-plaintext-user-data[\s\S]*should be array/u);
  });
});
