import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-consent.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

const vueMounted = `import { askConsent } from '@/utils/privacy';

export default {
  data() {
    return { lat: 0, lng: 0 };
  },
  mounted() {
    wx.ready(() => {
      wx.getLocation({ type: 'gcj02', success: (res) => { this.lat = res.latitude; this.lng = res.longitude; } });
    });
  },
};
`;

const reactEffect = `import { useEffect, useState } from 'react';

async function requestPrivacyConsent(purpose: string): Promise<boolean> {
  return window.confirm(\`允许获取\${purpose}吗？\`);
}

export function NearbyStores() {
  const [position, setPosition] = useState<GeolocationPosition | null>(null);
  useEffect(() => {
    navigator.geolocation.getCurrentPosition(setPosition);
  }, []);
  return <p>{position ? '已定位' : '定位中'}</p>;
}
`;

const asyncInit = `import { hasConsent } from './consent';

export async function init() {
  await loadConfig();
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  attach(stream);
}
init();
`;

const expressMiddleware = `import express from 'express';

const app = express();
const APPID = process.env.WECHAT_APPID;

app.use((req, res, next) => {
  if (!req.session.openid) {
    return res.redirect(\`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${APPID}&redirect_uri=\${encodeURIComponent(req.originalUrl)}&response_type=code&scope=snsapi_userinfo#wechat_redirect\`);
  }
  next();
});
`;

runRuleTests('require-consent', rule, {
  valid: [
    // Gesture contexts: JSX onClick, a Vue method bound to a click, addEventListener('click').
    {
      filename: 'src/ShareButton.jsx',
      code: `export const LocateButton = ({ onLocated }) => (
  <button onClick={() => wx.getLocation({ success: (res) => onLocated(res) })}>定位</button>
);`,
    },
    "document.querySelector('#upload').addEventListener('click', () => {\n  wx.chooseImage({ count: 1, success(res) { preview(res.localIds); } });\n});",
    // Gated by a consent check: early return, branch, then-callback.
    `import { askConsent } from './privacy';
export default {
  async mounted() {
    if (!(await askConsent('location'))) return;
    wx.getLocation({ success: (res) => { this.lat = res.latitude; } });
  },
  created() {
    askConsent('photos').then((ok) => {
      if (ok) wx.chooseImage({ count: 1 });
    });
  },
};`,
    `wx.ready(async () => {
  const agreed = await requestPrivacyConsent('address');
  if (agreed) {
    wx.openAddress({ success: (res) => save(res.detailInfo) });
  }
});`,
    // JS-SDK calls that collect nothing personal.
    "wx.ready(() => { wx.updateAppMessageShareData({ title: '活动', link: location.href }); });",
    // OAuth: snsapi_base is silent; a route dedicated to login is the user's own request.
    `import express from 'express';
const app = express();
app.use((req, res, next) => {
  if (!req.session.openid) return res.redirect(\`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${process.env.APPID}&redirect_uri=x&response_type=code&scope=snsapi_base#wechat_redirect\`);
  next();
});
app.get('/auth/wechat', (req, res) => {
  res.redirect(\`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${process.env.APPID}&redirect_uri=x&response_type=code&scope=snsapi_userinfo#wechat_redirect\`);
});`,
    // A browser link the user clicks to authorize.
    {
      filename: 'src/Login.tsx',
      code: `const url = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=x&response_type=code&scope=snsapi_userinfo#wechat_redirect';
export const Login = () => <button onClick={() => { location.href = url; }}>微信登录</button>;`,
    },
  ],
  invalid: [
    {
      // Vue: location requested as soon as the JS-SDK is ready; the consent function of the file is suggested.
      code: vueMounted,
      errors: [
        {
          messageId: 'collection',
          data: { api: 'wx.getLocation()', purpose: 'location', when: 'automatically (on load, in a lifecycle hook, router guard or timer)' },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 114,
          suggestions: [
            {
              messageId: 'askFirst',
              data: { fn: 'askConsent', purpose: 'location' },
              output: vueMounted.replace(
                "wx.getLocation({ type: 'gcj02', success: (res) => { this.lat = res.latitude; this.lng = res.longitude; } });",
                "askConsent('location').then((ok) => { if (ok) { wx.getLocation({ type: 'gcj02', success: (res) => { this.lat = res.latitude; this.lng = res.longitude; } }); } });",
              ),
            },
          ],
        },
      ],
    },
    {
      // React: geolocation in an effect; the declared async consent function is suggested (effect is not async).
      filename: 'src/NearbyStores.tsx',
      code: reactEffect,
      errors: [
        {
          messageId: 'collection',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'askFirst',
              output: reactEffect.replace(
                '    navigator.geolocation.getCurrentPosition(setPosition);',
                "    requestPrivacyConsent('location').then((ok) => { if (ok) { navigator.geolocation.getCurrentPosition(setPosition); } });",
              ),
            },
          ],
        },
      ],
    },
    {
      // An async function called at load: the guard is inserted before the statement.
      code: asyncInit,
      errors: [
        {
          messageId: 'collection',
          data: { api: 'navigator.mediaDevices.getUserMedia()', purpose: 'camera', when: 'automatically (on load, in a lifecycle hook, router guard or timer)' },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'askFirst',
              output: asyncInit.replace(
                '  const stream = await',
                "  if (!(await hasConsent('camera'))) return;\n  const stream = await",
              ),
            },
          ],
        },
      ],
    },
    {
      // No consent function in the file: no suggestion. A router guard is automatic.
      code: `router.beforeEach((to, from, next) => {
  if (to.meta.needsLocation) wx.getLocation({ success: (res) => store.commit('setLocation', res) });
  next();
});`,
      errors: [{ messageId: 'collection', line: 2, column: 30, endLine: 2, endColumn: 100, suggestions: [] }],
    },
    {
      // Express: a middleware for every request bounces visitors into snsapi_userinfo.
      code: expressMiddleware,
      errors: [
        {
          messageId: 'oauthUserinfo',
          data: { when: 'in middleware that runs for every request' },
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 203,
          suggestions: [],
        },
      ],
    },
    {
      // Koa with wechat-oauth: a page route redirects visitors without a session.
      code: `import Router from '@koa/router';
import OAuth from 'co-wechat-oauth';
const oauth = new OAuth(process.env.APPID, process.env.APPSECRET);
const router = new Router();
router.get('/mall', async (ctx) => {
  if (!ctx.session.user) {
    const url = oauth.getAuthorizeURL('https://m.example.com/oauth/callback', 'mall', 'snsapi_userinfo');
    ctx.redirect(url);
    return;
  }
  await ctx.render('mall');
});`,
      errors: [{ messageId: 'oauthUserinfo', line: 8, column: 5, endLine: 8, endColumn: 22 }],
    },
    {
      // Browser: a router guard sends every visitor without a profile into snsapi_userinfo.
      code: `const AUTHORIZE = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=https%3A%2F%2Fm.example.com%2F&response_type=code&scope=snsapi_userinfo#wechat_redirect';
router.beforeEach((to, from, next) => {
  if (!store.state.profile) {
    window.location.href = AUTHORIZE;
    return;
  }
  next();
});`,
      errors: [{ messageId: 'oauthUserinfo', line: 4, column: 5, endLine: 4, endColumn: 37, suggestions: [] }],
    },
    {
      // requireExplicitConsent (strict): a click handler needs a consent check too.
      filename: 'src/Upload.jsx',
      code: "export const Upload = () => <button onClick={() => wx.chooseImage({ count: 9 })}>上传</button>;",
      options: [{ requireExplicitConsent: true }],
      errors: [{ messageId: 'collection', line: 1, column: 52, endLine: 1, endColumn: 80, suggestions: [] }],
    },
    {
      code: 'wx.ready(() => { wx.startRecord(); });',
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'collection_zhCN' as 'collection', line: 1, column: 18, endLine: 1, endColumn: 34 }],
    },
  ],
});

describe('options', () => {
  it('rejects an unknown option, naming the rule', () => {
    expect(() => lintWithOptions('require-consent', rule, [{ requireExplicit: [] }])).toThrow(
      /require-consent[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('rejects a value of the wrong type', () => {
    expect(() => lintWithOptions('require-consent', rule, [{ requireExplicitConsent: 'yes' }])).toThrow(/require-consent[\s\S]*should be boolean/u);
  });
});
