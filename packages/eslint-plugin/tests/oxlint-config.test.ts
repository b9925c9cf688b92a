import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, recommendedRules, strictRules } from '../src/configs/rule-levels.js';
import { OXLINT_ESLINT_ONLY_FILES, oxlintConfig } from '../src/oxlint/config.js';

// The oxlint config is generated from the presets' rule levels; docs/oxlint.md shows the `recommended` one.
describe('oxlint config', () => {
  it('docs/oxlint.md shows the config generated from the recommended preset (run `npm run generate`)', () => {
    const doc = readFileSync(new URL('../../../docs/oxlint.md', import.meta.url), 'utf8');
    const block = /<!-- generated: [^>]*-->\s*```json\n([\s\S]*?)\n```/u.exec(doc)?.[1];
    expect(block).toBeDefined();
    const { $schema, ...config } = JSON.parse(block ?? '{}') as Record<string, unknown>;
    expect($schema).toBe('./node_modules/oxlint/configuration_schema.json');
    expect(config).toEqual(oxlintConfig('recommended'));
  });

  it.each([
    ['recommended', recommendedRules],
    ['strict', strictRules],
    ['all', allRules],
  ] as const)('%s: the preset’s rules at its levels, off in the files left to ESLint', (preset, rules) => {
    const config = oxlintConfig(preset, { plugin: '/abs/dist/index.js', settings: { ownHosts: ['shop.example.com'] }, only: true });
    expect(config.rules).toEqual(rules);
    expect(config.jsPlugins).toEqual(['/abs/dist/index.js']);
    expect(config.settings).toEqual({ 'wechat-oa': { ownHosts: ['shop.example.com'] } });
    expect(config.plugins).toEqual([]);
    expect(config.overrides).toEqual([{ files: OXLINT_ESLINT_ONLY_FILES, rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'off'])) }]);
  });
});
