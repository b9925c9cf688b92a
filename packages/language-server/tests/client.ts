// A real LSP client for the tests: spawns the built server over stdio and talks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticRefreshRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

const here = path.dirname(fileURLToPath(import.meta.url));
export const packageRoot = path.dirname(here);
export const repoRoot = path.resolve(packageRoot, '..', '..');
export const fixturesRoot = path.join(here, 'fixtures');
/** The built server; WECHAT_OA_SERVER_BIN runs the same tests against another build (e.g. the extension's bundle). */
export const serverBin = process.env.WECHAT_OA_SERVER_BIN ?? path.join(packageRoot, 'bin', 'wechat-oa-language-server.js');

export interface StartOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic). */
  pull?: boolean;
  /** Sent as initializationOptions; omitted entirely when undefined (a client that says nothing). */
  initializationOptions?: Record<string, unknown>;
  /** Answer to workspace/configuration for `wechatOa`. */
  settings?: Record<string, unknown>;
  workspaceFolder?: string;
  locale?: string;
  showDocument?: boolean;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export function languageIdOf(file: string): string {
  const extension = path.extname(file);
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') return 'typescript';
  if (extension === '.tsx') return 'typescriptreact';
  if (extension === '.jsx') return 'javascriptreact';
  if (extension === '.vue') return 'vue';
  if (extension === '.html') return 'html';
  return 'javascript';
}

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  readonly shownDocuments: string[] = [];
  readonly registrations: string[] = [];
  refreshes = 0;
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options);
    child.stderr.on('data', (chunk: Buffer) => client.logs.push(`[stderr] ${chunk.toString()}`));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = client.published.get(params.uri) ?? [];
      list.push(params);
      client.published.set(params.uri, list);
      client.#notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params.message);
      client.#notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params.message);
      client.#notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => client.settings));
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      client.shownDocuments.push(params.uri);
      return { success: true };
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes++;
      client.#notify();
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: options.showDocument === false ? {} : { showDocument: { support: true } },
    };
    const folder = options.workspaceFolder;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? uriOf(folder) : null,
      workspaceFolders: folder ? [{ uri: uriOf(folder), name: path.basename(folder) }] : null,
      capabilities,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Resolves when `check` returns a value (checked after every notification), or fails after `ms`. */
  waitFor<T>(check: () => T | undefined, what: string, ms = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        this.#listeners.delete(attempt);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(attempt);
        reject(new Error(`Timed out waiting for ${what}. Server log:\n${this.logs.join('\n')}`));
      }, ms);
      if (!attempt()) this.#listeners.add(attempt);
    });
  }

  /** The published diagnostics for `uri` at `version` (the first publication for that version). */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => this.published.get(uri)?.find((params) => params.version === version)?.diagnostics,
      `diagnostics of ${uri} version ${version}`,
    );
  }

  async open(file: string, text = readFileSync(file, 'utf8'), version = 1): Promise<string> {
    const uri = uriOf(file);
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: languageIdOf(file), version, text },
    });
    return uri;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.#versions.get(uri) ?? 0) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  executeCommand(command: string, args: unknown[] = []): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may be gone already.
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 5000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Applies LSP text edits to a text (edits of one document; they do not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = lineOffsets(text);
  const at = (position: { line: number; character: number }) => (offsets[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, at(edit.range.start)) + edit.newText + result.slice(at(edit.range.end));
  return result;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/gu)) offsets.push(match.index + match[0].length);
  return offsets;
}

/** Diagnostics with absolute paths replaced, for snapshots that hold on every machine. */
export function portable<T>(value: T): T {
  const rootUri = uriOf(repoRoot);
  return JSON.parse(JSON.stringify(value).replaceAll(rootUri, '<repo>').replaceAll(repoRoot, '<repo>')) as T;
}
