import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import { SETTINGS_KEY } from '../util/settings.js';

/** Prefix of this plugin's rule ids in a config: `wechat-oa/<rule>`. */
export const RULE_PREFIX = `${SETTINGS_KEY}/`;

export function isWechatOaRule(ruleId: string | null | undefined): boolean {
  return typeof ruleId === 'string' && ruleId.startsWith(RULE_PREFIX);
}

/** Whether a rules record turns on at least one wechat-oa rule (levels as words, numbers or `[level, …]`). */
export function enablesWechatOa(rules: Partial<Linter.RulesRecord> | undefined): boolean {
  return Object.entries(rules ?? {}).some(([ruleId, entry]) => isWechatOaRule(ruleId) && severityOf(entry) > 0);
}

function severityOf(entry: Linter.RuleEntry | undefined): number {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
}

/**
 * The mode of one file, from the config ESLint's own lookup finds for it (from the file's folder upward):
 * - `project`: that config enables a wechat-oa rule for the file, so it is linted with that config;
 * - `embedded`: no config, or one without wechat-oa rules for this file: the embedded preset lints it;
 * - `unmatched`: a config was found, but it does not lint the file (it ignores it, or no `files` matches).
 *   Whether the file is left out then depends on whether that config is a wechat-oa config: `isProjectConfig`.
 */
export type ModeDecision =
  | { mode: 'project'; configFile: string }
  | { mode: 'embedded'; configFile?: string }
  | { mode: 'unmatched'; configFile: string };

/** A project config that does not load or is invalid: the project's own ESLint run would fail on it too. */
export class ProjectConfigError extends Error {
  constructor(
    readonly configFile: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ProjectConfigError';
  }

  /** One line (two more lines of code where a fix is to be copied) saying what to change, the file relative to `cwd`. */
  messageFrom(cwd: string): string {
    return describeConfigError(this.cause, this.configFile, cwd);
  }
}

/**
 * Decides the mode of `file` with `lookup`, an ESLint instance that reads the project's configs (loading one runs
 * its code). Throws `ProjectConfigError` when the config does not load.
 */
export async function decideMode(lookup: ESLint, file: string): Promise<ModeDecision> {
  const configFile = await lookup.findConfigFile(file);
  if (!configFile) return { mode: 'embedded' };
  const config = await calculateConfig(lookup, file, configFile);
  if (config === undefined) return { mode: 'unmatched', configFile };
  return enablesWechatOa(config.rules) ? { mode: 'project', configFile } : { mode: 'embedded', configFile };
}

/**
 * Whether a config that leaves a file out is a wechat-oa config, so that the file stays out as in the project's
 * own run: it enables wechat-oa rules for a file at its root, or for another file already decided (`known`).
 */
export async function isProjectConfig(lookup: ESLint, configFile: string, known: ReadonlySet<string> = new Set()): Promise<boolean> {
  if (known.has(configFile)) return true;
  const probe = path.join(path.dirname(configFile), 'wechat-oa-lint-probe.js');
  const config = await calculateConfig(lookup, probe, configFile);
  return config !== undefined && enablesWechatOa(config.rules);
}

async function calculateConfig(lookup: ESLint, file: string, configFile: string): Promise<Linter.Config | undefined> {
  try {
    return (await lookup.calculateConfigForFile(file)) as Linter.Config | undefined;
  } catch (error) {
    throw new ProjectConfigError(configFile, error);
  }
}

/** A rule that threw while linting: a bug of that rule, to be reported as such, never blamed on the config. */
export interface RuleCrash {
  /** The rule, when ESLint could tell (a crash inside the parser's scope analysis names none). */
  ruleId: string | undefined;
  message: string;
}

/**
 * Tells a crash while the rules run from a failure to load the configuration. ESLint tags an error thrown by a
 * rule's listener with `ruleId`, and appends "Occurred while linting <file>" (and `Rule: "<id>"`) to any error
 * thrown while rules run; the tag is lost when the error crosses a worker thread (`--concurrency`), the text is not.
 */
export function ruleCrashOf(error: unknown): RuleCrash | undefined {
  if (!(error instanceof Error)) return undefined;
  const tagged = (error as { ruleId?: unknown }).ruleId;
  const occurred = error.message.includes('\nOccurred while linting ');
  if (typeof tagged !== 'string' && !occurred) return undefined;
  const named = /\nRule: "([^"]+)"/u.exec(error.message)?.[1];
  return { ruleId: typeof tagged === 'string' ? tagged : named, message: error.message.split('\n')[0] ?? error.message };
}

/** ESLint's `messageTemplate` for a rule whose plugin the config does not register. */
const PLUGIN_MISSING = 'config-plugin-missing';

/**
 * Says in one line what is wrong with a project config and what to change; for wechat-oa rules without the
 * plugin, the two lines that register it follow. `cwd` is where paths are shown from.
 */
export function describeConfigError(error: unknown, configFile: string, cwd: string): string {
  const where = path.relative(cwd, configFile) || path.basename(configFile);
  const message = error instanceof Error ? error.message : String(error);
  const text = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  const template = (error as { messageTemplate?: unknown } | null)?.messageTemplate;
  const data = (error as { messageData?: { pluginName?: unknown } } | null)?.messageData;
  if (template === PLUGIN_MISSING && data?.pluginName === SETTINGS_KEY) {
    const { importLine, registerLine } = registrationLines(configFile);
    return (
      `${where} turns on wechat-oa rules but does not register the plugin eslint-plugin-wechat-oa; add these two lines ` +
      `(the second in the config object that sets the rules), or use wechatOa.configs.recommended:\n` +
      `  ${importLine}\n  ${registerLine}`
    );
  }
  const ruleKey = /^Key "rules": Key "([^"]+)": (.*)$/u.exec(text);
  if (ruleKey) return `${where}: invalid options for rule "${ruleKey[1]}": ${ruleKey[2]} Fix them in ${where}.`;
  if (/Cannot find (?:package|module)/u.test(text)) {
    return `${where} cannot be loaded (${text}): install the project's dependencies, or pass --preset recommended to lint with the embedded preset instead`;
  }
  if (error instanceof SyntaxError) {
    const at = syntaxErrorPosition(configFile);
    if (at) return `${where}:${at.line}:${at.column}: syntax error: ${error.message.split('\n')[0]}`;
  }
  return `${where}: ${text}`;
}

function registrationLines(configFile: string): { importLine: string; registerLine: string } {
  const registerLine = "plugins: { 'wechat-oa': wechatOa },";
  return isCommonJs(configFile)
    ? { importLine: "const wechatOa = require('eslint-plugin-wechat-oa');", registerLine }
    : { importLine: "import wechatOa from 'eslint-plugin-wechat-oa';", registerLine };
}

/** Node's rule: `.cjs`/`.cts` are CommonJS, `.mjs`/`.mts` ES modules, others follow the nearest package.json's `type`. */
function isCommonJs(file: string): boolean {
  const extension = path.extname(file);
  if (extension === '.cjs' || extension === '.cts') return true;
  if (extension === '.mjs' || extension === '.mts') return false;
  return nearestPackageType(path.dirname(file)) !== 'module';
}

function nearestPackageType(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const type = readPackageType(path.join(current, 'package.json'));
    if (type !== null) return type;
    if (path.dirname(current) === current) return undefined;
  }
}

function readPackageType(file: string): string | undefined | null {
  if (!existsSync(file)) return null;
  try {
    const type = (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a config file stops parsing. Node's SyntaxError for an ES module names neither line nor column, so the
 * file is parsed again with the parser the presets use, which says where.
 */
function syntaxErrorPosition(configFile: string): { line: number; column: number } | undefined {
  let text: string;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    parse(text, { sourceType: isCommonJs(configFile) ? 'script' : 'module', loc: true, range: true, filePath: configFile });
    return undefined;
  } catch (error) {
    // typescript-estree's TSError: a 1-based line and a 0-based column.
    const located = error as { lineNumber?: unknown; column?: unknown };
    if (typeof located.lineNumber !== 'number' || typeof located.column !== 'number') return undefined;
    return { line: located.lineNumber, column: located.column + 1 };
  }
}
