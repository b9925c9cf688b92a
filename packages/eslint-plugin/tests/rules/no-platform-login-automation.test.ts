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
      // Puppeteer drives the login page and copies the session cookies; TypeScript.
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
  ],
});
