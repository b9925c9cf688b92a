import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/valid-template-message.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const api = "const API = require('co-wechat-api');\nconst api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);\n";

runRuleTests('valid-template-message', rule, {
  valid: [
    // Data flow: a helper that returns the openid of the user who placed the order, not the follower list.
    `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
function buyersOf(order) { return [order.openid]; }
export async function notify(order, templateId) {
  for (const id of buyersOf(order)) await api.sendTemplate(id, templateId, '', { first: { value: '订单已发货' } });
}`,
    // A service notification triggered by one user's event (an order in an Express handler).
    `const express = require('express');\n${api}const app = express();\napp.post('/orders', async (req, res) => {\n  const order = await createOrder(req.body);\n  await api.sendTemplate(req.user.openid, process.env.ORDER_TPL, order.url, '#173177', {\n    first: { value: '您的订单已提交' },\n    keyword1: { value: order.id },\n    keyword2: { value: order.total },\n    remark: { value: 'Thank you for your order.' },\n  });\n  res.json(order);\n});`,
    // Raw axios with touser and template_id; a Traditional Chinese notification.
    "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, { touser: openid, template_id: TPL, data: { first: { value: '預約成功，請準時到店' } } });",
    // Words a receipt needs: 'sale' alone, 优惠 alone, order numbers.
    "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, { touser: openid, template_id: TPL, data: { first: { value: 'Sale completed at store 12' }, remark: { value: '已优惠 5 元' } } });",
    // Sends to a few staff members in a loop are no broadcast to the followers.
    `${api}for (const admin of admins) api.sendTemplate(admin, ALERT_TPL, '', '#000', { first: { value: 'Disk almost full' } });`,
    // The first three followers by a literal bound: no broadcast.
    `${api}async function welcome() {\n  const { data } = await api.getFollowers();\n  for (const openid of data.openid.slice(0, 3)) await api.sendTemplate(openid, TPL, url, { first: { value: 'Welcome' } });\n}`,
    // Marketing words outside the data: the template id, the url.
    `${api}api.sendTemplate(openid, 'coupon-tpl-id', 'https://shop.example.com/coupon', '#000', { first: { value: '您的订单已发货' } });`,
    // Spread bodies may carry the fields.
    "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, { ...message, data });",
    // Mass messages are the way to reach every follower (and are not template sends).
    `${api}api.massSendText('限时秒杀', true);`,
    // Subscription notifications are another endpoint.
    "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/message/subscribe/bizsend?access_token=' + token, { touser: openid, template_id: TPL, data: { thing1: { value: 'Booking confirmed' } } });",
    {
      // A React component calling the project's own back end.
      code: "export function Profile() {\n  return <button onClick={() => fetch('/api/profile')}>Profile</button>;\n}",
      filename: 'src/Profile.jsx',
    },
  ],
  invalid: [
    {
      // Data flow: the follower list returned by a helper of this file, under a name that says nothing.
      code: `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
async function loadAll() {
  const result = await api.getFollowers();
  return result.data.openid;
}
export async function announce(templateId) {
  const ids = await loadAll();
  for (const id of ids) {
    await api.sendTemplate(id, templateId, 'https://m.example.com/', { first: { value: '系统维护通知' } });
  }
}`,
      errors: [{ messageId: 'broadcast', line: 10, column: 11, endLine: 10, endColumn: 101 }],
    },
    {
      code: [
        "const API = require('co-wechat-api');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        'exports.notify = (openid, order) =>',
        "  api.sendTemplate(openid, process.env.ORDER_TPL, order.url, '#173177', {",
        "    first: { value: '限时秒杀，全场5折' },",
        '    keyword1: { value: order.id },',
        '  });',
      ].join('\n'),
      errors: [{ messageId: 'marketing', data: { phrase: '限时秒杀' }, line: 5, column: 21, endLine: 5, endColumn: 32 }],
    },
    {
      // Template sends looped over the follower list from getFollowers().
      code: [
        "const API = require('co-wechat-api');",
        'const api = new API(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);',
        'async function broadcast(data) {',
        '  const { data: page } = await api.getFollowers();',
        '  for (const openid of page.openid) {',
        "    await api.sendTemplate(openid, process.env.NEWS_TPL, '', '#000', data);",
        '  }',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'broadcast', line: 6, column: 11, endLine: 6, endColumn: 75 }],
    },
    {
      // TypeScript, raw axios, Promise.all over followers, with an English coupon: two problems.
      code: [
        "import axios from 'axios';",
        'export async function promote(token: string, followers: string[]) {',
        '  await Promise.all(',
        '    followers.map((touser) =>',
        '      axios.post(`https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=${token}`, {',
        '        touser,',
        "        template_id: 'TPL',",
        '        data: { remark: { value: `Claim your coupon, ${touser}` } },',
        '      }),',
        '    ),',
        '  );',
        '}',
      ].join('\n'),
      filename: 'src/promote.ts',
      errors: [
        { messageId: 'broadcast', line: 5, column: 7, endLine: 9, endColumn: 9 },
        { messageId: 'marketing', data: { phrase: 'coupon' }, line: 8, column: 34, endLine: 8, endColumn: 64 },
      ],
    },
    {
      code: "const axios = require('axios');\naxios.post('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, { data: { first: { value: '您的订单已发货' } } });",
      errors: [
        { messageId: 'missingField', data: { field: 'touser' }, line: 2, column: 1, endLine: 2, endColumn: 135 },
        { messageId: 'missingField', data: { field: 'template_id' }, line: 2, column: 1, endLine: 2, endColumn: 135 },
      ],
    },
    {
      code: `${api}api.sendTemplate(undefined, TPL, url, '#000', { first: { value: 'Shipped' } });`,
      errors: [{ messageId: 'missingField', data: { field: 'touser' }, line: 3, column: 1, endLine: 3, endColumn: 79 }],
    },
    {
      // node-easywechat's client, data from a constant, Traditional Chinese; Chinese message.
      code: [
        "const { OfficialAccount } = require('node-easywechat');",
        'const app = new OfficialAccount(config);',
        "const DATA = { first: { value: '雙十一紅包雨' } };",
        "export const send = (openid) => app.getClient().postJson('/cgi-bin/message/template/send', { touser: openid, template_id: TPL, data: DATA });",
      ].join('\n'),
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'marketing_zhCN' as 'marketing', data: { phrase: '紅包' }, line: 3, column: 32, endLine: 3, endColumn: 40 }],
    },
    {
      // More phrases from the options.
      code: `${api}api.sendTemplate(openid, TPL, url, '#000', { first: { value: 'VIP 专享福利' } });`,
      options: [{ marketingPhrases: ['专享福利'] }],
      errors: [{ messageId: 'marketing', data: { phrase: '专享福利' }, line: 3, column: 62, endLine: 3, endColumn: 72 }],
    },
  ],
});

describe('valid-template-message options', () => {
  it('rejects marketingPhrases that are not strings', () => {
    expect(() => lintWithOptions('valid-template-message', rule, [{ marketingPhrases: [1] }])).toThrow(/valid-template-message[\s\S]*should be string/u);
  });
});
