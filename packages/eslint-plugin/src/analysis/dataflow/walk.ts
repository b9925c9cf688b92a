import type { TSESTree } from '@typescript-eslint/utils';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Visits every node under `root` once, iteratively (no recursion: nesting to the parser's limit must not
 * overflow the stack here). `enter` returning false skips the node's children; `exit` runs after them.
 */
export function walk(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  enter: (node: TSESTree.Node) => boolean | void,
  exit?: (node: TSESTree.Node) => void,
): void {
  const stack: { node: TSESTree.Node; exiting: boolean }[] = [{ node: root, exiting: false }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.exiting) {
      exit?.(item.node);
      continue;
    }
    const node = item.node;
    if (enter(node) === false) continue;
    if (exit) stack.push({ node, exiting: true });
    const keys = visitorKeys[node.type] ?? [];
    // Pushed in reverse so that children are visited in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const element = child[i] as TSESTree.Node | null;
          if (element && typeof element.type === 'string') stack.push({ node: element, exiting: false });
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push({ node: child as TSESTree.Node, exiting: false });
      }
    }
  }
}
