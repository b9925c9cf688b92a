import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REPO_ROOT = path.resolve(CLI_ROOT, '../..');
export const CLI_BIN = path.join(CLI_ROOT, 'bin', 'wechat-oa-lint.js');
export const FIXTURES = path.join(REPO_ROOT, 'test-fixtures');
export const PLUGIN_ROOT = path.join(REPO_ROOT, 'packages', 'eslint-plugin');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a process, the way a user or CI does. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];

/** A fresh folder under the system temp folder, outside the repository (no config or .gitignore above it). */
export function tempDir(prefix = 'wechat-oa-lint-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temporary copy of `test-fixtures/<name>`. */
export function copyFixture(name: string): string {
  const dir = tempDir(`wechat-oa-fixture-${name}-`);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Writes files (path → content) under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/**
 * Makes `root/node_modules/<name>` point at a package folder, so that a scratch project's `eslint.config.js`
 * resolves `eslint-plugin-wechat-oa` (the workspace package) and `eslint` (the chosen major) as an installed
 * project would.
 */
export function linkPackage(root: string, name: string, target: string): void {
  const link = path.join(root, 'node_modules', name);
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link, 'dir');
}

export interface Finding {
  file: string;
  rule: string | null;
  line: number;
  column: number;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number }[];
}

/** ESLint JSON output → sorted findings with paths relative to `root`. */
export function findingsOf(json: string, root: string): Finding[] {
  const results = JSON.parse(json) as JsonResult[];
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(root, result.filePath).split(path.sep).join('/'),
        rule: message.ruleId,
        line: message.line,
        column: message.column,
      })),
    )
    .sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.rule).localeCompare(String(b.rule))
  );
}
