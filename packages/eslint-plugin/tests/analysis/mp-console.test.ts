import { describe, expect, it } from 'vitest';
import { analyze } from './harness.js';

/** Each console request as `path @line:column` of its node, with `(driven)` when a browser automation opened it. */
function consolePages(code: string): string[] {
  return analyze(code, (analysis) =>
    analysis.consoleRequests.map(
      (request) => `${request.path}${request.automation ? ' (driven)' : ''} @${request.node.loc.start.line}:${request.node.loc.start.column}`,
    ),
  );
}

/** The console kinds (`console-response`, `console-session`, `console-token`) the value of `name`'s last write carries. */
function consoleKinds(code: string, name: string): string[] {
  return analyze(code, (analysis) => {
    const declarators = analysis.nodes.ofType('VariableDeclarator').filter((node) => node.id.type === 'Identifier' && node.id.name === name);
    const init = declarators.at(-1)?.init;
    if (!init) return [];
    return [...new Set(analysis.dataFlow.labelsOf(init).map((label) => label.kind).filter((kind) => kind.startsWith('console-')))].sort();
  });
}

describe('console requests', () => {
  it.each([
    ['a login step', `fetch('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin', { method: 'POST' });`, ['cgi-bin/bizlogin @1:0']],
    ['a public article is no console page', `fetch('https://mp.weixin.qq.com/s/abc');`, []],
    ['a console page without the session token', `fetch('https://mp.weixin.qq.com/cgi-bin/user_tag?action=get_user_list');`, []],
    ['the token in a form body', 'fetch(\'https://mp.weixin.qq.com/cgi-bin/operate_appmsg?sub=del\', { method: \'POST\', body: `AppMsgId=${id}&token=${t}` });', ['cgi-bin/operate_appmsg @1:0']],
    ['the token in a body object', `import axios from 'axios';\naxios.post('https://mp.weixin.qq.com/cgi-bin/user_tag', { action: 'batch_set_tag', token });`, ['cgi-bin/user_tag @2:0']],
    ['the token in a params object', `import axios from 'axios';\naxios.get('https://mp.weixin.qq.com/cgi-bin/searchbiz', { params: { action: 'search_biz', token } });`, ['cgi-bin/searchbiz @2:0']],
    ['the front page opened by a browser automation', `import puppeteer from 'puppeteer';\nconst page = await (await puppeteer.launch()).newPage();\nawait page.goto('https://mp.weixin.qq.com/');`, ['/ (driven) @3:6']],
    ['the front page fetched by a script', `fetch('https://mp.weixin.qq.com/');`, []],
    ['a frame on a console page', 'frame.src = `https://mp.weixin.qq.com/cgi-bin/appmsg?t=media/list&token=${token}`;', ['cgi-bin/appmsg @1:0']],
  ])('%s', (_name, code, expected) => {
    expect(consolePages(code)).toEqual(expected);
  });
});

describe('console session labels', () => {
  it('a console response carries the console, its set-cookie headers the session', () => {
    const code = `const res = await fetch('https://mp.weixin.qq.com/cgi-bin/bizlogin?action=login', { method: 'POST' });
const raw = res.headers.getSetCookie();
const list = raw.map((cookie) => cookie.split(';')[0]);
const status = res.status;`;
    expect(consoleKinds(code, 'res')).toEqual(['console-response']);
    expect(consoleKinds(code, 'list')).toEqual(['console-session']);
    expect(consoleKinds(code, 'status')).toEqual([]);
  });

  it('the cookies of another site are no console session', () => {
    const code = `const res = await fetch('https://sso.example.com/login', { method: 'POST' });
const raw = res.headers.get('set-cookie');`;
    expect(consoleKinds(code, 'raw')).toEqual([]);
  });

  it('a driven page that opened the console: its cookies are the session, the token of its address the token', () => {
    const code = `import puppeteer from 'puppeteer';
const page = await (await puppeteer.launch()).newPage();
await page.goto('https://mp.weixin.qq.com/cgi-bin/loginpage');
const jar = await page.cookies();
const token = page.url().match(/token=(\\d+)/)[1];
const title = await page.title();`;
    expect(consoleKinds(code, 'jar')).toEqual(['console-session']);
    expect(consoleKinds(code, 'token')).toEqual(['console-token']);
    expect(consoleKinds(code, 'title')).toEqual([]);
  });
});
