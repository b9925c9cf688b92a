import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * References to free globals named `name`: the global scope's unresolved references (`through`) plus references
 * to a global the config declares but the file never defines. Reads and writes alike — `location = url` must be
 * seen — which ReferenceTracker does not give for undeclared or written globals.
 */
export function freeGlobalReferences(
  scopeManager: TSESLint.Scope.ScopeManager | null,
  name: string,
): TSESLint.Scope.Reference[] {
  return freeGlobalReferenceMap(scopeManager).get(name) ?? [];
}

const mapCache = new WeakMap<object, Map<string, TSESLint.Scope.Reference[]>>();

/** Every free global reference of the file, by name; computed once per file. */
export function freeGlobalReferenceMap(
  scopeManager: TSESLint.Scope.ScopeManager | null,
): Map<string, TSESLint.Scope.Reference[]> {
  const globalScope = scopeManager?.globalScope;
  if (!scopeManager || !globalScope) return new Map();
  // Keyed by the global scope, new for every file (oxlint reuses one scope manager object for all files).
  const cached = mapCache.get(globalScope);
  if (cached) return cached;
  const map = new Map<string, TSESLint.Scope.Reference[]>();
  const add = (reference: TSESLint.Scope.Reference) => {
    const list = map.get(reference.identifier.name);
    if (list) list.push(reference);
    else map.set(reference.identifier.name, [reference]);
  };
  for (const reference of globalScope.through) add(reference);
  for (const variable of globalScope.variables) {
    // Declared by the config (languageOptions.globals) and not defined in this file.
    if (variable.defs.length === 0) for (const reference of variable.references) add(reference);
  }
  mapCache.set(globalScope, map);
  return map;
}

/** The literal module name of `require('x')`, `import('x')` or an import/export declaration. */
export function moduleSpecifiers(program: TSESTree.Program, scopeManager: TSESLint.Scope.ScopeManager | null): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (
      (statement.type === 'ImportDeclaration' ||
        statement.type === 'ExportAllDeclaration' ||
        (statement.type === 'ExportNamedDeclaration' && statement.source)) &&
      statement.source &&
      typeof statement.source.value === 'string'
    ) {
      names.push(statement.source.value);
    }
  }
  for (const reference of freeGlobalReferences(scopeManager, 'require')) {
    const call = reference.identifier.parent;
    if (call?.type === 'CallExpression' && call.callee === reference.identifier) {
      const first = call.arguments[0];
      if (first?.type === 'Literal' && typeof first.value === 'string') names.push(first.value);
      else if (first?.type === 'TemplateLiteral' && first.expressions.length === 0) names.push(first.quasis[0].value.cooked ?? '');
    }
  }
  return names;
}
