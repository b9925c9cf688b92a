// `workspace/executeCommand`: open a rule's documentation; the data inventory (not available yet).
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type ExecuteCommandParams } from 'vscode-languageserver/node';
import { INVENTORY_COMMAND, OPEN_RULE_DOC_COMMAND } from '../protocol.js';
import type { Session } from '../session.js';

export async function executeCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  if (params.command === OPEN_RULE_DOC_COMMAND) return openRuleDoc(session, params.arguments?.[0]);
  if (params.command === INVENTORY_COMMAND) {
    // Answer honestly rather than with an empty inventory that would read as "no user data found".
    throw new ResponseError(
      ErrorCodes.InternalError,
      'The data inventory (wechat-oa.inventory) is not implemented in this version of the language server yet.',
    );
  }
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
