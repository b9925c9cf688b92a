import { describe, expect, it } from 'vitest';
import { lintProject } from './lint-project.js';

// Two- and three-file projects linted from disk with the `recommended` preset: each finding is reported in the
// calling file, on the call or value that reaches the other module, and names the exported function and its file.
describe('findings through other modules', () => {
  it('no-platform-login-automation: a config module (CommonJS) and a request helper (three files)', async () => {
    const messages = await lintProject({
      'src/config.js': "module.exports = { api: { bizlogin: 'https://mp.weixin.qq.com/cgi-bin/bizlogin' } };\n",
      'src/lib/http.js':
        "const axios = require('axios');\nfunction mpRequest(opts) {\n  return axios({ method: 'post', url: opts.url, data: opts.data });\n}\nmodule.exports = { mpRequest };\n",
      'src/login.js':
        "const Config = require('./config');\nconst { mpRequest } = require('./lib/http');\nmpRequest({ url: Config.api.bizlogin + '?action=startlogin', data: { f: 'json' } });\n",
    });
    expect(messages).toEqual([
      {
        file: 'src/login.js',
        line: 3,
        column: 1,
        ruleId: 'wechat-oa/no-platform-login-automation',
        message:
          '[S5] Request to the Official Accounts Platform login or console (cgi-bin/bizlogin): logging in to or driving mp.weixin.qq.com by script is proxy login, which the platform forbids. Use the official APIs with your AppID and AppSecret instead (through mpRequest in src/lib/http.js:2:1)',
      },
    ]);
  });

  it('no-platform-login-automation: an `endpoint` option of a TypeScript proxy, imported through a namespace', async () => {
    const messages = await lintProject({
      'src/proxy.ts':
        'export async function consoleRequest(options: { endpoint: string }) {\n  return fetch(options.endpoint, { method: \'POST\' });\n}\n',
      'src/scan.ts':
        "import * as proxy from './proxy';\nexport const poll = () => proxy.consoleRequest({ endpoint: 'https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin' });\n",
    });
    expect(messages.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }))).toEqual([
      { file: 'src/scan.ts', line: 2, column: 27, ruleId: 'wechat-oa/no-platform-login-automation' },
    ]);
    expect(messages[0].message).toMatch(/ \(through consoleRequest in src\/proxy\.ts:1:8\)$/u);
  });

  it('a wrapper of a wrapper is a wrapper: the finding names the function the file calls', async () => {
    const messages = await lintProject({
      'src/lib/http.js': "import axios from 'axios';\nexport function send(opts) {\n  return axios.post(opts.url, opts.data);\n}\n",
      'src/lib/form.js': "import { send } from './http';\nexport const postForm = (url, data) => send({ url, data });\n",
      'src/login.js': "import { postForm } from './lib/form';\npostForm('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin', {});\n",
    });
    expect(messages.map(({ file, line, ruleId }) => ({ file, line, ruleId }))).toEqual([
      { file: 'src/login.js', line: 2, ruleId: 'wechat-oa/no-platform-login-automation' },
    ]);
    expect(messages[0].message).toMatch(/ \(through postForm in src\/lib\/form\.js:2:14\)$/u);
  });

  it('no-auto-redirect: a navigation helper re-exported with export * and imported through @/', async () => {
    const messages = await lintProject({
      'src/h5/nav.js': 'export function go(url) {\n  window.location.href = url;\n}\n',
      'src/h5/index.js': "export * from './nav.js';\n",
      'src/pages/landing.js': "import { go } from '@/h5';\ngo('https://partner.example.com/welcome');\n",
    });
    expect(messages.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId }))).toEqual([
      { file: 'src/pages/landing.js', line: 2, column: 1, ruleId: 'wechat-oa/no-auto-redirect' },
    ]);
    expect(messages[0].message).toMatch(/ \(through go in src\/h5\/nav\.js:1:8\)$/u);
  });

  it('no-auto-redirect: a helper called from a click handler stays silent', async () => {
    const messages = await lintProject({
      'src/nav.js': 'export function go(url) {\n  window.location.href = url;\n}\n',
      'src/page.js': "import { go } from './nav';\ndocument.querySelector('a').addEventListener('click', () => go('https://partner.example.com/'));\n",
    });
    expect(messages).toEqual([]);
  });

  it('no-uncached-access-token and no-api-call-in-loop: a token module and a per-user helper (default export of CommonJS)', async () => {
    const messages = await lintProject({
      'src/token.js':
        "const axios = require('axios');\nexports.fetchToken = async () => (await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + process.env.APPID + '&secret=' + process.env.SECRET)).data;\n",
      'src/users.js':
        "const axios = require('axios');\nmodule.exports = (token, openid) => axios.get(`https://api.weixin.qq.com/cgi-bin/user/info?access_token=${token}&openid=${openid}`);\n",
      'src/routes.js':
        "const express = require('express');\nconst { fetchToken } = require('./token');\nconst profile = require('./users');\nconst router = express.Router();\nrouter.post('/sync', async (req, res) => {\n  const { access_token } = await fetchToken();\n  for (const openid of req.body.openids) await profile(access_token, openid);\n  res.end();\n});\n",
    });
    expect(messages.filter((message) => message.file === 'src/routes.js').map(({ line, ruleId }) => ({ line, ruleId }))).toEqual([
      { line: 6, ruleId: 'wechat-oa/no-uncached-access-token' },
      { line: 7, ruleId: 'wechat-oa/no-api-call-in-loop' },
    ]);
  });

  it('no-uncached-access-token: a token kept in a module variable with ??= is a cache, through a helper too', async () => {
    const messages = await lintProject({
      'src/wx.ts':
        "export async function fetchToken() {\n  const response = await fetch(`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${process.env.APPID}&secret=${process.env.SECRET}`);\n  return response.json();\n}\n",
      'src/app/api/route.ts':
        "import { fetchToken } from '../../wx';\nlet token: string | undefined;\nexport async function GET() {\n  token ??= (await fetchToken()).access_token;\n  return Response.json({ ok: Boolean(token) });\n}\n",
    });
    expect(messages.filter((message) => message.file === 'src/app/api/route.ts')).toEqual([]);
  });

  it('valid-api-request: the method comes from the helper', async () => {
    const messages = await lintProject({
      'src/http.js': "const axios = require('axios');\nexports.getJson = (url) => axios.get(url);\n",
      'src/menu.js': "const { getJson } = require('./http');\ngetJson('https://api.weixin.qq.com/cgi-bin/menu/create?access_token=' + token);\n",
    });
    expect(messages.map(({ file, line, ruleId }) => ({ file, line, ruleId }))).toEqual([
      { file: 'src/menu.js', line: 2, ruleId: 'wechat-oa/valid-api-request' },
    ]);
    expect(messages[0].message).toMatch(/ \(through getJson in src\/http\.js:2:1\)$/u);
  });

  it('valid-api-request: a helper whose URL does not depend on the caller is checked once, in its own module', async () => {
    const messages = await lintProject({
      // The module also sends template messages: Official Account code, where the mini-program login fails.
      'src/mina.js':
        "const axios = require('axios');\nexports.session = (code) => axios.get('https://api.weixin.qq.com/sns/jscode2session', { params: { js_code: code } });\n" +
        "exports.notify = (token, body) => axios.post('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, body);\n",
      'src/a.js': "const { session } = require('./mina');\nsession(req.query.code);\n",
      'src/b.js': "const { session } = require('./mina');\nsession(ctx.query.code);\n",
    });
    expect(messages.map(({ file, ruleId }) => ({ file, ruleId }))).toEqual([{ file: 'src/mina.js', ruleId: 'wechat-oa/valid-api-request' }]);
  });

  it('require-https and no-user-data-to-third-party: user data to an http:// host of a config module, through a helper', async () => {
    const messages = await lintProject({
      'src/config.js': "export const statsHost = 'http://stats.example.com';\n",
      'src/http.js': "import axios from 'axios';\nexport const post = (url, data) => axios.post(url, data);\n",
      'src/visit.js':
        "import { statsHost } from './config';\nimport { post } from './http';\nexport const track = (user) => post(`${statsHost}/visit`, { phone: user.phoneNumber });\n",
    });
    expect(messages.map(({ file, line, ruleId }) => ({ file, line, ruleId }))).toEqual([
      { file: 'src/visit.js', line: 3, ruleId: 'wechat-oa/no-user-data-to-third-party' },
      { file: 'src/visit.js', line: 3, ruleId: 'wechat-oa/require-https' },
    ]);
  });

  it('methods of an exported class instance and JSON config modules are followed', async () => {
    const messages = await lintProject({
      'src/urls.json': JSON.stringify({ login: 'https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin' }),
      'src/api.js':
        "const axios = require('axios');\nclass Api {\n  post(url, data) {\n    return axios.post(url, data);\n  }\n}\nmodule.exports = new Api();\n",
      'src/login.js': "const api = require('./api');\nconst urls = require('./urls.json');\napi.post(urls.login, {});\n",
    });
    expect(messages.map(({ file, line, ruleId }) => ({ file, line, ruleId }))).toEqual([
      { file: 'src/login.js', line: 3, ruleId: 'wechat-oa/no-platform-login-automation' },
    ]);
    expect(messages[0].message).toMatch(/ \(through Api\.post in src\/api\.js:3:3\)$/u);
  });

  it('settings aliases resolve what no config says, and zh-CN messages name the module too', async () => {
    const messages = await lintProject(
      {
        'shared/nav.js': 'export function go(url) {\n  window.location.href = url;\n}\n',
        'src/page.js': "import { go } from 'shared-nav';\ngo('https://partner.example.com/');\n",
      },
      { settings: { aliases: { 'shared-nav': 'shared/nav.js' }, locale: 'zh-CN' } },
    );
    expect(messages.map(({ file, ruleId }) => ({ file, ruleId }))).toEqual([{ file: 'src/page.js', ruleId: 'wechat-oa/no-auto-redirect' }]);
    expect(messages[0].message).toMatch(/（经由 shared\/nav\.js:1:8 中的 go）$/u);
  });

  it('settings wrappers declare what no module shows: a global request helper and a navigation helper', async () => {
    const messages = await lintProject(
      {
        'src/login.js':
          "this.$http.post({ url: 'https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin', data: {} });\njump('https://partner.example.com/');\n",
      },
      { settings: { wrappers: { 'this.$http.post': { url: '0.url', method: 'post', body: '0.data' }, jump: { kind: 'navigation', url: '0' } } } },
    );
    expect(messages.map(({ line, ruleId, message }) => ({ line, ruleId, through: message.includes('(through') }))).toEqual([
      { line: 1, ruleId: 'wechat-oa/no-platform-login-automation', through: false },
      { line: 2, ruleId: 'wechat-oa/no-auto-redirect', through: false },
    ]);
  });

  it('no-plaintext-user-data: a URL builder’s result carries the openid it was given, and a helper logs its parameter', async () => {
    const messages = await lintProject({
      'src/utils/build-uri.js':
        "module.exports = function buildUri(base, path, params) {\n  const uri = new URL(path, base);\n  Object.keys(params).forEach((key) => uri.searchParams.append(key, params[key]));\n  return uri.toString();\n};\n",
      'src/audit.js': "const logger = require('./logger');\nexports.audit = (what, detail) => {\n  logger.info(`${what}: %j`, detail);\n};\n",
      'src/logger.js': "module.exports = require('pino')();\n",
      'src/routes/relay.js':
        "const logger = require('../logger');\nconst buildUri = require('../utils/build-uri');\nconst { audit } = require('../audit');\nconst { maskOpenid } = require('../mask');\nmodule.exports = async function relay(ctx, user) {\n  const target = buildUri('https://www.example.com/', 'done', { openid: user.openid });\n  logger.info(`back to ${target}`);\n  audit('login', { openid: user.openid });\n  audit('visit', { page: ctx.path });\n  logger.info(maskOpenid(user.openid));\n};\n",
      // A masker by name stays a masker, though its result carries its argument.
      'src/mask.js': "exports.maskOpenid = (openid) => openid.slice(0, 4) + '****';\n",
    }, { lint: ['src/routes/relay.js'] });
    expect(messages.map(({ line, ruleId, message }) => ({ line, ruleId, through: / \(through [^)]+\)$/u.exec(message)?.[0] }))).toEqual([
      // The builder's result is inside a template, not its start: the finding is about the data, named without a trace.
      { line: 7, ruleId: 'wechat-oa/no-plaintext-user-data', through: undefined },
      { line: 8, ruleId: 'wechat-oa/no-plaintext-user-data', through: ' (through audit in src/audit.js:2:1)' },
    ]);
  });

  it('a module’s returned URL does not leak into a file that does not call it: a local function of the same name stays local', async () => {
    const messages = await lintProject({
      'src/lib/url.js': "export const authorizeUrl = () => 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&redirect_uri=x&scope=snsapi_userinfo#wechat_redirect';\n",
      'src/page.js': "const authorizeUrl = () => '/login';\nwindow.addEventListener('load', () => { location.replace(authorizeUrl()); });\n",
    }, { lint: ['src/page.js'] });
    expect(messages).toEqual([]);
  });

  it('an SDK client constructed and exported by a module is one in its importers, whatever its name', async () => {
    const importer =
      "const express = require('express');\nconst platform = require('../services/platform');\nconst router = express.Router();\nrouter.get('/u', async (req, res) => {\n  const user = await platform.getUser(req.query.id);\n  console.log(user);\n  res.send('ok');\n});\nmodule.exports = router;\n";
    const client = await lintProject({
      'src/services/platform.js': "const WechatAPI = require('wechat-api');\nmodule.exports = new WechatAPI(process.env.APPID, process.env.SECRET);\n",
      'src/routes/user.js': importer,
    }, { lint: ['src/routes/user.js'] });
    expect(client.map(({ line, ruleId }) => ({ line, ruleId }))).toEqual([{ line: 6, ruleId: 'wechat-oa/no-plaintext-user-data' }]);
    // The same name bound to a module that exports something else: no client, no user data.
    const other = await lintProject({
      'src/services/platform.js': "module.exports = { getUser: async (id) => ({ id }) };\n",
      'src/routes/user.js': importer,
    }, { lint: ['src/routes/user.js'] });
    expect(other).toEqual([]);
  });

  it('cycles, missing, unparsable and oversized modules end the chain without a report or a crash', async () => {
    // 5.5 MB: over the size summaries read, it is never parsed.
    const big = `export function go(url) { window.location.href = url; }\n${'// padding\n'.repeat(460_000)}`;
    const messages = await lintProject(
      {
        'src/a.js': "import { b } from './b.js';\nexport function a(url) { return b(url); }\n",
        'src/b.js': "import { a } from './a.js';\nexport function b(url) { return url ? a(url) : ''; }\n",
        'src/broken.js': 'export function go(url) { window.location.href = url; \n',
        'src/big.js': big,
        'src/page.js':
          "import { a } from './a.js';\nimport { jump } from './missing.js';\nimport { go } from './broken.js';\nimport { go as bigGo } from './big.js';\na('https://partner.example.com/');\njump('https://partner.example.com/');\ngo('https://partner.example.com/');\nbigGo('https://partner.example.com/');\n",
      },
      { lint: ['src/page.js'] },
    );
    expect(messages).toEqual([]);
  });
});
