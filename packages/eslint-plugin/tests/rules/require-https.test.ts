import rule from '../../src/rules/require-https.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('require-https', rule, {
  valid: [
    // Data flow: a plain link and a request whose body carries no user data.
    "import axios from 'axios';\nexport const ping = () => axios.post('http://status.example.com/ping', { at: Date.now() });",
    // https everywhere; local development hosts.
    `fetch('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + appid);
fetch('http://localhost:3000/api/user?openid=' + openid);
fetch(\`http://127.0.0.1:8080/sync?access_token=\${token}\`);
axios.get('http://printer.local/status?phone=' + phone);`,
    // Plain links without user data; the field only in the path or in a value.
    `export const links = ['http://www.example.com/about', 'http://cdn.example.com/avatar.png', 'http://example.com/docs?topic=openid'];`,
    // Module names and keys are not URLs.
    `import legacy from 'http://legacy.example/module.js';
const map = { 'http://api.weixin.qq.com': 1 };`,
  ],
  invalid: [
    {
      // Data flow: user data that flows into the URL through concatenation, or into the body of the request.
      code: `import axios from 'axios';
export async function sync(user) {
  await fetch('http://partner.example.com/sync?id=' + user.openid);
  await axios.post('http://crm.example.com/leads', { phone: user.phoneNumber });
}`,
      errors: [
        {
          messageId: 'userDataHttp',
          data: { field: 'openid' },
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useHttps',
              output: `import axios from 'axios';
export async function sync(user) {
  await fetch('https://partner.example.com/sync?id=' + user.openid);
  await axios.post('http://crm.example.com/leads', { phone: user.phoneNumber });
}`,
            },
          ],
        },
        {
          messageId: 'userDataHttp',
          data: { field: 'phone' },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useHttps',
              output: `import axios from 'axios';
export async function sync(user) {
  await fetch('http://partner.example.com/sync?id=' + user.openid);
  await axios.post('https://crm.example.com/leads', { phone: user.phoneNumber });
}`,
            },
          ],
        },
      ],
    },
    {
      // Plain-JS H5 page: the JS-SDK script over http, and the OAuth URL in a template.
      code: `const script = document.createElement('script');
script.src = 'http://res.wx.qq.com/open/js/jweixin-1.6.0.js';
location.href = \`http://open.weixin.qq.com/connect/oauth2/authorize?appid=\${appid}&redirect_uri=\${cb}&response_type=code&scope=snsapi_base#wechat_redirect\`;`,
      output: `const script = document.createElement('script');
script.src = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
location.href = \`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${appid}&redirect_uri=\${cb}&response_type=code&scope=snsapi_base#wechat_redirect\`;`,
      errors: [
        { messageId: 'weixinHttp', data: { host: 'res.wx.qq.com' }, line: 2, column: 14, endLine: 2, endColumn: 61 },
        { messageId: 'weixinHttp', data: { host: 'open.weixin.qq.com' }, line: 3, column: 17, endLine: 3, endColumn: 156 },
      ],
    },
    {
      // Express back end calling the API over http with a constant base, TypeScript.
      filename: 'src/wechat.ts',
      code: `import axios from 'axios';
const API = 'HTTP://api.weixin.qq.com';
export async function userInfo(token: string, openid: string): Promise<unknown> {
  return (await axios.get(API + '/cgi-bin/user/info', { params: { access_token: token, openid } })).data;
}`,
      output: `import axios from 'axios';
const API = 'https://api.weixin.qq.com';
export async function userInfo(token: string, openid: string): Promise<unknown> {
  return (await axios.get(API + '/cgi-bin/user/info', { params: { access_token: token, openid } })).data;
}`,
      errors: [{ messageId: 'weixinHttp', data: { host: 'api.weixin.qq.com' }, line: 2, column: 13, endLine: 2, endColumn: 39 }],
    },
    {
      // User data to a third-party http endpoint: a suggestion, no autofix.
      code: `fetch('http://crm.example.com/api/bind?openid=' + user.openid + '&mobile=' + user.phone);
const report = \`http://stats.example.com/collect?page=home&nickname=\${encodeURIComponent(user.nickname)}\`;`,
      errors: [
        {
          messageId: 'userDataHttp',
          data: { field: 'openid' },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 48,
          suggestions: [
            { messageId: 'useHttps', output: `fetch('https://crm.example.com/api/bind?openid=' + user.openid + '&mobile=' + user.phone);
const report = \`http://stats.example.com/collect?page=home&nickname=\${encodeURIComponent(user.nickname)}\`;` },
          ],
        },
        {
          messageId: 'userDataHttp',
          data: { field: 'nickname' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 106,
          suggestions: [
            { messageId: 'useHttps', output: `fetch('http://crm.example.com/api/bind?openid=' + user.openid + '&mobile=' + user.phone);
const report = \`https://stats.example.com/collect?page=home&nickname=\${encodeURIComponent(user.nickname)}\`;` },
          ],
        },
      ],
    },
    {
      // A credential in the query, the URL split across a concatenation.
      code: `request.get('http://partner.example.com/v1' + '/notify?access_token=' + token);`,
      errors: [
        {
          messageId: 'userDataHttp',
          data: { field: 'access_token' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 44,
          suggestions: [{ messageId: 'useHttps', output: `request.get('https://partner.example.com/v1' + '/notify?access_token=' + token);` }],
        },
      ],
    },
    {
      // JSX attribute and an HTML string (React page in a .jsx file).
      filename: 'src/Share.jsx',
      code: `export const Share = () => <img src="http://mmbiz.qpic.cn/x.png" data-api="http://mp.weixin.qq.com/mp/qrcode" />;
const html = '<script src="http://res.wx.qq.com/open/js/jweixin-1.6.0.js"></script>';`,
      output: `export const Share = () => <img src="http://mmbiz.qpic.cn/x.png" data-api="https://mp.weixin.qq.com/mp/qrcode" />;
const html = '<script src="https://res.wx.qq.com/open/js/jweixin-1.6.0.js"></script>';`,
      errors: [
        { messageId: 'weixinHttp', data: { host: 'mp.weixin.qq.com' }, line: 1, column: 75, endLine: 1, endColumn: 110 },
        { messageId: 'weixinHttp', data: { host: 'res.wx.qq.com' }, line: 2, column: 14, endLine: 2, endColumn: 85 },
      ],
    },
    {
      // Chinese message.
      code: `fetch('http://api.weixin.qq.com/cgi-bin/token');`,
      output: `fetch('https://api.weixin.qq.com/cgi-bin/token');`,
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'weixinHttp_zhCN' as 'weixinHttp', line: 1, column: 7 }],
    },
  ],
});
