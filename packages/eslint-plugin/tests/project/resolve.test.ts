import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectResolver } from '../../src/analysis/project/resolve.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wechat-oa-resolve-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

const relative = (root: string, file: string | undefined) => (file === undefined ? undefined : path.relative(root, file).split(path.sep).join('/'));

describe('ProjectResolver', () => {
  it('resolves relative specifiers with extensions, index files, .vue and TypeScript’s .js-for-.ts', () => {
    const root = project({
      'src/a.js': '',
      'src/lib/index.ts': '',
      'src/Page.vue': '<script>export default {}</script>',
      'src/util.ts': '',
      'src/main.ts': '',
    });
    const resolver = new ProjectResolver(root);
    const from = path.join(root, 'src/main.ts');
    expect(relative(root, resolver.resolve('./a', from))).toBe('src/a.js');
    expect(relative(root, resolver.resolve('./lib', from))).toBe('src/lib/index.ts');
    expect(relative(root, resolver.resolve('./Page.vue', from))).toBe('src/Page.vue');
    expect(relative(root, resolver.resolve('./util.js', from))).toBe('src/util.ts');
    expect(resolver.resolve('./missing', from)).toBeUndefined();
  });

  it('reads tsconfig paths and baseUrl through extends, and jsconfig.json', () => {
    const root = project({
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
      'src/lib/http.ts': '',
      'src/app.ts': '',
      'web/jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: 'src' } }),
      'web/src/config.js': '',
      'web/src/page.js': '',
    });
    const resolver = new ProjectResolver(root);
    expect(relative(root, resolver.resolve('@lib/http', path.join(root, 'src/app.ts')))).toBe('src/lib/http.ts');
    expect(relative(root, resolver.resolve('config', path.join(root, 'web/src/page.js')))).toBe('web/src/config.js');
  });

  it('reads package.json imports (#x) and follows workspace packages linked into node_modules', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'app', imports: { '#shared/*': './src/shared/*.js' } }),
      'src/shared/urls.js': '',
      'src/app.js': '',
      'packages/http/package.json': JSON.stringify({ name: '@acme/http', main: 'src/index.js' }),
      'packages/http/src/index.js': '',
      'node_modules/axios/package.json': JSON.stringify({ name: 'axios', main: 'index.js' }),
      'node_modules/axios/index.js': '',
    });
    mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
    symlinkSync(path.join(root, 'packages/http'), path.join(root, 'node_modules/@acme/http'), 'dir');
    const resolver = new ProjectResolver(root);
    const from = path.join(root, 'src/app.js');
    expect(relative(root, resolver.resolve('#shared/urls', from))).toBe('src/shared/urls.js');
    expect(relative(root, resolver.resolve('@acme/http', from))).toBe('packages/http/src/index.js');
    // A dependency installed in node_modules is never followed.
    expect(resolver.resolve('axios', from)).toBeUndefined();
  });

  it('reads the aliases of vite.config and webpack.config statically', () => {
    const vite = project({
      'vite.config.ts': `import { fileURLToPath, URL } from 'node:url';
export default { resolve: { alias: { '@': fileURLToPath(new URL('./web', import.meta.url)), '#api': '/api-src' } } };`,
      'web/api.ts': '',
      'src/api.ts': '',
      'web/main.ts': '',
    });
    expect(relative(vite, new ProjectResolver(vite).resolve('@/api', path.join(vite, 'web/main.ts')))).toBe('web/api.ts');
    const webpack = project({
      'webpack.config.js': `const path = require('path');
module.exports = { resolve: { alias: [{ find: 'Utils', replacement: path.resolve(__dirname, 'app/utils') }] } };`,
      'app/utils/go.js': '',
      'app/main.js': '',
    });
    expect(relative(webpack, new ProjectResolver(webpack).resolve('Utils/go', path.join(webpack, 'app/main.js')))).toBe('app/utils/go.js');
  });

  it('maps @/ and ~/ to src/ when it exists, else to the root; settings aliases win', () => {
    const withSrc = project({ 'src/lib/go.js': '', 'src/page.js': '' });
    const resolver = new ProjectResolver(withSrc);
    expect(relative(withSrc, resolver.resolve('@/lib/go', path.join(withSrc, 'src/page.js')))).toBe('src/lib/go.js');
    expect(relative(withSrc, resolver.resolve('~/lib/go', path.join(withSrc, 'src/page.js')))).toBe('src/lib/go.js');
    const flat = project({ 'lib/go.js': '', 'page.js': '' });
    expect(relative(flat, new ProjectResolver(flat).resolve('@/lib/go', path.join(flat, 'page.js')))).toBe('lib/go.js');
    const custom = project({ 'shared/go.js': '', 'src/page.js': '' });
    const aliased = new ProjectResolver(custom, { '@': 'shared' });
    expect(relative(custom, aliased.resolve('@/go', path.join(custom, 'src/page.js')))).toBe('shared/go.js');
  });
});
