import { describe, expect, it } from 'vitest';
import { classifyOrigin, isUnderUrlPrefix, markedText, parseUrl, type StringValue, textValue } from '../../src/analysis/values.js';
import { analyze, probeArgument } from './harness.js';

/** A value as text with holes shown as ⟨?⟩, ⟨attacker:source⟩ or ⟨own:origin⟩. */
function show(value: StringValue): string {
  return value.parts
    .map((part) =>
      typeof part === 'string' ? part : part.attacker ? `⟨attacker:${part.attacker}⟩` : part.own ? `⟨own:${part.own}⟩` : '⟨?⟩',
    )
    .join('');
}

function valuesOf(code: string, filename?: string): string[] {
  return analyze(code, (analysis) => analysis.values.valuesOf(probeArgument(analysis)).map(show), { filename });
}

describe('static values', () => {
  it.each([
    ['string literal', `probe('https://a.example/x');`, ['https://a.example/x']],
    ['number literal', `probe(302);`, ['302']],
    ['template with a hole', 'probe(`https://a.example/u/${id}?x=1`);', ['https://a.example/u/⟨?⟩?x=1']],
    ['concatenation', `probe('https://a.example' + '/p/' + id + '.html');`, ['https://a.example/p/⟨?⟩.html']],
    ['constant', `const BASE = 'https://api.weixin.qq.com'; probe(BASE + '/cgi-bin/token');`, ['https://api.weixin.qq.com/cgi-bin/token']],
    ['let assigned in branches', `let u = '/a'; if (x) { u = 'https://b.example/'; } probe(u);`, ['/a', 'https://b.example/']],
    ['compound assignment is unknown', `let u = '/a'; u += x; probe(u);`, ['⟨?⟩']],
    ['conditional', `probe(ok ? '/home' : 'https://c.example/');`, ['/home', 'https://c.example/']],
    ['logical or', `probe(next || '/');`, ['⟨?⟩', '/']],
    ['object property of a constant', `const CONFIG = { urls: { home: 'https://d.example/' } }; probe(CONFIG.urls.home);`, ['https://d.example/']],
    ['Object.freeze constant', `const C = Object.freeze({ u: '/x' }); probe(C.u);`, ['/x']],
    ['object destructuring', `const { home } = { home: '/h' }; probe(home);`, ['/h']],
    ['nested destructuring with rename', `const { a: { b: target } } = { a: { b: '/deep' } }; probe(target);`, ['/deep']],
    ['array destructuring', `const [first] = ['https://e.example/']; probe(first);`, ['https://e.example/']],
    ['return of a local function', `function target() { if (a) return '/a'; return '/b'; } probe(target());`, ['/a', '/b']],
    ['arrow with expression body', `const build = (id) => '/item/' + id; probe(build(3));`, ['/item/⟨?⟩']],
    ['new URL with absolute input', `probe(new URL('https://f.example/p').href);`, ['https://f.example/p']],
    ['new URL resolved against a literal base', `probe(new URL('/p?q=1', 'https://g.example/base/').toString());`, ['https://g.example/p?q=1']],
    ['new URL against the page URL is own', `probe(new URL('/cart', location.href));`, ['⟨own:origin⟩/cart']],
    ['URLSearchParams of an object literal', `probe('https://h.example/?' + new URLSearchParams({ a: 1, openid: id }));`, ['https://h.example/?a=1&openid=⟨?⟩']],
    ['qs.stringify of an object literal', `probe('/x?' + qs.stringify({ unionid: u }));`, ['/x?unionid=⟨?⟩']],
    ['String() and encodeURI', `probe(String(encodeURI('https://i.example/a b')));`, ['https://i.example/a%20b']],
    ['encodeURIComponent of a hole drops attacker marking', `probe(encodeURIComponent(location.search));`, ['⟨?⟩']],
    ['location.origin is own', `probe(location.origin + '/pay');`, ['⟨own:origin⟩/pay']],
    ['window.location.origin is own', `probe(window.location.origin + '/pay');`, ['⟨own:origin⟩/pay']],
    ['location.href is attacker', `probe(location.href);`, ['⟨attacker:page-url⟩']],
    ['document.referrer', `probe(document.referrer);`, ['⟨attacker:referrer⟩']],
    ['globalThis.document.location.hash', `probe(globalThis.document.location.hash.slice(1));`, ['⟨attacker:page-url⟩']],
    ['URLSearchParams of location.search', `probe(new URLSearchParams(location.search).get('next'));`, ['⟨attacker:page-url⟩']],
    ['through a variable', `const params = new URLSearchParams(window.location.search); const next = params.get('r'); probe(next);`, ['⟨attacker:page-url⟩']],
    ['Express req.query', `app.get('/', (req, res) => { probe(req.query.next); });`, ['⟨attacker:request⟩']],
    ['Koa ctx.request.body destructured', `router.post('/', async (ctx) => { const { url } = ctx.request.body; probe(url); });`, ['⟨attacker:request⟩']],
    ['Express req.param()', `app.get('/', (req) => { probe(req.param('to')); });`, ['⟨attacker:request⟩']],
    ['Next request.nextUrl.searchParams', `export function GET(request) { probe(request.nextUrl.searchParams.get('to')); }`, ['⟨attacker:request⟩']],
    ['the request URL of a handler is own', `export function middleware(request) { probe(new URL('/login', request.url)); }`, ['⟨own:origin⟩/login']],
    ['a global named request is not a request object', `probe(request.url + '/x');`, ['⟨?⟩/x']],
    ['postMessage data', `window.addEventListener('message', (event) => { probe(event.data.url); });`, ['⟨attacker:message⟩']],
    ['onmessage data', `onmessage = (e) => { probe(e.data); };`, ['⟨attacker:message⟩']],
    ['SDK method returning the OAuth URL', `const OAuth = require('wechat-oauth'); const oauth = new OAuth(a, b); probe(oauth.getAuthorizeURL(cb, 's', 'snsapi_base'));`, ['https://open.weixin.qq.com/connect/oauth2/authorize?⟨?⟩']],
    ['same method name on an unknown object', `probe(other.getAuthorizeURL(cb));`, ['⟨?⟩']],
    ['shadowed location is not the global', `function f(location) { probe(location.href); }`, ['⟨?⟩']],
    ['parameters stay unknown', `function go(url) { probe(url); }`, ['⟨?⟩']],
    ['cycle is a hole', `let a = b; let b = a; probe(a);`, ['⟨?⟩']],
    ['TypeScript wrappers', `const u = ('/ts' as string)!; probe(u satisfies string);`, ['/ts']],
  ])('%s', (_name, code, expected) => {
    expect(valuesOf(code, code.includes(' as string') ? 'src/file.ts' : undefined)).toEqual(expected);
  });

  it('flattens a 500-term concatenation without recursion', () => {
    const code = `probe('https://j.example/' + ${Array.from({ length: 500 }, () => 'x').join(' + ')});`;
    const [value] = valuesOf(code);
    expect(value.startsWith('https://j.example/⟨?⟩')).toBe(true);
  });
});

describe('URL parsing', () => {
  it.each([
    ['absolute', textValue('https://API.weixin.qq.com:443/cgi-bin/token?grant_type=client_credential&appid=wx1'), { form: 'absolute', scheme: 'https', host: 'api.weixin.qq.com', path: '/cgi-bin/token', query: { grant_type: 'client_credential', appid: 'wx1' }, queryComplete: true }],
    ['protocol-relative', textValue('//cdn.example/a.js'), { form: 'protocol-relative', scheme: undefined, host: 'cdn.example', path: '/a.js', query: {}, queryComplete: true }],
    ['relative with a dynamic query value', { parts: ['/api?openid=', { hole: true, node: null, attacker: null, own: null }] }, { form: 'relative', scheme: undefined, host: undefined, path: '/api', query: { openid: undefined }, queryComplete: true }],
    ['unknown host', { parts: ['https://', { hole: true, node: null, attacker: null, own: null }, '/x'] }, { form: 'absolute', scheme: 'https', host: undefined, path: '', query: {}, queryComplete: false }],
  ] as const)('%s', (_name, value, expected) => {
    const info = parseUrl(value as StringValue);
    expect({ form: info.form, scheme: info.scheme, host: info.host, path: info.path, query: Object.fromEntries(info.query), queryComplete: info.queryComplete }).toEqual(expected);
  });
});

describe('origin classes', () => {
  const settings = { ownHosts: ['shop.example.com', '*.cdn.example.com'] };
  it.each([
    ['relative path', textValue('/orders'), 'own'],
    ['page-relative', textValue('detail.html?id=1'), 'own'],
    ['own host', textValue('https://shop.example.com/pay'), 'own'],
    ['own wildcard subdomain', textValue('https://img.cdn.example.com/a.png'), 'own'],
    ['Weixin API', textValue('https://api.weixin.qq.com/cgi-bin/token'), 'weixin'],
    ['Weixin resources', textValue('https://res.wx.qq.com/open/js/jweixin-1.6.0.js'), 'weixin'],
    ['third party', textValue('https://evil.example/'), 'third-party'],
    ['protocol-relative third party', textValue('//evil.example/'), 'third-party'],
    ['look-alike host', textValue('https://shop.example.com.evil.example/'), 'third-party'],
    ['non-web scheme', textValue('weixin://dl/business/?t=abc'), 'non-web'],
    ['dynamic host', { parts: ['https://', { hole: true, node: null, attacker: null, own: null }] }, 'unknown'],
    ['attacker start', { parts: [{ hole: true, node: null, attacker: 'page-url', own: null }] }, 'attacker'],
    ['own origin start', { parts: [{ hole: true, node: null, attacker: null, own: 'origin' }, '/x'] }, 'own'],
  ] as const)('%s', (_name, value, expected) => {
    expect(classifyOrigin(value as StringValue, settings)).toBe(expected);
  });

  it.each([
    ['OAuth authorize URL with a dynamic tail', { parts: ['https://open.weixin.qq.com/connect/oauth2/authorize?appid=', { hole: true, node: null, attacker: null, own: null }] }, true],
    ['article', textValue('https://mp.weixin.qq.com/s/abc'), true],
    ['host-only prefix with a path', textValue('https://pay.example.com/checkout'), true],
    ['host-only prefix look-alike', textValue('https://pay.example.com.evil.example/'), false],
    ['another mp page', textValue('https://mp.weixin.qq.com/cgi-bin/home'), false],
  ] as const)('trusted prefix: %s', (_name, value, expected) => {
    const trusted = ['https://open.weixin.qq.com/connect/oauth2/authorize', 'https://mp.weixin.qq.com/s/', 'https://pay.example.com'];
    expect(isUnderUrlPrefix(value as StringValue, trusted)).toBe(expected);
  });

  it('marks holes in the marked text', () => {
    expect(markedText({ parts: ['a', { hole: true, node: null, attacker: null, own: null }, 'b'] }).text).toBe('a\u0000b');
  });
});
