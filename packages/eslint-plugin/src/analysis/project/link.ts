import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, isFunctionNode, memberPathOf, unwrap } from '../ast.js';
import { callsOfFunction } from '../instances.js';
import type { NavigationSink } from '../navigation.js';
import type { NodeIndex } from '../node-index.js';
import type { HttpRequest } from '../requests.js';
import { hole, objectProperty, type StaticValues, type StringValue, type ValuePart } from '../values.js';
import { importedMemberOf } from './bindings.js';
import type { Found, ProjectModel } from './model.js';
import { summariseFunction } from './summary.js';
import { markCrossFile } from './traces.js';
import type { WrapperSetting } from '../../util/settings.js';
import { BODY_OPTIONS, HEADER_OPTIONS, QUERY_OPTIONS } from '../../knowledge/http-clients.js';
import type { CrossFileSink } from '../dataflow/engine.js';
import type { FunctionSummary, Origin, ParamRef, RequestEffect, Template } from './types.js';

export interface LinkContext {
  /** Functions declared in the settings `wrappers`, by callee text. */
  readonly wrappers: Readonly<Record<string, WrapperSetting>>;
  readonly filename: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly nodes: NodeIndex;
  readonly values: StaticValues;
}

/**
 * One file's view of the project: what its imported names are (values of config modules, functions with their
 * summaries) and which of its calls reach a request or a navigation in another module. These are the hook points
 * of the file analysis: `importedValues` for the static values, `requests` and `navigations` for the detectors.
 */
export class ProjectLink {
  readonly #context: LinkContext;
  readonly #model: ProjectModel;
  #calls: { call: TSESTree.CallExpression; summary: FunctionSummary }[] | undefined;
  #declared: Map<string, FunctionSummary> | undefined;
  /** Wrapper calls whose request URL takes a part from the call's own arguments. */
  readonly #urlFromCaller = new Set<TSESTree.Node>();
  /** Wrapper calls whose request URL takes a part before its query from the call's own arguments. */
  readonly #pathFromCaller = new Set<TSESTree.Node>();
  /** Calls of another module's function that make a request there. */
  readonly #wrapperCalls = new Set<TSESTree.Node>();

  /** A file that neither imports nor requires anything reaches no other module: every question ends at once. */
  readonly #imports: boolean;

  constructor(context: LinkContext, model: ProjectModel) {
    this.#context = context;
    this.#model = model;
    const { text } = context.sourceCode;
    this.#imports = text.includes('import') || text.includes('require');
  }

  /**
   * What an imported name or member chain denotes in its module, or undefined. Whatever goes wrong in another
   * module (a shape the summary does not expect) ends the chain here: a lint never fails because of a dependency.
   */
  lookup(node: TSESTree.Node): Found | undefined {
    if (!this.#imports) return undefined;
    try {
      return this.#lookup(node);
    } catch {
      return undefined;
    }
  }

  #lookup(node: TSESTree.Node): Found | undefined {
    const scopeManager = this.#context.sourceCode.scopeManager;
    if (!scopeManager) return undefined;
    const member = importedMemberOf(scopeManager, node);
    if (!member) return undefined;
    const file = this.#model.resolver.resolve(member.specifier, this.#context.filename);
    return file ? this.#model.lookup(file, member.path) : undefined;
  }

  /** The string values of an imported constant or config entry: `Config.api.bizlogin`, `import { BASE } from`. */
  importedValues(node: TSESTree.Identifier | TSESTree.MemberExpression): readonly StringValue[] | undefined {
    const found = this.lookup(node);
    if (found?.kind !== 'strings') return undefined;
    markCrossFile(this.#context.sourceCode, node, found.origin, 'value');
    return found.values.map((template) => ({ parts: template.map((part) => (typeof part === 'string' ? part : hole(node))) }));
  }

  readonly #functions = new Map<TSESTree.CallExpression, { summary: FunctionSummary; origin: Origin } | null>();

  /** The imported function a call invokes, with its summary (once per call). */
  #functionAt(call: TSESTree.CallExpression): { summary: FunctionSummary; origin: Origin } | undefined {
    let entry = this.#functions.get(call);
    if (entry === undefined) {
      const callee = unwrap(call.callee);
      const found = callee.type === 'Identifier' || callee.type === 'MemberExpression' ? this.lookup(callee) : undefined;
      entry = found?.kind === 'function' ? { summary: found.summary, origin: found.origin } : null;
      this.#functions.set(call, entry);
    }
    return entry ?? undefined;
  }

  /**
   * The string values a call of another module's function returns, with the caller's arguments in place of its
   * parameters: `authorizeUrl(here, 'share')` → the OAuth authorize URL with its scope. Undefined when unknown.
   */
  returnValues(call: TSESTree.CallExpression): StringValue[] | undefined {
    if (!this.#imports) return undefined;
    const found = this.#functionAt(call);
    if (!found || found.summary.returns.length === 0) return undefined;
    markCrossFile(this.#context.sourceCode, call, found.origin, 'call');
    return found.summary.returns.flatMap((template) => instantiate(template, call, this.#context.values)).slice(0, 16);
  }

  /** The arguments whose data the value a call of another module's function returns carries (`buildUri(host, '', { openid })`). */
  carriedArguments(call: TSESTree.CallExpression): TSESTree.Node[] | undefined {
    if (!this.#imports) return undefined;
    const found = this.#functionAt(call);
    if (!found || found.summary.returnsParams.length === 0) return undefined;
    const result: TSESTree.Node[] = [];
    for (const index of found.summary.returnsParams) {
      const argument = call.arguments[index];
      if (argument && argument.type !== 'SpreadElement') result.push(argument);
    }
    if (result.length > 0) markCrossFile(this.#context.sourceCode, call, found.origin, 'call');
    return result;
  }

  /** A plain-text write (log, storage, cookie) another module's function does with the caller's arguments. */
  plaintextSinkAt(call: TSESTree.CallExpression): CrossFileSink | undefined {
    if (!this.#imports) return undefined;
    const found = this.#functionAt(call);
    const effect = found?.summary.sinks[0];
    if (!found || !effect) return undefined;
    const values: TSESTree.Node[] = [];
    for (const ref of effect.values) {
      const argument = argumentAt(call, ref, this.#context.values);
      if (argument && !values.includes(argument)) values.push(argument);
    }
    if (values.length === 0) return undefined;
    markCrossFile(this.#context.sourceCode, call, found.origin, 'call');
    return { kind: effect.kind, operation: call, values, target: effect.target };
  }

  /** Calls of imported functions that make a request or navigate in their module. */
  #effectCalls() {
    if (this.#calls) return this.#calls;
    this.#calls = [];
    const scopeManager = this.#context.sourceCode.scopeManager;
    if (!scopeManager) return this.#calls;
    const anyDeclared = Object.keys(this.#context.wrappers).length > 0;
    if (!this.#imports && !anyDeclared) return this.#calls;
    for (const call of this.#context.nodes.ofType('CallExpression')) {
      const callee = unwrap(call.callee);
      if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') continue;
      const declared = this.#declaredWrappers().get(this.#context.sourceCode.getText(callee).replace(/\s+/gu, ''));
      if (declared) {
        this.#calls.push({ call, summary: declared });
        continue;
      }
      const found = this.lookup(callee);
      if (found?.kind !== 'function') continue;
      const { summary } = found;
      if (summary.requests.length === 0 && summary.navigations.length === 0) continue;
      markCrossFile(this.#context.sourceCode, call, found.origin, 'call');
      this.#calls.push({ call, summary });
    }
    return this.#calls;
  }

  /** The settings `wrappers` as summaries: `{ "mpRequest": { "url": "0.url", "body": "0.data" } }`. */
  #declaredWrappers(): Map<string, FunctionSummary> {
    if (this.#declared) return this.#declared;
    this.#declared = new Map();
    for (const [callee, setting] of Object.entries(this.#context.wrappers)) {
      const url = argumentPath(setting.url);
      if (!url) continue;
      if (setting.kind === 'navigation') {
        this.#declared.set(callee, {
          requests: [],
          navigations: [{ kind: 'location-assignment', window: 'self', side: 'browser', target: [[url]] }],
          returns: [],
          returnsParams: [],
          sinks: [],
        });
        continue;
      }
      this.#declared.set(callee, {
        requests: [
          {
            client: 'declared-wrapper',
            method: setting.method?.toUpperCase(),
            url: [[url]],
            options: url.path.length > 0 ? { param: url.param, path: url.path.slice(0, -1) } : undefined,
            body: setting.body === undefined ? undefined : argumentPath(setting.body),
            query: undefined,
            headers: undefined,
          },
        ],
        navigations: [],
        returns: [],
        returnsParams: [],
        sinks: [],
      });
    }
    return this.#declared;
  }

  /** The requests this file makes through functions of other modules, one per effect, on the calling node. */
  requests(): HttpRequest[] {
    const result: HttpRequest[] = [];
    for (const { call, summary } of this.#effectCalls()) {
      for (const effect of summary.requests) {
        if (urlFromParameters(effect)) this.#urlFromCaller.add(call);
        if (pathFromParameters(effect)) this.#pathFromCaller.add(call);
        this.#wrapperCalls.add(call);
        result.push(requestThrough(call, effect, this.#context.values));
      }
    }
    return result;
  }

  /**
   * Whether a wrapper call's request URL depends on the call's arguments. When it does not (`fetchToken()`), the
   * request is the same at every call and its content is checked once, in the wrapper's own module; only where
   * and how often it runs (a handler, a loop) is the caller's.
   */
  urlFromCaller(call: TSESTree.Node): boolean {
    return this.#urlFromCaller.has(call);
  }

  /**
   * Whether a wrapper call's endpoint (the URL before its query) depends on the call's arguments. When only a
   * query value comes from the call (`createQRCode(token)`), a wrong path is the wrapper's, reported in its module.
   */
  pathFromCaller(call: TSESTree.Node): boolean {
    return this.#pathFromCaller.has(call);
  }

  /**
   * Whether a request of this file is a call of another module's function that makes it there (not a request made
   * here whose URL merely starts with an imported value).
   */
  isWrapperCall(call: TSESTree.Node): boolean {
    return this.#wrapperCalls.has(call);
  }

  /** The navigations this file makes through functions of other modules. */
  navigations(): NavigationSink[] {
    const result: NavigationSink[] = [];
    for (const { call, summary } of this.#effectCalls()) {
      for (const effect of summary.navigations) {
        const firstRef = effect.target.flatMap((template) => template.filter(isRef))[0];
        result.push({
          kind: effect.kind,
          node: call,
          target: argumentAt(call, firstRef, this.#context.values),
          targetValues: effect.target.flatMap((template) => instantiate(template, call, this.#context.values)),
          window: effect.window,
          side: effect.side,
        });
      }
    }
    return result;
  }
}

/**
 * The request a call of a summarised function makes (another module's wrapper, or a wrapper of this file): the
 * effect's URL template with the call's arguments in place of the parameters it reads.
 */
export function requestThrough(call: TSESTree.CallExpression, effect: RequestEffect, values: StaticValues): HttpRequest {
  const firstRef = effect.url.flatMap((template) => template.filter(isRef))[0];
  const options = argumentAt(call, effect.options, values);
  // The caller's options object that holds the URL (`wechatRequest({ endpoint, query, body })`) describes the
  // request: where the summary does not say what the wrapper does with its other options, they are read by the
  // names every client uses, as the generic detector reads such an object (analysis/requests.ts).
  const holder = firstRef && firstRef.path.length > 0 ? argumentAt(call, { param: firstRef.param, path: firstRef.path.slice(0, -1) }, values) : undefined;
  const holderObject = holder ? values.objectOf(holder) : undefined;
  const option = (names: readonly string[]) => {
    for (const name of holderObject ? names : []) {
      const value = objectProperty(holderObject as TSESTree.ObjectExpression, name);
      if (value) return value;
    }
    return undefined;
  };
  return {
    node: call,
    client: effect.client,
    method: typeof effect.method === 'object' ? methodAt(call, effect.method, values) : effect.method,
    methodNode: undefined,
    urlNode: argumentAt(call, firstRef, values) ?? call,
    url: effect.url.flatMap((template) => instantiate(template, call, values)),
    options: options ? values.objectOf(options) : undefined,
    body: argumentAt(call, effect.body, values) ?? option(BODY_OPTIONS),
    query: argumentAt(call, effect.query, values) ?? option(QUERY_OPTIONS),
    headers: argumentAt(call, effect.headers, values) ?? option(HEADER_OPTIONS),
    chain: [],
    throughWrapper: true,
  };
}

/** The method a wrapper call passes on (`request('post', url)`), upper-case, when its argument is known text. */
function methodAt(call: TSESTree.CallExpression, ref: ParamRef, values: StaticValues): string | undefined {
  const argument = argumentAt(call, ref, values);
  return argument ? values.textOf(argument)?.toUpperCase() : undefined;
}

/** Whether the effect's URL takes a part from the function's parameters (it differs from call to call). */
export function urlFromParameters(effect: RequestEffect): boolean {
  return effect.url.some((template) => template.some(isRef));
}

/**
 * Whether the effect's URL takes a part before its query from the function's parameters: a request helper
 * (`getJson(url)`), not a function for one endpoint that fills a query value (`generate(appId)`), whose request is
 * judged where it is made.
 */
function pathFromParameters(effect: RequestEffect): boolean {
  return effect.url.some((template) => {
    for (const part of template) {
      if (typeof part === 'string' && part.includes('?')) return false;
      if (isRef(part)) return true;
    }
    return false;
  });
}

/** The argument expression a parameter reference names at a call: `opts.url` → the `url` property's value. */
function argumentAt(call: TSESTree.CallExpression, ref: ParamRef | undefined, values: StaticValues): TSESTree.Node | undefined {
  if (!ref) return undefined;
  let current: TSESTree.Node | undefined = call.arguments[ref.param];
  if (!current || current.type === 'SpreadElement') return undefined;
  for (const key of ref.path) {
    const object: TSESTree.ObjectExpression | undefined = values.objectOf(current);
    current = object ? objectProperty(object, key) : undefined;
    if (!current) return undefined;
  }
  return current;
}

/** A summary's template at a call: parameter parts take the values of the arguments. */
function instantiate(template: Template, call: TSESTree.CallExpression, values: StaticValues): StringValue[] {
  let results: ValuePart[][] = [[]];
  for (const part of template) {
    if (typeof part === 'string') {
      for (const result of results) result.push(part);
      continue;
    }
    const argument = part ? argumentAt(call, part, values) : undefined;
    if (!argument) {
      for (const result of results) result.push(hole(call));
      continue;
    }
    const argumentValues = values.valuesOf(argument);
    const next: ValuePart[][] = [];
    for (const result of results) {
      for (const value of argumentValues.slice(0, 4)) next.push([...result, ...value.parts]);
    }
    results = next.slice(0, 8);
  }
  return results.map((parts) => ({ parts: mergeText(parts) }));
}

/** What the file's own wrappers are read from: its detected requests and the parts of its model they need. */
export interface LocalWrapperContext {
  readonly filename: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly nodes: NodeIndex;
  readonly values: StaticValues;
}

/** Wrappers of wrappers are followed this many levels (`getJSON` → `get` → `request` → `https.request`). */
const LOCAL_WRAPPER_DEPTH = 3;

/**
 * The requests a file makes through its own request wrappers: a function of the file whose request URL (up to its
 * query) comes from one of its parameters (`const getJson = (url, params) => axios.get(url, { params })`) makes that request at each
 * of its calls, with the call's argument as the URL, as a wrapper of another module does (its summary is built the
 * same way, by project/summary.ts). Returns `requests` with those calls added, in source order.
 */
export function withLocalWrappers(requests: readonly HttpRequest[], context: LocalWrapperContext): readonly HttpRequest[] {
  const all = [...requests];
  const seen = new Set<TSESTree.Node>(requests.map((request) => request.node));
  const summarised = new Set<TSESTree.FunctionLike>();
  let pending: readonly HttpRequest[] = requests;
  for (let level = 0; level < LOCAL_WRAPPER_DEPTH && pending.length > 0; level++) {
    const found: HttpRequest[] = [];
    // Only functions that a request's URL path reads a parameter of are candidates: a cheap test on each request,
    // so a bundle of thousands of requests summarises nothing.
    const candidates = new Set(pending.flatMap((request) => urlPathParameterOwners(request, context)));
    for (const fn of candidates) {
      if (summarised.has(fn)) continue;
      summarised.add(fn);
      const inside = all.filter((request) => request.node.range[0] >= fn.range[0] && request.node.range[1] <= fn.range[1]);
      const effects = summariseFunction({ ...context, requests: inside, navigation: [] }, fn).requests.filter(pathFromParameters);
      if (effects.length === 0) continue;
      for (const call of callsOfFunction(fn, context.sourceCode.scopeManager, context.nodes)) {
        if (seen.has(call) || (call.range[0] >= fn.range[0] && call.range[1] <= fn.range[1])) continue;
        seen.add(call);
        for (const effect of effects) found.push(requestThrough(call, effect, context.values));
      }
    }
    all.push(...found);
    pending = found;
  }
  return all.length === requests.length ? requests : all.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The functions whose parameters the request's URL reads before its query (`url` of `(url) => axios.get(url)`). */
function urlPathParameterOwners(request: HttpRequest, context: LocalWrapperContext): TSESTree.FunctionLike[] {
  const scopeManager = context.sourceCode.scopeManager;
  if (!scopeManager) return [];
  const owners: TSESTree.FunctionLike[] = [];
  for (const value of request.url) {
    for (const part of value.parts) {
      if (typeof part === 'string') {
        if (part.includes('?')) break;
        continue;
      }
      const root = part.node ? memberPathOf(part.node)?.root : undefined;
      const variable = root?.type === 'Identifier' ? findVariable(scopeManager, root) : undefined;
      const definition = variable?.defs[0];
      if (definition?.type === 'Parameter' && isFunctionNode(definition.node as TSESTree.Node)) owners.push(definition.node as TSESTree.FunctionLike);
    }
  }
  return owners;
}

/** `"0.url"` → the `url` property of the first argument. */
function argumentPath(text: string): ParamRef | undefined {
  const [index, ...path] = text.split('.');
  const param = Number(index);
  return Number.isInteger(param) && param >= 0 ? { param, path } : undefined;
}

function isRef(part: Template[number]): part is ParamRef {
  return part !== null && typeof part !== 'string';
}

function mergeText(parts: ValuePart[]): ValuePart[] {
  const merged: ValuePart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  return merged;
}
