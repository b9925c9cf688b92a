import type { TSESTree } from '@typescript-eslint/utils';
import { ITERATION_METHODS, LIST_HELPER_METHODS, LIST_HELPER_OBJECTS } from '../knowledge/runtime.js';
import { matchesWordPattern } from '../util/name-words.js';
import { childNodes } from './api-calls.js';
import { calleeName, calleeObject, isFunctionNode, memberName, unwrap } from './ast.js';

/**
 * Where an API call runs, as the S10/S11 rules need it: inside a loop (statements, array iteration callbacks,
 * `Promise.all(list.map(…))`, recursion), inside a wechat message handler. Cache and expiry checks around a token
 * fetch are token-cache.ts's.
 */


export interface LoopInfo {
  kind: 'statement' | 'callback' | 'recursion';
  /** The loop statement, the iteration call, or the recursive function. */
  node: TSESTree.Node;
  /** What the loop runs over, when it names it: `for (x of list)`, `list.forEach`, `i < list.length`. */
  iterable?: TSESTree.Node;
}

export interface LoopOptions {
  /** Word patterns of throttle/queue functions: a call inside their callback is paced, not a bare loop. */
  throttleFunctions?: readonly string[];
  /** Skip loops over a literal bound of at most 3 items. */
  skipSmallLiteralLoops?: boolean;
}

function isLoopStatement(node: TSESTree.Node): node is TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement {
  return (
    node.type === 'ForStatement' ||
    node.type === 'ForInStatement' ||
    node.type === 'ForOfStatement' ||
    node.type === 'WhileStatement' ||
    node.type === 'DoWhileStatement'
  );
}

/** The part of a loop statement that runs per iteration (body, test, update); not `init` or a for-of's list. */
function runsPerIteration(loop: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case 'ForStatement':
      return child !== loop.init;
    case 'ForInStatement':
    case 'ForOfStatement':
      return child === loop.body;
    default:
      return true;
  }
}

/** `for (let i = 0; i < 3; i++)`, `for (const x of [a, b])`: at most 3 iterations by its literal bound. */
function isSmallLiteralLoop(loop: LoopInfo): boolean {
  const node = loop.node;
  if (node.type === 'ForOfStatement' || node.type === 'ForInStatement') return isSmallArray(node.right);
  if (node.type === 'ForStatement' && node.test?.type === 'BinaryExpression') {
    const { operator, right } = node.test;
    const start = node.init?.type === 'VariableDeclaration' ? node.init.declarations[0]?.init : undefined;
    const from = start?.type === 'Literal' && typeof start.value === 'number' ? start.value : undefined;
    if (right.type === 'Literal' && typeof right.value === 'number' && from !== undefined) {
      const count = operator === '<' ? right.value - from : operator === '<=' ? right.value - from + 1 : Number.POSITIVE_INFINITY;
      return count <= 3;
    }
  }
  if (node.type === 'CallExpression' && loop.iterable) return isSmallArray(loop.iterable);
  return false;
}

function isSmallArray(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  return expression.type === 'ArrayExpression' && expression.elements.length <= 3 && expression.elements.every((element) => element?.type !== 'SpreadElement');
}

/** The name words of a callee and its receiver: `limiter.schedule` → limiter, schedule. */
function calleeWords(call: TSESTree.CallExpression): string[] {
  const names: string[] = [];
  const name = calleeName(call);
  if (name) names.push(name);
  const object = calleeObject(call);
  if (object?.type === 'Identifier') names.push(object.name);
  if (object?.type === 'MemberExpression') {
    const objectName = memberName(object);
    if (objectName) names.push(objectName);
  }
  return names;
}

function matchesAny(names: readonly string[], patterns: readonly string[]): boolean {
  return names.some((name) => patterns.some((pattern) => matchesWordPattern(name, pattern)));
}

/** The function's own name (declaration, or the variable/property it is assigned to). */
export function functionName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.key.type === 'Identifier') {
    return parent.key.name;
  }
  return undefined;
}

const recursive = new WeakMap<TSESTree.FunctionLike, boolean>();

/** True when `fn` calls itself by name (directly, `this.name(…)` for methods); memoized, several rules ask. */
function isSelfRecursive(fn: TSESTree.FunctionLike): boolean {
  let known = recursive.get(fn);
  if (known === undefined) {
    known = callsItself(fn);
    recursive.set(fn, known);
  }
  return known;
}

function callsItself(fn: TSESTree.FunctionLike): boolean {
  const name = functionName(fn);
  if (!name || !fn.body) return false;
  const stack: TSESTree.Node[] = [fn.body];
  let steps = 0;
  while (stack.length > 0 && steps++ < 20_000) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'CallExpression') {
      const callee = unwrap(node.callee);
      if (callee.type === 'Identifier' && callee.name === name) return true;
      if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && memberName(callee) === name) return true;
    }
    if (isFunctionNode(node)) continue;
    for (const child of childNodes(node)) stack.push(child);
  }
  return false;
}

/**
 * The loop `node` runs in, looking outwards through callbacks passed to calls (`then`, `limit(() => …)`) but not
 * through named functions; a recursive enclosing function counts as a loop. Returns undefined when a throttle
 * or queue callback paces the call, or the loop is a literal loop of at most 3 items.
 */
export function enclosingLoop(node: TSESTree.Node, options: LoopOptions = {}): LoopInfo | undefined {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current) {
    if (isLoopStatement(current) && runsPerIteration(current, child)) {
      const loop: LoopInfo = { kind: 'statement', node: current, iterable: loopIterable(current) };
      return options.skipSmallLiteralLoops && isSmallLiteralLoop(loop) ? undefined : loop;
    }
    if (isFunctionNode(current)) {
      const call = current.parent;
      if (call?.type === 'CallExpression' && call.arguments.includes(current as TSESTree.CallExpressionArgument)) {
        if (options.throttleFunctions && matchesAny(calleeWords(call), options.throttleFunctions)) return undefined;
        const iteration = iterationCall(call, current);
        if (iteration) return options.skipSmallLiteralLoops && isSmallLiteralLoop(iteration) ? undefined : iteration;
        // Another callback (`then`, `setTimeout`, an event listener): keep looking outwards.
      } else {
        return isSelfRecursive(current) ? { kind: 'recursion', node: current } : undefined;
      }
    }
    child = current;
    current = current.parent;
  }
  return undefined;
}

function iterationCall(call: TSESTree.CallExpression, callback: TSESTree.FunctionLike): LoopInfo | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = memberName(callee);
  if (!method) return undefined;
  if (ITERATION_METHODS.has(method) && call.arguments[0] === callback) {
    return { kind: 'callback', node: call, iterable: unwrap(callee.object) };
  }
  const object = unwrap(callee.object);
  if (object.type === 'Identifier' && LIST_HELPER_OBJECTS.has(object.name) && LIST_HELPER_METHODS.has(method) && call.arguments[0] && call.arguments[0] !== callback) {
    return { kind: 'callback', node: call, iterable: call.arguments[0] };
  }
  return undefined;
}

function loopIterable(loop: TSESTree.Node): TSESTree.Node | undefined {
  if (loop.type === 'ForOfStatement' || loop.type === 'ForInStatement') return loop.right;
  if (loop.type === 'ForStatement' && loop.test?.type === 'BinaryExpression') {
    const right = unwrap(loop.test.right);
    if (right.type === 'MemberExpression' && memberName(right) === 'length') return right.object;
  }
  return undefined;
}

/** The innermost variable/parameter name at the root of `a.b.c`, `a.slice()`, `a.filter(…).map(…)`. */
export function rootName(node: TSESTree.Node): { name: string; identifier?: TSESTree.Identifier; names: string[] } | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  for (let steps = 0; steps < 50; steps++) {
    if (current.type === 'Identifier') {
      names.push(current.name);
      return { name: current.name, identifier: current, names };
    }
    if (current.type === 'MemberExpression') {
      const name = memberName(current);
      if (name) names.push(name);
      current = unwrap(current.object);
      continue;
    }
    if (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') {
      current = unwrap(current.callee.object);
      continue;
    }
    if (current.type === 'AwaitExpression') {
      current = unwrap(current.argument);
      continue;
    }
    if (current.type === 'ThisExpression') return names.length ? { name: names[names.length - 1], names } : undefined;
    return undefined;
  }
  return undefined;
}

// ── Message handlers ───────────────────────────────────────────────────────────────────────────────────────

/**
 * True when `fn` handles inbound Official Account messages through the `wechat` / `co-wechat` middleware:
 * `wechat(config, async (message, req, res) => …)`, `wechat(config).middleware(async (message, ctx) => …)`.
 * Route and middleware handlers of the server frameworks come from the shared analysis (analysis/execution-contexts.ts);
 * these run once per inbound message, so they count as request handlers too.
 */
export function isMessageHandler(fn: TSESTree.FunctionLike): boolean {
  const parent = fn.parent;
  if (parent?.type !== 'CallExpression' || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(parent.callee);
  if (callee.type === 'MemberExpression') {
    const method = memberName(callee);
    return (method === 'middleware' || method === 'middlewarify') && unwrap(callee.object).type === 'CallExpression';
  }
  return callee.type === 'Identifier' && /^(?:co)?wechat$/iu.test(callee.name) && parent.arguments.length >= 2;
}

/** The wechat/co-wechat message handler `node` runs in (through nested callbacks), or undefined. */
export function enclosingMessageHandler(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current) && isMessageHandler(current)) return current;
    current = current.parent;
  }
  return undefined;
}
