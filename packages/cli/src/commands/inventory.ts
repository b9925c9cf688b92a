import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import wechatOa, { inventoryToMarkdown, runInventory } from 'eslint-plugin-wechat-oa';
import { IgnoreRules } from '../files/ignore-rules.js';
import { findFiles } from '../files/walk.js';
import { embeddedCoverage } from '../lint/coverage.js';
import { SettingsFiles } from 'eslint-plugin-wechat-oa/node';
import { writeReport } from '../output.js';
import { CLI_NAME, CLI_VERSION } from '../package-info.js';
import { UsageError } from '../usage-error.js';

const INVENTORY_FORMATS = ['markdown', 'json'] as const;
type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** Files the inventory reads: the scripts, Vue components and HTML pages the presets lint. */
const ANALYSED = /\.(?:[cm]?[jt]sx?|vue|html?)$/u;

/** Where the JSON form's schema is published (inside eslint-plugin-wechat-oa, `schema/inventory.schema.json`). */
export const INVENTORY_SCHEMA_URL =
  'https://github.com/wechat-oa-lint/wechat-oa-lint/blob/main/packages/eslint-plugin/schema/inventory.schema.json';

export const INVENTORY_HELP = `Usage: wechat-oa-lint inventory [paths...] [options]

Writes a data map of the project: every place user data is collected (with its S1 consent status), stored
(databases, caches, files, client storage, logs), sent (hosts, third parties) and deleted (delete and expiry
calls, unsubscribe handlers), and the stores that hold user data with no deletion path (S4).

Options:
  -f, --format <markdown|json>  markdown for people (default), json for tools (schema: ${INVENTORY_SCHEMA_URL})
  -o, --output-file <file>      write to a file instead of stdout
  --ignore-pattern <glob>       leave out files matching the glob, relative to the current folder (repeatable);
                                "ignores" in .wechat-oa.json does the same, as for the lint command
  -h, --help                    show this help
`;

interface InventoryArgs {
  paths: string[];
  format: InventoryFormat;
  outputFile: string | undefined;
  ignorePatterns: string[];
  help: boolean;
}

function parseInventoryArgs(argv: readonly string[]): InventoryArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'ignore-pattern': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`inventory: ${(error as Error).message.split('\n')[0]} (see wechat-oa-lint inventory --help)`);
  }
  const format = parsed.values.format ?? 'markdown';
  if (!(INVENTORY_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`inventory: unknown --format "${format}": use ${INVENTORY_FORMATS.join(' or ')}`);
  }
  return {
    paths: parsed.positionals,
    format: format as InventoryFormat,
    outputFile: parsed.values['output-file'],
    ignorePatterns: parsed.values['ignore-pattern'] ?? [],
    help: parsed.values.help === true,
  };
}

/** `wechat-oa-lint inventory [paths…] [--format markdown|json] [--output-file F]`. */
export async function inventoryCommand(argv: readonly string[]): Promise<number> {
  const args = parseInventoryArgs(argv);
  if (args.help) {
    process.stdout.write(INVENTORY_HELP);
    return 0;
  }
  const cwd = process.cwd();
  const inputs = (args.paths.length > 0 ? args.paths : ['.']).map((input) => path.resolve(cwd, input));
  for (const input of inputs) {
    try {
      statSync(input);
    } catch {
      throw new UsageError(`no such file or folder: ${path.relative(cwd, input) || input}`);
    }
  }
  // The inventory root: the current folder when every path is inside it, else the first path's folder.
  const root = inputs.every((input) => !path.relative(cwd, input).startsWith('..')) ? cwd : inputs[0];
  const ignoreRules = new IgnoreRules(root);
  const found = await findFiles(inputs, { ignoreRules, enterIgnoredFolder: async () => false });
  const candidates = found.filter((file) => (file.explicit || !file.ignored) && ANALYSED.test(file.path)).map((file) => file.path);
  const settingsFiles = new SettingsFiles();
  // The files the lint command's embedded mode would lint: `--ignore-pattern`s and `ignores` in .wechat-oa.json
  // leave out the same files here.
  const coverage = embeddedCoverage(root, candidates, { preset: 'recommended', ignorePatterns: args.ignorePatterns, settingsFiles });
  const files: string[] = [];
  for (const file of candidates) if (!(await coverage.isPathIgnored(file))) files.push(file);
  const settings = settingsFiles.nearest(path.join(root, '.wechat-oa-probe'))?.settings;

  const inventory = await runInventory({
    ESLint,
    root,
    files,
    settings,
    plugin: wechatOa,
    toolName: CLI_NAME,
    toolVersion: CLI_VERSION,
  });
  const output =
    args.format === 'json' ? `${JSON.stringify({ $schema: INVENTORY_SCHEMA_URL, ...inventory }, null, 2)}\n` : inventoryToMarkdown(inventory);
  writeReport(cwd, args.outputFile, output);
  return 0;
}
