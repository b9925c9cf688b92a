// Code actions for wechat-oa diagnostics, served from the fix store of the last lint of the current version.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../converters/diagnostics.js';
import { EslintLines, rangeOfOffsets, sameRange } from '../converters/positions.js';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, OPEN_RULE_DOC_COMMAND } from '../protocol.js';
import type { LintResult, Session } from '../session.js';
import { disableFileEdits, disableLineEdits } from './disable-comments.js';

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind !== FIX_ALL_KIND;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function edit(uri: string, edits: TextEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits } };
}

/** The stored problem a diagnostic from the client stands for (same range, rule and message). */
function findProblem(result: LintResult, diagnostic: Diagnostic): Problem | undefined {
  const same = result.problems.filter(
    (problem) => problem.diagnostic.code === diagnostic.code && problem.diagnostic.message === diagnostic.message,
  );
  // Some clients send back ranges they converted themselves (Neovim 0.7 in bytes): then the line decides.
  return (
    same.find((problem) => sameRange(problem.diagnostic.range, diagnostic.range)) ??
    same.find((problem) => problem.diagnostic.range.start.line === diagnostic.range.start.line)
  );
}

export async function codeActions(session: Session, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const document = session.documents.get(uri);
  if (!document) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const result = session.currentResult(uri);
  if (result && wants(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(result, document, params.context.diagnostics));
  if (wants(only, FIX_ALL_KIND)) {
    const fixAll = await fixAllAction(session, document);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(result: LintResult, document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const uri = document.uri;
  const lines = new EslintLines(result.document.getText());
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const problem = findProblem(result, diagnostic);
    if (!problem) continue;
    const ruleId = diagnostic.code;
    const { message } = problem;
    if (message.fix) {
      fixes.push({
        title: `Fix this ${ruleId} problem`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [problem.diagnostic],
        isPreferred: true,
        edit: edit(uri, [{ range: rangeOfOffsets(result.document, lines, message.fix.range), newText: message.fix.text }]),
      });
    }
    for (const suggestion of message.suggestions ?? []) {
      fixes.push({
        title: suggestion.desc,
        kind: CodeActionKind.QuickFix,
        diagnostics: [problem.diagnostic],
        edit: edit(uri, [{ range: rangeOfOffsets(result.document, lines, suggestion.fix.range), newText: suggestion.fix.text }]),
      });
    }
    const line = problem.diagnostic.range.start.line;
    if (once(`line ${ruleId} ${line}`)) {
      disables.push({
        title: `Disable ${ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [problem.diagnostic],
        edit: edit(uri, disableLineEdits(result.document, result.filePath, line, ruleId, result.jsxRegions, result.markupDisableEdits?.[result.problems.indexOf(problem)])),
      });
    }
    if (once(`file ${ruleId}`)) {
      disables.push({
        title: `Disable ${ruleId} for the entire file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [problem.diagnostic],
        edit: edit(uri, disableFileEdits(result.document, result.filePath, ruleId)),
      });
      disables.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [problem.diagnostic],
        command: { title: `Show documentation for ${ruleId}`, command: OPEN_RULE_DOC_COMMAND, arguments: [ruleId] },
      });
    }
  }
  // Fixes first: editors show the list in order and pick the preferred one for "auto fix".
  return [...fixes, ...disables];
}

/** `source.fixAll.wechat-oa`: lints the current text again with fixing (all of ESLint's passes) and returns one edit. */
export async function fixAllAction(session: Session, document: TextDocument): Promise<CodeAction | undefined> {
  const settings = await session.settingsFor(document.uri);
  if (!settings.enable) return undefined;
  const snapshot = session.snapshot(document);
  const result = await session.lint(snapshot, true);
  const output = result.outcome?.output;
  if (output === undefined || output === snapshot.text || session.documents.get(document.uri)?.version !== snapshot.version) return undefined;
  return {
    title: 'Fix all auto-fixable wechat-oa problems',
    kind: FIX_ALL_KIND,
    edit: edit(document.uri, [minimalEdit(result.document, output)]),
  };
}

/** One edit covering only the changed middle of the text, so the editor keeps cursor and folding elsewhere. */
export function minimalEdit(document: TextDocument, output: string): TextEdit {
  const text = document.getText();
  let start = 0;
  while (start < text.length && start < output.length && text.charCodeAt(start) === output.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < text.length - start &&
    end < output.length - start &&
    text.charCodeAt(text.length - 1 - end) === output.charCodeAt(output.length - 1 - end)
  ) {
    end++;
  }
  // Never split a surrogate pair or a CRLF.
  const splits = (index: number) => (text.charCodeAt(index) & 0xfc00) === 0xdc00 || (text[index] === '\n' && text[index - 1] === '\r');
  while (start > 0 && splits(start)) start--;
  while (end > 0 && splits(text.length - end)) end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(text.length - end) },
    newText: output.slice(start, output.length - end),
  };
}
