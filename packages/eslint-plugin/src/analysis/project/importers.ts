import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { MAX_MODULE_BYTES } from './model.js';
import { ProjectResolver, projectResolverFor } from './resolve.js';

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

/** Per module path: its size and modification time when read, and whether it (or what it imports) holds a trigger. */
const triggering = new Map<string, { stamp: string; value: boolean }>();

/**
 * Whether a file without trigger words of its own imports a project module that has them, directly or through
 * another module (a wrapper of a wrapper, up to `depth` modules away). Such a file may call a request helper or
 * read a login URL from a config module, so the prefilter lets it through (util/skip-gate.ts). Raw text only: a
 * module is read once per change of its size or time, never parsed here.
 */
export function importsTriggeringModule(
  text: string,
  file: string,
  root: string,
  aliases: Readonly<Record<string, string>>,
  hasTrigger: (moduleText: string) => boolean,
  depth = 3,
): boolean {
  const resolver = projectResolverFor(root, aliases);
  const seen = new Set<string>([file]);
  const visit = (source: string, from: string, left: number): boolean => {
    for (const specifier of specifiersIn(source)) {
      const target = resolver.resolve(specifier, from);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      let stamp: string;
      try {
        const stats = statSync(target);
        if (stats.size > MAX_MODULE_BYTES) continue;
        stamp = `${stats.size}:${stats.mtimeMs}`;
      } catch {
        continue;
      }
      const known = triggering.get(target);
      if (known?.stamp === stamp && (known.value || left <= 1)) {
        if (known.value) return true;
        continue;
      }
      let moduleText: string;
      try {
        moduleText = readFileSync(target, 'utf8');
      } catch {
        continue;
      }
      const value = hasTrigger(moduleText) || (left > 1 && visit(moduleText, target, left - 1));
      triggering.set(target, { stamp, value });
      if (value) return true;
    }
    return false;
  };
  return visit(text, file, depth);
}

/**
 * The project modules files import, directly or through each other, as the plugin resolves them: what a file's
 * findings may depend on besides its own text. Texts are read once per instance (one run of the CLI).
 */
export class ModuleGraph {
  readonly #resolver: ProjectResolver;
  readonly #direct = new Map<string, readonly string[]>();
  readonly #hashes = new Map<string, string>();
  readonly #texts: ReadonlyMap<string, string>;

  /** `texts`: modules whose current text is not the disk's (open in an editor, unsaved). */
  constructor(root: string, aliases: Readonly<Record<string, string>> = {}, texts: ReadonlyMap<string, string> = new Map()) {
    this.#resolver = new ProjectResolver(root, aliases);
    this.#texts = texts;
  }

  /** Whether the file reaches one of `modules` through its imports. */
  dependsOnAny(file: string, modules: ReadonlySet<string>): boolean {
    return this.dependenciesOf(file).some((dependency) => modules.has(dependency));
  }

  /** Every project module the file reaches through its imports (itself excluded), sorted. */
  dependenciesOf(file: string): string[] {
    const seen = new Set<string>([file]);
    const pending = [file];
    while (pending.length > 0) {
      for (const target of this.#directOf(pending.pop() as string)) {
        if (seen.has(target)) continue;
        seen.add(target);
        pending.push(target);
      }
    }
    seen.delete(file);
    return [...seen].sort();
  }

  /**
   * A fingerprint of the contents of the modules the file depends on: it changes when one of them changes, is
   * added, removed, or starts or stops resolving. Empty when the file imports no project module.
   */
  fingerprintOf(file: string): string {
    const dependencies = this.dependenciesOf(file);
    if (dependencies.length === 0) return '';
    const hash = createHash('sha1');
    for (const dependency of dependencies) hash.update(`${dependency}\u0000${this.#hashOf(dependency)}\u0000`);
    return hash.digest('hex');
  }

  #directOf(file: string): readonly string[] {
    let direct = this.#direct.get(file);
    if (direct) return direct;
    const text = this.#read(file);
    const targets = new Set<string>();
    if (text !== undefined) {
      for (const specifier of specifiersIn(text)) {
        const target = this.#resolver.resolve(specifier, file);
        if (target && target !== file) targets.add(target);
      }
    }
    direct = [...targets];
    this.#direct.set(file, direct);
    return direct;
  }

  #hashOf(file: string): string {
    let hash = this.#hashes.get(file);
    if (hash === undefined) {
      const text = this.#read(file);
      hash = text === undefined ? 'missing' : createHash('sha1').update(text).digest('hex');
      this.#hashes.set(file, hash);
    }
    return hash;
  }

  /** A module's text; undefined when missing, unreadable or over the size summaries read (then it ends the chain). */
  #read(file: string): string | undefined {
    const open = this.#texts.get(file);
    if (open !== undefined) return open;
    try {
      const size = statSync(file).size;
      if (size > MAX_MODULE_BYTES) return `size:${size}`;
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
}
