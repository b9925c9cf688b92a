/**
 * The data-flow engine's propagation table (one case per construct of SPEC §3.1 "data flow") and its sources,
 * sanitizers and accounts. Each case lints real code with ESLint 10 and reads the labels of `sink(x)`.
 */
import { describe, expect, it } from 'vitest';
import { sinkLabels } from './dataflow-harness.js';

const propagation: [construct: string, code: string, expected: string[]][] = [
  ['a variable named after a field', 'function f(openid) { sink(openid); }', ['openid']],
  ['assignment', 'function f(openid) { let x; x = openid; sink(x); }', ['openid']],
  ['compound assignment', 'function f(openid) { let x = "?id="; x += openid; sink(x); }', ['openid']],
  ['object destructuring', 'function f(user) { const { nickname } = user; sink(nickname); }', ['profile']],
  ['renamed destructuring keeps the key kind', 'function f(res) { const { unionid: id } = res; sink(id); }', ['unionid']],
  ['nested destructuring', 'function f(res) { const { data: { phoneNumber: p } } = res; sink(p); }', ['phone']],
  ['array destructuring', 'function f(openid) { const [first] = [openid]; sink(first); }', ['openid']],
  ['object spread', 'function f(openid) { const a = { openid }; const b = { ...a, theme: "dark" }; sink(b); }', ['openid']],
  ['array spread', 'function f(openid) { const list = [...[openid]]; sink(list); }', ['openid']],
  ['object literal value', 'function f(u) { sink({ id: u.unionid }); }', ['unionid']],
  ['object literal key names its value', 'function f(v) { sink({ openid: v }); }', ['openid']],
  ['array literal', 'function f(phone) { sink(["x", phone]); }', ['phone']],
  ['template string', 'function f(openid) { sink(`/api?o=${openid}`); }', ['openid']],
  ['concatenation', 'function f(openid) { sink("/api?o=" + openid + "&x=1"); }', ['openid']],
  ['JSON.stringify', 'function f(nickname) { sink(JSON.stringify({ nickname })); }', ['profile']],
  ['encodeURIComponent', 'function f(openid) { sink(encodeURIComponent(openid)); }', ['openid']],
  ['string methods keep the data', 'function f(openid) { sink(openid.trim().slice(0, 8)); }', ['openid']],
  ['return of a same-file function', 'function g(u) { return u.openid; } function f(v) { sink(g(v)); }', ['openid']],
  [
    'parameter of a same-file function',
    'function g(value) { sink(value); } function f(req) { g(req.query.openid); g("static"); }',
    ['openid'],
  ],
  ['arrow function parameter and return', 'const g = (x) => ({ x }); function f(phone) { sink(g(phone)); }', ['phone']],
  ['await', 'async function f(load) { const info = await load(); sink((await Promise.resolve(info.headimgurl))); }', ['profile']],
  ['.then callback parameter', 'function f(p) { p.then((res) => res.openid).then((id) => sink(id)); }', ['openid']],
  ['.then result', 'async function f(p) { const id = await p.then((res) => res.unionid); sink(id); }', ['unionid']],
  ['forEach callback', 'function f(openids) { openids.forEach((o) => sink(o)); }', ['openid']],
  ['map callback result', 'function f(users) { const ids = users.map((u) => u.openid); sink(ids); }', ['openid']],
  [
    'callback of a same-file higher-order function',
    'function withUser(cb) { cb(currentUser.nickname); } withUser((name) => sink(name));',
    ['profile'],
  ],
  ['closure', 'function f(openid) { return () => sink(openid); }', ['openid']],
  ['object property write', 'function f(openid) { const payload = {}; payload.id = openid; sink(payload); }', ['openid']],
  ['array push', 'function f(openid) { const list = []; list.push(openid); sink(list); }', ['openid']],
  ['Object.assign', 'function f(phone) { const o = {}; Object.assign(o, { phone }); sink(o); }', ['phone']],
  [
    'class field from constructor',
    'class Session { constructor(user) { this.who = user.openid; } save() { sink(this.who); } }',
    ['openid'],
  ],
  ['class field initializer', 'class Page { info = getUserInfo(); show() { sink(this.info); } }', ['profile']],
  ['method call on this', 'class S { id(u) { return u.unionid; } run(v) { sink(this.id(v)); } }', ['unionid']],
  ['conditional and logical', 'function f(openid, x) { sink(x ? openid : null); sink(x || openid); }', ['openid', 'openid']],
  ['for-of element', 'function f(followers) { for (const o of followers.openid) sink(o); }', ['openid']],
  ['TypeScript assertion', 'function f(openid: unknown) { sink(openid as string); sink(openid!); }', ['openid', 'openid']],
  ['optional chaining', 'function f(res) { sink(res?.data?.openid); }', ['openid']],
];

const sources: [source: string, code: string, expected: string[]][] = [
  ['Express request body and query', "app.post('/c', (req, res) => { sink(req.body); sink(req.query.text); });", ['content', 'content']],
  ['Koa request body and query', 'router.post("/c", async (ctx) => { sink(ctx.request.body); sink(ctx.query); });', ['content', 'content']],
  ['inbound message (wechat middleware)', 'app.use(wechat(config, (req, res) => { const m = req.weixin; sink(m.FromUserName); sink(m.Content); }));', ['openid', 'content']],
  ['inbound message (co-wechat)', 'app.use(wechat(config).middleware(async (message, ctx) => { sink(message); }));', ['content openid']],
  ['JS-SDK success callback', 'wx.getLocation({ type: "wgs84", success(res) { sink(res); } });', ['location']],
  ['JS-SDK arrow callback', 'wx.chooseImage({ count: 1, success: (res) => sink(res.localIds) });', ['media']],
  ['JS-SDK call that collects nothing', 'wx.updateAppMessageShareData({ success(res) { sink(res); } });', ['-']],
  ['geolocation', 'navigator.geolocation.getCurrentPosition((pos) => sink(pos));', ['location']],
  ['database read selecting fields', 'async function f(db) { const rows = await db("users").select("openid", "nickname"); sink(rows); }', ['openid profile']],
  ['storage read by field key', 'function f() { sink(localStorage.getItem("openid")); }', ['openid']],
  ['a getter named after a field', 'async function f() { sink(await fetchPhoneNumber()); }', ['phone']],
];

const notUserData: [reason: string, code: string][] = [
  ['a literal under a field name', 'const openid = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"; sink(openid);'],
  ['a constant naming the field', 'const OPENID_STORAGE_KEY = getKey(); sink(OPENID_STORAGE_KEY);'],
  ['a flag about the field', 'function f(isMobile, hasPhone) { sink(isMobile); sink(hasPhone); }'],
  ['the browser location', 'sink(location.href);'],
  ['a function named after a field', 'function getUserInfo() { return 1; } sink(getUserInfo);'],
  ['length of a list of openids', 'function f(openids) { sink(openids.length); }'],
  ['a comparison', 'function f(openid) { sink(openid === "x"); }'],
  ['a literal object value', 'sink({ openid: "demo" });'],
];

describe('propagation', () => {
  it.each(propagation)('%s', (_construct, code, expected) => {
    expect(sinkLabels(code)).toEqual(expected);
  });
});

describe('sources', () => {
  it.each(sources)('%s', (_source, code, expected) => {
    expect(sinkLabels(code)).toEqual(expected);
  });
});

describe('not user data', () => {
  it.each(notUserData)('%s', (_reason, code) => {
    expect(sinkLabels(code).every((text) => text === '-')).toBe(true);
  });
});

describe('names the code gives a value', () => {
  it('gives a value the fields the code reads from it, but not to its other fields', () => {
    expect(
      sinkLabels(`
        function onMessage(message, form) {
          reply(message.FromUserName);
          sink(message);
          sink(message.MsgType);
          const { name, password } = form.body;
          sink(form.body);
        }`),
    ).toEqual(['openid', '-', 'credential']);
  });

  it('gives a value without a name of its own the name it is stored under, in an object, a field or a text', () => {
    expect(
      sinkLabels(`
        function send(list, results, ticket) {
          for (const item of list) { params.touser = item; sink(item); }
          const access_token = results[1];
          sink(results[1]);
          sink(\`jsapi_ticket=\${ticket}&url=x\`);
          sink('?openid=' + ticket);
        }`),
    ).toEqual(['openid', 'credential', 'credential', 'openid']);
  });

  // A request field stays content (what the user typed), never a person's name because of the variable's.
  it('keeps a name a value has of its own, a constant, and the public profile of an Official Account', () => {
    expect(
      sinkLabels(`
        const FALLBACK = '/a.png';
        function show(req, found) {
          const realName = req.body.seat;
          sink(realName);
          const card = { avatar: FALLBACK };
          sink(FALLBACK);
          sink(found.nickname + found.fakeid);
          const { msgBiz, nickname } = found.page;
          sink(nickname);
        }`),
    ).toEqual(['content', '-', '-', '-']);
  });
});

describe('sanitizers (whole words, SPEC §3.1)', () => {
  it('marks masked, anonymized and encrypted values with their category', () => {
    expect(
      sinkLabels(`
        function f(user) {
          sink(maskOpenid(user.openid));
          sink(crypto.createHash('sha256').update(user.openid).digest('hex'));
          sink(encryptPhone(user.phone));
          sink(redact({ nickname: user.nickname }));
        }`),
    ).toEqual(['openid~mask', 'openid~anonymize', 'phone~encrypt', 'profile~mask']);
  });

  it('does not take unmask, location.hash or updateAppMessageShareData for sanitizers', () => {
    expect(
      sinkLabels(`
        function f(user) {
          sink(unmask(user.openid).concat(user.phone));
          sink(user.openid + location.hash);
          sink(wx.updateAppMessageShareData({ title: user.nickname }));
        }`),
    ).toEqual(['phone', 'openid', '-']);
  });

  it('reads extra sanitizer names from the settings', () => {
    expect(sinkLabels('function f(openid) { sink(pseudonymize(openid)); }', { anonymizers: ['pseudonymize'] })).toEqual([
      'openid~anonymize',
    ]);
  });
});

describe('accounts (SPEC §3.1)', () => {
  it('labels SDK results with the appid expression of the client constructor', () => {
    expect(
      sinkLabels(`
        import WechatAPI from 'co-wechat-api';
        const NEWS_APPID = process.env.NEWS_APPID;
        const news = new WechatAPI(NEWS_APPID, process.env.NEWS_SECRET);
        const shop = new WechatAPI('wx1234567890abcdef', process.env.SHOP_SECRET);
        async function run() {
          const { data } = await news.getFollowers();
          sink(data.openid);
          sink(shop);
          sink(await shop.ensureAccessToken());
        }`),
    ).toEqual(['openid openid@process.env.NEWS_APPID', 'client@wx1234567890abcdef', 'credential@wx1234567890abcdef']);
  });

  it('gives a field read from a labelled whole only its own kind, with the whole account', () => {
    expect(
      sinkLabels(`
        import OAuth from 'co-wechat-oauth';
        const oauth = new OAuth('wx1234567890abcdef', process.env.SECRET);
        async function login(code) {
          const result = await oauth.getAccessToken(code);
          const { openid } = result.data;
          sink(openid);
          sink(result.data.access_token);
          sink(result.data);
        }`),
    ).toEqual(['openid openid@wx1234567890abcdef', 'credential credential@wx1234567890abcdef', 'credential credential@wx1234567890abcdef openid@wx1234567890abcdef']);
  });

  it('names accounts from the accounts setting and follows clients through parameters and fields', () => {
    expect(
      sinkLabels(
        `
        const OAuth = require('wechat-oauth');
        class Login {
          constructor() { this.oauth = new OAuth(ACCOUNTS.brandA.appid, secret); }
          async user(code) { return this.oauth.getUserByCode(code); }
        }
        function use(client) { sink(client); }
        use(new OAuth('wx00000000000000aa', s));`,
        { accounts: { brandB: 'wx00000000000000aa' } },
      ),
    ).toEqual(['client@brandB']);
  });

  it('labels raw API responses with the appid of the token request, and what that token fetches', () => {
    expect(
      sinkLabels(`
        import axios from 'axios';
        const NEWS = process.env.NEWS_APPID;
        async function run() {
          const { data } = await axios.get(\`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=\${NEWS}&secret=\${process.env.S}\`);
          sink(data.access_token);
          const users = await fetch(\`https://api.weixin.qq.com/cgi-bin/user/get?access_token=\${data.access_token}\`).then((r) => r.json());
          sink(users.data.openid);
          const oauth = await axios.get('https://api.weixin.qq.com/sns/oauth2/access_token', { params: { appid: 'wx00000000000000bb', code } });
          sink(oauth.data);
        }`),
    ).toEqual([
      'credential credential@process.env.NEWS_APPID',
      'openid openid@process.env.NEWS_APPID',
      'credential@wx00000000000000bb openid@wx00000000000000bb',
    ]);
  });

  it('leaves the account unknown when the appid is a parameter', () => {
    expect(
      sinkLabels(`
        import WechatAPI from 'wechat-api';
        function make(appid) { return new WechatAPI(appid, secret); }
        sink(make(a));`),
    ).toEqual(['client']);
  });
});

describe('limits (SPEC §4: never the first thing to fail)', () => {
  it('follows a chain of 10,000 sequential statements without recursion', () => {
    const lines = ['function f(openid) {', 'let v0 = openid;'];
    for (let i = 1; i <= 10_000; i++) lines.push(`let v${i} = v${i - 1};`);
    lines.push('sink(v10000); }');
    expect(sinkLabels(lines.join('\n'))).toEqual(['openid']);
  });

  // TypeScript's parser overflows its stack at about 900 terms; at 800, deeper than the engine's depth bound (400).
  it('reads an 800-term concatenation along its left spine without recursion', () => {
    const code = `let s = openid + ${Array.from({ length: 800 }, (_, i) => `"${i}"`).join(' + ')};\nsink(s);`;
    expect(sinkLabels(code)).toEqual(['openid']);
  });

  it('survives nesting to the parser limit, giving up on what lies deeper than it looks', () => {
    const depth = 600;
    const code = `function f(openid) { sink(${'('.repeat(depth)}openid${')'.repeat(depth)}); sink(${'[ '.repeat(depth)}openid${' ]'.repeat(depth)}); }`;
    const result = sinkLabels(code);
    expect(result[0]).toBe('openid');
    expect(result).toHaveLength(2);
  });

  it('looks into a 300-call method chain within its depth bound (the TypeScript parser overflows on 700 here)', () => {
    const chain = Array.from({ length: 300 }, (_, i) => `.m${i}()`).join('');
    const result = sinkLabels(`import WechatAPI from 'co-wechat-api';\nconst api = new WechatAPI(APPID, SECRET);\nfunction f(openid) { sink(openid.trim()${chain}); sink(api.getFollowers()); }`);
    expect(result).toEqual(['-', 'openid']);
  });

  it('terminates on cycles between variables and functions', () => {
    expect(
      sinkLabels('function a(x) { return b(x); } function b(y) { return y ? a(y) : y; } function f(openid) { let p = openid; let q = p; p = q; sink(a(q)); }'),
    ).toEqual(['openid']);
  });
});
