import { describe, expect, it } from 'vitest';
import { enclosingLoop } from '../../src/analysis/api-call-placement.js';
import { parseUrl, sourceRangeOf } from '../../src/analysis/values.js';
import { analyze, probeArgument } from './harness.js';

/** Each API call of the snippet as `source text → via endpoint method sdk-method`. */
function calls(code: string, filename?: string): string[] {
  return analyze(
    code,
    (analysis) =>
      analysis.apiCalls.calls.map(
        (call) =>
          `${analysis.sourceCode.getText(call.node.callee)} → ${call.via} ${call.endpoint?.id ?? `?${call.url?.path ?? ''}`} ${call.method ?? '-'}${call.sdk ? ` ${call.sdk.pkg}#${call.sdk.method}` : ''}`,
      ),
    { filename },
  );
}

describe('Weixin API calls', () => {
  it.each([
    [
      'raw fetch, axios verb and axios config',
      "const axios = require('axios');\nfetch('https://api.weixin.qq.com/cgi-bin/user/info?access_token=' + t);\naxios.post(`https://api.weixin.qq.com/cgi-bin/menu/create?access_token=${t}`, menu);\naxios({ url: 'https://api.weixin.qq.com/cgi-bin/tags/get', method: 'get' });",
      ['fetch → request cgi-bin/user/info GET', 'axios.post → request cgi-bin/menu/create POST', 'axios → request cgi-bin/tags/get GET'],
    ],
    [
      'an unknown path keeps its path',
      "fetch('https://api.weixin.qq.com/cgi-bin/user/infos');",
      ['fetch → request ?cgi-bin/user/infos GET'],
    ],
    [
      'other hosts and relative URLs are no Weixin calls',
      "fetch('/api/user/info');\nfetch('https://example.com/cgi-bin/token');",
      [],
    ],
    [
      'co-wechat-api client, also in a class field',
      "const API = require('co-wechat-api');\nconst api = new API(a, s);\napi.getUser(o);\nclass S { client = new API(a, s); run() { return this.client.getFollowers(); } }",
      ['api.getUser → sdk cgi-bin/user/info - co-wechat-api#getUser', 'this.client.getFollowers → sdk cgi-bin/user/get - co-wechat-api#getFollowers'],
    ],
    [
      'wechat-jssdk sub-clients and node-easywechat chains',
      "const Wechat = require('wechat-jssdk');\nconst { OfficialAccount } = require('node-easywechat');\nconst wx = new Wechat(config);\nwx.oauth.getUserInfo(code);\nconst app = new OfficialAccount(config);\napp.getAccessToken().refresh();\napp.getClient().postJson('/cgi-bin/message/template/send', body);",
      [
        'wx.oauth.getUserInfo → sdk sns/userinfo - wechat-jssdk#oauth.getUserInfo',
        'app.getAccessToken().refresh → sdk cgi-bin/token - node-easywechat#getAccessToken.refresh',
        'app.getClient().postJson → easywechat-client cgi-bin/message/template/send POST',
      ],
    ],
    [
      'a client imported from the project, recognised by an SDK-only method',
      "import { api } from './wechat.js';\napi.getFollowers();\napi.getUser(o);",
      ['api.getFollowers → sdk cgi-bin/user/get - co-wechat-api#getFollowers', 'api.getUser → sdk cgi-bin/user/info - co-wechat-api#getUser'],
    ],
    [
      'a binding of a project module named for WeChat is a client (relative path)',
      "import { api } from './wechat.js';\napi.getUser(o);",
      ['api.getUser → sdk cgi-bin/user/info - co-wechat-api#getUser'],
    ],
    [
      'a binding of a project module named for WeChat is a client (@/ alias)',
      "import { api } from '@/wechat';\napi.getUser(o);",
      ['api.getUser → sdk cgi-bin/user/info - co-wechat-api#getUser'],
    ],
    [
      'a binding named for WeChat from a project module is a client (~/ alias, require)',
      "const { wxApi } = require('~/services/client');\nwxApi.getUser(o);",
      ['wxApi.getUser → sdk cgi-bin/user/info - co-wechat-api#getUser'],
    ],
    [
      'an imported binding of a generic module without SDK-only methods is not a client',
      "import { api } from './client.js';\napi.getUser(o);",
      [],
    ],
    [
      'nor is one from the @/ alias',
      "import api from '@/api';\napi.getUser(o);",
      [],
    ],
    [
      'wechat4u is not an Official Account SDK',
      "const Wechat = require('wechat4u');\nconst bot = new Wechat();\nbot.getUser(o);",
      [],
    ],
  ])('%s', (_, code, expected) => {
    expect(calls(code)).toEqual(expected);
  });
});

describe('static URLs (parseUrl with source offsets)', () => {
  it('locates the path inside one literal for edits', () => {
    const found = analyze("probe(`https://api.weixin.qq.com/cgi-bin/user/infos?access_token=${t}`);", (analysis) => {
      const [value] = analysis.values.valuesOf(probeArgument(analysis));
      const url = parseUrl(value);
      const start = url.pathStart + 1;
      return { url, source: sourceRangeOf(value, start, url.pathStart + url.path.length)?.range };
    });
    expect(found.url).toMatchObject({ host: 'api.weixin.qq.com', path: '/cgi-bin/user/infos', queryComplete: true });
    expect([...found.url.query.keys()]).toEqual(['access_token']);
    expect(found.source).toEqual([33, 51]);
  });

  it('has no complete path when a hole lies inside it, and an incomplete query after a dynamic pair', () => {
    const inPath = analyze('probe(`https://api.weixin.qq.com/cgi-bin/${p}`);', (analysis) => parseUrl(analysis.values.valuesOf(probeArgument(analysis))[0]));
    expect(inPath.pathComplete).toBe(false);
    const afterQuery = analyze("probe('https://api.weixin.qq.com/cgi-bin/user/info?' + qs);", (analysis) =>
      parseUrl(analysis.values.valuesOf(probeArgument(analysis))[0]),
    );
    expect(afterQuery).toMatchObject({ path: '/cgi-bin/user/info', pathComplete: true, queryComplete: false });
    expect(afterQuery.query.size).toBe(0);
  });

  it('keeps the source of a path through constants and concatenation', () => {
    const code = "const BASE = 'https://api.weixin.qq.com'; probe(BASE + '/cgi-bin/user/infos');";
    const range = analyze(code, (analysis) => {
      const [value] = analysis.values.valuesOf(probeArgument(analysis));
      const url = parseUrl(value);
      return sourceRangeOf(value, url.pathStart + 1, url.pathStart + url.path.length)?.range;
    });
    expect(range && code.slice(range[0], range[1])).toBe('cgi-bin/user/infos');
  });
});

describe('loops', () => {
  it.each([
    ['for…of body', 'for (const x of list) { probe(x); }', 'statement'],
    ['forEach callback', 'list.forEach((x) => probe(x));', 'callback'],
    ['Promise.all(map)', 'Promise.all(list.map((x) => probe(x)));', 'callback'],
    ['a then callback inside a loop', 'for (const x of list) { p.then(() => probe(x)); }', 'statement'],
    ['recursion', 'function walk(list, i) { probe(list[i]); walk(list, i + 1); }', 'recursion'],
    ['a for-of list expression runs once', 'for (const x of probe(list)) {}', undefined],
    ['a declared function', 'function one(x) { probe(x); }', undefined],
    ['small literal loop', 'for (const x of [a, b]) probe(x);', undefined],
    ['throttled', 'list.forEach((x) => limit(() => probe(x)));', undefined],
  ])('%s', (_, code, kind) => {
    expect(
      analyze(code, (analysis) => enclosingLoop(probeArgument(analysis).parent as never, { throttleFunctions: ['limit'], skipSmallLiteralLoops: true })?.kind),
    ).toBe(kind);
  });
});
