import { inventoryCommand } from './inventory.js';
import { lintCommand } from './lint.js';

/** A subcommand receives the arguments after its name and returns the exit code. */
export type Command = (argv: readonly string[]) => Promise<number>;

/**
 * Subcommands by name. Anything else on the command line is the lint command's, so `wechat-oa-lint src` lints.
 * The data inventory (§3.5) registers `inventory` here.
 */
export const SUBCOMMANDS: Record<string, Command> = { inventory: inventoryCommand };

export const DEFAULT_COMMAND: Command = lintCommand;
