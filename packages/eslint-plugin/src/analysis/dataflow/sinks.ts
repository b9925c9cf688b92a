import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../ast.js';
import {
  BROWSER_STORAGES,
  CONSOLE_METHODS,
  COOKIE_PROTECTION_OPTIONS,
  COOKIE_SETTERS,
  COOKIE_SIGNED_OPTION,
  INDEXED_DB_WRITE_METHODS,
  LOGGER_FACTORIES,
  LOGGER_METHODS,
  LOGGER_WORDS,
  RESPONSE_METHODS,
  RESPONSE_NAMES,
  STORAGE_MODULES,
  STORAGE_WRITE_METHODS,
} from '../../knowledge/plaintext-stores.js';
import { identifierWords } from '../../util/name-words.js';
import { calleeName, type DataFlow, memberPath, staticPropertyName } from './engine.js';

type Node = TSESTree.Node;

/** Where a value is written in plain text (S2). */
export type PlaintextSinkKind = 'storage' | 'cookie' | 'server-cookie' | 'log' | 'response';

export interface PlaintextSink {
  kind: PlaintextSinkKind;
  /** The operation to report: the call or assignment. */
  operation: TSESTree.CallExpression | TSESTree.AssignmentExpression;
  /** The values written. */
  values: Node[];
  /** What is written to, for the message: `localStorage`, `document.cookie`, `console.log`, `res.json`. */
  target: string;
  /**
   * Server cookies: whether the options protect the value (`signed`, or `httpOnly` and `secure`); `unknown` when the
   * options are not a literal. Every cookie write is a store (the data inventory lists it); only an unprotected one
   * is plain text.
   */
  protection?: boolean | 'unknown';
}

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);


/**
 * The path of a member chain rooted at a free global, without the global object: `window.localStorage.setItem`
 * → `localStorage.setItem`. Undefined when the root is a local variable (a shadowed name is not the global).
 */
export function globalPath(node: Node, flow: DataFlow): string | undefined {
  const path = memberPath(node);
  if (!path) return undefined;
  let root: Node = unwrap(node);
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  if (root.type !== 'Identifier') return undefined;
  const variable = flow.referenceOf(root)?.resolved;
  // Declared in the file (or a parameter): not the global. Globals the config declares have no definitions.
  if (variable && variable.defs.length > 0) return undefined;
  const parts = path.split('.');
  while (parts.length > 1 && GLOBAL_OBJECTS.has(parts[0])) parts.shift();
  return parts.join('.');
}

function receiverName(node: Node): string | undefined {
  const object = unwrap(node);
  if (object.type === 'Identifier') return object.name;
  if (object.type === 'MemberExpression') return staticPropertyName(object);
  if (object.type === 'ThisExpression') return 'this';
  return undefined;
}

function isLoggerName(name: string | undefined): boolean {
  if (!name) return false;
  return identifierWords(name).some((word) => LOGGER_WORDS.has(word));
}

function objectOption(node: Node | undefined, key: string): boolean | 'unknown' | undefined {
  if (!node) return undefined;
  const object = unwrap(node);
  if (object.type !== 'ObjectExpression') return 'unknown';
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') return 'unknown';
    const name = !property.computed && property.key.type === 'Identifier' ? property.key.name : undefined;
    if (name !== key) continue;
    const value = unwrap(property.value);
    if (value.type === 'Literal') return value.value === true;
    return 'unknown';
  }
  return undefined;
}

/**
 * True when a server cookie's options protect its value: `signed: true`, or `httpOnly` and `secure` both true
 * (Koa defaults `httpOnly` to true; Egg signs by default and can `encrypt`). `unknown` when the options are
 * not a literal object (the rule stays silent then).
 */
function cookieProtected(options: Node | undefined, defaults: { httpOnly: boolean; signed: boolean }): boolean | 'unknown' {
  const signed = objectOption(options, COOKIE_SIGNED_OPTION);
  const encrypt = objectOption(options, 'encrypt');
  const [httpOnlyKey, secureKey] = COOKIE_PROTECTION_OPTIONS;
  const httpOnly = objectOption(options, httpOnlyKey);
  const secure = objectOption(options, secureKey);
  if (options && unwrap(options).type !== 'ObjectExpression') return 'unknown';
  if (signed === true || encrypt === true) return true;
  if (signed === undefined && defaults.signed) return true;
  if ([signed, httpOnly, secure, encrypt].includes('unknown')) return 'unknown';
  const isHttpOnly = httpOnly === undefined ? defaults.httpOnly : httpOnly === true;
  return isHttpOnly && secure === true;
}

/** The plain-text write a call or assignment performs, if any (docs/rules/no-plaintext-user-data.md). */
export function plaintextSinkOf(
  node: TSESTree.CallExpression | TSESTree.AssignmentExpression,
  flow: DataFlow,
  options: { eggDefaults: boolean },
): PlaintextSink | undefined {
  if (node.type === 'AssignmentExpression') {
    const left = unwrap(node.left);
    if (left.type !== 'MemberExpression') return undefined;
    const path = globalPath(left, flow);
    if (path === 'document.cookie') return { kind: 'cookie', operation: node, values: [node.right], target: 'document.cookie' };
    const storage = path?.split('.')[0];
    if (storage && BROWSER_STORAGES.has(storage) && path !== storage) {
      return { kind: 'storage', operation: node, values: [node.right], target: storage };
    }
    // Koa/Egg `ctx.body = …` and `this.ctx.body = …`.
    if (staticPropertyName(left) === 'body' && receiverName(left.object) === 'ctx') {
      return { kind: 'response', operation: node, values: [node.right], target: 'ctx.body' };
    }
    return undefined;
  }
  const callee = unwrap(node.callee);
  const library = storageLibraryWrite(node, flow);
  if (library) return library;
  if (callee.type === 'Identifier' && isFactoryLogger(callee, flow)) {
    return { kind: 'log', operation: node, values: node.arguments as Node[], target: callee.name };
  }
  // A helper of another module that writes its arguments (`logUser(user)` doing `logger.info(user)`).
  const crossFile = flow.crossFileSinkOf(node);
  if (crossFile) return { kind: crossFile.kind, operation: node, values: crossFile.values, target: crossFile.target };
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticPropertyName(callee);
  if (!method) return undefined;
  const path = globalPath(callee, flow);
  const args = node.arguments as Node[];
  if (path) {
    const [root] = path.split('.');
    if (BROWSER_STORAGES.has(root) && STORAGE_WRITE_METHODS.has(method) && path === `${root}.${method}`) {
      return { kind: 'storage', operation: node, values: args.slice(1), target: root };
    }
    if (root === 'console' && CONSOLE_METHODS.has(method) && path === `console.${method}`) {
      return { kind: 'log', operation: node, values: args, target: path };
    }
  }
  // IndexedDB: `db.transaction(…).objectStore('users').put(user)`.
  if (INDEXED_DB_WRITE_METHODS.has(method)) {
    const object = unwrap(callee.object);
    if (object.type === 'CallExpression' && calleeName(object) === 'objectStore') {
      return { kind: 'storage', operation: node, values: args.slice(0, 1), target: 'IndexedDB' };
    }
  }
  const receiver = receiverName(callee.object);
  if (LOGGER_METHODS.has(method) && isLoggerName(receiver)) {
    return { kind: 'log', operation: node, values: args, target: `${receiver}.${method}` };
  }
  // Express `res.cookie(name, value, options)`.
  if (method === COOKIE_SETTERS.expressMethod && receiver && RESPONSE_NAMES.has(receiver) && args.length >= 2) {
    const protection = cookieProtected(args[2], { httpOnly: false, signed: false });
    return { kind: 'server-cookie', operation: node, values: [args[1]], target: `${receiver}.cookie`, protection };
  }
  // Koa/Egg `ctx.cookies.set(name, value, options)`.
  if (method === COOKIE_SETTERS.koaMethod && receiver === COOKIE_SETTERS.koaObject && args.length >= 2) {
    const protection = cookieProtected(args[2], { httpOnly: true, signed: options.eggDefaults });
    return { kind: 'server-cookie', operation: node, values: [args[1]], target: 'ctx.cookies.set', protection };
  }
  if (RESPONSE_METHODS.has(method) && receiver && RESPONSE_NAMES.has(receiver)) {
    const values = method === 'render' ? args.slice(1) : args;
    return { kind: 'response', operation: node, values, target: `${receiver}.${method}` };
  }
  return undefined;
}

/**
 * A logging function made by a factory (`const log = debug('app:auth')`, `const log = util.debuglog('app')`,
 * `require('debug')('app')`), bound once to a variable that is not reassigned.
 */
function isFactoryLogger(identifier: TSESTree.Identifier, flow: DataFlow): boolean {
  const variable = flow.referenceOf(identifier)?.resolved;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return false;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return false;
  const init = unwrap(def.node.init);
  if (init.type !== 'CallExpression') return false;
  const factory = unwrap(init.callee);
  // `require('debug')('app')`.
  if (factory.type === 'CallExpression' && calleeName(factory) === 'require') {
    const source = factory.arguments[0];
    return source?.type === 'Literal' && typeof source.value === 'string' && !!LOGGER_FACTORIES[source.value]?.includes('default');
  }
  // `util.debuglog('app')`.
  if (factory.type === 'MemberExpression') {
    const object = unwrap(factory.object);
    const name = staticPropertyName(factory);
    const module = object.type === 'Identifier' ? flow.moduleOf(object) : undefined;
    return !!module && !!name && Object.hasOwn(LOGGER_FACTORIES, module) && LOGGER_FACTORIES[module].includes(name);
  }
  if (factory.type !== 'Identifier') return false;
  const module = flow.moduleOf(factory);
  if (!module || !Object.hasOwn(LOGGER_FACTORIES, module)) return false;
  return LOGGER_FACTORIES[module].includes(bindingName(factory, flow));
}

/**
 * The name a binding has in its module: `default` for the module itself (`import debug from 'debug'`,
 * `const debug = require('debug')`), the imported or destructured name otherwise (`const { debuglog } = require('util')`).
 */
function bindingName(identifier: TSESTree.Identifier, flow: DataFlow): string {
  const def = flow.referenceOf(identifier)?.resolved?.defs[0];
  if (!def) return identifier.name;
  if (def.type === 'ImportBinding') return importedName(identifier, flow) ?? 'default';
  if (def.type === 'Variable' && def.node.id.type === 'Identifier') {
    const init = def.node.init ? unwrap(def.node.init) : undefined;
    // `require('m').x` names the export `x`; `require('m')` the module itself.
    return init?.type === 'MemberExpression' ? (staticPropertyName(init) ?? identifier.name) : 'default';
  }
  const property = (def.name as Node).parent;
  if (property?.type === 'Property' && !property.computed && property.key.type === 'Identifier') return property.key.name;
  return identifier.name;
}

/** A write through a client storage library: `localforage.setItem(k, v)`, `Cookies.set(k, v)`, idb-keyval `set(k, v)`. */
function storageLibraryWrite(node: TSESTree.CallExpression, flow: DataFlow): PlaintextSink | undefined {
  const callee = unwrap(node.callee);
  let root: Node = callee;
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  if (root.type !== 'Identifier') return undefined;
  const module = flow.moduleOf(root);
  const library = module ? STORAGE_MODULES[module] : undefined;
  if (!module || !library) return undefined;
  // The imported function itself (`set` of idb-keyval), or a method of the imported object (`Cookies.set`).
  const name = callee.type === 'MemberExpression' ? staticPropertyName(callee) : importedName(root, flow);
  // store2's default export is callable: `store(key, value)` writes.
  const callsDefault = callee.type === 'Identifier' && module === 'store2' && node.arguments.length >= 2;
  if (!callsDefault && (!name || !library.writes.includes(name))) return undefined;
  const values = (node.arguments as Node[]).slice(1, 2);
  return { kind: library.target, operation: node, values, target: module };
}

/** The name an identifier was imported under (`import { set as save } from 'idb-keyval'` → `set`). */
function importedName(identifier: TSESTree.Identifier, flow: DataFlow): string | undefined {
  const def = flow.referenceOf(identifier)?.resolved?.defs[0];
  if (def?.type !== 'ImportBinding') return identifier.name;
  const specifier = def.node as TSESTree.ImportClause;
  if (specifier.type === 'ImportSpecifier') return specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
  return undefined;
}
