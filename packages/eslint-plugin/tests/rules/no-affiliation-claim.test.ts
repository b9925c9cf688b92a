import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-affiliation-claim.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const zh = { 'wechat-oa': { locale: 'zh-CN' } };

runRuleTests('no-affiliation-claim', rule, {
  valid: [
    // Neutral mentions of the product name a feature and claim nothing.
    "const label = 'Share to WeChat';",
    "const pay = '微信支付';",
    "const footer = '微信公众号：wechat-oa-demo';",
    "const tip = '关注微信公众号，获取最新消息';",
    "const badge = '已通过微信认证';",
    "const login = '微信授权登录';",
    "const follow = 'Follow our official WeChat account';",
    "const doc = '请参阅微信官方文档';",
    "const cloud = '部署在腾讯云';",
    "const pay = 'Pay with WeChat Pay';",
    // Identifiers, imports, comments.
    'const tencentPartner = isPartner(tencent);',
    'wechatOfficialPartner();',
    "import partner from './腾讯官方合作';",
    "export * from './腾讯官方合作伙伴';",
    "const mod = require('./腾讯官方合作');",
    "const lazy = import('./Tencent partner');",
    '// 腾讯官方合作伙伴\nconst x = 1;',
    '/* endorsed by WeChat */\nconst y = 2;',
    // Class names, object keys, console output, type-level strings.
    { code: 'const A = () => <div className="tencent partner">x</div>;', filename: 'src/a.jsx' },
    { code: 'const B = () => <div class="腾讯官方合作">x</div>;', filename: 'src/b.jsx' },
    { code: 'const C = () => <div className={`official wechat partner`}>x</div>;', filename: 'src/c.tsx' },
    { code: 'const L = () => <a href="/腾讯官方合作伙伴">x</a>;', filename: 'src/l.jsx' },
    "const map = { '腾讯官方合作': 1 };",
    "const value = map['腾讯官方合作'];",
    "console.log('Tencent partner matched');",
    { code: "type Claim = '腾讯官方合作';\ninterface I { '微信官方认证': string }", filename: 'src/types.ts' },
    // An extra phrase does not stop the built-in ones from being neutral where they are.
    { code: "const a = '微信支付';", options: [{ phrases: ['鹅厂认证'] }] },
  ],
  invalid: [
    {
      // Simplified Chinese; the joining comma goes with the phrase.
      code: "const slogan = '腾讯官方合作伙伴，专业公众号开发';",
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '腾讯官方合作伙伴' },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '腾讯官方合作伙伴' },
              output: "const slogan = '专业公众号开发';",
            },
          ],
        },
      ],
    },
    {
      // Traditional Chinese in JSX text, wrapped in brackets: the brackets go too, indentation stays.
      filename: 'src/Badge.jsx',
      code: 'const Badge = () => (\n  <p>\n    【騰訊官方合作夥伴】專業開發\n  </p>\n);',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '騰訊官方合作夥伴' },
          // Text between tags is reported at the phrase, not where the text node starts (after `<p>`).
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '騰訊官方合作夥伴' },
              output: 'const Badge = () => (\n  <p>\n    專業開發\n  </p>\n);',
            },
          ],
        },
      ],
    },
    {
      // JSX text that starts right after a comment in braces: the report is on the phrase's line, where a
      // `{/* eslint-disable-next-line */}` above it applies.
      filename: 'src/Footer.jsx',
      code: 'const Footer = () => (\n  <p>\n    {/* 合同第三条 */}\n    本店是腾讯官方合作伙伴\n  </p>\n);',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '腾讯官方合作伙伴' },
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '腾讯官方合作伙伴' },
              output: 'const Footer = () => (\n  <p>\n    {/* 合同第三条 */}\n    本店是\n  </p>\n);',
            },
          ],
        },
      ],
    },
    {
      // English at the end: the joining " · " before it goes with it.
      code: 'const title = "Fast delivery · Tencent partner";',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: 'Tencent partner' },
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 48,
          suggestions: [
            { messageId: 'removeClaim', data: { phrase: 'Tencent partner' }, output: 'const title = "Fast delivery";' },
          ],
        },
      ],
    },
    {
      // Template literal: the phrase in the last quasi is removed, the expression stays.
      code: 'const heading = `${shopName}｜微信官方推荐`;',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '微信官方推荐' },
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 37,
          suggestions: [{ messageId: 'removeClaim', data: { phrase: '微信官方推荐' }, output: 'const heading = `${shopName}`;' }],
        },
      ],
    },
    {
      // JSX attributes users read: alt, title, aria-label, placeholder.
      filename: 'src/Logo.tsx',
      code: 'export const Logo = () => <img src="/logo.png" alt="endorsed by WeChat" title="Official WeChat partner" />;',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: 'endorsed by WeChat' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: 'endorsed by WeChat' },
              output: 'export const Logo = () => <img src="/logo.png" alt="" title="Official WeChat partner" />;',
            },
          ],
        },
        {
          messageId: 'claim',
          data: { phrase: 'Official WeChat partner' },
          line: 1,
          column: 79,
          endLine: 1,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: 'Official WeChat partner' },
              output: 'export const Logo = () => <img src="/logo.png" alt="endorsed by WeChat" title="" />;',
            },
          ],
        },
      ],
    },
    {
      filename: 'src/Search.jsx',
      code: 'const Search = () => <input aria-label="搜索" placeholder="微信战略合作伙伴为您服务" />;',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '微信战略合作伙伴' },
          line: 1,
          column: 57,
          endLine: 1,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '微信战略合作伙伴' },
              output: 'const Search = () => <input aria-label="搜索" placeholder="为您服务" />;',
            },
          ],
        },
      ],
    },
    {
      // A `<meta content>` in JSX; 携手腾讯 and the comma joining it go.
      filename: 'src/Head.jsx',
      code: 'const Head = () => <Helmet><meta name="description" content="携手腾讯，打造智慧零售" /></Helmet>;',
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '携手腾讯' },
          line: 1,
          column: 61,
          endLine: 1,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '携手腾讯' },
              output: 'const Head = () => <Helmet><meta name="description" content="打造智慧零售" /></Helmet>;',
            },
          ],
        },
      ],
    },
    {
      // An HTML string: only the phrase inside the attribute value goes.
      code: "document.head.innerHTML += '<meta name=\"description\" content=\"腾讯战略合作伙伴 | 公众号代运营\">';",
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '腾讯战略合作伙伴' },
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '腾讯战略合作伙伴' },
              output: "document.head.innerHTML += '<meta name=\"description\" content=\"公众号代运营\">';",
            },
          ],
        },
      ],
    },
    {
      // Escapes in the literal are kept as written: the edit is computed on the source text.
      code: "const s = '\\u817e讯官方合作 - \\u5feb速';",
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '腾讯官方合作' },
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 34,
          suggestions: [{ messageId: 'removeClaim', data: { phrase: '腾讯官方合作' }, output: "const s = '\\u5feb速';" }],
        },
      ],
    },
    {
      // Two phrases in one text: one report, one suggestion that removes both.
      filename: 'src/footer.ts',
      code: "export const footer: string = '腾讯官方合作伙伴，微信官方认证，专业团队';",
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '腾讯官方合作伙伴' },
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: '腾讯官方合作伙伴' },
              output: "export const footer: string = '专业团队';",
            },
          ],
        },
      ],
    },
    {
      // English in a sentence: the following space goes with the phrase.
      code: "const about = 'In partnership with Tencent since 2015';",
      errors: [
        {
          messageId: 'claim',
          data: { phrase: 'partnership with Tencent' },
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'removeClaim',
              data: { phrase: 'partnership with Tencent' },
              output: "const about = 'In since 2015';",
            },
          ],
        },
      ],
    },
    {
      // 与腾讯达成战略合作, and the sentence end stays.
      code: "const news = '本公司已与腾讯达成战略合作。';",
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '与腾讯达成战略合作' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 30,
          suggestions: [
            { messageId: 'removeClaim', data: { phrase: '与腾讯达成战略合作' }, output: "const news = '本公司已。';" },
          ],
        },
      ],
    },
    {
      // The whole text is the claim: it is emptied.
      code: "const badge = '微信官方认证';",
      errors: [
        {
          messageId: 'claim',
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 23,
          suggestions: [{ messageId: 'removeClaim', output: "const badge = '';" }],
        },
      ],
    },
    {
      // Option phrases: extra plain-text phrases, case-insensitive.
      code: "const tag = '鹅厂认证 · 放心购';\nconst en = 'Penguin Approved';",
      options: [{ phrases: ['鹅厂认证', 'penguin approved'] }],
      errors: [
        {
          messageId: 'claim',
          data: { phrase: '鹅厂认证' },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 25,
          suggestions: [{ messageId: 'removeClaim', data: { phrase: '鹅厂认证' }, output: "const tag = '放心购';\nconst en = 'Penguin Approved';" }],
        },
        {
          messageId: 'claim',
          data: { phrase: 'Penguin Approved' },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 30,
          suggestions: [{ messageId: 'removeClaim', data: { phrase: 'Penguin Approved' }, output: "const tag = '鹅厂认证 · 放心购';\nconst en = '';" }],
        },
      ],
    },
    {
      // Chinese messages.
      code: "const slogan = '腾讯官方合作伙伴，专业公众号开发';",
      settings: zh,
      errors: [
        {
          messageId: 'claim_zhCN',
          data: { phrase: '腾讯官方合作伙伴' },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeClaim_zhCN',
              data: { phrase: '腾讯官方合作伙伴' },
              output: "const slogan = '专业公众号开发';",
            },
          ],
        },
      ],
    },
  ],
});

describe('no-affiliation-claim options', () => {
  it('rejects phrases given as a string with a schema error naming the rule', () => {
    expect(() => lintWithOptions('no-affiliation-claim', rule, [{ phrases: '鹅厂认证' }])).toThrow(
      /no-affiliation-claim[\s\S]*should be array/u,
    );
  });
  it('rejects an unknown option', () => {
    expect(() => lintWithOptions('no-affiliation-claim', rule, [{ phrase: ['鹅厂认证'] }])).toThrow(
      /no-affiliation-claim[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('is turned off by a disable comment in braces on the line before the phrase in JSX text', () => {
    const code = [
      'const Footer = () => (',
      '  <p>',
      '    {/* eslint-disable-next-line wechat-oa/no-affiliation-claim -- wording approved in the contract */}',
      '    腾讯官方合作伙伴',
      '    <br />',
      '    {/* a note that disables nothing */}',
      '    微信官方认证',
      '  </p>',
      ');',
    ].join('\n');
    const messages = lintWithOptions('no-affiliation-claim', rule, [], code);
    expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['wechat-oa/no-affiliation-claim', 7, 5]]);
  });
  it('treats an extra phrase as plain text, not as a regular expression', () => {
    const messages = lintWithOptions('no-affiliation-claim', rule, [{ phrases: ['a.c (x)'] }], "const s = 'abc x';\nconst t = 'a.c (x)';");
    expect(messages.map((message) => [message.line, message.column])).toEqual([[2, 11]]);
  });
});
