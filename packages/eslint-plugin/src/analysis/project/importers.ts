import { readFileSync, statSync } from 'node:fs';
import { MAX_MODULE_BYTES } from './model.js';
import { ProjectResolver } from './resolve.js';

/**
 * Module specifiers of a file's text: `import … from 'x'`, `export … from 'x'`, `import('x')`, `require('x')`.
 * A scan of the text, not a parse: used to choose which files to lint (`--changed`), where one file too many
 * costs a lint and one too few a missed finding.
 */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*(["'])([^"'\n]{1,300})\1/gu;

export function specifiersIn(text: string): string[] {
  const result = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) result.add(match[2]);
  return [...result];
}

/**
 * The files among `candidates` that import one of `changed`, directly or through other candidates (a wrapper of
 * a wrapper): their findings may change with it. Resolution is the plugin's own (project/resolve.ts).
 */
export function importersOf(
  root: string,
  changed: ReadonlySet<string>,
  candidates: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): Set<string> {
  const resolver = new ProjectResolver(root, aliases);
  const importers = new Map<string, string[]>();
  for (const file of candidates) {
    let text: string;
    try {
      if (statSync(file).size > MAX_MODULE_BYTES) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const specifier of specifiersIn(text)) {
      const target = resolver.resolve(specifier, file);
      if (!target) continue;
      const list = importers.get(target);
      if (list) list.push(file);
      else importers.set(target, [file]);
    }
  }
  const result = new Set<string>();
  const pending = [...changed];
  while (pending.length > 0) {
    for (const importer of importers.get(pending.pop() as string) ?? []) {
      if (result.has(importer) || changed.has(importer)) continue;
      result.add(importer);
      pending.push(importer);
    }
  }
  return result;
}
