/**
 * The same files through three engines, with the *built* plugin (dist/, which oxlint loads; the test command
 * builds first): ESLint, ESLint without code path events (what an engine that runs no code path analysis
 * delivers, so the facts come from the tree: analysis/code-paths-ast.ts), and oxlint through the `oxlint` npm
 * package. Findings are compared as (rule, location, message, severity): what docs/oxlint.md promises identical.
 */
import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import plugin, { SCRIPT_FILES } from '../../dist/index.js';
import { oxlintConfig, resolveOxlint, runOxlint, type OxlintConfig } from '../../dist/oxlint/index.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
export const PLUGIN_DIST = path.join(packageRoot, 'dist/index.js');

export interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
}

/** One file to lint: a rule-suite case or a fixture file. */
export interface EngineCase {
  code: string;
  /** Relative to the case's folder. */
  filename: string;
  /** Rule id → options (without the severity); the rules that run. */
  rules: Record<string, readonly unknown[]>;
  /** `settings['wechat-oa']`. */
  settings?: Record<string, unknown>;
}

function finding(message: Omit<Finding, 'endLine' | 'endColumn'> & { endLine?: number; endColumn?: number }): Finding {
  const { ruleId, severity, message: text, line, column, endLine, endColumn } = message;
  return { ruleId, severity, message: text, line, column, endLine, endColumn };
}

function sorted(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)) || a.message.localeCompare(b.message));
}

/** The plugin with every `onCodePath*` listener removed: an engine without code path analysis. */
const withoutCodePathEvents: ESLint.Plugin = {
  ...plugin,
  rules: Object.fromEntries(
    Object.entries(plugin.rules).map(([id, rule]) => [
      id,
      {
        ...rule,
        create(context: Parameters<typeof rule.create>[0]) {
          const listeners = rule.create(context as never) as Record<string, unknown>;
          return Object.fromEntries(Object.entries(listeners).filter(([event]) => !/^on(Unreachable)?CodePath/u.test(event)));
        },
      },
    ]),
  ) as ESLint.Plugin['rules'],
};

/** Lints the cases one after the other with one Linter, in the given order. */
export function eslintFindings(cases: readonly EngineCase[], options: { codePathEvents?: boolean; cwd?: string } = {}): Finding[][] {
  const linter = new Linter({ cwd: options.cwd ?? packageRoot });
  const used = options.codePathEvents === false ? withoutCodePathEvents : plugin;
  return cases.map((test) => {
    const config: Linter.Config[] = [
      {
        files: [...SCRIPT_FILES],
        plugins: { 'wechat-oa': used },
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        settings: test.settings ? { 'wechat-oa': test.settings } : {},
        rules: Object.fromEntries(Object.entries(test.rules).map(([id, ruleOptions]) => [id, ['error', ...ruleOptions]])) as Linter.RulesRecord,
      },
    ];
    const filename = path.join(options.cwd ?? packageRoot, test.filename);
    return sorted(linter.verify(test.code, config, { filename }).map(finding));
  });
}

const oxlintBinary = resolveOxlint(packageRoot);

/**
 * Lints the cases with oxlint: each in a folder of its own (`case-N/<filename>`) under one temporary folder, with
 * an `overrides` entry per case for its rules and options. oxlint has no per-override settings, so cases are
 * run in one oxlint process per distinct settings object. `order` reverses the file list oxlint is given.
 */
export async function oxlintFindings(
  cases: readonly EngineCase[],
  options: { threads?: number; reverse?: boolean } = {},
): Promise<Finding[][]> {
  if (!oxlintBinary) throw new Error('the oxlint package is not installed (a devDependency of the repository root)');
  const root = mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-engines-'));
  try {
    const groups = new Map<string, number[]>();
    cases.forEach((test, index) => {
      const key = JSON.stringify(test.settings ?? null);
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    const results: Finding[][] = cases.map(() => []);
    let groupNumber = 0;
    for (const [settingsKey, indexes] of groups) {
      const folder = path.join(root, `group-${groupNumber++}`);
      const files = indexes.map((index) => {
        const file = path.join(folder, `case-${index}`, cases[index].filename);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, cases[index].code);
        return file;
      });
      const settings = JSON.parse(settingsKey) as Record<string, unknown> | null;
      const base = oxlintConfig('recommended', { plugin: PLUGIN_DIST, only: true });
      const config: OxlintConfig = {
        ...base,
        ...(settings ? { settings: { 'wechat-oa': settings } } : {}),
        rules: {},
        overrides: indexes.map((index) => ({
          files: [`case-${index}/**`],
          rules: Object.fromEntries(Object.entries(cases[index].rules).map(([id, ruleOptions]) => [id, ['error', ...ruleOptions]])),
        })),
      };
      const found = await runOxlint({
        binary: oxlintBinary,
        cwd: folder,
        files: options.reverse ? [...files].reverse() : files,
        config,
        configFolder: folder,
        threads: options.threads,
      });
      indexes.forEach((index, position) => {
        results[index] = sorted((found.get(files[position]) ?? []).map((message) => finding(message)));
      });
    }
    return results;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
