/**
 * Real shapes of forced snsapi_userinfo authorization from the corpus (bench/corpus/labels-b.tsv), written anew.
 * Every one needs the program model: the authorize URL is built by a helper of another module, or the middleware
 * is registered by another module.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/require-consent.js';
import { runRuleTests } from '../../rule-tester.js';

describe.todo('needs the model: OAuth URLs built and middleware registered in other modules', () => {
  runRuleTests('require-consent: OAuth across modules', rule, {
    valid: [],
    invalid: [
      {
        // A shared page sends every visitor to snsapi_userinfo on mount; the URL comes from a helper module.
        code: `import { onMounted } from 'vue';
import { userinfoAuthorizeUrl } from '@root/common/utils/redirect';
export default {
  setup() {
    onMounted(() => {
      location.replace(userinfoAuthorizeUrl(encodeURIComponent(location.href), 'share'));
    });
  },
};`,
        filename: 'src/views/share/index.ts',
        errors: [{ messageId: 'oauthUserinfo', line: 6, column: 7, endLine: 6, endColumn: 89 }],
      },
      {
        // A Koa middleware exported here and registered with router.use for every page in routers/index.js.
        code: `const { wechat } = require('../config');
async function checkLogin(ctx, next) {
  if (ctx.session.openid) return next();
  ctx.redirect(\`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${wechat.appid}&redirect_uri=\${wechat.home}back&response_type=code&scope=snsapi_userinfo&state=\${ctx.path}#wechat_redirect\`);
}
module.exports = { checkLogin };`,
        filename: 'middle/index.js',
        errors: [{ messageId: 'oauthUserinfo', line: 4, column: 3, endLine: 4, endColumn: 199 }],
      },
      {
        // A Next.js server page bounces visitors without a code; the authorize URL comes from a helper module.
        code: `import { redirect } from 'next/navigation';
import { userinfoAuthorizeUrl } from '@/app/lib/wx';
export default async function Page(props: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await props.searchParams;
  if (!code) return redirect(userinfoAuthorizeUrl('https://example.com/server').href);
  return <Profile code={code} />;
}`,
        filename: 'app/(auth)/server/page.tsx',
        errors: [{ messageId: 'oauthUserinfo', line: 5, column: 21, endLine: 5, endColumn: 86 }],
      },
    ],
  });
});

/**
 * A Koa service whose routes are table entries that a loader registers in a loop (bench/corpus/labels-b.tsv,
 * written anew): the `/wxAuth` entry is a route callers send users to when they log in, so its snsapi_userinfo
 * redirect is the user's own request; the same handler under a page path that bounces visitors without a session
 * forces authorization.
 */
const routeEntry = (routePath: string) => `const { APP_ID, HOME } = require('../constants');
const requireParams = require('../plugins/require-params');
async function startAuth(ctx, next) {
  await next();
  if (!ctx.session.openid) {
    ctx.redirect(\`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${APP_ID}&redirect_uri=\${encodeURIComponent(HOME + ctx.query.back)}&response_type=code&scope=snsapi_userinfo#wechat_redirect\`);
  }
}
module.exports = { type: 'get', path: '${routePath}', middleware: [requireParams('back'), startAuth] };`;

runRuleTests('require-consent: route table entries', rule, {
  valid: [{ code: routeEntry('/wxAuth'), filename: 'src/routes/wx-auth.js' }],
  invalid: [
    {
      code: routeEntry('/mall'),
      filename: 'src/routes/mall.js',
      errors: [{ messageId: 'oauthUserinfo', line: 6, column: 5, endLine: 6, endColumn: 203 }],
    },
  ],
});

/**
 * A Next.js App Router server page that sends every visitor who arrives without the OAuth `code` to
 * snsapi_userinfo (bench/corpus/labels-b.tsv, written anew with the authorize URL in the file itself): the page
 * renders on the server for every visit, so the redirect forces authorization. The same page under a login path,
 * or a client component that redirects on a tap, stays silent.
 */
const serverPage = (extra = '') => `${extra}import { redirect } from 'next/navigation';
const AUTHORIZE = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=https%3A%2F%2Fshop.example.cn%2Fme&response_type=code&scope=snsapi_userinfo#wechat_redirect';
export default async function Page({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  if (!code) redirect(AUTHORIZE);
  return <Profile code={code} />;
}`;

runRuleTests('require-consent: Next.js server pages', rule, {
  valid: [{ code: serverPage(), filename: 'app/(auth)/login/page.tsx' }],
  invalid: [
    {
      code: serverPage(),
      filename: 'app/(shop)/me/page.tsx',
      errors: [{ messageId: 'oauthUserinfo', line: 5, column: 14, endLine: 5, endColumn: 33 }],
    },
  ],
});
