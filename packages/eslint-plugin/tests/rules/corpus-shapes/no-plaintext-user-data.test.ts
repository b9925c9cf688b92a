/**
 * Real shapes of user data and credentials written in plain text, from the corpus (bench/corpus/labels-b.tsv),
 * written anew: Next.js route handlers answer with `Response.json`/`NextResponse.json`; values whose kind only
 * their origin tells (a jscode2session answer returned by a helper, an SDK's generic API response, configured
 * recipients) and names that look like user data but are not (a seat, a public account) need the program model.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-plaintext-user-data.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-plaintext-user-data: corpus shapes', rule, {
  valid: [
    // The JS-SDK signature answer holds no credential.
    {
      code: `export async function GET(request: Request) {
  const { signature, nonceStr, timestamp } = await signPage(new URL(request.url).searchParams.get('url'));
  return Response.json({ appId: process.env.WX_APP_ID, signature, nonceStr, timestamp });
}`,
      filename: 'app/api/js-sdk/route.ts',
    },
  ],
  invalid: [
    {
      // A route handler echoing the jsapi_ticket it signed with.
      code: `let jsapi_ticket: string | undefined;
export async function GET() {
  jsapi_ticket ??= await loadTicket();
  const signature = sign(jsapi_ticket);
  return Response.json({ signature, debug: { jsapi_ticket } });
}`,
      filename: 'app/api/js-sdk/route.ts',
      errors: [{ messageId: 'response', line: 5, column: 10, endLine: 5, endColumn: 63 }],
    },
    {
      // NextResponse handing the access token to the browser.
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  const answer = await fetch('https://api.weixin.qq.com/cgi-bin/stable_token', { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid, secret }) });
  const { access_token } = await answer.json();
  return NextResponse.json({ access_token });
}`,
      filename: 'app/api/token/route.ts',
      errors: [{ messageId: 'response', line: 5, column: 10, endLine: 5, endColumn: 45 }],
    },
  ],
});

describe.todo('needs the model: values whose kind comes from the API that produced them', () => {
  runRuleTests('no-plaintext-user-data: provenance of API answers', rule, {
    valid: [
      // A seat picked in a form, kept in a variable called realName: no person's name.
      `const express = require('express');
const router = express.Router();
router.post('/seat', (req, res) => {
  const realName = req.body.seat;
  console.log(realName);
  res.redirect('/ticket');
});`,
      // Names of public Official Accounts found through the console search are not a person's profile.
      `export function report(found) {
  for (const account of found) console.log(\`matched \${account.nickname} (\${account.fakeid.slice(0, 8)}…)\`);
}`,
    ],
    invalid: [
      {
        // A helper of another module returns the raw jscode2session answer (openid and session_key).
        code: `const router = require('koa-router')();
const exchangeCode = require('../util/exchange-code');
module.exports = router.post('/session', async (ctx) => {
  ctx.body = await exchangeCode(ctx.request.body.code);
});`,
        errors: [{ messageId: 'response', line: 4, column: 3, endLine: 4, endColumn: 55 }],
      },
      {
        // An SDK base class logs every API answer: user info, session keys and tokens among them.
        code: `import { send } from './http';
export class ApiBase {
  async request(path: string, payload: object) {
    const answer = await send(\`https://api.weixin.qq.com\${path}\`, payload);
    console.log('answer', answer);
    return answer;
  }
  profile(openid: string) {
    return this.request('/cgi-bin/user/info', { openid });
  }
}`,
        filename: 'src/base.service.ts',
        errors: [{ messageId: 'log', line: 5, column: 5, endLine: 5, endColumn: 34 }],
      },
      {
        // The configured recipients are openids: they are the touser of the send, and each is logged.
        code: `const axios = require('axios');
const { recipients, templateId } = require('./config');
async function pushAll(token, data) {
  for (const recipient of recipients) {
    await axios.post('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, { touser: recipient, template_id: templateId, data });
    console.log(\`\${recipient}: sent\`);
  }
}
module.exports = pushAll;`,
        errors: [{ messageId: 'log', line: 6, column: 5, endLine: 6, endColumn: 38 }],
      },
      {
        // The signing helper logs its input; every caller passes the jsapi_ticket of the ticket store.
        code: `const logger = require('../logger');
const { jsapiTicket } = require('../models/js-ticket');
function signPage(ticket, url) {
  const text = \`jsapi_ticket=\${ticket}&noncestr=\${nonce()}&timestamp=\${Date.now()}&url=\${url}\`;
  logger.info(\`signing \${text}\`);
  return sha1(text);
}
module.exports = async (url) => signPage(await jsapiTicket(), url);`,
        errors: [{ messageId: 'log', line: 5, column: 3, endLine: 5, endColumn: 33 }],
      },
      {
        // express-xml-bodyparser lower-cases the inbound tags; the sender's openid goes into the reply XML
        // built by xml2js, which is logged.
        code: `const xml2js = require('xml2js');
const xmlparser = require('express-xml-bodyparser');
app.post('/wx', xmlparser({ trim: false }), (req, res) => {
  const sender = req.body.xml.fromusername;
  const xml = new xml2js.Builder({ rootName: 'xml' }).buildObject({ ToUserName: sender, MsgType: 'text', Content: 'hello' });
  console.log(xml);
  res.send(xml);
});`,
        errors: [{ messageId: 'log', line: 6, column: 3, endLine: 6, endColumn: 19 }],
      },
    ],
  });
});

describe.todo('needs the model: loggers made by a factory function (debug)', () => {
  runRuleTests('no-plaintext-user-data: debug loggers', rule, {
    valid: [],
    invalid: [
      {
        // \`debug(namespace)\` returns the logging function itself: the OAuth token of the bound account is printed.
        code: `const debug = require('debug');
const log = debug('bot:auth');
app.get('/auth/callback', async (req, res) => {
  const access_token = await exchange(req.query.code);
  log('bound %s', JSON.stringify(access_token));
  res.redirect('/auth/ok');
});`,
        errors: [{ messageId: 'log', line: 5, column: 3, endLine: 5, endColumn: 48 }],
      },
    ],
  });
});
