/**
 * Why the rules see a file the way they do, for `wechat-oa-lint --explain FILE`: what the prefilter found (trigger
 * words, or why none, or the vendored copy it recognised), what the HTML processor made of a page (saved copy,
 * template scripts), and — through a rule that reads the shared model where the gate lets it — the facts the model
 * holds (file kind, requests, navigations, SDK clients).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from './analysis/index.js';
import { findTriggers, prefilterText, type PrefilterResult } from './util/prefilter.js';
import { TRIGGER_GROUPS } from './knowledge/prefilter.js';
import { describeHtmlPage, htmlBlocks, type TemplateScripts } from './processors/html.js';
import { createRule } from './util/createRule.js';
import type { SavedPageEvidence } from './util/page-facts.js';
import { savedCopySkip } from './util/skip-gate.js';

export interface TriggerLine {
  word: string;
  groups: readonly string[];
  line: number;
}

export interface PrefilterExplanation {
  /** The file, or for a page each of its blocks (`markup.js`, `script.js`…). */
  part: string;
  verdict: PrefilterResult['verdict'];
  vendored?: PrefilterResult['vendored'];
  triggers: TriggerLine[];
}

export interface FileExplanation {
  prefilter: PrefilterExplanation[];
  /** For a page: the evidence it is a saved copy, when the project's own hosts make it one. */
  savedCopy?: SavedPageEvidence;
  templates?: TemplateScripts;
  /** The trigger groups, for a legend. */
  groups: readonly { id: string; description: string }[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function explainPart(part: string, text: string, lineOffset: (offset: number) => number, lintVendored: boolean): PrefilterExplanation {
  const result = prefilterText(text, { lintVendored });
  const triggers = result.verdict === 'vendored' ? [] : findTriggers(text, true).map((match) => ({ word: match.word, groups: match.groups, line: lineOffset(match.offset) }));
  return { part, verdict: result.verdict, ...(result.vendored ? { vendored: result.vendored } : {}), triggers };
}

/** The prefilter's and the processor's view of a file, under the project's settings. */
export function explainText(
  text: string,
  filename: string,
  settings: { ownHosts?: readonly string[]; lintVendored?: boolean; lintSavedPages?: boolean; prefilter?: boolean } = {},
): FileExplanation {
  const groups = TRIGGER_GROUPS.map(({ id, description }) => ({ id, description }));
  const lintVendored = settings.lintVendored === true;
  if (!/\.html?$/iu.test(filename)) return { prefilter: [explainPart(filename, text, (offset) => lineAt(text, offset), lintVendored)], groups };
  const { blocks } = htmlBlocks(text);
  const { evidence, templates } = describeHtmlPage(text);
  const prefilter = blocks.map((block) =>
    explainPart(block.filename, block.text, (offset) => lineAt(text, block.map.originalStart(offset)), lintVendored),
  );
  const savedCopy = savedCopySkip(evidence, settings);
  return { prefilter, ...(savedCopy ? { savedCopy } : {}), templates, groups };
}

/** The facts the shared model holds for one file (or block). */
export interface FileFacts {
  filename: string;
  fileKind: string;
  requests: { line: number; client: string; method: string | undefined }[];
  navigation: { line: number; kind: string }[];
  sdkClients: { line: number; sdk: string }[];
}

/**
 * A rule that reports nothing and hands the model's facts of every file it runs on to `sink`. Made by the plugin's
 * createRule, so it passes the same prefilter gate as the rules: it sees a file only where they would.
 */
export function createFactsCollector(sink: (facts: FileFacts) => void) {
  return createRule({
    name: 'facts',
    meta: {
      type: 'suggestion',
      docs: {
        description: 'Collects the shared model’s facts of a file (used by `wechat-oa-lint --explain`; reports nothing).',
        descriptionZh: '收集文件的共享模型事实（供 `wechat-oa-lint --explain` 使用；不报告问题）。',
        clause: 'S10',
        recommended: false,
      },
      messages: { never: '[S10] The facts collector reports nothing.' },
      schema: [],
    },
    messagesZh: { never: '[S10] 事实收集器不报告问题。' },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          const analysis = getFileAnalysis(context);
          const line = (node: TSESTree.Node) => node.loc.start.line;
          sink({
            filename: context.filename,
            fileKind: analysis.fileKind,
            requests: analysis.requests.map((request) => ({ line: line(request.node), client: request.client, method: request.method })),
            navigation: analysis.navigation.map((sink) => ({ line: line(sink.node), kind: sink.kind })),
            sdkClients: analysis.sdk.clients.map((client) => ({ line: line(client.node), sdk: client.sdk })),
          });
        },
      };
    },
  });
}
