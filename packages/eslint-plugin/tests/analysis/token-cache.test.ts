import { describe, expect, it } from 'vitest';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { analyze, probeArgument } from './harness.js';

/** The call `probe(…)` of each snippet stands for a token fetch. */
const probeCall = (analysis: Parameters<Parameters<typeof analyze>[1]>[0]) => probeArgument(analysis).parent as never;

describe('token caching: guards', () => {
  it.each([
    ['an expiry check that returns early, the cache written', 'let cache; async function f() { if (cache && cache.expiresAt > Date.now()) return cache.token; cache = { token: await probe(1) }; return cache.token; }', 'cached'],
    ['a guard around the call', 'let token; async function f() { if (!token) { token = await probe(1); } return token; }', 'cached'],
    ['no check', 'async function f() { const r = await probe(1); return r; }', 'none'],
    ['an unrelated check', 'async function f(x) { if (x > 1) return; return probe(1); }', 'none'],
    [
      'a check inside a query callback whose stored copy is never written',
      'exports.get = function (done) { tokens.findOne({}, (error, saved) => { if (saved && Date.now() - saved.time < 3600000) return done(saved.token); probe(1).then(done); }); };',
      'never-written',
    ],
    [
      'module variables loaded from a store before the check: writing them keeps nothing',
      'let token; let updated; exports.get = function (done) { db.find({}, (error, docs) => { token = docs[0].token; updated = docs[0].time; if (updated && Date.now() - updated < 3600000) return done(token); probe(1).then((fresh) => { token = fresh; updated = Date.now(); done(fresh); }); }); };',
      'never-written',
    ],
    [
      'the same variables written, not loaded first',
      'let token; let updated; exports.get = function (done) { if (updated && Date.now() - updated < 3600000) return done(token); probe(1).then((fresh) => { token = fresh; updated = Date.now(); done(fresh); }); };',
      'cached',
    ],
    [
      'a millisecond clock compared with expires_in',
      'class C { async token() { const { access_token, created_at, expires_in } = this.cache || {}; if (access_token && Date.now() - created_at < expires_in) return access_token; this.cache = await probe(1); return this.cache.access_token; } }',
      'seconds-as-milliseconds',
    ],
    [
      'expires_in turned into milliseconds',
      'class C { async token() { const { access_token, created_at, expires_in } = this.cache || {}; if (access_token && Date.now() - created_at < expires_in * 1000) return access_token; this.cache = await probe(1); return this.cache.access_token; } }',
      'cached',
    ],
  ])('%s', (_, code, kind) => {
    expect(
      analyze(code, (analysis) => {
        const call = probeCall(analysis);
        return analysis.tokenCaching.guardOf(call, analysis.tokenCaching.owner(call)).kind;
      }),
    ).toBe(kind);
  });
});

describe('token caching: the owning function and its pacing', () => {
  it.each([
    ['a then callback belongs to the function around it', 'function ticket() { return token().then((t) => probe(t)); }', 'ticket'],
    ['a promise executor and a request callback too', 'function get(url) { return new Promise((resolve) => { request(url, () => resolve(probe(1))); }); }', 'get'],
    ['a timer callback is paced by the timer', 'function start() { setInterval(() => probe(1), 5400000); }', undefined],
  ])('%s', (_, code, name) => {
    expect(
      analyze(code, (analysis) => {
        const owner = analysis.tokenCaching.owner(probeCall(analysis));
        return owner?.type === 'FunctionDeclaration' ? owner.id?.name : undefined;
      }),
    ).toBe(name);
  });

  it.each([
    ['a function handed to a library in a config object', 'store.register({ name: "token", source: () => probe(1) });', true],
    ['a function handed to a timer by name', 'const refresh = () => probe(1); setInterval(refresh, 5400000);', true],
    ['a function only called', 'const get = () => probe(1); get();', false],
  ])('%s', (_, code, expected) => {
    expect(analyze(code, (analysis) => analysis.tokenCaching.isPassedAsValue(enclosingFunction(probeCall(analysis)) as never))).toBe(expected);
  });

  it.each([
    ['an outer variable written in the request callback', 'let token = ""; const update = function () { request.get(u, (e, r, body) => { token = probe(body); }); };', true],
    ['a store method named for the token', 'class S { async generate() { const t = await probe(1); await this.setAccessToken(t); } }', true],
    ['a local only', 'async function f() { let token = await probe(1); token = token.trim(); return token; }', false],
  ])('writes the cache: %s', (_, code, expected) => {
    expect(analyze(code, (analysis) => analysis.tokenCaching.writesCache(enclosingFunction(probeCall(analysis)) as never))).toBe(expected);
  });

  it('finds the calls of a method by this.name()', () => {
    const code = 'class S { async generate() { return probe(1); } async get() { if (await this.valid()) return this.read(); return this.generate(); } }';
    expect(analyze(code, (analysis) => analysis.tokenCaching.callsOf(enclosingFunction(probeCall(analysis)) as never).length)).toBe(1);
  });
});
