import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { setActivity } from '../activity.js';
import type { FoundFile } from '../files/walk.js';
import { UsageError } from '../usage-error.js';
import { isWechatOaRule } from './eslint-options.js';

export interface Classified {
  /** Files whose own ESLint config enables a wechat-oa rule: linted with that config. */
  project: string[];
  /** Files linted with the embedded preset. */
  embedded: string[];
  /** The config files that put files into project mode. */
  projectConfigs: Set<string>;
}

/**
 * Decides per file, from the config ESLint 10's own lookup finds for it (from the file's folder upward):
 * project mode when that config enables at least one `wechat-oa/*` rule for the file, embedded mode otherwise
 * (no config, a config without wechat-oa rules, an eslintrc-only project). A file that a project config enabling
 * wechat-oa rules ignores is left out, as the project's own run leaves it out. `lookup` is null with `--preset`.
 */
export async function classifyFiles(
  files: readonly FoundFile[],
  lookup: ESLint | null,
  embedded: ESLint,
): Promise<Classified> {
  const classified: Classified = { project: [], embedded: [], projectConfigs: new Set() };
  const unmatched: { file: FoundFile; configFile: string }[] = [];
  for (const file of files) {
    const configFile = lookup ? await lookup.findConfigFile(file.path) : undefined;
    if (lookup && configFile) {
      const config = await configForFile(lookup, file.path, configFile);
      if (config === undefined) {
        unmatched.push({ file, configFile });
        continue;
      }
      if (enablesWechatOa(config.rules)) {
        classified.project.push(file.path);
        classified.projectConfigs.add(configFile);
        continue;
      }
    }
    if (await coveredByEmbedded(file, embedded)) classified.embedded.push(file.path);
  }
  for (const { file, configFile } of unmatched) {
    if (!classified.projectConfigs.has(configFile) && (await coveredByEmbedded(file, embedded))) {
      classified.embedded.push(file.path);
    }
  }
  return classified;
}

async function coveredByEmbedded(file: FoundFile, embedded: ESLint): Promise<boolean> {
  return (file.explicit || !file.ignored) && !(await embedded.isPathIgnored(file.path));
}

function enablesWechatOa(rules: Partial<Linter.RulesRecord> | undefined): boolean {
  return Object.entries(rules ?? {}).some(([ruleId, entry]) => isWechatOaRule(ruleId) && severityOf(entry) !== 0);
}

function severityOf(entry: Linter.RuleEntry | undefined): number {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
}

async function configForFile(lookup: ESLint, file: string, configFile: string): Promise<Linter.Config | undefined> {
  setActivity(`loading ${path.relative(process.cwd(), configFile) || configFile}`);
  try {
    return (await lookup.calculateConfigForFile(file)) as Linter.Config | undefined;
  } catch (error) {
    throw configError(error, configFile);
  } finally {
    setActivity(undefined);
  }
}

/**
 * A project config that does not load, or that gives a rule a bad option, would fail the project's own ESLint run
 * too: say in one line which file and what to change.
 */
export function configError(error: unknown, configFile: string): UsageError {
  const where = path.relative(process.cwd(), configFile) || configFile;
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/\s*\n\s*/gu, ' ').trim();
  const ruleKey = /^Key "rules": Key "([^"]+)": (.*)$/u.exec(text);
  if (ruleKey) return new UsageError(`${where}: invalid options for rule "${ruleKey[1]}": ${ruleKey[2]} Fix them in ${where}.`);
  if (/Cannot find (?:package|module)/u.test(text)) {
    return new UsageError(
      `${where} cannot be loaded (${text}): install the project's dependencies, or pass --preset recommended to lint with the embedded preset instead`,
    );
  }
  return new UsageError(`${where}: ${text}`);
}
