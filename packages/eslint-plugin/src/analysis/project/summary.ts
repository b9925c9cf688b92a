import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, isFunctionNode, memberName, memberNames, memberPathOf, propertyKeyName, unwrap } from '../ast.js';
import type { NavigationSink } from '../navigation.js';
import type { NodeIndex } from '../node-index.js';
import type { SdkClients } from '../sdk-clients.js';
import type { FileKind } from '../file-kind.js';
import type { HttpRequest } from '../requests.js';
import type { DataFlow } from '../dataflow/engine.js';
import { plaintextSinkOf } from '../dataflow/sinks.js';
import { isUserDataLabel } from '../dataflow/labels.js';
import { ParameterFlow } from './parameter-flow.js';
import { isHole, patternPath, type StaticValues, type StringValue } from '../values.js';
import { bindingOf, requireSpecifier } from './bindings.js';
import type { ExportValue, FunctionSummary, ModuleSummary, NavigationEffect, Origin, ParamRef, RequestEffect, SinkEffect, Template, TemplatePart } from './types.js';

/** The parts of a module's analysis a summary reads (a `FileAnalysis` of the module). */
export interface SummarySource {
  readonly filename: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly values: StaticValues;
  readonly requests: readonly HttpRequest[];
  readonly nodes: NodeIndex;
  /** The module's SDK clients (an exported one is a client for its importers); absent for a local wrapper. */
  readonly sdk?: SdkClients;
  readonly navigation: readonly NavigationSink[];
  /**
   * The module's data flow, read only for the plain-text writes of functions that write their parameters; absent
   * when a file summarises its own local wrappers (its data flow reads their requests), which then have none.
   */
  readonly dataFlow?: DataFlow;
  readonly fileKind?: FileKind;
}

/** Values of a returned expression kept per function: a URL built from a few alternatives. */
const MAX_RETURN_VALUES = 8;

const MAX_DEPTH = 12;

/**
 * The summary of one module: its exports (ES and CommonJS) as values, objects and functions with their effects.
 * Functions are summarised from the module's own requests and navigations (the one detector of the file
 * analysis): each effect inside an exported function is kept, with its URL as a template over the parameters.
 * Requests the module makes through its own imports are already in its analysis, so summaries compose.
 */
export function buildSummary(source: SummarySource, resolve: (specifier: string) => string | undefined): ModuleSummary {
  return new SummaryBuilder(source, resolve).build();
}

/**
 * The summary of one function of a file (its requests and navigations over its parameters), as a module summary
 * gives it for an exported function: the detector reads it for the file's own request wrappers.
 */
export function summariseFunction(source: SummarySource, fn: TSESTree.FunctionLike): FunctionSummary {
  return new SummaryBuilder(source, () => undefined).functionSummary(fn);
}

class SummaryBuilder {
  readonly #source: SummarySource;
  readonly #resolve: (specifier: string) => string | undefined;
  readonly #scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly #exports = new Map<string, ExportValue>();
  readonly #star: string[] = [];
  readonly #functions = new Map<TSESTree.Node, FunctionSummary>();
  #commonjs = false;

  constructor(source: SummarySource, resolve: (specifier: string) => string | undefined) {
    this.#source = source;
    this.#resolve = resolve;
    this.#scopeManager = source.sourceCode.scopeManager;
  }

  build(): ModuleSummary {
    for (const statement of this.#source.sourceCode.ast.body) this.#statement(statement);
    const hasEffects = [...this.#functions.values()].some((summary) => summary.requests.length + summary.navigations.length + summary.sinks.length > 0);
    return { file: this.#source.filename, exports: this.#exports, star: this.#star, commonjs: this.#commonjs, hasEffects };
  }

  #statement(statement: TSESTree.ProgramStatement): void {
    switch (statement.type) {
      case 'ExportNamedDeclaration': {
        const from = statement.source ? this.#resolve(statement.source.value) : undefined;
        for (const specifier of statement.specifiers) {
          const exported = nameOf(specifier.exported);
          const local = nameOf(specifier.local);
          if (statement.source) this.#exports.set(exported, { kind: 'link', file: from, path: [local] });
          else if (specifier.local.type === 'Identifier') this.#exports.set(exported, this.#value(specifier.local, exported, 0));
        }
        const declaration = statement.declaration;
        if (!declaration) break;
        if (declaration.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === 'Identifier' && declarator.init) {
              this.#exports.set(declarator.id.name, this.#value(declarator.init, declarator.id.name, 0, declarator.id));
            }
          }
        } else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
          this.#exports.set(declaration.id.name, this.#value(declaration, declaration.id.name, 0));
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        const name = 'id' in declaration && declaration.id?.type === 'Identifier' ? declaration.id.name : declaration.type === 'Identifier' ? declaration.name : 'default';
        this.#exports.set('default', this.#value(declaration, name, 0));
        break;
      }
      case 'ExportAllDeclaration': {
        const from = this.#resolve(statement.source.value);
        if (statement.exported) this.#exports.set(nameOf(statement.exported), { kind: 'link', file: from, path: [] });
        else if (from) this.#star.push(from);
        break;
      }
      case 'ExpressionStatement':
        this.#commonJsExport(statement.expression);
        break;
      default:
        break;
    }
  }

  /** `module.exports = X`, `module.exports.x = X`, `exports.x = X` at the top level. */
  #commonJsExport(expression: TSESTree.Expression): void {
    const target = unwrap(expression);
    if (target.type !== 'AssignmentExpression' || target.operator !== '=' || target.left.type !== 'MemberExpression') return;
    const chain = memberNames(target.left);
    if (!chain) return;
    const [root, ...rest] = chain;
    let path: string[];
    if (root === 'module' && rest[0] === 'exports') path = rest.slice(1);
    else if (root === 'exports' && rest.length > 0) path = rest;
    else return;
    if (path.length === 0) {
      this.#commonjs = true;
      const value = this.#value(target.right, 'module.exports', 0);
      this.#exports.set('default', value);
      if (value.kind === 'object') for (const [name, property] of value.properties) this.#exports.set(name, property);
      return;
    }
    if (path.length === 1) this.#exports.set(path[0], this.#value(target.right, path[0], 0, target.left));
  }

  #origin(name: string, node: TSESTree.Node): Origin {
    return { name, file: this.#source.filename, line: node.loc.start.line, column: node.loc.start.column + 1 };
  }

  /** What an exported expression is: a function, an object, strings, another module's export, or opaque. */
  #value(node: TSESTree.Node, name: string, depth: number, at?: TSESTree.Node): ExportValue {
    if (depth > MAX_DEPTH) return { kind: 'opaque' };
    const target = unwrap(node);
    if (isFunctionNode(target)) {
      // A function expression is named where its name is declared (`export const post = (…) => …`).
      const named = target.type === 'FunctionDeclaration' || target.id ? target : (at ?? target);
      // `module.exports = function buildUri(…)`: the function's own name is what the caller knows it by.
      const shown = (name === 'module.exports' || name === 'default') && target.id ? target.id.name : name;
      return { kind: 'function', summary: this.#function(target), origin: this.#origin(shown, named) };
    }
    if (target.type === 'ClassDeclaration' || target.type === 'ClassExpression') return this.#class(target, name, depth);
    // An SDK client made here (`new WechatAPI(appid, secret)`, a factory call): importers call its methods.
    const client = target.type === 'NewExpression' || target.type === 'CallExpression' ? this.#source.sdk?.clientAt(target) : undefined;
    if (client) return { kind: 'client', module: client.module, origin: this.#origin(name, at ?? target) };
    if (target.type === 'NewExpression') {
      // `module.exports = new Api()`: the instance's methods are the class's.
      const callee = unwrap(target.callee);
      const local = callee.type === 'Identifier' ? this.#localDefinition(callee) : undefined;
      if (local && (local.type === 'ClassDeclaration' || local.type === 'ClassExpression')) return this.#class(local, local.id?.name ?? name, depth);
      return { kind: 'opaque' };
    }
    if (target.type === 'ObjectExpression') {
      const properties = new Map<string, ExportValue>();
      for (const property of target.properties) {
        if (property.type !== 'Property') continue;
        const key = propertyKeyName(property);
        if (key === undefined) continue;
        properties.set(key, this.#value(property.value, key, depth + 1, property.key));
      }
      return { kind: 'object', properties, origin: this.#origin(name, target) };
    }
    if (target.type === 'CallExpression') {
      const specifier = requireSpecifier(target);
      if (specifier !== undefined) return { kind: 'link', file: this.#resolve(specifier), path: [] };
    }
    if (target.type === 'Identifier' || target.type === 'MemberExpression') {
      const link = this.#link(target);
      if (link) return link;
      if (target.type === 'Identifier') {
        const local = this.#localDefinition(target);
        if (local) return this.#value(local, name, depth + 1, local.parent?.type === 'VariableDeclarator' ? local.parent.id : undefined);
      } else {
        const object = unwrap(target.object);
        const key = memberName(target);
        if (key !== undefined && object.type === 'Identifier') {
          const local = this.#localDefinition(object);
          const value = local ? this.#value(local, name, depth + 1) : undefined;
          if (value?.kind === 'object') return value.properties.get(key) ?? { kind: 'opaque' };
        }
      }
    }
    return this.#strings(target, name);
  }

  #strings(node: TSESTree.Node, name: string): ExportValue {
    const values = this.#source.values.valuesOf(node);
    const templates = values.map((value) => templateOf(value, () => undefined));
    if (!templates.some((template) => template.some((part) => typeof part === 'string' && part.length > 0))) return { kind: 'opaque' };
    return { kind: 'strings', values: templates, origin: this.#origin(name, node) };
  }

  #class(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, depth: number): ExportValue {
    const properties = new Map<string, ExportValue>();
    for (const member of node.body.body) {
      if (member.type !== 'MethodDefinition' || member.kind !== 'method' || member.static) continue;
      const key = member.key.type === 'Identifier' && !member.computed ? member.key.name : undefined;
      if (key === undefined) continue;
      properties.set(key, { kind: 'function', summary: this.#function(member.value), origin: this.#origin(`${name}.${key}`, member) });
    }
    void depth;
    return { kind: 'object', properties, origin: this.#origin(name, node) };
  }

  /** An identifier or member chain bound to another module. */
  #link(node: TSESTree.Identifier | TSESTree.MemberExpression): ExportValue | undefined {
    if (!this.#scopeManager) return undefined;
    const path = memberPathOf(node);
    if (path?.root.type !== 'Identifier') return undefined;
    const { root: current, names } = path;
    const variable = findVariable(this.#scopeManager, current);
    const binding = variable ? bindingOf(variable) : undefined;
    if (!binding) return undefined;
    return { kind: 'link', file: this.#resolve(binding.specifier), path: [...binding.path, ...names] };
  }

  /** The declaration or single initialiser of a local name. */
  #localDefinition(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
    if (!this.#scopeManager) return undefined;
    const variable = findVariable(this.#scopeManager, identifier);
    if (!variable || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0];
    if (definition.type === 'FunctionName' || definition.type === 'ClassName') return definition.node as TSESTree.Node;
    if (definition.type !== 'Variable') return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
    if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
    return declarator.init;
  }

  functionSummary(fn: TSESTree.FunctionLike): FunctionSummary {
    return this.#function(fn);
  }

  /** The effects of a function: every request and navigation inside it, over its parameters. */
  #function(fn: TSESTree.FunctionLike): FunctionSummary {
    const cached = this.#functions.get(fn);
    if (cached) return cached;
    const inside = (node: TSESTree.Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1];
    const param = (node: TSESTree.Node | undefined) => (node ? this.#paramRef(node, fn, 0) : undefined);
    const requests: RequestEffect[] = [];
    for (const request of this.#source.requests) {
      if (!inside(request.node)) continue;
      const url = request.url.map((value) => templateOf(value, (hole) => param(hole)));
      const optionsRef = request.options ? param(request.options) : undefined;
      requests.push({
        client: request.client,
        method: request.method ?? param(request.methodNode),
        url,
        options: optionsRef ?? (request.urlNode ? parentRef(param(request.urlNode)) : undefined),
        body: param(request.body),
        query: param(request.query),
        headers: param(request.headers),
      });
    }
    const navigations: NavigationEffect[] = [];
    for (const sink of this.#source.navigation) {
      if (!inside(sink.node)) continue;
      navigations.push({
        kind: sink.kind,
        window: sink.window,
        side: sink.side,
        target: sink.targetValues.map((value) => templateOf(value, (hole) => param(hole))),
      });
    }
    const flow = this.#scopeManager ? new ParameterFlow(this.#scopeManager, fn) : undefined;
    const returned = ParameterFlow.returnedExpressions(fn);
    const returns: Template[] = [];
    const returnsParams = new Set<number>();
    if (!fn.async && !fn.generator) {
      for (const expression of returned) {
        for (const value of this.#source.values.valuesOf(expression)) {
          if (returns.length >= MAX_RETURN_VALUES) break;
          const template = templateOf(value, (hole) => this.#holeParts(hole, fn));
          // Known text, or a parameter the caller's argument fills in (`identity(url)`, a URL builder).
          if (template.some((part) => part !== null && part !== '')) returns.push(template);
        }
      }
    }
    for (const expression of returned) for (const index of flow?.parametersOf(expression) ?? []) returnsParams.add(index);
    const summary: FunctionSummary = {
      requests,
      navigations,
      returns,
      returnsParams: [...returnsParams].sort((a, b) => a - b),
      sinks: flow && this.#source.dataFlow ? this.#sinks(fn, flow, this.#source.dataFlow) : [],
    };
    this.#functions.set(fn, summary);
    return summary;
  }

  /**
   * Plain-text writes inside the function of data that comes from its parameters (`console.log(user)`,
   * `localStorage.setItem('u', JSON.stringify(user))`): the caller's data reaches them. Only calls and
   * assignments that hold parameter data are asked about, so a module without such writes costs no data flow.
   */
  #sinks(fn: TSESTree.FunctionLike, flow: ParameterFlow, dataFlow: DataFlow): SinkEffect[] {
    const result: SinkEffect[] = [];
    const inside = (node: TSESTree.Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1];
    const candidates: (TSESTree.CallExpression | TSESTree.AssignmentExpression)[] = [];
    for (const call of this.#source.nodes.ofType('CallExpression')) {
      if (inside(call) && call.arguments.some((argument) => flow.parametersOf(argument).length > 0)) candidates.push(call);
    }
    for (const assignment of this.#source.nodes.ofType('AssignmentExpression')) {
      if (inside(assignment) && flow.parametersOf(assignment.right).length > 0) candidates.push(assignment);
    }
    for (const node of candidates) {
      const sink = plaintextSinkOf(node, dataFlow, { eggDefaults: false });
      // Responses and server cookies depend on the framework of the module that writes them; the browser's console
      // keeps nothing (docs/rules/no-plaintext-user-data.md). The other writes are plain text wherever called from.
      if (!sink || sink.kind === 'response' || sink.kind === 'server-cookie') continue;
      if (sink.kind === 'log' && sink.target.startsWith('console.') && this.#source.fileKind === 'browser') continue;
      // A write whose value the module itself knows as user data (a parameter named `openid`) is reported there,
      // once; its callers are told only about the writes of data that only they know (`audit(what, detail)`).
      if (sink.values.some((value) => dataFlow.labelsOf(value).some(isUserDataLabel))) continue;
      const values: ParamRef[] = [];
      for (const value of sink.values) {
        const direct = this.#paramRef(value, fn, 0);
        if (direct) values.push(direct);
        else for (const index of flow.parametersOf(value)) values.push({ param: index, path: [] });
      }
      if (values.length > 0) result.push({ kind: sink.kind, target: sink.target, values });
    }
    return result;
  }

  /**
   * The template parts an unknown part of a returned value stands for: the parameter it reads, or for
   * `new URL(path, base)` over parameters the base followed by the path (`buildUri(req.query.next, '', data)`
   * starts with the caller's `next`), which keeps the host and the start rules read.
   */
  #holeParts(node: TSESTree.Node, fn: TSESTree.FunctionLike): TemplatePart[] {
    const direct = this.#paramRef(node, fn, 0);
    if (direct) return [direct];
    const target = unwrap(node);
    if (target.type !== 'NewExpression' || target.callee.type !== 'Identifier' || target.callee.name !== 'URL' || target.arguments.length !== 2) return [null];
    const [input, base] = target.arguments;
    const baseRef = this.#paramRef(base, fn, 0);
    if (!baseRef) return [null];
    const inputText = this.#source.values.textOf(input);
    return [baseRef, inputText ?? this.#paramRef(input, fn, 0) ?? null];
  }

  /**
   * The parameter an expression reads: `url` of `function (url)`, `opts.url` of `function (opts)`, `url` of
   * `function ({ url })` or of `const { url } = opts` inside the function.
   */
  #paramRef(node: TSESTree.Node, fn: TSESTree.FunctionLike, depth: number): ParamRef | undefined {
    if (!this.#scopeManager || depth > 4) return undefined;
    const path = memberPathOf(node);
    if (path?.root.type !== 'Identifier') return undefined;
    const { root: current, names } = path;
    const variable = findVariable(this.#scopeManager, current);
    if (!variable || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0];
    if (definition.type === 'Parameter') {
      if (definition.node !== fn) return undefined;
      const index = fn.params.findIndex((parameter) => parameter.range[0] <= definition.name.range[0] && definition.name.range[1] <= parameter.range[1]);
      if (index === -1) return undefined;
      const inPattern = patternPath(definition.name, fn.params[index]);
      if (!inPattern || inPattern.some((key) => typeof key !== 'string')) return undefined;
      return { param: index, path: [...(inPattern as string[]), ...names] };
    }
    if (definition.type !== 'Variable') return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    if (!declarator.init || variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
    const inPattern = patternPath(definition.name, declarator.id);
    if (!inPattern || inPattern.some((key) => typeof key !== 'string')) return undefined;
    const base = this.#paramRef(declarator.init, fn, depth + 1);
    return base ? { param: base.param, path: [...base.path, ...(inPattern as string[]), ...names] } : undefined;
  }
}

/** `{ param: 0, path: ['url'] }` → `{ param: 0, path: [] }`: the options object a URL property sits in. */
function parentRef(ref: ParamRef | undefined): ParamRef | undefined {
  if (!ref || ref.path.length === 0) return undefined;
  return { param: ref.param, path: ref.path.slice(0, -1) };
}

/** A value as a template: known text stays, a hole becomes its parameter (when `param` knows it) or unknown. */
function templateOf(value: StringValue, param: (node: TSESTree.Node) => ParamRef | TemplatePart[] | undefined): Template {
  return value.parts.flatMap((part) => {
    if (!isHole(part)) return [part];
    const known = part.node ? param(part.node) : undefined;
    if (Array.isArray(known)) return known;
    return [known ?? null];
  });
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}
