import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ELEMENT_CALLBACK_METHODS, ELEMENT_QUERY_FUNCTIONS, FORM_VALUE_METHODS, FORM_VALUE_PROPERTY, SERIALIZER_METHODS } from '../../knowledge/runtime.js';
import { OFFICIAL_ACCOUNT_ID_FIELDS } from '../../knowledge/user-data.js';
import { unwrap, calleeName } from '../ast.js';

export { calleeName };
import { JSSDK_PERSONAL_DATA_CALLS, JSSDK_RESULT_CALLBACKS } from '../../knowledge/jssdk.js';
import type { ResolvedSettings } from '../../util/settings.js';
import { matchesAnyWordPattern } from '../../util/name-words.js';
import {
  type Account,
  type Label,
  type LabelKind,
  type Labels,
  isUserDataLabel,
  makeLabel,
  NO_LABELS,
  type SanitizerCategory,
  sanitizeLabels,
  unionLabels,
  labelsGrew,
} from './labels.js';
import { kindsOfName } from './names.js';
import {
  MP_SESSION_TOKEN_PARAMETER,
  PAGE_COOKIE_READ_METHODS,
  PAGE_URL_METHODS,
  RESPONSE_COOKIE_PROPERTIES,
  SET_COOKIE_HEADER,
  SET_COOKIE_READ_METHODS,
} from '../../knowledge/mp-login.js';
import { endpointResultKinds, resultKindsOf, sdkMethodOf } from './sources.js';
import { findEndpoint } from '../../knowledge/endpoint-lookup.js';
import { CATALOG_HOSTS, type Endpoint } from '../../knowledge/endpoints.js';
import { nodeIndexOf } from '../node-index.js';
import type { SdkMethod } from '../../knowledge/sdk-methods.js';
import type { HttpRequest } from '../requests.js';
import type { ConsoleRequest } from '../mp-console.js';
import type { SdkClients } from '../sdk-clients.js';
import { isHole, objectProperty, parseUrl, queryValueHoles, type StringValue } from '../values.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Settings the engine reads: the sanitizer names and the named accounts. */
export type DataFlowSettings = Pick<ResolvedSettings, 'maskers' | 'anonymizers' | 'encryptors' | 'accounts'>;

/** Expressions deeper than this are not looked into (they carry no labels): stays far from the stack's end. */
const MAX_DEPTH = 400;

/** Global functions and static methods whose result carries their arguments' data. */
export const TRANSPARENT_FUNCTIONS: ReadonlySet<string> = new Set([
  'JSON.stringify',
  'JSON.parse',
  'String',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'btoa',
  'Object.assign',
  'Object.entries',
  'Object.values',
  'Object.fromEntries',
  'Array.from',
  'Array.of',
  'Promise.resolve',
  'Promise.all',
  'Promise.allSettled',
  'Promise.race',
  'Promise.any',
  'Buffer.from',
  'qs.stringify',
  'querystring.stringify',
  'util.format',
  'structuredClone',
  'URLSearchParams',
  'URL',
  'Blob',
  'cloneDeep',
  '_.cloneDeep',
  '_.pick',
  '_.omit',
]);

/** Methods whose result carries the receiver's data (strings, arrays, promises, query builders). */
export const RECEIVER_METHODS: ReadonlySet<string> = new Set([
  'toString',
  'valueOf',
  'toJSON',
  'trim',
  'trimStart',
  'trimEnd',
  'slice',
  'substring',
  'substr',
  'split',
  'join',
  'concat',
  'toLowerCase',
  'toUpperCase',
  'replace',
  'replaceAll',
  'padStart',
  'padEnd',
  'at',
  'flat',
  'filter',
  'find',
  'findLast',
  'sort',
  'reverse',
  'values',
  'entries',
  'catch',
  'finally',
  'json',
  'text',
  'first',
  'exec',
  'lean',
  'toArray',
  'populate',
  'limit',
  'skip',
  'offset',
  'orderBy',
  'get',
  'pop',
  'shift',
]);

/** Methods that add their arguments to the receiver (`list.push(openid)`, `map.set(key, user)`). */
export const RECEIVER_WRITE_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add', 'append', 'splice']);


/** Database reads (reads that select user-data fields): their result carries the fields named. */
const DATABASE_READ_METHODS: ReadonlySet<string> = new Set([
  'find',
  'findOne',
  'findById',
  'findAll',
  'findUnique',
  'findFirst',
  'findMany',
  'findOneBy',
  'findBy',
  'select',
  'where',
  'query',
  'getItem',
  'get',
  'hget',
  'hgetall',
  'getStorageSync',
]);

/** Handler registrations of the `wechat` / `co-wechat` message middleware (one per message type). */
const WECHAT_HANDLER_METHODS: ReadonlySet<string> = new Set([
  'middleware',
  'text',
  'image',
  'voice',
  'video',
  'shortvideo',
  'location',
  'link',
  'event',
  'device_text',
  'device_event',
]);

/**
 * The facts the engine reads (the facade, analysis/index.ts, passes its own): which calls make SDK clients and which
 * project bindings are clients (analysis/sdk-clients.ts), and the file's requests (analysis/requests.ts). The engine
 * adds how values reach them; it decides neither itself.
 */
/** A plain-text write reached through a call of another module's function (project/link.ts finds it). */
export interface CrossFileSink {
  readonly kind: 'storage' | 'cookie' | 'server-cookie' | 'log' | 'response';
  readonly operation: TSESTree.CallExpression;
  readonly values: Node[];
  readonly target: string;
}

export interface DataFlowFacts {
  readonly sdk: SdkClients;
  readonly requests: readonly HttpRequest[];
  /** Requests to pages of the mp.weixin.qq.com console (analysis/mp-console.ts): sources of its session. */
  readonly consoleRequests: readonly ConsoleRequest[];
  /**
   * Functions of other modules (project/link.ts): which arguments the value of a call carries, and the plain-text
   * write a call does with its arguments. Null outside a project.
   */
  readonly project?: {
    carriedArguments(call: TSESTree.CallExpression): readonly Node[] | undefined;
    plaintextSinkAt(call: TSESTree.CallExpression): CrossFileSink | undefined;
  } | null;
}

/** Reads of these properties give facts about a value, not its data. */
export const NON_DATA_PROPERTIES: ReadonlySet<string> = new Set([
  'length',
  'size',
  'constructor',
  'prototype',
  'status',
  'statusCode',
  'statusText',
  'ok',
  'errcode',
  'errmsg',
  'headers',
  'code',
  'message',
  'stack',
]);

/** Verbs that make a call's name say what it returns: `getOpenid()`, `fetchUserInfo()`, `loadPhone()`. */
const GETTER_VERBS: ReadonlySet<string> = new Set(['get', 'fetch', 'load', 'read', 'query', 'find', 'select', 'obtain']);

interface Contributor {
  expr?: Node;
  fixed?: Labels;
  /** Contributes these (instead of `expr`'s labels) unless `expr` was sanitized. */
  unlessSanitized?: Labels;
  /** `fixed` holds shape labels: they count only for kinds nothing else gives the slot (see withShape). */
  shape?: boolean;
}

/** A value that went through a sanitizer: its name no longer says what it holds (`const openid = mask(raw)`). */
function anySanitized(labels: Labels): boolean {
  return labels.some((label) => label.sanitizers.length > 0);
}

/** A place that holds labels across the file: a variable, a function's return value, or a class field. */
type Slot = object;
interface FieldSlot {
  field: string;
  contributors: Contributor[];
}


function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression')
  );
}

/** `a.b` / `a['b']` → `b`. */
export function staticPropertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.property.type === 'Literal' && typeof member.property.value === 'string') return member.property.value;
  if (member.property.type === 'TemplateLiteral' && member.property.expressions.length === 0) {
    return member.property.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

/** `a.b.c` → `a.b.c` for chains of names (`this` included), otherwise undefined. */
/**
 * The value of a form control of the page: `document.querySelector('#mobile').value`, `form.elements[i].value`
 * of an element found in the page, `$('#mobile').val()` (knowledge/runtime.ts).
 */
function isFormControlRead(input: Node): boolean {
  const node = unwrap(input);
  const foundInPage = (element: Node): boolean => {
    let current = unwrap(element);
    // `list[i]` of `document.querySelectorAll(…)` held in a variable is left out: only direct queries count.
    if (current.type === 'MemberExpression' && current.computed) current = unwrap(current.object);
    if (current.type !== 'CallExpression') return false;
    const name = calleeName(current);
    return name !== undefined && ELEMENT_QUERY_FUNCTIONS.has(name);
  };
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === FORM_VALUE_PROPERTY) {
    return foundInPage(node.object);
  }
  if (node.type === 'CallExpression' && node.arguments.length === 0 && node.callee.type === 'MemberExpression') {
    const name = calleeName(node);
    return name !== undefined && FORM_VALUE_METHODS.has(name) && foundInPage(node.callee.object);
  }
  return false;
}

export function memberPath(node: Node, limit = 8): string | undefined {
  const parts: string[] = [];
  let current = unwrap(node);
  while (current.type === 'MemberExpression' && parts.length < limit) {
    const name = staticPropertyName(current);
    if (name === undefined) return undefined;
    parts.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type === 'Identifier') parts.unshift(current.name);
  else if (current.type === 'ThisExpression') parts.unshift('this');
  else return undefined;
  return parts.join('.');
}


function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function isLiteralValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  const value = unwrap(node);
  return (
    value.type === 'Literal' ||
    (value.type === 'TemplateLiteral' && value.expressions.length === 0) ||
    (value.type === 'UnaryExpression' && value.argument.type === 'Literal') ||
    (value.type === 'Identifier' && value.name === 'undefined')
  );
}

/** The nearest enclosing function of a node (not the node itself). */
function nearestFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The nearest enclosing class of a node (not the node itself). */
function nearestClass(node: Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
  }
  return undefined;
}

/**
 * Sanitizer category by callee name, shared by every file linted with the same sanitizer name lists: the category
 * is a pure function of the name and those lists, and the same callee names recur from file to file. Cleared
 * when large so a long-running language server does not keep every name it ever saw.
 */
const sanitizerCategoryCaches = new Map<string, Map<string, SanitizerCategory | undefined>>();
const SANITIZER_CACHE_LIMIT = 20_000;

function sanitizerCategoriesFor(settings: DataFlowSettings): Map<string, SanitizerCategory | undefined> {
  // Order within each list matters not (any match), but which list a name is in does.
  const key = JSON.stringify([settings.encryptors, settings.anonymizers, settings.maskers]);
  let cache = sanitizerCategoryCaches.get(key);
  if (!cache) {
    if (sanitizerCategoryCaches.size >= 32) sanitizerCategoryCaches.clear();
    sanitizerCategoryCaches.set(key, (cache = new Map()));
  } else if (cache.size >= SANITIZER_CACHE_LIMIT) {
    cache.clear();
  }
  return cache;
}

/**
 * The data-flow analysis of one file: every value gets the labels of the user data it may carry —
 * kind, account and origin — by propagating from the sources through assignments, destructuring, spreads,
 * object/array literals, templates, concatenation, `JSON.stringify`, same-file function parameters and returns,
 * `await`, `.then`, callbacks, closures and class fields.
 *
 * Flow-insensitive: a slot (variable, function return, class field) holds the union of everything written to
 * it. Slots are solved together by a worklist to a fixpoint (labels only grow and are bounded), then any
 * expression's labels are read from them. No recursion follows variables, so long chains of statements cost
 * nothing in stack; expressions are looked into to a bounded depth.
 */
export class DataFlow {
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;
  readonly #settings: DataFlowSettings;
  #ready = false;
  readonly #referenceOf = new Map<TSESTree.Identifier, Reference>();
  readonly #returns = new Map<FunctionNode, Node[]>();
  readonly #callSites = new Map<FunctionNode, (TSESTree.CallExpression | TSESTree.NewExpression)[]>();
  readonly #memberWrites = new Map<Variable, Contributor[]>();
  readonly #classFields = new Map<ClassNode, Map<string, FieldSlot>>();
  readonly #classMethods = new Map<ClassNode, Map<string, FunctionNode>>();
  readonly #slotLabels = new Map<Slot, Labels>();
  readonly #dependents = new Map<Slot, Set<Slot>>();
  #evaluating: Slot | undefined;
  readonly #memo = new Map<Node, Labels>();
  /**
   * Labels of the expressions evaluated for the slot being evaluated. While one slot is evaluated no slot's labels
   * change, so within that evaluation an expression has one answer; without this, a chain of calls
   * (`$(…).a().b().c()…`, where a call reads its receiver for its own labels and again to find an SDK client)
   * is evaluated a number of times that grows exponentially with its length.
   */
  readonly #slotMemo = new Map<Node, Labels>();
  readonly #accountCache = new Map<Node, Account | undefined>();
  /** What the code's own names say a value holds (see #collectShapes): by variable, and by member path. */
  readonly #shapeOfVariable = new Map<Variable, Labels>();
  readonly #shapeOfPath = new Map<string, Labels>();
  /** Member paths (see #pathKey) of records of an Official Account: read through `fakeid`, `biz`, `msgBiz`. */
  readonly #accountRecords = new Set<string>();
  readonly #pathRoots = new Map<object, number>();
  /** Sanitizer category by callee name: asked for every call evaluated, and the word matching is the costly part. */
  readonly #sanitizerCategories: Map<string, SanitizerCategory | undefined>;

  readonly #facts: DataFlowFacts;
  #requestByNode: Map<Node, HttpRequest> | undefined;
  #consoleRequestNodes: Set<Node> | undefined;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, settings: DataFlowSettings, facts: DataFlowFacts) {
    this.#sourceCode = sourceCode;
    this.#settings = settings;
    this.#facts = facts;
    this.#sanitizerCategories = sanitizerCategoriesFor(settings);
  }

  /** Solves the whole file now (the benchmark's analysis line); rules need not call it, queries solve on demand. */
  solve(): this {
    this.#solve();
    return this;
  }

  /** The labels of the value `node` evaluates to. */
  labelsOf(node: Node): Labels {
    this.#solve();
    // #eval memoizes once the fixpoint is done (and not while a slot is being evaluated).
    return this.#eval(node, 0);
  }

  /** The account of the SDK client `node` evaluates to (a constructed client, passed or stored anywhere). */
  clientAccountOf(node: Node): Account | undefined {
    return this.labelsOf(node).find((label) => label.kind === 'client')?.account;
  }

  /** The scope reference of an identifier, if any. */
  referenceOf(identifier: TSESTree.Identifier): Reference | undefined {
    this.#solve();
    return this.#referenceOf.get(identifier);
  }

  /** A plain-text write a call of another module's function does with its arguments. */
  crossFileSinkOf(call: TSESTree.CallExpression): CrossFileSink | undefined {
    return this.#facts.project?.plaintextSinkAt(call);
  }

  /** The same-file function a call invokes, when the callee resolves to one. */
  functionOfCall(call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | undefined {
    this.#solve();
    return this.#functionOfCallee(call.callee);
  }

  /** The calls in this file of a same-file function. */
  callSitesOf(fn: FunctionNode): readonly (TSESTree.CallExpression | TSESTree.NewExpression)[] {
    this.#solve();
    return this.#callSites.get(fn) ?? [];
  }

  /** The sanitizer a call is (by its name or a called name in its receiver chain), with its category. */
  sanitizerOf(call: TSESTree.CallExpression | TSESTree.NewExpression): { category: SanitizerCategory; name: string } | undefined {
    let current: Node = call;
    for (let steps = 0; steps < 10; steps++) {
      current = unwrap(current);
      if (current.type !== 'CallExpression' && current.type !== 'NewExpression') break;
      const name = calleeName(current);
      if (name) {
        const category = this.#sanitizerCategory(name);
        if (category) return { category, name };
      }
      const callee = unwrap(current.callee);
      if (callee.type !== 'MemberExpression') break;
      current = callee.object;
    }
    return undefined;
  }

  /** The account an appid expression names, or undefined when it cannot be told. */
  accountOf(expression: Node): Account | undefined {
    if (this.#accountCache.has(expression)) return this.#accountCache.get(expression);
    const account = this.#computeAccount(expression, 0);
    this.#accountCache.set(expression, account);
    return account;
  }

  /** `mask(x)`, `await encrypt(x)`: a value a sanitizer made, whatever went in. */
  #isSanitizerCall(expression: Node): boolean {
    let node = unwrap(expression);
    if (node.type === 'AwaitExpression') node = unwrap(node.argument);
    return (node.type === 'CallExpression' || node.type === 'NewExpression') && this.sanitizerOf(node) !== undefined;
  }

  #sanitizerCategory(name: string): SanitizerCategory | undefined {
    if (this.#sanitizerCategories.has(name)) return this.#sanitizerCategories.get(name);
    const category = matchesAnyWordPattern(name, this.#settings.encryptors)
      ? 'encrypt'
      : matchesAnyWordPattern(name, this.#settings.anonymizers)
        ? 'anonymize'
        : matchesAnyWordPattern(name, this.#settings.maskers)
          ? 'mask'
          : undefined;
    this.#sanitizerCategories.set(name, category);
    return category;
  }

  #computeAccount(expression: Node, depth: number): Account | undefined {
    const node = unwrap(expression);
    if (depth > 5) return undefined;
    if ((node.type === 'Literal' && typeof node.value === 'string') || (node.type === 'TemplateLiteral' && node.expressions.length === 0)) {
      const value = node.type === 'Literal' ? String(node.value) : (node.quasis[0].value.cooked ?? '');
      if (!value) return undefined;
      for (const [name, appid] of Object.entries(this.#settings.accounts)) {
        if (appid === value) return { key: `account:${name}`, text: name };
      }
      return { key: `'${value}'`, text: value };
    }
    if (node.type === 'Identifier') {
      const variable = this.#referenceOf.get(node)?.resolved;
      const def = variable?.defs[0];
      if (!variable || !def) return undefined;
      if (def.type === 'ImportBinding') {
        const declaration = def.parent as TSESTree.ImportDeclaration;
        const specifier = def.node as TSESTree.ImportClause;
        const imported =
          specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier' ? specifier.imported.name : 'default';
        return { key: `import:${String(declaration.source.value)}#${imported}`, text: node.name };
      }
      const writes = variable.references.filter((reference) => reference.writeExpr);
      // Only a constant says which account: a parameter or a reassigned variable can hold any appid.
      if (writes.length === 1 && def.type === 'Variable' && def.node.id === def.name && def.parent.kind === 'const') {
        return this.#computeAccount(writes[0].writeExpr as Node, depth + 1);
      }
      return undefined;
    }
    if (node.type === 'MemberExpression') {
      const path = memberPath(node);
      if (!path || path.startsWith('this.')) return undefined;
      for (const [name] of Object.entries(this.#settings.accounts)) {
        // `accounts.brandA`/`ACCOUNTS.brandA.appid` name the same account as the setting `accounts.brandA`.
        const parts = path.split('.');
        if (parts.includes(name)) return { key: `account:${name}`, text: name };
      }
      return { key: path, text: path };
    }
    return undefined;
  }

  // ── Building ────────────────────────────────────────────────────────────────────────────────────────────

  #solve(): void {
    if (this.#ready) return;
    this.#ready = true;
    const scopeManager = this.#sourceCode.scopeManager;
    const slots: Slot[] = [];
    if (scopeManager) {
      for (const scope of scopeManager.scopes) {
        for (const reference of scope.references) this.#referenceOf.set(reference.identifier as TSESTree.Identifier, reference);
        for (const variable of scope.variables) if (variable.defs.length > 0) slots.push(variable);
      }
    }
    this.#collect();
    for (const fn of this.#returns.keys()) slots.push(fn);
    for (const fields of this.#classFields.values()) for (const field of fields.values()) slots.push(field);
    this.#fixpoint(slots);
  }

  /**
   * One pass over the file's nodes in pre-order (from the shared node index, so the tree is not walked again):
   * returns, call sites, writes into objects and class fields. The function of a `return` and the class of a
   * member are the nearest such ancestor, which is what a walk's enter/exit stacks held.
   */
  #collect(): void {
    const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
    const shapes: Node[] = [];
    for (const node of nodeIndexOf(this.#sourceCode).preorder as readonly Node[]) {
      switch (node.type) {
        case 'MemberExpression':
        case 'VariableDeclarator':
        case 'Property':
          shapes.push(node);
          break;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          if (!this.#returns.has(node)) this.#returns.set(node, []);
          if (node.type === 'ArrowFunctionExpression' && node.expression) this.#returns.get(node)!.push(node.body);
          break;
        case 'ClassDeclaration':
        case 'ClassExpression':
          this.#classMethods.set(node, new Map());
          this.#classFields.set(node, new Map());
          break;
        case 'MethodDefinition': {
          const owner = nearestClass(node);
          const name = keyName(node.key, node.computed);
          if (owner && name && isFunction(node.value)) this.#classMethods.get(owner)!.set(name, node.value);
          break;
        }
        case 'PropertyDefinition': {
          const owner = nearestClass(node);
          const name = keyName(node.key, node.computed);
          if (owner && name && node.value && !node.static) this.#field(owner, name).contributors.push({ expr: node.value });
          break;
        }
        case 'ReturnStatement': {
          const fn = nearestFunction(node);
          if (fn && node.argument) this.#returns.get(fn)!.push(node.argument);
          break;
        }
        case 'CallExpression':
        case 'NewExpression':
          calls.push(node);
          break;
        case 'AssignmentExpression':
          if (node.left.type === 'MemberExpression') this.#memberWrite(node.left, node.right, nearestClass(node));
          shapes.push(node);
          break;
      }
    }
    // A browser page or window that opened a console page holds its session from then on (`page.cookies()`).
    for (const request of this.#facts.consoleRequests) {
      const root = request.automation ? this.#rootVariable(request.automation) : undefined;
      if (root) this.#addMemberWrite(root, { fixed: [makeLabel('console-response', request.node, 'automation')] });
    }
    this.#collectShapes(shapes);
    for (const call of calls) {
      const fn = this.#functionOfCallee(call.callee);
      if (fn) {
        const list = this.#callSites.get(fn);
        if (list) list.push(call);
        else this.#callSites.set(fn, [call]);
      }
      const callee = unwrap(call.callee);
      if (call.type === 'CallExpression' && callee.type === 'MemberExpression') {
        const method = staticPropertyName(callee);
        if (method && RECEIVER_WRITE_METHODS.has(method)) {
          const root = this.#rootVariable(callee.object);
          if (root) for (const argument of call.arguments) this.#addMemberWrite(root, { expr: argument });
        }
        if (memberPath(callee) === 'Object.assign' && call.arguments[0]) {
          const root = this.#rootVariable(call.arguments[0]);
          if (root) for (const argument of call.arguments.slice(1)) this.#addMemberWrite(root, { expr: argument });
        }
      }
    }
  }

  #field(owner: ClassNode, name: string): FieldSlot {
    const fields = this.#classFields.get(owner)!;
    let field = fields.get(name);
    if (!field) {
      field = { field: name, contributors: [] };
      fields.set(name, field);
    }
    return field;
  }

  #memberWrite(target: TSESTree.MemberExpression, value: Node, owner: ClassNode | undefined): void {
    const name = staticPropertyName(target);
    const object = unwrap(target.object);
    const nameLabels = name ? this.#nameLabels(name, target.property) : NO_LABELS;
    if (object.type === 'ThisExpression' && owner && name) {
      this.#field(owner, name).contributors.push({ expr: value });
      return;
    }
    const root = this.#rootVariable(object);
    if (!root) return;
    this.#addMemberWrite(root, { expr: value });
    // `user.openid = x` makes `user` carry an openid even when x's origin is unknown, unless x is a literal.
    if (nameLabels.length > 0 && !isLiteralValue(value)) this.#addMemberWrite(root, { expr: value, unlessSanitized: nameLabels });
  }

  #addMemberWrite(root: Variable, contributor: Contributor): void {
    const list = this.#memberWrites.get(root);
    if (list) list.push(contributor);
    else this.#memberWrites.set(root, [contributor]);
  }

  /**
   * What the code's own names say a value holds, where the value's origin does not (docs/architecture.md, data flow):
   * - a value the code reads a user-data field from holds that data as a whole: logging `message` logs its sender
   *   when the code reads `message.FromUserName`, and `const { user, pwd } = req.body` says the body holds a
   *   password;
   * - a value without a name of its own, stored under a user-data name, is that data: `params.touser = item`
   *   makes `item` an openid, `const access_token = results[1]` makes `results[1]` a token.
   * Such labels (source `shape`) describe the whole value only: a sibling field read from it (`message.MsgType`)
   * does not inherit them. A record of an Official Account (read through `fakeid`, `biz`, `msgBiz`) holds the
   * account's public name and logo, not a person's profile.
   */
  #collectShapes(nodes: readonly Node[]): void {
    const accountKey = (target: Node | null | undefined): void => {
      const key = target ? this.#pathKey(target) : undefined;
      if (key) this.#accountRecords.add(key);
    };
    for (const node of nodes) {
      if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
        if (OFFICIAL_ACCOUNT_ID_FIELDS.has(node.property.name)) accountKey(node.object);
      } else if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern') {
        if (patternKeys(node.id).some((key) => OFFICIAL_ACCOUNT_ID_FIELDS.has(key))) accountKey(node.init);
      }
    }
    for (const node of nodes) {
      switch (node.type) {
        case 'MemberExpression': {
          const name = staticPropertyName(node);
          if (!name || name === 'Content' || !isFieldRead(node)) break;
          this.#addShape(node.object, kindsOfName(name), node.property);
          break;
        }
        case 'VariableDeclarator':
          if (!node.init) break;
          if (node.id.type === 'ObjectPattern') {
            for (const key of patternKeys(node.id)) this.#addShape(node.init, kindsOfName(key), node.id);
          } else if (node.id.type === 'Identifier') {
            this.#addNamedValue(node.init, node.id.name, node.id);
          }
          break;
        case 'AssignmentExpression': {
          if (node.operator !== '=') break;
          const left = unwrap(node.left);
          if (left.type === 'ObjectPattern') {
            for (const key of patternKeys(left)) this.#addShape(node.right, kindsOfName(key), left);
          } else if (left.type === 'Identifier') {
            this.#addNamedValue(node.right, left.name, left);
          } else if (left.type === 'MemberExpression') {
            const name = staticPropertyName(left);
            if (name) this.#addNamedValue(node.right, name, left.property);
          }
          break;
        }
        case 'Property':
          if (node.parent?.type === 'ObjectExpression' && node.kind === 'init' && !node.shorthand) {
            const key = keyName(node.key, node.computed);
            if (key) this.#addNamedValue(node.value as Node, key, node.key);
          }
          break;
      }
    }
  }

  /** `name = value` where the value has no name of its own: an identifier or an indexed element (`results[1]`). */
  #addNamedValue(value: Node, name: string, origin: Node): void {
    const kinds = kindsOfName(name);
    if (kinds.length === 0) return;
    const target = unwrap(value);
    // A field with a name of its own keeps it: `const realName = req.body.seat` is a seat.
    if (target.type === 'MemberExpression' && staticPropertyName(target) !== undefined && !target.computed) return;
    if (target.type !== 'Identifier' && target.type !== 'MemberExpression') return;
    this.#addShape(target, kinds, origin);
  }

  #addShape(target: Node, kinds: readonly LabelKind[], origin: Node): void {
    if (kinds.length === 0) return;
    const node = unwrap(target);
    const key = this.#pathKey(node);
    if (!key) return;
    const shown = this.#accountRecords.has(key) ? kinds.filter((kind) => kind !== 'profile') : kinds;
    if (shown.length === 0) return;
    const labels = shown.map((kind) => makeLabel(kind, origin, 'shape'));
    if (node.type === 'Identifier') {
      const variable = this.#referenceOf.get(node)?.resolved;
      if (!variable || variable.defs.length === 0 || isConstantVariable(variable)) return;
      this.#shapeOfVariable.set(variable, unionLabels(this.#shapeOfVariable.get(variable) ?? NO_LABELS, labels));
      return;
    }
    const object = node.type === 'MemberExpression' ? unwrap(node.object) : undefined;
    const owner = object?.type === 'ThisExpression' ? nearestClass(node) : undefined;
    const field = node.type === 'MemberExpression' ? staticPropertyName(node) : undefined;
    if (owner && field) {
      this.#field(owner, field).contributors.push({ fixed: labels, shape: true });
      return;
    }
    this.#shapeOfPath.set(key, unionLabels(this.#shapeOfPath.get(key) ?? NO_LABELS, labels));
  }

  /**
   * A member path as a key: the variable (or the class, for `this`) it starts from and its static steps,
   * `req.body` → `3:body`, `results[1]` → `7:1`. Undefined for anything else (calls, unresolved globals).
   */
  #pathKey(input: Node): string | undefined {
    const steps: string[] = [];
    let node = unwrap(input);
    for (let count = 0; node.type === 'MemberExpression'; count++) {
      if (count > 8) return undefined;
      const property = node.property;
      const step =
        property.type === 'Literal' && typeof property.value === 'number' ? String(property.value) : staticPropertyName(node);
      if (step === undefined) return undefined;
      steps.unshift(step);
      node = unwrap(node.object);
    }
    let root: object | undefined;
    if (node.type === 'Identifier') {
      const variable = this.#referenceOf.get(node)?.resolved;
      root = variable && variable.defs.length > 0 ? variable : undefined;
    } else if (node.type === 'ThisExpression') {
      root = this.#enclosingClass(node);
    }
    if (!root) return undefined;
    let id = this.#pathRoots.get(root);
    if (id === undefined) this.#pathRoots.set(root, (id = this.#pathRoots.size));
    return `${id}:${steps.join('.')}`;
  }

  /** True when `node` (an object or a member path) is a record of an Official Account. */
  #isAccountRecord(node: Node): boolean {
    if (this.#accountRecords.size === 0) return false;
    const key = this.#pathKey(node);
    return key !== undefined && this.#accountRecords.has(key);
  }

  /** `a.b.c` → the variable `a`. */
  #rootVariable(node: Node): Variable | undefined {
    let current = unwrap(node);
    for (let steps = 0; current.type === 'MemberExpression' && steps < 32; steps++) current = unwrap(current.object);
    if (current.type !== 'Identifier') return undefined;
    return this.#referenceOf.get(current)?.resolved ?? undefined;
  }

  #functionOfCallee(calleeNode: Node): FunctionNode | undefined {
    const callee = unwrap(calleeNode);
    if (callee.type === 'Identifier') {
      const variable = this.#referenceOf.get(callee)?.resolved;
      if (!variable || variable.defs.length !== 1) return undefined;
      const def = variable.defs[0];
      if (def.type === 'FunctionName' && isFunction(def.node as Node)) return def.node as FunctionNode;
      if (def.type === 'Variable' && def.node.id === def.name && isFunction(def.node.init)) {
        const writes = variable.references.filter((reference) => reference.isWrite());
        if (writes.length <= 1) return def.node.init;
      }
      return undefined;
    }
    if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression') {
      const name = staticPropertyName(callee);
      const owner = this.#enclosingClass(callee);
      if (name && owner) return this.#classMethods.get(owner)?.get(name);
    }
    if (isFunction(callee)) return callee; // an immediately invoked function
    return undefined;
  }

  #enclosingClass(node: Node): ClassNode | undefined {
    let current: Node | undefined = node.parent;
    for (let steps = 0; current && steps < 1000; steps++) {
      if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
      current = current.parent;
    }
    return undefined;
  }

  // ── Solving ─────────────────────────────────────────────────────────────────────────────────────────────

  #fixpoint(slots: Slot[]): void {
    const queue: Slot[] = [...slots];
    const queued = new Set<Slot>(queue);
    // Labels only grow and are bounded, so this terminates; the bound on rounds is a guard against surprises.
    let budget = slots.length * (MAX_LABELS_PER_SLOT_GROWTH + 1) + 1000;
    for (let head = 0; head < queue.length && budget-- > 0; head++) {
      const slot = queue[head];
      queued.delete(slot);
      const previous = this.#slotLabels.get(slot) ?? NO_LABELS;
      this.#evaluating = slot;
      this.#slotMemo.clear();
      const next = unionLabels(previous, this.#evaluateSlot(slot));
      this.#evaluating = undefined;
      this.#slotMemo.clear();
      if (!labelsGrew(previous, next)) continue;
      this.#slotLabels.set(slot, next);
      for (const dependent of this.#dependents.get(slot) ?? []) {
        if (!queued.has(dependent)) {
          queued.add(dependent);
          queue.push(dependent);
        }
      }
    }
  }

  #read(slot: Slot): Labels {
    if (this.#evaluating && this.#evaluating !== slot) {
      let set = this.#dependents.get(slot);
      if (!set) this.#dependents.set(slot, (set = new Set()));
      set.add(this.#evaluating);
    }
    return this.#slotLabels.get(slot) ?? NO_LABELS;
  }

  #evaluateSlot(slot: Slot): Labels {
    if (isFunction(slot as Node) && this.#returns.has(slot as FunctionNode)) {
      return unionLabels(...(this.#returns.get(slot as FunctionNode) ?? []).map((expr) => this.#eval(expr, 0)));
    }
    if ('field' in slot) {
      const contributors = (slot as FieldSlot).contributors;
      const flowing = unionLabels(...contributors.filter((contributor) => !contributor.shape).map((contributor) => this.#contribute(contributor)));
      return withShape(flowing, unionLabels(...contributors.filter((contributor) => contributor.shape).map((contributor) => contributor.fixed ?? NO_LABELS)));
    }
    return this.#evaluateVariable(slot as Variable);
  }

  #contribute(contributor: Contributor): Labels {
    if (contributor.fixed) return contributor.fixed;
    if (!contributor.expr) return NO_LABELS;
    const labels = this.#eval(contributor.expr, 0);
    if (contributor.unlessSanitized) {
      return anySanitized(labels) || this.#isSanitizerCall(contributor.expr) ? NO_LABELS : contributor.unlessSanitized;
    }
    return labels;
  }

  #evaluateVariable(variable: Variable): Labels {
    const parts: Labels[] = [];
    let holdsData = false;
    for (const def of variable.defs) {
      if (def.type === 'Parameter') {
        holdsData = true;
        const fn = def.node as Node;
        if (isFunction(fn)) {
          const index = this.#parameterIndex(fn, def.name as Node);
          if (index >= 0) parts.push(this.#project(this.#parameterLabels(fn, index), def.name as Node));
        }
        parts.push(this.#destructuredKeyLabels(def.name as Node));
      } else if (def.type === 'Variable') {
        if (!this.#destructuredFromAccountRecord(def.name as Node)) parts.push(this.#destructuredKeyLabels(def.name as Node));
      } else {
        // Functions, classes, imports, enums, type names: no data of their own.
        return NO_LABELS;
      }
    }
    for (const reference of variable.references) {
      if (!reference.writeExpr) continue;
      const value = reference.writeExpr as Node;
      if (!isLiteralValue(value) && !isFunction(unwrap(value)) && unwrap(value).type !== 'ClassExpression') holdsData = true;
      parts.push(this.#project(this.#eval(value, 0), reference.identifier as Node));
    }
    const writes = this.#memberWrites.get(variable);
    if (writes) {
      holdsData = true;
      for (const contributor of writes) parts.push(this.#contribute(contributor));
    }
    const computed = unionLabels(...parts);
    const sanitizedWrite = variable.references.some((reference) => reference.writeExpr && this.#isSanitizerCall(reference.writeExpr as Node));
    if (anySanitized(computed) || sanitizedWrite) return computed;
    const shape = this.#shapeOfVariable.get(variable) ?? NO_LABELS;
    if (holdsData && variable.defs[0] && !this.#namedElsewhere(variable)) {
      const writes = variable.references.flatMap((reference) => (reference.writeExpr ? [reference.writeExpr as Node] : []));
      const byName = this.#nameLabels(variable.name, variable.defs[0].name as Node);
      // What the visitor typed into the page's form: user data by its name, entered by the visitor themself.
      const typed = !this.#memberWrites.has(variable) && writes.length > 0 && writes.every(isFormControlRead);
      const named = unionLabels(computed, typed ? byName.map((label) => ({ ...label, source: 'form' as const })) : byName);
      return withShape(named, shape);
    }
    return withShape(computed, shape);
  }

  /**
   * True when the variable's value already has a name of its own that says what it is, which the variable's name
   * does not change: a request field (`const realName = req.body.seat` holds the seat the form sent), or a field
   * of an Official Account record (`const { nickname } = profile` where the code reads `profile.msgBiz`).
   */
  #namedElsewhere(variable: Variable): boolean {
    const def = variable.defs[0];
    if (def?.type === 'Variable' && this.#destructuredFromAccountRecord(def.name as Node)) return true;
    const writes = variable.references.filter((reference) => reference.writeExpr);
    return writes.length > 0 && writes.every((reference) => isRequestField(reference.writeExpr as Node));
  }

  /** `const { nickname } = record` where `record` is an Official Account's. */
  #destructuredFromAccountRecord(name: Node): boolean {
    let node: Node = name;
    if (node.parent?.type === 'AssignmentPattern' && node.parent.left === node) node = node.parent;
    const property = node.parent;
    if (property?.type !== 'Property' || property.parent?.type !== 'ObjectPattern') return false;
    // `const { msgBiz, nickname } = …`: the pattern itself reads the account's id beside its name.
    if (patternKeys(property.parent).some((key) => OFFICIAL_ACCOUNT_ID_FIELDS.has(key))) return true;
    const declarator = property.parent.parent;
    return declarator?.type === 'VariableDeclarator' && !!declarator.init && this.#isAccountRecord(declarator.init);
  }

  /**
   * A destructured field named after user data takes only that kind from the whole value, keeping the whole's
   * account, source and sanitizers: `const { openid } = await oauth.getAccessToken(code)` is an openid of that
   * account, not also its access token. Other names (`data`, `user`) take everything the whole carries.
   */
  #project(labels: Labels, target: Node): Labels {
    if (labels.length === 0) return labels;
    let node: Node = target;
    if (node.parent?.type === 'AssignmentPattern' && node.parent.left === node) node = node.parent;
    const property = node.parent;
    if (property?.type !== 'Property' || property.value !== node || property.parent?.type !== 'ObjectPattern') return labels;
    const key = keyName(property.key, property.computed);
    const kinds = key ? kindsOfName(key) : [];
    const fields = wholeOnly(labels);
    return kinds.length > 0 ? projectLabels(fields, kinds) : fields;
  }

  /** Index of the parameter that contains `name` (destructured or with a default), or -1. */
  #parameterIndex(fn: FunctionNode, name: Node): number {
    let current: Node | undefined = name;
    for (let steps = 0; current && current.parent && current.parent !== fn && steps < 64; steps++) current = current.parent;
    if (!current || current.parent !== fn) return -1;
    return (fn.params as Node[]).indexOf(current);
  }

  /** `const { openid: id } = x` and `function f({ nickname: n })`: `id`/`n` carry the key's kind. */
  #destructuredKeyLabels(name: Node): Labels {
    let node: Node = name;
    if (node.parent?.type === 'AssignmentPattern' && node.parent.left === node) node = node.parent;
    const property = node.parent;
    if (property?.type !== 'Property' || property.value !== node || property.parent?.type !== 'ObjectPattern') return NO_LABELS;
    const key = keyName(property.key, property.computed);
    if (!key || (name.type === 'Identifier' && key === name.name)) return NO_LABELS;
    return this.#nameLabels(key, property.key);
  }

  /** Labels of parameter `index` of `fn`: its call sites' arguments, and what the caller of a callback passes. */
  #parameterLabels(fn: FunctionNode, index: number): Labels {
    const parts: Labels[] = [];
    for (const call of this.#callSites.get(fn) ?? []) parts.push(this.#argumentLabels(call.arguments, index));
    parts.push(this.#callbackLabels(fn, index));
    return unionLabels(...parts);
  }

  #argumentLabels(args: readonly TSESTree.CallExpressionArgument[], index: number): Labels {
    for (let i = 0; i < args.length && i <= index; i++) {
      const argument = args[i];
      if (argument.type === 'SpreadElement') return this.#eval(argument.argument, 0);
      if (i === index) return this.#eval(argument, 0);
    }
    return NO_LABELS;
  }

  /** What calls a callback with: promises, array methods, the JS-SDK, geolocation, same-file higher-order functions. */
  #callbackLabels(fn: FunctionNode, index: number): Labels {
    const parent = fn.parent;
    if (!parent) return NO_LABELS;
    if (parent.type === 'Property' && parent.value === fn) return this.#jssdkCallbackLabels(parent, index);
    if ((parent.type !== 'CallExpression' && parent.type !== 'NewExpression') || parent.callee === fn) return NO_LABELS;
    const position = (parent.arguments as readonly Node[]).indexOf(fn);
    const callee = unwrap(parent.callee);
    const parts: Labels[] = [];
    if (callee.type === 'MemberExpression') {
      const method = staticPropertyName(callee);
      if (method === 'then' && position === 0 && index === 0) parts.push(this.#eval(callee.object, 0));
      if (method && ELEMENT_CALLBACK_METHODS.has(method) && position === 0 && index === 0) parts.push(this.#eval(callee.object, 0));
      if (method === 'reduce' && position === 0 && index === 1) parts.push(this.#eval(callee.object, 0));
      // co-wechat `wechat(config).middleware(async (message, ctx) => …)` and wechat
      // `wechat(config).text((message, req, res) => …).event(…).middleware()` receive the inbound message.
      if (method && WECHAT_HANDLER_METHODS.has(method) && index === 0 && this.#isWechatMiddlewareFactory(callee.object)) {
        parts.push(this.#inboundLabels(fn.params[0] ?? fn));
      }
      // wechat-api (callback style): `api.getUser(openid, (err, user) => …)` — the result is the second argument.
      if (index === 1 && position === parent.arguments.length - 1 && parent.type === 'CallExpression') {
        const result = this.#sdkCall(parent, 0);
        if (result) parts.push(resultKindsOf(result.method).map((kind) => makeLabel(kind, parent, 'sdk', result.client.account)));
      }
      const path = memberPath(callee);
      if (
        (path === 'navigator.geolocation.getCurrentPosition' || path === 'navigator.geolocation.watchPosition' ||
          path === 'window.navigator.geolocation.getCurrentPosition' || path === 'window.navigator.geolocation.watchPosition') &&
        position === 0 &&
        index === 0
      ) {
        parts.push([makeLabel('location', fn.params[0] ?? fn, 'jssdk')]);
      }
    }
    // A callback handed to a same-file function gets what that function calls it with.
    const target = this.#functionOfCallee(parent.callee);
    const parameter = target?.params[position];
    if (parameter?.type === 'Identifier') {
      const variable = this.#referenceOf.get(parameter)?.resolved ?? this.#declaredVariable(parameter);
      for (const reference of variable?.references ?? []) {
        const call = reference.identifier.parent;
        if (call?.type === 'CallExpression' && call.callee === reference.identifier) {
          parts.push(this.#argumentLabels(call.arguments, index));
        }
      }
    }
    return unionLabels(...parts);
  }

  #declaredVariable(identifier: TSESTree.Identifier): Variable | undefined {
    const scopeManager = this.#sourceCode.scopeManager;
    if (!scopeManager) return undefined;
    for (const variable of scopeManager.getDeclaredVariables(identifier.parent as never)) {
      if (variable.defs.some((def) => def.name === identifier)) return variable;
    }
    return undefined;
  }

  /** `wx.getLocation({ success(res) {…} })`: `res` carries the call's kind of personal data. */
  #jssdkCallbackLabels(property: TSESTree.Property, index: number): Labels {
    if (index !== 0) return NO_LABELS;
    const key = keyName(property.key, property.computed);
    if (!key || !JSSDK_RESULT_CALLBACKS.has(key)) return NO_LABELS;
    const object = property.parent;
    const call = object?.parent;
    if (object?.type !== 'ObjectExpression' || call?.type !== 'CallExpression' || call.arguments[0] !== object) return NO_LABELS;
    const api = this.jssdkApiOf(call);
    const kind = api ? JSSDK_PERSONAL_DATA_CALLS[api]?.kind : undefined;
    if (!kind) return NO_LABELS;
    const fn = property.value as FunctionNode;
    return [makeLabel(kind, fn.params[0] ?? property, 'jssdk')];
  }

  /** `wx.getLocation(…)` / `jweixin.getLocation(…)` → `getLocation`, for the JS-SDK global or its modules. */
  jssdkApiOf(call: TSESTree.CallExpression): string | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') return undefined;
    const object = unwrap(callee.object);
    if (object.type !== 'Identifier' || (object.name !== 'wx' && object.name !== 'jweixin' && object.name !== 'jWeixin')) {
      return undefined;
    }
    return staticPropertyName(callee);
  }

  #isWechatMiddlewareFactory(node: Node): boolean {
    let call = unwrap(node);
    // Down a chain of handler registrations: `wechat(config).text(a).image(b)` → `wechat(config)`.
    for (let steps = 0; steps < 16 && call.type === 'CallExpression'; steps++) {
      const callee = unwrap(call.callee);
      const name = callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
      if (callee.type !== 'MemberExpression' || !name || !WECHAT_HANDLER_METHODS.has(name)) break;
      call = unwrap(callee.object);
    }
    if (call.type !== 'CallExpression') return false;
    const name = calleeName(call);
    return !!name && /^(?:co)?wechat$/iu.test(name.replace(/[-_]/gu, ''));
  }

  #inboundLabels(origin: Node): Labels {
    return [makeLabel('openid', origin, 'inbound'), makeLabel('content', origin, 'inbound')];
  }

  #nameLabels(name: string, origin: Node): Labels {
    const kinds = kindsOfName(name);
    if (kinds.length === 0) return NO_LABELS;
    return kinds.map((kind) => makeLabel(kind, origin, 'name'));
  }

  // ── Expressions ─────────────────────────────────────────────────────────────────────────────────────────

  #eval(input: Node, depth: number): Labels {
    if (depth > MAX_DEPTH) return NO_LABELS;
    // During the fixpoint an expression's labels hold for the slot being evaluated (#slotMemo); after it, slots no
    // longer change and an expression's labels are final (#memo).
    const memo = this.#evaluating ? this.#slotMemo.get(input) : this.#memo.get(input);
    if (memo) return memo;
    const labels = this.#evalNode(input, depth);
    (this.#evaluating ? this.#slotMemo : this.#memo).set(input, labels);
    return labels;
  }

  #evalNode(input: Node, depth: number): Labels {
    const node = unwrap(input);
    switch (node.type) {
      case 'Identifier':
        return this.#identifier(node);
      case 'MemberExpression':
        return this.#member(node, depth);
      case 'AwaitExpression':
        return this.#eval(node.argument, depth + 1);
      case 'TemplateLiteral':
        return unionLabels(
          ...node.expressions.map((expression, index) =>
            this.#queryNamed(node.quasis[index].value.cooked ?? node.quasis[index].value.raw, expression, depth),
          ),
        );
      case 'TaggedTemplateExpression':
        return unionLabels(...node.quasi.expressions.map((expression) => this.#eval(expression, depth + 1)));
      case 'BinaryExpression':
      case 'LogicalExpression':
        return this.#chain(node, depth);
      case 'ConditionalExpression':
        return unionLabels(this.#eval(node.consequent, depth + 1), this.#eval(node.alternate, depth + 1));
      case 'SequenceExpression':
        return this.#eval(node.expressions[node.expressions.length - 1], depth + 1);
      case 'AssignmentExpression':
        return this.#eval(node.right, depth + 1);
      case 'ObjectExpression':
        return this.#object(node, depth);
      case 'ArrayExpression':
        return unionLabels(...node.elements.map((element) => (element ? this.#eval(element, depth + 1) : NO_LABELS)));
      case 'SpreadElement':
        return this.#eval(node.argument, depth + 1);
      case 'CallExpression':
      case 'NewExpression':
        return this.#call(node, depth);
      case 'JSXExpressionContainer':
        return node.expression.type === 'JSXEmptyExpression' ? NO_LABELS : this.#eval(node.expression, depth + 1);
      default:
        return NO_LABELS;
    }
  }


  #identifier(node: TSESTree.Identifier): Labels {
    const reference = this.#referenceOf.get(node);
    const variable = reference?.resolved;
    if (variable) return this.#read(variable);
    if (node.name === 'undefined') return NO_LABELS;
    // An undeclared name (a global the page defines, or a snippet): its name is all we know.
    return this.#nameLabels(node.name, node);
  }

  /**
   * A value written after `name=` in a text (`jsapi_ticket=${ticket}&url=…`, `'?openid=' + id`) is what the name
   * says: the text carries it under that name, whatever the value's own origin.
   */
  #queryNamed(before: string, expression: Node, depth: number): Labels {
    const labels = this.#eval(expression, depth + 1);
    const name = QUERY_NAME_BEFORE.exec(before)?.[1];
    if (!name || isLiteralValue(expression) || anySanitized(labels) || this.#isSanitizerCall(expression)) return labels;
    return unionLabels(labels, this.#nameLabels(name, expression));
  }

  /** `a + b + c …` and `a || b && c …` flattened without recursion along the left spine. */
  #chain(node: TSESTree.BinaryExpression | TSESTree.LogicalExpression, depth: number): Labels {
    const parts: Labels[] = [];
    let current: Node = node;
    for (;;) {
      if (current.type === 'BinaryExpression' && current.operator === '+') {
        const before = textEnd(current.left);
        parts.push(before === undefined ? this.#eval(current.right, depth + 1) : this.#queryNamed(before, current.right, depth));
        current = current.left;
      } else if (current.type === 'LogicalExpression') {
        parts.push(this.#eval(current.right, depth + 1));
        current = current.left;
      } else if (current.type === 'BinaryExpression') {
        // Comparisons and arithmetic give booleans and numbers, not the data.
        break;
      } else {
        parts.push(this.#eval(current, depth + 1));
        break;
      }
      if (parts.length > 5000) break; // a 20,000-term expression: the first terms suffice
    }
    return unionLabels(...parts);
  }

  #object(node: TSESTree.ObjectExpression, depth: number): Labels {
    const parts: Labels[] = [];
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        parts.push(this.#eval(property.argument, depth + 1));
        continue;
      }
      const value = property.value;
      if (isFunction(value) || property.kind !== 'init') continue;
      const valueLabels = this.#eval(value, depth + 1);
      parts.push(valueLabels);
      const key = keyName(property.key, property.computed);
      // `{ openid: x }` says what x is, unless x is a literal (a placeholder or example) or was sanitized.
      if (key && !isLiteralValue(value) && !anySanitized(valueLabels) && !this.#isSanitizerCall(value)) {
        const named = this.#nameLabels(key, property.key);
        // `{ mobile: typed }` of what the visitor typed into a form control says what it is, and where it came from.
        const typed = isFormControlRead(value) || (valueLabels.length > 0 && valueLabels.every((label) => label.source === 'form'));
        parts.push(typed ? named.map((label) => ({ ...label, source: 'form' as const })) : named);
      }
    }
    return unionLabels(...parts);
  }

  #member(node: TSESTree.MemberExpression, depth: number): Labels {
    const object = unwrap(node.object);
    const name = staticPropertyName(node);
    // `message.Content` is the text of an inbound message: content, not also its sender's openid.
    let kinds: readonly LabelKind[] = name === 'Content' ? ['content'] : name ? kindsOfName(name) : [];
    // The nickname and logo of an Official Account record are the account's public profile.
    const ofAccount = kinds.includes('profile') && this.#isAccountRecord(object);
    if (ofAccount) kinds = kinds.filter((kind) => kind !== 'profile');
    const parts: Labels[] = [];
    let whole: Labels = NO_LABELS;
    if (object.type === 'ThisExpression') {
      const owner = this.#enclosingClass(node);
      if (owner && name) {
        const field = this.#classFields.get(owner)?.get(name);
        if (field) parts.push(this.#read(field));
      }
    } else if (object.type !== 'Super') {
      if (!name || !NON_DATA_PROPERTIES.has(name)) whole = this.#eval(object, depth + 1);
    }
    // What the whole holds as a whole (shape labels) is not what one named field of it holds.
    if (name !== undefined) whole = wholeOnly(whole);
    // A field named after user data takes that kind from the whole (see #project); other properties take all.
    parts.push(kinds.length > 0 ? projectLabels(whole, kinds) : ofAccount ? NO_LABELS : whole);
    if (name) {
      parts.push(ofAccount ? this.#nameLabels(name, node.property).filter((label) => label.kind !== 'profile') : this.#nameLabels(name, node.property));
      parts.push(this.#requestSource(node, object, name));
      // `res.headers['set-cookie']`, a wrapper's parsed `response.cookies` of a console response: its session.
      // (Not `page.cookies` as the callee of `page.cookies()`: the call is the read.)
      if (this.#facts.consoleRequests.length > 0) {
        const called = node.parent?.type === 'CallExpression' && node.parent.callee === node;
        const holders = name.toLowerCase() === SET_COOKIE_HEADER ? this.#consoleHolders(object, true, depth)
          : RESPONSE_COOKIE_PROPERTIES.has(name) && !called ? this.#consoleHolders(object, false, depth) : NO_LABELS;
        parts.push(holders.map((label) => makeLabel('console-session', node, label.source)));
      }
    }
    const labels = unionLabels(...parts);
    if (this.#shapeOfPath.size > 0) {
      const key = this.#pathKey(node);
      const shape = key ? this.#shapeOfPath.get(key) : undefined;
      if (shape) return withShape(labels, shape);
    }
    return labels;
  }

  /**
   * The `console-response` labels of `node`: a console response, or a page that opened the console; with
   * `headers`, also of the response whose `headers` it is (`res.headers`, `res.header`, node-fetch's
   * `res.headers.raw()`), which data labels do not pass through.
   */
  #consoleHolders(input: Node, headers: boolean, depth: number): Labels {
    let node = unwrap(input);
    if (headers) {
      if (node.type === 'CallExpression' && calleeName(node) === 'raw' && unwrap(node.callee).type === 'MemberExpression') {
        node = unwrap((unwrap(node.callee) as TSESTree.MemberExpression).object);
      }
      const name = node.type === 'MemberExpression' ? staticPropertyName(node) : undefined;
      if (node.type === 'MemberExpression' && (name === 'headers' || name === 'header')) node = unwrap(node.object);
    }
    return this.#eval(node, depth + 1).filter((label) => label.kind === 'console-response');
  }

  /**
   * A console request's response; the address of a page that opened the console (`page.url()`); and the session
   * read from either by a call: its cookies (`headers.getSetCookie()`, `page.cookies()`) or the token of its
   * address (`url.match(/token=(\d+)/)`, `new URL(url).searchParams.get('token')`). The session keeps the source
   * of what it was read from, so a read from a driven browser page can be told from a response's.
   */
  #consoleLabels(node: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Labels {
    if (this.#facts.consoleRequests.length === 0 || node.type !== 'CallExpression') return NO_LABELS;
    this.#consoleRequestNodes ??= new Set(this.#facts.consoleRequests.map((request) => request.node));
    if (this.#consoleRequestNodes.has(node)) return [makeLabel('console-response', node, 'api')];
    const callee = unwrap(node.callee);
    const name = calleeName(node);
    if (callee.type !== 'MemberExpression' || !name) return NO_LABELS;
    const first = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
    const text = first?.type === 'Literal' && typeof first.value === 'string' ? first.value : undefined;
    const readsSetCookie = SET_COOKIE_READ_METHODS.has(name) || (name === 'get' && text?.toLowerCase() === SET_COOKIE_HEADER);
    const readsToken =
      (name === 'get' && text === MP_SESSION_TOKEN_PARAMETER) ||
      (name === 'match' && first?.type === 'Literal' && 'regex' in first && first.regex.pattern.includes(`${MP_SESSION_TOKEN_PARAMETER}=`));
    const holders = (headers: boolean) => this.#consoleHolders(callee.object, headers, depth);
    const read = (kind: 'console-session' | 'console-token', from: Labels) => from.map((label) => makeLabel(kind, node, label.source));
    if (readsSetCookie) return read('console-session', holders(true));
    if (PAGE_COOKIE_READ_METHODS.has(name)) return read('console-session', holders(false));
    if (readsToken) return read('console-token', holders(false));
    if (PAGE_URL_METHODS.has(name)) return holders(false);
    return NO_LABELS;
  }

  /** Request bodies and queries (content a user supplied), inbound messages (`req.weixin`, `ctx.weixin`, `.Content`). */
  #requestSource(node: TSESTree.MemberExpression, object: Node, name: string): Labels {
    const objectName =
      object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' ? staticPropertyName(object) : undefined;
    if (name === 'weixin' && (objectName === 'req' || objectName === 'request' || objectName === 'ctx')) {
      return this.#inboundLabels(node);
    }
    if (name === 'Content') return [makeLabel('content', node, 'inbound')];
    if ((name === 'body' || name === 'query') && (objectName === 'req' || objectName === 'request')) {
      return [makeLabel('content', node, 'request')];
    }
    if (name === 'query' && objectName === 'ctx') return [makeLabel('content', node, 'request')];
    return NO_LABELS;
  }

  #call(node: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Labels {
    return unionLabels(this.#callResult(node, depth), this.#consoleLabels(node, depth));
  }

  #callResult(node: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Labels {
    const callee = unwrap(node.callee);
    const args = node.arguments;
    const argumentLabels = () => unionLabels(...args.map((argument) => this.#eval(argument, depth + 1)));

    const fn = this.#functionOfCallee(callee);
    if (fn) return this.#read(fn);

    const sanitizer = this.sanitizerOf(node);
    if (sanitizer) {
      const receiver = callee.type === 'MemberExpression' ? this.#eval(callee.object, depth + 1) : NO_LABELS;
      return sanitizeLabels(unionLabels(argumentLabels(), receiver), sanitizer.category, sanitizer.name);
    }

    // A function of another module whose result carries some of its arguments (`buildUri(host, '', { openid })`);
    // a sanitizer by name (`maskOpenid`) stays one, above.
    const carried = node.type === 'CallExpression' ? this.#facts.project?.carriedArguments(node) : undefined;
    if (carried) return unionLabels(...carried.map((argument) => this.#eval(argument, depth + 1)));

    const client = this.#clientLabel(node);
    if (client) return [client];

    const path = memberPath(callee);
    if (path && TRANSPARENT_FUNCTIONS.has(path)) return argumentLabels();

    const raw = node.type === 'CallExpression' ? this.#rawApiCall(node, depth + 1) : undefined;
    if (raw) {
      const kinds = endpointResultKinds(raw.endpoint);
      if (kinds.length > 0) return kinds.map((kind) => makeLabel(kind, node, 'api', raw.account));
    }

    const name = calleeName(node);
    const parts: Labels[] = [];
    if (callee.type === 'MemberExpression' && name) {
      const receiver = this.#eval(callee.object, depth + 1);
      const sdkCall = node.type === 'CallExpression' ? this.#sdkCall(node, depth + 1) : undefined;
      const kinds = sdkCall ? resultKindsOf(sdkCall.method) : undefined;
      const client = sdkCall?.client;
      if (client && kinds) parts.push(kinds.map((kind) => makeLabel(kind, node, 'sdk', client.account)));
      if (name === 'then') {
        const callback = args[0] ? unwrap(args[0]) : undefined;
        parts.push(isFunction(callback) ? this.#read(callback) : receiver);
      } else if (name === 'map' || name === 'flatMap') {
        const callback = args[0] ? unwrap(args[0]) : undefined;
        if (isFunction(callback)) parts.push(this.#read(callback));
      } else if (RECEIVER_METHODS.has(name) && !(client && kinds)) {
        parts.push(receiver);
        if (name === 'concat') parts.push(argumentLabels());
      }
      if (SERIALIZER_METHODS.has(name)) parts.push(argumentLabels());
    }
    if (name && DATABASE_READ_METHODS.has(name)) parts.push(this.#databaseRead(node, depth));
    if (name) parts.push(this.#getterName(name, node));
    return unionLabels(...parts);
  }

  /** A read that names user-data fields (`select('openid', 'nickname')`, `findOne({ openid })`, `getItem('openid')`). */
  #databaseRead(node: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Labels {
    const parts: Labels[] = [];
    for (const argument of node.arguments) {
      const value = unwrap(argument);
      if (value.type === 'Literal' && typeof value.value === 'string') {
        parts.push(this.#nameLabels(value.value, value).map((label) => ({ ...label, source: 'database' as const })));
      } else if (value.type === 'ArrayExpression') {
        for (const element of value.elements) {
          if (element?.type === 'Literal' && typeof element.value === 'string') {
            parts.push(this.#nameLabels(element.value, element).map((label) => ({ ...label, source: 'database' as const })));
          }
        }
      } else {
        parts.push(this.#eval(value, depth + 1));
      }
    }
    return unionLabels(...parts);
  }

  /** `getOpenid()`, `fetchUserInfo()`: an unresolved getter whose name says what it returns. */
  #getterName(name: string, node: Node): Labels {
    const words = name.split(/(?=[A-Z])|_/u);
    if (words.length < 2 || !GETTER_VERBS.has(words[0].toLowerCase())) return NO_LABELS;
    return this.#nameLabels(words.slice(1).join('_'), node);
  }

  /** `new WechatAPI(appid, secret)`, `new OAuth(appid, secret)`, `new Wechat({ appId, … })`: an SDK client. */
  #clientLabel(node: TSESTree.CallExpression | TSESTree.NewExpression): Label | undefined {
    const client = this.#facts.sdk.clientAt(node);
    if (!client) return undefined;
    return makeLabel('client', node, 'client', client.appid ? this.accountOf(client.appid) : undefined, client.module);
  }

  /** The module `identifier` is bound to by an import, `require('m')`, `require('m').x` or `await import('m')`. */
  moduleOf(identifier: TSESTree.Identifier): string | undefined {
    this.#solve();
    const variable = this.#referenceOf.get(identifier)?.resolved;
    const def = variable?.defs[0];
    if (!def) return undefined;
    let name: unknown;
    if (def.type === 'ImportBinding') {
      name = (def.parent as TSESTree.ImportDeclaration | undefined)?.source?.value;
    } else if (def.type === 'Variable' && def.node.init) {
      let init = unwrap(def.node.init);
      if (init.type === 'MemberExpression') init = unwrap(init.object);
      if (init.type === 'AwaitExpression') init = unwrap(init.argument);
      if (init.type === 'CallExpression' && calleeName(init) === 'require') name = (init.arguments[0] as Node | undefined)?.type === 'Literal' ? (init.arguments[0] as TSESTree.Literal).value : undefined;
      else if (init.type === 'ImportExpression') name = init.source.type === 'Literal' ? init.source.value : undefined;
    }
    return typeof name === 'string' ? name : undefined;
  }

  /**
   * The SDK method a call invokes on a client (docs/architecture.md, SDK shapes): `api.getUser(…)`, wechat-jssdk's
   * `wx.oauth.getUserInfo(…)`, node-easywechat's `app.getAccessToken().getToken()`.
   */
  sdkCallOf(call: TSESTree.CallExpression): { client: Label; name: string; method: SdkMethod } | undefined {
    this.#solve();
    return this.#sdkCall(call, 0);
  }

  /** `sdkCallOf` inside an evaluation: the receiver is looked into one level deeper (a long chain stays bounded). */
  #sdkCall(call: TSESTree.CallExpression, depth: number): { client: Label; name: string; method: SdkMethod } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') return undefined;
    const name = staticPropertyName(callee);
    if (!name) return undefined;
    const receiver = unwrap(callee.object);
    const candidates: { client: Label | undefined; names: string[] }[] = [
      { client: this.#clientIn(this.#eval(receiver, depth + 1)), names: [name] },
    ];
    if (receiver.type === 'MemberExpression' || receiver.type === 'CallExpression') {
      const inner = receiver.type === 'MemberExpression' ? staticPropertyName(receiver) : calleeName(receiver);
      const owner = receiver.type === 'MemberExpression' ? receiver.object : receiver.callee.type === 'MemberExpression' ? receiver.callee.object : undefined;
      if (inner && owner) candidates.push({ client: this.#clientIn(this.#eval(owner, depth + 2)), names: [`${inner}.${name}`] });
    }
    for (const { client, names } of candidates) {
      if (!client?.sdk) continue;
      const found = sdkMethodOf(client.sdk, names);
      if (found) return { client, ...found };
    }
    const project = receiver.type === 'Identifier' ? this.#facts.sdk.projectClientOf(receiver) : undefined;
    if (project) {
      const found = sdkMethodOf(project.pkg, [name]);
      if (found) return { client: makeLabel('client', receiver, 'client', undefined, project.pkg), ...found };
    }
    return undefined;
  }

  /**
   * A request of an Official Account API (its URL a catalogued one, whatever the client: analysis/requests.ts),
   * with the account it runs as: the appid of a token or OAuth request (`appid=${…}` in the URL, or `appid` in the
   * query or body), or the account of the `access_token` it passes.
   */
  rawApiCallOf(call: TSESTree.CallExpression): { endpoint: Endpoint; account: Account | undefined; url: Node } | undefined {
    this.#solve();
    return this.#rawApiCall(call, 0);
  }

  #rawApiCall(call: TSESTree.CallExpression, depth: number): { endpoint: Endpoint; account: Account | undefined; url: Node } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    this.#requestByNode ??= new Map(this.#facts.requests.map((request) => [request.node, request]));
    const request = this.#requestByNode.get(call);
    if (!request?.urlNode) return undefined;
    let endpoint: Endpoint | undefined;
    let holes = new Map<string, Node>();
    for (const value of request.url) {
      const info = parseUrl(value);
      if (!info.host || !CATALOG_HOSTS.has(info.host)) continue;
      const found = findEndpoint(info.path.split('/').filter(Boolean).join('/'), { host: info.host });
      if (!found) continue;
      endpoint = found;
      holes = queryHoles(value);
      break;
    }
    if (!endpoint) return undefined;
    const option = (key: string): Node | undefined => {
      for (const container of [request.query, request.body, request.options]) {
        const object = container ? unwrap(container) : undefined;
        const value = object?.type === 'ObjectExpression' ? objectProperty(object, key) : undefined;
        if (value) return value;
      }
      return undefined;
    };
    let account: Account | undefined;
    const appid = holes.get('appid') ?? option('appid');
    if (appid) account = this.accountOf(appid);
    const token = holes.get('access_token') ?? option('access_token');
    if (!account && token) account = this.#eval(token, depth + 1).find((label) => label.kind === 'credential' && label.account)?.account;
    return { endpoint, account, url: unwrap(request.urlNode) };
  }

  #clientIn(labels: Labels): Label | undefined {
    return labels.find((label) => label.kind === 'client');
  }
}

/** The expressions of a URL's query values: `?appid=${id}&access_token=${token}` → appid → id, access_token → token. */
function queryHoles(value: StringValue): Map<string, Node> {
  const holes = new Map<string, Node>();
  for (const [name, hole] of queryValueHoles(value)) if (hole.node) holes.set(name, hole.node);
  return holes;
}

/** The data labels of `labels` re-kinded to `kinds` (a field read from a labelled whole). Clients and the console session carry no fields. */
function projectLabels(labels: Labels, kinds: readonly LabelKind[]): Labels {
  const result: Label[] = [];
  for (const label of labels) {
    if (!isUserDataLabel(label)) continue;
    for (const kind of kinds) result.push(label.kind === kind ? label : { ...label, kind });
  }
  return result.length > 0 ? unionLabels(result) : NO_LABELS;
}

/** Upper bound on how often one slot can grow (every kind × source × sanitizer mix is far fewer in practice). */
const MAX_LABELS_PER_SLOT_GROWTH = 24;

/** `name=` at the end of a text: the name a query or form text gives the value that follows. */
const QUERY_NAME_BEFORE = /(?:^|[?&#\s;,])([A-Za-z_]\w*)=$/u;

/** The text a `+` operand ends with, when it ends with known text: `'?openid='`, `` `…&ticket=` ``, `a + 'x='`. */
function textEnd(input: Node): string | undefined {
  let node = unwrap(input);
  if (node.type === 'BinaryExpression' && node.operator === '+') node = unwrap(node.right);
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') {
    const last = node.quasis[node.quasis.length - 1];
    return last.value.cooked ?? last.value.raw;
  }
  return undefined;
}

/**
 * Shape labels add what the code's names say a value holds only where its origin says nothing of that kind: an
 * openid read from an OAuth answer keeps the answer's account, with no second, accountless openid beside it.
 */
function withShape(labels: Labels, shape: Labels): Labels {
  if (shape.length === 0) return labels;
  const missing = shape.filter((label) => !labels.some((known) => known.kind === label.kind));
  return missing.length > 0 ? unionLabels(labels, missing) : labels;
}

/** Labels that describe a value as a whole (source `shape`) are dropped where one field of it is read. */
function wholeOnly(labels: Labels): Labels {
  return labels.some((label) => label.source === 'shape') ? labels.filter((label) => label.source !== 'shape') : labels;
}

/** The keys an object pattern reads: `{ openid, user: { id } }` → `openid`, `user`. */
function patternKeys(pattern: TSESTree.ObjectPattern): string[] {
  const keys: string[] = [];
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const key = keyName(property.key, property.computed);
    if (key) keys.push(key);
  }
  return keys;
}

/** A member expression that reads its field (not the target of a write, not a method called on the object). */
function isFieldRead(node: TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === node) return false;
  if (parent.type === 'UpdateExpression') return false;
  if (parent.type === 'CallExpression' && parent.callee === node) return false;
  if (unwrap(node.object).type === 'ThisExpression') return false;
  return true;
}

/** A variable whose every write is a literal: a constant (`const DEFAULT_AVATAR = '/a.png'`), not data. */
function isConstantVariable(variable: Variable): boolean {
  if (variable.defs.some((def) => def.type !== 'Variable')) return false;
  const writes = variable.references.filter((reference) => reference.writeExpr);
  return writes.length > 0 && writes.every((reference) => isLiteralValue(reference.writeExpr as Node));
}

/** Request objects and where their fields live: `req.body.seat`, `ctx.query.id`, `ctx.request.body.x`. */
const REQUEST_OBJECTS: ReadonlySet<string> = new Set(['req', 'request', 'ctx']);
const REQUEST_FIELD_HOLDERS: ReadonlySet<string> = new Set(['body', 'query', 'params']);

/** `req.body.seat`: a field of a request whose name is not a user-data name. */
function isRequestField(input: Node): boolean {
  const node = unwrap(input);
  if (node.type !== 'MemberExpression') return false;
  const name = staticPropertyName(node);
  if (!name || kindsOfName(name).length > 0) return false;
  const holder = unwrap(node.object);
  if (holder.type !== 'MemberExpression' || !REQUEST_FIELD_HOLDERS.has(staticPropertyName(holder) ?? '')) return false;
  let owner = unwrap(holder.object);
  if (owner.type === 'MemberExpression' && staticPropertyName(owner) === 'request') owner = unwrap(owner.object);
  const ownerName = owner.type === 'Identifier' ? owner.name : owner.type === 'MemberExpression' ? staticPropertyName(owner) : undefined;
  return !!ownerName && REQUEST_OBJECTS.has(ownerName);
}
