import { ProjectConfigError, ruleCrashOf, SettingsFileError } from 'eslint-plugin-wechat-oa/node';
import { currentActivity } from './activity.js';
import { DEFAULT_COMMAND, SUBCOMMANDS } from './commands/index.js';
import { UsageError } from './usage-error.js';

/**
 * Runs the command line and returns the exit code: 0 clean, 1 problems at error level (or too many warnings),
 * 2 a usage or configuration error (one line saying what to change) or a crash.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
  let finished = false;
  const onExit = (code: number) => {
    if (finished) return;
    const activity = currentActivity();
    process.stderr.write(
      `wechat-oa-lint: code loaded while ${activity ?? 'linting'} ended the process (exit code ${code}): fix it, or pass --preset recommended to ignore the project's ESLint config\n`,
    );
    process.exitCode = 2;
  };
  process.once('exit', onExit);
  try {
    return subcommand ? await subcommand(rest) : await DEFAULT_COMMAND(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wechat-oa-lint: ${error.message}\n`);
    } else if (error instanceof SettingsFileError || error instanceof ProjectConfigError) {
      process.stderr.write(`wechat-oa-lint: ${error.messageFrom(process.cwd())}\n`);
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const crash = ruleCrashOf(error);
      const what = crash?.ruleId ? `the rule ${crash.ruleId} crashed` : 'wechat-oa-lint crashed';
      process.stderr.write(`${what}, please report it with this output:\n${text}\n`);
    }
    return 2;
  } finally {
    finished = true;
    process.removeListener('exit', onExit);
  }
}
