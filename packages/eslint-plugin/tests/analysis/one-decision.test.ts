/**
 * Every part of the model that asks "is this an Official Account client call?" gets the same answer: the API-call
 * facts (analysis/api-calls.ts), the data flow's SDK calls and the SDK-client facts all read analysis/sdk-clients.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { analyze } from './harness.js';

/** For the last call of the snippet: [API-call fact, data-flow SDK call, project client]. */
function answers(code: string): [string | undefined, string | undefined, string | undefined] {
  return analyze(code, (analysis) => {
    const calls = analysis.nodes.ofType('CallExpression');
    const call = calls[calls.length - 1] as TSESTree.CallExpression;
    const fact = analysis.apiCalls.byNode.get(call)?.sdk;
    const flow = analysis.dataFlow.sdkCallOf(call);
    const receiver = call.callee.type === 'MemberExpression' ? call.callee.object : undefined;
    const project = receiver?.type === 'Identifier' ? analysis.sdk.projectClientOf(receiver) : undefined;
    return [fact ? `${fact.pkg}#${fact.method}` : undefined, flow ? `${flow.client.sdk}#${flow.name}` : undefined, project?.pkg];
  });
}

describe('one decision for project clients', () => {
  it.each([
    ["import { api } from './wechat.js';\napi.getUser(o);", 'co-wechat-api#getUser'],
    ["import { api } from '@/wechat';\napi.getUser(o);", 'co-wechat-api#getUser'],
    ["import { api } from '~/wechat/index';\napi.getUser(o);", 'co-wechat-api#getUser'],
    ["const { oaClient } = require('../lib/client');\noaClient.getUser(o);", 'co-wechat-api#getUser'],
    ["import { api } from '../client.js';\napi.getFollowers();\napi.getLatestToken();", 'wechat-api#getLatestToken'],
  ])('%s is a client everywhere', (code, expected) => {
    const [fact, flow, project] = answers(code);
    expect(fact).toBe(expected);
    expect(flow).toBe(expected);
    expect(project).toBe(expected.split('#')[0]);
  });

  it.each([
    "import { api } from './client.js';\napi.getUser(o);",
    "import api from '@/api';\napi.getUser(o);",
    "import { api } from 'some-package';\napi.getUser(o);",
    "import type { WechatApi } from './wechat.js';\ndeclare const api: WechatApi;\napi.getUser(o);",
  ])('%s is no client anywhere', (code) => {
    expect(answers(code)).toEqual([undefined, undefined, undefined]);
  });
});

describe('generic requests', () => {
  const requests = (code: string) =>
    analyze(code, (analysis) => analysis.requests.map((request) => `${analysis.sourceCode.getText(request.node.callee)} ${request.client} ${request.method ?? '-'}`));

  it.each([
    ["import httpx from 'some-http-lib';\nhttpx.request('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential');", ['httpx.request other -']],
    ["this.$http.post('https://example.com/api/track', { openid });", ['this.$http.post other POST']],
    ["wxRequest('GET', 'https://api.weixin.qq.com/cgi-bin/user/get');", ['wxRequest other GET']],
    ["service({ url: 'https://api.weixin.qq.com/cgi-bin/menu/create', method: 'post', data: menu });", ['service other POST']],
    ["wx.request({ url: 'https://example.com/api/profile', data: profile });", ['wx.request other -']],
    ["getJSON('https://example.com/feed.json');", ['getJSON other GET']],
  ])('%s', (code, expected) => {
    expect(requests(code)).toEqual(expected);
  });

  it.each([
    // A map keyed by URL, a namespace URI, header values, strings compared or logged, navigation.
    "const cache = new Map();\ncache.get('https://api.weixin.qq.com/cgi-bin/user/info');",
    "document.createElementNS('http://www.w3.org/2000/svg', 'svg');",
    "fetch('/api', { headers: { Referer: 'http://example.com/', Origin: 'http://example.com' } });",
    "if (url.startsWith('http://example.com')) console.log('http://example.com/page');",
    "wx.navigateTo({ url: 'https://example.com/page' });",
    "Object.assign(config, { url: 'http://example.com/api', method: 'get' });",
    "list.push({ url: 'http://example.com/a', data: 1 });",
    "res.send('http://example.com/');",
    // An SDK-like method that builds a URL from one (an OAuth authorize URL), on a receiver named `api`.
    "api.getAuthorizeURL('http://example.com/callback', '', 'snsapi_base');",
  ])('no request in %s', (code) => {
    expect(requests(code).filter((text) => text.includes(' other '))).toEqual([]);
  });
});
