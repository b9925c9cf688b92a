// State of one server session: client capabilities, workspace folders and trust, settings per resource, the lint
// worker, and per open document the last lint result (the fix store) with at most one lint in flight.
import os from 'node:os';
import path from 'node:path';
import type { Connection, Diagnostic, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ModuleGraph } from 'eslint-plugin-wechat-oa';
import { failureDiagnostic, resultIdOf, toProblems, type Problem } from './converters/diagnostics.js';
import type { JsxRegion, LintOutcome } from './lint/messages.js';
import { WorkerHost, type JobResult } from './lint/worker-host.js';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION, type InitializationOptions, type Locale, type ServerSettings } from './protocol.js';
import { RuleDocs } from './rule-docs.js';
import { resolveSettings, toLocale } from './settings.js';

/** Files larger than this (bytes, UTF-8) are not linted. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const DEFAULT_LINT_BUDGET_MS = 10_000;

/** What the client can do, read once from `initialize`. */
export interface ClientFlags {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  showDocument: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
}

/** The text a lint ran on: documents change while a lint runs, so results keep their own copy. */
export interface Snapshot {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export interface LintResult {
  version: number;
  /** Session generation the result belongs to; configuration changes start a new one. */
  generation: number;
  /** How many module changes the session had seen when the lint started. */
  moduleEpoch: number;
  document: TextDocument;
  settings: ServerSettings;
  problems: Problem[];
  diagnostics: Diagnostic[];
  resultId: string;
  jsxRegions: JsxRegion[];
  /** Markup files: the plugin's disable-next-line edits per problem index. */
  markupDisableEdits?: Record<number, { range: [number, number]; text: string }[]>;
  filePath: string;
  outcome?: LintOutcome;
}

interface DocumentState {
  /** Serialises lints of the document: at most one in flight. */
  chain: Promise<unknown>;
  result?: LintResult;
  /** With `run: onSave`, the lint of the last saved (or opened) version. */
  saved?: Promise<LintResult | undefined>;
  timer?: NodeJS.Timeout;
  seenVersion: number;
  /** A module the document imports changed at this module epoch: results linted before it are stale. */
  staleBefore?: number;
}

const LANGUAGE_EXTENSIONS: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
  vue: '.vue',
  html: '.html',
};

export class Session {
  flags: ClientFlags = {
    pullDiagnostics: false,
    diagnosticRefresh: false,
    configuration: false,
    showDocument: false,
    watchedFilesRegistration: false,
    configurationRegistration: false,
    workspaceFolders: false,
  };
  trusted = false;
  clientLocale: Locale = 'en';
  folders: string[] = [];
  generation = 0;
  readonly docs: RuleDocs;
  worker: WorkerHost;
  readonly #states = new Map<string, DocumentState>();
  readonly #settings = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed with `workspace/didChangeConfiguration`, for clients without `workspace/configuration`. */
  #pushedSettings: unknown;
  readonly #reportedFailures = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly options: { moduleDir: string; workerFile: string },
  ) {
    this.docs = new RuleDocs(options.moduleDir);
    this.worker = this.#createWorker(DEFAULT_LINT_BUDGET_MS);
  }

  #createWorker(budgetMs: number): WorkerHost {
    return new WorkerHost({
      workerFile: this.options.workerFile,
      budgetMs,
      log: (message) => this.log(message),
      onReady: (clauses) => this.docs.setClauses(clauses),
    });
  }

  initialize(params: InitializeParams): void {
    const capabilities = params.capabilities;
    this.flags = {
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      configuration: capabilities.workspace?.configuration === true,
      showDocument: capabilities.window?.showDocument?.support === true,
      watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    };
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    // Loading a workspace config runs its code: only a client that says the workspace is trusted gets project mode.
    this.trusted = init.trusted === true;
    this.clientLocale = toLocale(init.locale) ?? toLocale(params.locale) ?? 'en';
    const budget = init.lintTimeBudgetMs;
    if (typeof budget === 'number' && Number.isFinite(budget) && budget > 0) this.worker = this.#createWorker(budget);
    this.setFolders((params.workspaceFolders ?? []).map((folder) => folder.uri), params.rootUri ?? undefined);
    this.worker.warmUp();
  }

  setFolders(uris: readonly string[], rootUri?: string): void {
    const folders = uris.length > 0 ? uris : rootUri ? [rootUri] : [];
    this.folders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => URI.parse(uri).fsPath);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  // ---- settings -------------------------------------------------------------------------------------------

  settingsFor(uri: string): Promise<ServerSettings> {
    let settings = this.#settings.get(uri);
    if (!settings) {
      settings = this.flags.configuration
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
            .then((raw: unknown) => resolveSettings(raw, this.clientLocale))
            .catch(() => resolveSettings(this.#pushedSettings, this.clientLocale))
        : Promise.resolve(resolveSettings(this.#pushedSettings, this.clientLocale));
      this.#settings.set(uri, settings);
    }
    return settings;
  }

  /** Settings changed: forget them (they are read again per resource) and start a new generation. */
  settingsChanged(pushed: unknown): void {
    const section = pushed !== null && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.#pushedSettings = section;
    this.#settings.clear();
    this.generation++;
  }

  // ---- documents and lints --------------------------------------------------------------------------------

  state(uri: string): DocumentState {
    let state = this.#states.get(uri);
    if (!state) {
      state = { chain: Promise.resolve(), seenVersion: -1 };
      this.#states.set(uri, state);
    }
    return state;
  }

  forget(uri: string): void {
    const state = this.#states.get(uri);
    if (state) clearTimeout(state.timer);
    this.#states.delete(uri);
    this.#settings.delete(uri);
  }

  /** Modules changed on disk or in the editor since the last lint: the next lint drops their summaries first. */
  readonly #changedModules: { file: string; text?: string }[] = [];

  /** Counts module changes: a result linted before the last change of a module its file imports is stale. */
  #moduleEpoch = 0;

  /**
   * Modules changed: the next lint drops their summaries in the worker (which keeps every other summary), and the
   * open files that import one of them, directly or through other modules (ModuleGraph, the plugin's own
   * resolution, reading open files' unsaved text), lose their results. Returns those files' URIs: only they are
   * linted again.
   */
  modulesChanged(files: readonly { file: string; text?: string }[]): string[] {
    this.#changedModules.push(...files);
    const epoch = ++this.#moduleEpoch;
    const changed = new Set(files.map((change) => change.file));
    const texts = new Map<string, string>();
    for (const uri of this.openUris()) {
      const parsed = URI.parse(uri);
      const document = this.documents.get(uri);
      if (parsed.scheme === 'file' && document) texts.set(parsed.fsPath, document.getText());
    }
    for (const change of files) if (change.text !== undefined) texts.set(change.file, change.text);
    const graphs = new Map<string, ModuleGraph>();
    const dependants: string[] = [];
    for (const uri of this.openUris()) {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file' || changed.has(parsed.fsPath)) continue;
      const { cwd } = this.locate(uri, this.documents.get(uri)?.languageId ?? '');
      let graph = graphs.get(cwd);
      if (!graph) graphs.set(cwd, (graph = new ModuleGraph(cwd, {}, texts)));
      if (!graph.dependsOnAny(parsed.fsPath, changed)) continue;
      const state = this.state(uri);
      state.staleBefore = epoch;
      state.saved = undefined;
      dependants.push(uri);
    }
    return dependants;
  }

  /** Whether a result is still current for its document's module dependencies. */
  #freshForModules(uri: string, result: LintResult): boolean {
    return result.moduleEpoch >= (this.#states.get(uri)?.staleBefore ?? 0);
  }

  openUris(): string[] {
    return this.documents.keys();
  }

  /** The last result, if it is for the document's current version and the current generation. */
  currentResult(uri: string): LintResult | undefined {
    const document = this.documents.get(uri);
    const result = this.#states.get(uri)?.result;
    return document && result && result.version === document.version && result.generation === this.generation && this.#freshForModules(uri, result) ? result : undefined;
  }

  snapshot(document: TextDocument): Snapshot {
    return { uri: document.uri, languageId: document.languageId, version: document.version, text: document.getText() };
  }

  /**
   * A result for `snapshot`, linting it unless the last result already is for that version. Lints of one
   * document run one after the other; a lint whose version is superseded before it starts is not run.
   */
  resultFor(snapshot: Snapshot, isWanted: () => boolean = () => true): Promise<LintResult | undefined> {
    const state = this.state(snapshot.uri);
    const run = state.chain.then(async () => {
      const last = state.result;
      if (last && last.version === snapshot.version && last.generation === this.generation && this.#freshForModules(snapshot.uri, last)) return last;
      if (!isWanted()) return undefined;
      const result = await this.lint(snapshot);
      // The document may have been closed meanwhile; then its state is gone and this result is dropped.
      if (this.#states.get(snapshot.uri) === state && (!state.result || state.result.version <= result.version)) state.result = result;
      return result;
    });
    state.chain = run.catch(() => undefined);
    return run;
  }

  /** Lints a snapshot in the worker and turns the outcome into diagnostics (or the one diagnostic of a failure). */
  async lint(snapshot: Snapshot, fix = false): Promise<LintResult> {
    const generation = this.generation;
    const moduleEpoch = this.#moduleEpoch;
    const settings = await this.settingsFor(snapshot.uri);
    const document = TextDocument.create(snapshot.uri, snapshot.languageId, snapshot.version, snapshot.text);
    const { filePath, cwd, isFile } = this.locate(snapshot.uri, snapshot.languageId);
    const base = { version: snapshot.version, generation, moduleEpoch, document, settings, filePath, jsxRegions: [] as JsxRegion[] };
    const bytes = Buffer.byteLength(snapshot.text, 'utf8');
    if (bytes > MAX_FILE_BYTES) {
      this.#reportOnce(`${snapshot.uri} size`, `Skipped ${filePath}: ${bytes} bytes is over the 1 MiB limit.`);
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        message: `wechat-oa: this file (${(bytes / 1024 / 1024).toFixed(1)} MiB) is over the 1 MiB limit and is not linted.`,
      };
      return { ...base, problems: [], diagnostics: [diagnostic], resultId: resultIdOf([diagnostic]) };
    }
    const changedModules = this.#changedModules.splice(0);
    const job: JobResult = await this.worker.lint({
      filePath,
      text: snapshot.text,
      ...(changedModules.length > 0 ? { changedModules } : {}),
      cwd,
      preset: settings.preset,
      rules: settings.rules,
      locale: settings.locale,
      projectAllowed: isFile && settings.useWorkspaceConfig && this.trusted,
      fix,
    });
    if (!job.ok) {
      const { failure } = job;
      this.#reportOnce(
        `${snapshot.uri} ${failure.kind} ${failure.message}`,
        `Could not lint ${filePath} (${failure.kind}): ${failure.message}${failure.stack ? `\n${failure.stack}` : ''}`,
        'error',
      );
      const diagnostic = failureDiagnostic(failure, cwd);
      return { ...base, problems: [], diagnostics: [diagnostic], resultId: resultIdOf([diagnostic]) };
    }
    this.docs.remember(job.outcome.rulesMeta);
    const problems = toProblems(document, job.outcome, this.docs, settings.locale, cwd);
    const diagnostics = problems.map((problem) => problem.diagnostic);
    const result: LintResult = { ...base, problems, diagnostics, resultId: resultIdOf(diagnostics), jsxRegions: job.outcome.jsxRegions, outcome: job.outcome };
    if (job.outcome.markupDisableEdits) result.markupDisableEdits = job.outcome.markupDisableEdits;
    return result;
  }

  #reportOnce(key: string, message: string, level: 'log' | 'error' = 'log'): void {
    if (this.#reportedFailures.has(key)) return;
    this.#reportedFailures.add(key);
    if (level === 'error') this.connection.console.error(message);
    else this.connection.console.log(message);
  }

  /** The path ESLint sees and the folder its instance is based on. Unsaved documents get a made-up path. */
  locate(uri: string, languageId: string): { filePath: string; cwd: string; isFile: boolean } {
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') {
      const filePath = parsed.fsPath;
      const folder = this.folders
        .filter((candidate) => filePath === candidate || filePath.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep))
        .sort((a, b) => b.length - a.length)[0];
      return { filePath, cwd: folder ?? path.dirname(filePath), isFile: true };
    }
    const cwd = this.folders[0] ?? os.tmpdir();
    const name = path.basename(parsed.path) || 'untitled';
    const extension = path.extname(name) ? '' : (LANGUAGE_EXTENSIONS[languageId] ?? '.js');
    return { filePath: path.join(cwd, `${name}${extension}`), cwd, isFile: false };
  }

  async dispose(): Promise<void> {
    for (const state of this.#states.values()) clearTimeout(state.timer);
    await this.worker.dispose();
  }
}
