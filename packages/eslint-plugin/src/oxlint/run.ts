import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { LineIndex } from '../processors/offset-map.js';
import type { OxlintConfig } from './config.js';

/**
 * Runs the `oxlint` binary (from the `oxlint` npm package) over files and returns its findings as ESLint reports
 * them: the same rule id (`wechat-oa/…`), message and 1-based line/column range in UTF-16 code units, so the two
 * engines' results can be merged, compared and formatted alike (docs/oxlint.md). Used by the CLI's
 * `--engine oxlint` and by the tests that hold both engines to the same findings.
 */
export interface OxlintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A file oxlint could not parse (ESLint's `fatal` message). */
  fatal?: true;
}

export interface OxlintRunOptions {
  /** The `oxlint` package's binary (`resolveOxlint`). */
  binary: string;
  cwd: string;
  /** Absolute paths. */
  files: readonly string[];
  config: OxlintConfig;
  /**
   * The folder to write the `.oxlintrc.json` to (default: a temporary one). oxlint matches the globs of
   * `overrides` against paths relative to it, so a caller with per-folder overrides writes it above the files.
   */
  configFolder?: string;
  /** oxlint's `--threads`; default: its own choice (one per core). */
  threads?: number;
}

/** oxlint's JSON output (`-f json`). */
interface OxlintJson {
  diagnostics: {
    message: string;
    code?: string;
    severity: 'error' | 'warning' | 'advice';
    filename?: string;
    labels?: { span: { offset: number; length: number } }[];
  }[];
}

/** The `oxlint` binary resolved from `from` (a file or folder whose `node_modules` may hold it), or undefined. */
export function resolveOxlint(from: string): string | undefined {
  try {
    const require = createRequire(path.join(from, 'noop.js'));
    const manifest = require.resolve('oxlint/package.json');
    return path.join(path.dirname(manifest), 'bin', 'oxlint');
  } catch {
    return undefined;
  }
}

/** Files per oxlint process: keeps the command line far below every platform's limit. */
const FILES_PER_RUN = 2000;

/** Lints `files` with oxlint; every file gets an entry, also those without findings. */
export async function runOxlint(options: OxlintRunOptions): Promise<Map<string, OxlintMessage[]>> {
  const folder = options.configFolder ?? mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-oxlint-'));
  const results = new Map<string, OxlintMessage[]>(options.files.map((file) => [file, []]));
  const sources = new Map<string, Source>();
  try {
    const configFile = path.join(folder, '.oxlintrc.json');
    writeFileSync(configFile, JSON.stringify(options.config));
    for (let start = 0; start < options.files.length; start += FILES_PER_RUN) {
      const batch = options.files.slice(start, start + FILES_PER_RUN);
      const args = [options.binary, '-c', configFile, '-f', 'json', '--no-ignore', '--max-warnings', String(Number.MAX_SAFE_INTEGER)];
      if (options.threads !== undefined) args.push('--threads', String(options.threads));
      const output = await run(args, [...batch], options.cwd);
      for (const diagnostic of output.diagnostics) {
        // A diagnostic about the run, not a file (a plugin that failed to load, a bad config): a failure to run.
        if (!diagnostic.filename) throw new Error(`oxlint: ${diagnostic.message}`);
        const file = path.resolve(options.cwd, diagnostic.filename);
        const list = results.get(file) ?? [];
        results.set(file, list);
        list.push(toMessage(diagnostic, sourceOf(sources, file)));
      }
    }
  } finally {
    if (options.configFolder === undefined) rmSync(folder, { recursive: true, force: true });
  }
  for (const list of results.values()) list.sort((a, b) => a.line - b.line || a.column - b.column || compare(a.ruleId ?? '', b.ruleId ?? ''));
  return results;
}

function run(args: string[], files: string[], cwd: string): Promise<OxlintJson> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...args, ...files], { cwd, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      // Exit code 1 means "findings"; anything it could not write as JSON is a failure to run.
      const start = stdout.indexOf('{');
      if (start >= 0) {
        try {
          resolve(JSON.parse(stdout.slice(start)) as OxlintJson);
          return;
        } catch {
          // reported below
        }
      }
      reject(new Error(`oxlint failed: ${(stderr || stdout || String(error)).trim().split('\n')[0]}`));
    });
  });
}

/** `wechat-oa(no-auto-redirect)` → `wechat-oa/no-auto-redirect`. */
function ruleIdOf(code: string | undefined): string | null {
  if (!code) return null;
  const match = /^([^()]+)\((.+)\)$/u.exec(code);
  return match ? `${match[1]}/${match[2]}` : code;
}

interface Source {
  lines: LineIndex;
  utf8: Buffer;
}

/** The message at ESLint's position: oxlint's span counts UTF-8 bytes, ESLint's columns UTF-16 code units. */
function toMessage(diagnostic: OxlintJson['diagnostics'][number], source: Source): OxlintMessage {
  const ruleId = ruleIdOf(diagnostic.code);
  const severity = diagnostic.severity === 'error' ? 2 : 1;
  const span = diagnostic.labels?.[0]?.span;
  const start = position(source, span?.offset ?? 0);
  const end = position(source, (span?.offset ?? 0) + (span?.length ?? 0));
  const message: OxlintMessage = { ruleId, severity, message: diagnostic.message, ...start, endLine: end.line, endColumn: end.column };
  if (!ruleId) message.fatal = true;
  return message;
}

/** The file's lines and bytes, read once per run (the text oxlint just linted). */
function sourceOf(sources: Map<string, Source>, file: string): Source {
  let source = sources.get(file);
  if (!source) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // A file that vanished: positions fall back to the first line.
    }
    source = { lines: new LineIndex(text), utf8: Buffer.from(text, 'utf8') };
    sources.set(file, source);
  }
  return source;
}

/** ESLint's 1-based line and column of a UTF-8 byte offset. */
function position(source: Source, byteOffset: number): { line: number; column: number } {
  const index = source.utf8.subarray(0, Math.min(byteOffset, source.utf8.length)).toString('utf8').length;
  const { line, column } = source.lines.position(index);
  return { line, column: column + 1 };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
