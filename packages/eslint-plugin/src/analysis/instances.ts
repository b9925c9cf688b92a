import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { consumerOf, findVariable, memberName, propertyKeyName } from './ast.js';
import type { NodeIndex } from './node-index.js';

/**
 * Where a produced value (an SDK client from `new WechatAPI(…)`, an axios instance from `axios.create()`, a
 * page from `browser.newPage()`) is used: the references of the variable it initialises, `this.x` of the class
 * that stores it in a field, or the producing expression itself when the use is chained (`axios.create().get()`).
 */
export function valueUses(
  producer: TSESTree.Node,
  scopeManager: TSESLint.Scope.ScopeManager | null,
  nodes: NodeIndex,
): TSESTree.Node[] {
  const { node, parent } = consumerOf(producer);
  if (!parent) return [node];
  const variableReads = (identifier: TSESTree.Identifier): TSESTree.Node[] => {
    if (!scopeManager) return [];
    const variable = findVariable(scopeManager, identifier);
    if (!variable) return [];
    return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  };
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    return variableReads(parent.id);
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node) {
    if (parent.left.type === 'Identifier') return variableReads(parent.left);
    if (parent.left.type === 'MemberExpression' && parent.left.object.type === 'ThisExpression') {
      const name = memberName(parent.left);
      return name === undefined ? [] : thisMemberReads(parent, name, nodes);
    }
    return [];
  }
  if (parent.type === 'PropertyDefinition' && parent.value === node) {
    const name = propertyKeyName(parent);
    return name === undefined ? [] : thisMemberReads(parent, name, nodes);
  }
  return [node];
}

/** Reads of `this.<name>` inside the class that contains `anchor`. */
function thisMemberReads(anchor: TSESTree.Node, name: string, nodes: NodeIndex): TSESTree.Node[] {
  let classNode: TSESTree.Node | undefined = anchor.parent;
  while (classNode && classNode.type !== 'ClassBody') classNode = classNode.parent;
  if (!classNode) return [];
  const [start, end] = classNode.range;
  return nodes
    .thisMembers(name)
    .filter(
      (member) =>
        member.range[0] >= start &&
        member.range[1] <= end &&
        !(member.parent?.type === 'AssignmentExpression' && member.parent.left === member),
    );
}

/** A use of a value as a function (`api(…)`) or a method receiver (`api.get(…)`). */
export interface ValueCall {
  readonly call: TSESTree.CallExpression;
  /** The method name, or undefined for a direct call. */
  readonly method: string | undefined;
}

/** Calls made on a use: `use(…)` and `use.method(…)`. */
export function callsOn(use: TSESTree.Node): ValueCall | undefined {
  const { node, parent } = consumerOf(use);
  if (parent?.type === 'CallExpression' && parent.callee === node) return { call: parent, method: undefined };
  if (parent?.type === 'MemberExpression' && parent.object === node) {
    const method = memberName(parent);
    const outer = consumerOf(parent);
    if (method !== undefined && outer.parent?.type === 'CallExpression' && outer.parent.callee === outer.node) {
      return { call: outer.parent, method };
    }
  }
  return undefined;
}

/** Calls of a function of the file by its name: a declaration, a variable's initializer, a method (`this.name()`). */
export function callsOfFunction(
  fn: TSESTree.FunctionLike,
  scopeManager: TSESLint.Scope.ScopeManager | null,
  nodes: NodeIndex,
): TSESTree.CallExpression[] {
  let uses: TSESTree.Node[] = [];
  if (fn.type === 'FunctionDeclaration') {
    const variable = scopeManager?.getDeclaredVariables(fn)[0];
    uses = variable ? variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier) : [];
  } else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn) {
    uses = valueUses(fn, scopeManager, nodes);
  } else if (fn.parent?.type === 'MethodDefinition' && fn.parent.value === fn && !fn.parent.static) {
    const name = propertyKeyName(fn.parent);
    uses = name === undefined ? [] : thisMemberReads(fn.parent, name, nodes);
  }
  return uses.flatMap((use) => {
    const call = callsOn(use);
    return call && call.method === undefined ? [call.call] : [];
  });
}
