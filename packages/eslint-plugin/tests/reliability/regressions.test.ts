/**
 * Every minimised sample `npm run fuzz` ever found is kept in regressions/ and linted on every run with the `all`
 * and `strict` presets: no rule throws, fixes and suggestions parse, fixing is idempotent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { checkSample, createLinter } from '../../../../scripts/fuzz/fuzz-core.mjs';
import { PRESETS } from './presets.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regressions');
const samples = readdirSync(dir).filter((name) => !name.startsWith('.') && name !== 'README.md');

describe('fuzz regressions', () => {
  it('the corpus folder is there', () => {
    expect(readdirSync(dir)).toContain('README.md');
  });
  it.each(samples)('%s', (name) => {
    const code = readFileSync(path.join(dir, name), 'utf8');
    const { failures } = checkSample(createLinter(), PRESETS, code, `src/${name}`) as { failures: unknown[] };
    expect(failures).toEqual([]);
  });
});
