import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileAnalysis } from '../../src/analysis/index.js';
import { type Found, ProjectModel } from '../../src/analysis/project/model.js';
import type { FunctionSummary, Template } from '../../src/analysis/project/types.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project on disk and its model, analysed the way the facade analyses dependencies (analysis/index.ts). */
function model(files: Record<string, string>): { root: string; model: ProjectModel } {
  const root = mkdtempSync(path.join(tmpdir(), 'wechat-oa-summaries-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const project = new ProjectModel(root, {}, (file, sourceCode) =>
    new FileAnalysis({ sourceCode, filename: file, physicalFilename: file, cwd: root, settings: {} } as never),
  );
  return { root, model: project };
}

function functionAt(found: Found | undefined): FunctionSummary {
  if (found?.kind !== 'function') throw new Error(`not a function: ${found?.kind}`);
  return found.summary;
}

/** A template as text, parameters as `{0.url}` and unknown parts as `…`. */
function text(template: Template): string {
  return template.map((part) => (typeof part === 'string' ? part : part === null ? '…' : `{${[part.param, ...part.path].join('.')}}`)).join('');
}

describe('summaries of what functions return', () => {
  it('a URL template over the parameters: an OAuth authorize URL with its scope', () => {
    const { root, model: project } = model({
      'src/redirect.ts':
        "export function authorizeUrl(back: string, state?: string) {\n  const appid = process.env.APPID;\n  return `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${appid}&redirect_uri=${back}&response_type=code&scope=snsapi_userinfo&state=${state}#wechat_redirect`;\n}\n",
    });
    const summary = functionAt(project.lookup(path.join(root, 'src/redirect.ts'), ['authorizeUrl']));
    expect(summary.returns.map(text)).toEqual([
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=…&redirect_uri={0}&response_type=code&scope=snsapi_userinfo&state={1}#wechat_redirect',
    ]);
    expect(summary.returnsParams).toEqual([0, 1]);
  });

  it('a URL object whose parameters are set with searchParams.set, returned whole', () => {
    const { root, model: project } = model({
      'lib/wx.ts':
        "export function oauthUrl(back: string) {\n  const url = new URL('https://open.weixin.qq.com/connect/oauth2/authorize');\n  url.searchParams.set('redirect_uri', back);\n  url.searchParams.set('scope', 'snsapi_userinfo');\n  return url;\n}\n",
    });
    const [template] = functionAt(project.lookup(path.join(root, 'lib/wx.ts'), ['oauthUrl'])).returns;
    expect(text(template)).toBe('https://open.weixin.qq.com/connect/oauth2/authorize?redirect_uri={0}&scope=snsapi_userinfo');
  });

  it('a URL builder: the caller’s base starts the value, and every argument’s data is carried', () => {
    const { root, model: project } = model({
      'src/build-uri.js':
        "const { URL } = require('url');\nmodule.exports = function buildUri(host, path, params) {\n  const uri = new URL(path, host);\n  Object.keys(params).forEach((key) => uri.searchParams.append(key, params[key]));\n  return uri.toString();\n};\n",
    });
    const summary = functionAt(project.lookup(path.join(root, 'src/build-uri.js'), ['default']));
    // The parameters appended under names it does not know leave an unknown query.
    expect(summary.returns.map(text)).toEqual(['{0}{1}?…']);
    expect(summary.returnsParams).toEqual([0, 1, 2]);
  });

  it('a call of another function does not carry its arguments (a lookup returns other data)', () => {
    const { root, model: project } = model({
      'src/users.js':
        "const db = require('./db');\nexports.findUser = async (openid) => {\n  const row = await db.find({ openid });\n  return row.nickname;\n};\nexports.label = (user) => `${user.name} (${user.id.length})`;\n",
    });
    expect(functionAt(project.lookup(path.join(root, 'src/users.js'), ['findUser'])).returnsParams).toEqual([]);
    // `.length` of a parameter is a fact about it, not its data; `user.name` is.
    expect(functionAt(project.lookup(path.join(root, 'src/users.js'), ['label'])).returnsParams).toEqual([0]);
  });
});

describe('summaries of plain-text writes of parameters', () => {
  it('a server log of a parameter’s property, by the parameter path', () => {
    const { root, model: project } = model({
      'src/audit.js':
        "const logger = require('./logger');\nmodule.exports.audit = function audit(entry, note) {\n  logger.info(`login ${note}`, entry.detail);\n};\n",
    });
    expect(functionAt(project.lookup(path.join(root, 'src/audit.js'), ['audit'])).sinks).toEqual([
      { kind: 'log', target: 'logger.info', values: [{ param: 1, path: [] }, { param: 0, path: ['detail'] }] },
    ]);
  });

  it('a write the module itself knows as user data is left to its own report, not repeated at every caller', () => {
    const { root, model: project } = model({
      'src/check.js': "exports.verify = function verify(openid, done) {\n  console.log('openid: ' + openid);\n  done();\n};\n",
    });
    expect(functionAt(project.lookup(path.join(root, 'src/check.js'), ['verify'])).sinks).toEqual([]);
  });

  it('client storage in a browser helper is kept; its console is not (the browser console keeps nothing)', () => {
    const { root, model: project } = model({
      'src/store.js':
        "export function remember(entry) {\n  localStorage.setItem('entry', JSON.stringify(entry));\n  console.log(entry);\n  document.title = entry.title;\n}\n",
    });
    expect(functionAt(project.lookup(path.join(root, 'src/store.js'), ['remember'])).sinks).toEqual([
      { kind: 'storage', target: 'localStorage', values: [{ param: 0, path: [] }] },
    ]);
  });
});

describe('summaries end quietly', () => {
  it('on functions that return each other across a cycle of modules', () => {
    const { root, model: project } = model({
      'src/a.js': "import { b } from './b.js';\nexport function a(url) { return url ? b(url) : 'https://a.example/'; }\n",
      'src/b.js': "import { a } from './a.js';\nexport function b(url) { return a(url) + '?from=b'; }\n",
    });
    const summary = functionAt(project.lookup(path.join(root, 'src/a.js'), ['a']));
    expect(summary.returns.map(text)).toContain('https://a.example/');
  });

  it('on a 5 MB module: no summary, no parse', () => {
    const { root, model: project } = model({
      'src/huge.js': `export function go(url) { return url; }\n${'// padding line\n'.repeat(330_000)}`,
    });
    expect(project.lookup(path.join(root, 'src/huge.js'), ['go'])).toBeUndefined();
  });
});
