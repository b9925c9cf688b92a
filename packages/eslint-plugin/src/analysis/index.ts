import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ApiCallAnalysis, collectApiCalls } from './api-calls.js';
import { getPluginSettings, type ResolvedSettings } from '../util/settings.js';
import { fileKey } from './ast.js';
import { CodePathFacts } from './code-paths.js';
import { type DataFlow, dataFlowFor, type DataFlowSettings } from './dataflow/index.js';
import { ExecutionContexts } from './execution-contexts.js';
import { classifyFile, isTestFile, type FileKind } from './file-kind.js';
import { type ConsoleRequest, findConsoleRequests } from './mp-console.js';
import { findNavigationSinks, type NavigationSink } from './navigation.js';
import { type NodeIndex, nodeIndexOf } from './node-index.js';
import { type FilePlatform, platformOf } from './platform.js';
import { GlobalReferences } from './references.js';
import { type HttpRequest, RequestFinder } from './requests.js';
import { SdkClients } from './sdk-clients.js';
import { TokenCaching } from './token-cache.js';
import { Validation } from './validation.js';
import { ProjectLink, withLocalWrappers } from './project/link.js';
import { crossFileOriginOf } from './project/traces.js';
import type { Origin } from './project/types.js';
import { type ProjectModel, projectModelFor } from './project/model.js';
import { SDK_URL_METHODS } from '../knowledge/sdk-modules.js';
import { classifyOrigin, hole, isUnderUrlPrefix, type OriginClass, StaticValues, type StringValue } from './values.js';

export type { FileKind } from './file-kind.js';
export type { Origin as CrossFileOrigin } from './project/types.js';
export type { ExecutionContext, ServerHandler, ServerFramework } from './execution-contexts.js';
export type { NavigationSink, NavigationKind } from './navigation.js';
export type { ConsoleRequest } from './mp-console.js';
export type { FilePlatform } from './platform.js';
export type { GlobalAccess, GlobalAccessKind } from './references.js';
export type { HttpRequest, HttpClientName } from './requests.js';
export type { SdkClient, SdkMethodCall, SdkName } from './sdk-clients.js';
export type { CacheGuard, TokenCaching } from './token-cache.js';
export type { AllowlistCheck, CheckKind } from './validation.js';
export type { AttackerSource, Hole, OriginClass, StringValue, UrlInfo, ValuePart } from './values.js';
export { knownPrefix, leadingHole, markedText, parseUrl, textOf } from './values.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The shared analysis of one file: computed once, on first use by whichever rule asks, and read by
 * every rule. ESLint has no API for state shared between rules, so it is cached per `SourceCode` object. Each
 * part is computed lazily on first access and is iterative or depth bounded, so deep nesting never makes the
 * analysis fail before the parser does.
 *
 * Parts (each a typed module of this folder, each with its own tests in tests/analysis/):
 * - `nodes` — every node by type, from one iterative walk (node-index.ts);
 * - `globals` — free browser/Node globals, reads and writes, through `window`/`globalThis`/`self`/`frames` and
 *   local aliases (references.ts);
 * - `values` — static string/URL values, attacker-controlled and own-origin parts (values.ts);
 *   `originOf(value)` / `isTrustedTarget(value)` classify a value with the plugin-wide settings;
 * - `requests` — HTTP requests of every client (requests.ts); `sdk` — SDK clients and their method calls
 *   (sdk-clients.ts); `navigation` — browser navigations and server redirects (navigation.ts);
 * - `contexts` — gesture / automatic / unknown and server handlers (execution-contexts.ts);
 * - `validation` — allowlist checks that dominate a use (validation.ts), on code path facts (code-paths.ts).
 *
 * **Code path facts and how rules use them.** ESLint hands code paths only to rule listeners. A rule that needs
 * dominance (validation, "checked before", "gated by") builds its listeners with `defineAnalysisVisitor(context,
 * (analysis) => listeners)`: the first such rule of a file also registers the collector listeners of
 * `analysis.codePaths` (merged before its own, so they run first for every event). ESLint calls listeners of
 * one event in rule order and calls the Program's `onCodePathEnd` after every `Program:exit`, so a rule that
 * reports from `onCodePathEnd` (with `node.type === 'Program'`, helper `atProgramEnd`) sees complete facts
 * whatever its position.
 * Rules that need no code path facts may also just call `getFileAnalysis(context)`.
 */
export class FileAnalysis {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly cwd: string;
  /** Plugin-wide settings with built-in defaults (not extended by any rule's options). */
  readonly settings: ResolvedSettings;
  /** Code path facts, filled while ESLint traverses the file (see the class comment). */
  readonly codePaths = new CodePathFacts();
  #fileKind: FileKind | undefined;
  #nodes: NodeIndex | undefined;
  #globals: GlobalReferences | undefined;
  #values: StaticValues | undefined;
  #sdk: SdkClients | undefined;
  #requests: readonly HttpRequest[] | undefined;
  #navigation: readonly NavigationSink[] | undefined;
  #consoleRequests: readonly ConsoleRequest[] | undefined;
  #contexts: ExecutionContexts | undefined;
  #validation: Validation | undefined;
  #apiCalls: ApiCallAnalysis | undefined;
  #platform: FilePlatform | undefined;
  #tokenCaching: TokenCaching | undefined;
  #project: ProjectLink | null | undefined;
  /** The settings object as configured: dependencies are analysed under the same settings. */
  readonly #rawSettings: unknown;

  constructor(context: AnyContext) {
    this.#rawSettings = context.settings;
    this.sourceCode = context.sourceCode;
    this.filename = context.physicalFilename ?? context.filename;
    this.cwd = context.cwd;
    this.settings = getPluginSettings(context);
  }

  /**
   * The file's link to the rest of the project (project/): imported values and calls of other modules' functions.
   * Null for a file outside the working directory (then nothing is resolved).
   */
  get project(): ProjectLink | null {
    if (this.#project === undefined) {
      this.#project = null;
      const model = projectModel(this.cwd, this.settings, this.#rawSettings);
      if (model.resolver.isProjectModule(this.filename)) {
        model.noteLinted(this.filename, this.sourceCode);
        this.#project = new ProjectLink(
          { wrappers: this.settings.wrappers, filename: this.filename, sourceCode: this.sourceCode, nodes: this.nodes, values: this.values },
          model,
        );
      }
    }
    return this.#project;
  }

  get #scopeManager(): TSESLint.Scope.ScopeManager | null {
    return this.sourceCode.scopeManager;
  }

  /** The exported function or value of another module that a node of this file reaches (a wrapper call, an imported value). */
  crossFileOrigin(node: TSESTree.Node): Origin | undefined {
    return crossFileOriginOf(this.sourceCode, node);
  }

  /** Browser code, server code or unknown. */
  get fileKind(): FileKind {
    this.#fileKind ??= classifyFile({
      filename: this.filename,
      cwd: this.cwd,
      program: this.sourceCode.ast,
      scopeManager: this.#scopeManager,
      settings: this.settings,
    });
    return this.#fileKind;
  }

  /** Test code (a `test/` folder, `*.test.js`, `*.spec.ts` …): run by developers, never for the account's users. */
  get isTestFile(): boolean {
    return isTestFile(this.filename, this.cwd);
  }

  /** Every node of the file by type. */
  get nodes(): NodeIndex {
    this.#nodes ??= nodeIndexOf(this.sourceCode);
    return this.#nodes;
  }

  /** Free globals: reads, writes, calls, through the global object's names and local aliases. */
  get globals(): GlobalReferences {
    this.#globals ??= new GlobalReferences(this.#scopeManager);
    return this.#globals;
  }

  /** Static values of expressions. */
  get values(): StaticValues {
    this.#values ??= new StaticValues({
      scopeManager: this.#scopeManager,
      globals: this.globals,
      // `oauth.getAuthorizeURL(…)` of a tracked SDK client starts with the OAuth authorize URL.
      // A helper of another module returns what its summary says (project/link.ts).
      callValues: (call) => {
        const sdkCall = call.callee.type === 'MemberExpression' ? this.sdk.callAt(call) : undefined;
        const prefix = sdkCall ? SDK_URL_METHODS[sdkCall.method] : undefined;
        return prefix ? [{ parts: [`${prefix}?`, hole(call)] }] : this.project?.returnValues(call);
      },
      importedValues: (node) => this.project?.importedValues(node),
    });
    return this.#values;
  }

  /** Which Weixin platforms the file's code works for, from the endpoints, SDK clients and credentials it uses. */
  get platform(): FilePlatform {
    this.#platform ??= platformOf(this.apiCalls);
    return this.#platform;
  }

  /** Official Account SDK clients and the calls of their methods. */
  get sdk(): SdkClients {
    this.#sdk ??= new SdkClients(this.#requestContext());
    return this.#sdk;
  }

  /** HTTP requests of every supported client, in source order. */
  get requests(): readonly HttpRequest[] {
    // Calls of the file's own request wrappers are requests too (project/link.ts, with the wrappers' summaries).
    this.#requests ??= withLocalWrappers(new RequestFinder(this.#requestContext(), this.sdk).requests, {
      filename: this.filename,
      sourceCode: this.sourceCode,
      nodes: this.nodes,
      values: this.values,
    });
    return this.#requests;
  }

  /** Weixin API calls (requests to catalogued hosts and catalogued SDK methods) and the SDK clients made here. */
  get apiCalls(): ApiCallAnalysis {
    this.#apiCalls ??= collectApiCalls({ scopeManager: this.#scopeManager, requests: this.requests, sdk: this.sdk });
    return this.#apiCalls;
  }

  /** How token fetches are paced: their owning functions, cache checks and writes, timers (token-cache.ts). */
  get tokenCaching(): TokenCaching {
    this.#tokenCaching ??= new TokenCaching({ scopeManager: this.#scopeManager, nodes: this.nodes, text: this.sourceCode.text });
    return this.#tokenCaching;
  }

  /** Requests and frames that open a page of the mp.weixin.qq.com console (its login included). */
  get consoleRequests(): readonly ConsoleRequest[] {
    this.#consoleRequests ??= findConsoleRequests(this.requests, this.values, this.nodes);
    return this.#consoleRequests;
  }

  /** Browser navigations and server redirects, in source order. */
  get navigation(): readonly NavigationSink[] {
    this.#navigation ??= findNavigationSinks({
      scopeManager: this.#scopeManager,
      nodes: this.nodes,
      globals: this.globals,
      values: this.values,
      sourceCode: this.sourceCode,
      externalSinks: () => this.project?.navigations() ?? [],
    });
    return this.#navigation;
  }

  /** Execution contexts and server handlers. */
  get contexts(): ExecutionContexts {
    this.#contexts ??= new ExecutionContexts({
      scopeManager: this.#scopeManager,
      nodes: this.nodes,
      fileKind: this.fileKind,
      filename: this.filename,
    });
    return this.#contexts;
  }

  /** Allowlist validation of values (complete only after `Program:exit`, see the class comment). */
  get validation(): Validation {
    this.#validation ??= new Validation({
      scopeManager: this.#scopeManager,
      sourceCode: this.sourceCode,
      nodes: this.nodes,
      values: this.values,
      codePaths: this.codePaths,
      settings: this.settings,
    });
    return this.#validation;
  }

  /** User-data labels of values, propagated through the file (docs/architecture.md, data flow), under the plugin settings. */
  get dataFlow(): DataFlow {
    return dataFlowFor(this.sourceCode, this.settings, this).solve();
  }

  /**
   * The data flow under `settings` (a rule whose options add sanitizer names gets its own), solved on demand.
   * Rules ask here rather than building one, so the flow reads this file's facts.
   */
  dataFlowWith(settings: DataFlowSettings): DataFlow {
    return dataFlowFor(this.sourceCode, settings, this);
  }

  /** Own / Weixin / third-party / attacker / non-web / unknown, with `ownHosts` from `settings` (default: plugin-wide). */
  originOf(value: StringValue, settings: Pick<ResolvedSettings, 'ownHosts'> = this.settings): OriginClass {
    return classifyOrigin(value, settings);
  }

  /** True when the value's known start is under one of `trustedUrls` (default: plugin-wide). */
  isTrustedTarget(value: StringValue, settings: Pick<ResolvedSettings, 'trustedUrls'> = this.settings): boolean {
    return isUnderUrlPrefix(value, settings.trustedUrls);
  }

  #requestContext() {
    return {
      scopeManager: this.#scopeManager,
      program: this.sourceCode.ast,
      nodes: this.nodes,
      globals: this.globals,
      values: this.values,
      externalRequests: () => this.project?.requests() ?? [],
      importedClient: (identifier: TSESTree.Identifier) => {
        const found = this.project?.lookup(identifier);
        return found?.kind === 'client' ? found.module : undefined;
      },
    };
  }
}

/** The project model of a working directory, whose module summaries are read through this same class. */
function projectModel(cwd: string, settings: ResolvedSettings, rawSettings: unknown): ProjectModel {
  return projectModelFor(cwd, settings.aliases, (file, sourceCode) => {
    const context = { sourceCode, filename: file, physicalFilename: file, cwd, settings: rawSettings ?? {} };
    return new FileAnalysis(context as unknown as AnyContext);
  });
}

const analyses = new WeakMap<object, FileAnalysis>();

/** The file's shared analysis, built by the first rule that asks. */
export function getFileAnalysis(context: AnyContext): FileAnalysis {
  const key = fileKey(context.sourceCode);
  let analysis = analyses.get(key);
  if (!analysis) {
    analysis = new FileAnalysis(context);
    analyses.set(key, analysis);
  }
  return analysis;
}

/** The file's Weixin API calls (see `FileAnalysis.apiCalls`). */
export function getApiCalls(context: AnyContext): ApiCallAnalysis {
  return getFileAnalysis(context).apiCalls;
}

/**
 * A rule's listeners built on the shared analysis. The first rule of a file that uses it also registers the
 * code path collector (see FileAnalysis), merged so that the collector runs before the rule's own listener
 * of the same event. Rules that report from the Program's `onCodePathEnd` get complete code path facts.
 */
export function defineAnalysisVisitor<Listener extends TSESLint.RuleListener>(
  context: AnyContext,
  build: (analysis: FileAnalysis) => Listener,
): TSESLint.RuleListener {
  const analysis = getFileAnalysis(context);
  const listeners = build(analysis) as TSESLint.RuleListener;
  if (analysis.codePaths.collecting) return listeners;
  return mergeListeners(analysis.codePaths.listeners(), listeners);
}

/**
 * A listener for the Program's `onCodePathEnd`: runs once, after every `Program:exit`, when code path facts are
 * complete. Spread it into a rule's listeners: `{ CallExpression(node) {…}, ...atProgramEnd(() => report()) }`.
 * (typescript-eslint's `RuleListener` does not type the `onCodePath*` events, hence this helper.)
 */
export function atProgramEnd(callback: () => void): TSESLint.RuleListener {
  const listener = (_codePath: unknown, node: { type: string }) => {
    if (node.type === 'Program') callback();
  };
  return { onCodePathEnd: listener } as unknown as TSESLint.RuleListener;
}

function mergeListeners(first: TSESLint.RuleListener, second: TSESLint.RuleListener): TSESLint.RuleListener {
  const merged: Record<string, (...args: never[]) => void> = { ...(second as Record<string, (...args: never[]) => void>) };
  for (const [key, listener] of Object.entries(first as Record<string, (...args: never[]) => void>)) {
    const other = merged[key];
    merged[key] = other
      ? (...args: never[]) => {
          listener(...args);
          other(...args);
        }
      : listener;
  }
  return merged as TSESLint.RuleListener;
}
