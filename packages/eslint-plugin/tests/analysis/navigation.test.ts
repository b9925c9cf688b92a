import { describe, expect, it } from 'vitest';
import { markedText } from '../../src/analysis/values.js';
import { analyze } from './harness.js';

/** Each sink as `kind window target @line:column` of its report node. */
function sinks(code: string, filename?: string): string[] {
  return analyze(
    code,
    (analysis) =>
      analysis.navigation.map((sink) => {
        const targets = sink.targetValues.map((value) => markedText(value).text.replaceAll('\u0000', '⟨?⟩')).join(' | ');
        return `${sink.kind} ${sink.window} ${targets} @${sink.node.loc.start.line}:${sink.node.loc.start.column}`;
      }),
    { filename },
  );
}

describe('navigation sinks', () => {
  it.each([
    ['location assignment', `location = 'https://a.example/';`, ['location-assignment self https://a.example/ @1:0']],
    ['href through window', `window.location.href = '/x';`, ['location-assignment self /x @1:0']],
    ['compound assignment is not navigation', `location.href += '#x';`, []],
    ['hash assignment is not navigation', `location.hash = 'x';`, []],
    ['assign and replace', `location.assign('/a'); globalThis.location.replace('/b');`, ['location-method self /a @1:0', 'location-method self /b @1:23']],
    ['top and parent', `top.location.href = '/t'; window.parent.location = '/p';`, ['location-assignment top /t @1:0', 'location-assignment parent /p @1:26']],
    ['window.open', `window.open('https://o.example/', '_blank');`, ['window-open new https://o.example/ @1:0']],
    ['string replace on href is not navigation', `const s = location.href.replace('a', 'b');`, []],
    ['shadowed location', `function f(location) { location.href = '/x'; }`, []],
    ['JSX meta refresh', `const M = () => <meta httpEquiv="refresh" content="0; url=https://m.example/" />;`, ['meta-refresh self https://m.example/ @1:50']],
    ['JSX meta refresh with expression', 'const M = ({ to }) => <meta http-equiv="refresh" content={`3;URL=${to}`} />;', ['meta-refresh self ⟨?⟩ @1:58']],
    ['JSX meta reload without URL', `const M = () => <meta httpEquiv="refresh" content="30" />;`, []],
    ['HTML string meta refresh', `res.send('<html><meta http-equiv="refresh" content="0;url=https://h.example/"></html>');`, ['meta-refresh self https://h.example/ @1:9']],
    ['HTML template meta refresh', 'el.innerHTML = `<meta http-equiv=refresh content="0; url=${target}">`;', ['meta-refresh self ⟨?⟩ @1:15']],
    ['Express res.redirect with status', `app.get('/', (req, res) => res.redirect(302, req.query.to));`, ['server-redirect response ⟨?⟩ @1:27']],
    ['Koa ctx.redirect', `router.get('/', async (ctx) => { ctx.redirect('https://k.example/'); });`, ['server-redirect response https://k.example/ @1:33']],
    ['Egg this.ctx.unsafeRedirect', `class H extends Controller { async index() { this.ctx.unsafeRedirect('https://e.example/'); } }`, ['server-redirect response https://e.example/ @1:45']],
    ['Fastify reply.redirect', `fastify.get('/', async (request, reply) => reply.redirect('/home'));`, ['server-redirect response /home @1:43']],
    ['router.redirect is not a response', `router.redirect('/a', '/b');`, []],
    ['writeHead with Location', `res.writeHead(302, { Location: 'https://w.example/' });`, ['location-header response https://w.example/ @1:0']],
    ['writeHead 200 is not a redirect', `res.writeHead(200, { 'Content-Type': 'text/html' });`, []],
    ['setHeader Location', `res.setHeader('location', next);`, ['location-header response ⟨?⟩ @1:0']],
    ['Response.redirect', `export function GET() { return Response.redirect('https://r.example/'); }`, ['server-redirect response https://r.example/ @1:31']],
    ['Next redirect()', `import { redirect } from 'next/navigation'; export default function P() { redirect('https://n.example/'); }`, ['next-redirect response https://n.example/ @1:74']],
    ['Next getServerSideProps redirect', `export async function getServerSideProps() { return { redirect: { destination: 'https://g.example/', permanent: false } }; }`, ['next-redirect response https://g.example/ @1:79']],
    ['Nest @Redirect', `import { Controller, Get, Redirect } from '@nestjs/common';\n@Controller() class C { @Get('go') @Redirect('https://nest.example/', 302) go() {} }`, ['nest-redirect response https://nest.example/ @2:35']],
  ])('%s', (_name, code, expected) => {
    expect(sinks(code, code.includes('@Controller') ? 'src/c.ts' : undefined)).toEqual(expected);
  });
});
