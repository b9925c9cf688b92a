import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AST as VueAST } from 'vue-eslint-parser';
// The one import of a processor (allowed by name in eslint.config.js): the HTML processor still defines the
// handler-block format it writes; it moves below analysis/ when that processor is next changed (docs/architecture.md).
import { getHtmlEventHandlers } from '../processors/html.js';

/**
 * Vue single-file components as vue-eslint-parser gives them: the `<script>`/`<script setup>` program is the
 * ESLint AST, the template hangs off `Program.templateBody`, and the parser services walk it
 * (`defineTemplateBodyVisitor`). This module reads the template once per file for what the shared analysis
 * needs: which script functions the template's `v-on`/`@event` handlers call (`@click` is a gesture).
 */

export type VElement = VueAST.VElement;
export type VText = VueAST.VText;
export type VLiteral = VueAST.VLiteral;
export type VAttribute = VueAST.VAttribute;
export type VDirective = VueAST.VDirective;
export type VExpressionContainer = VueAST.VExpressionContainer;

export interface VueParserServices {
  defineTemplateBodyVisitor(
    templateVisitor: Record<string, (...args: never[]) => void>,
    scriptVisitor?: Record<string, (...args: never[]) => void>,
    options?: { templateBodyTriggerSelector: 'Program' | 'Program:exit' },
  ): object;
  getDocumentFragment?(): VueAST.VDocumentFragment | null;
}

type AnySourceCode = Readonly<TSESLint.SourceCode>;
/** What the template readers need: the program (vue-eslint-parser hangs the template off it). */
type HasProgram = { readonly ast: TSESTree.Program };

/** vue-eslint-parser's services, when this file was parsed by it (a `.vue` file with the presets). */
export function getVueParserServices(sourceCode: AnySourceCode): VueParserServices | undefined {
  const services = sourceCode.parserServices as Partial<VueParserServices> | undefined;
  return typeof services?.defineTemplateBodyVisitor === 'function' ? (services as VueParserServices) : undefined;
}

/** The `<template>` root element of a single-file component, if any. */
export function getTemplateBody(sourceCode: HasProgram): VElement | undefined {
  return (sourceCode.ast as TSESTree.Program & { templateBody?: VElement }).templateBody ?? undefined;
}

/** The HTML comments of the component (template and top level): where template disable comments live. */
export function getTemplateComments(sourceCode: AnySourceCode): readonly VueAST.Token[] {
  const fragment = getVueParserServices(sourceCode)?.getDocumentFragment?.();
  const body = getTemplateBody(sourceCode) as (VElement & { comments?: VueAST.Token[] }) | undefined;
  return fragment?.comments ?? body?.comments ?? [];
}

/** A `v-on`/`@event` binding in the template. */
export interface TemplateEventBinding {
  /** Event name (`click` for `@click.prevent`); undefined for a dynamic `@[name]`. */
  event: string | undefined;
  modifiers: string[];
  directive: VDirective;
  /** The handler expression (an identifier, a call, an arrow function, or `VOnExpression` statements). */
  expression: VExpressionContainer['expression'];
  /** Names of component functions the handler calls or passes (`go` in `@click="go"` and `@click="go(1)"`). */
  handlerNames: string[];
}

/** Every element of the template in document order, iteratively (no recursion per nesting level). */
function* walkTemplate(root: VElement): Generator<VElement> {
  const stack: VElement[] = [root];
  for (let element = stack.pop(); element; element = stack.pop()) {
    yield element;
    for (let index = element.children.length - 1; index >= 0; index--) {
      const child = element.children[index];
      if (child.type === 'VElement') stack.push(child);
    }
  }
}

/** Identifiers called or referenced as a whole handler inside a v-on expression. */
function handlerNamesOf(expression: VExpressionContainer['expression']): string[] {
  const names: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const typed = node as { type?: string };
    switch (typed.type) {
      case 'Identifier':
        names.push((node as TSESTree.Identifier).name);
        return;
      case 'CallExpression': {
        const call = node as TSESTree.CallExpression;
        if (call.callee.type === 'Identifier') names.push(call.callee.name);
        // `this.go()` does not occur in templates; `$emit`/`$router` calls are framework calls.
        return;
      }
      case 'VOnExpression':
        for (const statement of (node as { body: TSESTree.Statement[] }).body) visit(statement);
        return;
      case 'ExpressionStatement':
        visit((node as TSESTree.ExpressionStatement).expression);
        return;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression': {
        const body = (node as TSESTree.ArrowFunctionExpression).body;
        if (body.type === 'BlockStatement') for (const statement of body.body) visit(statement);
        else visit(body);
        return;
      }
      case 'SequenceExpression':
        for (const part of (node as TSESTree.SequenceExpression).expressions) visit(part);
        return;
      case 'AwaitExpression':
        visit((node as TSESTree.AwaitExpression).argument);
        return;
      case 'ConditionalExpression':
        visit((node as TSESTree.ConditionalExpression).consequent);
        visit((node as TSESTree.ConditionalExpression).alternate);
        return;
      case 'LogicalExpression':
        // `ready && go()`: the right side is what the click runs.
        visit((node as TSESTree.LogicalExpression).right);
        return;
      default:
    }
  };
  visit(expression);
  return [...new Set(names)];
}

const bindingCache = new WeakMap<object, TemplateEventBinding[]>();

/** Every `v-on`/`@event` binding of the component's template, in document order (cached per file). */
export function getTemplateEventBindings(sourceCode: HasProgram): TemplateEventBinding[] {
  const key = sourceCode.ast as object;
  const cached = bindingCache.get(key);
  if (cached) return cached;
  const bindings: TemplateEventBinding[] = [];
  const body = getTemplateBody(sourceCode);
  if (body) {
    for (const element of walkTemplate(body)) {
      for (const attribute of element.startTag.attributes) {
        if (!attribute.directive || attribute.key.name.name !== 'on') continue;
        const argument = attribute.key.argument;
        const expression = attribute.value?.expression ?? null;
        bindings.push({
          event: argument?.type === 'VIdentifier' ? argument.name : undefined,
          modifiers: attribute.key.modifiers.map((modifier) => modifier.name),
          directive: attribute,
          expression,
          handlerNames: handlerNamesOf(expression),
        });
      }
    }
  }
  bindingCache.set(key, bindings);
  return bindings;
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const isFunction = (node: TSESTree.Node | null | undefined): node is FunctionNode =>
  node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';

/** `export default {…}`, `export default defineComponent({…})` or `Vue.extend({…})`: the component options. */
function componentOptions(program: TSESTree.Program): TSESTree.ObjectExpression | undefined {
  for (const statement of program.body) {
    if (statement.type !== 'ExportDefaultDeclaration') continue;
    let value: TSESTree.Node = statement.declaration;
    if (value.type === 'CallExpression' && value.arguments[0]?.type === 'ObjectExpression') value = value.arguments[0];
    if (value.type === 'TSAsExpression' || value.type === 'TSSatisfiesExpression') value = value.expression;
    return value.type === 'ObjectExpression' ? value : undefined;
  }
  return undefined;
}

function propertyName(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== 'Property' || property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** Functions declared as `function name` or `const name = () => …` directly in a statement list. */
function declaredFunctions(statements: readonly TSESTree.Node[], into: Map<string, FunctionNode>): void {
  for (const statement of statements) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
    if (declaration.type === 'FunctionDeclaration' && declaration.id) into.set(declaration.id.name, declaration);
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && isFunction(declarator.init)) into.set(declarator.id.name, declarator.init);
      }
    }
  }
}

/** The component's functions by the name the template sees: `<script setup>` top level, `methods`, `setup()`. */
export function getComponentFunctions(program: TSESTree.Program): Map<string, FunctionNode> {
  const functions = new Map<string, FunctionNode>();
  // `<script setup>` (and a plain `<script>` next to it): top-level functions are visible to the template.
  declaredFunctions(program.body, functions);
  const options = componentOptions(program);
  for (const property of options?.properties ?? []) {
    const name = propertyName(property);
    if (property.type !== 'Property') continue;
    if (name === 'methods' && property.value.type === 'ObjectExpression') {
      for (const method of property.value.properties) {
        const methodName = propertyName(method);
        if (methodName && method.type === 'Property' && isFunction(method.value)) functions.set(methodName, method.value);
      }
    }
    if (name === 'setup' && isFunction(property.value) && property.value.body.type === 'BlockStatement') {
      declaredFunctions(property.value.body.body, functions);
    }
  }
  return functions;
}

const handlerCache = new WeakMap<object, Map<FunctionNode, Set<string>>>();

/**
 * The script functions the template calls from event handlers, with the events (`goPay` → {`click`}). The context
 * analysis reads it: a function bound to `@click` runs in a gesture.
 */
export function getTemplateHandlerFunctions(sourceCode: HasProgram): Map<FunctionNode, Set<string>> {
  const key = sourceCode.ast as object;
  const cached = handlerCache.get(key);
  if (cached) return cached;
  const result = new Map<FunctionNode, Set<string>>();
  const bindings = getTemplateEventBindings(sourceCode);
  if (bindings.length > 0) {
    const functions = getComponentFunctions(sourceCode.ast);
    for (const binding of bindings) {
      if (!binding.event) continue;
      for (const name of binding.handlerNames) {
        const fn = functions.get(name);
        if (!fn) continue;
        const events = result.get(fn) ?? new Set<string>();
        events.add(binding.event);
        result.set(fn, events);
      }
    }
  }
  handlerCache.set(key, result);
  return result;
}

/**
 * The events a function handles from markup: a Vue template's `@click="go"` (and `v-on`) bindings of a component
 * function, or the `on<event>` attribute an HTML page's handler block wraps (`function onclick(event) {…}`, see
 * processors/html.ts). The execution-context analysis turns them into gesture/automatic contexts.
 */
export function templateEventsOf(fn: TSESTree.FunctionLike, filename: string): string[] {
  let program: TSESTree.Node | undefined = fn;
  while (program.parent) program = program.parent;
  if (program.type !== 'Program') return [];
  const html = fn.type === 'FunctionDeclaration' ? getHtmlEventHandlers(filename, program).get(fn) : undefined;
  if (html) return [html];
  if (!getTemplateBody({ ast: program })) return [];
  return [...(getTemplateHandlerFunctions({ ast: program }).get(fn as FunctionNode) ?? [])];
}
