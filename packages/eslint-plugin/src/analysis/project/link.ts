import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../ast.js';
import type { NavigationSink } from '../navigation.js';
import type { NodeIndex } from '../node-index.js';
import type { HttpRequest } from '../requests.js';
import { hole, objectProperty, type StaticValues, type StringValue, type ValuePart } from '../values.js';
import { importedMemberOf } from './bindings.js';
import type { Found, ProjectModel } from './model.js';
import { markCrossFile } from './traces.js';
import type { WrapperSetting } from '../../util/settings.js';
import { BODY_OPTIONS, HEADER_OPTIONS, QUERY_OPTIONS } from '../../knowledge/http-clients.js';
import type { FunctionSummary, ParamRef, Template } from './types.js';

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
        this.#declared.set(callee, { requests: [], navigations: [{ kind: 'location-assignment', window: 'self', side: 'browser', target: [[url]] }] });
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
      });
    }
    return this.#declared;
  }

  /** The requests this file makes through functions of other modules, one per effect, on the calling node. */
  requests(): HttpRequest[] {
    const result: HttpRequest[] = [];
    for (const { call, summary } of this.#effectCalls()) {
      for (const effect of summary.requests) {
        const url = effect.url.flatMap((template) => this.#instantiate(template, call));
        const firstRef = effect.url.flatMap((template) => template.filter(isRef))[0];
        if (firstRef) this.#urlFromCaller.add(call);
        const options = this.#argumentAt(call, effect.options);
        // The caller's options object that holds the URL (`wechatRequest({ endpoint, query, body })`) describes the
        // request: where the summary does not say what the wrapper does with its other options, they are read by
        // the names every client uses, as the generic detector reads such an object (analysis/requests.ts).
        const holder = firstRef && firstRef.path.length > 0 ? this.#argumentAt(call, { param: firstRef.param, path: firstRef.path.slice(0, -1) }) : undefined;
        const holderObject = holder ? this.#context.values.objectOf(holder) : undefined;
        const option = (names: readonly string[]) => {
          for (const name of holderObject ? names : []) {
            const value = objectProperty(holderObject as TSESTree.ObjectExpression, name);
            if (value) return value;
          }
          return undefined;
        };
        result.push({
          node: call,
          client: effect.client,
          method: effect.method,
          urlNode: this.#argumentAt(call, firstRef) ?? call,
          url,
          options: options ? this.#context.values.objectOf(options) : undefined,
          body: this.#argumentAt(call, effect.body) ?? option(BODY_OPTIONS),
          query: this.#argumentAt(call, effect.query) ?? option(QUERY_OPTIONS),
          headers: this.#argumentAt(call, effect.headers) ?? option(HEADER_OPTIONS),
          chain: [],
        });
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

  /** The navigations this file makes through functions of other modules. */
  navigations(): NavigationSink[] {
    const result: NavigationSink[] = [];
    for (const { call, summary } of this.#effectCalls()) {
      for (const effect of summary.navigations) {
        const firstRef = effect.target.flatMap((template) => template.filter(isRef))[0];
        result.push({
          kind: effect.kind,
          node: call,
          target: this.#argumentAt(call, firstRef),
          targetValues: effect.target.flatMap((template) => this.#instantiate(template, call)),
          window: effect.window,
          side: effect.side,
        });
      }
    }
    return result;
  }

  /** The argument expression a parameter reference names at a call: `opts.url` → the `url` property's value. */
  #argumentAt(call: TSESTree.CallExpression, ref: ParamRef | undefined): TSESTree.Node | undefined {
    if (!ref) return undefined;
    let current: TSESTree.Node | undefined = call.arguments[ref.param];
    if (!current || current.type === 'SpreadElement') return undefined;
    for (const key of ref.path) {
      const object: TSESTree.ObjectExpression | undefined = this.#context.values.objectOf(current);
      current = object ? objectProperty(object, key) : undefined;
      if (!current) return undefined;
    }
    return current;
  }

  /** A summary's template at a call: parameter parts take the values of the arguments. */
  #instantiate(template: Template, call: TSESTree.CallExpression): StringValue[] {
    let results: ValuePart[][] = [[]];
    for (const part of template) {
      if (typeof part === 'string') {
        for (const result of results) result.push(part);
        continue;
      }
      const argument = part ? this.#argumentAt(call, part) : undefined;
      if (!argument) {
        for (const result of results) result.push(hole(call));
        continue;
      }
      const values = this.#context.values.valuesOf(argument);
      const next: ValuePart[][] = [];
      for (const result of results) {
        for (const value of values.slice(0, 4)) next.push([...result, ...value.parts]);
      }
      results = next.slice(0, 8);
    }
    return results.map((parts) => ({ parts: mergeText(parts) }));
  }
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
