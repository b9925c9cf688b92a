import type { TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import {
  destinationOfUrls,
  type Label,
  requestPayload,
  trackerOfCall,
  unsanitizedUserData,
} from '../analysis/dataflow/index.js';
import { getFileAnalysis } from '../analysis/index.js';
import { USER_DATA_KIND_TEXT as KIND_TEXT } from '../knowledge/user-data.js';
import { createRule } from '../util/createRule.js';
import { resolveSettings, settingOptionProperties } from '../util/settings.js';
import { ownHostPatterns } from '../analysis/own-origins.js';

type MessageIds = 'thirdPartyHost' | 'tracker' | 'unresolvedHost';
type Options = [
  {
    ownHosts?: string[];
    allowedHosts?: string[];
    anonymizers?: string[];
    replaceDefaults?: boolean;
    checkUnresolvedHosts?: boolean;
  },
];

/** JSX attributes whose URL the browser requests or navigates to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'poster', 'data']);

export default createRule<Options, MessageIds>({
  name: 'no-user-data-to-third-party',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending user data to third-party hosts, analytics, ads and error-tracking SDKs',
      descriptionZh: '禁止把用户数据发送给第三方主机以及统计、广告和错误监控 SDK',
      clause: 'S3',
      recommended: 'error',
      strict: [{ checkUnresolvedHosts: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          ...(settingOptionProperties(['ownHosts', 'allowedHosts', 'anonymizers']) as Record<string, JSONSchema4>),
          checkUnresolvedHosts: {
            type: 'boolean',
            description: 'Also report user data sent to hosts that cannot be resolved statically.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      thirdPartyHost:
        '[S3] {{what}} is sent to {{host}}, a third party. User data may not be provided to others: keep it on your own servers, send an anonymized form, or list a processor under contract in `allowedHosts`.',
      tracker:
        '[S3] {{what}} is sent to {{sdk}}, a third-party SDK. User data may not be provided to others: send an anonymized id (hash it) or nothing.',
      unresolvedHost:
        '[S3] {{what}} is sent to a host that cannot be resolved statically. Make sure it is your own server, Weixin or a host in `allowedHosts`.',
    },
  },
  messagesZh: {
    thirdPartyHost:
      '[S3] {{what}}被发送到第三方 {{host}}。用户数据不得提供给第三方：请只保存在自己的服务器，发送匿名化的值，或把签约的数据处理方加入 `allowedHosts`。',
    tracker: '[S3] {{what}}被发送给第三方 SDK {{sdk}}。用户数据不得提供给第三方：请发送匿名化的标识（哈希）或不发送。',
    unresolvedHost: '[S3] {{what}}被发送到无法静态确定的主机。请确认它是你自己的服务器、微信或 `allowedHosts` 中的主机。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const settings = resolveSettings(context, options);
    const analysis = getFileAnalysis(context);
    const flow = getFileAnalysis(context).dataFlowWith(settings);
    const zh = analysis.settings.locale === 'zh-CN';
    const checkUnresolved = options.checkUnresolvedHosts === true;
    let withOwnOrigins: typeof settings | undefined;
    const reported = new Set<TSESTree.Node>();

    /**
     * The user data among `nodes` that no anonymizer processed (anonymized values may go); data the account holds
     * is named before what a visitor typed into a form.
     */
    const userData = (nodes: readonly TSESTree.Node[]): Label | undefined => {
      const labels = nodes.flatMap((node) => unsanitizedUserData(flow.labelsOf(node), ['anonymize']));
      return labels.find((label) => label.source !== 'form') ?? labels[0];
    };
    /**
     * A form the visitor submits: on a gesture, every piece of user data in the payload is what the visitor typed
     * into the page's form controls (data-flow source `form`). The receiver collects it from the visitor first-hand;
     * the account hands over nothing it holds (whether it may be collected is require-consent's question).
     */
    const isOwnSubmission = (node: TSESTree.Node, payload: readonly TSESTree.Node[]): boolean => {
      if (analysis.contexts.contextOf(node) !== 'gesture') return false;
      const labels = payload.flatMap((part) => unsanitizedUserData(flow.labelsOf(part), ['anonymize']));
      return labels.length > 0 && labels.every((label) => label.source === 'form');
    };
    const what = (label: Label): string => {
      const text = KIND_TEXT[label.kind] ?? { en: label.kind, zh: label.kind };
      return zh ? text.zh : text.en.charAt(0).toUpperCase() + text.en.slice(1);
    };
    const reportSent = (
      node: TSESTree.Node,
      values: Parameters<typeof destinationOfUrls>[0],
      payload: readonly TSESTree.Node[],
    ): void => {
      if (reported.has(node)) return;
      // The own origins the code shows (OAuth redirect_uri, local addresses, package.json homepage) count as own.
      withOwnOrigins ??= { ...settings, ownHosts: [...settings.ownHosts, ...ownHostPatterns(analysis)] };
      const destination = destinationOfUrls(values, withOwnOrigins);
      if (destination.kind !== 'third-party' && !(destination.kind === 'unresolved' && checkUnresolved)) return;
      const label = userData(payload);
      if (!label) return;
      if (isOwnSubmission(node, payload)) return;
      reported.add(node);
      if (destination.kind === 'third-party') {
        context.report({ node, messageId: 'thirdPartyHost', data: { what: what(label), host: destination.host } });
      } else {
        context.report({ node, messageId: 'unresolvedHost', data: { what: what(label) } });
      }
    };

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const tracker = trackerOfCall(node, flow);
        if (!tracker) return;
        const label = userData(node.arguments);
        if (!label) return;
        reported.add(node);
        context.report({ node, messageId: 'tracker', data: { what: what(label), sdk: tracker.name } });
      },
      // Tracking pixels and injected scripts: `new Image().src = url`, `img.src = url`, `script.src = url`.
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const left = node.left;
        if (node.operator !== '=' || left.type !== 'MemberExpression' || left.computed) return;
        if (left.property.type !== 'Identifier' || left.property.name !== 'src') return;
        reportSent(node, analysis.values.valuesOf(node.right), [node.right]);
      },
      JSXAttribute(node: TSESTree.JSXAttribute) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : undefined;
        if (!name || !URL_ATTRIBUTES.has(name) || node.value?.type !== 'JSXExpressionContainer') return;
        const expression = node.value.expression;
        if (expression.type === 'JSXEmptyExpression') return;
        reportSent(node.value, analysis.values.valuesOf(expression), [expression]);
      },
      'Program:exit'() {
        for (const request of analysis.requests) reportSent(request.node, request.url, requestPayload(request));
        for (const sink of analysis.navigation) {
          if (sink.target) reportSent(sink.node, sink.targetValues, [sink.target]);
        }
      },
    };
  },
});
