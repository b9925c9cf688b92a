import { describe, expect, it } from 'vitest';
import { markedText } from '../../src/analysis/values.js';
import { analyze, textOfNode } from './harness.js';

/** Each request as `client METHOD url` (holes as ⟨?⟩) plus its body/query/headers source when present. */
function requests(code: string, filename?: string): string[] {
  return analyze(
    code,
    (analysis) =>
      analysis.requests.map((request) => {
        const url = request.url.map((value) => markedText(value).text.replaceAll('\u0000', '⟨?⟩')).join(' | ');
        const extras = [
          request.body ? `body=${textOfNode(analysis, request.body)}` : '',
          request.query ? `query=${textOfNode(analysis, request.query)}` : '',
          request.headers ? `headers=${textOfNode(analysis, request.headers)}` : '',
          request.chain.length ? `chain=${request.chain.length}` : '',
        ].filter(Boolean);
        return [`${request.client} ${request.method ?? '?'} ${url}`, ...extras].join(' ');
      }),
    { filename },
  );
}

describe('HTTP requests', () => {
  it.each([
    ['global fetch', `fetch('/api/me');`, ['fetch GET /api/me']],
    ['fetch with init', `fetch(url, { method: 'post', body: JSON.stringify(d), headers: h });`, ['fetch POST ⟨?⟩ body=JSON.stringify(d) headers=h']],
    ['window.fetch', `window.fetch('https://a.example/');`, ['fetch GET https://a.example/']],
    ['shadowed fetch is not a request', `function f(fetch) { fetch('/x'); }`, []],
    ['node-fetch import', `import fetch from 'node-fetch'; fetch('https://b.example/');`, ['fetch GET https://b.example/']],
    ['axios default import call', `import axios from 'axios'; axios('https://c.example/');`, ['axios GET https://c.example/']],
    ['axios config', `import axios from 'axios'; axios({ url: '/x', method: 'PUT', data: d, params: p });`, ['axios PUT /x body=d query=p']],
    ['axios.post with data', `const axios = require('axios'); axios.post('/y', { openid });`, ['axios POST /y body={ openid }']],
    ['axios destructured method', `const { get } = require('axios'); get('/z');`, ['axios GET /z']],
    ['require(axios).default', `const axios = require('axios').default; axios.get('/d');`, ['axios GET /d']],
    ['axios.create instance with baseURL', `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.weixin.qq.com' });\napi.get('/cgi-bin/token');\napi.post('sns/userinfo', {});`, ['axios GET https://api.weixin.qq.com/cgi-bin/token', 'axios POST https://api.weixin.qq.com/sns/userinfo body={}']],
    ['axios instance in a class field', `import axios from 'axios';\nclass C { http = axios.create({ baseURL: 'https://e.example/' }); run() { return this.http.get('/p'); } }`, ['axios GET https://e.example/p']],
    ['got and got.post', `import got from 'got'; got('https://f.example/'); got.post('https://g.example/', { json: b, searchParams: q });`, ['got GET https://f.example/', 'got POST https://g.example/ body=b query=q']],
    ['got.extend prefixUrl', `const got = require('got'); const client = got.extend({ prefixUrl: 'https://h.example' }); client('api/x');`, ['got GET https://h.example/api/x']],
    ['request with options', `const request = require('request'); request({ uri: 'https://i.example/', method: 'POST', form: f, jar: j });`, ['request POST https://i.example/ body=f']],
    ['superagent chain', `import superagent from 'superagent'; superagent.post('https://j.example/').set('Cookie', c).send(b);`, ['superagent POST https://j.example/ chain=2']],
    ['node https.request options', `const https = require('https'); https.request({ hostname: 'k.example', path: '/v1?x=1', method: 'POST' });`, ['node-http POST https://k.example/v1?x=1']],
    ['node:http get', `import http from 'node:http'; http.get('http://l.example/');`, ['node-http GET http://l.example/']],
    ['ky', `import ky from 'ky'; ky.post('https://m.example/', { json: d });`, ['ky POST https://m.example/ body=d']],
    ['undici request', `import { request } from 'undici'; request('https://n.example/', { method: 'DELETE' });`, ['undici DELETE https://n.example/']],
    ['jQuery ajax', `$.ajax({ url: '/o', type: 'POST', data: d });`, ['jquery POST /o body=d']],
    ['jQuery post', `jQuery.post('/p', d);`, ['jquery POST /p body=d']],
    ['XMLHttpRequest open', `const xhr = new XMLHttpRequest(); xhr.open('GET', '/q');`, ['xhr GET /q']],
    ['sendBeacon', `navigator.sendBeacon('/r', payload);`, ['beacon POST /r body=payload']],
    ['Puppeteer page.goto', `const puppeteer = require('puppeteer'); async function f(browser) { const p = await browser.newPage(); await p.goto('https://mp.weixin.qq.com/'); }`, ['browser-automation GET https://mp.weixin.qq.com/']],
    ['page receiver without an import', `async function f(page) { await page.goto('https://s.example/'); }`, ['browser-automation GET https://s.example/']],
    ['router.goto is not a page', `router.goto('/home');`, []],
    ['Electron loadURL', `win.loadURL('https://t.example/');`, ['electron GET https://t.example/']],
    ['node-easywechat client', `const { OfficialAccount } = require('node-easywechat');\nconst app = new OfficialAccount({ app_id: 'wx1', secret: s });\nconst client = app.getClient();\nclient.get('/cgi-bin/user/info', { openid });\nclient.postJson('/cgi-bin/message/template/send', body);`, ['node-easywechat GET https://api.weixin.qq.com/cgi-bin/user/info body={ openid }', 'node-easywechat POST https://api.weixin.qq.com/cgi-bin/message/template/send body=body']],
    ['TypeScript', `import axios from 'axios';\nconst url: string = '/ts';\naxios.get<User>(url as string);`, ['axios GET /ts']],
  ])('%s', (_name, code, expected) => {
    expect(requests(code, code.includes(': string') ? 'src/file.ts' : undefined)).toEqual(expected);
  });
});
