import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  LOCATION_HEADER,
  LOCATION_NAVIGATION_METHODS,
  LOCATION_NAVIGATION_PROPERTIES,
  NEST_COMMON_MODULE,
  NEST_REDIRECT_DECORATOR,
  NEXT_NAVIGATION_MODULE,
  NEXT_DATA_FUNCTIONS,
  NEXT_REDIRECT_FUNCTIONS,
  NEXT_SERVER_MODULE,
  RESPONSE_OBJECT_NAMES,
  SERVER_REDIRECT_METHODS,
  SERVER_SET_HEADER_METHODS,
  SERVER_UNSAFE_REDIRECT_METHODS,
  SERVER_WRITE_HEAD_METHODS,
} from '../knowledge/navigation.js';
import { calleeName, calleeObject, literalString, memberName, unwrap } from './ast.js';
import { CALL, moduleReferences, type TraceMap } from './modules.js';
import type { NodeIndex } from './node-index.js';
import { type GlobalReferences, locationTarget } from './references.js';
import { markedText, objectProperty, sliceValue, type StaticValues, type StringValue } from './values.js';

/**
 * Operations that send the browser somewhere (docs/rules/no-auto-redirect.md): browser navigation of the current,
 * top or parent window, `window.open`, `<meta http-equiv="refresh">` in JSX and HTML strings, and server
 * redirects (Express, Koa, Egg, Fastify, Nest, Next, node:http).
 */
export type NavigationKind =
  | 'location-assignment'
  | 'location-method'
  | 'window-open'
  | 'meta-refresh'
  | 'server-redirect'
  | 'location-header'
  | 'nest-redirect'
  | 'next-redirect';

export interface NavigationSink {
  readonly kind: NavigationKind;
  /** Where a report goes: the assignment, the call, the decorator, the meta `content` value or HTML string. */
  readonly node: TSESTree.Node;
  /** The target URL's expression, when there is one. */
  readonly target: TSESTree.Node | undefined;
  /** The target URL's values (for meta refresh: the `url=` part of the content). Empty when unknown. */
  readonly targetValues: readonly StringValue[];
  /** The window navigated: the current one, `top`, `parent`, a new one (`window.open`) or the server's response. */
  readonly window: 'self' | 'top' | 'parent' | 'new' | 'response';
  readonly side: 'browser' | 'server';
}

export interface NavigationContext {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly nodes: NodeIndex;
  readonly globals: GlobalReferences;
  readonly values: StaticValues;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Navigations made through functions of other modules of the project (project/link.ts). */
  readonly externalSinks?: () => readonly NavigationSink[];
}

/** `0; url=https://…` → the offset where the URL starts inside a meta refresh content, or -1. */
const META_REFRESH_URL = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?["']?/iu;

function refreshTarget(value: StringValue): StringValue | undefined {
  const { text } = markedText(value);
  const match = META_REFRESH_URL.exec(text);
  if (!match) return undefined;
  // Only a content that names a URL navigates elsewhere; `content="5"` reloads the page.
  if (!/url\s*=/iu.test(match[0]) && !/[;,]/u.test(match[0])) return undefined;
  let end = text.length;
  const quote = match[0].endsWith('"') || match[0].endsWith("'") ? match[0].at(-1) : undefined;
  if (quote) {
    const close = text.indexOf(quote, match[0].length);
    if (close !== -1) end = close;
  }
  const target = sliceValue(value, match[0].length, end);
  return target.parts.length > 0 ? target : undefined;
}

/** A string that may hold a meta refresh tag: cheap test before parsing it. */
function mayHoldMetaRefresh(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes('<meta') && lower.includes('refresh');
}

/** Attributes of one tag between `start` and `end`: names and value offsets (a tiny tokenizer, no backtracking). */
function tagAttributes(text: string, start: number, end: number): { name: string; valueStart: number; valueEnd: number }[] {
  const attributes: { name: string; valueStart: number; valueEnd: number }[] = [];
  const isSpace = (char: string) => char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '/';
  let index = start;
  while (index < end) {
    while (index < end && isSpace(text[index])) index++;
    const nameStart = index;
    while (index < end && !isSpace(text[index]) && text[index] !== '=') index++;
    const name = text.slice(nameStart, index).toLowerCase();
    while (index < end && isSpace(text[index]) && text[index] !== '/') index++;
    let valueStart = index;
    let valueEnd = index;
    if (text[index] === '=') {
      index++;
      while (index < end && (text[index] === ' ' || text[index] === '\t')) index++;
      const quote = text[index] === '"' || text[index] === "'" ? text[index] : undefined;
      if (quote) {
        valueStart = index + 1;
        const close = text.indexOf(quote, valueStart);
        valueEnd = close === -1 || close > end ? end : close;
        index = valueEnd + 1;
      } else {
        valueStart = index;
        while (index < end && text[index] !== ' ' && text[index] !== '>') index++;
        valueEnd = index;
      }
    }
    if (name) attributes.push({ name, valueStart, valueEnd });
    if (index === nameStart) index++;
  }
  return attributes;
}

/** Offsets (in marked text) of the `content` values of `<meta http-equiv="refresh" content="…">` tags. */
function metaRefreshContents(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  let from = lower.indexOf('<meta');
  while (from !== -1) {
    const close = lower.indexOf('>', from);
    const end = close === -1 ? text.length : close;
    const attributes = tagAttributes(text, from + 5, end);
    const refresh = attributes.some(
      (attribute) => attribute.name === 'http-equiv' && text.slice(attribute.valueStart, attribute.valueEnd).trim().toLowerCase() === 'refresh',
    );
    const content = attributes.find((attribute) => attribute.name === 'content');
    if (refresh && content) found.push({ start: content.valueStart, end: content.valueEnd });
    from = lower.indexOf('<meta', end);
  }
  return found;
}

function isNumericArgument(node: TSESTree.Node | undefined, values: StaticValues): boolean {
  if (!node) return false;
  const target = unwrap(node);
  if (target.type === 'Literal' && typeof target.value === 'number') return true;
  const text = values.textOf(target);
  return text !== undefined && /^\d{3}$/u.test(text);
}

/** A response object: `res`, `ctx`, `reply`, `this.ctx`, `ctx.response`. */
function isResponseObject(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const target = unwrap(node);
  if (target.type === 'Identifier') return RESPONSE_OBJECT_NAMES.includes(target.name);
  if (target.type === 'MemberExpression') {
    const name = memberName(target);
    if (name === 'ctx' && target.object.type === 'ThisExpression') return true;
    if (name === 'response' || name === 'res') return isResponseObject(target.object) || target.object.type === 'ThisExpression';
  }
  return false;
}

const REDIRECT_TRACE_MAP: Record<string, TraceMap<NavigationKind>> = {
  [NEXT_NAVIGATION_MODULE]: Object.fromEntries(NEXT_REDIRECT_FUNCTIONS.map((name) => [name, { [CALL]: 'next-redirect' as const }])),
  [NEST_COMMON_MODULE]: { [NEST_REDIRECT_DECORATOR]: { [CALL]: 'nest-redirect' } },
};

export function findNavigationSinks(context: NavigationContext): NavigationSink[] {
  const { globals, values, nodes } = context;
  const sinks: NavigationSink[] = [];
  const push = (sink: Omit<NavigationSink, 'targetValues'> & { targetValues?: readonly StringValue[] }) =>
    sinks.push({ ...sink, targetValues: sink.targetValues ?? (sink.target ? values.valuesOf(sink.target) : []) });

  // Browser: `location = u`, `location.href = u`, `top.location.href = u`, `location.assign/replace(u)`, `open(u)`.
  for (const access of globals.accesses) {
    const target = locationTarget(access.path);
    if (target) {
      if (access.kind === 'write' && access.operation?.type === 'AssignmentExpression' && access.operation.operator === '=') {
        if (target.rest.length === 0 || (target.rest.length === 1 && LOCATION_NAVIGATION_PROPERTIES.includes(target.rest[0]))) {
          push({ kind: 'location-assignment', node: access.operation, target: access.operation.right, window: target.window, side: 'browser' });
        }
      } else if (
        access.kind === 'call' &&
        access.operation?.type === 'CallExpression' &&
        target.rest.length === 1 &&
        LOCATION_NAVIGATION_METHODS.includes(target.rest[0])
      ) {
        push({ kind: 'location-method', node: access.operation, target: access.operation.arguments[0], window: target.window, side: 'browser' });
      }
      continue;
    }
    if (access.kind === 'call' && access.path.length === 1 && access.path[0] === 'open' && access.operation?.type === 'CallExpression') {
      push({ kind: 'window-open', node: access.operation, target: access.operation.arguments[0], window: 'new', side: 'browser' });
    }
  }

  // `<meta httpEquiv="refresh" content="0;url=…" />` in JSX.
  for (const element of nodes.ofType('JSXOpeningElement')) {
    if (element.name.type !== 'JSXIdentifier' || element.name.name !== 'meta') continue;
    let refresh = false;
    let content: TSESTree.JSXAttribute | undefined;
    for (const attribute of element.attributes) {
      if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier') continue;
      const name = attribute.name.name.toLowerCase();
      const value = attribute.value;
      const valueNode = value?.type === 'JSXExpressionContainer' ? value.expression : value;
      if ((name === 'httpequiv' || name === 'http-equiv') && valueNode && valueNode.type !== 'JSXEmptyExpression') {
        refresh = values.textOf(valueNode)?.trim().toLowerCase() === 'refresh';
      }
      if (name === 'content') content = attribute;
    }
    if (!refresh || !content?.value) continue;
    const valueNode = content.value.type === 'JSXExpressionContainer' ? content.value.expression : content.value;
    if (valueNode.type === 'JSXEmptyExpression') continue;
    const targets = values
      .valuesOf(valueNode)
      .map((value) => refreshTarget(value))
      .filter((value): value is StringValue => value !== undefined);
    if (targets.length > 0) push({ kind: 'meta-refresh', node: valueNode, target: undefined, targetValues: targets, window: 'self', side: 'browser' });
  }

  // `<meta http-equiv="refresh" …>` inside HTML strings (`res.send('…')`, `innerHTML = `…``).
  const htmlStrings: TSESTree.Node[] = [];
  for (const literal of nodes.ofType('Literal')) {
    if (typeof literal.value === 'string' && literal.parent?.type !== 'JSXAttribute' && mayHoldMetaRefresh(literal.value)) {
      htmlStrings.push(literal);
    }
  }
  for (const template of nodes.ofType('TemplateLiteral')) {
    if (template.quasis.some((quasi) => mayHoldMetaRefresh(quasi.value.cooked ?? quasi.value.raw))) htmlStrings.push(template);
  }
  for (const node of htmlStrings) {
    for (const value of values.valuesOf(node).slice(0, 1)) {
      const { text } = markedText(value);
      for (const { start, end } of metaRefreshContents(text)) {
        const target = refreshTarget(sliceValue(value, start, end));
        if (target) push({ kind: 'meta-refresh', node, target: undefined, targetValues: [target], window: 'self', side: 'browser' });
      }
    }
  }

  // Server: `res.redirect([status,] url)`, `ctx.redirect(url)`, `ctx.unsafeRedirect(url)`, `reply.redirect(url)`,
  // `res.writeHead(302, { Location })`, `res.setHeader('Location', url)`, `Response.redirect(url)`.
  for (const call of nodes.ofType('CallExpression')) {
    const name = calleeName(call);
    if (name === undefined || call.callee.type === 'Identifier') continue;
    const receiver = calleeObject(call);
    if (SERVER_REDIRECT_METHODS.includes(name) || SERVER_UNSAFE_REDIRECT_METHODS.includes(name)) {
      const isFetchResponse = receiver?.type === 'Identifier' && (receiver.name === 'Response' || receiver.name === 'NextResponse');
      if (!isResponseObject(receiver) && !isFetchResponse) continue;
      const target = call.arguments.find((argument) => !isNumericArgument(argument, values));
      if (target) push({ kind: 'server-redirect', node: call, target, window: 'response', side: 'server' });
      continue;
    }
    if (SERVER_WRITE_HEAD_METHODS.includes(name)) {
      const [status] = call.arguments;
      const statusText = status ? values.textOf(status) : undefined;
      if (statusText !== undefined && !/^3\d\d$/u.test(statusText)) continue;
      for (const argument of call.arguments.slice(1)) {
        const object = values.objectOf(argument);
        if (!object) continue;
        for (const property of object.properties) {
          if (property.type !== 'Property') continue;
          const key = property.key.type === 'Identifier' && !property.computed ? property.key.name : literalString(property.key);
          if (key?.toLowerCase() === LOCATION_HEADER) {
            push({ kind: 'location-header', node: call, target: property.value, window: 'response', side: 'server' });
          }
        }
      }
      continue;
    }
    if (SERVER_SET_HEADER_METHODS.includes(name) && call.arguments.length >= 2) {
      const key = values.textOf(call.arguments[0]);
      if (key?.toLowerCase() === LOCATION_HEADER) {
        push({ kind: 'location-header', node: call, target: call.arguments[1], window: 'response', side: 'server' });
      }
    }
  }

  // Next.js `redirect(url)` from next/navigation, Nest `@Redirect(url)` from @nestjs/common.
  for (const reference of moduleReferences(context.scopeManager, REDIRECT_TRACE_MAP)) {
    const call = reference.node;
    if (call.type !== 'CallExpression') continue;
    if (reference.info === 'nest-redirect') {
      const decorator = call.parent?.type === 'Decorator' ? call.parent : undefined;
      push({ kind: 'nest-redirect', node: decorator ?? call, target: call.arguments[0], window: 'response', side: 'server' });
    } else {
      push({ kind: 'next-redirect', node: call, target: call.arguments[0], window: 'response', side: 'server' });
    }
  }
  void NEXT_SERVER_MODULE;

  // Next.js `export async function getServerSideProps() { return { redirect: { destination } }; }`.
  for (const declaration of nodes.ofType('ExportNamedDeclaration')) {
    const fn = declaration.declaration;
    if (fn?.type !== 'FunctionDeclaration' || !fn.id || !NEXT_DATA_FUNCTIONS.includes(fn.id.name)) continue;
    for (const statement of nodes.ofType('ReturnStatement')) {
      if (!statement.argument || statement.range[0] < fn.range[0] || statement.range[1] > fn.range[1]) continue;
      const result = values.objectOf(statement.argument);
      const redirect = result ? objectProperty(result, 'redirect') : undefined;
      const redirectObject = redirect ? values.objectOf(redirect) : undefined;
      const destination = redirectObject ? objectProperty(redirectObject, 'destination') : undefined;
      if (destination) push({ kind: 'next-redirect', node: destination, target: destination, window: 'response', side: 'server' });
    }
  }
  const own = new Set(sinks.map((sink) => sink.node));
  for (const sink of context.externalSinks?.() ?? []) if (!own.has(sink.node)) sinks.push(sink);
  sinks.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return sinks;
}
