import path from 'node:path';
import { ESLint, type Rule } from 'eslint';
import { importersOf, type Locale } from 'eslint-plugin-wechat-oa';
import { dropStaleDependants } from './dependency-cache.js';
import {
  embeddedResult,
  ProjectConfigError,
  ruleCrashOf,
  type SettingsBlock,
  type SettingsFiles,
} from 'eslint-plugin-wechat-oa/node';
import type { LintArgs } from '../args.js';
import { IgnoreRules, isDirectory, isInside } from '../files/ignore-rules.js';
import { findFiles, type FoundFile } from '../files/walk.js';
import type { Progress } from '../progress.js';
import { blocksFor, embeddedCoverage } from './coverage.js';
import { buildEslintOptions, type EslintFactory, type InstanceParams } from './eslint-options.js';
import { classifyFiles } from './modes.js';
import { isOxlintFile, lintWithOxlint } from './oxlint-engine.js';
import { pageNotesOf, type PageNotes } from './page-notes.js';

/** Files under a folder named on the command line that the default ignores or a `.gitignore` kept out. */
export interface IgnoredInput {
  input: string;
  /** `default` (the default ignores) or the `.gitignore` file that ignores the folder. */
  ignoredBy: string;
  files: number;
}

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
  ignoredInputs: IgnoredInput[];
  /** With --fix: the problems the fixes removed, and the files they changed. */
  fixed: { problems: number; files: number };
  /** What the embedded preset leaves out of the pages it lints (saved copies, template scripts). */
  pages: PageNotes;
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
    ignorePatterns: args.ignorePatterns,
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

  if (args.cache) {
    // ESLint's cache knows each file alone: a file whose imported modules changed is linted again.
    const cacheFolder = path.join(root, 'node_modules', '.cache', 'wechat-oa-lint');
    dropStaleDependants(
      root,
      files.map((file) => file.path),
      [params('project').cacheLocation, params('embedded').cacheLocation],
      path.join(cacheFolder, 'dependencies.json'),
    );
  }

  progress.update(`reading configs for ${files.length} files`);
  // Which files the embedded preset covers (its `--ignore-pattern`s and the settings files' `ignores`).
  const coverage = embeddedCoverage(root, files.map((file) => file.path), {
    preset: args.preset ?? 'recommended',
    ignorePatterns: args.ignorePatterns,
    settingsFiles,
  });
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
    ignoredInputs: ignoredInputs(inputs, files, classified, ignoreRules),
    fixed: { problems: 0, files: 0 },
    pages: pageNotesOf(classified.embedded, settingsFiles),
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
      if (ruleCrashOf(error)) throw error;
      throw new ProjectConfigError([...classified.projectConfigs][0] ?? root, error);
    }
    collect(run, project, results);
    if (args.fix) await countFixed(run, params('project'), results, (result) => result);
  }
  if (classified.embedded.length > 0) {
    const embedded = await factory.create(params('embedded', settingsBlocks));
    if (args.engine === 'oxlint') {
      // oxlint runs in a process of its own: ESLint lints the files oxlint does not take meanwhile. Files the
      // preset's config ignores (a settings file's `ignores`) are dropped as ESLint drops them.
      const oxlintFiles: string[] = [];
      for (const file of classified.embedded) if (isOxlintFile(file) && !(await embedded.isPathIgnored(file))) oxlintFiles.push(file);
      const threads = typeof args.concurrency === 'number' ? args.concurrency : undefined;
      const oxlintRun = lintWithOxlint(oxlintFiles, { root, preset: params('embedded').preset, locale: args.locale, settingsFiles, threads });
      oxlintRun.catch(() => undefined);
      const eslintFiles = classified.embedded.filter((file) => !isOxlintFile(file));
      if (eslintFiles.length > 0) collect(run, embedded, (await lintCounting(embedded, eslintFiles, counter)).map(embeddedResult));
      const oxlint = await oxlintRun;
      run.results.push(...oxlint.results.map(embeddedResult));
      Object.assign(run.rulesMeta, oxlint.rulesMeta);
      counter.done += oxlint.results.length;
      if (oxlint.toEslint.length > 0) collect(run, embedded, (await lintCounting(embedded, oxlint.toEslint, counter)).map(embeddedResult));
    } else {
      const results = (await lintCounting(embedded, classified.embedded, counter)).map(embeddedResult);
      collect(run, embedded, results);
      if (args.fix) await countFixed(run, params('embedded', settingsBlocks), results, embeddedResult);
    }
  }
  return run;
}

/**
 * Counts what `--fix` fixed: ESLint reports only the problems left after its fix passes, so each changed file is
 * linted once more as it was, without fixing, and the fixable problems it had are compared with those left.
 */
async function countFixed(
  run: RootRun,
  params: InstanceParams,
  results: readonly ESLint.LintResult[],
  filter: (result: ESLint.LintResult) => ESLint.LintResult,
): Promise<void> {
  const changed = results.filter((result) => result.output !== undefined);
  if (changed.length === 0) return;
  const before = new ESLint(buildEslintOptions({ ...params, fix: false, cache: false, concurrency: 'off' }));
  for (const result of changed) {
    const [original] = await before.lintFiles([result.filePath]);
    if (!original) continue;
    const fixable = (r: ESLint.LintResult) => r.fixableErrorCount + r.fixableWarningCount;
    const problems = fixable(filter(original)) - fixable(result);
    if (problems <= 0) continue;
    run.fixed.problems += problems;
    run.fixed.files += 1;
  }
}

/**
 * Folders named on the command line that are themselves ignored (`wechat-oa-lint dist/`, a gitignored folder):
 * how many of the files found there were left out, so that the run says why instead of only "no files to lint".
 */
function ignoredInputs(
  inputs: readonly string[],
  files: readonly FoundFile[],
  classified: { project: string[]; embedded: string[] },
  ignoreRules: IgnoreRules,
): IgnoredInput[] {
  const linted = new Set([...classified.project, ...classified.embedded]);
  const found: IgnoredInput[] = [];
  for (const input of inputs) {
    if (!isDirectory(input)) continue;
    const ignoredBy = ignoreRules.ignoredBy(input, true);
    if (!ignoredBy) continue;
    const left = files.filter((file) => file.ignored && !linted.has(file.path) && isInside(file.path, input)).length;
    if (left > 0) found.push({ input, ignoredBy, files: left });
  }
  return found;
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
