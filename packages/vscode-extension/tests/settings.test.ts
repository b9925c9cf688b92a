import { describe, expect, it } from 'vitest';
import { initializationOptions, resolveLocale, toServerSettings, type SettingsReader } from '../src/settings.js';

/** A WorkspaceConfiguration stand-in over plain values, as VS Code returns them from settings.json. */
function reader(values: Record<string, unknown>): SettingsReader {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('toServerSettings', () => {
  it('gives the documented defaults when nothing is set', () => {
    expect(toServerSettings(reader({}), 'en')).toEqual({
      enable: true,
      run: 'onType',
      preset: 'recommended',
      rules: {},
      useWorkspaceConfig: true,
      debounceMs: 150,
      locale: 'en',
    });
  });

  it('passes valid values through', () => {
    expect(
      toServerSettings(
        reader({
          enable: false,
          run: 'onSave',
          preset: 'strict',
          rules: { 'wechat-oa/no-affiliation-claim': 'warn' },
          useWorkspaceConfig: false,
          debounceMs: 300,
          locale: 'zh-CN',
        }),
        'en',
      ),
    ).toEqual({
      enable: false,
      run: 'onSave',
      preset: 'strict',
      rules: { 'wechat-oa/no-affiliation-claim': 'warn' },
      useWorkspaceConfig: false,
      debounceMs: 300,
      locale: 'zh-CN',
    });
  });

  it('replaces mistyped enum values with the defaults', () => {
    const settings = toServerSettings(reader({ run: 'onChange', preset: 'everything', locale: 'fr' }), 'en');
    expect([settings.run, settings.preset, settings.locale]).toEqual(['onType', 'recommended', 'en']);
  });

  it('clamps debounceMs to 0…10000 whole milliseconds and ignores non-numbers', () => {
    expect(toServerSettings(reader({ debounceMs: -5 }), 'en').debounceMs).toBe(0);
    expect(toServerSettings(reader({ debounceMs: 99_999 }), 'en').debounceMs).toBe(10_000);
    expect(toServerSettings(reader({ debounceMs: 12.6 }), 'en').debounceMs).toBe(13);
    expect(toServerSettings(reader({ debounceMs: '200' }), 'en').debounceMs).toBe(200);
    expect(toServerSettings(reader({ debounceMs: 'soon' }), 'en').debounceMs).toBe(150);
    expect(toServerSettings(reader({ debounceMs: Number.NaN }), 'en').debounceMs).toBe(150);
  });

  it('only an explicit false turns enable and useWorkspaceConfig off', () => {
    const settings = toServerSettings(reader({ enable: 'no', useWorkspaceConfig: null }), 'en');
    expect([settings.enable, settings.useWorkspaceConfig]).toEqual([true, true]);
  });
});

describe('the rules setting', () => {
  const rules = (value: unknown) => toServerSettings(reader({ rules: value }), 'en').rules;

  it('adds the wechat-oa/ prefix where it is missing and keeps it where present', () => {
    expect(rules({ 'no-hardcoded-credentials': 'error', 'wechat-oa/no-affiliation-claim': 'off' })).toEqual({
      'wechat-oa/no-hardcoded-credentials': 'error',
      'wechat-oa/no-affiliation-claim': 'off',
    });
  });

  it('keeps numeric levels and rule options', () => {
    expect(rules({ a: 0, b: 1, c: [2, { allow: ['x'] }], d: ['warn'] })).toEqual({
      'wechat-oa/a': 0,
      'wechat-oa/b': 1,
      'wechat-oa/c': [2, { allow: ['x'] }],
      'wechat-oa/d': ['warn'],
    });
  });

  it('drops malformed entries instead of guessing', () => {
    expect(rules({ a: 'on', b: 3, c: [], d: [{ x: 1 }], e: { level: 'warn' }, 'wechat-oa/': 'warn', ok: 'warn' })).toEqual({
      'wechat-oa/ok': 'warn',
    });
  });

  it('gives no rules for a value that is not an object', () => {
    expect(rules(['no-hardcoded-credentials'])).toEqual({});
    expect(rules('no-hardcoded-credentials')).toEqual({});
    expect(rules(null)).toEqual({});
    expect(rules(undefined)).toEqual({});
  });
});

describe('resolveLocale', () => {
  it('uses an explicit setting over the display language', () => {
    expect(resolveLocale('en', 'zh-cn')).toBe('en');
    expect(resolveLocale('zh-CN', 'en')).toBe('zh-CN');
  });

  it('follows the display language in the settings sent to the server when locale is auto', () => {
    expect(toServerSettings(reader({ locale: 'auto' }), 'zh-cn').locale).toBe('zh-CN');
    expect(toServerSettings(reader({ locale: 'en' }), 'zh-cn').locale).toBe('en');
  });

  it('follows the VS Code display language for auto', () => {
    expect(resolveLocale('auto', 'zh-cn')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-Hans')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'zh')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-tw')).toBe('en');
    expect(resolveLocale('auto', 'de')).toBe('en');
  });
});

describe('initializationOptions', () => {
  it('carries trust and the resolved locale', () => {
    expect(initializationOptions(false, 'auto', 'zh-cn')).toEqual({ trusted: false, locale: 'zh-CN' });
    expect(initializationOptions(true, 'en', 'zh-cn')).toEqual({ trusted: true, locale: 'en' });
  });
});
