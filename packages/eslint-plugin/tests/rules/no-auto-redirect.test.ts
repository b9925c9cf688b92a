import rule from '../../src/rules/no-auto-redirect.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-auto-redirect', rule, {
  valid: [
    // Data flow: a parameter that every call site fills with an own path.
    "function goHome(path) { location.href = path; }\nwindow.onload = () => goHome('/home');",
    // Own-origin and relative targets, on load.
    `window.addEventListener('load', () => {
  location.href = '/home';
  location.replace(location.origin + '/welcome');
  window.location.assign('detail.html?id=' + id);
});`,
    // A click is a user gesture, also after await and in a timer it started.
    `document.querySelector('#pay').addEventListener('click', async () => {
  await report();
  location.href = 'https://pay.example.com/checkout';
  setTimeout(() => window.open('https://partner.example/'), 100);
});`,
    // React: navigation in onClick; JSX in a .js file.
    `import React from 'react';
export function Banner() {
  return <button onClick={() => { window.location.href = 'https://shop.example/'; }}>Shop</button>;
}`,
    // jQuery click, and a named function only called from clicks.
    `function goPartner() { location.assign('https://partner.example/'); }
$('#partner').on('click', goPartner);
document.getElementById('b').onclick = () => goPartner();`,
    // Unknown contexts: change handlers, exported functions nobody in the file calls.
    `select.addEventListener('change', (e) => { location.href = 'https://other.example/' + e.target.value; });
export function leave() { location.href = 'https://other.example/'; }`,
    // trustedUrls defaults: the OAuth authorize URL and articles.
    `const appid = 'wx0123456789abcdef';
location.href = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=' + appid + '&redirect_uri=' + encodeURIComponent(location.href) + '&response_type=code&scope=snsapi_base#wechat_redirect';
window.location.replace('https://mp.weixin.qq.com/s/AbCdEf');`,
    // ownHosts from the plugin settings and trustedUrls from the options.
    {
      code: `location.href = 'https://m.shop.example.com/';\nlocation.href = 'https://pay.partner.example/checkout?id=1';`,
      settings: { 'wechat-oa': { ownHosts: ['m.shop.example.com'] } },
      options: [{ trustedUrls: ['https://pay.partner.example/checkout'] }],
    },
    // Unresolvable targets are silent by default.
    `fetch('/api/next').then((r) => r.json()).then((data) => { location.href = data.url; });`,
    // Validated targets: allowlist checks that dominate the navigation.
    `const ALLOWED = new Set(['/home', 'https://pay.example.com/']);
const next = new URLSearchParams(location.search).get('next');
if (ALLOWED.has(next)) location.replace(next);`,
    `const HOSTS = ['shop.example.com'];
const target = new URLSearchParams(location.search).get('to');
if (!HOSTS.includes(new URL(target).hostname)) throw new Error('bad target');
location.href = target;`,
    // A reduced path is own.
    `const to = new URLSearchParams(location.search).get('to');
location.href = new URL(to, location.href).pathname;`,
    // Shadowed names are not the browser's location.
    `function render(location) { location.href = 'https://other.example/'; }
const window = { open() {} };
window.open('https://other.example/');`,
    // Non-web schemes open the app, not a website.
    `location.href = 'weixin://dl/business/?t=abc';`,
    // Express: own paths and validated query targets.
    `import express from 'express';
const app = express();
const SAFE = new Set(['/orders', '/me']);
app.get('/login/done', (req, res) => {
  res.redirect('/orders');
});
app.get('/go', (req, res) => {
  const to = req.query.to;
  if (!SAFE.has(to)) return res.status(400).send('bad target');
  res.redirect(302, to);
});`,
    // A ternary that takes the query value only when the allowlist has it.
    `import express from 'express';
const router = express.Router();
const SAFE_PATHS = new Set(['/', '/orders']);
router.get('/oauth/callback', (req, res) => {
  const next = SAFE_PATHS.has(req.query.next) ? req.query.next : '/';
  res.redirect(next);
});`,
    // Koa: OAuth authorize URL is trusted.
    `import Router from '@koa/router';
const router = new Router();
router.get('/auth/wechat', async (ctx) => {
  ctx.redirect(\`https://open.weixin.qq.com/connect/oauth2/authorize?appid=\${APPID}&redirect_uri=\${cb}&response_type=code&scope=snsapi_base#wechat_redirect\`);
});`,
    // The SDK's OAuth URL is the trusted authorize URL, also with the strict option.
    {
      code: `const express = require('express');
const OAuth = require('wechat-oauth');
const oauth = new OAuth(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);
const router = express.Router();
router.get('/login', (req, res) => {
  const url = oauth.getAuthorizeURL('https://example.com/callback', 'state', 'snsapi_base');
  res.redirect(url);
});`,
      options: [{ checkUnresolvedTargets: true }],
    },
    // Next middleware: a redirect built on the request's own URL, also with the strict option.
    {
      filename: 'middleware.ts',
      code: `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  if (!request.cookies.get('sid')) return NextResponse.redirect(new URL('/login', request.url));
  return NextResponse.next();
}`,
      options: [{ checkUnresolvedTargets: true }],
    },
    // Meta refresh that reloads the page, or goes to an own page.
    {
      filename: 'src/Reload.jsx',
      code: `export const Reload = () => <><meta httpEquiv="refresh" content="30" /><meta httpEquiv="refresh" content="0; url=/home" /></>;`,
    },
    // Server redirect helpers in browser code are not server redirects.
    `import { createApp } from 'vue';
ctx.redirect('https://other.example/');`,
  ],
  invalid: [
    {
      // Data flow: the target passed through a function parameter by a call on load.
      code: "function go(url) {\n  location.href = url;\n}\nwindow.addEventListener('load', () => go('https://promo.example.com/'));",
      errors: [{ messageId: 'browserRedirect', data: { target: 'https://promo.example.com/' }, line: 2, column: 3, endLine: 2, endColumn: 22 }],
    },
    {
      // Plain-JS H5 page: redirect to another site as soon as the script runs, and from the load handler.
      code: `location.href = 'https://promo.example/landing';
window.onload = function () {
  window.top.location.replace('https://ads.example/?from=h5');
};`,
      errors: [
        { messageId: 'browserRedirect', data: { target: 'https://promo.example/landing' }, line: 1, column: 1, endLine: 1, endColumn: 48 },
        { messageId: 'browserRedirect', data: { target: 'https://ads.example/?from=h5' }, line: 3, column: 3, endLine: 3, endColumn: 62 },
      ],
    },
    {
      // globalThis/self/parent aliases, a destructured alias, window.open on a timer, in DOMContentLoaded.
      code: `document.addEventListener('DOMContentLoaded', () => {
  globalThis.location = 'https://a.example/';
  self.parent.location.href = 'https://b.example/';
  const { location: loc } = window;
  loc.assign('https://c.example/');
});
setTimeout(() => window.open('https://d.example/'), 3000);`,
      errors: [
        { messageId: 'browserRedirect', data: { target: 'https://a.example/' }, line: 2, column: 3, endLine: 2, endColumn: 45 },
        { messageId: 'browserRedirect', data: { target: 'https://b.example/' }, line: 3, column: 3, endLine: 3, endColumn: 51 },
        { messageId: 'browserRedirect', data: { target: 'https://c.example/' }, line: 5, column: 3, endLine: 5, endColumn: 35 },
        { messageId: 'browserRedirect', data: { target: 'https://d.example/' }, line: 7, column: 18, endLine: 7, endColumn: 51 },
      ],
    },
    {
      // Open redirect on page load: the target comes from the query string, through local variables.
      code: `const params = new URLSearchParams(window.location.search);
const next = params.get('redirect') || '/';
window.location.href = next;`,
      errors: [{ messageId: 'attackerTarget', data: { source: "params.get('redirect')" }, line: 3, column: 1, endLine: 3, endColumn: 28 }],
    },
    {
      // document.referrer and postMessage data.
      code: `if (document.referrer) location.replace(document.referrer);
window.addEventListener('message', (event) => { location.href = event.data.url; });`,
      errors: [
        { messageId: 'attackerTarget', data: { source: 'document.referrer' }, line: 1, column: 24, endLine: 1, endColumn: 59 },
        { messageId: 'attackerTarget', data: { source: 'event.data.url' }, line: 2, column: 49, endLine: 2, endColumn: 79 },
      ],
    },
    {
      // A check that does not dominate: the navigation also runs when it fails.
      code: `const ALLOWED = new Set(['/home']);
const next = new URLSearchParams(location.search).get('next');
if (!ALLOWED.has(next)) console.warn('unexpected target');
location.replace(next);`,
      errors: [{ messageId: 'attackerTarget', data: { source: "new URLSearchParams(location.search).get('next')" }, line: 4, column: 1, endLine: 4, endColumn: 23 }],
    },
    {
      // React: redirect in useEffect and componentDidMount, TSX.
      filename: 'src/Landing.tsx',
      code: `import React, { useEffect } from 'react';
export function Landing(): JSX.Element {
  useEffect(() => {
    window.location.href = 'https://mall.example/' as string;
  }, []);
  return <div />;
}
export class Old extends React.Component {
  componentDidMount() { window.location.assign(\`https://mall.example/\${this.props.id}\`); }
}`,
      errors: [
        { messageId: 'browserRedirect', data: { target: 'https://mall.example/' }, line: 4, column: 5, endLine: 4, endColumn: 61 },
        { messageId: 'browserRedirect', data: { target: 'https://mall.example/…' }, line: 9, column: 25, endLine: 9, endColumn: 88 },
      ],
    },
    {
      // Vue options API and a router guard.
      code: `import { createRouter } from 'vue-router';
export default {
  mounted() { this.leave(); },
  methods: { leave() { location.href = 'https://game.example/'; } },
};
const router = createRouter({ routes: [] });
router.beforeEach((to) => { if (to.meta.ad) window.location.href = 'https://ad.example/'; });`,
      errors: [
        { messageId: 'browserRedirect', data: { target: 'https://game.example/' }, line: 4, column: 24, endLine: 4, endColumn: 63 },
        { messageId: 'browserRedirect', data: { target: 'https://ad.example/' }, line: 7, column: 45, endLine: 7, endColumn: 89 },
      ],
    },
    {
      // Meta refresh in JSX and in an HTML string.
      filename: 'src/Redirect.jsx',
      code: `export const Redirect = () => <meta httpEquiv="refresh" content="0;url=https://x.example/" />;
document.body.innerHTML = '<meta http-equiv="refresh" content="3; URL=https://y.example/">';`,
      errors: [
        { messageId: 'browserRedirect', data: { target: 'https://x.example/' }, line: 1, column: 65, endLine: 1, endColumn: 91 },
        { messageId: 'browserRedirect', data: { target: 'https://y.example/' }, line: 2, column: 27, endLine: 2, endColumn: 92 },
      ],
    },
    {
      // Express: redirects every visitor, an open redirect from the query, Location headers.
      code: `const express = require('express');
const app = express();
app.use((req, res, next) => res.redirect(301, \`https://new-brand.example/\${req.originalUrl.slice(1)}\`));
app.get('/out', (req, res) => {
  res.redirect(req.query.url);
});
app.get('/legacy', (req, res) => {
  res.writeHead(302, { Location: 'https://legacy.example/' });
  res.end();
});
app.get('/h', (req, res) => { res.setHeader('Location', req.body.next); res.sendStatus(302); });`,
      errors: [
        { messageId: 'serverRedirect', data: { target: 'https://new-brand.example/…' }, line: 3, column: 29, endLine: 3, endColumn: 103 },
        { messageId: 'attackerTarget', data: { source: 'req.query.url' }, line: 5, column: 3, endLine: 5, endColumn: 30 },
        { messageId: 'serverRedirect', data: { target: 'https://legacy.example/' }, line: 8, column: 3, endLine: 8, endColumn: 62 },
        { messageId: 'attackerTarget', data: { source: 'req.body.next' }, line: 11, column: 31, endLine: 11, endColumn: 71 },
      ],
    },
    {
      // Koa and Egg (ctx.unsafeRedirect skips Egg's domain allowlist).
      code: `const Koa = require('koa');
const app = new Koa();
app.use(async (ctx, next) => {
  if (ctx.path === '/old') return ctx.redirect('https://elsewhere.example/');
  await next();
});
const { Controller } = require('egg');
class JumpController extends Controller {
  async index() {
    const { ctx } = this;
    ctx.unsafeRedirect(ctx.query.target);
  }
}
module.exports = JumpController;`,
      errors: [
        { messageId: 'serverRedirect', data: { target: 'https://elsewhere.example/' }, line: 4, column: 35, endLine: 4, endColumn: 77 },
        { messageId: 'attackerTarget', data: { source: 'ctx.query.target' }, line: 11, column: 5, endLine: 11, endColumn: 41 },
      ],
    },
    {
      // Fastify, Next (next/navigation and a route handler), Nest @Redirect (the decorator), TypeScript.
      filename: 'src/server.ts',
      code: `import Fastify from 'fastify';
import { redirect } from 'next/navigation';
import { Controller, Get, Redirect } from '@nestjs/common';
const fastify = Fastify();
fastify.get('/r', async (request, reply) => reply.redirect('https://f.example/'));
export default function Page(): never { redirect('https://n.example/'); }
@Controller('promo')
export class PromoController {
  @Get()
  @Redirect('https://promo.example/', 302)
  go(): void {}
}`,
      errors: [
        { messageId: 'serverRedirect', data: { target: 'https://f.example/' }, line: 5, column: 45, endLine: 5, endColumn: 81 },
        { messageId: 'serverRedirect', data: { target: 'https://n.example/' }, line: 6, column: 41, endLine: 6, endColumn: 71 },
        { messageId: 'serverRedirect', data: { target: 'https://promo.example/' }, line: 10, column: 3, endLine: 10, endColumn: 43 },
      ],
    },
    {
      // Next.js getServerSideProps sends every visitor to another site (the destination value is reported).
      filename: 'pages/promo.tsx',
      code: `export async function getServerSideProps() {
  return { redirect: { destination: 'https://mall.example/spring', permanent: false } };
}
export default function Promo() { return null; }`,
      errors: [{ messageId: 'serverRedirect', data: { target: 'https://mall.example/spring' }, line: 2, column: 37, endLine: 2, endColumn: 66 }],
    },
    {
      // node:http: a Location header to a third party.
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(302, { location: 'http://mirror.example/' + req.url });
  res.end();
}).listen(8080);`,
      errors: [{ messageId: 'serverRedirect', data: { target: 'http://mirror.example/…' }, line: 3, column: 3, endLine: 3, endColumn: 71 }],
    },
    {
      // Unresolvable targets with the strict option; Weixin pages outside trustedUrls are other websites.
      code: `window.addEventListener('load', () => { location.href = config.landing; });
location.href = 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5';`,
      options: [{ checkUnresolvedTargets: true }],
      errors: [
        { messageId: 'unresolvedTarget', line: 1, column: 41, endLine: 1, endColumn: 71 },
        { messageId: 'browserRedirect', data: { target: 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=M…' }, line: 2, column: 1, endLine: 2, endColumn: 81 },
      ],
    },
    {
      // replaceDefaults drops the built-in trusted OAuth URL.
      code: `location.href = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1';`,
      options: [{ trustedUrls: ['https://pay.example.com/'], replaceDefaults: true }],
      errors: [{ messageId: 'browserRedirect', line: 1, column: 1, endLine: 1, endColumn: 80 }],
    },
    {
      // Chinese message.
      code: `location.href = 'https://promo.example/';`,
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'browserRedirect_zhCN' as 'browserRedirect', line: 1, column: 1 }],
    },
  ],
});
