import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Rule } from 'eslint';
import { normalizeLocale, type Locale } from 'eslint-plugin-wechat-oa';
import type { LintArgs } from '../args.js';
import { changedFiles } from '../files/changed.js';
import { IgnoreRules } from '../files/ignore-rules.js';
import { findFiles, type FoundFile } from '../files/walk.js';
import { FORMATTERS } from '../formatters/index.js';
import { Progress } from '../progress.js';
import { buildEslintOptions, EslintFactory, type InstanceParams, type SettingsBlock } from './eslint-options.js';
import { classifyFiles, configError } from './modes.js';
import { groupByRoot } from './roots.js';
import { SettingsFiles, SETTINGS_FILE } from './settings-file.js';
import { SuppressionsFile } from './suppressions.js';

export interface LintOutcome {
  exitCode: 0 | 1;
}

interface RootRun {
  results: ESLint.LintResult[];
  rulesMeta: Record<string, Rule.RuleMetaData>;
  projectFiles: number;
  embeddedFiles: number;
  projectConfigs: Set<string>;
  usedSettings: boolean;
  /** Locales set by the `.wechat-oa.json` files used. */
  settingsLocales: Set<Locale | undefined>;
}

/** The lint command (§3.3): find files, pick each file's mode, lint, apply suppressions, report, exit code. */
export async function runLint(args: LintArgs, cwd = process.cwd()): Promise<LintOutcome> {
  const progress = new Progress();
  const factory = new EslintFactory();
  try {
    const roots = groupByRoot(cwd, args.paths.length > 0 ? args.paths : ['.']);
    // Read before linting, so that a broken file stops the run at once.
    const suppressions = new SuppressionsFile(cwd);
    const changed = args.changed === undefined ? null : changedFiles(cwd, args.changed);
    const settingsFiles = new SettingsFiles();
    const runs: RootRun[] = [];
    for (const [root, inputs] of roots) {
      runs.push(await lintRoot(root, inputs, { args, changed, settingsFiles, factory, progress }));
    }
    progress.stop();
    const results = runs.flatMap((run) => run.results).sort((a, b) => compare(a.filePath, b.filePath));
    const rulesMeta = Object.assign({}, ...runs.map((run) => run.rulesMeta)) as Record<string, Rule.RuleMetaData>;
    announceModes(runs, args);

    if (args.fix) await ESLint.outputFixes(results);

    const recordsSuppressions = args.suppressAll || args.suppressRules.length > 0;
    if (recordsSuppressions) suppressions.suppress(results, args.suppressAll ? undefined : args.suppressRules);
    const unused = suppressions.apply(results);
    if (args.pruneSuppressions) suppressions.prune(unused);
    if (recordsSuppressions || args.pruneSuppressions) suppressions.save();

    const shown = args.quiet ? ESLint.getErrorResults(results) : results;
    const locale: Locale = args.locale ?? reportLocale(runs);
    const formatterEslint = new ESLint({ cwd });
    const output = await FORMATTERS[args.format]({
      results: shown,
      allResults: results,
      rulesMeta,
      cwd,
      locale,
      quiet: args.quiet,
      color: !args.outputFile && process.stdout.isTTY === true && !process.env.NO_COLOR,
      loadEslintFormatter: (name) => formatterEslint.loadFormatter(name),
    });
    if (args.outputFile) {
      const file = path.resolve(cwd, args.outputFile);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, output);
    } else {
      process.stdout.write(output);
    }

    const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
    const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
    const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
    if (tooManyWarnings) {
      process.stderr.write(
        `wechat-oa-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings} allows\n`,
      );
    }
    return { exitCode: errors > 0 || tooManyWarnings ? 1 : 0 };
  } finally {
    progress.stop();
    factory.dispose();
  }
}

interface RootContext {
  args: LintArgs;
  changed: Set<string> | null;
  settingsFiles: SettingsFiles;
  factory: EslintFactory;
  progress: Progress;
}

async function lintRoot(root: string, inputs: string[], context: RootContext): Promise<RootRun> {
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
  if (changed) files = files.filter((file) => changed.has(file.path));

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
  progress.update(`linting ${classified.project.length + classified.embedded.length} files`);
  if (project && classified.project.length > 0) {
    let results: ESLint.LintResult[];
    try {
      results = await project.lintFiles(classified.project);
    } catch (error) {
      throw configError(error, [...classified.projectConfigs][0] ?? root);
    }
    collect(run, project, results);
  }
  if (classified.embedded.length > 0) {
    const embedded = await factory.create(params('embedded', settingsBlocks));
    collect(run, embedded, await embedded.lintFiles(classified.embedded));
  }
  return run;
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

/** One line on stderr saying which files were linted how (stdout stays the report alone). */
function announceModes(runs: readonly RootRun[], args: LintArgs): void {
  const embedded = runs.reduce((sum, run) => sum + run.embeddedFiles, 0);
  if (embedded === 0) return;
  const project = runs.reduce((sum, run) => sum + run.projectFiles, 0);
  const preset = args.preset ?? 'recommended';
  const reason = args.preset
    ? `--preset ${preset}`
    : project > 0
      ? `${project} other file${project === 1 ? '' : 's'} use${project === 1 ? 's' : ''} the project's ESLint config`
      : 'no ESLint config enabling wechat-oa rules found';
  const settings = runs.some((run) => run.usedSettings) ? `, settings from ${SETTINGS_FILE}` : '';
  process.stderr.write(
    `wechat-oa-lint: linting ${embedded} file${embedded === 1 ? '' : 's'} with the embedded ${preset} preset (${reason}${settings})\n`,
  );
}

/**
 * Without --locale, the report speaks the language the messages are in when every settings file used agrees on
 * one (`"locale": "zh-CN"` in `.wechat-oa.json`); otherwise English, the rules' default.
 */
function reportLocale(runs: readonly RootRun[]): Locale {
  if (runs.some((run) => run.projectFiles > 0 || (run.embeddedFiles > 0 && !run.usedSettings))) return 'en';
  const locales = new Set(runs.flatMap((run) => [...run.settingsLocales]));
  return locales.size === 1 ? normalizeLocale([...locales][0]) : 'en';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
