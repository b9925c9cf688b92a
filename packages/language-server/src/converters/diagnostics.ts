// ESLint results → LSP diagnostics, with the fix and suggestions of each kept beside it (the fix store).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseCrossFileTrace } from 'eslint-plugin-wechat-oa';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintFailure, LintOutcome, WireMessage } from '../lint/messages.js';
import { DIAGNOSTIC_SOURCE, type Locale } from '../protocol.js';
import type { RuleDocs } from '../rule-docs.js';
import { EslintLines, problemRange } from './positions.js';

/** One reported problem: the diagnostic as published and the ESLint message it came from. */
export interface Problem {
  diagnostic: Diagnostic;
  message: WireMessage;
}

export function toProblems(document: TextDocument, outcome: LintOutcome, docs: RuleDocs, locale: Locale, cwd: string): Problem[] {
  const lines = new EslintLines(document.getText());
  return outcome.messages.map((message) => {
    const diagnostic: Diagnostic = {
      range: problemRange(document, lines, message),
      severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      message: message.message,
    };
    // A finding through another module names it at the end of its message: that module is the related location.
    const trace = parseCrossFileTrace(message.message);
    if (trace) {
      const position = { line: trace.line - 1, character: trace.column - 1 };
      diagnostic.relatedInformation = [
        { location: { uri: URI.file(path.resolve(cwd, trace.file)).toString(), range: { start: position, end: position } }, message: trace.name },
      ];
    }
    if (message.ruleId) {
      diagnostic.code = message.ruleId;
      const href = docs.href(message.ruleId, locale);
      if (href) diagnostic.codeDescription = { href };
    }
    return { diagnostic, message };
  });
}

/** The one diagnostic that stands for a lint that could not run (one diagnostic, plus a log message). */
export function failureDiagnostic(failure: LintFailure, cwd: string): Diagnostic {
  const firstLine = failure.message.split('\n')[0] ?? failure.message;
  let message: string;
  if (failure.kind === 'config') {
    const where = failure.configFile ? path.relative(cwd, failure.configFile) || path.basename(failure.configFile) : 'The configuration';
    // The plugin's mode module words config problems for people (the lines to add to a config follow the first).
    message = `wechat-oa: ${where} could not be used, so this file was not linted: ${failure.message}`;
  } else if (failure.kind === 'rule') {
    message = `wechat-oa: the rule ${failure.ruleId ?? ''} crashed on this file, so it was not linted: ${firstLine}`;
  } else {
    message = `wechat-oa: ${firstLine}`;
  }
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

/** A result id that changes exactly when the diagnostics change, so a pull after an edit can answer `unchanged`. */
export function resultIdOf(diagnostics: readonly Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64url').slice(0, 16);
}
