import { existsSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import enhancedResolve from 'enhanced-resolve';
import { createPathsMatcher, getTsconfig } from 'get-tsconfig';
import { parseModule } from './parse.js';

/**
 * Import resolution the way a project's own tools resolve (docs/cross-file.md).
 *
 * Libraries: `enhanced-resolve` (webpack's resolver, pure JavaScript) does relative specifiers with extensions and
 * `index` files, `package.json` `imports` (`#shared/…`), aliases and workspace packages through `node_modules`
 * links; `get-tsconfig` (pure JavaScript, no dependencies) reads `tsconfig.json`/`jsconfig.json` with `extends`
 * and matches `paths`/`baseUrl` exactly as TypeScript does. Native resolvers (oxc-resolver, unrs-resolver) are
 * ruled out: the VS Code extension must install and run offline on every platform.
 *
 * Bundler aliases are read from `vite.config.*`, `webpack.config.*` and `nuxt.config.*` statically (parsed, never
 * run). `@/` and `~/` mean `src/` (or the project root when there is no `src/`) when nothing configures them.
 * A module is followed only when it lies under the project root and outside `node_modules`.
 */

export const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.json'];

const BUNDLER_CONFIGS = ['vite.config', 'webpack.config', 'nuxt.config', 'vue.config'].flatMap((stem) =>
  ['.ts', '.js', '.mjs', '.cjs', '.mts'].map((extension) => `${stem}${extension}`),
);

type Resolve = (directory: string, request: string) => string | false;

const resolvers = new Map<string, ProjectResolver>();

/**
 * The resolver of a project root and its aliases, one per process: the project model and the prefilter's look at
 * imported modules (importers.ts) resolve the same specifiers, so they share its cache.
 */
export function projectResolverFor(root: string, aliases: Readonly<Record<string, string>> = {}): ProjectResolver {
  const key = `${root}\u0000${JSON.stringify(aliases)}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new ProjectResolver(root, aliases);
    resolvers.set(key, resolver);
  }
  return resolver;
}

export class ProjectResolver {
  readonly root: string;
  readonly #aliases: readonly (readonly [string, string])[];
  readonly #resolve: Resolve;
  readonly #tsconfigMatchers = new Map<string, ((specifier: string) => string[]) | null>();
  readonly #cache = new Map<string, string | null>();

  /** `aliases`: prefix → path relative to the root, from settings; they win over every configured alias. */
  constructor(root: string, aliases: Readonly<Record<string, string>> = {}) {
    this.root = root;
    const configured = Object.entries(aliases).map(([prefix, target]) => [prefix, path.resolve(root, target)] as const);
    const bundler = readBundlerAliases(root);
    const fallbackBase = existsSync(path.join(root, 'src')) ? path.join(root, 'src') : root;
    const defaults: [string, string][] = [
      ['@', fallbackBase],
      ['~', fallbackBase],
    ];
    const all = [...configured, ...bundler];
    for (const [prefix, target] of defaults) if (!all.some(([known]) => known === prefix)) all.push([prefix, target]);
    this.#aliases = all;
    this.#resolve = enhancedResolve.create.sync({
      extensions: MODULE_EXTENSIONS,
      // `import './a.js'` in TypeScript names `a.ts`.
      extensionAlias: { '.js': ['.js', '.ts', '.tsx'], '.mjs': ['.mjs', '.mts'], '.cjs': ['.cjs', '.cts'] },
      mainFiles: ['index'],
      importsFields: ['imports'],
      conditionNames: ['import', 'require', 'node', 'browser', 'default'],
      mainFields: ['module', 'main'],
      symlinks: true,
    }) as Resolve;
  }

  /** The file a specifier names from `fromFile`, when it is a project module we may read; otherwise undefined. */
  resolve(specifier: string, fromFile: string): string | undefined {
    const directory = path.dirname(fromFile);
    const key = `${directory}\u0000${specifier}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.#resolveUncached(specifier, directory) ?? null;
    this.#cache.set(key, result);
    return result ?? undefined;
  }

  #resolveUncached(specifier: string, directory: string): string | undefined {
    const candidates: string[] = [];
    for (const [prefix, target] of this.#aliases) {
      if (specifier === prefix) candidates.push(target);
      else if (specifier.startsWith(`${prefix}/`)) candidates.push(path.join(target, specifier.slice(prefix.length + 1)));
    }
    if (candidates.length === 0 && !specifier.startsWith('.') && !path.isAbsolute(specifier)) {
      candidates.push(...this.#tsconfigCandidates(specifier, directory));
    }
    // `fs`, `node:path`: a Node built-in is never a project module, and asking the resolver would search every
    // `node_modules` folder up from the file for it.
    if (!isBuiltin(specifier)) candidates.push(specifier);
    for (const candidate of candidates) {
      const found = this.#tryResolve(directory, candidate);
      if (found) return found;
    }
    return undefined;
  }

  #tryResolve(directory: string, request: string): string | undefined {
    let found: string | false;
    try {
      found = this.#resolve(directory, request);
    } catch {
      return undefined;
    }
    if (!found) return undefined;
    return this.isProjectModule(found) ? found : undefined;
  }

  /** Under the root, outside `node_modules`, with an extension we parse. */
  isProjectModule(file: string): boolean {
    const relative = path.relative(this.root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    if (relative.split(path.sep).includes('node_modules')) return false;
    return MODULE_EXTENSIONS.includes(path.extname(file));
  }

  #tsconfigCandidates(specifier: string, directory: string): string[] {
    let matcher = this.#tsconfigMatchers.get(directory);
    if (matcher === undefined) {
      matcher = null;
      // The nearest of tsconfig.json and jsconfig.json governs the file, as in an editor.
      let nearest: ReturnType<typeof getTsconfig> = null;
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        let config: ReturnType<typeof getTsconfig> = null;
        try {
          config = getTsconfig(directory, name);
        } catch {
          config = null;
        }
        if (config && (!nearest || path.dirname(config.path).length > path.dirname(nearest.path).length)) nearest = config;
      }
      if (nearest) matcher = createPathsMatcher(nearest);
      this.#tsconfigMatchers.set(directory, matcher);
    }
    return matcher ? matcher(specifier) : [];
  }
}

/**
 * `resolve: { alias: { '@': path.resolve(__dirname, 'src') } }`, `alias: [{ find, replacement }]` and
 * `alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) }` in a bundler config at the root. The config
 * is parsed, never executed: only string literals and `path.resolve`/`path.join` of `__dirname`, `process.cwd()`
 * and literals count; anything else is skipped.
 */
function readBundlerAliases(root: string): [string, string][] {
  const aliases: [string, string][] = [];
  for (const name of BUNDLER_CONFIGS) {
    const file = path.join(root, name);
    let text: string;
    try {
      if (!statSync(file).isFile()) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('alias')) continue;
    const parsed = parseModule(file, text);
    if (!parsed) continue;
    const stack: unknown[] = [parsed.ast];
    while (stack.length > 0) {
      const node = stack.pop() as Record<string, unknown> | null;
      if (!node || typeof node !== 'object') continue;
      if (node.type === 'Property' && propertyName(node) === 'alias') collectAlias(node.value, root, aliases);
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent' || key === 'loc' || key === 'range') continue;
        if (Array.isArray(value)) stack.push(...value);
        else if (value && typeof value === 'object' && 'type' in value) stack.push(value);
      }
    }
  }
  return aliases;
}

function propertyName(node: Record<string, unknown>): string | undefined {
  const key = node.key as Record<string, unknown> | undefined;
  if (!key) return undefined;
  if (key.type === 'Identifier' && !node.computed) return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function collectAlias(value: unknown, root: string, aliases: [string, string][]): void {
  const node = value as Record<string, unknown>;
  if (node?.type === 'ObjectExpression') {
    for (const property of node.properties as Record<string, unknown>[]) {
      const prefix = propertyName(property);
      const target = staticPath(property.value, root);
      // webpack's exact-match form `'vue$'` is not a prefix.
      if (prefix !== undefined && target !== undefined && !prefix.endsWith('$')) aliases.push([prefix, target]);
    }
  } else if (node?.type === 'ArrayExpression') {
    for (const element of node.elements as Record<string, unknown>[]) {
      if (element?.type !== 'ObjectExpression') continue;
      let find: string | undefined;
      let target: string | undefined;
      for (const property of element.properties as Record<string, unknown>[]) {
        const name = propertyName(property);
        const literal = property.value as Record<string, unknown>;
        if (name === 'find' && literal?.type === 'Literal' && typeof literal.value === 'string') find = literal.value;
        if (name === 'replacement') target = staticPath(property.value, root);
      }
      if (find !== undefined && target !== undefined) aliases.push([find, target]);
    }
  }
}

/** A path expression of a config: literals, `__dirname`, `process.cwd()`, `path.resolve/join(…)`, `new URL('./x', import.meta.url)`. */
function staticPath(value: unknown, root: string): string | undefined {
  const node = value as Record<string, unknown> | undefined;
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return path.resolve(root, node.value);
  if (node.type === 'Identifier' && node.name === '__dirname') return root;
  if (node.type === 'CallExpression') {
    const callee = node.callee as Record<string, unknown>;
    const calleeName =
      callee.type === 'MemberExpression' ? (callee.property as Record<string, unknown>).name : callee.type === 'Identifier' ? callee.name : undefined;
    const args = node.arguments as Record<string, unknown>[];
    if (calleeName === 'cwd') return root;
    if (calleeName === 'resolve' || calleeName === 'join') {
      const parts: string[] = [];
      for (const argument of args) {
        if (argument.type === 'Literal' && typeof argument.value === 'string') parts.push(argument.value);
        else {
          const inner = staticPath(argument, root);
          if (inner === undefined) return undefined;
          parts.push(inner);
        }
      }
      return path.resolve(root, ...parts);
    }
    if (calleeName === 'fileURLToPath' && args[0]) return staticPath(args[0], root);
  }
  if (node.type === 'NewExpression' && (node.callee as Record<string, unknown>).name === 'URL') {
    const first = (node.arguments as Record<string, unknown>[])[0];
    if (first?.type === 'Literal' && typeof first.value === 'string') return path.resolve(root, first.value);
  }
  return undefined;
}
