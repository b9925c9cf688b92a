import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fileEntryCache from 'file-entry-cache';
import { ModuleGraph } from 'eslint-plugin-wechat-oa';

/** What the side file keeps: per linted file, the fingerprint of the project modules it imported last time. */
interface Fingerprints {
  version: 1;
  files: Record<string, string>;
}

/**
 * ESLint's `--cache` keys a file's result on the file alone (its size and time, or its content) and the config;
 * but a finding may come from a module the file imports (docs/cross-file.md). So, before a cached run, each
 * file's dependencies are fingerprinted (the contents of every project module it reaches through its imports, as
 * the plugin resolves them), compared with the fingerprints of the last run kept beside ESLint's cache files, and
 * the files whose dependencies changed lose their entries in ESLint's cache: ESLint lints them again. The entries
 * are removed with `file-entry-cache`, the library (and the version) ESLint keeps its cache with. Files that
 * import nothing of the project keep their cached results whatever changes.
 *
 * Returns the files whose cached results were dropped.
 */
export function dropStaleDependants(root: string, files: readonly string[], cacheLocations: readonly string[], fingerprintFile: string): string[] {
  const previous = readFingerprints(fingerprintFile);
  const graph = new ModuleGraph(root);
  const next: Fingerprints = { version: 1, files: { ...previous?.files } };
  const stale: string[] = [];
  for (const file of files) {
    const fingerprint = graph.fingerprintOf(file);
    const before = previous?.files[file];
    // Without a previous fingerprint the cached entry (if any) predates this check: drop it unless the file
    // imports nothing of the project.
    if (before === undefined ? fingerprint !== '' : before !== fingerprint) stale.push(file);
    if (fingerprint === '') delete next.files[file];
    else next.files[file] = fingerprint;
  }
  if (stale.length > 0) {
    for (const location of cacheLocations) {
      if (!existsSync(location)) continue;
      // The same options ESLint gives it for its default "metadata" strategy (lib/cli-engine/lint-result-cache.js).
      const cache = fileEntryCache.create(path.basename(location), path.dirname(location), { useModifiedTime: true, useCheckSum: false });
      for (const file of stale) cache.removeEntry(file);
      cache.reconcile();
    }
  }
  mkdirSync(path.dirname(fingerprintFile), { recursive: true });
  writeFileSync(fingerprintFile, JSON.stringify(next));
  return stale;
}

function readFingerprints(file: string): Fingerprints | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Fingerprints>;
    return data.version === 1 && data.files && typeof data.files === 'object' ? (data as Fingerprints) : undefined;
  } catch {
    return undefined;
  }
}
