import path from 'node:path';
import { ESLint } from 'eslint';
import type { PresetName } from 'eslint-plugin-wechat-oa';
import { settingsBlockOf, type SettingsBlock, type SettingsFiles } from 'eslint-plugin-wechat-oa/node';
import { buildEslintOptions } from './eslint-options.js';

/** One settings block per `.wechat-oa.json` that applies to one of `files`, nearest file winning. */
export function blocksFor(files: readonly string[], settingsFiles: SettingsFiles): SettingsBlock[] {
  const found = new Map<string, SettingsBlock>();
  for (const file of files) {
    const nearest = settingsFiles.nearest(file);
    if (nearest && !found.has(nearest.folder)) found.set(nearest.folder, settingsBlockOf(nearest));
  }
  const blocks = [...found.values()];
  for (const block of blocks) {
    block.exceptFolders = blocks
      .filter((other) => other !== block && other.folder.startsWith(`${block.folder}${path.sep}`))
      .map((other) => other.folder);
  }
  return blocks;
}

export interface CoverageOptions {
  preset: PresetName;
  /** `--ignore-pattern`s, relative to `root` as ESLint's own option reads them. */
  ignorePatterns: string[];
  settingsFiles: SettingsFiles;
}

/**
 * An in-memory ESLint instance whose `isPathIgnored` says which of `files` embedded mode covers: the preset's
 * files, minus the `--ignore-pattern`s and the `ignores` of every `.wechat-oa.json` that applies to one of them.
 * The lint command and the inventory ask the same instance, so both leave out the same files.
 */
export function embeddedCoverage(root: string, files: readonly string[], options: CoverageOptions): ESLint {
  return new ESLint(
    buildEslintOptions({
      mode: 'embedded',
      cwd: root,
      preset: options.preset,
      settingsBlocks: blocksFor(files, options.settingsFiles),
      locale: undefined,
      fix: false,
      cache: false,
      // Never written (no cache), but ESLint wants a path.
      cacheLocation: path.join(root, 'node_modules', '.cache', 'wechat-oa-lint', 'embedded.json'),
      concurrency: 'off',
      ignorePatterns: options.ignorePatterns,
    }),
  );
}
