import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { VENDORED_FILE_NAMES } from 'eslint-plugin-wechat-oa/node';
import ignore, { type Ignore } from 'ignore';

/**
 * Ignores of the embedded mode, in .gitignore syntax relative to the root folder: dependencies, build output,
 * coverage reports, and the vendored files the presets skip too (minified bundles, copies of the JS-SDK).
 */
export const DEFAULT_IGNORES = ['node_modules/', 'dist/', 'build/', 'coverage/', ...VENDORED_FILE_NAMES];

/**
 * Decides whether a path is ignored by the default ignores or by any `.gitignore` on its way down from the top of
 * its git work tree (nested ones included, each relative to its own folder, later ones able to re-include), as git
 * itself does. Without a work tree only the root folder and below are read.
 */
export class IgnoreRules {
  readonly #root: string;
  readonly #defaults = ignore().add(DEFAULT_IGNORES);
  readonly #gitignores = new Map<string, Ignore | null>();
  readonly #top: string;

  constructor(root: string) {
    this.#root = root;
    this.#top = findWorkTreeTop(root) ?? root;
  }

  /** `isDirectory`: folder patterns such as `dist/` only match folders. */
  isIgnored(file: string, isDirectory: boolean): boolean {
    return this.ignoredBy(file, isDirectory) !== undefined;
  }

  /** What ignores the path: `default` for the default ignores, else the `.gitignore` file that decides it. */
  ignoredBy(file: string, isDirectory: boolean): 'default' | string | undefined {
    const suffix = isDirectory ? '/' : '';
    const fromRoot = path.relative(this.#root, file);
    if (fromRoot && !fromRoot.startsWith('..') && this.#defaults.ignores(toPosix(fromRoot) + suffix)) return 'default';
    let ignoredBy: string | undefined;
    for (const folder of this.#foldersAbove(file)) {
      const rules = this.#gitignoreIn(folder);
      if (!rules) continue;
      const result = rules.test(toPosix(path.relative(folder, file)) + suffix);
      if (result.ignored) ignoredBy = path.join(folder, '.gitignore');
      else if (result.unignored) ignoredBy = undefined;
    }
    return ignoredBy;
  }

  /** Folders from the work-tree top (or the root) down to the file's parent, when the file is below it. */
  #foldersAbove(file: string): string[] {
    const base = isInside(file, this.#top) ? this.#top : isInside(file, this.#root) ? this.#root : path.dirname(file);
    const folders: string[] = [];
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      folders.push(folder);
      if (folder === base || folder === path.dirname(folder)) break;
    }
    return folders.reverse();
  }

  #gitignoreIn(folder: string): Ignore | null {
    let rules = this.#gitignores.get(folder);
    if (rules === undefined) {
      const file = path.join(folder, '.gitignore');
      rules = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      this.#gitignores.set(folder, rules);
    }
    return rules;
  }
}

function findWorkTreeTop(start: string): string | undefined {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.git'))) return folder;
    if (folder === path.dirname(folder)) return undefined;
  }
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
