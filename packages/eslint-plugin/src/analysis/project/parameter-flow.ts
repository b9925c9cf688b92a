import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, isFunctionNode, memberName, unwrap } from '../ast.js';
import { memberPath, NON_DATA_PROPERTIES, RECEIVER_METHODS, RECEIVER_WRITE_METHODS, TRANSPARENT_FUNCTIONS } from '../dataflow/engine.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Nodes of one function looked at, at most: a summary must stay cheap on a generated module. */
const MAX_NODES = 20_000;
/** Passes over the function's assignments before the parameter sets stop growing (they only grow). */
const MAX_PASSES = 6;
const MAX_DEPTH = 40;

/**
 * Which parameters of a function reach some of its expressions (its returned values, the values it logs), by the
 * data-carrying steps the data-flow engine also follows (dataflow/engine.ts): names, member reads, templates,
 * concatenation, object and array literals, `await`, conditionals, `new URL(…)`, the transparent functions
 * (`JSON.stringify`, `qs.stringify`) and receiver methods (`toString`, `join`), plus writes into a local object
 * (`url.searchParams.append(key, params[key])`, `list.push(x)`, `target.key = x`). A call of any other function
 * (`db.find(id)`) does not carry its arguments: what it returns is other data, so the summary stays precise.
 */
export class ParameterFlow {
  readonly #scopeManager: TSESLint.Scope.ScopeManager;
  readonly #fn: TSESTree.FunctionLike;
  readonly #carried = new Map<Variable, Set<number>>();
  #solved = false;

  constructor(scopeManager: TSESLint.Scope.ScopeManager, fn: TSESTree.FunctionLike) {
    this.#scopeManager = scopeManager;
    this.#fn = fn;
  }

  /** The parameter indexes whose data the value of `node` may carry, sorted. */
  parametersOf(node: Node): number[] {
    this.#solve();
    return [...this.#expression(node, 0)].sort((a, b) => a - b);
  }

  /** The expressions the function returns (an arrow's expression body included); nested functions' own are not. */
  static returnedExpressions(fn: TSESTree.FunctionLike): Node[] {
    if (!fn.body) return [];
    if (fn.body.type !== 'BlockStatement') return [fn.body];
    const result: Node[] = [];
    walk(fn.body, (node) => {
      if (isFunctionNode(node) || node.type === 'ClassBody') return false;
      if (node.type === 'ReturnStatement' && node.argument) result.push(node.argument);
      return true;
    });
    return result;
  }

  #solve(): void {
    if (this.#solved) return;
    this.#solved = true;
    for (const variable of this.#scopeManager.getDeclaredVariables(this.#fn)) {
      const definition = variable.defs[0];
      if (definition?.type !== 'Parameter') continue;
      const index = this.#fn.params.findIndex((parameter) => parameter.range[0] <= definition.name.range[0] && definition.name.range[1] <= parameter.range[1]);
      if (index !== -1) this.#carried.set(variable, new Set([index]));
    }
    if (this.#carried.size === 0) return;
    const writes: { target: Node; value: Node }[] = [];
    walk(this.#fn.body ?? this.#fn, (node) => {
      if (node.type === 'VariableDeclarator' && node.init) writes.push({ target: node.id, value: node.init });
      else if (node.type === 'AssignmentExpression') writes.push({ target: node.left, value: node.right });
      else if (node.type === 'CallExpression') {
        const callee = unwrap(node.callee);
        const name = callee.type === 'MemberExpression' ? memberName(callee) : undefined;
        // `list.push(x)`, `url.searchParams.append(key, x)`: the receiver holds the arguments.
        if (callee.type === 'MemberExpression' && name !== undefined && RECEIVER_WRITE_METHODS.has(name)) {
          for (const argument of node.arguments) writes.push({ target: callee.object, value: argument });
        }
        // `Object.assign(target, source)`.
        if (memberPath(callee) === 'Object.assign' && node.arguments[0]) {
          for (const argument of node.arguments.slice(1)) writes.push({ target: node.arguments[0], value: argument });
        }
      }
      return true;
    });
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let grew = false;
      for (const { target, value } of writes) {
        const carried = this.#expression(value, 0);
        if (carried.size === 0) continue;
        for (const variable of this.#targets(target)) {
          let set = this.#carried.get(variable);
          if (!set) this.#carried.set(variable, (set = new Set()));
          for (const index of carried) {
            if (!set.has(index)) {
              set.add(index);
              grew = true;
            }
          }
        }
      }
      if (!grew) break;
    }
  }

  /** The local variables a write reaches: a name, a destructuring pattern's names, the root of `a.b.c`. */
  #targets(target: Node): Variable[] {
    let current = unwrap(target);
    while (current.type === 'MemberExpression') current = unwrap(current.object);
    if (current.type === 'Identifier') {
      const variable = findVariable(this.#scopeManager, current);
      return variable ? [variable] : [];
    }
    if (current.type === 'ObjectPattern' || current.type === 'ArrayPattern') {
      const result: Variable[] = [];
      walk(current, (node) => {
        if (node.type === 'Identifier') {
          const variable = findVariable(this.#scopeManager, node);
          if (variable && variable.defs.some((definition) => definition.name === node)) result.push(variable);
        }
        return true;
      });
      return result;
    }
    return [];
  }

  #expression(node: Node, depth: number): ReadonlySet<number> {
    if (depth > MAX_DEPTH) return EMPTY;
    const target = unwrap(node);
    const next = depth + 1;
    switch (target.type) {
      case 'Identifier': {
        const variable = findVariable(this.#scopeManager, target);
        return (variable && this.#carried.get(variable)) ?? EMPTY;
      }
      case 'MemberExpression': {
        const name = memberName(target);
        if (name !== undefined && NON_DATA_PROPERTIES.has(name)) return EMPTY;
        return this.#expression(target.object, next);
      }
      case 'TemplateLiteral':
        return union(target.expressions.map((expression) => this.#expression(expression, next)));
      case 'BinaryExpression':
        return target.operator === '+' ? union([this.#expression(target.left, next), this.#expression(target.right, next)]) : EMPTY;
      case 'LogicalExpression':
        return union([this.#expression(target.left, next), this.#expression(target.right, next)]);
      case 'ConditionalExpression':
        return union([this.#expression(target.consequent, next), this.#expression(target.alternate, next)]);
      case 'AwaitExpression':
        return this.#expression(target.argument, next);
      case 'SpreadElement':
        return this.#expression(target.argument, next);
      case 'ObjectExpression':
        return union(target.properties.map((property) => this.#expression(property.type === 'Property' ? property.value : property, next)));
      case 'ArrayExpression':
        return union(target.elements.map((element) => (element ? this.#expression(element, next) : EMPTY)));
      case 'NewExpression':
      case 'CallExpression': {
        const callee = unwrap(target.callee);
        const path = memberPath(callee);
        const argumentsCarried = () => union(target.arguments.map((argument) => this.#expression(argument, next)));
        if (path !== undefined && TRANSPARENT_FUNCTIONS.has(path)) return argumentsCarried();
        if (callee.type === 'MemberExpression') {
          const name = memberName(callee);
          if (name !== undefined && RECEIVER_METHODS.has(name)) {
            const receiver = this.#expression(callee.object, next);
            return name === 'concat' ? union([receiver, argumentsCarried()]) : receiver;
          }
        }
        return EMPTY;
      }
      default:
        return EMPTY;
    }
  }
}

const EMPTY: ReadonlySet<number> = new Set();

function union(sets: readonly ReadonlySet<number>[]): ReadonlySet<number> {
  const nonEmpty = sets.filter((set) => set.size > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  const result = new Set<number>();
  for (const set of nonEmpty) for (const index of set) result.add(index);
  return result;
}

/** An iterative walk of a subtree; `visit` returns false to skip a node's children. Bounded by `MAX_NODES`. */
function walk(root: Node, visit: (node: Node) => boolean): void {
  const stack: Node[] = [root];
  for (let steps = 0; stack.length > 0 && steps < MAX_NODES; steps++) {
    const node = stack.pop() as Node;
    if (!visit(node)) continue;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index--) {
          const item = child[index] as Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}
