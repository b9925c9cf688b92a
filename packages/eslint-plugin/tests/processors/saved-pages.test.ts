import { ESLint, type Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { describeHtmlPage } from '../../src/processors/html.js';
import { savedCopyEvidence } from '../../src/util/skip-gate.js';

const cwd = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/saved-pages');
const page = (name: string) => path.join(cwd, name);

async function lint(file: string, settings: Record<string, unknown> = {}) {
  const config: Linter.Config[] = [...plugin.configs.recommended, { settings: { 'wechat-oa': settings } }];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintFiles([file]);
  return result.messages.map(({ ruleId, line }) => `${line} ${ruleId}`);
}

describe('saved copies of other sites’ pages', () => {
  it('finds the evidence a page carries', () => {
    expect(describeHtmlPage(readFileSync(page('article-saved.html'), 'utf8')).evidence).toEqual([
      { kind: 'saved-from', url: 'https://mp.weixin.qq.com/s/Qm9va1NoZWxmUmV2aWV3U2FtcGxl', host: 'mp.weixin.qq.com' },
      { kind: 'og:url', url: 'http://mp.weixin.qq.com/s?__biz=MzA5Njc3NzQwMA==&mid=100000001&idx=1', host: 'mp.weixin.qq.com' },
    ]);
    expect(describeHtmlPage(readFileSync(page('article-canonical.html'), 'utf8')).evidence).toEqual([
      { kind: 'canonical', url: 'https://news.example.org/2024/weekend-reading', host: 'news.example.org' },
    ]);
  });

  it('decides with the project’s own hosts: a `saved from` comment always, a canonical/base/og:url on another host', () => {
    const saved = { kind: 'saved-from', url: 'https://own.example.com/a', host: 'own.example.com' } as const;
    const canonical = { kind: 'canonical', url: 'https://own.example.com/a', host: 'own.example.com' } as const;
    const local = { kind: 'base', url: 'http://localhost:8080/', host: 'localhost' } as const;
    expect(savedCopyEvidence([saved], ['own.example.com'])).toEqual(saved);
    expect(savedCopyEvidence([canonical], ['own.example.com'])).toBeUndefined();
    expect(savedCopyEvidence([canonical], ['*.example.org'])).toEqual(canonical);
    expect(savedCopyEvidence([local], [])).toBeUndefined();
  });

  it('the presets skip them', async () => {
    expect(await lint('article-saved.html')).toEqual([]);
    expect(await lint('article-canonical.html')).toEqual([]);
  });

  it('`lintSavedPages: true` lints them anyway; so does naming the canonical host as the project’s own', async () => {
    const findings = await lint('article-saved.html', { lintSavedPages: true });
    expect(findings).toEqual(
      expect.arrayContaining([
        '10 wechat-oa/no-auto-redirect',
        '12 wechat-oa/no-platform-login-automation',
        '17 wechat-oa/no-affiliation-claim',
      ]),
    );
    expect(await lint('article-canonical.html', { ownHosts: ['news.example.org'] })).toEqual([
      '8 wechat-oa/no-auto-redirect',
      '11 wechat-oa/no-affiliation-claim',
    ]);
  });
});
