import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import wechatOa, { SETTINGS_KEY, type Locale, type PresetName } from 'eslint-plugin-wechat-oa';
import { isWechatOaRule, QUIET_DIRECTIVES, settingsConfigs, type SettingsBlock } from 'eslint-plugin-wechat-oa/node';

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
  /** `--ignore-pattern`s, relative to `cwd` as ESLint's own option reads them. */
  ignorePatterns: string[];
}

export function buildEslintOptions(params: InstanceParams): ESLint.Options {
  const common: ESLint.Options = {
    cwd: params.cwd,
    fix: params.fix,
    cache: params.cache,
    cacheLocation: params.cacheLocation,
    concurrency: params.concurrency,
    ignorePatterns: params.ignorePatterns,
    // Files are found and filtered before ESLint sees them; the ones no config covers are dropped quietly.
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
  };
  const locale: Linter.Config[] = params.locale
    ? [{ name: 'wechat-oa-lint/locale', settings: { [SETTINGS_KEY]: { locale: params.locale } } }]
    : [];
  if (params.mode === 'project') {
    return {
      ...common,
      // Only the wechat-oa rules run, so results match the project's CI and no other plugin's fix is applied.
      ruleFilter: ({ ruleId }) => isWechatOaRule(ruleId),
      overrideConfig: [QUIET_DIRECTIVES, ...locale],
    };
  }
  return {
    ...common,
    overrideConfigFile: true,
    overrideConfig: [
      ...wechatOa.configs[params.preset],
      ...params.settingsBlocks.flatMap((block) => settingsConfigs(params.cwd, block)),
      QUIET_DIRECTIVES,
      ...locale,
    ],
  };
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
