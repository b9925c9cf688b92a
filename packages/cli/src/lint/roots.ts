import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDirectory, isInside } from '../files/ignore-rules.js';
import { UsageError } from '../usage-error.js';

/**
 * Groups the paths given by the root folder of the ESLint instance that lints them: the current folder for paths
 * inside it; for a path outside it, the path itself (a folder) or its folder (a file), because ESLint ignores
 * files outside its cwd.
 */
export function groupByRoot(cwd: string, inputs: readonly string[]): Map<string, string[]> {
  const roots = new Map<string, string[]>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (!existsSync(absolute)) throw new UsageError(`no such file or folder: ${input}`);
    const root = isInside(absolute, cwd) ? cwd : isDirectory(absolute) ? absolute : path.dirname(absolute);
    if (!roots.has(root)) roots.set(root, []);
    roots.get(root)!.push(absolute);
  }
  return roots;
}
