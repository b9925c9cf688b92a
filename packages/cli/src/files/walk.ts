import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IgnoreRules } from './ignore-rules.js';

export interface FoundFile {
  path: string;
  /** Named on the command line: linted even when an ignore pattern matches it. */
  explicit: boolean;
  /** Matched by a default ignore or a `.gitignore`: skipped in embedded mode. */
  ignored: boolean;
}

/** Folders never entered: ESLint ignores them in every mode too. */
const NEVER_ENTERED = new Set(['node_modules', '.git']);

export interface WalkOptions {
  ignoreRules: IgnoreRules;
  /**
   * Whether to enter a folder that an ignore pattern matches: only a project config can lint files there, so the
   * caller says whether one applies (entering `dist/` or a gitignored cache costs a lot when nothing lints it).
   */
  enterIgnoredFolder: (folder: string) => Promise<boolean>;
}

/** Every file under the given files and folders, in a stable order, each once. */
export async function findFiles(inputs: readonly string[], options: WalkOptions): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) await walkFolder(input, false, options, found);
    else if (!found.has(input)) found.set(input, { path: input, explicit: true, ignored: false });
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walkFolder(folder: string, ignoredAbove: boolean, options: WalkOptions, found: Map<string, FoundFile>) {
  // A folder we may not read (permissions, removed meanwhile) holds nothing we can lint.
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    // Symbolic links to folders are not followed: they can loop, and git does not follow them either.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile());
    if (entry.isDirectory()) {
      if (NEVER_ENTERED.has(entry.name)) continue;
      const ignored = ignoredAbove || options.ignoreRules.isIgnored(full, true);
      if (ignored && !(await options.enterIgnoredFolder(full))) continue;
      await walkFolder(full, ignored, options, found);
    } else if (isFile && !found.has(full)) {
      const ignored = ignoredAbove || options.ignoreRules.isIgnored(full, false);
      found.set(full, { path: full, explicit: false, ignored });
    }
  }
}
