import { parseLintArgs } from '../args.js';
import { explainFile } from '../explain.js';
import { HELP } from '../help.js';
import { runLint } from '../lint/run.js';
import { versionText } from '../version.js';

/** `wechat-oa-lint [paths…] [options]`: the default command. */
export async function lintCommand(argv: readonly string[]): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${versionText()}\n`);
    return 0;
  }
  if (args.explain !== undefined) return explainFile(args.explain);
  return (await runLint(args)).exitCode;
}
