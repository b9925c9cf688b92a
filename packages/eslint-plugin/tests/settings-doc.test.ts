/**
 * docs/settings.md against the settings code: one `### \`key\`` section per key of `settings['wechat-oa']`, each
 * with its default as the code holds it and an example of that key. (packages/cli/tests/settings-doc.test.ts
 * validates every example against the schema, as the CLI validates `.wechat-oa.json`.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPluginSettings, SETTINGS_SCHEMA } from '../src/util/settings.js';

const text = readFileSync(new URL('../../../docs/settings.md', import.meta.url), 'utf8');
const schemaKeys = Object.keys(SETTINGS_SCHEMA.properties);

/** The text of each `### \`key\`` section under "## Keys", by key. */
function sections(): Map<string, string> {
  const keysPart = text.slice(text.indexOf('\n## Keys\n'), text.indexOf('\n## ', text.indexOf('\n## Keys\n') + 1));
  const result = new Map<string, string>();
  for (const part of keysPart.split(/\n(?=### )/u).slice(1)) {
    const heading = /^### `([^`]+)`\n/u.exec(part);
    if (heading) result.set(heading[1], part);
  }
  return result;
}

/** The default of each key: the settings the rules see when a config gives none. */
const DEFAULTS = getPluginSettings({ settings: {} } as unknown as Parameters<typeof getPluginSettings>[0]) as unknown as Record<string, unknown>;

function jsonBlocksOf(part: string): unknown[] {
  return [...part.matchAll(/```json\n([\s\S]*?)\n```/gu)].map((match) => JSON.parse(match[1]) as unknown);
}

describe('docs/settings.md', () => {
  it('has one section per settings key, no more', () => {
    expect([...sections().keys()].sort()).toEqual([...schemaKeys].sort());
  });

  it.each(schemaKeys)('`%s`: the default written there is the built-in default', (key) => {
    const part = sections().get(key) ?? '';
    const line = /^Default: `(.*)`$/mu.exec(part);
    expect(line, `a "Default: \`…\`" line in the ${key} section`).not.toBeNull();
    expect(JSON.parse(line?.[1] ?? 'null')).toEqual(DEFAULTS[key]);
  });

  it.each(schemaKeys)('`%s`: has an example that sets that key alone', (key) => {
    const examples = jsonBlocksOf(sections().get(key) ?? '');
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(Object.keys(example as object)).toEqual([key]);
  });

  it('the complete example, marked as one, leaves the locale alone', () => {
    const marker = text.indexOf('<!-- settings example -->');
    expect(marker).toBeGreaterThan(-1);
    expect(text.slice(marker - 300, marker)).toContain('An example, not a config to copy');
    const [example] = jsonBlocksOf(text.slice(marker));
    // Copied as it is, a locale in the example would change everyone's messages.
    expect(example).not.toHaveProperty('locale');
  });
});
