/**
 * The bounded fuzz run CI does (SPEC §4, issue 9): at least 500 random programs that parse plus mutations of the
 * fixtures and doc examples, linted with the `all` and `strict` presets. No rule throws; every fix and suggestion
 * yields code that parses; fixing twice equals fixing once. `npm run fuzz` runs longer campaigns with any seed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { runFuzz } from '../../../../scripts/fuzz/run.mjs';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

interface FuzzStats {
  parsed: number;
  generated: number;
  mutated: number;
  mutatedParsed: number;
  failures: { preset: string; problem: string; detail: string; code: string }[];
}

describe('fuzz (bounded, fixed seed)', () => {
  it('500 random programs that parse and 300 mutations of real code: no failures', () => {
    const stats = runFuzz({ plugin, root, seed: 20_261_124, parsingPrograms: 500, mutations: 300 }) as FuzzStats;
    expect(stats.parsed).toBe(500);
    expect(stats.mutated).toBe(300);
    const report = stats.failures.map((failure) => `[${failure.preset}] ${failure.problem}\n${failure.detail}\n---\n${failure.code}`);
    expect(report).toEqual([]);
  }, 600_000);
});
