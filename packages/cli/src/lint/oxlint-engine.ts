import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ESLint, Linter, Rule } from 'eslint';
import wechatOa, { type Locale, type PresetName, type WechatOaSettings } from 'eslint-plugin-wechat-oa';
import { oxlintConfig, resolveOxlint, runOxlint, type OxlintMessage } from 'eslint-plugin-wechat-oa/oxlint';
import { anchorGlobs, RULE_PREFIX, type SettingsFiles } from 'eslint-plugin-wechat-oa/node';
import { UsageError } from '../usage-error.js';

/**
 * `--engine oxlint` (docs/oxlint.md): embedded-mode JavaScript and TypeScript files are linted by oxlint, which
 * loads this CLI's copy of the plugin as a JS plugin; everything else stays with ESLint (`.vue`, `.html`, project
 * mode, and files oxlint cannot parse, so that their parse error reads as ESLint's). The results come back as
 * ESLint's, so formats, suppressions and exit codes do not know which engine ran.
 */

/** The files oxlint lints: what the presets' script block covers. */
const OXLINT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;

export function isOxlintFile(file: string): boolean {
  return OXLINT_FILE.test(file);
}

const cliFolder = path.dirname(fileURLToPath(import.meta.url));

/** The `oxlint` binary: the CLI's optional dependency, else the linted project's own; a usage error without. */
export function oxlintBinary(root: string): string {
  const binary = resolveOxlint(cliFolder) ?? resolveOxlint(root);
  if (!binary) throw new UsageError('--engine oxlint needs the oxlint package: npm install --save-dev oxlint (or use the default engine)');
  return binary;
}

/** The built plugin's entry, which oxlint loads: the same copy ESLint uses in this process. */
function pluginEntry(): string {
  return createRequire(import.meta.url).resolve('eslint-plugin-wechat-oa');
}

export interface OxlintEngineParams {
  root: string;
  preset: PresetName;
  locale: Locale | undefined;
  settingsFiles: SettingsFiles;
  /** oxlint's `--threads` (from `--concurrency <n>`); default: oxlint's own choice. */
  threads: number | undefined;
}

export interface OxlintEngineRun {
  results: ESLint.LintResult[];
  /** The meta of the rules in `results` (what `ESLint#getRulesMetaForResults` gives for ESLint's own). */
  rulesMeta: Record<string, Rule.RuleMetaData>;
  /**
   * Files to lint with ESLint after all: those oxlint could not parse (for ESLint's parse error), and those with a
   * finding of a rule that has automatic fixes (oxlint's output does not say which findings are fixable, and the
   * formats count them).
   */
  toEslint: string[];
}

/** Lints the files with oxlint: one run per `.wechat-oa.json` that applies (oxlint has one settings object per run). */
export async function lintWithOxlint(files: readonly string[], params: OxlintEngineParams): Promise<OxlintEngineRun> {
  const binary = oxlintBinary(params.root);
  const groups = new Map<string | null, { settings: WechatOaSettings | undefined; files: string[] }>();
  for (const file of files) {
    const nearest = params.settingsFiles.nearest(file);
    const key = nearest?.folder ?? null;
    let group = groups.get(key);
    if (!group) {
      const settings = nearest ? anchorGlobs(nearest) : undefined;
      group = { settings: params.locale ? { ...settings, locale: params.locale } : settings, files: [] };
      groups.set(key, group);
    }
    group.files.push(file);
  }
  const run: OxlintEngineRun = { results: [], rulesMeta: {}, toEslint: [] };
  for (const group of groups.values()) {
    const config = oxlintConfig(params.preset, { plugin: pluginEntry(), settings: group.settings, only: true });
    const found = await runOxlint({ binary, cwd: params.root, files: group.files, config, threads: params.threads });
    for (const [filePath, messages] of found) {
      const metas = messages.map(({ ruleId }) => [ruleId, metaOf(ruleId)] as const);
      if (messages.some((message) => message.fatal) || metas.some(([, meta]) => meta?.fixable)) {
        run.toEslint.push(filePath);
        continue;
      }
      run.results.push(toLintResult(filePath, messages));
      for (const [ruleId, meta] of metas) if (ruleId && meta) run.rulesMeta[ruleId] = meta;
    }
  }
  return run;
}

function metaOf(ruleId: string | null): Rule.RuleMetaData | undefined {
  const rule = ruleId?.startsWith(RULE_PREFIX) ? wechatOa.rules[ruleId.slice(RULE_PREFIX.length)] : undefined;
  return rule?.meta as Rule.RuleMetaData | undefined;
}

function toLintResult(filePath: string, found: readonly OxlintMessage[]): ESLint.LintResult {
  const messages: Linter.LintMessage[] = found.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({
    ruleId,
    severity,
    message,
    line,
    column,
    endLine,
    endColumn,
  }));
  const errorCount = messages.filter((message) => message.severity === 2).length;
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount,
    fatalErrorCount: 0,
    warningCount: messages.length - errorCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
