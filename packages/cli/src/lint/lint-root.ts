import path from 'node:path';
import { ESLint, type Rule } from 'eslint';
import { importersOf, type Locale } from 'eslint-plugin-wechat-oa';
import type { LintArgs } from '../args.js';
import { IgnoreRules } from '../files/ignore-rules.js';
import { findFiles, type FoundFile } from '../files/walk.js';
import type { Progress } from '../progress.js';
import { buildEslintOptions, type EslintFactory, type InstanceParams, type SettingsBlock } from './eslint-options.js';
import { classifyFiles, configError } from './modes.js';
import type { SettingsFiles } from './settings-file.js';

/** What linting one root folder gave. */
export interface RootRun {
  results: ESLint.LintResult[];
  rulesMeta: Record<string, Rule.RuleMetaData>;
  projectFiles: number;
  embeddedFiles: number;
  projectConfigs: Set<string>;
  usedSettings: boolean;
  /** Locales set by the `.wechat-oa.json` files used. */
  settingsLocales: Set<Locale | undefined>;
}

export interface RootContext {
  args: LintArgs;
  changed: Set<string> | null;
  settingsFiles: SettingsFiles;
  factory: EslintFactory;
  progress: Progress;
}

/** Lints the given files and folders below one root folder: one ESLint instance per mode. */
export async function lintRoot(root: string, inputs: string[], context: RootContext): Promise<RootRun> {
  const { args, changed, settingsFiles, factory, progress } = context;
  const params = (mode: InstanceParams['mode'], settingsBlocks: SettingsBlock[] = []): InstanceParams => ({
    mode,
    cwd: root,
    preset: args.preset ?? 'recommended',
    settingsBlocks,
    locale: args.locale,
    fix: args.fix,
    cache: args.cache,
    cacheLocation: path.join(root, 'node_modules', '.cache', 'wechat-oa-lint', `${mode}.json`),
    concurrency: args.concurrency,
  });

  progress.update('finding files');
  // With --preset every file is in embedded mode: the project's configs are never loaded.
  const project = args.preset ? null : await factory.create(params('project'));
  const ignoreRules = new IgnoreRules(root);
  let files: FoundFile[] = await findFiles(inputs, {
    ignoreRules,
    enterIgnoredFolder: async (folder) =>
      project !== null && (await project.findConfigFile(path.join(folder, 'wechat-oa-lint-probe.js'))) !== undefined,
  });
  if (changed) {
    // A file that imports a changed module (directly or through another) may report through it: lint it too.
    const importers = importersOf(root, changed, files.map((file) => file.path));
    files = files.filter((file) => changed.has(file.path) || importers.has(file.path));
  }

  progress.update(`reading configs for ${files.length} files`);
  // Which files the embedded preset covers does not depend on settings: ask an in-memory instance.
  const coverage = new ESLint(buildEslintOptions({ ...params('embedded'), cache: false, fix: false, concurrency: 'off' }));
  const classified = await classifyFiles(files, project, coverage);
  const settingsBlocks = blocksFor(classified.embedded, settingsFiles);

  const run: RootRun = {
    results: [],
    rulesMeta: {},
    projectFiles: classified.project.length,
    embeddedFiles: classified.embedded.length,
    projectConfigs: classified.projectConfigs,
    usedSettings: settingsBlocks.length > 0,
    settingsLocales: new Set(settingsBlocks.map((block) => block.settings.locale)),
  };
  const total = classified.project.length + classified.embedded.length;
  const counter = { done: 0, total, progress, batch: args.concurrency === 'off' ? BATCH_SIZE : Infinity };
  progress.update(`linting ${total} files`);
  if (project && classified.project.length > 0) {
    let results: ESLint.LintResult[];
    try {
      results = await lintCounting(project, classified.project, counter);
    } catch (error) {
      // A rule that crashes is a bug to report as such; anything else here comes from the project's config.
      if (error instanceof Error && error.message.includes('Occurred while linting')) throw error;
      throw configError(error, [...classified.projectConfigs][0] ?? root);
    }
    collect(run, project, results);
  }
  if (classified.embedded.length > 0) {
    const embedded = await factory.create(params('embedded', settingsBlocks));
    collect(run, embedded, await lintCounting(embedded, classified.embedded, counter));
  }
  return run;
}

/** Files per `lintFiles` call on one thread, so that the progress line can count; workers get all at once. */
const BATCH_SIZE = 50;

interface Counter {
  done: number;
  total: number;
  progress: Progress;
  batch: number;
}

async function lintCounting(eslint: ESLint, files: readonly string[], counter: Counter): Promise<ESLint.LintResult[]> {
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += counter.batch) {
    const batch = files.slice(start, start + counter.batch);
    results.push(...(await eslint.lintFiles(batch)));
    counter.done += batch.length;
    counter.progress.update(`linting ${counter.total} files, ${counter.done} done`);
  }
  return results;
}

function collect(run: RootRun, eslint: ESLint, results: ESLint.LintResult[]): void {
  run.results.push(...results);
  Object.assign(run.rulesMeta, eslint.getRulesMetaForResults(results));
}

/** One settings block per `.wechat-oa.json` that applies to an embedded-mode file, nearest file winning. */
function blocksFor(files: readonly string[], settingsFiles: SettingsFiles): SettingsBlock[] {
  const found = new Map<string, SettingsBlock>();
  for (const file of files) {
    const nearest = settingsFiles.nearest(file);
    if (nearest && !found.has(nearest.folder)) {
      found.set(nearest.folder, { folder: nearest.folder, exceptFolders: [], settings: nearest.settings });
    }
  }
  const blocks = [...found.values()];
  for (const block of blocks) {
    block.exceptFolders = blocks
      .filter((other) => other !== block && other.folder.startsWith(`${block.folder}${path.sep}`))
      .map((other) => other.folder);
  }
  return blocks;
}

