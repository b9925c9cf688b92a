// wechat-oa-language-server: protocol wiring. State lives in session.ts, behaviour in handlers/, conversions in
// converters/; linting happens in the worker thread (worker.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { codeActions } from './handlers/code-actions.js';
import { executeCommand } from './handlers/commands.js';
import { DiagnosticsHandler } from './handlers/diagnostics.js';
import { hover } from './handlers/hover.js';
import { SafeMessageReader } from './message-reader.js';
import { COMMANDS, DID_GRANT_TRUST, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, WATCHED_CONFIG_GLOBS, WATCHED_MODULE_GLOB, type DidGrantTrustParams } from './protocol.js';
import { Session } from './session.js';

// src/ and dist/ both sit one level below the package root; a bundle inlines the JSON at build time.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };
const WATCH_DEBOUNCE_MS = 100;
/** After an edit, importers of the edited module are linted again once typing pauses this long. */
const EDIT_DEPENDANTS_DEBOUNCE_MS = 500;

/** The watched files that configure ESLint or the plugin (a change needs a fresh worker). */
function isConfigUri(uri: string): boolean {
  const name = path.basename(URI.parse(uri).path);
  return /^eslint\.config\.[cm]?[jt]s$/u.test(name) || name === '.wechat-oa.json' || name === 'package.json';
}

export function startServer(): void {
  const self = fileURLToPath(import.meta.url);
  const moduleDir = path.dirname(self);
  // The worker is the sibling module with the same extension: dist/worker.js, or worker.mjs beside a bundled server.mjs.
  const workerFile = path.join(moduleDir, `worker${path.extname(self)}`);

  const writer = new StreamMessageWriter(process.stdout);
  const reader = new SafeMessageReader(process.stdin, (error) => {
    const response: ResponseMessage = { jsonrpc: '2.0', id: null, error };
    void writer.write(response);
  });
  const connection = createConnection(reader, writer);
  // stdout is the protocol stream: anything printed must go to the client's log instead.
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = toLog;
  console.info = toLog;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));

  // A failed request to the client must never take the server down.
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

  const documents = new TextDocuments(TextDocument);
  const session = new Session(connection, documents, { moduleDir, workerFile });
  const diagnostics = new DiagnosticsHandler(session);
  let shutdown = false;

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [...COMMANDS] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: session.flags.workspaceFolders } },
      },
      serverInfo: { name: pkg.name, version: pkg.version },
    };
    if (session.flags.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: true, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (session.flags.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...WATCHED_CONFIG_GLOBS, WATCHED_MODULE_GLOB].map((globPattern) => ({ globPattern })),
      });
    }
    if (session.flags.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'wechatOa' });
    }
    if (session.flags.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        const kept = session.folders.map((folder) => URI.file(folder).toString()).filter((uri) => !removed.has(uri));
        session.setFolders([...kept, ...event.added.map((folder) => folder.uri)]);
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    session.settingsChanged(params.settings);
    void diagnostics.refreshAll();
  });

  connection.onNotification(DID_GRANT_TRUST, (params: DidGrantTrustParams | undefined) => {
    if (params && params.trusted === false) return;
    if (session.trusted) return;
    session.trusted = true;
    session.log('The workspace is trusted now: its ESLint config may be used (project mode).');
    session.generation++;
    void diagnostics.refreshAll();
  });

  // A save often touches several watched files, and a client may watch them twice (its own watcher and ours):
  // one restart for a burst of config events. A changed source module only drops its summary (and those built
  // from it) in the worker, which keeps every other summary, and the open files that import it are linted again.
  let changedFiles: string[] = [];
  let watchTimer: NodeJS.Timeout | undefined;
  connection.onDidChangeWatchedFiles((params) => {
    changedFiles.push(...params.changes.map((change) => change.uri));
    clearTimeout(watchTimer);
    watchTimer = setTimeout(() => {
      const uris = [...new Set(changedFiles)];
      changedFiles = [];
      const configs = uris.filter((uri) => isConfigUri(uri));
      const modules = uris.filter((uri) => !isConfigUri(uri) && URI.parse(uri).scheme === 'file' && !uri.includes('/node_modules/'));
      if (configs.length === 0) {
        const dependants = session.modulesChanged(modules.map((uri) => ({ file: URI.parse(uri).fsPath })));
        void diagnostics.refresh(dependants);
        return;
      }
      session.log(`Configuration files changed: ${configs.join(', ')}`);
      session.generation++;
      // Loaded config modules stay in the worker's ESM cache: only a new worker sees the new config.
      void session.worker.respawn('configuration files changed').then(() => diagnostics.refreshAll());
    }, WATCH_DEBOUNCE_MS);
  });

  // An edit of an open module changes what its importers see: after the edit's own debounce, the open files that
  // import it are linted again against the unsaved text.
  let editTimer: NodeJS.Timeout | undefined;
  let edited = new Map<string, string>();
  documents.onDidChangeContent((event) => {
    const parsed = URI.parse(event.document.uri);
    // Only another open file can depend on this one.
    if (parsed.scheme !== 'file' || session.openUris().length < 2) return;
    edited.set(parsed.fsPath, event.document.getText());
    clearTimeout(editTimer);
    editTimer = setTimeout(() => {
      const changes = [...edited].map(([file, text]) => ({ file, text }));
      edited = new Map();
      void diagnostics.refresh(session.modulesChanged(changes));
    }, EDIT_DEPENDANTS_DEBOUNCE_MS);
  });

  documents.onDidOpen((event) => void diagnostics.opened(event.document));
  documents.onDidChangeContent((event) => void diagnostics.changed(event.document));
  documents.onDidSave((event) => void diagnostics.saved(event.document));
  documents.onDidClose((event) => diagnostics.closed(event.document.uri));

  connection.languages.diagnostics.on((params, token) => diagnostics.diagnose(params, token));
  connection.onCodeAction((params) => codeActions(session, params));
  connection.onHover((params) => hover(session, params));
  connection.onExecuteCommand((params) => executeCommand(session, params));

  connection.onShutdown(async () => {
    shutdown = true;
    await session.dispose();
  });
  connection.onExit(() => process.exit(shutdown ? 0 : 1));
  // The client went away without `exit`.
  process.stdin.on('end', () => {
    void session.dispose().finally(() => process.exit(shutdown ? 0 : 1));
  });

  documents.listen(connection);
  connection.listen();
}

startServer();
