import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-user-data-to-third-party.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-user-data-to-third-party', rule, {
  valid: [
    // The project's own API (relative and in ownHosts), Weixin APIs.
    `import axios from 'axios';
export async function saveProfile(user) {
  await axios.post('/api/profile', { openid: user.openid, nickname: user.nickname });
  await fetch(\`https://api.weixin.qq.com/cgi-bin/user/info?access_token=\${token}&openid=\${user.openid}\`);
}`,
    {
      code: "export const sync = (user) => fetch('https://api.shop.example.com/sync', { method: 'POST', body: JSON.stringify({ openid: user.openid }) });",
      settings: { 'wechat-oa': { ownHosts: ['api.shop.example.com'] } },
    },
    // A processor under contract, from the options.
    {
      code: "import got from 'got';\nexport const lead = (user) => got.post('https://crm.example.com/leads', { json: { phone: user.phone } });",
      options: [{ allowedHosts: ['crm.example.com'] }],
    },
    // Anonymized ids may go to analytics; data without identity; third-party calls without user data.
    `import * as Sentry from '@sentry/vue';
import { sha256 } from './hash';
export function identify(user) {
  Sentry.setUser({ id: sha256(user.openid) });
  gtag('event', 'login', { method: 'wechat' });
  window._hmt.push(['_trackPageview', '/home']);
}`,
    // The text of an inbound message sent to a moderation service: content, not the sender's identity.
    `import wechat from 'wechat';
async function moderateText(text) {
  const response = await fetch('https://moderation.example.net/v1/check', { method: 'POST', body: JSON.stringify({ text }) });
  return (await response.json()).pass === true;
}
export const handler = wechat(config).text(async (message, req, res) => {
  if (await moderateText(message.Content)) res.reply('ok');
}).middleware();`,
    // A host the rule cannot resolve, with default options.
    'export const sync = (user) => fetch(`${process.env.PARTNER_URL}/sync?openid=${user.openid}`);',
    // A local function that happens to be called gtag is no tracker.
    "function gtag(...args) { console.debug(args); }\nexport const log = (user) => gtag('set', { uid: user.openid });",
    // A link to another site without user data.
    {
      filename: 'src/Footer.tsx',
      code: "export const Footer = () => <a href={'https://beian.miit.gov.cn/'}>ICP</a>;",
    },
  ],
  invalid: [
    {
      // Vue app setup: Sentry and Baidu Tongji receive the user's openid and nickname.
      code: `import * as Sentry from '@sentry/vue';

export function onLogin(user) {
  Sentry.setUser({ id: user.openid, username: user.nickname });
  window._hmt.push(['_trackEvent', 'login', 'ok', user.openid]);
}`,
      errors: [
        { messageId: 'tracker', data: { what: 'An openid', sdk: 'Sentry' }, line: 4, column: 3, endLine: 4, endColumn: 63 },
        { messageId: 'tracker', data: { what: 'An openid', sdk: 'Baidu Tongji' }, line: 5, column: 3, endLine: 5, endColumn: 64 },
      ],
    },
    {
      // React with GA4: the openid as user id; a link to a partner site carrying it.
      filename: 'src/Account.tsx',
      code: `import ReactGA from 'react-ga4';
import { useEffect } from 'react';

export function Account({ user }: { user: { openid: string; phoneNumber: string } }) {
  useEffect(() => {
    ReactGA.set({ userId: user.openid });
  }, [user.openid]);
  return <a href={\`https://partner.example.com/coupon?uid=\${user.openid}\`}>领取优惠</a>;
}`,
      errors: [
        { messageId: 'tracker', data: { what: 'An openid', sdk: 'Google Analytics' }, line: 6, column: 5, endLine: 6, endColumn: 41 },
        {
          messageId: 'thirdPartyHost',
          data: { what: 'An openid', host: 'partner.example.com' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 75,
        },
      ],
    },
    {
      // Express back end: a phone number posted to a CRM, and a redirect to a partner with the openid.
      code: `import express from 'express';
import axios from 'axios';
const app = express();
app.post('/bind-phone', async (req, res) => {
  const { openid } = req.session;
  const { phoneNumber } = req.body;
  await axios.post('https://crm.example.com/api/leads', { openid, phone: phoneNumber });
  res.redirect(\`https://partner.example.com/welcome?openid=\${openid}\`);
});`,
      errors: [
        { messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'crm.example.com' }, line: 7, column: 9, endLine: 7, endColumn: 88 },
        { messageId: 'thirdPartyHost', data: { what: 'An openid', host: 'partner.example.com' }, line: 8, column: 3, endLine: 8, endColumn: 71 },
      ],
    },
    {
      // A tracking pixel on another host carrying the phone number.
      code: "export function pixel(user) {\n  new Image().src = `https://t.adnet.example/p.gif?m=${user.phoneNumber}`;\n}",
      errors: [{ messageId: 'thirdPartyHost', data: { what: 'A phone number', host: 't.adnet.example' }, line: 2, column: 3, endLine: 2, endColumn: 74 }],
    },
    {
      // Strict: an unresolvable host.
      code: 'export const sync = (user) => fetch(`${process.env.PARTNER_URL}/sync?openid=${user.openid}`);',
      options: [{ checkUnresolvedHosts: true }],
      errors: [{ messageId: 'unresolvedHost', line: 1, column: 31, endLine: 1, endColumn: 93 }],
    },
    {
      code: "sensors.login(userInfo.unionid);",
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'tracker_zhCN' as 'tracker', data: { what: 'unionid', sdk: 'Sensors Data' }, line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});

describe('options', () => {
  it('rejects an unknown option, naming the rule', () => {
    expect(() => lintWithOptions('no-user-data-to-third-party', rule, [{ checkUnresolved: [] }])).toThrow(
      /no-user-data-to-third-party[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('rejects a value of the wrong type', () => {
    expect(() => lintWithOptions('no-user-data-to-third-party', rule, [{ checkUnresolvedHosts: 'yes' }])).toThrow(/no-user-data-to-third-party[\s\S]*should be boolean/u);
  });
});
