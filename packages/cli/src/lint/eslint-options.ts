import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import wechatOa, { SETTINGS_KEY, type Locale, type PresetName, type WechatOaSettings } from 'eslint-plugin-wechat-oa';
import { toPosix } from '../files/ignore-rules.js';

/** Settings of one `.wechat-oa.json`, for the files of its folder that no nearer settings file claims. */
export interface SettingsBlock {
  folder: string;
  /** Folders below `folder` that have a settings file of their own. */
  exceptFolders: string[];
  settings: WechatOaSettings;
}

/**
 * Everything that decides one ESLint instance, as plain JSON: with `--concurrency` the instance is built in each
 * worker thread from an options module that calls `buildEslintOptions` with these values, because plugin objects
 * and the `ruleFilter` function cannot be cloned into workers.
 */
export interface InstanceParams {
  mode: 'project' | 'embedded';
  cwd: string;
  preset: PresetName;
  settingsBlocks: SettingsBlock[];
  locale: Locale | undefined;
  fix: boolean;
  cache: boolean;
  cacheLocation: string;
  concurrency: number | 'auto' | 'off';
}

export const RULE_PREFIX = `${SETTINGS_KEY}/`;

export function isWechatOaRule(ruleId: string): boolean {
  return ruleId.startsWith(RULE_PREFIX);
}

export function buildEslintOptions(params: InstanceParams): ESLint.Options {
  const common: ESLint.Options = {
    cwd: params.cwd,
    fix: params.fix,
    cache: params.cache,
    cacheLocation: params.cacheLocation,
    concurrency: params.concurrency,
    // Files are found and filtered before ESLint sees them; the ones no config covers are dropped quietly.
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
  };
  // Directives about other tools' rules are the project's business, not a compliance finding.
  const quietDirectives: Linter.Config = {
    name: 'wechat-oa-lint/directives',
    linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  };
  const locale: Linter.Config[] = params.locale
    ? [{ name: 'wechat-oa-lint/locale', settings: { [SETTINGS_KEY]: { locale: params.locale } } }]
    : [];
  if (params.mode === 'project') {
    return {
      ...common,
      // Only the wechat-oa rules run, so results match the project's CI and no other plugin's fix is applied.
      ruleFilter: ({ ruleId }) => isWechatOaRule(ruleId),
      overrideConfig: [quietDirectives, ...locale],
    };
  }
  return {
    ...common,
    overrideConfigFile: true,
    overrideConfig: [
      ...wechatOa.configs[params.preset],
      ...params.settingsBlocks.map((block) => settingsConfig(params.cwd, block)),
      quietDirectives,
      ...locale,
    ],
  };
}

function settingsConfig(cwd: string, block: SettingsBlock): Linter.Config {
  const under = (folder: string) => `${escapeGlob(toPosix(path.relative(cwd, folder)))}/**`;
  const relative = path.relative(cwd, block.folder);
  const config: Linter.Config = {
    name: `wechat-oa-lint/settings ${toPosix(relative) || '.'}`,
    settings: { [SETTINGS_KEY]: anchorGlobs(block) },
  };
  // A settings file at or above the root folder applies to every file of this instance.
  if (relative && !relative.startsWith('..')) config.files = [under(block.folder)];
  if (block.exceptFolders.length > 0) config.ignores = block.exceptFolders.map(under);
  return config;
}

/** Setting keys that hold file globs; in `.wechat-oa.json` they are relative to the file's own folder. */
const GLOB_SETTINGS = ['browserFiles', 'serverFiles'] as const;

/**
 * Rules match these globs against the path relative to ESLint's cwd or against the absolute path. The CLI's cwd
 * is often above the project (`wechat-oa-lint test-fixtures/oa-h5`), so the globs are made absolute here.
 */
export function anchorGlobs(block: SettingsBlock): WechatOaSettings {
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

/** Builds the ESLint instance; through an options module written to a temporary folder when it uses workers. */
export class EslintFactory {
  #folder: string | undefined;
  #count = 0;

  async create(params: InstanceParams): Promise<ESLint> {
    if (params.concurrency === 'off') return new ESLint(buildEslintOptions(params));
    this.#folder ??= mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-lint-'));
    const file = path.join(this.#folder, `options-${++this.#count}.mjs`);
    const builder = new URL('./eslint-options.js', import.meta.url).href;
    writeFileSync(
      file,
      `import { buildEslintOptions } from ${JSON.stringify(builder)};\n` +
        `export default buildEslintOptions(${JSON.stringify(params)});\n`,
    );
    return ESLint.fromOptionsModule(pathToFileURL(file));
  }

  dispose(): void {
    if (this.#folder) rmSync(this.#folder, { recursive: true, force: true });
  }
}
