import rule from '../../src/rules/no-platform-login-automation.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-platform-login-automation', rule, {
  valid: [
    // Public article links and share pages.
    `import axios from 'axios';
export const fetchArticle = (id) => axios.get('https://mp.weixin.qq.com/s/' + id);
export const shareLink = 'https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1';
fetch('https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5');`,
    // OAuth on open.weixin.qq.com and the official API.
    `location.href = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&redirect_uri=x&response_type=code&scope=snsapi_base#wechat_redirect';
fetch(\`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=\${id}&secret=\${s}\`);`,
    // The same path on another host, and an unrelated pwd hash in a file that never talks to mp.weixin.qq.com.
    `import got from 'got';
got.post('https://sso.example.com/cgi-bin/bizlogin?action=login', { json: { username, pwd: md5(password) } });`,
    // Our own cookies; bizuin as a field name in a file that does not talk to the platform.
    `document.cookie = 'session_id=' + id + '; path=/';
export const article = { bizuin: 3081, title: 'Hello' };`,
    // A string mentioning a cookie name without cookie syntax.
    `console.log('the slave_sid cookie is documented elsewhere');`,
    // Cookies of our own SSO login, and of a public article page, stored and forwarded: not the platform's session.
    `const axios = require('axios');
export async function sso(user) {
  const res = await axios.post('https://sso.example.com/login', user);
  await redis.set('sso:' + user.id, res.headers['set-cookie'].join('; '));
  const article = await fetch('https://mp.weixin.qq.com/s/abcdef');
  await redis.set('article', article.headers.get('set-cookie'));
  return axios.get('https://example.com/me', { headers: { Cookie: res.headers['set-cookie'] } });
}`,
  ],
  invalid: [
    {
      // A Node script that logs in with the account password (axios, md5 body, params object).
      code: `const axios = require('axios');
const md5 = require('md5');
async function login(username, password) {
  const res = await axios.post('https://mp.weixin.qq.com/cgi-bin/bizlogin', new URLSearchParams({ username, pwd: md5(password), f: 'json' }).toString(), {
    params: { action: 'startlogin' },
    headers: { Referer: 'https://mp.weixin.qq.com/' },
  });
  return res.data;
}`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 4, column: 21, endLine: 7, endColumn: 5 },
        { messageId: 'passwordLogin', line: 4, column: 114, endLine: 4, endColumn: 127 },
      ],
    },
    {
      // QR-code login polling with got and the console home page with its token.
      code: `import got from 'got';
const BASE = 'https://mp.weixin.qq.com';
export const poll = () => got(BASE + '/cgi-bin/scanloginqrcode?action=ask&token=&lang=zh_CN&f=json&ajax=1');
export const qrcode = () => got.get(\`\${BASE}/cgi-bin/loginqrcode?action=getqrcode&param=4300\`);
export const home = (token) => got(\`\${BASE}/cgi-bin/home?t=home/index&token=\${token}\`);`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/scanloginqrcode' }, line: 3, column: 27, endLine: 3, endColumn: 108 },
        { messageId: 'loginRequest', data: { path: 'cgi-bin/loginqrcode' }, line: 4, column: 29, endLine: 4, endColumn: 95 },
        { messageId: 'loginRequest', data: { path: 'cgi-bin/home' }, line: 5, column: 32, endLine: 5, endColumn: 87 },
      ],
    },
    {
      // Puppeteer drives the login page and reads the session cookies of the page it drives; TypeScript.
      filename: 'src/bot.ts',
      code: `import puppeteer from 'puppeteer';
export async function grab(): Promise<string> {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=prelogin');
  const cookies = await page.cookies();
  const sid = cookies.find((c) => c.name === 'slave_sid')?.value as string;
  return sid;
}`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 5, column: 9, endLine: 5, endColumn: 79 },
        { messageId: 'sessionRead', line: 6, column: 25, endLine: 6, endColumn: 39 },
        { messageId: 'sessionCookie', data: { name: 'slave_sid' }, line: 7, column: 46, endLine: 7, endColumn: 57 },
      ],
    },
    {
      // Forwarding the console session in a Cookie header (request), a superagent set(), and document.cookie.
      code: `const request = require('request');
request({ url: 'https://mp.weixin.qq.com/cgi-bin/appmsg', headers: { Cookie: \`slave_sid=\${sid}; slave_user=\${user}\` } });
superagent.get(url).set('Cookie', 'bizuin=' + bizuin);
document.cookie = 'data_ticket=' + ticket;`,
      errors: [
        { messageId: 'sessionCookie', data: { name: 'slave_sid' }, line: 2, column: 78, endLine: 2, endColumn: 116 },
        { messageId: 'sessionCookie', data: { name: 'bizuin' }, line: 3, column: 35, endLine: 3, endColumn: 44 },
        { messageId: 'sessionCookie', data: { name: 'data_ticket' }, line: 4, column: 19, endLine: 4, endColumn: 33 },
      ],
    },
    {
      // Express: reading the session cookies from the request and storing them.
      code: `import express from 'express';
const app = express();
app.post('/bind', (req, res) => {
  const session = { slave_sid: req.cookies.slave_sid, data_bizuin: req.body.bizuin };
  res.cookie('rand_info', req.body.rand);
  res.json({ ok: true, host: 'mp.weixin.qq.com' });
});`,
      errors: [
        { messageId: 'sessionCookie', data: { name: 'slave_sid' }, line: 4, column: 32, endLine: 4, endColumn: 53 },
        { messageId: 'sessionCookie', data: { name: 'data_bizuin' }, line: 4, column: 68, endLine: 4, endColumn: 83 },
        { messageId: 'sessionCookie', data: { name: 'rand_info' }, line: 5, column: 14, endLine: 5, endColumn: 25 },
      ],
    },
    {
      // Electron loading the console; crypto md5 in the login body.
      code: `const crypto = require('crypto');
win.loadURL('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=validate&lang=zh_CN');
const body = { username, pwd: crypto.createHash('md5').update(password).digest('hex'), imgcode: '' };`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 2, column: 1, endLine: 2, endColumn: 84 },
        { messageId: 'passwordLogin', line: 3, column: 31, endLine: 3, endColumn: 86 },
      ],
    },
    {
      // Chinese message.
      code: `fetch('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin', { method: 'POST' });`,
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'loginRequest_zhCN' as 'loginRequest', line: 1, column: 1 }],
    },
    {
      // Session cookies of a login response returned by a same-file function, stored through another one and
      // forwarded as the Cookie header of a later console request.
      code: `const axios = require('axios');
async function login(username, pwd) {
  const res = await axios.post('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', form(username, pwd));
  return res.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
}
async function saveSession(account, cookie) {
  await redis.set('mp:session:' + account, cookie);
}
export async function run(account, pwd) {
  const cookie = await login(account, pwd);
  await saveSession(account, cookie);
  return axios.get('https://mp.weixin.qq.com/cgi-bin/appmsg?action=list_ex&begin=0', { headers: { Cookie: cookie } });
}`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 3, column: 21, endLine: 3, endColumn: 110 },
        { messageId: 'sessionCookieStored', line: 7, column: 44, endLine: 7, endColumn: 50 },
        { messageId: 'sessionCookieForwarded', line: 12, column: 107, endLine: 12, endColumn: 113 },
      ],
    },
    {
      // fetch's headers.get('set-cookie') written to a file and returned to the client (Koa); its length is no cookie.
      code: `import fs from 'node:fs/promises';
import Router from '@koa/router';
const router = new Router();
router.post('/mp/login', async (ctx) => {
  const response = await fetch('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', { method: 'POST', body: ctx.request.body });
  const setCookie = response.headers.get('set-cookie');
  await fs.writeFile('session.txt', setCookie);
  ctx.body = { ok: setCookie.length > 0, cookie: setCookie };
});`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 5, column: 26, endLine: 5, endColumn: 133 },
        { messageId: 'sessionCookieStored', line: 7, column: 37, endLine: 7, endColumn: 46 },
        { messageId: 'sessionCookieForwarded', line: 8, column: 14, endLine: 8, endColumn: 61 },
      ],
    },
    {
      // Through .then callbacks into localStorage; destructured headers into a cookie jar (a count stored is not a cookie).
      code: `import axios from 'axios';
export function keepSession(form) {
  return fetch('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', { method: 'POST', body: form })
    .then((r) => r.headers.getSetCookie())
    .then((list) => localStorage.setItem('mp-session', list.join('; ')));
}
export async function check(form) {
  const { headers, data } = await axios.post('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', form);
  await db.collection('logins').insertOne({ at: Date.now(), ok: data.base_resp.ret === 0, count: headers['set-cookie'].length });
  jar.setCookieSync(headers['set-cookie'][0], 'https://mp.weixin.qq.com');
}`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 3, column: 10, endLine: 3, endColumn: 105 },
        { messageId: 'sessionCookieStored', line: 5, column: 56, endLine: 5, endColumn: 71 },
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 8, column: 35, endLine: 8, endColumn: 109 },
        { messageId: 'sessionCookieStored', line: 10, column: 21, endLine: 10, endColumn: 45 },
      ],
    },
    {
      // Chinese message.
      code: `const axios = require('axios');
async function login(username, pwd) {
  const res = await axios.post('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', form(username, pwd));
  return res.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
}
async function saveSession(account, cookie) {
  await redis.set('mp:session:' + account, cookie);
}
export async function run(account, pwd) {
  const cookie = await login(account, pwd);
  await saveSession(account, cookie);
  return axios.get('https://mp.weixin.qq.com/cgi-bin/appmsg?action=list_ex&begin=0', { headers: { Cookie: cookie } });
}`,
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [
        { messageId: 'loginRequest_zhCN', data: { path: 'cgi-bin/bizlogin' }, line: 3, column: 21, endLine: 3, endColumn: 110 },
        { messageId: 'sessionCookieStored_zhCN', line: 7, column: 44, endLine: 7, endColumn: 50 },
        { messageId: 'sessionCookieForwarded_zhCN', line: 12, column: 107, endLine: 12, endColumn: 113 },
      ],
    },
    {
      // Each cookie of a for-of loop and a forEach callback stored (a storage key is no sink); a digest of them is no cookie.
      code: `import axios from 'axios';
import crypto from 'node:crypto';
import { CookieJar } from 'tough-cookie';
const jar = new CookieJar();
export async function login(form) {
  const res = await axios.post('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', form);
  const fingerprint = crypto.createHash('sha256').update(res.headers['set-cookie'].join()).digest('hex');
  await redis.set('mp:fingerprint', fingerprint);
  for (const cookie of res.headers['set-cookie']) jar.setCookieSync(cookie, 'https://mp.weixin.qq.com');
  res.headers['set-cookie'].forEach((cookie) => sessionStorage.setItem(cookie.split('=')[0], cookie));
}`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 6, column: 21, endLine: 6, endColumn: 95 },
        { messageId: 'sessionCookieStored', line: 9, column: 69, endLine: 9, endColumn: 75 },
        { messageId: 'sessionCookieStored', line: 10, column: 94, endLine: 10, endColumn: 100 },
      ],
    },
  ],
});
