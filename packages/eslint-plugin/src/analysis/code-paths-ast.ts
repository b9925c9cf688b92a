import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/**
 * The AST source of the code path facts (code-paths.ts), for engines that do not deliver ESLint's code path
 * events (oxlint's JS plugins before they ran code path analysis, see docs/oxlint.md). It answers the same two
 * questions from the tree alone — "does every path through this statement leave?" and "is this node reached only
 * through that branch?" — for the shapes the rules rely on. Where the tree cannot tell, it answers the way that
 * keeps a rule silent (a statement it cannot prove falls through counts as leaving only when a loop or `try`
 * cannot make it fall through; a use it cannot place is never called guarded, see `regionContains`), so the AST
 * source reports no more than the code path source does.
 */

/** Depth bound of the recursive walk over nested statements (deeper nesting: "cannot tell"). */
const MAX_DEPTH = 200;

/**
 * True when every path through `statement` ends in `return`, `throw`, `break` or `continue` (the statement never
 * falls through to the code after it). Loops, labels and `switch` without `default` count as falling through:
 * their `break`s and conditions need flow the tree does not show. Inside a `switch` case or a `finally`, a jump
 * does not leave the enclosing branch (`jumpsLeave` false there).
 */
export function alwaysLeaves(statement: Node, depth = 0, jumpsLeave = true): boolean {
  if (depth > MAX_DEPTH) return false;
  const leaves = (child: Node, jumps = jumpsLeave) => alwaysLeaves(child, depth + 1, jumps);
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
      return true;
    case 'BreakStatement':
    case 'ContinueStatement':
      // A labelled jump may target a statement inside the branch; an unlabelled one leaves it.
      return jumpsLeave && statement.label === null;
    case 'BlockStatement':
      return statement.body.some((child) => leaves(child));
    case 'IfStatement':
      return statement.alternate !== null && leaves(statement.consequent) && leaves(statement.alternate);
    case 'TryStatement': {
      if (jumpsLeave && statement.finalizer && leaves(statement.finalizer, false)) return true;
      if (!jumpsLeave) return false;
      const handlerLeaves = statement.handler ? leaves(statement.handler.body) : true;
      return leaves(statement.block) && handlerLeaves;
    }
    case 'SwitchStatement': {
      // Every case reaches (directly or by falling through) a `return`/`throw`, and a `default` exists.
      if (!jumpsLeave || !statement.cases.some((switchCase) => switchCase.test === null)) return false;
      const last = statement.cases[statement.cases.length - 1];
      if (!last || !last.consequent.some((child) => leaves(child, false))) return false;
      return statement.cases.every((switchCase) => switchCase.consequent.length === 0 || switchCase.consequent.some((child) => leaves(child, false)));
    }
    default:
      return false;
  }
}

/**
 * Code entered only when a test had one outcome: a branch (`if`/`?:` consequent or alternate, the right operand of
 * `&&`/`||`), or the code after an `if` whose consequent never falls through (`if (!ok) return; use()`).
 */
export type GuardedRegion =
  | { readonly kind: 'branch'; readonly root: Node; readonly branch: Node }
  | { readonly kind: 'after'; readonly root: TSESTree.IfStatement };

/** The statement lists whose later statements run after an earlier one completes. */
function statementList(parent: Node | undefined): readonly Node[] | undefined {
  switch (parent?.type) {
    case 'BlockStatement':
    case 'Program':
    case 'StaticBlock':
      return parent.body as Node[];
    case 'SwitchCase':
      return parent.consequent;
    default:
      return undefined;
  }
}

function within(node: Node, outer: Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

/**
 * True when `use` runs only inside `region`: inside the branch (a function defined there counts as inside, as the
 * code path source places a function at its definition), or in a statement after the `if` in the same statement
 * list when the `if`'s consequent always leaves. Anything else — the `if` nested in a block the use is not in,
 * a `try` around it — is "cannot tell": false.
 */
export function regionContains(region: GuardedRegion, use: Node): boolean {
  if (region.kind === 'branch') return within(use, region.branch);
  const { root } = region;
  if (root.alternate !== null || !alwaysLeaves(root.consequent)) return false;
  const list = statementList(root.parent);
  if (!list) return false;
  const index = list.indexOf(root);
  if (index < 0) return false;
  for (let later = index + 1; later < list.length; later++) {
    if (within(use, list[later])) return true;
  }
  return false;
}
