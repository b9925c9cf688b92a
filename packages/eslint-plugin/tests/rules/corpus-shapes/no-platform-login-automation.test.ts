/**
 * Real shapes of console login automation from the corpus (bench/corpus/labels-b.tsv), written anew: the
 * endpoints reached through HTTP clients the plugin did not know (urllib, nodegrass, Egg `ctx.curl`,
 * `uni.request`), and the console pages a scraper drives with the session token once logged in.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-platform-login-automation.js';
import { runRuleTests } from '../../rule-tester.js';

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
  ],
});

describe.todo('needs the model: login endpoints and session cookies carried by a project helper', () => {
  runRuleTests('no-platform-login-automation: project request helper', rule, {
    valid: [],
    invalid: [
      {
        // A helper of another module takes the endpoint and its query in one options object (`endpoint`, not
        // `url`), so the request is only known from what the helper does with its parameter.
        code: `import { consoleRequest } from './http.js';
export async function startLogin(sessionid) {
  return consoleRequest({ method: 'POST', endpoint: 'https://mp.weixin.qq.com/cgi-bin/bizlogin', query: { action: 'startlogin' }, body: { sessionid, login_type: 3 } });
}`,
        errors: [{ messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 3, column: 10, endLine: 3, endColumn: 168 }],
      },
      {
        // The cookies of the helper's bizlogin answer kept in a database for later replay.
        code: `import { consoleRequest } from './http.js';
import { saveSession } from './db.js';
export async function finishLogin(cookies) {
  const answer = await consoleRequest({ method: 'POST', endpoint: 'https://mp.weixin.qq.com/cgi-bin/bizlogin', query: { action: 'login' }, cookies });
  saveSession({ cookieJson: JSON.stringify(answer.cookies) });
}`,
        errors: [
          { messageId: 'loginRequest', data: { path: 'cgi-bin/bizlogin' }, line: 4, column: 24, endLine: 4, endColumn: 151 },
          { messageId: 'sessionCookieStored', line: 5, column: 3, endLine: 5, endColumn: 62 },
        ],
      },
    ],
  });
});
