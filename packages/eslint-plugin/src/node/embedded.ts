import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { SETTINGS_KEY, type WechatOaSettings } from '../util/settings.js';
import { isWechatOaRule } from './modes.js';
import type { SettingsFile } from './settings-file.js';

/**
 * Directive comments about other tools' rules are the project's business, not a compliance finding: with only the
 * wechat-oa rules running, every `eslint-disable` for another rule would look unused, and `--fix` would delete it.
 * Used in both modes (in project mode ESLint already skips directives of rules a `ruleFilter` leaves out, but not
 * blanket `eslint-disable-line` comments that only another rule needed).
 */
export const QUIET_DIRECTIVES: Linter.Config = {
  name: 'wechat-oa/quiet-directives',
  linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
};

/**
 * A parse error, as ESLint's parser service builds it: fatal, no rule, and a position without an end. Problems
 * ESLint raises about comments (`/* eslint-env *\/`, a rule configured twice in comments, a malformed
 * `/* eslint *\/`) are fatal or errors too, but always carry the comment's whole range.
 */
export function isParseError(message: Linter.LintMessage): boolean {
  return message.ruleId === null && message.fatal === true && message.endLine === undefined;
}

/**
 * What embedded mode reports: wechat-oa findings and parse errors. ESLint has no option that stops it from
 * reporting another tool's rule id in a disable comment ("Definition for rule '@typescript-eslint/…' was not
 * found"), `/* eslint-env *\/` comments or clashing inline configs; in embedded mode only wechat-oa rules run, so
 * every other message is about such a comment (unused directives are already off through `QUIET_DIRECTIVES`).
 */
export function isEmbeddedProblem(message: Linter.LintMessage): boolean {
  return message.ruleId === null ? isParseError(message) : isWechatOaRule(message.ruleId);
}

/** The result with only embedded mode's problems, its counts recomputed. */
export function embeddedResult(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter(isEmbeddedProblem);
  if (messages.length === result.messages.length) return result;
  return { ...result, messages, ...countsOf(messages) };
}

function countsOf(messages: readonly Linter.LintMessage[]) {
  const counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const message of messages) {
    if (message.severity === 2) {
      counts.errorCount += 1;
      if (message.fatal) counts.fatalErrorCount += 1;
      if (message.fix) counts.fixableErrorCount += 1;
    } else {
      counts.warningCount += 1;
      if (message.fix) counts.fixableWarningCount += 1;
    }
  }
  return counts;
}

/** One `.wechat-oa.json` applied to the files of its folder that no nearer settings file claims. */
export interface SettingsBlock {
  folder: string;
  /** Folders below `folder` that have a settings file of their own. */
  exceptFolders: string[];
  settings: WechatOaSettings;
  ignores: string[];
}

export function settingsBlockOf(found: SettingsFile, exceptFolders: string[] = []): SettingsBlock {
  return { folder: found.folder, exceptFolders, settings: found.settings, ignores: found.ignores };
}

/**
 * The flat-config objects of one settings file for an ESLint instance whose cwd is `cwd`: its settings for the
 * files below its folder, and its `ignores` as global ignores relative to its folder (`basePath`), the way a
 * config file's own `ignores` read.
 */
export function settingsConfigs(cwd: string, block: SettingsBlock): Linter.Config[] {
  const under = (folder: string) => `${escapeGlob(toPosix(path.relative(cwd, folder)))}/**`;
  const relative = path.relative(cwd, block.folder);
  const config: Linter.Config = {
    name: `wechat-oa/settings-file ${toPosix(relative) || '.'}`,
    settings: { [SETTINGS_KEY]: anchorGlobs(block) },
  };
  // A settings file at or above the cwd applies to every file of the instance.
  if (relative && !relative.startsWith('..')) config.files = [under(block.folder)];
  if (block.exceptFolders.length > 0) config.ignores = block.exceptFolders.map(under);
  const configs = [config];
  if (block.ignores.length > 0) {
    configs.push({
      name: `wechat-oa/settings-file-ignores ${toPosix(relative) || '.'}`,
      basePath: block.folder,
      ignores: [...block.ignores],
    } as Linter.Config);
  }
  return configs;
}

/** Setting keys that hold file globs; in `.wechat-oa.json` they are relative to the file's own folder. */
const GLOB_SETTINGS = ['browserFiles', 'serverFiles'] as const;

/**
 * Rules match these globs against the path relative to ESLint's cwd or against the absolute path. The CLI's cwd
 * is often above the project (`wechat-oa-lint test-fixtures/oa-h5`), so the globs are made absolute here.
 */
export function anchorGlobs(block: Pick<SettingsBlock, 'folder' | 'settings'>): WechatOaSettings {
  const settings: WechatOaSettings = { ...block.settings };
  for (const key of GLOB_SETTINGS) {
    const globs = settings[key];
    if (!globs) continue;
    settings[key] = globs.map((glob) =>
      path.isAbsolute(glob) ? glob : `${escapeGlob(toPosix(block.folder))}/${glob.replace(/^\.\//u, '')}`,
    );
  }
  return settings;
}

function escapeGlob(pattern: string): string {
  return pattern.replace(/[*?[\]{}()!+@\\]/gu, '\\$&');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
