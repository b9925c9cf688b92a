/**
 * Real shapes of Weixin API requests from the corpus (bench/corpus/labels-b.tsv), written anew: Egg/Midway
 * `ctx.curl`, urllib and `uni.request` send the `data` of a GET as its query string, so `access_token` there is in
 * the query; and URLs completed with `searchParams.set` before the request.
 */
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../project/lint-project.js';
import rule from '../../../src/rules/valid-api-request.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('valid-api-request: corpus shapes', rule, {
  valid: [
    // An Egg service reading the profile after web OAuth: `data` of a GET is the query.
    `const { Service } = require('egg');
class ProfileService extends Service {
  async fetch({ access_token, openid }) {
    return this.ctx.curl('https://api.weixin.qq.com/sns/userinfo', { dataType: 'json', data: { access_token, openid, lang: 'zh_CN' } });
  }
}
module.exports = ProfileService;`,
    // uni-app and urllib with the token in `data` of a GET.
    `const urllib = require('urllib');
export const follower = (token, openid) => uni.request({ url: 'https://api.weixin.qq.com/cgi-bin/user/info', data: { access_token: token, openid } });
export const ticket = (token) => urllib.request('https://api.weixin.qq.com/cgi-bin/ticket/getticket', { dataType: 'json', data: { access_token: token, type: 'jsapi' } });`,
  ],
  invalid: [
    {
      // The same Egg request without the token.
      code: `const { Service } = require('egg');
class ProfileService extends Service {
  async fetch({ openid }) {
    return this.ctx.curl('https://api.weixin.qq.com/sns/userinfo', { dataType: 'json', data: { openid, lang: 'zh_CN' } });
  }
}
module.exports = ProfileService;`,
      errors: [{ messageId: 'missingAccessToken', data: { endpoint: '/sns/userinfo' }, line: 4, column: 12, endLine: 4, endColumn: 122 }],
    },
    {
      // A POST through urllib: its `data` is the body, so the token is missing from the query.
      code: `const urllib = require('urllib');
export async function notify(message) {
  return urllib.request('https://api.weixin.qq.com/cgi-bin/message/template/send', { method: 'POST', contentType: 'json', data: message });
}`,
      errors: [{ messageId: 'missingAccessToken', data: { endpoint: '/cgi-bin/message/template/send' }, line: 3, column: 10, endLine: 3, endColumn: 139 }],
    },
  ],
});

describe('query parameters added to a URL object after it is built', () => {
  runRuleTests('valid-api-request: URL completed with searchParams.set', rule, {
    valid: [
      // The token is set on the URL object between its construction and the request.
      `export async function profile({ access_token, openid }) {
  const url = new URL('https://api.weixin.qq.com/sns/userinfo');
  url.searchParams.set('access_token', access_token);
  url.searchParams.set('openid', openid);
  const answer = await fetch(url.toString());
  return answer.json();
}`,
      `export async function jsapiTicket(access_token) {
  const url = new URL('https://api.weixin.qq.com/cgi-bin/ticket/getticket');
  url.searchParams.set('access_token', access_token);
  url.searchParams.set('type', 'jsapi');
  return (await fetch(url)).json();
}`,
    ],
    invalid: [
      {
        // Only the openid is set on the URL object: the token never reaches the query.
        code: `export async function profile({ openid }) {
  const url = new URL('https://api.weixin.qq.com/sns/userinfo');
  url.searchParams.set('openid', openid);
  return (await fetch(url.toString())).json();
}`,
        errors: [{ messageId: 'missingAccessToken', data: { endpoint: '/sns/userinfo' }, line: 4, column: 17, endLine: 4, endColumn: 38 }],
      },
    ],
  });
});

describe('superagent query chained on the request', () => {
  runRuleTests('valid-api-request: superagent .query()', rule, {
    valid: [
      // A refresh job asks for the ticket with the token in a query object handed to `.query()`.
      `const agent = require('superagent');
const ticketFor = (access_token) => {
  const params = { access_token, type: 'jsapi' };
  return agent.get('https://api.weixin.qq.com/cgi-bin/ticket/getticket').query(params);
};
module.exports = ticketFor;`,
    ],
    invalid: [
      {
        code: `const agent = require('superagent');
const ticketFor = () => agent.get('https://api.weixin.qq.com/cgi-bin/ticket/getticket').query({ type: 'jsapi' });
module.exports = ticketFor;`,
        errors: [{ messageId: 'missingAccessToken', data: { endpoint: '/cgi-bin/ticket/getticket' }, line: 2, column: 25, endLine: 2, endColumn: 88 }],
      },
    ],
  });
});

describe('an API root without /cgi-bin, built from a shared constant', () => {
  runRuleTests('valid-api-request: missing cgi-bin root', rule, {
    valid: [
      `const ROOT = 'https://api.weixin.qq.com';
const postJson = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) }).then((answer) => answer.json());
export const remind = (token, touser, template_id, data) => postJson(\`\${ROOT}/cgi-bin/message/template/send?access_token=\${token}\`, { touser, template_id, data });`,
    ],
    invalid: [
      {
        // A small SDK sends template messages to the API root without `/cgi-bin`: the endpoint does not exist.
        code: `const ROOT = 'https://api.weixin.qq.com';
const postJson = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) }).then((answer) => answer.json());
export const remind = (token, touser, template_id, data) => postJson(\`\${ROOT}/message/template/send?access_token=\${token}\`, { touser, template_id, data });`,
        errors: [
          {
            messageId: 'nearMiss',
            data: { path: '/message/template/send', suggestion: '/cgi-bin/message/template/send' },
            line: 3,
            suggestions: [{ messageId: 'useEndpoint', data: { suggestion: '/cgi-bin/message/template/send' }, output: `const ROOT = 'https://api.weixin.qq.com';
const postJson = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) }).then((answer) => answer.json());
export const remind = (token, touser, template_id, data) => postJson(\`\${ROOT}/cgi-bin/message/template/send?access_token=\${token}\`, { touser, template_id, data });` }],
          },
        ],
      },
    ],
  });
});


describe('a base URL that already ends in /cgi-bin joined with a /cgi-bin path', () => {
  runRuleTests('valid-api-request: doubled cgi-bin root', rule, {
    valid: [
      `const API_CGI = 'https://api.weixin.qq.com' + '/cgi-bin';
const post = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) });
export const qrCode = (token, path) => post(\`\${API_CGI}/wxaapp/createwxaqrcode?access_token=\${token}\`, { path });`,
    ],
    invalid: [
      {
        // The helper's base already holds the root, so the request goes to /cgi-bin/cgi-bin/…, which does not exist.
        code: `const API_CGI = 'https://api.weixin.qq.com' + '/cgi-bin';
const post = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) });
export const qrCode = (token, path) => post(\`\${API_CGI}/cgi-bin/wxaapp/createwxaqrcode?access_token=\${token}\`, { path });`,
        errors: [
          {
            messageId: 'nearMiss',
            data: { path: '/cgi-bin/cgi-bin/wxaapp/createwxaqrcode', suggestion: '/cgi-bin/wxaapp/createwxaqrcode' },
            line: 3,
          },
        ],
      },
    ],
  });
});

describe('the doubled root in a helper of another module', () => {
  it('is reported once, in the helper, not again at each caller that only passes the token', async () => {
    const findings = (
      await lintProject({
        'lib/core.js': `const API_CGI = 'https://api.weixin.qq.com' + '/cgi-bin';
const post = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) });
module.exports = { post, API_CGI };
`,
        'wxapp/qrcode.js': `const { post, API_CGI } = require('../lib/core');
exports.qrCode = (token, path) => post(\`\${API_CGI}/cgi-bin/wxaapp/createwxaqrcode?access_token=\${token}\`, { path });
`,
        'wxapp/index.js': `const { qrCode } = require('./qrcode');
exports.shareCode = (token) => qrCode(token, 'pages/index');
`,
      })
    )
      .filter((message) => message.ruleId === 'wechat-oa/valid-api-request')
      .map(({ file, line }) => ({ file, line }));
    expect(findings).toEqual([{ file: 'wxapp/qrcode.js', line: 2 }]);
  });
});
