// `workspace/executeCommand`: open a rule's documentation; the data inventory of a workspace folder.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type ExecuteCommandParams } from 'vscode-languageserver/node';
import type { InventoryReply, InventoryWorkerData } from '../lint/inventory.js';
import { INVENTORY_COMMAND, OPEN_RULE_DOC_COMMAND } from '../protocol.js';
import type { Session } from '../session.js';

export async function executeCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  if (params.command === OPEN_RULE_DOC_COMMAND) return openRuleDoc(session, params.arguments?.[0]);
  if (params.command === INVENTORY_COMMAND) return inventory(session, params.arguments?.[0]);
  throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
}

async function openRuleDoc(session: Session, ruleId: unknown): Promise<null> {
  if (typeof ruleId !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${OPEN_RULE_DOC_COMMAND} needs a rule id argument`);
  // The locale of the documents the user looks at: the first open one's settings, else the client's.
  const first = session.openUris()[0];
  const locale = first ? (await session.settingsFor(first)).locale : session.clientLocale;
  const href = session.docs.href(ruleId, locale);
  if (!href) throw new ResponseError(ErrorCodes.InvalidParams, `No documentation for ${ruleId}: not a wechat-oa rule`);
  if (session.flags.showDocument) {
    const shown = await session.connection.window.showDocument({ uri: href, external: !href.startsWith('file:'), takeFocus: true });
    if (shown.success) return null;
  }
  // Clients without window/showDocument (or that could not open it) get the link to follow themselves.
  // A notification (window/showMessage), not showMessageRequest: nothing to wait for.
  await session.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Documentation for ${ruleId}: ${href}` });
  return null;
}

/** How long an inventory may take before its thread is ended: it reads every file of the folder once. */
const INVENTORY_BUDGET_MS = 300_000;

/**
 * The data inventory of a workspace folder (the argument, a folder URI; default the first folder) as
 * `{ markdown, inventory }`. Built in a thread of its own, started from the worker entry, ended when done.
 */
async function inventory(session: Session, folderArgument: unknown): Promise<{ markdown: string; inventory: unknown }> {
  const folder =
    typeof folderArgument === 'string' && folderArgument.startsWith('file:') ? URI.parse(folderArgument).fsPath : session.folders[0];
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `${INVENTORY_COMMAND} needs a workspace folder: open a folder first`);
  if (!existsSync(folder)) throw new ResponseError(ErrorCodes.InvalidParams, `The data inventory of ${folder} failed: no such folder`);
  const data: InventoryWorkerData = { mode: 'inventory', root: folder };
  const worker = new Worker(session.options.workerFile, { workerData: data, stdout: true, stderr: true });
  // The thread's output would otherwise land on the server's stdout, which is the protocol stream.
  worker.stdout.resume();
  worker.stderr.resume();
  try {
    const reply = await new Promise<InventoryReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`it took longer than ${INVENTORY_BUDGET_MS / 1000} s`)), INVENTORY_BUDGET_MS);
      worker.once('message', (message: InventoryReply) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`its thread exited with code ${code}`));
      });
    });
    if (reply.type === 'inventory-failed') throw new Error(reply.message);
    return { markdown: reply.markdown, inventory: reply.inventory };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    session.connection.console.error(`Data inventory of ${folder} failed: ${message}`);
    throw new ResponseError(ErrorCodes.InternalError, `The data inventory of ${folder} failed: ${message}`);
  } finally {
    await worker.terminate();
  }
}
