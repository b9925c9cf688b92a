/**
 * Real shapes from the corpus (bench/corpus/labels.tsv, labels-b.tsv), written anew: a server that retries web
 * OAuth by redirecting to its own page, the same page it names as the OAuth redirect_uri; and a page that hands
 * the visitor's openid to the project's own sign-in service on the redirect_uri's domain. What the code shows is
 * the project's own (analysis/own-origins.ts); a host of another domain stays a third party.
 */
import autoRedirect from '../../../src/rules/no-auto-redirect.js';
import thirdParty from '../../../src/rules/no-user-data-to-third-party.js';
import { runRuleTests } from '../../rule-tester.js';

const oauthRetry = `module.exports = function (req, res, client) {
  if (!req.query.code) return res.redirect(client.getAuthorizeURL('http://m.quayside.example/wx/entry', '', 'snsapi_base'));
  client.getAccessToken(req.query.code, (err, result) => {
    if (result.errcode === 40029) res.redirect(BACK);
    else res.send('ok');
  });
};
const BACK = 'http://m.quayside.example/wx/entry';`;

runRuleTests('no-auto-redirect: own origins from the code', autoRedirect, {
  valid: [
    oauthRetry,
    // A developer's local server.
    "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.redirect('http://192.168.1.40:8080/home'));",
  ],
  invalid: [
    {
      // The same retry to a host of another domain.
      code: oauthRetry.replace("const BACK = 'http://m.quayside.example/wx/entry'", "const BACK = 'http://promo.elsewhere.example/wx'"),
      errors: [{ messageId: 'serverRedirect', data: { target: 'http://promo.elsewhere.example/wx' }, line: 4, column: 35, endLine: 4, endColumn: 53 }],
    },
  ],
});

const signIn = `import express from 'express';
import axios from 'axios';
const app = express();
const AUTHORIZE = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&redirect_uri=https%3A%2F%2Fwww.quayside.example%2Fcb&response_type=code&scope=snsapi_base#wechat_redirect';
app.get('/cb', async (req, res) => {
  const { data } = await axios.get('https://api.weixin.qq.com/sns/oauth2/access_token', { params: { code: req.query.code } });
  await axios.post('https://sso.quayside.example/broker/weixin', { openid: data.openid });
  res.send(AUTHORIZE);
});`;

runRuleTests('no-user-data-to-third-party: own origins from the code', thirdParty, {
  valid: [signIn],
  invalid: [
    {
      code: signIn.replace('https://sso.quayside.example/broker/weixin', 'https://crm.partner.example/leads'),
      errors: [{ messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'crm.partner.example' }, line: 7, column: 9, endLine: 7, endColumn: 81 }],
    },
  ],
});

/**
 * A QR sign-in page (bench/corpus/labels.tsv, written anew): it polls the project's back end, which answers
 * with the openid once the visitor scanned the code, and then completes the sign-in at the project's identity
 * broker on the same registrable domain. Only the account's own back end can answer with an openid, so that
 * domain is the project's own; a broker of another domain stays a third party, and a host that only receives
 * the openid (never answers with it) proves nothing.
 */
const qrSignIn = `import { useEffect } from 'react';
export function QrWait({ ticket }) {
  useEffect(() => {
    (async () => {
      const res = await fetch(\`https://auth.harbourline.example/qr/status?ticket=\${ticket}\`);
      const { scanned, openId } = await res.json();
      if (scanned && openId) window.location.href = \`https://idp.harbourline.example/broker/weixin?openid=\${openId}\`;
    })();
  }, [ticket]);
  return null;
}`;

runRuleTests('no-auto-redirect: the back end that answers with the openid is own', autoRedirect, {
  valid: [qrSignIn],
  invalid: [
    {
      code: qrSignIn.replace('https://idp.harbourline.example/broker', 'https://idp.other-site.example/broker'),
      errors: [{ messageId: 'browserRedirect', line: 7, column: 30 }],
    },
  ],
});

runRuleTests('no-user-data-to-third-party: the back end that answers with the openid is own', thirdParty, {
  valid: [qrSignIn],
  invalid: [
    {
      code: qrSignIn.replace('https://idp.harbourline.example/broker', 'https://idp.other-site.example/broker'),
      errors: [{ messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'idp.other-site.example' }, line: 7, column: 30 }],
    },
    {
      // The openid comes from elsewhere (a cookie): the host it is posted to is not shown to be own.
      code: `const openid = readCookie('openid');
fetch('https://collect.harbourline.example/v', { method: 'POST', body: JSON.stringify({ openid }) });`,
      errors: [{ messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'collect.harbourline.example' }, line: 2, column: 1 }],
    },
  ],
});
