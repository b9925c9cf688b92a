import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Small AST helpers shared by the analysis parts. */

/**
 * The key of every per-file cache: the file's parsed Program, new for every parse. Not the `SourceCode` object nor
 * its scope manager: oxlint hands the same two objects to every file it lints (docs/oxlint.md), so a cache keyed
 * by them would answer one file with another's facts, depending on the order files arrive in.
 */
export function fileKey(sourceCode: { readonly ast: object }): object {
  return sourceCode.ast;
}

/** `unwrap(node, AWAIT)`: for readers that want the settled value, `await x` is x. */
export const AWAIT = { await: true } as const;

/**
 * The expression under wrappers that do not change a value: `(x as T)`, `x!`, `x satisfies T`, `<T>x`, `f<T>`, and
 * `a?.b` chains (parentheses leave no node). With `{ await: true }` also `await x`, for readers that care about the
 * settled value. The one unwrap of the plugin: every part and rule uses it.
 */
export function unwrap(node: TSESTree.Node, options: { await?: boolean } = {}): TSESTree.Node {
  let current = node;
  // Bounded by the nesting of wrappers, which the parser already bounded.
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ChainExpression':
        current = current.expression;
        continue;
      case 'AwaitExpression':
        if (!options.await) return current;
        current = current.argument;
        continue;
      default:
        return current;
    }
  }
}

/** The node a value is used as, skipping the same wrappers upwards: the parent that consumes it. */
export function consumerOf(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSSatisfiesExpression' ||
      parent.type === 'TSTypeAssertion' ||
      parent.type === 'ChainExpression' ||
      (parent.type === 'AwaitExpression' && parent.argument === current))
  ) {
    current = parent;
    parent = current.parent;
  }
  return { node: current, parent };
}

/** The static name of `a.b`, `a['b']`, `a[`b`]`; undefined for a computed dynamic key or a private name. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  return literalString(node.property);
}

/** The static key of an object property, method or class member. */
/**
 * A static member path split at its root: `a.b.c` → root `a`, names `['b', 'c']` (wrappers unwrapped on the way;
 * a node that is no member expression is its own root). Undefined when a member name is computed.
 */
export function memberPathOf(node: TSESTree.Node): { root: TSESTree.Node; names: string[] } | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  while (current.type === 'MemberExpression') {
    const name = memberName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrap(current.object);
  }
  return { root: current, names };
}

/** The names of a static member path written from its root: `module.exports.x` → `['module', 'exports', 'x']`. */
export function memberNames(node: TSESTree.MemberExpression): string[] | undefined {
  const path = memberPathOf(node);
  if (path?.root.type !== 'Identifier') return undefined;
  return [path.root.name, ...path.names];
}

export function propertyKeyName(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.TSAbstractMethodDefinition): string | undefined {
  if (!node.computed) {
    if (node.key.type === 'Identifier') return node.key.name;
    if (node.key.type === 'Literal') return String(node.key.value);
    return undefined;
  }
  return literalString(node.key);
}

/** The value of a string literal or a template without expressions. */
export function literalString(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** The callee's method name of `x.name(...)`, or the function name of `name(...)`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return memberName(callee);
  return undefined;
}

/** The object of `x.name(...)`, unwrapped. */
export function calleeObject(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | undefined {
  const callee = unwrap(call.callee);
  return callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
}

export function isFunctionNode(node: TSESTree.Node | undefined | null): node is TSESTree.FunctionLike {
  return (
    !!node &&
    (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression')
  );
}

/** The innermost function containing `node` (not `node` itself), or undefined at module level. */
export function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** The variable an identifier refers to, from the innermost scope outwards. */
export function findVariable(
  scopeManager: TSESLint.Scope.ScopeManager,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  let scope: TSESLint.Scope.Scope | null = innermostScope(scopeManager, identifier);
  while (scope) {
    const found = scope.set.get(identifier.name);
    if (found) return found;
    scope = scope.upper;
  }
  return undefined;
}

function innermostScope(scopeManager: TSESLint.Scope.ScopeManager, node: TSESTree.Node): TSESLint.Scope.Scope | null {
  let current: TSESTree.Node | undefined = node;
  while (current) {
    const scope = scopeManager.acquire(current, true);
    if (scope) {
      // A function's name and parameters belong to the function scope only when `node` is inside it.
      if (scope.type === 'function-expression-name') return scope.childScopes[0] ?? scope;
      return scope;
    }
    current = current.parent;
  }
  return scopeManager.globalScope;
}

/** True when a variable is never assigned after its declaration (`const`, or `let` written only at its init). */
export function isSingleAssignment(variable: TSESLint.Scope.Variable): boolean {
  if (variable.defs.length !== 1) return false;
  let writes = 0;
  for (const reference of variable.references) {
    if (reference.isWrite()) writes++;
  }
  return writes <= 1;
}

/** The single initialiser of a variable declared `const x = init` / `let x = init` and never reassigned. */
export function variableInitializer(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  if (!isSingleAssignment(variable)) return undefined;
  const definition = variable.defs[0];
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
  return declarator.init;
}
