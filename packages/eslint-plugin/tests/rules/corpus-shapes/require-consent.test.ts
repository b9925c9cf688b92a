/**
 * Real shapes of forced snsapi_userinfo authorization from the corpus (bench/corpus/labels-b.tsv), written anew.
 * Each needs the program model: the authorize URL is built by a helper of another module, or the middleware is
 * registered by another module. The first ones are small projects on disk (tests/project/lint-project.ts).
 */
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/require-consent.js';
import { runRuleTests } from '../../rule-tester.js';
import { lintProject } from '../../project/lint-project.js';

/** A helper module that builds the snsapi_userinfo authorize URL from the page to come back to. */
const AUTHORIZE_HELPER = `export function userinfoAuthorizeUrl(back: string, state?: string) {
  const query = state ? \`state=\${state}\` : '';
  return \`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${process.env.VUE_APP_APPID}&redirect_uri=\${back}&response_type=code&scope=snsapi_userinfo&\${query}#wechat_redirect\`;
}
`;

const consentFindings = async (files: Record<string, string>) =>
  (await lintProject(files)).filter((message) => message.ruleId === 'wechat-oa/require-consent');

describe('OAuth URLs built by a helper of another module', () => {
  it('a shared page sends every visitor to snsapi_userinfo on mount, through a variable', async () => {
    const findings = await consentFindings({
      'common/utils/redirect.ts': AUTHORIZE_HELPER,
      'src/views/share/index.ts': `import { onMounted } from 'vue';
import { userinfoAuthorizeUrl } from '../../../common/utils/redirect';
export default {
  setup() {
    onMounted(() => {
      const target = userinfoAuthorizeUrl(encodeURIComponent(location.href), 'share');
      location.replace(target);
    });
  },
};
`,
    });
    expect(findings.map(({ file, line, column }) => ({ file, line, column }))).toEqual([{ file: 'src/views/share/index.ts', line: 7, column: 7 }]);
    expect(findings[0].message).toMatch(/ \(through userinfoAuthorizeUrl in common\/utils\/redirect\.ts:1:8\)$/u);
  });

  it('the same helper called inline, and one that builds the URL from a URL object with searchParams.set', async () => {
    const findings = await consentFindings({
      'src/lib/wx.ts': `export function profileAuthorizeUrl(back: string) {
  const url = new URL('https://open.weixin.qq.com/connect/oauth2/authorize');
  url.searchParams.set('appid', process.env.VUE_APP_APPID ?? '');
  url.searchParams.set('redirect_uri', back);
  url.searchParams.set('scope', 'snsapi_userinfo');
  url.hash = 'wechat_redirect';
  return url;
}
`,
      'src/pages/home.ts': `import { profileAuthorizeUrl } from '../lib/wx';
window.addEventListener('load', () => {
  window.location.href = profileAuthorizeUrl(location.href).href;
});
`,
    });
    expect(findings.map(({ file, line, column }) => ({ file, line, column }))).toEqual([{ file: 'src/pages/home.ts', line: 3, column: 3 }]);
  });

  it('stays silent when the user asks for it (a click handler), and for a helper that asks for snsapi_base', async () => {
    const findings = await consentFindings({
      'common/utils/redirect.ts': AUTHORIZE_HELPER,
      'common/utils/base.ts': `export const baseAuthorizeUrl = (back: string) =>
  \`https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx0123&redirect_uri=\${back}&response_type=code&scope=snsapi_base#wechat_redirect\`;
`,
      'src/views/profile.ts': `import { onMounted } from 'vue';
import { userinfoAuthorizeUrl } from '../../common/utils/redirect';
import { baseAuthorizeUrl } from '../../common/utils/base';
export default {
  setup() {
    onMounted(() => location.replace(baseAuthorizeUrl(encodeURIComponent(location.href))));
    const showProfile = () => location.replace(userinfoAuthorizeUrl(encodeURIComponent(location.href)));
    return { showProfile };
  },
};
`,
    });
    expect(findings).toEqual([]);
  });
});

describe.todo('needs more than summaries: middleware registered by another module, and a server page that bounces visitors without a code', () => {
  runRuleTests('require-consent: OAuth across modules', rule, {
    valid: [],
    invalid: [
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
