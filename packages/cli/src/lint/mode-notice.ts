import path from 'node:path';
import { normalizeLocale, type Locale } from 'eslint-plugin-wechat-oa';
import type { LintArgs } from '../args.js';
import type { RootRun } from './lint-root.js';
import { SETTINGS_FILE } from 'eslint-plugin-wechat-oa/node';

/** One line on stderr saying which files were linted how (stdout stays the report alone). */
export function announceModes(runs: readonly RootRun[], args: LintArgs): void {
  const embedded = runs.reduce((sum, run) => sum + run.embeddedFiles, 0);
  const project = runs.reduce((sum, run) => sum + run.projectFiles, 0);
  if (embedded + project === 0) {
    // Not an error (a --changed run with nothing changed is normal), but a wrong folder should not pass unnoticed.
    const where = args.changed === undefined ? '' : ' among the changed files';
    process.stderr.write(`wechat-oa-lint: no files to lint${where} (JavaScript, TypeScript, Vue or HTML)\n`);
    return;
  }
  if (embedded === 0) return;
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
export function reportLocale(runs: readonly RootRun[]): Locale {
  if (runs.some((run) => run.projectFiles > 0 || (run.embeddedFiles > 0 && !run.usedSettings))) return 'en';
  const locales = new Set(runs.flatMap((run) => [...run.settingsLocales]));
  return locales.size === 1 ? normalizeLocale([...locales][0]) : 'en';
}


/**
 * A folder named on the command line that is itself ignored (by a `.gitignore` or the default ignores) lints
 * nothing of what was asked: say how many files were left out and why, one line per folder.
 */
export function announceIgnoredInputs(runs: readonly RootRun[], cwd: string): void {
  for (const { input, ignoredBy, files } of runs.flatMap((run) => run.ignoredInputs)) {
    const where = path.relative(cwd, input) || '.';
    const by = ignoredBy === 'default' ? 'the default ignores (node_modules, dist, build, coverage, vendored files)' : path.relative(cwd, ignoredBy) || '.gitignore';
    process.stderr.write(
      `wechat-oa-lint: ${files} file${files === 1 ? '' : 's'} in ${where} ${files === 1 ? 'is' : 'are'} excluded by ${by} and ${files === 1 ? 'was' : 'were'} not linted; name ${files === 1 ? 'it' : 'them'} on the command line to lint ${files === 1 ? 'it' : 'them'} anyway\n`,
    );
  }
}

/**
 * What embedded mode left out of the pages it linted, never as a problem (the exit code does not change): one
 * line per page whose template scripts could not be linted, and one line for all the saved copies of other sites'
 * pages, with the way to lint them anyway.
 */
export function announcePages(runs: readonly RootRun[], cwd: string): void {
  const skips = runs.flatMap((run) => run.pages.templateSkips).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, lines, handlers } of skips) {
    const where = path.relative(cwd, file) || file;
    const scripts =
      lines.length === 1
        ? `the template script at line ${lines[0]} was not linted (it parses neither as written nor with its tags masked)`
        : `the template scripts at lines ${lines.join(', ')} were not linted (they parse neither as written nor with their tags masked)`;
    const attributes =
      handlers > 0 ? `; ${handlers} on* attribute${handlers === 1 ? '' : 's'} holding template tags ${handlers === 1 ? 'was' : 'were'} not linted either` : '';
    process.stderr.write(`wechat-oa-lint: ${where}: ${scripts}${attributes}\n`);
  }
  const saved = runs.reduce((sum, run) => sum + run.pages.savedCopies, 0);
  if (saved === 0) return;
  const what = saved === 1 ? "1 saved copy of another site's page was" : `${saved} saved copies of other sites' pages were`;
  process.stderr.write(
    `wechat-oa-lint: ${what} not linted (a "saved from url" comment, or a <base>, canonical link or og:url on another host); ` +
      `to lint ${saved === 1 ? 'it' : 'them'} anyway, set "lintSavedPages": true in ${SETTINGS_FILE}, or add the host to ownHosts if it is your own\n`,
  );
}

/** The closing line of --fix: what the fixes changed. */
export function announceFixes(runs: readonly RootRun[]): void {
  const problems = runs.reduce((sum, run) => sum + run.fixed.problems, 0);
  const files = runs.reduce((sum, run) => sum + run.fixed.files, 0);
  process.stderr.write(
    `wechat-oa-lint: ${problems} problem${problems === 1 ? '' : 's'} fixed in ${files} file${files === 1 ? '' : 's'}\n`,
  );
}
