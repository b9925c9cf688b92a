// The VS Code client: starts the bundled language server (dist/server.mjs, which spawns dist/worker.mjs next to
// it), passes workspace trust, registers the commands and the status-bar item. Everything with logic of its own
// lives in pure modules (settings, restart-policy, status) that are unit-tested without VS Code.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy.js';
import { initializationOptions, SETTINGS_SECTION, toServerSettings } from './settings.js';
import { countProblems, statusContent, type ServerState } from './status.js';
import { DID_GRANT_TRUST, FIX_ALL_KIND, INVENTORY_COMMAND, WATCHED_CONFIG_GLOBS, type DidGrantTrustParams } from './protocol.js';

const CLIENT_ID = 'wechatOa';
const CLIENT_NAME = 'WeChat OA Lint';

/** Languages VS Code knows; `.vue` has no built-in language, so it is matched by pattern. */
const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'html'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const status = vscode.window.createStatusBarItem('wechatOa.status', vscode.StatusBarAlignment.Right, 100);
  status.name = CLIENT_NAME;
  status.command = 'wechatOa.showOutput';
  context.subscriptions.push(output, status);

  let state: ServerState = 'starting';
  const refreshStatus = () => {
    const content = statusContent(state, countProblems(vscode.languages.getDiagnostics()), vscode.l10n.t);
    status.text = content.text;
    status.tooltip = content.tooltip;
    status.backgroundColor = content.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    status.show();
  };
  refreshStatus();
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(refreshStatus));

  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    // Debug: the server and its worker can be attached to from .vscode/launch.json.
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--inspect=6011'] } },
  };

  const restarts = new RestartPolicy();
  // Config files decide project mode; the server drops its caches when one changes.
  const watchers = WATCHED_CONFIG_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: '**/*.vue' },
    ],
    outputChannel: output,
    // A function, so a restart after trust was granted starts trusted.
    initializationOptions: () =>
      initializationOptions(
        vscode.workspace.isTrusted,
        vscode.workspace.getConfiguration(SETTINGS_SECTION).get('locale'),
        vscode.env.language,
      ),
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: watchers,
    },
    middleware: {
      workspace: {
        // The server asks for `wechatOa` per resource: answer with the normalised settings it expects.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, index) => {
            if (item.section !== SETTINGS_SECTION) return answers[index];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return toServerSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION, scope), vscode.env.language);
          });
        },
      },
    },
    errorHandler: {
      error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        if (restarts.shouldRestart(Date.now())) {
          output.warn(`The language server stopped unexpectedly; restarting (${restarts.recentCrashes} of ${restarts.limit}).`);
          return { action: CloseAction.Restart, handled: true };
        }
        state = 'failed';
        refreshStatus();
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t(
            'The WeChat OA language server stopped {0} times in a few minutes and will not be restarted. Use "WeChat OA: Restart the language server" after fixing the cause (see the output).',
            restarts.recentCrashes,
          ),
        };
      },
    },
  };

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  const languageClient = client;
  context.subscriptions.push(
    languageClient.onDidChangeState(({ newState }) => {
      state = newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : state === 'failed' ? 'failed' : 'stopped';
      refreshStatus();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (languageClient.isRunning()) void languageClient.sendNotification(DID_GRANT_TRUST, { trusted: true } satisfies DidGrantTrustParams);
    }),
    vscode.commands.registerCommand('wechatOa.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('wechatOa.restartServer', async () => {
      restarts.reset();
      state = 'starting';
      refreshStatus();
      try {
        if (languageClient.isRunning()) await languageClient.restart();
        else await languageClient.start();
      } catch (error) {
        reportStartFailure(error);
      }
    }),
    vscode.commands.registerCommand('wechatOa.fixAll', () => fixAll()),
    vscode.commands.registerCommand('wechatOa.showInventory', () => showInventory(languageClient, output)),
  );

  const reportStartFailure = (error: unknown) => {
    state = 'failed';
    refreshStatus();
    output.error(`The language server could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  };
  try {
    await languageClient.start();
  } catch (error) {
    reportStartFailure(error);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Applies the server's `source.fixAll.wechat-oa` action to the active editor. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ?? [];
  const ours = actions.filter((action) => action.kind?.value === FIX_ALL_KIND);
  for (const action of ours) {
    if (action.edit) await vscode.workspace.applyEdit(action.edit);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  if (ours.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('WeChat OA Lint: nothing to fix automatically.'));
}

/** Asks the server for the data inventory of the workspace and shows its Markdown in a preview. */
async function showInventory(languageClient: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  // The folder of the active file; else (no editor, or a file outside the workspace such as a rule doc) the first.
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('WeChat OA Lint: open a folder to build its data inventory.'));
    return;
  }
  try {
    const result: unknown = await languageClient.sendRequest(ExecuteCommandRequest.type, {
      command: INVENTORY_COMMAND,
      arguments: [folder.uri.toString()],
    });
    const markdown = typeof result === 'string' ? result : (result as { markdown?: unknown } | null)?.markdown;
    if (typeof markdown !== 'string') throw new Error(vscode.l10n.t('the server returned no Markdown'));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`Data inventory failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('WeChat OA Lint: the data inventory failed: {0}', message));
  }
}
