// When lints run and how their results reach the client: pulled (`textDocument/diagnostic`) when the client
// supports it, published with the document version otherwise.
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, Session } from '../session.js';

function superseded(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again for the new version.', { retriggerRequest: true });
}

export class DiagnosticsHandler {
  /** Pull requests waiting for a lint, by document: rejected as soon as a newer version arrives. */
  readonly #waiting = new Map<string, Set<{ version: number; cancel: () => void }>>();

  constructor(readonly session: Session) {}

  get pull(): boolean {
    return this.session.flags.pullDiagnostics;
  }

  async opened(document: TextDocument): Promise<void> {
    const state = this.session.state(document.uri);
    state.seenVersion = document.version;
    const settings = await this.session.settingsFor(document.uri);
    if (settings.enable && settings.run === 'onSave') this.#lintSaved(document);
    // Disabled: push mode publishes an empty list (clearing whatever a previous session left).
    if (!this.pull) await this.#lintAndPublish(document.uri);
  }

  async changed(document: TextDocument): Promise<void> {
    const state = this.session.state(document.uri);
    // TextDocuments reports an open as a content change too.
    if (state.seenVersion === document.version) return;
    state.seenVersion = document.version;
    for (const waiter of this.#waiting.get(document.uri) ?? []) if (waiter.version < document.version) waiter.cancel();
    if (this.pull) return;
    const settings = await this.session.settingsFor(document.uri);
    if (!settings.enable || settings.run !== 'onType') return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void this.#lintAndPublish(document.uri), settings.debounceMs);
  }

  async saved(document: TextDocument): Promise<void> {
    const settings = await this.session.settingsFor(document.uri);
    if (!settings.enable || settings.run !== 'onSave') return;
    this.#lintSaved(document);
    if (this.pull) {
      await this.session.state(document.uri).saved;
      // The client does not pull on save by itself everywhere: ask it to.
      if (this.session.flags.diagnosticRefresh) void this.session.connection.languages.diagnostics.refresh();
    } else {
      await this.#lintAndPublish(document.uri);
    }
  }

  closed(uri: string): void {
    for (const waiter of this.#waiting.get(uri) ?? []) waiter.cancel();
    this.#waiting.delete(uri);
    this.session.forget(uri);
    if (!this.pull) void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Configuration, trust or config files changed: every open document is linted again. */
  /**
   * Lints again the open files among `uris` (those that import a changed module): pushed to a push client; a pull
   * client is asked to pull again, and gets the kept results of the other files.
   */
  async refresh(uris: readonly string[]): Promise<void> {
    if (uris.length === 0) return;
    if (this.pull) {
      for (const uri of uris) {
        const document = this.session.documents.get(uri);
        const settings = document ? await this.session.settingsFor(uri) : undefined;
        if (document && settings?.enable && settings.run === 'onSave') this.#lintSaved(document);
      }
      if (this.session.flags.diagnosticRefresh) await this.session.connection.languages.diagnostics.refresh();
      return;
    }
    await Promise.all(uris.map((uri) => this.#lintAndPublish(uri)));
  }

  async refreshAll(): Promise<void> {
    if (this.pull) {
      // With onSave the saved result is what a pull returns: renew it before the client pulls again.
      for (const uri of this.session.openUris()) {
        const document = this.session.documents.get(uri);
        const settings = document ? await this.session.settingsFor(uri) : undefined;
        if (document && settings?.enable && settings.run === 'onSave') this.#lintSaved(document);
      }
      if (this.session.flags.diagnosticRefresh) await this.session.connection.languages.diagnostics.refresh();
      return;
    }
    await Promise.all(this.session.openUris().map((uri) => this.#lintAndPublish(uri)));
  }

  #lintSaved(document: TextDocument): void {
    const state = this.session.state(document.uri);
    state.saved = this.session.resultFor(this.session.snapshot(document));
  }

  /** Push mode: lint the current version and publish, unless the document changed meanwhile. */
  async #lintAndPublish(uri: string): Promise<void> {
    const document = this.session.documents.get(uri);
    if (!document) return;
    const settings = await this.session.settingsFor(uri);
    if (!settings.enable) {
      await this.session.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const snapshot = this.session.snapshot(document);
    const result =
      settings.run === 'onSave' ? await this.session.state(uri).saved : await this.session.resultFor(snapshot, () => this.#isCurrent(uri, snapshot.version));
    if (!result) return;
    // Never publish for a stale version: a newer lint is already scheduled.
    if (settings.run === 'onType' && !this.#isCurrent(uri, result.version)) return;
    if (!this.session.documents.get(uri)) return;
    await this.session.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
  }

  #isCurrent(uri: string, version: number): boolean {
    return this.session.documents.get(uri)?.version === version;
  }

  /** `textDocument/diagnostic`: the result for the current version (or, with onSave, the last saved one). */
  async diagnose(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const document = this.session.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // The request is about the version the client has now: taken before anything is awaited.
    const snapshot = this.session.snapshot(document);
    const settings = await this.#waitFor(uri, snapshot.version, this.session.settingsFor(uri));
    if (!settings.enable) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let result: LintResult | undefined;
    if (settings.run === 'onSave') {
      const state = this.session.state(uri);
      if (!state.saved) this.#lintSaved(document);
      result = await state.saved;
    } else {
      const version = snapshot.version;
      if (!this.#isCurrent(uri, version)) throw superseded();
      result = await this.#waitFor(uri, version, this.session.resultFor(snapshot, () => this.#isCurrent(uri, version)));
      if (!this.#isCurrent(uri, version)) throw superseded();
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
    if (!result) throw superseded();
    if (params.previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
  }

  /** Resolves with the lint, or rejects with ServerCancelled as soon as a newer version of the document arrives. */
  #waitFor<T>(uri: string, version: number, lint: Promise<T>): Promise<T> {
    let waiters = this.#waiting.get(uri);
    if (!waiters) {
      waiters = new Set();
      this.#waiting.set(uri, waiters);
    }
    const set = waiters;
    return new Promise<T>((resolve, reject) => {
      const waiter = { version, cancel: () => reject(superseded()) };
      set.add(waiter);
      lint.then(resolve, reject).finally(() => set.delete(waiter));
    });
  }
}
