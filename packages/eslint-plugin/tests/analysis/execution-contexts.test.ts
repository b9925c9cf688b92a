import { describe, expect, it } from 'vitest';
import { analyze, probeCalls } from './harness.js';

/** The execution context of every `probe()` call, in source order. */
function contexts(code: string, filename?: string): string[] {
  return analyze(code, (analysis) => probeCalls(analysis).map((call) => analysis.contexts.contextOf(call)), { filename });
}

describe('execution context', () => {
  it.each([
    ['module top level', `probe();`, ['automatic']],
    ['click listener', `btn.addEventListener('click', () => { probe(); });`, ['gesture']],
    ['load listener', `window.addEventListener('load', function () { probe(); });`, ['automatic']],
    ['DOMContentLoaded', `document.addEventListener('DOMContentLoaded', () => probe());`, ['automatic']],
    ['change listener is unknown', `input.addEventListener('change', () => probe());`, ['unknown']],
    ['onclick property', `btn.onclick = () => probe();`, ['gesture']],
    ['window.onload property', `window.onload = () => probe();`, ['automatic']],
    ['JSX onClick', `const B = () => <button onClick={() => probe()}>Go</button>;`, ['gesture']],
    ['JSX onSubmit with a named handler', `function Form() { const submit = (e) => { probe(); }; return <form onSubmit={submit} />; }`, ['gesture']],
    ['jQuery on click', `$('#go').on('click', function () { probe(); });`, ['gesture']],
    ['jQuery delegated click', `$(document).on('click', '.go', () => probe());`, ['gesture']],
    ['jQuery click shorthand', `$('#go').click(() => probe());`, ['gesture']],
    ['jQuery ready', `$(function () { probe(); }); $(document).ready(() => probe());`, ['automatic', 'automatic']],
    ['wx.ready', `wx.ready(function () { probe(); });`, ['automatic']],
    ['after await in a gesture', `btn.addEventListener('click', async () => { await x(); probe(); });`, ['gesture']],
    ['then callback in a gesture', `btn.addEventListener('click', () => { fetch('/a').then(() => probe()); });`, ['gesture']],
    ['timer in a gesture', `btn.addEventListener('click', () => { setTimeout(() => probe(), 10); });`, ['gesture']],
    ['timer at top level', `setTimeout(() => probe(), 3000);`, ['automatic']],
    ['timer in an unknown handler is automatic', `input.addEventListener('input', () => { setTimeout(() => probe()); });`, ['automatic']],
    ['observer', `new IntersectionObserver(() => probe());`, ['automatic']],
    ['promise chain at top level', `fetch('/a').then((r) => r.json()).then(() => probe());`, ['automatic']],
    ['React useEffect', `function P() { useEffect(() => { probe(); }, []); return null; }`, ['automatic']],
    ['React componentDidMount', `class P extends React.Component { componentDidMount() { probe(); } }`, ['automatic']],
    ['Vue options mounted and created', `export default { mounted() { probe(); }, created: function () { probe(); } };`, ['automatic', 'automatic']],
    ['Vue onMounted and watch', `onMounted(() => probe()); watch(q, () => probe());`, ['automatic', 'automatic']],
    ['Vue watch option', `export default { watch: { q(v) { probe(); }, r: { handler() { probe(); } } } };`, ['automatic', 'automatic']],
    ['Vue method called from a lifecycle hook', `export default { mounted() { this.go(); }, methods: { go() { probe(); } } };`, ['automatic']],
    ['Vue method without callers is unknown', `export default { methods: { go() { probe(); } } };`, ['unknown']],
    ['Angular ngOnInit', `class C { ngOnInit() { probe(); } }`, ['automatic']],
    ['router guard', `router.beforeEach((to, from, next) => { probe(); });`, ['automatic']],
    ['route beforeEnter', `const routes = [{ path: '/a', beforeEnter: (to) => { probe(); } }];`, ['automatic']],
    ['function called at top level', `function go() { probe(); }\ngo();`, ['automatic']],
    ['function called only from clicks', `function go() { probe(); }\na.addEventListener('click', go); b.onclick = () => go();`, ['gesture']],
    ['function called from a click and on load', `function go() { probe(); }\na.addEventListener('click', go); window.addEventListener('load', go);`, ['automatic']],
    ['exported function nobody calls', `export function go() { probe(); }`, ['unknown']],
    ['function never called', `function go() { probe(); }`, ['unknown']],
    ['IIFE', `(function () { probe(); })();`, ['automatic']],
    ['recursion does not loop', `function a() { probe(); b(); } function b() { a(); }`, ['unknown']],
    ['forEach callback inherits', `btn.addEventListener('click', () => { list.forEach(() => probe()); });`, ['gesture']],
    ['server route handler', `import express from 'express'; const app = express(); app.get('/x', (req, res) => { probe(); });`, ['automatic']],
  ])('%s', (_name, code, expected) => {
    expect(contexts(code)).toEqual(expected);
  });

  it('survives callbacks nested 200 deep', () => {
    const code = `${'setTimeout(() => '.repeat(200)}probe()${')'.repeat(200)};`;
    expect(contexts(code)).toEqual(['automatic']);
  });

  it('takes template handlers through the hook', () => {
    const result = analyze(`export default { methods: { go() { probe(); } } };`, (analysis) => {
      analysis.contexts.addTemplateHandler('go', 'gesture');
      return probeCalls(analysis).map((call) => analysis.contexts.contextOf(call));
    });
    expect(result).toEqual(['gesture']);
  });
});

/** Server handlers as `framework kind path everyRequest loginRoute`. */
function handlers(code: string, filename = 'src/server.ts'): string[] {
  return analyze(
    code,
    (analysis) =>
      analysis.contexts.serverHandlers.map(
        (handler) =>
          `${handler.framework} ${handler.kind} ${handler.path ?? '-'}${handler.everyRequest ? ' every-request' : ''}${handler.loginRoute ? ' login' : ''}`,
      ),
    { filename },
  );
}

describe('server handlers', () => {
  it.each([
    ['Express routes and middleware', `import express from 'express';\nconst app = express();\napp.use((req, res, next) => next());\napp.use('/api', auth);\napp.get('/auth/wechat', (req, res) => {});\napp.post('/orders', handler);\nfunction auth(req, res, next) {}\nfunction handler(req, res) {}`, 'src/server.ts', ['express middleware - every-request', 'express route /auth/wechat login', 'express middleware /api', 'express route /orders']],
    ['Koa middleware and router', `import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa(); const router = new Router();\napp.use(async (ctx, next) => { await next(); });\nrouter.get('/login', async (ctx) => {});`, 'src/server.ts', ['koa middleware - every-request', 'koa route /login login']],
    ['Fastify route and hook', `import Fastify from 'fastify';\nconst fastify = Fastify();\nfastify.route({ method: 'GET', url: '/oauth/callback', handler: async (request, reply) => {} });\nfastify.addHook('onRequest', async (request, reply) => {});`, 'src/server.ts', ['fastify route /oauth/callback login', 'fastify middleware - every-request']],
    ['Egg controller', `const { Controller } = require('egg');\nclass HomeController extends Controller { async index() {} }`, 'app/controller/home.js', ['egg route -']],
    ['Nest controller and guard', `import { Controller, Get, CanActivate } from '@nestjs/common';\n@Controller('account')\nclass A { @Get('signin') go() {} @Get() list() {} }\nclass G implements CanActivate { canActivate() { return true; } }`, 'src/a.controller.ts', ['nest route /account/signin login', 'nest route /account', 'nest guard - every-request']],
    ['Next App Router route', `import { NextResponse } from 'next/server';\nexport async function GET(request) { return NextResponse.json({}); }`, 'app/api/oauth/route.ts', ['next route /api/oauth login']],
    ['Next middleware', `import { NextResponse } from 'next/server';\nexport function middleware(request) { return NextResponse.next(); }`, 'middleware.ts', ['next middleware - every-request']],
    ['node:http createServer', `import http from 'node:http';\nhttp.createServer((req, res) => {}).listen(80);`, 'src/server.ts', ['node-http route - every-request']],
  ])('%s', (_name, code, filename, expected) => {
    expect(handlers(code, filename)).toEqual(expected);
  });
});
