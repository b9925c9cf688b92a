/**
 * Real shapes of console login automation from the corpus (bench/corpus/labels-b.tsv, labels-login.tsv), written
 * anew: the endpoints reached through HTTP clients the plugin did not know (urllib, nodegrass, Egg `ctx.curl`,
 * `uni.request`), the console pages a scraper drives with the session token once logged in, the console's own
 * form posts replayed by scripts injected into it, frames and driven browsers pointed at the console, and project
 * helpers that take the console endpoint and its query in one options object.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/no-platform-login-automation.js';
import { runRuleTests } from '../../rule-tester.js';
import { lintProject } from '../../project/lint-project.js';

runRuleTests('no-platform-login-automation: corpus shapes', rule, {
  valid: [
    // The official API through urllib, and a public album page through nodegrass.
    `const urllib = require('urllib');
const nodegrass = require('nodegrass');
export const token = () => urllib.request('https://api.weixin.qq.com/cgi-bin/token', { dataType: 'json', data: { grant_type: 'client_credential', appid, secret } });
export const album = (done) => nodegrass.get('https://mp.weixin.qq.com/mp/appmsgalbum?__biz=MzA5&action=getalbum&album_id=7', done);`,
    // An Egg service calling the official API, and a console page path on another host.
    `const { Service } = require('egg');
class MenuService extends Service {
  async create(menu, token) {
    return this.ctx.curl('https://api.weixin.qq.com/cgi-bin/menu/create?access_token=' + token, { method: 'POST', data: menu, contentType: 'json' });
  }
  async mirror(token) {
    return this.ctx.curl('https://mirror.example.com/cgi-bin/searchbiz', { data: { token } });
  }
}
module.exports = MenuService;`,
    // The console's form-post paths on another host, and a frame showing a public article.
    `export async function removeDraft(id, token) {
  const form = \`AppMsgId=\${id}&token=\${token}&f=json\`;
  await fetch('https://cms.example.com/cgi-bin/operate_appmsg?sub=del', { method: 'POST', body: form });
  const frame = document.createElement('iframe');
  frame.src = 'https://mp.weixin.qq.com/s/Xy12AbCdEf';
}`,
    // A browser automation that reads a public article (no console page) and the address it ends on; a script
    // fetching the console's front page is no login by itself.
    `import puppeteer from 'puppeteer';
export async function snapshot(link) {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto('https://mp.weixin.qq.com/s/' + link);
  const where = page.url().match(/token=(\\d+)/);
  const alive = await fetch('https://mp.weixin.qq.com/');
  return { where, up: alive.ok };
}`,
  ],
  invalid: [
    {
      // The password-free QR login started through urllib.
      code: `const urllib = require('urllib');
async function beginLogin(sessionid) {
  return urllib.request('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin', { method: 'POST', data: { sessionid, login_type: 3, f: 'json' } });
}`,
      errors: [{ messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 3, column: 10, endLine: 3, endColumn: 154 }],
    },
    {
      // The scan status polled through nodegrass.
      code: `const nodegrass = require('nodegrass');
export function waitForScan(done) {
  nodegrass.get('https://mp.weixin.qq.com/cgi-bin/scanloginqrcode?action=ask&f=json&ajax=1', (body) => done(JSON.parse(body)));
}`,
      errors: [{ messageId: 'loginRequest', data: { path: 'cgi-bin/scanloginqrcode' }, line: 3, column: 3, endLine: 3, endColumn: 127 }],
    },
    {
      // An Egg service polling the QR code with the action in `data`, which urllib sends as the query of a GET.
      code: `const { Service } = require('egg');
class ConsoleLogin extends Service {
  async poll() {
    return this.ctx.curl('https://mp.weixin.qq.com/cgi-bin/scanloginqrcode', { dataType: 'json', data: { action: 'ask', f: 'json' } });
  }
}
module.exports = ConsoleLogin;`,
      errors: [{ messageId: 'loginRequest', data: { path: 'cgi-bin/scanloginqrcode' }, line: 4, column: 12, endLine: 4, endColumn: 135 }],
    },
    {
      // uni-app opening the console home with the scraped session token in `data`.
      code: `export function openConsole(token) {
  return uni.request({ url: 'https://mp.weixin.qq.com/cgi-bin/home', data: { t: 'home/index', token, lang: 'zh_CN' } });
}`,
      errors: [{ messageId: 'loginRequest', data: { path: 'cgi-bin/home' }, line: 2, column: 10, endLine: 2, endColumn: 120 }],
    },
    {
      // Console pages driven with the session token: the account search and another account's article list.
      code: `import axios from 'axios';
import got from 'got';
export const findAccount = (session, name) =>
  axios.get('https://mp.weixin.qq.com/cgi-bin/searchbiz', { params: { action: 'search_biz', query: name, begin: 0, count: 5, token: session.token } });
export const listArticles = (token, fakeid) =>
  got(\`https://mp.weixin.qq.com/cgi-bin/appmsgpublish?sub=list&sub_action=list_ex&fakeid=\${fakeid}&token=\${token}&f=json\`);`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/searchbiz' }, line: 4, column: 3, endLine: 4, endColumn: 151 },
        { messageId: 'loginRequest', data: { path: 'cgi-bin/appmsgpublish' }, line: 6, column: 3, endLine: 6, endColumn: 123 },
      ],
    },
    {
      // A script pasted into the logged-in console replays its form posts: deleting a draft with the token in a
      // form-encoded body, listing followers with the token in a parameter object turned into the query string,
      // and tagging them in bulk with the token in a URLSearchParams body.
      code: `const sessionToken = () => new URLSearchParams(location.search).get('token');
export async function purge(ids) {
  for (const id of ids) {
    const form = \`AppMsgId=\${id}&token=\${sessionToken()}&lang=zh_CN&f=json&ajax=1\`;
    await fetch('https://mp.weixin.qq.com/cgi-bin/operate_appmsg?sub=del&t=ajax-response', { method: 'POST', body: form });
  }
}
export async function tagAll(tagId) {
  const listing = { group_id: '-2', offset: 0, limit: 20, token: sessionToken(), f: 'json' };
  const page = await fetch('https://mp.weixin.qq.com/cgi-bin/user_tag?action=get_user_list&' + new URLSearchParams(listing).toString());
  const users = (await page.json()).user_list.user_info_list;
  await fetch('https://mp.weixin.qq.com/cgi-bin/user_tag?action=batch_set_tag', {
    method: 'POST',
    body: new URLSearchParams({ token: sessionToken(), groupid_list: tagId, user_openid_list: users.map((u) => u.user_openid).join('|') }),
  });
}`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/operate_appmsg' }, line: 5, column: 11, endLine: 5, endColumn: 123 },
        { messageId: 'loginRequest', data: { path: 'cgi-bin/user_tag' }, line: 10, column: 22, endLine: 10, endColumn: 136 },
        { messageId: 'loginRequest', data: { path: 'cgi-bin/user_tag' }, line: 12, column: 9, endLine: 15, endColumn: 5 },
      ],
    },
    {
      // The console's video editor loaded into a frame of the page, with the session token of the console's address.
      code: `export function mountUploader(host) {
  const token = new URL(location.href).searchParams.get('token');
  const frame = document.createElement('iframe');
  frame.src = \`https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/videomsg_edit&action=video_edit&type=15&token=\${token}\`;
  host.appendChild(frame);
}`,
      errors: [{ messageId: 'loginRequest', data: { path: 'cgi-bin/appmsg' }, line: 4, column: 3, endLine: 4, endColumn: 119 }],
    },
    {
      // Puppeteer opens the console's front page in a kept profile per account, waits for the scan in a helper the
      // page is handed to, and takes the session token from the address the page lands on. The token written to a
      // log file is a log line, not a kept session.
      code: `const puppeteer = require('puppeteer');
const fs = require('fs');
let consoleToken = '';
const note = (line) => fs.appendFileSync('run.log', line + '\\n');
async function awaitScan(tab) {
  await tab.waitForNavigation({ timeout: 120000 });
  const found = tab.url().match(/token=([^&]+)/);
  if (found) consoleToken = found[1];
  note('token ' + consoleToken);
  return Boolean(found);
}
async function openAccount(profileDir) {
  const browser = await puppeteer.launch({ headless: false, args: [\`--user-data-dir=\${profileDir}\`] });
  const tab = await browser.newPage();
  await tab.goto('https://mp.weixin.qq.com/');
  return awaitScan(tab);
}
module.exports = { openAccount };`,
      errors: [
        { messageId: 'sessionRead', line: 7, column: 17, endLine: 7, endColumn: 49 },
        { messageId: 'loginRequest', data: { path: '/' }, line: 15, column: 9, endLine: 15, endColumn: 46 },
      ],
    },
    {
      // A Cookie header spelled as several string pieces joined with `+`: one replay of the session, one finding.
      code: `const request = require('request');
module.exports = () => request({
  url: 'https://mp.weixin.qq.com/cgi-bin/newmasssendpage',
  headers: {
    Cookie: 'slave_user=gh_0000; ' +
      'slave_sid=c2Vzc2lvbg==; bizuin=1234; ' +
      'rand_info=CAESIA==',
  },
  qs: { count: 7, begin: 0, token: '1234567', f: 'json' },
});`,
      errors: [
        { messageId: 'loginRequest', data: { path: 'cgi-bin/newmasssendpage' }, line: 2, column: 24, endLine: 10, endColumn: 3 },
        { messageId: 'sessionCookie', data: { name: 'slave_user' }, line: 5, column: 13, endLine: 5, endColumn: 35 },
      ],
    },
  ],
});

// A project helper of another module takes the console endpoint and its query in one options object (`endpoint`,
// not `url`), applies the query itself and hands back the cookies the console set, parsed.
const HELPER = `export async function consoleRequest(options) {
  const url = new URL(options.endpoint);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
  const response = await fetch(url.toString(), { method: options.method ?? 'GET', headers: { Cookie: options.cookie ?? '' } });
  return { data: await response.json(), cookies: response.headers.getSetCookie() };
}
`;
const STORAGE = `import Database from 'better-sqlite3';
const db = new Database('app.db');
export function saveSession(row) {
  db.prepare('INSERT INTO session (token, cookie_json) VALUES (@token, @cookieJson)').run(row);
}
`;

describe('no-platform-login-automation: corpus shapes through a project helper', () => {
  const rows = (messages: Awaited<ReturnType<typeof lintProject>>) =>
    messages.filter((message) => message.ruleId === 'wechat-oa/no-platform-login-automation').map(({ file, line, column }) => ({ file, line, column }));

  it('reports the login and console pages reached with the endpoint and query in an options object', async () => {
    const messages = await lintProject({
      'src/lib/http.js': HELPER,
      'src/login.js': `import { consoleRequest } from './lib/http.js';
export const startLogin = (sessionid) =>
  consoleRequest({ method: 'POST', endpoint: 'https://mp.weixin.qq.com/cgi-bin/bizlogin', query: { action: 'startlogin' } });
export const openHome = (token, cookie) =>
  consoleRequest({ endpoint: 'https://mp.weixin.qq.com/cgi-bin/home', query: { t: 'home/index', token }, cookie });
export const openNotice = () => consoleRequest({ endpoint: 'https://mp.weixin.qq.com/cgi-bin/home', query: { t: 'home/index' } });
`,
    });
    expect(rows(messages)).toEqual([
      { file: 'src/login.js', line: 3, column: 3 },
      { file: 'src/login.js', line: 5, column: 3 },
    ]);
  });

  it('reports the cookies of a console login answer handed to a function of the project storage module', async () => {
    const messages = await lintProject({
      'src/lib/http.js': HELPER,
      'src/storage/db.js': STORAGE,
      'src/login.js': `import { consoleRequest } from './lib/http.js';
import { saveSession } from './storage/db.js';
export async function finishLogin(token) {
  const answer = await consoleRequest({ method: 'POST', endpoint: 'https://mp.weixin.qq.com/cgi-bin/bizlogin', query: { action: 'login' } });
  saveSession({ token, cookieJson: JSON.stringify(answer.cookies) });
}
`,
    });
    expect(rows(messages)).toEqual([
      { file: 'src/login.js', line: 4, column: 24 },
      { file: 'src/login.js', line: 5, column: 15 },
    ]);
    expect(messages.find((message) => message.line === 5)?.message).toMatch(/^\[S5\] The session cookies of the mp\.weixin\.qq\.com console are stored here/u);
  });

  it('stays silent on the cookies of another site kept in the same storage module', async () => {
    const messages = await lintProject({
      'src/lib/http.js': HELPER,
      'src/storage/db.js': STORAGE,
      'src/sso.js': `import { consoleRequest } from './lib/http.js';
import { saveSession } from './storage/db.js';
export async function ssoLogin(token) {
  const answer = await consoleRequest({ method: 'POST', endpoint: 'https://sso.example.com/login', query: { next: '/' } });
  saveSession({ token, cookieJson: JSON.stringify(answer.cookies) });
}
`,
    });
    expect(rows(messages)).toEqual([]);
  });
});
