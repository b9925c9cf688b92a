import { pathToFileURL } from 'node:url';
import type { Linter } from 'eslint';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { CLAUSES, type ClauseId, parseCrossFileTrace } from 'eslint-plugin-wechat-oa';
import { CLI_INFORMATION_URI, CLI_NAME, CLI_VERSION } from '../package-info.js';
import { clauseOf, displayPath, docsOf, type Formatter, type Report } from './report.js';

/** Rule id under which files that do not parse are reported: code scanning needs a rule for every result. */
export const PARSE_ERROR_RULE = 'wechat-oa-lint/parse-error';

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for code-scanning services: the tool is wechat-oa-lint (not ESLint), every rule carries its help
 * URI and clause, parse errors are results (ESLint's SARIF formatter files them as tool notifications, which
 * code scanning does not show), and suppressed problems are kept with their suppression so that they stay hidden.
 */
export const formatSarif: Formatter = (report) => {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (ruleId: string, message: Linter.LintMessage): number => {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      index = rules.push(describeRule(ruleId, message, report)) - 1;
      ruleIndex.set(ruleId, index);
    }
    return index;
  };

  const results: Result[] = [];
  for (const lintResult of report.results) {
    const uri = displayPath(lintResult.filePath, report.cwd);
    const messages = [
      ...lintResult.messages.map((message) => ({ message, suppressed: false })),
      ...lintResult.suppressedMessages.map((message) => ({ message, suppressed: true })),
    ];
    for (const { message, suppressed } of messages) {
      const ruleId = message.ruleId ?? PARSE_ERROR_RULE;
      const result: Result = {
        ruleId,
        ruleIndex: indexOf(ruleId, message),
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: SRCROOT },
              region: region(message),
            },
          },
        ],
      };
      // A cross-file finding names the module it reaches through; that module's function is the related location.
      const trace = parseCrossFileTrace(message.message);
      if (trace) {
        result.relatedLocations = [
          {
            id: 0,
            message: { text: trace.name },
            physicalLocation: {
              artifactLocation: { uri: trace.file, uriBaseId: SRCROOT },
              region: { startLine: trace.line, startColumn: trace.column },
            },
          },
        ];
      }
      if (suppressed) {
        const kinds = (message as Linter.SuppressedLintMessage).suppressions ?? [];
        result.suppressions = kinds.map((suppression) => ({
          // `directive`: an eslint-disable comment in the file; `file`: wechat-oa-suppressions.json.
          kind: suppression.kind === 'directive' ? 'inSource' : 'external',
          ...(suppression.justification ? { justification: suppression.justification } : {}),
        }));
      }
      results.push(result);
    }
  }

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: CLI_NAME,
            version: CLI_VERSION,
            semanticVersion: CLI_VERSION,
            informationUri: CLI_INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(report.cwd).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function describeRule(ruleId: string, message: Linter.LintMessage, report: Report): ReportingDescriptor {
  if (ruleId === PARSE_ERROR_RULE) {
    return {
      id: ruleId,
      shortDescription: { text: 'The file does not parse, so no rule could check it.' },
      defaultConfiguration: { level: 'error' },
    };
  }
  const docs = docsOf(ruleId, report);
  const clause = clauseOf(message, report);
  const descriptor: ReportingDescriptor = { id: ruleId };
  const description = report.locale === 'zh-CN' ? (docs?.descriptionZh ?? docs?.description) : docs?.description;
  if (description) descriptor.shortDescription = { text: description };
  if (clause) descriptor.fullDescription = { text: `${clause}: ${CLAUSES[clause as ClauseId].text[report.locale]}` };
  if (docs?.url) descriptor.helpUri = docs.url;
  if (clause) descriptor.properties = { clause, tags: ['wechat-oa', clause] };
  return descriptor;
}

/** SARIF regions are 1-based and need a start line; ESLint omits end positions for some messages. */
function region(message: Linter.LintMessage) {
  const startLine = Math.max(1, message.line ?? 1);
  const startColumn = Math.max(1, message.column ?? 1);
  const result: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } = { startLine, startColumn };
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    result.endLine = message.endLine;
    result.endColumn = message.endColumn;
  }
  return result;
}
