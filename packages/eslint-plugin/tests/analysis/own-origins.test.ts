import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ownOriginsOf, projectHomepageHost } from '../../src/analysis/own-origins.js';
import { analyze } from './harness.js';

const origins = (code: string) => analyze(code, (analysis) => ownOriginsOf(analysis).map(({ pattern, reason }) => `${reason} ${pattern}`));

describe('own origins the code shows', () => {
  it('takes the registrable domain of an OAuth redirect_uri, plain or encoded', () => {
    expect(
      origins(
        "const a = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&redirect_uri=https%3A%2F%2Fm.shop.example.cn%2Fcb&response_type=code&scope=snsapi_base#wechat_redirect';",
      ),
    ).toEqual(['oauth-redirect example.cn', 'oauth-redirect .example.cn']);
    // A public suffix of two labels: the registrable domain is the three-label name.
    expect(origins("const a = `https://open.weixin.qq.com/connect/oauth2/authorize?redirect_uri=http://m.agency.com.cn/back&state=${s}`;")).toEqual([
      'oauth-redirect agency.com.cn',
      'oauth-redirect .agency.com.cn',
    ]);
  });

  it("takes the first argument of an SDK's getAuthorizeURL", () => {
    expect(origins("res.redirect(client.getAuthorizeURL('http://wx.harbour.example/login', '', 'snsapi_base'));")).toEqual([
      'oauth-redirect harbour.example',
      'oauth-redirect .harbour.example',
    ]);
  });

  it('takes the registrable domain of a host whose response is read for an openid or unionid', () => {
    expect(origins("async function f(t) { const r = await fetch(`https://sso.pier.example/qr?t=${t}`); const { openId } = await r.json(); return openId; }")).toEqual([
      'identity-source pier.example',
      'identity-source .pier.example',
    ]);
    expect(origins("import axios from 'axios'; axios.get('https://api.dock.example/me').then(({ data }) => data.unionid);")).toEqual([
      'identity-source dock.example',
      'identity-source .dock.example',
    ]);
    // The openid is sent, not received: nothing is shown.
    expect(origins("const openid = readCookie('o'); fetch('https://collect.pier.example/v', { method: 'POST', body: JSON.stringify({ openid }) }).then((r) => r.json());")).toEqual([]);
  });

  it('keeps loopback and private addresses as exact hosts', () => {
    expect(origins("fetch('http://192.168.3.7:8080/api'); fetch('http://localhost:3000/x'); fetch('http://8.8.8.8/');")).toEqual([
      'local-address 192.168.3.7',
      'local-address localhost',
    ]);
  });

  it('shows nothing for Weixin hosts, dynamic redirect_uri values or plain third-party links', () => {
    expect(
      origins(
        "const u = `https://open.weixin.qq.com/connect/oauth2/authorize?redirect_uri=${encodeURIComponent(back)}`; fetch('https://stats.example.org/hit'); const w = 'https://x.y?redirect_uri=https://mp.weixin.qq.com/';",
      ),
    ).toEqual([]);
  });
});

describe('package.json homepage', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'own-origins-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads the nearest package.json up to the working folder', () => {
    mkdirSync(path.join(root, 'app', 'src', 'pages'), { recursive: true });
    writeFileSync(path.join(root, 'app', 'package.json'), JSON.stringify({ name: 'app', homepage: 'https://www.lighthouse.example/about' }));
    expect(projectHomepageHost(path.join(root, 'app', 'src', 'pages'), root)).toBe('www.lighthouse.example');
    // Nothing above the working folder is read.
    expect(projectHomepageHost(path.join(root, 'other'), path.join(root, 'other'))).toBeUndefined();
  });
});
