/**
 * The JS/TS files of the fixture projects (test-fixtures/) under ESLint and oxlint with the `recommended` preset
 * and each project's `.wechat-oa.json`: the same findings, whatever the order the files come in and however many
 * threads oxlint runs. `.vue` and `.html` files are ESLint's alone (docs/oxlint.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommendedRules } from '../../src/configs/rule-levels.js';
import { type EngineCase, eslintFindings, type Finding, oxlintFindings } from './engines.js';

const fixtures = fileURLToPath(new URL('../../../../test-fixtures', import.meta.url));
const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/u;

function scriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(file).isDirectory()) return scriptFiles(file);
    return SCRIPT.test(name) ? [file] : [];
  });
}

/** Every rule of the preset with its options (none in `recommended`), keyed as the engines want them. */
const rules = Object.fromEntries(Object.keys(recommendedRules).map((id) => [id, []]));

const projects = readdirSync(fixtures).filter((name) => statSync(path.join(fixtures, name)).isDirectory());

/** All fixture files as cases of one list; a project's settings ride along with each of its files. */
const cases: (EngineCase & { project: string })[] = projects.flatMap((project) => {
  const folder = path.join(fixtures, project);
  let settings: Record<string, unknown> | undefined;
  try {
    settings = JSON.parse(readFileSync(path.join(folder, '.wechat-oa.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    settings = undefined;
  }
  return scriptFiles(folder)
    .sort()
    .map((file) => ({ project, code: readFileSync(file, 'utf8'), filename: path.relative(folder, file), rules, settings }));
});

/** Findings by `project/file`, so that runs in different orders can be compared. */
function byFile(findings: Finding[][], order: readonly number[]): Record<string, Finding[]> {
  return Object.fromEntries(order.map((index, position) => [`${cases[index].project}/${cases[index].filename}`, findings[position]]));
}

describe('fixture projects under ESLint and oxlint', () => {
  const forward = cases.map((_, index) => index);
  const backward = [...forward].reverse();
  let eslint: Record<string, Finding[]> = {};

  beforeAll(() => {
    eslint = byFile(eslintFindings(cases), forward);
  });

  it('has JS/TS files with findings to compare', () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(Object.values(eslint).flat().length).toBeGreaterThan(30);
  });

  it('ESLint gives the same findings when the files come in the other order', () => {
    expect(byFile(eslintFindings(backward.map((index) => cases[index])), backward)).toEqual(eslint);
  });

  it('ESLint without code path events (facts from the tree) gives the same findings', () => {
    expect(byFile(eslintFindings(cases, { codePathEvents: false }), forward)).toEqual(eslint);
  });

  // Each oxlint run loads the plugin anew (seconds): one run per thread count, in opposite orders.
  it.each([
    { threads: 1, reverse: false },
    { threads: 2, reverse: true },
  ])('oxlint with --threads $threads (files reversed: $reverse) gives ESLint’s findings', async ({ threads, reverse }) => {
    expect(byFile(await oxlintFindings(cases, { threads, reverse }), forward)).toEqual(eslint);
  });
});
