import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileKey } from './ast.js';

const indexes = new WeakMap<object, NodeIndex>();

/**
 * The node index of a parsed file, built once per `SourceCode` and shared by the file analysis and the data flow
 * (which rules may also build on their own), so the tree is walked once.
 */
export function nodeIndexOf(sourceCode: Readonly<TSESLint.SourceCode>): NodeIndex {
  let index = indexes.get(fileKey(sourceCode));
  if (!index) {
    index = new NodeIndex(sourceCode.ast, sourceCode.visitorKeys);
    indexes.set(fileKey(sourceCode), index);
  }
  return index;
}

/** Node types by their string name: `NodeByType['CallExpression']` is `TSESTree.CallExpression`. */
type NodeByType = { [N in TSESTree.Node as `${N['type']}`]: N };
type NodeType = keyof NodeByType;

/**
 * Every node of the file by type, from one iterative walk (no recursion: the walk must survive nesting at the
 * parser's own limit). Parts of the analysis that look for a kind of node (calls, assignments, JSX elements)
 * read these lists instead of walking the tree again.
 */
export class NodeIndex {
  readonly #byType = new Map<string, TSESTree.Node[]>();
  /** Every node in pre-order (the order of a depth-first walk in source order), for parts that need them all. */
  readonly preorder: readonly TSESTree.Node[];

  constructor(program: TSESTree.Program, visitorKeys: TSESLint.SourceCode.VisitorKeys) {
    const stack: TSESTree.Node[] = [program];
    const preorder: TSESTree.Node[] = [];
    this.preorder = preorder;
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      preorder.push(node);
      const list = this.#byType.get(node.type);
      if (list) list.push(node);
      else this.#byType.set(node.type, [node]);
      const keys = visitorKeys[node.type] ?? [];
      // Children are pushed in reverse so that each list comes out in source order.
      for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex--) {
        const child = (node as unknown as Record<string, unknown>)[keys[keyIndex]];
        if (Array.isArray(child)) {
          for (let index = child.length - 1; index >= 0; index--) {
            const item = child[index] as TSESTree.Node | null;
            if (item && typeof item.type === 'string') stack.push(item);
          }
        } else if (child && typeof (child as TSESTree.Node).type === 'string') {
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }

  /** Nodes of one type, in source order. */
  ofType<T extends NodeType>(type: T): readonly NodeByType[T][] {
    return (this.#byType.get(type) ?? []) as NodeByType[T][];
  }

  /** Nodes of one type inside `node` (`node` itself included), in source order: a slice of `ofType`, no walk. */
  within<T extends NodeType>(type: T, node: TSESTree.Node): readonly NodeByType[T][] {
    const list = this.ofType(type);
    const [start, end] = node.range;
    // The list is in pre-order, so by start offset: the nodes inside start at or after `start` and before `end`.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle].range[0] < start) low = middle + 1;
      else high = middle;
    }
    let last = low;
    while (last < list.length && list[last].range[0] < end) last++;
    return list.slice(low, last).filter((inner) => inner.range[1] <= end);
  }

  #thisMembers: Map<string, TSESTree.MemberExpression[]> | undefined;
  #identifiers: Map<string, TSESTree.Identifier[]> | undefined;

  /** `this.<name>` member expressions by name (built once, on first use). */
  thisMembers(name: string): readonly TSESTree.MemberExpression[] {
    if (!this.#thisMembers) {
      this.#thisMembers = new Map();
      for (const member of this.ofType('MemberExpression')) {
        if (member.object.type !== 'ThisExpression' || member.computed || member.property.type !== 'Identifier') continue;
        const list = this.#thisMembers.get(member.property.name);
        if (list) list.push(member);
        else this.#thisMembers.set(member.property.name, [member]);
      }
    }
    return this.#thisMembers.get(name) ?? [];
  }

  /** Identifiers by name (built once, on first use). */
  identifiersNamed(name: string): readonly TSESTree.Identifier[] {
    if (!this.#identifiers) {
      this.#identifiers = new Map();
      for (const identifier of this.ofType('Identifier')) {
        const list = this.#identifiers.get(identifier.name);
        if (list) list.push(identifier);
        else this.#identifiers.set(identifier.name, [identifier]);
      }
    }
    return this.#identifiers.get(name) ?? [];
  }

  /** Every function node (declarations, expressions, arrows), in source order of their start. */
  functions(): readonly TSESTree.FunctionLike[] {
    return [
      ...this.ofType('FunctionDeclaration'),
      ...this.ofType('FunctionExpression'),
      ...this.ofType('ArrowFunctionExpression'),
    ].sort((a, b) => a.range[0] - b.range[0]) as TSESTree.FunctionLike[];
  }
}
