import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { toPosix } from '../files/ignore-rules.js';
import { UsageError } from '../usage-error.js';

/**
 * The tool's own suppressions file. It has ESLint's suppressions format, but not ESLint's file name: a project
 * whose ESLint found `eslint-suppressions.json` would apply (or reject) entries for rules it does not run.
 */
export const SUPPRESSIONS_FILE = 'wechat-oa-suppressions.json';

/** ESLint's format: file (relative to the folder of the suppressions file, POSIX) → rule id → error count. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/*
 * ESLint 10's API applies a suppressions file by path (`applySuppressions`, `suppressionsLocation`), but keys it by
 * each instance's cwd, and this tool runs one instance per root folder and mode; writing (`--suppress-*`,
 * `--prune-suppressions`) is CLI-only in ESLint. So the same algorithm is applied here, over all results at once:
 * a rule's errors in a file are suppressed while they are at most the recorded count (errors only, as ESLint).
 */
export class SuppressionsFile {
  readonly file: string;
  readonly #folder: string;
  #data: Suppressions;

  constructor(folder: string) {
    this.#folder = folder;
    this.file = path.join(folder, SUPPRESSIONS_FILE);
    this.#data = this.#load();
  }

  #load(): Suppressions {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Suppressions;
    } catch (error) {
      throw new UsageError(
        `${SUPPRESSIONS_FILE} is not valid JSON (${(error as Error).message}): fix it, or delete it and run --suppress-all`,
      );
    }
  }

  #key(filePath: string): string {
    return toPosix(path.relative(this.#folder, filePath));
  }

  /** Records the current error counts of the given rules (all rules when `rules` is undefined). */
  suppress(results: readonly ESLint.LintResult[], rules: readonly string[] | undefined): void {
    for (const result of results) {
      const key = this.#key(result.filePath);
      for (const [ruleId, count] of errorCountsByRule(result.messages)) {
        if (rules && !rules.includes(ruleId)) continue;
        this.#data[key] ??= {};
        this.#data[key][ruleId] = { count };
      }
    }
  }

  /** Moves suppressed errors to `suppressedMessages`; returns the counts recorded but not matched any more. */
  apply(results: ESLint.LintResult[]): Suppressions {
    const unused: Suppressions = {};
    for (const result of results) {
      const key = this.#key(result.filePath);
      const recorded = this.#data[key];
      if (!recorded) continue;
      const counts = errorCountsByRule(result.messages);
      for (const [ruleId, { count: allowed }] of Object.entries(recorded)) {
        const count = counts.get(ruleId) ?? 0;
        if (count > 0 && count <= allowed) suppressRule(result, ruleId);
        if (count < allowed) (unused[key] ??= {})[ruleId] = { count: allowed - count };
      }
    }
    return unused;
  }

  /** Lowers or drops recorded counts that current results no longer reach, and entries of deleted files. */
  prune(unused: Suppressions): void {
    for (const [key, rules] of Object.entries(unused)) {
      const recorded = this.#data[key];
      if (!recorded) continue;
      for (const [ruleId, { count }] of Object.entries(rules)) {
        const entry = recorded[ruleId];
        if (!entry) continue;
        if (entry.count <= count) delete recorded[ruleId];
        else entry.count -= count;
      }
      if (Object.keys(recorded).length === 0) delete this.#data[key];
    }
    for (const key of Object.keys(this.#data)) {
      if (!existsSync(path.resolve(this.#folder, key))) delete this.#data[key];
    }
  }

  /** Writes the file with sorted keys and two-space indentation, as ESLint does, so diffs stay small. */
  save(): void {
    writeFileSync(this.file, `${JSON.stringify(sortKeys(this.#data), null, 2)}\n`);
  }
}

function errorCountsByRule(messages: readonly Linter.LintMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.severity === 2 && message.ruleId) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  }
  return counts;
}

function suppressRule(result: ESLint.LintResult, ruleId: string): void {
  const moved = result.messages.filter((message) => message.ruleId === ruleId);
  result.messages = result.messages.filter((message) => message.ruleId !== ruleId);
  result.suppressedMessages = [
    ...result.suppressedMessages,
    ...moved.map((message) => ({ ...message, suppressions: [{ kind: 'file', justification: '' }] })),
  ];
  recount(result);
}

/** Recomputes a result's counters from its messages, as ESLint's `calculateStatsPerFile`. */
export function recount(result: ESLint.LintResult): void {
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of result.messages) {
    if (message.severity === 2) {
      errorCount += 1;
      if (message.fatal) fatalErrorCount += 1;
      if (message.fix) fixableErrorCount += 1;
    } else {
      warningCount += 1;
      if (message.fix) fixableWarningCount += 1;
    }
  }
  Object.assign(result, { errorCount, fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount });
}

function sortKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
