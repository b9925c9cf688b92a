import type { TSESTree } from '@typescript-eslint/utils';
import type { CodePathFacts } from '../code-paths.js';
import { staticPropertyName } from './engine.js';

type Node = TSESTree.Node;

/**
 * Checks that gate an operation (consent and moderation checks count only where their result gates
 * the operation — an `if` on it, an early return, or the operation inside its callback/`then`).
 *
 * Whether a branch always leaves (returns or throws on every path, through nested `if`/`try`/`switch`) is a code
 * path fact of the file's one collector (`CodePathFacts.alwaysLeaves`, analysis/code-paths.ts), which answers from
 * ESLint's code path events or, on an engine without them, from the tree. A rule that asks registers the collector
 * with `defineAnalysisVisitor` and asks after the Program's `onCodePathEnd`, when every branch is known.
 */

/**
 * True when `operation` runs only once a check passed: inside a branch of an `if`/`?:`/`&&` whose test uses a
 * check's result, after an `if` on a check whose other branch always leaves, or inside a callback handed to the
 * check or to `.then` on it. `isCheck` says which calls are checks; `resultOf` resolves a variable to the
 * expression it was assigned (to follow `const ok = await askConsent(…)`).
 */
export function isGated(
  codePaths: Pick<CodePathFacts, 'alwaysLeaves'>,
  operation: Node,
  isCheck: (call: TSESTree.CallExpression) => boolean,
  resultOf: (identifier: TSESTree.Identifier) => Node | undefined,
): boolean {
  const usesCheck = (expression: Node) => containsCheck(expression, isCheck, resultOf);
  let child: Node = operation;
  for (let parent = operation.parent, steps = 0; parent && steps < 2000; child = parent, parent = parent.parent, steps++) {
    switch (parent.type) {
      case 'IfStatement':
        if (child !== parent.test && usesCheck(parent.test)) return true;
        break;
      case 'ConditionalExpression':
        if (child !== parent.test && usesCheck(parent.test)) return true;
        break;
      case 'LogicalExpression':
        if (child === parent.right && usesCheck(parent.left)) return true;
        break;
      case 'CallExpression':
        if (
          (child.type === 'ArrowFunctionExpression' || child.type === 'FunctionExpression') &&
          parent.arguments.includes(child) &&
          isCallbackOfCheck(parent, isCheck, usesCheck)
        ) {
          return true;
        }
        break;
      case 'BlockStatement':
      case 'Program':
      case 'StaticBlock':
      case 'SwitchCase': {
        const body = (parent.type === 'SwitchCase' ? parent.consequent : parent.body) as Node[];
        const index = body.indexOf(child);
        // Statements before this one: an `if` on a check with a branch that always leaves gates the rest.
        for (let i = index - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
          const statement = body[i];
          if (statement.type !== 'IfStatement' || !usesCheck(statement.test)) continue;
          if (codePaths.alwaysLeaves(statement.consequent) || (statement.alternate && codePaths.alwaysLeaves(statement.alternate))) return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/** `check(() => op)`, `check(…).then(() => op)`, `(await check()) && …` style callbacks. */
function isCallbackOfCheck(
  call: TSESTree.CallExpression,
  isCheck: (call: TSESTree.CallExpression) => boolean,
  usesCheck: (expression: Node) => boolean,
): boolean {
  if (isCheck(call)) return true;
  const callee = call.callee;
  if (callee.type === 'MemberExpression') {
    const method = staticPropertyName(callee);
    if (method === 'then' && usesCheck(callee.object)) return true;
  }
  return false;
}

/** True when `expression` (bounded) calls a check or reads a variable assigned from one. */
function containsCheck(
  expression: Node,
  isCheck: (call: TSESTree.CallExpression) => boolean,
  resultOf: (identifier: TSESTree.Identifier) => Node | undefined,
): boolean {
  const stack: { node: Node; hops: number }[] = [{ node: expression, hops: 0 }];
  for (let visited = 0; stack.length > 0 && visited < 300; visited++) {
    const { node, hops } = stack.pop()!;
    switch (node.type) {
      case 'CallExpression':
        if (isCheck(node)) return true;
        stack.push({ node: node.callee, hops });
        for (const argument of node.arguments) stack.push({ node: argument, hops });
        break;
      case 'Identifier': {
        if (hops >= 3) break;
        const value = resultOf(node);
        if (value) stack.push({ node: value, hops: hops + 1 });
        break;
      }
      case 'MemberExpression':
        stack.push({ node: node.object, hops });
        break;
      case 'ChainExpression':
      case 'TSNonNullExpression':
      case 'TSAsExpression':
        stack.push({ node: node.expression, hops });
        break;
      case 'AwaitExpression':
      case 'UnaryExpression':
        stack.push({ node: node.argument, hops });
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
        stack.push({ node: node.left as Node, hops }, { node: node.right, hops });
        break;
      case 'ConditionalExpression':
        stack.push({ node: node.test, hops }, { node: node.consequent, hops }, { node: node.alternate, hops });
        break;
      default:
        break;
    }
  }
  return false;
}
