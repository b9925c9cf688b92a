import path from 'node:path';
import type { ESLint } from 'eslint';
import { decideMode, isProjectConfig } from 'eslint-plugin-wechat-oa/node';
import { setActivity } from '../activity.js';
import type { FoundFile } from '../files/walk.js';

export interface Classified {
  /** Files whose own ESLint config enables a wechat-oa rule: linted with that config. */
  project: string[];
  /** Files linted with the embedded preset. */
  embedded: string[];
  /** The config files that put files into project mode. */
  projectConfigs: Set<string>;
}

/**
 * Decides each file's mode with the plugin's mode module (the language server makes the same decision): project
 * mode when its config enables a wechat-oa rule, embedded mode otherwise. A file that a wechat-oa project config
 * leaves out is left out, as the project's own run leaves it out. `lookup` is null with `--preset`.
 */
export async function classifyFiles(
  files: readonly FoundFile[],
  lookup: ESLint | null,
  embedded: ESLint,
): Promise<Classified> {
  const classified: Classified = { project: [], embedded: [], projectConfigs: new Set() };
  const unmatched: { file: FoundFile; configFile: string }[] = [];
  for (const file of files) {
    const decision = lookup ? await loading(file.path, lookup, () => decideMode(lookup, file.path)) : { mode: 'embedded' as const };
    if (decision.mode === 'project') {
      classified.project.push(file.path);
      classified.projectConfigs.add(decision.configFile);
    } else if (decision.mode === 'unmatched') {
      unmatched.push({ file, configFile: decision.configFile });
    } else if (await coveredByEmbedded(file, embedded)) {
      classified.embedded.push(file.path);
    }
  }
  for (const { file, configFile } of unmatched) {
    const leftOut = await isProjectConfig(lookup!, configFile, classified.projectConfigs);
    if (!leftOut && (await coveredByEmbedded(file, embedded))) classified.embedded.push(file.path);
  }
  return classified;
}

async function coveredByEmbedded(file: FoundFile, embedded: ESLint): Promise<boolean> {
  return (file.explicit || !file.ignored) && !(await embedded.isPathIgnored(file.path));
}

/** Loading a config runs its code: the process-exit notice names the config being loaded. */
async function loading<T>(file: string, lookup: ESLint, load: () => Promise<T>): Promise<T> {
  const configFile = await lookup.findConfigFile(file);
  if (configFile) setActivity(`loading ${path.relative(process.cwd(), configFile) || configFile}`);
  try {
    return await load();
  } finally {
    setActivity(undefined);
  }
}
