import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { calleeName, isGated, type Label } from '../analysis/dataflow/index.js';
import { endpointOfUrl } from '../analysis/api-calls.js';
import { defineAnalysisVisitor, getFileAnalysis } from '../analysis/index.js';
import { ENDPOINTS, type EndpointKind, MINI_PROGRAM_ENDPOINT_NAMES } from '../knowledge/endpoints.js';
import { matchesAnyWordPattern } from '../util/name-words.js';
import { createRule } from '../util/createRule.js';
import { resolveSettings, settingOptionProperties } from '../util/settings.js';

type MessageIds = 'unchecked';
type Options = [{ checkFunctions?: string[]; replaceDefaults?: boolean }];

/** Endpoint kinds that publish what they are given (custom, mass, draft, freepublish, comment reply). */
const PUBLISHING_KINDS: ReadonlySet<EndpointKind> = new Set(['custom-message', 'mass', 'draft', 'publish']);
const PUBLISHING_ENDPOINTS: ReadonlySet<string> = new Set(['cgi-bin/comment/reply/add']);

interface Candidate {
  call: TSESTree.CallExpression;
  label: Label;
  api: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-content-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a moderation check before user-supplied content is published through Official Account APIs',
      descriptionZh: '要求用户提交的内容在通过公众号接口发布前先经过内容审核',
      clause: 'S8',
      recommended: 'warn',
    },
    schema: [
      {
        type: 'object',
        properties: settingOptionProperties(['checkFunctions']) as Record<string, JSONSchema4>,
        additionalProperties: false,
      },
    ],
    messages: {
      unchecked:
        '[S8] User-supplied content ({{source}}) is published through {{api}} without passing a moderation check first. Check it with your content-security service and publish only on the path where the check passed.',
    },
  },
  messagesZh: {
    unchecked:
      '[S8] 用户提交的内容（{{source}}）未经内容审核就通过 {{api}} 发布。请先用内容安全服务审核，只在审核通过的分支中发布。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const settings = resolveSettings(context, options);
    const sourceCode = context.sourceCode;
    const flow = getFileAnalysis(context).dataFlowWith(settings);
    const analysis = getFileAnalysis(context);
    const zh = analysis.settings.locale === 'zh-CN';
    const candidates: Candidate[] = [];

    const isCheck = (call: TSESTree.CallExpression): boolean => {
      const name = calleeName(call);
      return !!name && !MINI_PROGRAM_ENDPOINT_NAMES.has(name) && matchesAnyWordPattern(name, settings.checkFunctions);
    };
    const resultOf = (identifier: TSESTree.Identifier): TSESTree.Node | undefined => {
      const variable = flow.referenceOf(identifier)?.resolved;
      const writes = variable?.references.filter((reference) => reference.writeExpr) ?? [];
      return writes.length === 1 ? (writes[0].writeExpr as TSESTree.Node) : undefined;
    };
    const sourceText = (label: Label): string => {
      if (label.source === 'inbound') return zh ? '收到的消息' : 'an inbound message';
      return zh ? '请求参数' : 'a request body or query';
    };

    // The file's code path collector answers whether a branch always leaves (analysis/code-paths.ts).
    return defineAnalysisVisitor(context, () => ({
      CallExpression(node: TSESTree.CallExpression) {
        const sdkCall = flow.sdkCallOf(node);
        const endpoint = sdkCall?.method.endpoint ? ENDPOINTS.get(sdkCall.method.endpoint) : undefined;
        if (!sdkCall || !endpoint) return;
        if (!PUBLISHING_KINDS.has(endpoint.kind) && !PUBLISHING_ENDPOINTS.has(endpoint.id)) return;
        const recipient = sdkCall.method.recipientArgument;
        for (const [index, argument] of node.arguments.entries()) {
          if (index === recipient) continue;
          const label = flow.labelsOf(argument).find((candidate) => candidate.kind === 'content');
          if (label) {
            candidates.push({ call: node, label, api: `${sdkCall.name}() (${endpoint.id})` });
            return;
          }
        }
      },
      onCodePathEnd(_codePath: unknown, node: TSESTree.Node) {
        // Gates are known on every path only once the whole program's code paths are done.
        if (node.type !== 'Program') return;
        // Raw HTTP to a publishing endpoint (`comment/reply/add`, `message/mass/sendall`, `draft/add` …).
        for (const request of analysis.requests) {
          const endpoint = request.url
            .map((value) => endpointOfUrl(value))
            .find((found) => found !== undefined);
          if (!endpoint || (!PUBLISHING_KINDS.has(endpoint.kind) && !PUBLISHING_ENDPOINTS.has(endpoint.id))) continue;
          const payload = [request.body, request.query, ...request.chain.flatMap((call) => call.arguments)].filter(
            (part): part is TSESTree.Node => part !== undefined,
          );
          const label = payload.flatMap((part) => flow.labelsOf(part)).find((candidate) => candidate.kind === 'content');
          if (label) candidates.push({ call: request.node, label, api: endpoint.id });
        }
        for (const { call, label, api } of candidates) {
          if (isGated(analysis.codePaths, call, isCheck, resultOf)) continue;
          context.report({ node: call, messageId: 'unchecked', data: { source: sourceText(label), api } });
        }
      },
    }) as unknown as TSESLint.RuleListener);
  },
});
