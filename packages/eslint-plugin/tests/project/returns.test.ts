import { describe, expect, it } from 'vitest';
import { lintProject } from './lint-project.js';

describe('scratch', () => {
  it('shapes', async () => {
    const messages = await lintProject({
      'common/utils/redirect.ts':
        "export function userinfoAuthorizeUrl(back: string, state?: string) {\n  const appid = process.env.VUE_APP_APPID;\n  const tail = state ? `state=${state}` : '';\n  return `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${appid}&redirect_uri=${back}&response_type=code&scope=snsapi_userinfo&${tail}#wechat_redirect`;\n}\n",
      'src/views/share.ts':
        "import { onMounted } from 'vue';\nimport { userinfoAuthorizeUrl } from '../../common/utils/redirect';\nexport default {\n  setup() {\n    onMounted(() => {\n      const url = userinfoAuthorizeUrl(encodeURIComponent(location.href), 'share');\n      location.replace(url);\n    });\n  },\n};\n",
      'app/lib/wx.ts':
        "export function oauthUrl(back: string) {\n  const url = new URL('https://open.weixin.qq.com/connect/oauth2/authorize');\n  url.searchParams.set('appid', process.env.APPID!);\n  url.searchParams.set('redirect_uri', back);\n  url.searchParams.set('scope', 'snsapi_userinfo');\n  url.hash = '#wechat_redirect';\n  return url;\n}\n",
      'app/(auth)/server/page.tsx':
        "import { redirect } from 'next/navigation';\nimport { oauthUrl } from '@/app/lib/wx';\nexport default async function Page(props: { searchParams: Promise<{ code?: string }> }) {\n  const { code } = await props.searchParams;\n  if (!code) {\n    const target = oauthUrl('https://example.com/server');\n    return redirect(target.href);\n  }\n  return null;\n}\n",
      'src/utils/build-uri.js':
        "const { URL } = require('url');\nmodule.exports = function buildUri(host, path, params) {\n  const uri = new URL(path, host);\n  Object.keys(params).forEach((key) => uri.searchParams.append(key, params[key]));\n  return uri.toString();\n};\n",
      'src/logger.js': "module.exports = require('pino')();\n",
      'src/routes/relay.js':
        "const logger = require('../logger');\nconst buildUri = require('../utils/build-uri');\nmodule.exports = async function relay(ctx) {\n  const { code, redirect_uri } = ctx.request.query;\n  const user = await profileByCode(code);\n  const target = buildUri(redirect_uri, '', { openid: user.openid, access_token: user.access_token });\n  logger.info(`redirect ${target}`);\n  ctx.redirect(target);\n};\n",
    });
    console.log(JSON.stringify(messages, null, 1));
  });
});
