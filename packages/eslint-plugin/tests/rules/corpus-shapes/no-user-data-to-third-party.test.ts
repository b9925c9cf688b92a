/**
 * Real shapes of user data leaving for other hosts, from the corpus (bench/corpus/labels-b.tsv), written anew.
 * Every one needs the program model: the host comes from a config module or from the callers of a local wrapper.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-user-data-to-third-party.js';
import { runRuleTests } from '../../rule-tester.js';

describe.todo('needs the model: hosts known from the callers of a local request wrapper, and from config modules', () => {
  runRuleTests('no-user-data-to-third-party: hosts from callers and config', rule, {
    valid: [
      {
        // The wrapper's only callers pass Weixin URLs; the token and the secret never go anywhere else.
        code: `const axios = require('axios');
const postJson = (url, body) => axios.post(url, body);
const getJson = (url, params) => axios.get(url, { params });
async function push(appid, secret, message) {
  const { data } = await getJson('https://api.weixin.qq.com/cgi-bin/token', { grant_type: 'client_credential', appid, secret });
  return postJson('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + data.access_token, message);
}
module.exports = push;`,
        options: [{ checkUnresolvedHosts: true }],
      },
      {
        // The instance's base URL comes from a config module whose default is the Weixin API.
        code: `import axios from 'axios';
import { loadConfig } from './config';
const config = loadConfig();
const api = axios.create({ baseURL: config.baseUrl });
export async function token() {
  const answer = await api.get('/cgi-bin/token', { params: { grant_type: 'client_credential', appid: config.appId, secret: config.appSecret } });
  return answer.data.access_token;
}`,
        filename: 'src/lib/api-client.ts',
        options: [{ checkUnresolvedHosts: true }],
      },
    ],
    invalid: [
      {
        // The profile and the OAuth token are posted to a service URL read from the config module.
        code: `const { services } = require('../config');
async function share(serviceId, userInfo) {
  const target = services.find(({ id }) => id === serviceId).url;
  return fetch(target, { method: 'POST', body: JSON.stringify(userInfo) });
}
exports.afterLogin = async (code, serviceId) => share(serviceId, await profileByCode(code));`,
        errors: [{ messageId: 'thirdPartyHost', line: 4, column: 10, endLine: 4, endColumn: 75 }],
      },
      {
        // The openid and the OAuth token ride in the query of a redirect to a URL the caller gave, through a URL
        // builder of another module.
        code: `const buildUri = require('../utils/build-uri');
module.exports = async function relay(ctx) {
  const user = await profileByCode(ctx.query.code);
  ctx.redirect(buildUri(ctx.query.redirect_uri, '', { openid: user.openid, access_token: user.access_token }));
};`,
        errors: [{ messageId: 'thirdPartyHost', line: 4, column: 3, endLine: 4, endColumn: 111 }],
      },
    ],
  });
});

/**
 * A campaign's test-drive form (bench/corpus/labels.tsv, written anew): on the submit tap the page posts
 * what the visitor typed — name, phone, address — to the host that runs the campaign. The visitor hands it to
 * the form's receiver first-hand; the account hands over nothing it holds. Data the page did not read from its
 * form (an openid from a cookie), or a post that runs on load, stays reported.
 */
const driveForm = (extra: string, when: string) => `${when}
  var username = document.querySelector('#username').value;
  var mobile = document.querySelector('#mobile').value;
  var address = $('#address').val();${extra}
  $.post('http://leads.agency.example/drive', { username: username, mobile: mobile, address: address${extra ? ', openid: openid' : ''} }, function () {});
});`;

runRuleTests('no-user-data-to-third-party: a form the visitor submits', rule, {
  valid: [driveForm('', "document.querySelector('#submit').addEventListener('click', function () {")],
  invalid: [
    {
      code: driveForm("\n  var openid = readCookie('openid');", "document.querySelector('#submit').addEventListener('click', function () {"),
      errors: [{ messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'leads.agency.example' }, line: 6, column: 3 }],
    },
    {
      code: driveForm('', "window.addEventListener('load', function () {"),
      errors: [{ messageId: 'thirdPartyHost', line: 5, column: 3 }],
    },
  ],
});

/**
 * A reply bot's transit lookup (bench/corpus/labels-s10.tsv, written anew): a helper of the file requests a
 * timetable host with the route number the user typed, and also takes the reply context (which holds the
 * sender's openid) to answer with. Only the arguments the helper puts into its request are sent; an argument it
 * uses elsewhere is not, while one that reaches the URL is.
 */
const transitBot = (callArguments: string) => `const axios = require('axios');
function lookUpRoute(route, reply) {
  return axios.get('https://transit.example/routes/' + route).then((answer) => reply.send(answer.data.name));
}
app.post('/wx', (req, res) => {
  const message = req.body.xml;
  const reply = { to: message.fromusername[0], send: (text) => res.send(text) };
  const words = message.content[0].split(' ');
  lookUpRoute(${callArguments});
});`;

runRuleTests('no-user-data-to-third-party: what a request helper of the file sends', rule, {
  valid: [transitBot('words[1], reply')],
  invalid: [
    {
      // Reported where the helper sends it and where this call hands it over.
      code: transitBot('message.fromusername[0], reply'),
      errors: [
        { messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'transit.example' }, line: 3, column: 10 },
        { messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'transit.example' }, line: 9, column: 3 },
      ],
    },
  ],
});
