import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ITERATION_METHODS } from '../knowledge/runtime.js';
import path from 'node:path';
import {
  AUTOMATIC_HOOK_FUNCTIONS,
  AUTOMATIC_LIFECYCLE_METHODS,
  contextOfEvent,
  eventOfHandlerProperty,
  FASTIFY_HOOK_METHOD,
  GESTURE_EVENTS,
  LISTENER_REGISTRATION_METHODS,
  LOGIN_ROUTE_WORDS,
  ROUTE_TABLE_HANDLER_KEYS,
  ROUTE_TABLE_PATH_KEYS,
  MIDDLEWARE_METHODS,
  NEST_ROUTE_DECORATORS,
  NEXT_ROUTE_HANDLER_EXPORTS,
  OBSERVER_CONSTRUCTORS,
  PROMISE_CONTINUATIONS,
  REACT_EFFECT_HOOKS,
  READY_METHODS,
  ROUTE_METHODS,
  ROUTER_GUARDS,
  TIMER_FUNCTIONS,
  WATCH_OPTION,
} from '../knowledge/execution-context.js';
import { identifierWords } from '../util/name-words.js';
import { calleeName, calleeObject, consumerOf, findVariable, isFunctionNode, literalString, memberName, propertyKeyName, unwrap } from './ast.js';
import type { FileKind } from './file-kind.js';
import { moduleSpecifiers } from './globals.js';
import type { NodeIndex } from './node-index.js';
import { templateEventsOf } from './vue.js';

/**
 * Execution context on the browser's user-activation model:
 * - `gesture`: handlers of activation events (click, submit, keys, …) registered by `addEventListener`,
 *   `on<event>` properties, JSX `onClick`, jQuery `.on('click')`/`.click(fn)` (Vue `@click` through
 *   `addTemplateHandler`), and their continuations (code after `await`, `.then` callbacks, timers started there);
 * - `automatic`: module top level, load/DOMContentLoaded/… handlers, timers and observers started outside a
 *   gesture, `wx.ready`, React effects and `componentDidMount`, Vue `mounted`/`created`/`setup`/`onMounted`/
 *   `watch`, Angular `ngOnInit`, router guards, and every server route or middleware handler;
 * - `unknown`: everything else (`change`/`input` handlers, exported functions nobody in the file calls).
 * A function defined in the file takes the context of its call sites and registrations: automatic if any is
 * automatic, gesture if all are gestures, unknown otherwise.
 *
 * Contexts are computed on demand, once per function, enclosing functions first, so the memoised recursion stays
 * shallow even for callbacks nested thousands deep; chains through named functions are bounded by MAX_CHAIN.
 */
export type ExecutionContext = 'gesture' | 'automatic' | 'unknown';

export type ServerFramework = 'express' | 'koa' | 'egg' | 'fastify' | 'nest' | 'next' | 'node-http';

/** A server route, middleware or guard handler (docs/architecture.md, server code). */
export interface ServerHandler {
  readonly fn: TSESTree.FunctionLike;
  readonly framework: ServerFramework;
  readonly kind: 'route' | 'middleware' | 'guard' | 'interceptor';
  /** The route path when it is static (`'/login'`, a Nest controller prefix + method path, a Next file route). */
  readonly path: string | undefined;
  /** Runs for every request: `app.use(fn)` without a path, Koa/Egg middleware, Nest guards, Next middleware. */
  readonly everyRequest: boolean;
  /** A route dedicated to login: its path has a word `login`, `auth`, `oauth` or `signin`. */
  readonly loginRoute: boolean;
}

const MAX_CHAIN = 150;

function combine(contributions: readonly ExecutionContext[]): ExecutionContext {
  if (contributions.length === 0) return 'unknown';
  if (contributions.includes('automatic')) return 'automatic';
  if (contributions.every((context) => context === 'gesture')) return 'gesture';
  return 'unknown';
}

export function isLoginRoutePath(routePath: string | undefined): boolean {
  if (!routePath) return false;
  // Split before lowercasing, so camelCase paths (`/wxAuth`, `/oauthLogin`) keep their words.
  const segments = routePath.split(/[^A-Za-z0-9-]+/u).flatMap((segment) => [segment, ...segment.split('-')]);
  return segments.some((segment) => {
    const lower = segment.toLowerCase();
    return LOGIN_ROUTE_WORDS.includes(lower) || identifierWords(segment).some((word) => LOGIN_ROUTE_WORDS.includes(word.toLowerCase()));
  });
}

export interface ContextInput {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly nodes: NodeIndex;
  readonly fileKind: FileKind;
  readonly filename: string;
}

export class ExecutionContexts {
  readonly #input: ContextInput;
  readonly #memo = new Map<TSESTree.FunctionLike, ExecutionContext>();
  readonly #active = new Set<TSESTree.FunctionLike>();
  readonly #handlers = new Map<TSESTree.FunctionLike, ServerHandler>();
  readonly #templateHandlers = new Map<string, ExecutionContext[]>();
  #depth = 0;
  #serverDone = false;

  constructor(input: ContextInput) {
    this.#input = input;
  }

  /**
   * Hook for template languages (Vue `@click="go"`, HTML `onclick`): a method of the file's component named
   * `name` is registered as a handler with this context. Call before the first context is asked.
   */
  addTemplateHandler(name: string, context: ExecutionContext): void {
    const list = this.#templateHandlers.get(name);
    if (list) list.push(context);
    else this.#templateHandlers.set(name, [context]);
    this.#memo.clear();
  }

  /** The context code at `node` runs in. */
  contextOf(node: TSESTree.Node): ExecutionContext {
    // The enclosing functions, innermost first; their contexts are computed outermost first so that the
    // memoised recursion from an inner callback to its outer one stays one level deep.
    const chain: TSESTree.FunctionLike[] = [];
    for (let current = node.parent; current; current = current.parent) {
      if (isFunctionNode(current)) {
        if (this.#memo.has(current)) {
          chain.push(current);
          break;
        }
        chain.push(current);
      }
    }
    if (chain.length === 0) return 'automatic';
    for (let index = chain.length - 1; index > 0; index--) this.functionContext(chain[index]);
    // Default parameter values and the body run when the function runs.
    return this.functionContext(chain[0]);
  }

  /** Server handlers of the file. */
  get serverHandlers(): readonly ServerHandler[] {
    this.#findServerHandlers();
    return [...this.#handlers.values()].sort((a, b) => a.fn.range[0] - b.fn.range[0]);
  }

  /** The innermost server handler that contains `node` (or is it). */
  handlerOf(node: TSESTree.Node): ServerHandler | undefined {
    this.#findServerHandlers();
    let current: TSESTree.Node | undefined = node;
    while (current) {
      if (isFunctionNode(current)) {
        const handler = this.#handlers.get(current);
        if (handler) return handler;
      }
      current = current.parent;
    }
    return undefined;
  }

  /** The context a function's body runs in. */
  functionContext(fn: TSESTree.FunctionLike): ExecutionContext {
    const cached = this.#memo.get(fn);
    if (cached) return cached;
    if (this.#active.has(fn) || this.#depth > MAX_CHAIN) return 'unknown';
    this.#active.add(fn);
    this.#depth++;
    let result: ExecutionContext;
    try {
      result = this.#computeFunction(fn);
    } finally {
      this.#depth--;
      this.#active.delete(fn);
    }
    this.#memo.set(fn, result);
    return result;
  }

  #computeFunction(fn: TSESTree.FunctionLike): ExecutionContext {
    this.#findServerHandlers();
    if (this.#handlers.has(fn)) return 'automatic';
    const contributions: ExecutionContext[] = [];
    const own = this.#placement(fn);
    if (own !== null) contributions.push(own);
    // Named functions and functions stored in a variable: every use of the name.
    for (const use of this.#nameUses(fn)) {
      const placed = this.#placement(use);
      contributions.push(placed ?? 'unknown');
    }
    return combine(contributions);
  }

  /** Identifier or `this.x` uses of a named function (declaration, `const f = () => …`, method). */
  #nameUses(fn: TSESTree.FunctionLike): TSESTree.Node[] {
    const scopeManager = this.#input.scopeManager;
    const uses: TSESTree.Node[] = [];
    let identifier: TSESTree.Identifier | undefined;
    if (fn.type === 'FunctionDeclaration' && fn.id) identifier = fn.id;
    const parent = fn.parent;
    if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') identifier = parent.id;
    if (identifier && scopeManager) {
      const variable = findVariable(scopeManager, identifier);
      for (const reference of variable?.references ?? []) {
        // vue-eslint-parser marks `<script setup>` bindings the template uses with a read on the declaration's own
        // name: not a use (the template bindings themselves come from templateEventsOf below).
        if (reference.isRead() && reference.identifier !== identifier) uses.push(reference.identifier);
      }
      if (fn.type === 'FunctionDeclaration' && fn.parent?.type === 'ExportNamedDeclaration') uses.push(fn);
    }
    // Methods of a class or object literal: `this.name(…)`, `onClick={this.name}`, and template bindings.
    const method = parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && parent.value === fn) ? parent : undefined;
    if (method) {
      const name = propertyKeyName(method);
      if (name !== undefined) {
        let container: TSESTree.Node | undefined = method.parent;
        // Vue `methods: { go() {} }` are called as `this.go()` anywhere in the component object.
        if (container?.parent?.type === 'Property' && propertyKeyName(container.parent) === 'methods') container = container.parent.parent;
        if (container) {
          const [start, end] = container.range;
          for (const member of this.#input.nodes.thisMembers(name)) {
            if (member.range[0] >= start && member.range[1] <= end) uses.push(member);
          }
        }
        for (const context of this.#templateHandlers.get(name) ?? []) uses.push(templateUse(context));
      }
    }
    // Markup handlers: Vue `@click="go"` on a component function, an HTML page's `onclick` attribute block.
    for (const event of templateEventsOf(fn, this.#input.filename)) uses.push(templateUse(contextOfEvent(event)));
    return uses;
  }

  /**
   * The context a function (or a reference to one) gets from where it stands: a handler registration, a
   * callback of a timer/promise/hook, a lifecycle method, a call. Null when the position says nothing.
   */
  #placement(node: TSESTree.Node): ExecutionContext | null {
    const template = templateContext(node);
    if (template) return template;
    const { node: value, parent } = consumerOf(node);
    if (!parent) return null;
    // Called: `go()`, `(() => …)()`, `this.go()`.
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === value) {
      return this.contextOf(parent);
    }
    if (parent.type === 'CallExpression' && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
      return this.#callbackContext(parent, value);
    }
    if (parent.type === 'NewExpression' && parent.arguments[0] === value) {
      const callee = unwrap(parent.callee);
      if (callee.type === 'Identifier' && OBSERVER_CONSTRUCTORS.has(callee.name)) return this.#laterContext(parent);
      if (callee.type === 'Identifier' && callee.name === 'Promise') return this.contextOf(parent);
      return null;
    }
    if (parent.type === 'JSXExpressionContainer' && parent.parent?.type === 'JSXAttribute') {
      const attribute = parent.parent;
      const name = attribute.name.type === 'JSXIdentifier' ? attribute.name.name : attribute.name.name.name;
      const event = eventOfHandlerProperty(name);
      return event ? contextOfEvent(event) : null;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === value) {
      const left = parent.left;
      if (left.type === 'MemberExpression') {
        const name = memberName(left);
        const event = name ? eventOfHandlerProperty(name) : undefined;
        if (event) return contextOfEvent(event);
        if (name === 'exports' || (left.object.type === 'Identifier' && left.object.name === 'exports')) return 'unknown';
      }
      return null;
    }
    if (parent.type === 'Property' && parent.value === value) {
      const key = propertyKeyName(parent);
      if (key === undefined) return null;
      if (AUTOMATIC_LIFECYCLE_METHODS.has(key) || ROUTER_GUARDS.has(key)) return 'automatic';
      // Vue `watch: { q(value) { … } }` and `watch: { q: { handler() { … } } }`.
      const object = parent.parent;
      const owner = object?.parent;
      if (owner?.type === 'Property' && propertyKeyName(owner) === WATCH_OPTION) return 'automatic';
      if (key === 'handler' && owner?.type === 'Property' && owner.parent?.parent?.type === 'Property' && propertyKeyName(owner.parent.parent) === WATCH_OPTION) {
        return 'automatic';
      }
      const event = eventOfHandlerProperty(key);
      if (event) return contextOfEvent(event);
      return null;
    }
    if (parent.type === 'MethodDefinition' && parent.value === value) {
      const key = propertyKeyName(parent);
      if (key !== undefined && (AUTOMATIC_LIFECYCLE_METHODS.has(key) || ROUTER_GUARDS.has(key))) return 'automatic';
      return null;
    }
    if (parent.type === 'ExportDefaultDeclaration' || parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportSpecifier') {
      return 'unknown';
    }
    return null;
  }

  /** A function passed to a call: which call decides its context. */
  #callbackContext(call: TSESTree.CallExpression, callback: TSESTree.Node): ExecutionContext | null {
    const name = calleeName(call);
    const callee = unwrap(call.callee);
    if (name === undefined) return null;
    if (LISTENER_REGISTRATION_METHODS.has(name) && call.arguments.length >= 2 && call.arguments.at(-1) === callback) {
      const event = literalString(call.arguments[0]);
      if (event === undefined) return 'unknown';
      // `.on('click touchend', fn)`: jQuery takes several events; a gesture only if all are.
      const events = event.split(/\s+/u).filter(Boolean).map((part) => part.split('.')[0]);
      return combine(events.map((part) => contextOfEvent(part)));
    }
    if (callee.type === 'MemberExpression' && GESTURE_EVENTS.has(name) && call.arguments.length === 1) return 'gesture';
    if (TIMER_FUNCTIONS.has(name)) return this.#laterContext(call);
    if (PROMISE_CONTINUATIONS.has(name) && callee.type === 'MemberExpression') return this.contextOf(call);
    if (ITERATION_METHODS.has(name) && callee.type === 'MemberExpression') return this.contextOf(call);
    if (READY_METHODS.has(name) && callee.type === 'MemberExpression') return 'automatic';
    // jQuery `$(fn)` runs fn when the document is ready.
    if (callee.type === 'Identifier' && (name === '$' || name === 'jQuery') && call.arguments[0] === callback) return 'automatic';
    if (REACT_EFFECT_HOOKS.has(name) || AUTOMATIC_HOOK_FUNCTIONS.has(name)) return 'automatic';
    if (callee.type === 'MemberExpression' && ROUTER_GUARDS.has(name)) return 'automatic';
    return null;
  }

  /** Timers and observers: a gesture's continuation inside a gesture, automatic anywhere else. */
  #laterContext(call: TSESTree.Node): ExecutionContext {
    return this.contextOf(call) === 'gesture' ? 'gesture' : 'automatic';
  }

  #findServerHandlers(): void {
    if (this.#serverDone) return;
    this.#serverDone = true;
    const { nodes, fileKind } = this.#input;
    const add = (fn: TSESTree.Node | undefined, handler: Omit<ServerHandler, 'fn' | 'loginRoute'>) => {
      const target = fn ? unwrap(fn) : undefined;
      if (!isFunctionNode(target) || this.#handlers.has(target)) return;
      this.#handlers.set(target, { ...handler, fn: target, loginRoute: isLoginRoutePath(handler.path) });
    };
    const server = fileKind === 'server';
    const program = nodes.ofType('Program')[0];
    const imported = program ? moduleSpecifiers(program, this.#input.scopeManager) : [];
    const fileFramework: ServerFramework = imported.some((name) => name === 'koa' || name === '@koa/router' || name === 'koa-router')
      ? 'koa'
      : imported.some((name) => name === 'egg' || name.startsWith('egg-'))
        ? 'egg'
        : imported.includes('fastify')
          ? 'fastify'
          : 'express';
    for (const call of nodes.ofType('CallExpression')) {
      const name = calleeName(call);
      if (name === undefined) continue;
      const callee = unwrap(call.callee);
      // `http.createServer((req, res) => …)`: one handler for every request.
      if (name === 'createServer') {
        add(call.arguments.find((argument) => isFunctionNode(unwrap(argument))), {
          framework: 'node-http',
          kind: 'route',
          path: undefined,
          everyRequest: true,
        });
        continue;
      }
      if (!server || callee.type !== 'MemberExpression') continue;
      const receiver = calleeObject(call);
      const receiverName = receiver?.type === 'Identifier' ? receiver.name : receiver?.type === 'MemberExpression' ? memberName(receiver) : undefined;
      const framework: ServerFramework = receiverName && /fastify/iu.test(receiverName) ? 'fastify' : fileFramework;
      if (ROUTE_METHODS.has(name) || MIDDLEWARE_METHODS.has(name)) {
        const routePath = literalString(call.arguments[0]);
        const fnArguments = call.arguments.filter((argument) => {
          const target = unwrap(argument);
          return isFunctionNode(target) || target.type === 'Identifier' || target.type === 'MemberExpression';
        });
        const middleware = MIDDLEWARE_METHODS.has(name);
        for (const argument of fnArguments) {
          const fn = this.#resolveFunction(argument);
          add(fn, { framework, kind: middleware ? 'middleware' : 'route', path: routePath, everyRequest: middleware && routePath === undefined });
        }
        // Fastify `fastify.route({ method, url, handler })`.
        const options = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
        if (name === 'route' && options?.type === 'ObjectExpression') {
          let url: string | undefined;
          let handler: TSESTree.Node | undefined;
          for (const property of options.properties) {
            if (property.type !== 'Property') continue;
            const key = propertyKeyName(property);
            if (key === 'url' || key === 'path') url = literalString(property.value);
            if (key === 'handler') handler = property.value;
          }
          add(handler, { framework: 'fastify', kind: 'route', path: url, everyRequest: false });
        }
        continue;
      }
      if (name === FASTIFY_HOOK_METHOD) {
        add(this.#resolveFunction(call.arguments[1]), { framework: 'fastify', kind: 'middleware', path: undefined, everyRequest: true });
      }
    }
    if (!server && fileKind !== 'unknown') return;
    // Route table entries (`module.exports = { path: '/wxAuth', middleware: [check, wxAuth] }`), registered by a
    // loop elsewhere: each function listed serves that path. Before the signature test below, which would take a
    // `(ctx, next)` function of such a table for middleware of every request.
    if (server) {
      for (const object of nodes.ofType('ObjectExpression')) {
        let routePath: string | undefined;
        const handlers: TSESTree.Node[] = [];
        for (const property of object.properties) {
          if (property.type !== 'Property') continue;
          const key = propertyKeyName(property);
          if (key === undefined) continue;
          if (ROUTE_TABLE_PATH_KEYS.has(key)) routePath = literalString(property.value);
          else if (ROUTE_TABLE_HANDLER_KEYS.has(key)) {
            const value = unwrap(property.value);
            handlers.push(...(value.type === 'ArrayExpression' ? value.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== 'SpreadElement') : [value]));
          }
        }
        if (routePath === undefined || !routePath.startsWith('/') || handlers.length === 0) continue;
        for (const handler of handlers) add(this.#resolveFunction(handler), { framework: fileFramework, kind: 'route', path: routePath, everyRequest: false });
      }
    }
    // Koa/Egg middleware: `async (ctx, next) => …` / `function (ctx, next)`.
    for (const fn of nodes.functions()) {
      const [first, second] = fn.params;
      if (first?.type === 'Identifier' && second?.type === 'Identifier' && first.name === 'ctx' && second.name === 'next' && server) {
        add(fn, { framework: 'koa', kind: 'middleware', path: undefined, everyRequest: true });
      }
    }
    // Classes: Egg controllers (`extends Controller`), Nest controllers, guards, interceptors and middleware.
    for (const classNode of [...nodes.ofType('ClassDeclaration'), ...nodes.ofType('ClassExpression')]) {
      const superClass = classNode.superClass ? unwrap(classNode.superClass) : undefined;
      const superName =
        superClass?.type === 'Identifier' ? superClass.name : superClass?.type === 'MemberExpression' ? memberName(superClass) : undefined;
      const implementsNames = (classNode.implements ?? []).map((clause) =>
        clause.expression.type === 'Identifier' ? clause.expression.name : undefined,
      );
      const controllerDecorator = (classNode.decorators ?? []).find((decorator) => decoratorName(decorator) === 'Controller');
      const prefix = controllerDecorator ? decoratorPath(controllerDecorator) : undefined;
      for (const member of classNode.body.body) {
        if (member.type !== 'MethodDefinition' || member.kind !== 'method') continue;
        const key = propertyKeyName(member);
        const routeDecorator = (member.decorators ?? []).find((decorator) => NEST_ROUTE_DECORATORS.has(decoratorName(decorator) ?? ''));
        if (routeDecorator) {
          const own = decoratorPath(routeDecorator);
          add(member.value, { framework: 'nest', kind: 'route', path: joinRoute(prefix, own), everyRequest: false });
        } else if (superName === 'Controller' && server && key !== 'constructor') {
          add(member.value, { framework: 'egg', kind: 'route', path: undefined, everyRequest: false });
        } else if (implementsNames.includes('CanActivate') && key === 'canActivate') {
          add(member.value, { framework: 'nest', kind: 'guard', path: undefined, everyRequest: true });
        } else if (implementsNames.includes('NestInterceptor') && key === 'intercept') {
          add(member.value, { framework: 'nest', kind: 'interceptor', path: undefined, everyRequest: false });
        } else if (implementsNames.includes('NestMiddleware') && key === 'use') {
          add(member.value, { framework: 'nest', kind: 'middleware', path: undefined, everyRequest: true });
        }
      }
    }
    // Next.js: App Router `export async function GET(request)`, Pages API `export default function handler(req, res)`,
    // and `export function middleware(request)`.
    const routePath = nextRoutePath(this.#input.filename);
    for (const declaration of nodes.ofType('ExportNamedDeclaration')) {
      const fn = declaration.declaration;
      if (fn?.type === 'FunctionDeclaration' && fn.id) {
        if (NEXT_ROUTE_HANDLER_EXPORTS.has(fn.id.name) && routePath !== undefined) {
          add(fn, { framework: 'next', kind: 'route', path: routePath, everyRequest: false });
        } else if (fn.id.name === 'middleware' && /(?:^|[\\/])middleware\.[cm]?[jt]s$/u.test(this.#input.filename)) {
          add(fn, { framework: 'next', kind: 'middleware', path: undefined, everyRequest: true });
        }
      }
    }
    // App Router pages (`app/shop/page.tsx`): the default export renders the page on the server for every visit,
    // unless the file is a client component (`'use client'`).
    const pagePath = nextPagePath(this.#input.filename);
    if (pagePath !== undefined && !hasUseClientDirective(program)) {
      for (const declaration of nodes.ofType('ExportDefaultDeclaration')) {
        add(this.#resolveFunction(declaration.declaration), { framework: 'next', kind: 'route', path: pagePath, everyRequest: false });
      }
    }
    if (/(?:^|[\\/])pages[\\/]api[\\/]/u.test(this.#input.filename)) {
      for (const declaration of nodes.ofType('ExportDefaultDeclaration')) {
        add(this.#resolveFunction(declaration.declaration), { framework: 'next', kind: 'route', path: routePath, everyRequest: false });
      }
    }
  }

  #resolveFunction(node: TSESTree.Node | undefined): TSESTree.FunctionLike | undefined {
    if (!node) return undefined;
    const target = unwrap(node);
    if (isFunctionNode(target)) return target;
    if (target.type === 'Identifier' && this.#input.scopeManager) {
      const variable = findVariable(this.#input.scopeManager, target);
      const definition = variable?.defs[0];
      if (definition?.type === 'FunctionName') return definition.node as TSESTree.FunctionLike;
      if (definition?.type === 'Variable') {
        const init = (definition.node as TSESTree.VariableDeclarator).init;
        const value = init ? unwrap(init) : undefined;
        if (isFunctionNode(value)) return value;
      }
    }
    return undefined;
  }
}

/** A synthetic use that stands for a template binding (`@click="go"`). */
interface TemplateUse {
  readonly type: 'TemplateUse';
  readonly context: ExecutionContext;
}
function templateUse(context: ExecutionContext): TSESTree.Node {
  return { type: 'TemplateUse', context } as unknown as TSESTree.Node;
}
function templateContext(node: TSESTree.Node): ExecutionContext | undefined {
  return (node as unknown as TemplateUse).type === 'TemplateUse' ? (node as unknown as TemplateUse).context : undefined;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrap(decorator.expression);
  if (expression.type === 'CallExpression') return calleeName(expression);
  if (expression.type === 'Identifier') return expression.name;
  return undefined;
}

function decoratorPath(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrap(decorator.expression);
  if (expression.type !== 'CallExpression') return undefined;
  const first = expression.arguments[0];
  if (!first) return '';
  const text = literalString(first);
  if (text !== undefined) return text;
  if (first.type === 'ObjectExpression') {
    for (const property of first.properties) {
      if (property.type === 'Property' && propertyKeyName(property) === 'path') return literalString(property.value);
    }
  }
  return undefined;
}

function joinRoute(prefix: string | undefined, own: string | undefined): string | undefined {
  if (prefix === undefined && own === undefined) return undefined;
  return `/${[prefix ?? '', own ?? ''].map((part) => trimSlashes(part)).filter(Boolean).join('/')}`;
}

/** `/a/b/` → `a/b`, without a regex (a `\/+$` pattern is quadratic on long slash runs). */
function trimSlashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '/') start++;
  while (end > start && text[end - 1] === '/') end--;
  return text.slice(start, end);
}

/** `app/api/auth/login/route.ts` → `/api/auth/login`; `pages/api/oauth.ts` → `/api/oauth`. */
/** The URL path of a Next.js App Router page file (`app/(auth)/server/page.tsx` → `/server`: route groups drop out). */
function nextPagePath(filename: string): string | undefined {
  const normalized = filename.split(path.sep).join('/');
  const page = /(?:^|\/)app(\/.*)?\/page\.[cm]?[jt]sx?$/u.exec(normalized);
  if (!page) return undefined;
  const segments = (page[1] ?? '').split('/').filter((segment) => segment !== '' && !/^\(.*\)$/u.test(segment));
  return `/${segments.join('/')}`;
}

/** A module that starts with the `'use client'` directive: a React client component. */
function hasUseClientDirective(program: TSESTree.Program | undefined): boolean {
  for (const statement of program?.body ?? []) {
    if (statement.type !== 'ExpressionStatement' || !('directive' in statement) || statement.directive === undefined) return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}

function nextRoutePath(filename: string): string | undefined {
  const normalized = filename.split(path.sep).join('/');
  const app = /(?:^|\/)app(\/.*)?\/route\.[cm]?[jt]sx?$/u.exec(normalized);
  if (app) return app[1] ?? '/';
  const pages = /(?:^|\/)pages(\/api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/u.exec(normalized);
  if (pages) return pages[1];
  return undefined;
}
