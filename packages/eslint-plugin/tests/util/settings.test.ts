import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MASKERS } from '../../src/knowledge/function-names.js';
import { MP_ARTICLE_URL_PREFIX, OAUTH_AUTHORIZE_URL } from '../../src/knowledge/weixin-urls.js';
import { getPluginSettings, resolveSettings, settingOptionProperties } from '../../src/util/settings.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
/** The settings functions read `context.settings` only: a rule context with just that field is the real input. */
const contextWith = (settings: Record<string, unknown> | undefined): Context => ({ settings }) as unknown as Context;

describe('getPluginSettings', () => {
  it('gives the built-in defaults without settings', () => {
    const resolved = getPluginSettings(contextWith(undefined));
    expect(resolved.trustedUrls).toEqual([OAUTH_AUTHORIZE_URL, MP_ARTICLE_URL_PREFIX]);
    expect(resolved.maskers).toEqual([...DEFAULT_MASKERS]);
    expect(resolved.ownHosts).toEqual([]);
    expect(resolved.accounts).toEqual({});
    expect(resolved.locale).toBe('en');
  });

  it('extends the defaults with settings["wechat-oa"] (union, no duplicates, strings only)', () => {
    const resolved = getPluginSettings(
      contextWith({ 'wechat-oa': { trustedUrls: ['https://pay.example.com/', OAUTH_AUTHORIZE_URL, 42], ownHosts: ['api.example.com'] } }),
    );
    expect(resolved.trustedUrls).toEqual([OAUTH_AUTHORIZE_URL, MP_ARTICLE_URL_PREFIX, 'https://pay.example.com/']);
    expect(resolved.ownHosts).toEqual(['api.example.com']);
  });

  it('keeps accounts as given', () => {
    const accounts = { news: 'wx1111111111111111', shop: 'wx2222222222222222' };
    expect(getPluginSettings(contextWith({ 'wechat-oa': { accounts } })).accounts).toEqual(accounts);
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en', 'en'],
    ['fr', 'en'],
    [42, 'en'],
  ])('locale %j → %s', (locale, expected) => {
    expect(getPluginSettings(contextWith({ 'wechat-oa': { locale } })).locale).toBe(expected);
  });

  it('ignores a settings value that is not an object', () => {
    expect(getPluginSettings(contextWith({ 'wechat-oa': 'zh-CN' })).locale).toBe('en');
  });

  it('computes once per settings object', () => {
    const settings = { 'wechat-oa': { ownHosts: ['a.example.com'] } };
    expect(getPluginSettings(contextWith(settings))).toBe(getPluginSettings(contextWith(settings)));
  });
});

describe('resolveSettings', () => {
  const settings = { 'wechat-oa': { maskers: ['blur'], encryptors: ['seal'] } };

  it('without rule options is the plugin-wide settings', () => {
    expect(resolveSettings(contextWith(settings))).toBe(getPluginSettings(contextWith(settings)));
    expect(resolveSettings(contextWith(settings), {})).toBe(getPluginSettings(contextWith(settings)));
  });

  it('a rule option of the same name extends defaults and settings (union)', () => {
    const resolved = resolveSettings(contextWith(settings), { maskers: ['hide', 'mask'] });
    expect(resolved.maskers).toEqual(['mask', 'redact', 'blur', 'hide']);
    expect(resolved.encryptors).toEqual(['encrypt', 'cipher', 'seal']);
  });

  it('replaceDefaults drops the built-in defaults of the lists the options give, keeps settings', () => {
    const resolved = resolveSettings(contextWith(settings), { maskers: ['hide'], replaceDefaults: true });
    expect(resolved.maskers).toEqual(['blur', 'hide']);
    // Lists the options do not give keep their defaults.
    expect(resolved.encryptors).toEqual(['encrypt', 'cipher', 'seal']);
  });

  it('replaceDefaults with an empty list leaves only the settings', () => {
    expect(resolveSettings(contextWith(settings), { maskers: [], replaceDefaults: true }).maskers).toEqual(['blur']);
  });
});

describe('settingOptionProperties', () => {
  it('adds a described string array per setting and replaceDefaults', () => {
    expect(settingOptionProperties(['maskers', 'ownHosts'])).toEqual({
      maskers: {
        description: 'Names of functions that mask a value (matched as whole words).',
        type: 'array',
        items: { type: 'string' },
      },
      ownHosts: { description: "Hosts that are the project's own (back end, CDN).", type: 'array', items: { type: 'string' } },
      replaceDefaults: {
        description: 'Replace the built-in defaults of the lists given in these options instead of extending them.',
        type: 'boolean',
      },
    });
  });
});
