import { CALL, CONSTRUCT, READ, ReferenceTracker } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { literalString } from './ast.js';
import { freeGlobalReferences } from './globals.js';

/**
 * Module APIs through ReferenceTracker: CommonJS `require`, ES `import`, aliases,
 * destructuring and re-exports. ReferenceTracker finds `require` only when it is a declared global, which flat
 * config does not do for `.js` modules, so `require('x')` calls are found among the free globals and traced from
 * there with `iteratePropertyReferences`.
 */

export { CALL, CONSTRUCT, READ };

export type TraceMap<Info> = {
  [key: string]: TraceMap<Info>;
  [CALL]?: Info;
  [CONSTRUCT]?: Info;
  [READ]?: Info;
};

export interface ModuleReference<Info> {
  readonly node: TSESTree.Node;
  readonly path: readonly string[];
  readonly type: typeof CALL | typeof CONSTRUCT | typeof READ;
  readonly info: Info;
}

/** One tracker per file: its construction scans the global scope. */
const trackers = new WeakMap<object, ReferenceTracker>();

/** Every reference to the traced module members, ES and CommonJS, each once. */
export function moduleReferences<Info>(
  scopeManager: TSESLint.Scope.ScopeManager | null,
  traceMap: Record<string, TraceMap<Info>>,
): ModuleReference<Info>[] {
  const globalScope = scopeManager?.globalScope;
  if (!scopeManager || !globalScope) return [];
  // Keyed by the global scope, new for every file (oxlint reuses one scope manager object for all files).
  let tracker = trackers.get(globalScope);
  if (!tracker) {
    // Legacy mode: a CommonJS package's named ES imports (`import { get } from 'axios'`) are its properties.
    tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' });
    trackers.set(globalScope, tracker);
  }
  const result: ModuleReference<Info>[] = [];
  const seen = new Set<string>();
  const add = (reference: { node: unknown; path: string[]; type: symbol; info: unknown }) => {
    const node = reference.node as TSESTree.Node;
    const key = `${node.range[0]}:${node.range[1]}:${String(reference.type)}:${reference.path.join('.')}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ node, path: reference.path, type: reference.type as ModuleReference<Info>['type'], info: reference.info as Info });
  };
  for (const reference of tracker.iterateEsmReferences(traceMap as never)) add(reference as never);
  for (const reference of tracker.iterateCjsReferences(traceMap as never)) add(reference as never);
  for (const requireReference of freeGlobalReferences(scopeManager, 'require')) {
    const call = requireReference.identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== requireReference.identifier) continue;
    const name = literalString(call.arguments[0]);
    if (name === undefined || !Object.hasOwn(traceMap, name)) continue;
    const subMap = traceMap[name];
    if (subMap[READ]) add({ node: call, path: [name], type: READ, info: subMap[READ] });
    for (const reference of tracker.iteratePropertyReferences(call as never, subMap as never)) {
      const tracked = reference as unknown as { node: unknown; path: string[]; type: symbol; info: unknown };
      add({ ...tracked, path: [name, ...tracked.path] });
    }
  }
  return result;
}
