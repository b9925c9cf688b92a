import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, literalString, memberName, memberPathOf, unwrap } from '../ast.js';
import { patternPath } from '../values.js';

/**
 * Which module member a local name stands for: `import { a as b } from './x'` (b → ./x, ['a']), `import d from`
 * (['default']), `import * as ns` ([]), `const c = require('./x')` ([]), `const { a: { b } } = require('./x')`
 * (['a', 'b']), `const a = require('./x').a` (['a']). A member chain on top of the name adds to the path.
 */
export interface ImportedMember {
  readonly specifier: string;
  readonly path: readonly string[];
}

/** The imported member an expression reads (an identifier or a static member chain on one), or undefined. */
export function importedMemberOf(
  scopeManager: TSESLint.Scope.ScopeManager,
  node: TSESTree.Node,
): ImportedMember | undefined {
  const path = memberPathOf(node);
  if (!path) return undefined;
  const { names } = path;
  let current = path.root;
  if (current.type === 'CallExpression') {
    const specifier = requireSpecifier(current);
    return specifier === undefined ? undefined : { specifier, path: names };
  }
  if (current.type !== 'Identifier') return undefined;
  const variable = findVariable(scopeManager, current);
  if (!variable || variable.defs.length !== 1) return undefined;
  const base = bindingOf(variable);
  return base ? { specifier: base.specifier, path: [...base.path, ...names] } : undefined;
}

const bindings = new WeakMap<TSESLint.Scope.Variable, ImportedMember | null>();

/** The import a variable is bound to, cached per variable. */
export function bindingOf(variable: TSESLint.Scope.Variable): ImportedMember | undefined {
  const cached = bindings.get(variable);
  if (cached !== undefined) return cached ?? undefined;
  const result = computeBinding(variable) ?? null;
  bindings.set(variable, result);
  return result ?? undefined;
}

function computeBinding(variable: TSESLint.Scope.Variable): ImportedMember | undefined {
  if (variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (definition.type === 'ImportBinding') {
    const specifierNode = definition.node as TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration;
    // `import x = require('y')` (TypeScript): the whole module.
    if (specifierNode.type === 'TSImportEqualsDeclaration') {
      const reference = specifierNode.moduleReference;
      return reference.type === 'TSExternalModuleReference' && typeof reference.expression.value === 'string'
        ? { specifier: reference.expression.value, path: [] }
        : undefined;
    }
    const declaration = specifierNode.parent;
    if (declaration?.type !== 'ImportDeclaration') return undefined;
    const specifier = declaration.source.value;
    if (specifierNode.type === 'ImportDefaultSpecifier') return { specifier, path: ['default'] };
    if (specifierNode.type === 'ImportNamespaceSpecifier') return { specifier, path: [] };
    const imported = specifierNode.imported;
    const name = imported.type === 'Identifier' ? imported.name : String(imported.value);
    return { specifier, path: [name] };
  }
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (!declarator.init) return undefined;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  // `require('./x')`, `require('./x').a.b`, `await import('./x')`.
  const names: string[] = [];
  let init = unwrap(declarator.init);
  while (init.type === 'MemberExpression') {
    const name = memberName(init);
    if (name === undefined) return undefined;
    names.unshift(name);
    init = unwrap(init.object);
  }
  let specifier: string | undefined;
  if (init.type === 'CallExpression') specifier = requireSpecifier(init);
  else if (init.type === 'ImportExpression') specifier = literalString(init.source);
  if (specifier === undefined) return undefined;
  if (declarator.id.type === 'Identifier') return { specifier, path: names };
  const pattern = patternPath(definition.name, declarator.id);
  if (!pattern || pattern.some((key) => typeof key !== 'string')) return undefined;
  return { specifier, path: [...names, ...(pattern as string[])] };
}

/** `require('x')` with a literal specifier. */
export function requireSpecifier(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== 'Identifier' || callee.name !== 'require' || call.arguments.length !== 1) return undefined;
  return literalString(call.arguments[0]);
}
