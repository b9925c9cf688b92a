/**
 * Collects one file's inventory entries from the shared analysis: data-flow labels (what carries user data and
 * where it entered), the HTTP requests, and the stores of knowledge/backend-stores.ts. Runs inside an ESLint rule
 * (see ./rule.ts) so it sees exactly the parse and analysis the rules see.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AWAIT, unwrap } from '../analysis/ast.js';
import { calleeName, memberPath, type PlaintextSink, plaintextSinkOf, staticPropertyName } from '../analysis/dataflow/index.js';
import { isUserDataLabel, type Labels } from '../analysis/dataflow/labels.js';
import { type FileAnalysis, type HttpRequest, knownPrefix, parseUrl, textOf } from '../analysis/index.js';
import { moduleSpecifiers } from '../analysis/globals.js';
import {
  BROWSER_STORAGE_DELETE_METHODS,
  REDIS_EXPIRING_WRITES,
  REDIS_EXPIRY_ARGUMENTS,
  REDIS_RECEIVER_WORDS,
  STORE_FAMILIES,
  SQL_METHODS,
  SQL_STATEMENT,
  STORE_NAME_SUFFIXES,
  type StoreFamily,
  UNSUBSCRIBE_EVENT,
  USER_ENTITY_STORE_WORDS,
} from '../knowledge/backend-stores.js';
import { BROWSER_PERSONAL_DATA_CALLS, JSSDK_PERSONAL_DATA_CALLS } from '../knowledge/jssdk.js';
import { BROWSER_STORAGES, CONSOLE_METHODS, LOGGER_METHODS, LOGGER_WORDS } from '../knowledge/plaintext-stores.js';
import { identifierWords } from '../util/name-words.js';
import type { InventoryEntry } from './types.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression;

const SERVER_SOURCES = new Set(['sdk', 'api', 'inbound', 'request', 'database']);

function kindsOf(labels: Labels): string[] {
  return [...new Set(labels.filter(isUserDataLabel).map((label) => label.kind))].sort();
}


/** `userModel` → user, `Users` → user, `wx_users` → wx user: the entity a store holds. */
export function storeEntity(name: string): string {
  const words = identifierWords(name);
  while (words.length > 1 && STORE_NAME_SUFFIXES.includes(words.at(-1) as string)) words.pop();
  const last = words.at(-1);
  if (last && last.length > 3 && last.endsWith('s') && !last.endsWith('ss')) words[words.length - 1] = last.slice(0, -1);
  return words.join(' ');
}

function isUserEntity(entity: string): boolean {
  return entity.split(' ').some((word) => USER_ENTITY_STORE_WORDS.has(word));
}

/** Static text of an argument, through constants and local variables; a dynamic tail becomes `*`. */
type TextOf = (node: Node | undefined) => string | undefined;

function textReader(analysis: FileAnalysis): TextOf {
  return (node) => {
    if (!node) return undefined;
    const values = analysis.values.valuesOf(node);
    if (values.length !== 1) return undefined;
    const full = textOf(values[0]);
    if (full !== undefined) return full;
    const prefix = knownPrefix(values[0]);
    return prefix ? `${prefix}*` : undefined;
  };
}

/** A Redis key's identity: its static prefix up to the last `:` (`session:${id}` → `session:*`). */
function redisKey(node: Node | undefined, stringArgument: TextOf): string {
  const text = stringArgument(node);
  if (text === undefined) return '*';
  const star = text.indexOf('*');
  const known = star === -1 ? text : text.slice(0, star);
  const colon = known.lastIndexOf(':');
  return colon === -1 ? (star === -1 ? text : '*') : `${known.slice(0, colon + 1)}*`;
}

interface StoreCall {
  family: StoreFamily;
  store: string;
  method: string;
}

/**
 * Which store a call writes to or deletes from, by the family's method name and the shape of the receiver.
 * Precision first: an ambiguous method on an unknown receiver is no store.
 */
function storeCall(call: Call, imported: ReadonlySet<StoreFamily>, stringArgument: TextOf): StoreCall | undefined {
  const callee = unwrap(call.callee, AWAIT);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticPropertyName(callee);
  if (!method) return undefined;
  const receiver = unwrap(callee.object, AWAIT);
  const isWrite = (family: StoreFamily) => STORE_FAMILIES[family].writes.has(method);
  const isDelete = (family: StoreFamily) => STORE_FAMILIES[family].deletes.has(method);
  const fits = (family: StoreFamily) => isWrite(family) || isDelete(family);

  // prisma.user.create(…)
  if (receiver.type === 'MemberExpression' && fits('prisma')) {
    const client = memberPath(receiver.object);
    const model = staticPropertyName(receiver);
    if (client && model && /(?:^|\.)prisma$/iu.test(client)) return { family: 'prisma', store: `prisma ${storeEntity(model)}`, method };
  }
  // knex('users').insert(…), db('users').where(…).del(), db.collection('users').insertOne(…)
  let base: Node = receiver;
  for (let steps = 0; steps < 8 && base.type === 'CallExpression'; steps++) {
    const inner = unwrap(base.callee, AWAIT);
    const table = stringArgument(base.arguments[0]);
    if (inner.type === 'MemberExpression' && staticPropertyName(inner) === 'collection' && table && fits('mongodb')) {
      return { family: 'mongodb', store: `mongodb ${storeEntity(table)}`, method };
    }
    if (inner.type === 'Identifier' && table && fits('knex') && (imported.has('knex') || /^(?:knex|db|database|trx)$/u.test(inner.name))) {
      return { family: 'knex', store: `table ${storeEntity(table)}`, method };
    }
    if (inner.type === 'MemberExpression' && ['from', 'into', 'table'].includes(staticPropertyName(inner) ?? '') && table && fits('knex')) {
      return { family: 'knex', store: `table ${storeEntity(table)}`, method };
    }
    if (inner.type !== 'MemberExpression') break;
    base = unwrap(inner.object, AWAIT);
  }
  // db.query('INSERT INTO profile_visits …', [...]) with mysql2, pg, sqlite.
  if (SQL_METHODS.has(method)) {
    const sql = stringArgument(call.arguments[0]);
    const match = sql === undefined ? null : SQL_STATEMENT.exec(sql);
    if (!match) return undefined;
    const verb = match[1].toLowerCase();
    const deletes = verb.startsWith('delete') || verb.startsWith('truncate');
    return { family: 'sql', store: `table ${storeEntity(match[2].split('.').at(-1) as string)}`, method: deletes ? 'delete' : 'insert' };
  }
  const receiverPath = memberPath(receiver);
  if (!receiverPath) return undefined;
  const receiverName = receiverPath.split('.').at(-1) as string;
  const receiverWords = identifierWords(receiverName);
  // Redis: imported, or a receiver named redis/cache.
  if (fits('redis') && (imported.has('redis') ? /redis|client|cache|store/iu.test(receiverName) : receiverWords.some((word) => REDIS_RECEIVER_WORDS.has(word)))) {
    return { family: 'redis', store: `redis ${redisKey(call.arguments[0], stringArgument)}`, method };
  }
  // fs.writeFile('data/users.json', …)
  if (fits('fs') && imported.has('fs') && /^(?:fs|fse|fsp|promises|fs\.promises)$/u.test(receiverPath)) {
    const target = stringArgument(call.arguments[0]);
    return { family: 'fs', store: `file ${target ?? '*'}`, method };
  }
  // Models and repositories: User.create, this.userModel.deleteOne, userRepository.save, usersCollection.insertOne
  const modelLike = /^[A-Z]/u.test(receiverName) || /(?:Model|Repository|Repo|Collection)$/u.test(receiverName);
  if (!modelLike) return undefined;
  const entity = storeEntity(receiverName);
  const order: StoreFamily[] = ['mongoose', 'sequelize', 'typeorm', 'mongodb'];
  const family = order.find((candidate) => imported.has(candidate) && fits(candidate)) ?? order.find((candidate) => fits(candidate));
  if (!family) return undefined;
  return { family, store: `${family === 'typeorm' ? 'repository' : family === 'mongodb' ? 'mongodb' : 'model'} ${entity}`, method };
}

function importedFamilies(analysis: FileAnalysis): Set<StoreFamily> {
  const specifiers = moduleSpecifiers(analysis.sourceCode.ast, analysis.sourceCode.scopeManager);
  const families = new Set<StoreFamily>();
  for (const [family, info] of Object.entries(STORE_FAMILIES) as [StoreFamily, (typeof STORE_FAMILIES)[StoreFamily]][]) {
    if (specifiers.some((specifier) => info.modules.includes(specifier))) families.add(family);
  }
  return families;
}

/** True when `node` runs for the `unsubscribe` event: inside a branch whose test compares with 'unsubscribe', a `case 'unsubscribe':`, or a handler registered with `.on('unsubscribe', …)`. */
function inUnsubscribeHandler(node: Node): boolean {
  const mentions = (test: Node | null | undefined) => {
    if (!test) return false;
    const stack: Node[] = [test];
    for (let steps = 0; stack.length > 0 && steps < 200; steps++) {
      const current = stack.pop() as Node;
      if (current.type === 'Literal' && typeof current.value === 'string' && current.value.toLowerCase() === UNSUBSCRIBE_EVENT) return true;
      if (current.type === 'BinaryExpression' || current.type === 'LogicalExpression') stack.push(current.left as Node, current.right);
      if (current.type === 'CallExpression') stack.push(...(current.arguments as Node[]));
    }
    return false;
  };
  let child: Node = node;
  for (let parent = node.parent, steps = 0; parent && steps < 500; child = parent, parent = parent.parent, steps++) {
    if (parent.type === 'IfStatement' && parent.consequent === child && mentions(parent.test)) return true;
    if (parent.type === 'ConditionalExpression' && parent.consequent === child && mentions(parent.test)) return true;
    if (parent.type === 'SwitchCase' && mentions(parent.test)) return true;
    if (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === child && mentions(parent.left)) return true;
    if (parent.type === 'CallExpression' && parent.arguments.includes(child as TSESTree.CallExpressionArgument) && mentions(parent.arguments[0])) return true;
    if ((parent.type === 'FunctionDeclaration' || parent.type === 'MethodDefinition') && parent.type === 'FunctionDeclaration' && parent.id && identifierWords(parent.id.name).includes(UNSUBSCRIBE_EVENT)) return true;
    if (parent.type === 'MethodDefinition' && parent.key.type === 'Identifier' && identifierWords(parent.key.name).includes(UNSUBSCRIBE_EVENT)) return true;
  }
  return false;
}

function shortText(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, limit = 60): string {
  const text = sourceCode.getText(node).replace(/\s+/gu, ' ');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function calleeText(sourceCode: Readonly<TSESLint.SourceCode>, call: Call): string {
  return memberPath(call.callee) ?? shortText(sourceCode, call.callee, 40);
}

export interface CollectInput {
  analysis: FileAnalysis;
  calls: readonly Call[];
  /** Assignments to `document.cookie` and `localStorage.x`. */
  assignments: readonly TSESTree.AssignmentExpression[];
  /** String literals `'unsubscribe'` (compared with an inbound event, or an event name passed to `.on`). */
  unsubscribeLiterals: readonly TSESTree.Literal[];
  /** The file's path relative to the inventory root. */
  file: string;
}

/** The inventory entries of one file. */
export function collectFileInventory(input: CollectInput): { entries: InventoryEntry[]; unsubscribeHandlers: number[] } {
  const { analysis, file } = input;
  const sourceCode = analysis.sourceCode;
  const flow = analysis.dataFlow;
  const imported = importedFamilies(analysis);
  const stringArgument = textReader(analysis);
  const entries: InventoryEntry[] = [];
  const seenOrigins = new Set<Node>();
  const at = (node: Node) => ({ file, line: node.loc.start.line, column: node.loc.start.column + 1 });
  const argumentKinds = (call: Call) => kindsOf(call.arguments.flatMap((argument) => [...flow.labelsOf(argument)]));
  const eggDefaults = moduleSpecifiers(sourceCode.ast, sourceCode.scopeManager).some(
    (name) => name === 'egg' || name.startsWith('egg-') || name.startsWith('@eggjs/'),
  );
  /** A plain-text write (the same fact no-plaintext-user-data reports): a stored entry when it holds user data. */
  const storedInPlaintext = (node: Call | TSESTree.AssignmentExpression): boolean => {
    const sink = plaintextSinkOf(node, flow, { eggDefaults });
    if (!sink || sink.kind === 'response') return false;
    const kinds = kindsOf(sink.values.flatMap((value) => [...flow.labelsOf(value)]));
    if (kinds.length === 0) return true;
    entries.push({ category: 'stored', ...at(node), operation: operationOf(sourceCode, sink), kinds, store: storeOf(sink, stringArgument), ...(sink.kind === 'log' ? {} : sink.kind === 'storage' ? {} : { expires: true }) });
    return true;
  };

  for (const call of input.calls) {
    const callee = unwrap(call.callee, AWAIT);
    const name = calleeName(call);
    const path = memberPath(callee)?.replace(/^(?:window|globalThis|self)\./u, '');

    // Collected in the browser: JS-SDK and browser APIs that read personal data.
    if (path && /^wx\.\w+$/u.test(path) && name && JSSDK_PERSONAL_DATA_CALLS[name]) {
      const info = JSSDK_PERSONAL_DATA_CALLS[name];
      entries.push({ category: 'collected', ...at(call), operation: path, kinds: info.kind ? [info.kind] : [], source: 'jssdk', consent: 'covered' });
      continue;
    }
    if (path && BROWSER_PERSONAL_DATA_CALLS[path]) {
      const info = BROWSER_PERSONAL_DATA_CALLS[path];
      entries.push({ category: 'collected', ...at(call), operation: path, kinds: info.kind ? [info.kind] : ['content'], source: 'browser', consent: 'covered' });
      continue;
    }
    // Collected on the server: a call whose result is a user-data source (SDK, API response, database read).
    const sourced = flow.labelsOf(call).filter((label) => isUserDataLabel(label) && label.origin === call && SERVER_SOURCES.has(label.source));
    if (sourced.length > 0 && !seenOrigins.has(call)) {
      seenOrigins.add(call);
      entries.push({ category: 'collected', ...at(call), operation: calleeText(sourceCode, call), kinds: kindsOf(sourced), source: sourced[0].source, consent: 'not-applicable' });
    }

    // Stored and deleted.
    const store = storeCall(call, imported, stringArgument);
    if (store) {
      const info = STORE_FAMILIES[store.family];
      const operation = `${calleeText(sourceCode, call)}`;
      if (info.writes.has(store.method)) {
        const kinds = argumentKinds(call);
        const entity = store.store.split(' ').slice(1).join(' ');
        if (kinds.length === 0 && !isUserEntity(entity)) continue;
        const expires =
          store.family === 'redis' &&
          (REDIS_EXPIRING_WRITES.has(store.method) ||
            call.arguments.some((argument) => {
              const text = stringArgument(argument);
              if (text && REDIS_EXPIRY_ARGUMENTS.has(text)) return true;
              return argument.type === 'ObjectExpression' && argument.properties.some((p) => p.type === 'Property' && REDIS_EXPIRY_ARGUMENTS.has(staticKey(p) ?? ''));
            }));
        entries.push({ category: 'stored', ...at(call), operation, kinds: kinds.length ? kinds : ['openid'], store: store.store, ...(expires ? { expires } : {}) });
      } else {
        entries.push({ category: 'deleted', ...at(call), operation, kinds: [], store: store.store, onUnsubscribe: inUnsubscribeHandler(call) });
      }
      continue;
    }
    // Client storage, cookies and logs: the plain-text writes no-plaintext-user-data reads (analysis/dataflow/sinks.ts).
    if (storedInPlaintext(call)) continue;
    // Deletions from client storage and cookies (no rule reads these).
    if (callee.type === 'MemberExpression' && name) {
      const receiver = memberPath(callee.object)?.replace(/^(?:window|globalThis|self)\./u, '');
      if (receiver && BROWSER_STORAGES.has(receiver) && BROWSER_STORAGE_DELETE_METHODS.has(name)) {
        const key = name === 'clear' ? '*' : (stringArgument(call.arguments[0]) ?? '*');
        entries.push({ category: 'deleted', ...at(call), operation: `${receiver}.${name}`, kinds: [], store: `${receiver} ${key}`, onUnsubscribe: inUnsubscribeHandler(call) });
      } else if (name === 'clearCookie') {
        entries.push({ category: 'deleted', ...at(call), operation: `${receiver}.clearCookie`, kinds: [], store: `cookie ${stringArgument(call.arguments[0]) ?? '*'}`, onUnsubscribe: inUnsubscribeHandler(call) });
      }
    }
  }

  for (const assignment of input.assignments) storedInPlaintext(assignment);

  // Sent: requests carrying user data, and every request to a third party.
  for (const request of analysis.requests) {
    const nodes = [request.urlNode, request.body, request.query, request.headers, ...request.chain.flatMap((call) => call.arguments)].filter(Boolean) as Node[];
    const kinds = kindsOf(nodes.flatMap((node) => [...flow.labelsOf(node)]));
    const destination = destinationOf(analysis, request);
    if (kinds.length === 0 && destination.class !== 'third-party') continue;
    entries.push({
      category: 'sent',
      ...at(request.node),
      operation: `${request.method ?? 'GET'} ${destination.host ?? '(dynamic URL)'}`,
      kinds,
      host: destination.host ?? '(dynamic)',
      destination: destination.class,
    });
  }

  const unsubscribeHandlers: number[] = [];
  for (const literal of input.unsubscribeLiterals) {
    const parent = literal.parent;
    const compared = parent?.type === 'BinaryExpression' && ['===', '=='].includes(parent.operator);
    const caseTest = parent?.type === 'SwitchCase' && parent.test === literal;
    const eventName = parent?.type === 'CallExpression' && parent.arguments[0] === literal;
    if (compared || caseTest || eventName) unsubscribeHandlers.push(literal.loc.start.line);
  }
  return { entries, unsubscribeHandlers };
}

/** The operation of a plain-text write as the inventory names it: `localStorage.setItem`, `document.cookie =`. */
function operationOf(sourceCode: Readonly<TSESLint.SourceCode>, sink: PlaintextSink): string {
  if (sink.operation.type === 'AssignmentExpression') {
    const target = memberPath(unwrap(sink.operation.left))?.replace(/^(?:window|globalThis|self)\./u, '');
    return `${target ?? sink.target} =`;
  }
  if (sink.kind === 'log') return calleeText(sourceCode, sink.operation);
  const callee = unwrap(sink.operation.callee, AWAIT);
  return memberPath(callee)?.replace(/^(?:window|globalThis|self)\./u, '') ?? calleeText(sourceCode, sink.operation);
}

/** The store a plain-text write lands in: `localStorage profile`, `cookie sid`, `logs`. */
function storeOf(sink: PlaintextSink, stringArgument: TextOf): string {
  if (sink.kind === 'log') return 'logs';
  const operation = sink.operation;
  const keyNode = operation.type === 'CallExpression' && operation.arguments.length > 1 ? operation.arguments[0] : undefined;
  let key = keyNode ? stringArgument(keyNode) : undefined;
  if (operation.type === 'AssignmentExpression' && operation.left.type === 'MemberExpression') {
    key = operation.left.computed ? stringArgument(operation.left.property) : staticPropertyName(operation.left);
    if (sink.kind === 'cookie') key = undefined;
  }
  const target = sink.kind === 'storage' ? sink.target.split('.')[0] : 'cookie';
  return `${target} ${key ?? '*'}`;
}

/** Where a request goes: its host when known, and own / Weixin / third party / unknown. */
function destinationOf(analysis: FileAnalysis, request: HttpRequest): { host: string | undefined; class: NonNullable<InventoryEntry['destination']> } {
  const classes = new Set<string>();
  let host: string | undefined;
  for (const value of request.url) {
    host ??= parseUrl(value).host;
    classes.add(analysis.originOf(value));
  }
  const only = classes.size === 1 ? [...classes][0] : 'unknown';
  const kind = only === 'own' || only === 'weixin' || only === 'third-party' ? only : 'unknown';
  return { host, class: kind };
}

function staticKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}
