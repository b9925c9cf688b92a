import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { GLOBAL_OBJECT_NAMES } from '../knowledge/navigation.js';
import { findVariable, isSingleAssignment, memberName } from './ast.js';
import { freeGlobalReferenceMap } from './globals.js';

/**
 * References to browser and Node globals (docs/architecture.md, references).
 *
 * Free globals are resolved from the global scope's unresolved references (analysis/globals.ts), reads and
 * writes alike: flat config declares no browser globals by default and ReferenceTracker skips undeclared or
 * written globals, which is exactly `location = url`. `window`, `globalThis`, `self` and `frames` are the global
 * object itself, so `window.location.href` and `location.href` have the same path `['location', 'href']`;
 * `document.location` is `location` too. `top` and `parent` stay in the path (`['top', 'location']`): they are
 * other windows. Local aliases (`const w = window`, `const loc = window.location`,
 * `const { location } = window`) are followed. A name shadowed by a local declaration is not a global.
 */

/** How a global path is used at its outermost node. */
export type GlobalAccessKind = 'read' | 'write' | 'call' | 'construct';

export interface GlobalAccess {
  /** The outermost node that still denotes the path: `window.location.href`, or the identifier `location`. */
  readonly node: TSESTree.Node;
  /** The path below the global object. `[]` is the global object itself. */
  readonly path: readonly string[];
  readonly kind: GlobalAccessKind;
  /** The assignment of a write, the call of a call, the `new` expression of a construct. */
  readonly operation?: TSESTree.AssignmentExpression | TSESTree.CallExpression | TSESTree.NewExpression;
}

/** Upper bound on followed alias references: keeps the walk linear on generated code. */
const MAX_WORK = 200_000;

function normalizePath(path: string[]): string[] {
  // `document.location` is the window's location object.
  if (path.length >= 2 && path[0] === 'document' && path[1] === 'location') return ['location', ...path.slice(2)];
  return path;
}

export class GlobalReferences {
  readonly accesses: readonly GlobalAccess[];
  readonly #pathByNode = new Map<TSESTree.Node, readonly string[]>();
  readonly #byHead = new Map<string, GlobalAccess[]>();

  constructor(scopeManager: TSESLint.Scope.ScopeManager | null) {
    const accesses: GlobalAccess[] = [];
    this.accesses = accesses;
    if (!scopeManager) return;
    const work: { identifier: TSESTree.Node; path: string[] }[] = [];
    const seen = new Set<TSESTree.Node>();
    for (const [name, references] of freeGlobalReferenceMap(scopeManager)) {
      const path = GLOBAL_OBJECT_NAMES.includes(name) ? [] : [name];
      for (const reference of references) work.push({ identifier: reference.identifier, path });
    }
    let steps = 0;
    while (work.length > 0 && steps++ < MAX_WORK) {
      const item = work.pop() as { identifier: TSESTree.Node; path: string[] };
      if (seen.has(item.identifier)) continue;
      seen.add(item.identifier);
      let node: TSESTree.Node = item.identifier;
      let path = item.path;
      this.#pathByNode.set(node, path);
      for (;;) {
        const parent: TSESTree.Node | undefined = node.parent;
        if (!parent) break;
        if (parent.type === 'MemberExpression' && parent.object === node) {
          const name = memberName(parent);
          if (name === undefined) break;
          // `window.window`, `window.self`, `self.globalThis`: still the global object.
          path = path.length === 0 && GLOBAL_OBJECT_NAMES.includes(name) ? path : normalizePath([...path, name]);
          node = parent;
          this.#pathByNode.set(node, path);
          continue;
        }
        if (
          (parent.type === 'ChainExpression' ||
            parent.type === 'TSNonNullExpression' ||
            parent.type === 'TSAsExpression' ||
            parent.type === 'TSSatisfiesExpression') &&
          parent.expression === node
        ) {
          node = parent;
          this.#pathByNode.set(node, path);
          continue;
        }
        break;
      }
      const parent = node.parent;
      if (parent?.type === 'AssignmentExpression' && parent.left === node) {
        accesses.push({ node, path, kind: 'write', operation: parent });
      } else if (parent?.type === 'CallExpression' && parent.callee === node) {
        accesses.push({ node, path, kind: 'call', operation: parent });
      } else if (parent?.type === 'NewExpression' && parent.callee === node) {
        accesses.push({ node, path, kind: 'construct', operation: parent });
      } else {
        accesses.push({ node, path, kind: 'read' });
        if (parent?.type === 'VariableDeclarator' && parent.init === node) this.#followAlias(scopeManager, parent, path, work);
      }
    }
    for (const access of accesses) {
      const head = access.path[0] ?? '';
      const list = this.#byHead.get(head);
      if (list) list.push(access);
      else this.#byHead.set(head, [access]);
    }
  }

  /** `const w = window` / `const { location } = window`: the alias's reads continue the path. */
  #followAlias(
    scopeManager: TSESLint.Scope.ScopeManager,
    declarator: TSESTree.VariableDeclarator,
    path: string[],
    work: { identifier: TSESTree.Node; path: string[] }[],
  ): void {
    const push = (identifier: TSESTree.Identifier, aliasPath: string[]) => {
      const variable = findVariable(scopeManager, identifier);
      if (!variable || !isSingleAssignment(variable)) return;
      for (const reference of variable.references) {
        if (reference.isRead() && !reference.isWrite()) work.push({ identifier: reference.identifier, path: aliasPath });
      }
    };
    if (declarator.id.type === 'Identifier') {
      push(declarator.id, path);
    } else if (declarator.id.type === 'ObjectPattern') {
      for (const property of declarator.id.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        const target = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        if (target.type === 'Identifier') push(target, normalizePath([...path, property.key.name]));
      }
    }
  }

  /** The global path a node denotes (`window.top.location` → `['top', 'location']`), or undefined. */
  pathOf(node: TSESTree.Node): readonly string[] | undefined {
    return this.#pathByNode.get(node);
  }

  /** Accesses whose path starts with `prefix` (and, with `exact`, equals it). */
  accessesTo(prefix: readonly string[], options: { exact?: boolean; kind?: GlobalAccessKind } = {}): GlobalAccess[] {
    const candidates = this.#byHead.get(prefix[0] ?? '') ?? [];
    return candidates.filter(
      (access) =>
        (!options.kind || access.kind === options.kind) &&
        (options.exact ? access.path.length === prefix.length : access.path.length >= prefix.length) &&
        prefix.every((segment, index) => access.path[index] === segment),
    );
  }
}

/**
 * Which window a `location` path navigates: `['location', …]` the current one, `['top', 'location', …]` the top
 * window, `['parent', 'location', …]` the parent. Returns the window and the rest of the path after `location`.
 */
export function locationTarget(path: readonly string[]): { window: 'self' | 'top' | 'parent'; rest: readonly string[] } | undefined {
  if (path[0] === 'location') return { window: 'self', rest: path.slice(1) };
  if ((path[0] === 'top' || path[0] === 'parent') && path[1] === 'location') return { window: path[0], rest: path.slice(2) };
  return undefined;
}
