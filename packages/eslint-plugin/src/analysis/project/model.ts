import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { parseModule } from './parse.js';
import { type ProjectResolver, projectResolverFor } from './resolve.js';
import { buildSummary, type SummarySource } from './summary.js';
import type { ExportValue, ModuleSummary, Origin } from './types.js';

/** Modules larger than this are never parsed for a summary (minified bundles, generated tables). */
export const MAX_MODULE_BYTES = 1024 * 1024;
const MAX_LINK_DEPTH = 16;

/** Builds the analysis of a module the summary reads; set by the file analysis (analysis/index.ts). */
export type Analyze = (file: string, sourceCode: Readonly<TSESLint.SourceCode>) => SummarySource;

interface Entry {
  mtimeMs: number;
  size: number;
  hash: string;
  summary: ModuleSummary | null;
}

/** What a lookup finds: a value, an object, a function, or a whole module's namespace. */
export type Found = Exclude<ExportValue, { kind: 'link' }> | { readonly kind: 'module'; readonly file: string };

/**
 * The modules of one project (one root and one set of `aliases`), summarised on demand and cached by path and
 * content hash for the life of the process, the way eslint-plugin-import's ExportMap keeps one entry per
 * resolved file (`src/exportMap/builder.js`). A file ESLint lints in the same run lends its own parse
 * (`noteLinted`), so it is not parsed twice. Cycles, missing, unparsable and oversized modules give no summary.
 */
export class ProjectModel {
  readonly resolver: ProjectResolver;
  readonly #analyze: Analyze;
  readonly #entries = new Map<string, Entry>();
  readonly #building = new Set<string>();
  /** The modules being summarised, innermost last: each summary a build reads makes the builder its dependant. */
  readonly #stack: string[] = [];
  /** Module → modules whose summaries read its summary, dropped with it. */
  readonly #dependants = new Map<string, Set<string>>();
  readonly #linted = new Map<string, WeakRef<Readonly<TSESLint.SourceCode>>>();
  /** Texts of modules open in an editor, newer than the disk (set by the language server). */
  readonly #overrides = new Map<string, string>();

  constructor(root: string, aliases: Readonly<Record<string, string>>, analyze: Analyze) {
    this.resolver = projectResolverFor(root, aliases);
    this.#analyze = analyze;
  }

  get root(): string {
    return this.resolver.root;
  }

  /** A file ESLint is linting: its AST may fill the cache when another file imports it. */
  noteLinted(file: string, sourceCode: Readonly<TSESLint.SourceCode>): void {
    if (this.resolver.isProjectModule(file)) this.#linted.set(file, new WeakRef(sourceCode));
  }

  /** Drops a module's summary (the language server calls this when the file changes). */
  invalidate(file: string): void {
    this.#linted.delete(file);
    this.#overrides.delete(file);
    this.#drop(file);
  }

  /** The text of a module as an editor holds it (unsaved); summaries read it instead of the disk. */
  setText(file: string, text: string): void {
    if (this.#overrides.get(file) === text) return;
    this.#overrides.set(file, text);
    this.#drop(file);
  }

  /** Drops a summary and every summary built from it. */
  #drop(file: string): void {
    const pending = [file];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const current = pending.pop() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      this.#entries.delete(current);
      for (const dependant of this.#dependants.get(current) ?? []) pending.push(dependant);
      this.#dependants.delete(current);
    }
  }

  /** The modules whose summaries were built from this module's (directly or not): what a change affects. */
  dependantsOf(file: string): string[] {
    const result = new Set<string>();
    const pending = [file];
    while (pending.length > 0) {
      for (const dependant of this.#dependants.get(pending.pop() as string) ?? []) {
        if (!result.has(dependant)) {
          result.add(dependant);
          pending.push(dependant);
        }
      }
    }
    return [...result];
  }

  /** The module's summary, built once per content. */
  summaryOf(file: string): ModuleSummary | undefined {
    const builder = this.#stack.at(-1);
    if (builder !== undefined && builder !== file) {
      let dependants = this.#dependants.get(file);
      if (!dependants) this.#dependants.set(file, (dependants = new Set()));
      dependants.add(builder);
    }
    if (this.#building.has(file)) return undefined;
    const override = this.#overrides.get(file);
    if (override !== undefined) return this.#summaryOfText(file, override, undefined);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    const entry = this.#entries.get(file);
    if (entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) return entry.summary ?? undefined;
    if (stat.size > MAX_MODULE_BYTES || !stat.isFile()) return undefined;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return this.#summaryOfText(file, text, { mtimeMs: stat.mtimeMs, size: stat.size });
  }

  #summaryOfText(file: string, text: string, stat: { mtimeMs: number; size: number } | undefined): ModuleSummary | undefined {
    const entry = this.#entries.get(file);
    if (text.length > MAX_MODULE_BYTES) return undefined;
    const hash = createHash('sha1').update(text).digest('hex');
    if (entry && entry.hash === hash) {
      entry.mtimeMs = stat?.mtimeMs ?? Number.NaN;
      entry.size = stat?.size ?? Number.NaN;
      return entry.summary ?? undefined;
    }
    if (entry) this.#drop(file);
    this.#building.add(file);
    this.#stack.push(file);
    let summary: ModuleSummary | null = null;
    try {
      summary = this.#build(file, text) ?? null;
    } catch {
      // A module the analysis cannot handle ends the chain quietly, like a missing one.
      summary = null;
    } finally {
      this.#building.delete(file);
      this.#stack.pop();
    }
    this.#entries.set(file, { mtimeMs: stat?.mtimeMs ?? Number.NaN, size: stat?.size ?? Number.NaN, hash, summary });
    return summary ?? undefined;
  }

  #build(file: string, text: string): ModuleSummary | undefined {
    if (path.extname(file) === '.json') return jsonSummary(file, text);
    const linted = this.#linted.get(file)?.deref();
    const sourceCode = linted && linted.text === text ? linted : parseModule(file, text)?.sourceCode;
    if (!sourceCode) return undefined;
    const source = this.#analyze(file, sourceCode);
    return buildSummary(source, (specifier) => this.resolver.resolve(specifier, file));
  }

  /** The export at a property path of a module (`['default']`, `['api', 'bizlogin']`), following re-exports. */
  lookup(file: string, names: readonly string[], depth = 0): Found | undefined {
    if (depth > MAX_LINK_DEPTH) return undefined;
    const summary = this.summaryOf(file);
    if (!summary) return undefined;
    if (names.length === 0) {
      const whole = summary.commonjs ? summary.exports.get('default') : undefined;
      return whole ? this.#follow(whole, [], depth) : { kind: 'module', file };
    }
    const [name, ...rest] = names;
    const value = summary.exports.get(name);
    if (value) return this.#follow(value, rest, depth);
    for (const star of summary.star) {
      const found = name === 'default' ? undefined : this.lookup(star, names, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  #follow(value: ExportValue, rest: readonly string[], depth: number): Found | undefined {
    if (value.kind === 'link') return value.file ? this.lookup(value.file, [...value.path, ...rest], depth + 1) : undefined;
    if (rest.length === 0) return value;
    if (value.kind !== 'object') return undefined;
    const property = value.properties.get(rest[0]);
    return property ? this.#follow(property, rest.slice(1), depth) : undefined;
  }
}

/** A JSON module: its object tree of strings (a `config.json` of URLs and app ids). */
function jsonSummary(file: string, text: string): ModuleSummary | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const origin = (name: string): Origin => ({ name, file, line: 1, column: 1 });
  const convert = (value: unknown, name: string, depth: number): ExportValue => {
    if (typeof value === 'string') return { kind: 'strings', values: [[value]], origin: origin(name) };
    if (value && typeof value === 'object' && !Array.isArray(value) && depth < 12) {
      const properties = new Map<string, ExportValue>();
      for (const [key, item] of Object.entries(value)) properties.set(key, convert(item, key, depth + 1));
      return { kind: 'object', properties, origin: origin(name) };
    }
    return { kind: 'opaque' };
  };
  const root = convert(data, path.basename(file), 0);
  const exports = new Map<string, ExportValue>([['default', root]]);
  if (root.kind === 'object') for (const [key, value] of root.properties) exports.set(key, value);
  return { file, exports, star: [], commonjs: true, hasEffects: false };
}

const models = new Map<string, ProjectModel>();

/** The model of a project root and its aliases, one per process. */
export function projectModelFor(root: string, aliases: Readonly<Record<string, string>>, analyze: Analyze): ProjectModel {
  const key = `${root}\u0000${JSON.stringify(aliases)}`;
  let model = models.get(key);
  if (!model) {
    model = new ProjectModel(root, aliases, analyze);
    models.set(key, model);
  }
  return model;
}

/** Every model of the process: the language server drops a changed module from each. */
export function invalidateModule(file: string): void {
  for (const model of models.values()) model.invalidate(file);
}

/** The modules whose summaries read this module's, in every model: the files a change to it may affect. */
export function dependantsOfModule(file: string): string[] {
  const result = new Set<string>();
  for (const model of models.values()) for (const dependant of model.dependantsOf(file)) result.add(dependant);
  return [...result];
}

/** The unsaved text of a module open in an editor: every model reads it instead of the file on disk. */
export function setModuleText(file: string, text: string): void {
  for (const model of models.values()) model.setText(file, text);
}
