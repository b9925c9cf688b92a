import { parseArgs } from 'node:util';
import { LOCALES, PRESET_NAMES, type Locale, type PresetName } from 'eslint-plugin-wechat-oa';
import { UsageError } from './usage-error.js';

export const FORMAT_NAMES = ['clauses', 'stylish', 'json', 'sarif', 'markdown', 'gitlab'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const ENGINE_NAMES = ['eslint', 'oxlint'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** The lint command's options after validation. */
export interface LintArgs {
  paths: string[];
  /** Given: embedded mode for every file with this preset. */
  preset: PresetName | undefined;
  format: FormatName;
  outputFile: string | undefined;
  fix: boolean;
  maxWarnings: number | undefined;
  quiet: boolean;
  cache: boolean;
  concurrency: number | 'auto' | 'off';
  /** Who lints embedded-mode JS/TS files (docs/oxlint.md); `.vue`/`.html` and project mode stay with ESLint. */
  engine: EngineName;
  locale: Locale | undefined;
  /** `undefined`: not given; `''`: `--changed` without a base (the merge base with the default branch). */
  changed: string | undefined;
  suppressAll: boolean;
  suppressRules: string[];
  pruneSuppressions: boolean;
  /** `--ignore-pattern`s: flat-config globs relative to the current folder. */
  ignorePatterns: string[];
  help: boolean;
  version: boolean;
  /** `--explain FILE`: say which facts the file got and why, instead of linting. */
  explain: string | undefined;
}

const OPTIONS = {
  preset: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  cache: { type: 'boolean' },
  concurrency: { type: 'string' },
  engine: { type: 'string' },
  locale: { type: 'string' },
  changed: { type: 'string' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'prune-suppressions': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  explain: { type: 'string' },
} as const;

const VALUE_HINTS: Record<string, string> = {
  preset: PRESET_NAMES.join(', '),
  format: FORMAT_NAMES.join(', '),
  'output-file': 'a file path',
  'max-warnings': 'a whole number such as 0',
  concurrency: 'a number of threads, auto or off',
  engine: ENGINE_NAMES.join(', '),
  locale: LOCALES.join(', '),
  'suppress-rule': 'a rule id such as wechat-oa/no-auto-redirect',
  'ignore-pattern': 'a glob such as "legacy/**"',
  explain: 'a file path',
};

export function parseLintArgs(argv: readonly string[]): LintArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: withOptionalChangedValue(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error);
  }
  const { values, positionals } = parsed;
  const engine = oneOf('engine', values.engine, ENGINE_NAMES) ?? 'eslint';
  if (engine === 'oxlint' && values.fix) throw new UsageError('--fix needs the default engine: drop --engine oxlint to apply fixes');
  return {
    paths: positionals,
    preset: oneOf('preset', values.preset, PRESET_NAMES),
    format: oneOf('format', values.format, FORMAT_NAMES) ?? 'clauses',
    outputFile: values['output-file'],
    fix: values.fix ?? false,
    maxWarnings: wholeNumber('max-warnings', values['max-warnings']),
    quiet: values.quiet ?? false,
    cache: values.cache ?? false,
    concurrency: concurrency(values.concurrency),
    engine,
    locale: oneOf('locale', values.locale, LOCALES),
    changed: values.changed,
    suppressAll: values['suppress-all'] ?? false,
    suppressRules: (values['suppress-rule'] ?? []).map(qualifyRuleId),
    pruneSuppressions: values['prune-suppressions'] ?? false,
    ignorePatterns: values['ignore-pattern'] ?? [],
    help: values.help ?? false,
    version: values.version ?? false,
    explain: values.explain,
  };
}

/**
 * `--changed` takes an optional value, which parseArgs cannot express: a bare `--changed` becomes `--changed=`
 * (empty base = the merge base with the default branch), so the next word stays a path.
 */
function withOptionalChangedValue(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, index) => (arg === '--changed' && (end === -1 || index < end) ? '--changed=' : arg));
}

/** `no-auto-redirect` and `wechat-oa/no-auto-redirect` name the same rule. */
function qualifyRuleId(id: string): string {
  return id.includes('/') ? id : `wechat-oa/${id}`;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} ${JSON.stringify(value)} is not supported: use one of ${allowed.join(', ')}`);
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value)) throw new UsageError(`--${name} needs ${VALUE_HINTS[name]}, not ${JSON.stringify(value)}`);
  return Number(value);
}

function concurrency(value: string | undefined): LintArgs['concurrency'] {
  if (value === undefined || value === 'off') return 'off';
  if (value === 'auto') return 'auto';
  const count = /^\d+$/u.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 1)) throw new UsageError(`--concurrency needs ${VALUE_HINTS.concurrency}, not ${JSON.stringify(value)}`);
  return count;
}

interface NodeError extends Error {
  code?: string;
}

/** parseArgs' own messages are long and name internals; say what to change in one line instead. */
function toUsageError(error: unknown): Error {
  if (!(error instanceof Error)) return new UsageError(String(error));
  const { code, message } = error as NodeError;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/u.exec(message)?.[1] ?? message;
    return new UsageError(`unknown option ${option}: run wechat-oa-lint --help to see the options`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([a-z-]+)/u.exec(message)?.[1] ?? '';
    const hint = VALUE_HINTS[name];
    return new UsageError(
      hint ? `--${name} needs a value: ${hint}` : `--${name} takes no value: write it alone, as --${name}`,
    );
  }
  return new UsageError(message.split('\n')[0] ?? message);
}
