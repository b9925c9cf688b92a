import { DEFAULT_COMMAND, SUBCOMMANDS } from './commands/index.js';
import { UsageError } from './usage-error.js';

/**
 * Runs the command line and returns the exit code: 0 clean, 1 problems at error level (or too many warnings),
 * 2 a usage or configuration error (one line saying what to change) or a crash.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
  try {
    return subcommand ? await subcommand(rest) : await DEFAULT_COMMAND(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wechat-oa-lint: ${error.message}\n`);
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`wechat-oa-lint crashed, please report it with this output:\n${text}\n`);
    }
    return 2;
  }
}
