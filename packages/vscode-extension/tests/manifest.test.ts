// The manifest, its UI strings and the code agree: every %key% has an English and a Chinese text, every
// vscode.l10n.t message has a Chinese translation, the settings the mapping reads are the ones contributed.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS, SETTINGS_SECTION } from '../src/settings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const manifest = read('package.json') as {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, { default?: unknown }> }; commands: Array<{ command: string }> };
};
const nlsEn = read('package.nls.json');
const nlsZh = read('package.nls.zh-cn.json');
const l10nZh = read('l10n/bundle.l10n.zh-cn.json');

describe('package.json', () => {
  it('has an English and a Chinese text for every %key% it uses, and no unused ones', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/gu)].map((m) => m[1]).sort();
    expect(keys.length).toBeGreaterThan(20);
    expect(Object.keys(nlsEn).sort()).toEqual([...new Set(keys)]);
    expect(Object.keys(nlsZh).sort()).toEqual([...new Set(keys)]);
  });

  it('contributes exactly the settings the mapping sends to the server, with the documented defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(Object.keys(properties).sort()).toEqual(SETTING_KEYS.map((key) => `${SETTINGS_SECTION}.${key}`).sort());
    expect(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, value.default]))).toEqual({
      'wechatOa.enable': true,
      'wechatOa.run': 'onType',
      'wechatOa.preset': 'recommended',
      'wechatOa.rules': {},
      'wechatOa.useWorkspaceConfig': true,
      'wechatOa.debounceMs': 150,
      'wechatOa.locale': 'auto',
    });
  });

  it('supports untrusted workspaces in limited mode, restricting settings that exist', () => {
    const { supported, restrictedConfigurations } = manifest.capabilities.untrustedWorkspaces;
    expect(supported).toBe('limited');
    expect(restrictedConfigurations).toEqual(['wechatOa.useWorkspaceConfig', 'wechatOa.rules']);
  });

  it('registers in code every command it contributes', () => {
    const source = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/gu)].map((m) => m[1]).sort();
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(registered);
    expect(registered).toEqual(['wechatOa.fixAll', 'wechatOa.restartServer', 'wechatOa.showInventory', 'wechatOa.showOutput']);
  });
});

describe('runtime UI strings', () => {
  it('has a Chinese translation for every vscode.l10n.t message in the source, and no stale ones', () => {
    const messages = new Set<string>();
    for (const file of readdirSync(join(root, 'src'))) {
      const source = readFileSync(join(root, 'src', file), 'utf8');
      // l10n.t('…') and the `t('…')` the status module is handed.
      for (const match of source.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/gu)) messages.add(match[1]!.replace(/\\(.)/gu, '$1'));
    }
    expect(messages.size).toBeGreaterThan(5);
    expect(Object.keys(l10nZh).sort()).toEqual([...messages].sort());
  });
});
