import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  CACHE_CHECK_WORDS,
  CACHE_DELETE_METHODS,
  CACHE_WRITE_METHODS,
  CACHE_WRITE_VERBS,
  CACHE_WRITE_WORDS,
  CLOCK_NAMES,
  CONTINUATION_CONSTRUCTORS,
  MILLISECOND_CLOCK_METHODS,
  PACING_CALLEES,
  REFRESH_WORDS,
  SECONDS_FIELDS,
  TOKEN_ERROR_PATTERN,
  TOKEN_WORDS,
} from '../knowledge/token-cache.js';
import { SCHEDULER_FUNCTIONS } from '../knowledge/execution-context.js';
import { identifierWords } from '../util/name-words.js';
import { functionName } from './api-call-placement.js';
import { calleeName, enclosingFunction, findVariable, isFunctionNode, memberName, memberPathOf, unwrap } from './ast.js';
import { callsOfFunction } from './instances.js';
import type { NodeIndex } from './node-index.js';

/**
 * How an access_token or jsapi_ticket fetch is paced (docs/architecture.md, "Facts"): the function whose every call
 * runs the fetch, the cache checks that guard it and whether the cache they read is ever written, the writes that
 * make a function a cache's refresher, the timers and memoizers that pace a function, and the statements that
 * empty a token cache. `no-uncached-access-token` asks these questions; it walks nothing itself.
 */
export interface TokenCacheContext {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly nodes: NodeIndex;
  readonly text: string;
}

/** How a fetch inside a function is guarded by a cache. */
export type CacheGuard =
  /** No cache or expiry check before it. */
  | { kind: 'none' }
  /** A check guards it, and the fetched token is kept (or the check belongs to a caller's cache). */
  | { kind: 'cached' }
  /** A check guards it, but nothing the function writes keeps the fetched token: the cache is only ever read. */
  | { kind: 'never-written'; check: TSESTree.Node }
  /** The expiry check compares a millisecond clock with a lifetime in seconds (`expires_in`). */
  | { kind: 'seconds-as-milliseconds'; check: TSESTree.Node; field: string };

function hasWord(name: string | undefined, words: ReadonlySet<string>): boolean {
  return !!name && identifierWords(name).some((word) => words.has(word));
}

/** The names along `a.b.c` and its root (an identifier or a string key). */
function pathNames(node: TSESTree.Node): string[] {
  const target = unwrap(node);
  if (target.type === 'Literal' && typeof target.value === 'string') return [target.value];
  const path = memberPathOf(target);
  if (!path) return target.type === 'Identifier' ? [target.name] : [];
  const root = unwrap(path.root);
  const rootName = root.type === 'Identifier' ? [root.name] : root.type === 'Literal' && typeof root.value === 'string' ? [root.value] : [];
  return [...rootName, ...path.names];
}

export class TokenCaching {
  readonly #context: TokenCacheContext;

  constructor(context: TokenCacheContext) {
    this.#context = context;
  }

  /**
   * The function whose every call runs `node`: the innermost function around it, looking outwards through
   * continuations (a `then` callback, a request's or a query's callback, a promise executor) but not through a
   * function that a timer, scheduler or memoizer paces. Undefined at module level.
   */
  owner(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
    let fn = enclosingFunction(node);
    while (fn) {
      const parent = fn.parent;
      const continuation =
        (parent?.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && !PACING_CALLEES.has(calleeName(parent) ?? '')) ||
        (parent?.type === 'NewExpression' && CONTINUATION_CONSTRUCTORS.has(calleeName(parent) ?? ''));
      if (!continuation) return fn;
      const outer = enclosingFunction(fn);
      if (!outer) return fn;
      fn = outer;
    }
    return undefined;
  }

  /**
   * A function handed to something else, which then decides when it runs: a timer, a memoizer, an SDK's
   * `getToken`, a library's config object (`store.register({ source: () => fetch(…) })`).
   */
  isPassedAsValue(fn: TSESTree.FunctionLike): boolean {
    const parent = fn.parent;
    if (parent?.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return true;
    if (parent?.type === 'NewExpression') return true;
    if (parent?.type === 'Property' && parent.value === fn && parent.parent.type === 'ObjectExpression') {
      const holder = parent.parent.parent;
      if ((holder?.type === 'CallExpression' || holder?.type === 'NewExpression') && holder.arguments.includes(parent.parent)) return true;
    }
    const scopeManager = this.#context.scopeManager;
    const declarator = fn.type === 'FunctionDeclaration' ? fn : parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent : undefined;
    if (!declarator || !scopeManager) return false;
    const declared = scopeManager.getDeclaredVariables(declarator)[0];
    return (
      declared?.references.some((reference) => {
        const use = reference.identifier.parent;
        return (use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.arguments.includes(reference.identifier as TSESTree.CallExpressionArgument);
      }) ?? false
    );
  }

  /**
   * True when `node` runs on a recurring schedule (a cron job, an interval timer): its owning function is handed to a
   * scheduler, or every call of it in this file runs on one (a few functions deep). Such code has no user and no
   * request behind it.
   */
  runsOnSchedule(node: TSESTree.Node, depth = 0): boolean {
    const fn = this.owner(node);
    if (!fn || depth > 4) return false;
    const parent = fn.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && SCHEDULER_FUNCTIONS.has(calleeName(parent) ?? '')) return true;
    const sites = this.callsOf(fn);
    return sites.length > 0 && sites.every((site) => site !== node && this.runsOnSchedule(site, depth + 1));
  }

  /** The function is a cache's refresher by its name (`refreshToken`, `forceRenew`): its callers check expiry. */
  isRefresher(fn: TSESTree.FunctionLike): boolean {
    return hasWord(functionName(fn), REFRESH_WORDS);
  }

  /** Calls of the function in this file by its name. */
  callsOf(fn: TSESTree.FunctionLike): TSESTree.CallExpression[] {
    return callsOfFunction(fn, this.#context.scopeManager, this.#context.nodes);
  }

  /**
   * Writes inside `fn` (its callbacks included) that keep what it fetched: a member or an outer variable named
   * like a cache or a token (`this.token = …`, `cache.expiresAt = …`), a store's write method (`redis.set`,
   * `setAccessToken`). Variables in `reloaded` are loaded again at every call, so writing them keeps nothing.
   */
  writesCache(fn: TSESTree.FunctionLike, reloaded: ReadonlySet<TSESLint.Scope.Variable> = new Set()): boolean {
    const { nodes } = this.#context;
    for (const assignment of nodes.within('AssignmentExpression', fn)) {
      const target = unwrap(assignment.left);
      if (target.type === 'MemberExpression' && pathNames(target).some((name) => hasWord(name, CACHE_WRITE_WORDS))) return true;
      if (target.type === 'Identifier' && hasWord(target.name, CACHE_WRITE_WORDS)) {
        const variable = this.#variable(target);
        // `token = …` on the function's own local keeps nothing past the call.
        if (variable && (reloaded.has(variable) || this.#declaredInside(variable, fn))) continue;
        return true;
      }
    }
    for (const call of nodes.within('CallExpression', fn)) {
      const name = calleeName(call);
      if (!name) continue;
      if (CACHE_WRITE_METHODS.has(name)) return true;
      const words = identifierWords(name);
      if (words.length > 1 && CACHE_WRITE_VERBS.has(words[0]) && words.slice(1).some((word) => TOKEN_WORDS.has(word) || CACHE_CHECK_WORDS.has(word))) return true;
    }
    return false;
  }

  /**
   * How a cache guards `node` inside `fn`: a test (`if`, `?:`, `&&`/`||`/`??`, `switch`, `??=`) that mentions a
   * cached token, a cache or an expiry time and either encloses `node` or returns before it, in `fn` or in the
   * continuations between them. A guard whose cache `fn` never writes (nothing keeps the token fetched past it,
   * or the variables it tests are loaded again from elsewhere at every call) is reported as such, and so is an
   * expiry check that compares milliseconds with a lifetime in seconds.
   */
  guardOf(node: TSESTree.Node, fn: TSESTree.FunctionLike | undefined): CacheGuard {
    const check = this.#cacheCheck(node, fn);
    if (!check) return { kind: 'none' };
    if (check === true) return { kind: 'cached' };
    const unit = this.#secondsAsMilliseconds(check);
    if (unit) return { kind: 'seconds-as-milliseconds', check, field: unit };
    if (!fn) return { kind: 'cached' };
    const reloaded = this.#reloadedBefore(check, fn);
    return this.writesCache(fn, reloaded) ? { kind: 'cached' } : { kind: 'never-written', check };
  }

  /** True when any cache or expiry check guards `node` inside `fn` (whatever its cache). */
  isGuarded(node: TSESTree.Node, fn: TSESTree.FunctionLike | undefined): boolean {
    return this.#cacheCheck(node, fn) !== undefined;
  }

  /** Inside a `catch`, or an `if` that reacts to a rejected token (errcode 40001/42001): a legitimate refresh. */
  isErrorRecovery(node: TSESTree.Node): boolean {
    let current = node.parent;
    while (current && !isFunctionNode(current)) {
      if (current.type === 'CatchClause') return true;
      if (current.type === 'IfStatement' && TOKEN_ERROR_PATTERN.test(this.#textOf(current.test))) return true;
      current = current.parent;
    }
    return false;
  }

  /** A statement that empties a token cache: `delete cache.token`, `redis.del('access_token')`, `tokenCache = null`. */
  tokenCacheClear(statement: TSESTree.Node): TSESTree.Node | undefined {
    const expression = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : undefined;
    if (!expression) return undefined;
    const inner = expression.type === 'AwaitExpression' ? unwrap(expression.argument) : expression;
    const mentionsToken = (target: TSESTree.Node) => pathNames(target).some((name) => hasWord(name, TOKEN_WORDS));
    if (inner.type === 'UnaryExpression' && inner.operator === 'delete' && mentionsToken(inner.argument)) return inner;
    if (inner.type === 'CallExpression') {
      const callee = unwrap(inner.callee);
      if (callee.type !== 'MemberExpression') return undefined;
      const method = memberName(callee);
      if (!method || !CACHE_DELETE_METHODS.has(method)) return undefined;
      return mentionsToken(callee.object) || inner.arguments.some((argument) => mentionsToken(argument)) ? inner : undefined;
    }
    if (inner.type === 'AssignmentExpression' && inner.operator === '=' && mentionsToken(inner.left)) {
      const value = unwrap(inner.right);
      const empty = (value.type === 'Literal' && (value.value === null || value.value === '')) || (value.type === 'Identifier' && value.name === 'undefined');
      return empty ? inner : undefined;
    }
    return undefined;
  }

  #textOf(node: TSESTree.Node): string {
    return this.#context.text.slice(node.range[0], node.range[1]);
  }

  #variable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    return this.#context.scopeManager ? (findVariable(this.#context.scopeManager, identifier) ?? undefined) : undefined;
  }

  #declaredInside(variable: TSESLint.Scope.Variable, fn: TSESTree.FunctionLike): boolean {
    const name = variable.defs[0]?.name;
    return !!name && name.range[0] >= fn.range[0] && name.range[1] <= fn.range[1];
  }

  /** A test that mentions a cache, a token or the clock. */
  #isCacheTest(test: TSESTree.Node): boolean {
    const { nodes } = this.#context;
    const names = [
      ...nodes.within('Identifier', test).map((identifier) => identifier.name),
      ...nodes.within('Literal', test).flatMap((literal) => (typeof literal.value === 'string' ? [literal.value] : [])),
    ];
    if (names.some((name) => CLOCK_NAMES.has(name))) return true;
    return names.some((name) => hasWord(name, CACHE_CHECK_WORDS));
  }

  /** The check that guards `node` up to `fn` (its test), `true` for a `??=`/`||=` fill, or undefined. */
  #cacheCheck(node: TSESTree.Node, fn: TSESTree.FunctionLike | undefined): TSESTree.Node | true | undefined {
    let child: TSESTree.Node = node;
    let current = node.parent;
    while (current && current !== fn) {
      if ((current.type === 'IfStatement' || current.type === 'ConditionalExpression') && child !== current.test && this.#isCacheTest(current.test)) return current.test;
      if (current.type === 'LogicalExpression' && child === current.right && this.#isCacheTest(current.left)) return current.left;
      // `token ??= await fetchToken()`: the fetch runs only while the variable is empty.
      if (current.type === 'AssignmentExpression' && (current.operator === '??=' || current.operator === '||=') && child === current.right) return true;
      if (current.type === 'SwitchCase' && current.test && this.#isCacheTest(current.test)) return current.test;
      // Early returns before it, in this function body: `if (cached && cached.expiresAt > Date.now()) return cached.token;`
      if (isFunctionNode(current) && current.body?.type === 'BlockStatement') {
        const early = this.#earlyCheck(current.body, node);
        if (early) return early;
      }
      child = current;
      current = current.parent;
    }
    if (fn?.body?.type === 'BlockStatement') return this.#earlyCheck(fn.body, node);
    return undefined;
  }

  #earlyCheck(body: TSESTree.BlockStatement, node: TSESTree.Node): TSESTree.Node | undefined {
    for (const statement of body.body) {
      if (statement.range[0] >= node.range[0]) break;
      if (statement.type === 'IfStatement' && this.#isCacheTest(statement.test)) return statement.test;
    }
    return undefined;
  }

  /**
   * Variables that `fn` assigns before its check (loaded from a store or a response at every call): what the
   * function writes to them afterwards is lost at the next call.
   */
  #reloadedBefore(check: TSESTree.Node, fn: TSESTree.FunctionLike): Set<TSESLint.Scope.Variable> {
    const reloaded = new Set<TSESLint.Scope.Variable>();
    for (const assignment of this.#context.nodes.within('AssignmentExpression', fn)) {
      if (assignment.range[0] >= check.range[0]) break;
      const target = unwrap(assignment.left);
      const variable = target.type === 'Identifier' ? this.#variable(target) : undefined;
      if (variable && !this.#declaredInside(variable, fn)) reloaded.add(variable);
    }
    return reloaded;
  }

  /**
   * `Date.now() - createdAt < expires_in`: a millisecond clock difference compared with a lifetime in seconds, so
   * the token counts as fresh for a thousandth of its life. Returns the seconds field.
   */
  #secondsAsMilliseconds(check: TSESTree.Node): string | undefined {
    for (const comparison of this.#context.nodes.within('BinaryExpression', check)) {
      if (!['<', '<=', '>', '>='].includes(comparison.operator)) continue;
      const sides = [unwrap(comparison.left), unwrap(comparison.right)];
      const clockSide = sides.findIndex((side) => this.#isClockDifference(side));
      if (clockSide === -1) continue;
      const other = sides[1 - clockSide];
      const field = other.type === 'Identifier' ? other.name : other.type === 'MemberExpression' ? memberName(other) : undefined;
      if (field && SECONDS_FIELDS.has(field)) return field;
    }
    return undefined;
  }

  /** `Date.now() - t`, `new Date().getTime() - t`. */
  #isClockDifference(node: TSESTree.Node): boolean {
    if (node.type !== 'BinaryExpression' || node.operator !== '-') return false;
    const left = unwrap(node.left);
    return left.type === 'CallExpression' && MILLISECOND_CLOCK_METHODS.has(calleeName(left) ?? '') && unwrap(left.callee).type === 'MemberExpression';
  }
}
