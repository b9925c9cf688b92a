/**
 * Real shapes from the corpus (bench/corpus/labels-b.tsv), written anew: an inline SVG icon in an HTML string that
 * also shows the signed-in user's name. Its `xmlns` is a namespace name, never requested, so `https://` would
 * only break the icon; a real `http://` link in the same string that carries the openid stays reported.
 */
import rule from '../../../src/rules/require-https.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('require-https: corpus shapes', rule, {
  valid: [
    `export function card(user) {
  return \`<button title="remove"><svg xmlns="http://www.w3.org/2000/svg" width="14" height="14"><path d="M3 6h18"/></svg></button>
    <span>\${user.nickname}</span>\`;
}`,
    "export const icon = (doc, profile) => { const el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg'); el.dataset.who = profile.openid; return el; };",
  ],
  invalid: [
    {
      code: `export function card(user) {
  return \`<svg xmlns="http://www.w3.org/2000/svg"></svg><a href="http://shop.example.com/me?openid=\${user.openid}">me</a>\`;
}`,
      errors: [
        {
          messageId: 'userDataHttp',
          data: { field: 'openid' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 123,
          suggestions: [
            {
              messageId: 'useHttps',
              output: `export function card(user) {
  return \`<svg xmlns="http://www.w3.org/2000/svg"></svg><a href="https://shop.example.com/me?openid=\${user.openid}">me</a>\`;
}`,
            },
          ],
        },
      ],
    },
  ],
});

/**
 * More real shapes (bench/corpus/labels.tsv), written anew: a follow page showing the account's public QR
 * image over `http://` (passive content: nothing runs, nothing of a user travels), and a crawler's unit test whose
 * fixture records hold `http://` article links that nobody requests. A script from the same host, a request the
 * test really sends, and an image that carries the openid stay reported.
 */
runRuleTests('require-https: passive images and test fixtures', rule, {
  valid: [
    {
      code: `export const Follow = () => <div className="qr"><img src="http://open.weixin.qq.com/qr/code/?username=brand_store" alt="QR" /></div>;`,
      filename: 'src/Follow.jsx',
    },
    {
      code: `const assert = require('assert');
describe('Article model', () => {
  it('keeps the crawled links', async () => {
    const rows = [{ title: 'Spring sale', link: 'http://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1&sn=abc#rd' }];
    assert.equal((await Article.upsertMany(rows)).length, 1);
  });
});`,
      filename: 'test/models/article.test.js',
    },
  ],
  invalid: [
    {
      code: `export const Head = () => <script src="http://res.wx.qq.com/open/js/jweixin-1.6.0.js" />;`,
      filename: 'src/Head.jsx',
      errors: [
        {
          messageId: 'weixinHttp',
          data: { host: 'res.wx.qq.com' },
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 86,
        },
      ],
      output: `export const Head = () => <script src="https://res.wx.qq.com/open/js/jweixin-1.6.0.js" />;`,
    },
    {
      code: `const axios = require('axios');
it('reads the menu', async () => {
  const { data } = await axios.get('http://api.weixin.qq.com/cgi-bin/menu/get?access_token=' + process.env.TOKEN);
  expect(data.errcode).toBe(0);
});`,
      filename: 'test/menu.spec.js',
      output: `const axios = require('axios');
it('reads the menu', async () => {
  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/menu/get?access_token=' + process.env.TOKEN);
  expect(data.errcode).toBe(0);
});`,
      errors: [{ messageId: 'weixinHttp', data: { host: 'api.weixin.qq.com' }, line: 3, column: 36, endLine: 3, endColumn: 93 }],
    },
    {
      code: `export const Pixel = ({ user }) => <img src={\`http://stats.example.com/p.gif?openid=\${user.openid}\`} alt="" />;`,
      filename: 'src/Pixel.jsx',
      errors: [
        {
          messageId: 'userDataHttp',
          data: { field: 'openid' },
          line: 1,
          column: 46,
          endLine: 1,
          endColumn: 100,
          suggestions: [
            {
              messageId: 'useHttps',
              output: `export const Pixel = ({ user }) => <img src={\`https://stats.example.com/p.gif?openid=\${user.openid}\`} alt="" />;`,
            },
          ],
        },
      ],
    },
  ],
});
