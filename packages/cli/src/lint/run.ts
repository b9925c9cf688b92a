import { ESLint, type Rule } from 'eslint';
import type { Locale } from 'eslint-plugin-wechat-oa';
import { SettingsFiles } from 'eslint-plugin-wechat-oa/node';
import type { LintArgs } from '../args.js';
import { changedFiles } from '../files/changed.js';
import { FORMATTERS } from '../formatters/index.js';
import { writeReport } from '../output.js';
import { Progress } from '../progress.js';
import { EslintFactory } from './eslint-options.js';
import { lintRoot, type RootRun } from './lint-root.js';
import { announceFixes, announceIgnoredInputs, announceModes, announcePages, reportLocale } from './mode-notice.js';
import { groupByRoot } from './roots.js';
import { SuppressionsFile } from './suppressions.js';

export interface LintOutcome {
  exitCode: 0 | 1;
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
    announceIgnoredInputs(runs, cwd);
    announcePages(runs, cwd);

    if (args.fix) await ESLint.outputFixes(results);

    const recordsSuppressions = args.suppressAll || args.suppressRules.length > 0;
    if (recordsSuppressions) suppressions.suppress(results, args.suppressAll ? undefined : args.suppressRules);
    const unused = suppressions.apply(results);
    if (args.pruneSuppressions) suppressions.prune(unused);
    if (recordsSuppressions || args.pruneSuppressions) suppressions.save();

    const shown = args.quiet ? ESLint.getErrorResults(results) : results;
    const locale: Locale = args.locale ?? reportLocale(runs);
    const formatterEslint = new ESLint({ cwd });
    const formatted = await FORMATTERS[args.format]({
      results: shown,
      allResults: results,
      rulesMeta,
      cwd,
      locale,
      quiet: args.quiet,
      color: !args.outputFile && process.stdout.isTTY === true && !process.env.NO_COLOR,
      hyperlinks: process.env.FORCE_HYPERLINK === '1' || (!args.outputFile && process.stdout.isTTY === true && process.env.FORCE_HYPERLINK !== '0'),
      loadEslintFormatter: (name) => formatterEslint.loadFormatter(name),
    });
    // ESLint's json formatter ends without a newline (its CLI adds one): files and pipes get whole lines.
    const output = formatted && !formatted.endsWith('\n') ? `${formatted}\n` : formatted;
    writeReport(cwd, args.outputFile, output);
    if (args.fix) announceFixes(runs);

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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
