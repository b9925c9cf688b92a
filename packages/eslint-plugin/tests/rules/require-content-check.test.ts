import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-content-check.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const koaEcho = `import Koa from 'koa';
import wechat from 'co-wechat';
import WechatAPI from 'co-wechat-api';

const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
const app = new Koa();

app.use(wechat({ token: process.env.TOKEN, appid: process.env.APPID }).middleware(async (message, ctx) => {
  if (message.MsgType === 'text') {
    await api.sendText(message.FromUserName, \`你说：\${message.Content}\`);
  }
  return 'ok';
}));
`;

runRuleTests('require-content-check', rule, {
  valid: [
    // Express: an early return when the check fails gates the publish below it.
    `import express from 'express';
import WechatAPI from 'co-wechat-api';
import { moderateText } from './moderation';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
const router = express.Router();
router.post('/broadcast', async (req, res) => {
  const { text } = req.body;
  const verdict = await moderateText(text);
  if (!verdict.pass) {
    return res.status(422).json({ error: 'rejected' });
  }
  await api.massSendText(text, true);
  res.json({ ok: true });
});`,
    // Koa: the publish inside the branch where the check passed, and inside its then callback.
    `import Router from '@koa/router';
import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
const router = new Router();
router.post('/reply', async (ctx) => {
  const { openid, text } = ctx.request.body;
  if (await contentCheck(text)) {
    await api.sendText(openid, text);
  }
  censorText(text).then((ok) => {
    if (ok) api.sendText(openid, text);
  });
});`,
    // A check that throws on failure in a nested branch still leaves every path through the else side.
    `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
export async function publish(req) {
  const result = await runModeration(req.body.content);
  if (result.suggest !== 'pass') {
    if (result.suggest === 'review') throw new Error('needs review');
    else return false;
  }
  return api.massSendText(req.body.content, true);
}`,
    // Content the server wrote itself, and sends that publish nothing.
    `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
export async function welcome(message) {
  await api.sendText(message.FromUserName, '欢迎关注！回复 1 查看菜单。');
}
export async function lookup(req) {
  return api.getUser(req.query.openid);
}`,
    // Raw HTTP publishing after a check; an object named api that is no Official Account client.
    `import axios from 'axios';
import { api } from './db.js';
export async function reply(req, token) {
  if (!(await moderateText(req.body.content))) return;
  await axios.post(\`https://api.weixin.qq.com/cgi-bin/comment/reply/add?access_token=\${token}\`, { content: req.body.content });
  await api.publish(req.body.content);
}`,
    // Extra check names from the options.
    {
      code: `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
export async function post(req) {
  if (!(await aliyunGreen(req.body.text))) return;
  await api.massSendText(req.body.text, true);
}`,
      options: [{ checkFunctions: ['aliyunGreen'] }],
    },
  ],
  invalid: [
    {
      // co-wechat echo bot: the user's text sent back as a customer-service message.
      code: koaEcho,
      errors: [
        {
          messageId: 'unchecked',
          data: { source: 'an inbound message', api: 'sendText() (cgi-bin/message/custom/send)' },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 70,
        },
      ],
    },
    {
      // Express: a body field broadcast; the audit log is no check, and the check after the send gates nothing.
      code: `import express from 'express';
import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
const app = express();
app.post('/admin/broadcast', async (req, res) => {
  auditLog('broadcast', req.body.text);
  await api.massSendText(req.body.text, true);
  await moderateText(req.body.text);
  res.sendStatus(204);
});`,
      errors: [
        {
          messageId: 'unchecked',
          data: { source: 'a request body or query', api: 'massSendText() (cgi-bin/message/mass/sendall)' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 46,
        },
      ],
    },
    {
      // msgSecCheck is the mini-program endpoint itself (errcode 48001 for an Official Account): no check.
      filename: 'src/publish.ts',
      code: `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID!, process.env.APPSECRET!);
export async function publish(body: { text: string }) {
  if (await msgSecCheck(body.text)) await api.massSendText(body.text, true);
}
export async function handle(req: { body: { text: string } }) {
  await publish(req.body);
}`,
      errors: [{ messageId: 'unchecked', line: 4, column: 43, endLine: 4, endColumn: 76 }],
    },
    {
      // The wechat middleware's per-type handlers, a client imported from the project, raw HTTP to comment replies.
      code: `import express from 'express';
import wechat from 'wechat';
import axios from 'axios';
import { api, getAccessToken } from '../wechat/client.js';
export const router = express.Router();
router.use('/wechat', wechat(config).text(async (message, req, res) => {
  await api.massSendText(message.Content, true);
  res.reply('收到！');
}).middleware());
router.post('/admin/comments/:id/reply', async (req, res) => {
  const token = await getAccessToken();
  await axios.post(\`https://api.weixin.qq.com/cgi-bin/comment/reply/add?access_token=\${token}\`, { msg_data_id: req.params.id, content: req.body.content });
  res.sendStatus(204);
});`,
      errors: [
        { messageId: 'unchecked', data: { source: 'an inbound message', api: 'massSendText() (cgi-bin/message/mass/sendall)' }, line: 7, column: 9, endLine: 7, endColumn: 48 },
        { messageId: 'unchecked', data: { source: 'a request body or query', api: 'cgi-bin/comment/reply/add' }, line: 12, column: 9, endLine: 12, endColumn: 155 },
      ],
    },
    {
      code: `import WechatAPI from 'co-wechat-api';
const api = new WechatAPI(process.env.APPID, process.env.APPSECRET);
export const post = (req) => api.massSendText(req.body.text, true);`,
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'unchecked_zhCN' as 'unchecked', line: 3, column: 30, endLine: 3, endColumn: 67 }],
    },
  ],
});

describe('options', () => {
  it('rejects an unknown option, naming the rule', () => {
    expect(() => lintWithOptions('require-content-check', rule, [{ checkFunction: [] }])).toThrow(
      /require-content-check[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('rejects a value of the wrong type', () => {
    expect(() => lintWithOptions('require-content-check', rule, [{ checkFunctions: 'mask' }])).toThrow(/require-content-check[\s\S]*should be array/u);
  });
});
