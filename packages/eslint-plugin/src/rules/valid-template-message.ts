import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ApiCall, type ApiCallAnalysis, assignedProperties, resolveObject } from '../analysis/api-calls.js';
import { objectProperty } from '../analysis/values.js';
import { enclosingLoop, type LoopInfo, rootName } from '../analysis/api-call-placement.js';
import type { DataFlow } from '../analysis/dataflow/index.js';
import { getApiCalls, getFileAnalysis } from '../analysis/index.js';
import type { NodeIndex } from '../analysis/node-index.js';
import { findVariable, isFunctionNode, unwrap, variableInitializer } from '../analysis/ast.js';
import { TEMPLATE_SEND_ENDPOINT } from '../knowledge/endpoints.js';
import { findMarketingPhrase } from '../knowledge/marketing-phrases.js';
import { FOLLOWER_LIST_WORDS } from '../knowledge/user-data.js';
import { createRule } from '../util/createRule.js';
import { identifierWords } from '../util/name-words.js';

type MessageIds = 'marketing' | 'broadcast' | 'scheduledBroadcast' | 'missingField';
type Options = [{ marketingPhrases?: string[] }];

const REQUIRED_FIELDS = ['touser', 'template_id'] as const;

/** The `data` of a template send: the body's `data` for requests, the object arguments after the template id for SDKs. */
function dataNodes(call: ApiCall, scopeManager: TSESLint.Scope.ScopeManager | null): TSESTree.Node[] {
  if (call.sdk) {
    const start = (call.sdk.entry.templateIdArgument ?? 1) + 1;
    return call.node.arguments
      .slice(start)
      .map((argument) => resolveObject(argument, scopeManager))
      .filter((object): object is TSESTree.ObjectExpression => !!object);
  }
  const data = call.body ? objectProperty(call.body, 'data') : undefined;
  if (!data) return [];
  return [resolveObject(data, scopeManager) ?? data];
}

/**
 * String literals and template texts inside `data` (not inside functions, not property keys), with the phrase
 * each holds: read from the node index, in source order.
 */
function phrasesIn(data: TSESTree.Node, nodes: NodeIndex, find: (text: string) => string | undefined): { node: TSESTree.Node; phrase: string }[] {
  const found: { node: TSESTree.Node; phrase: string }[] = [];
  const inData = (node: TSESTree.Node): boolean => {
    for (let current: TSESTree.Node | undefined = node; current && current !== data; current = current.parent) {
      // Keys (`keyword1`, `remark`) are not text; values are. Functions inside run later, not as data.
      if (current.parent?.type === 'Property' && current.parent.key === current && !current.parent.computed) return false;
      if (isFunctionNode(current)) return false;
    }
    return true;
  };
  const templates = nodes.within('TemplateLiteral', data).filter(inData);
  const matched: TSESTree.TemplateLiteral[] = [];
  for (const template of templates) {
    const phrase = find(template.quasis.map((quasi) => quasi.value.cooked ?? '').join(' '));
    if (phrase) {
      matched.push(template);
      found.push({ node: template, phrase });
    }
  }
  for (const literal of nodes.within('Literal', data)) {
    if (typeof literal.value !== 'string' || !inData(literal)) continue;
    // A literal inside a template already reported stays with it.
    if (matched.some((template) => contains(template, literal))) continue;
    const phrase = find(literal.value);
    if (phrase) found.push({ node: literal, phrase });
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * True when the loop runs over a fixed list of the project's configuration (`for (const openid of config.users)`,
 * a list imported or written at module level): the same message to the same people, whoever did what.
 */
function isConfiguredList(loop: LoopInfo, scopeManager: TSESLint.Scope.ScopeManager | null): boolean {
  if (!loop.iterable || !scopeManager) return false;
  const root = rootName(loop.iterable);
  if (!root?.identifier) return false;
  const variable = findVariable(scopeManager, root.identifier);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !definition) return false;
  if (definition.type === 'ImportBinding') return true;
  if (definition.type !== 'Variable' || (variable.scope.type !== 'module' && variable.scope.type !== 'global')) return false;
  const init = definition.node.init ? unwrap(definition.node.init) : undefined;
  if (!init) return false;
  if (init.type === 'ArrayExpression') return true;
  // `const { users } = require('./config')`, `const config = require('./config.json')`.
  const call = init.type === 'MemberExpression' ? unwrap(init.object) : init;
  return call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'require';
}

/** True when the loop runs over the follower list: a list from `user/get` / `getFollowers()`, or named so. */
function isFollowerLoop(
  loop: LoopInfo,
  analysis: ApiCallAnalysis,
  scopeManager: TSESLint.Scope.ScopeManager | null,
  flow?: DataFlow,
): boolean {
  // A paging loop that fetches the follower list itself.
  if (loop.kind === 'statement' && analysis.calls.some((call) => returnsFollowers(call) && contains(loop.node, call.node))) return true;
  if (!loop.iterable) return false;
  // `followers.slice(0, 3)`: a handful of named recipients, not a broadcast.
  const iterable = unwrap(loop.iterable);
  if (
    iterable.type === 'CallExpression' &&
    iterable.callee.type === 'MemberExpression' &&
    !iterable.callee.computed &&
    iterable.callee.property.type === 'Identifier' &&
    iterable.callee.property.name === 'slice' &&
    iterable.arguments.length === 2 &&
    iterable.arguments.every((argument) => argument.type === 'Literal' && typeof argument.value === 'number') &&
    ((iterable.arguments[1] as TSESTree.NumberLiteral).value - (iterable.arguments[0] as TSESTree.NumberLiteral).value) <= 3
  ) {
    return false;
  }
  // Through functions and parameters of this file: the list's data came from a follower-list call (data flow).
  if (flow?.labelsOf(loop.iterable).some((label) => {
    const api = label.source === 'sdk' || label.source === 'api' ? analysis.byNode.get(label.origin as TSESTree.CallExpression) : undefined;
    return !!api && returnsFollowers(api);
  })) {
    return true;
  }
  const root = rootName(loop.iterable);
  if (!root) return false;
  if (root.names.some((name) => identifierWords(name).some((word) => FOLLOWER_LIST_WORDS.has(word)))) return true;
  if (!root.identifier || !scopeManager) return false;
  const variable = findVariable(scopeManager, root.identifier);
  let initializer: TSESTree.Node | undefined = variable ? variableInitializer(variable) : undefined;
  // `const { data } = await api.getFollowers()` has no single initializer on `data`: take the declarator's.
  if (!initializer && variable?.defs[0]?.type === 'Variable') initializer = variable.defs[0].node.init ?? undefined;
  for (let depth = 0; initializer && depth < 4; depth++) {
    const call = callIn(initializer);
    if (call) {
      const api = analysis.byNode.get(call);
      if (api && returnsFollowers(api)) return true;
    }
    const next = rootName(initializer);
    if (!next?.identifier) return false;
    if (next.names.some((name) => identifierWords(name).some((word) => FOLLOWER_LIST_WORDS.has(word)))) return true;
    const nextVariable = findVariable(scopeManager, next.identifier);
    initializer = nextVariable ? (variableInitializer(nextVariable) ?? (nextVariable.defs[0]?.type === 'Variable' ? (nextVariable.defs[0].node.init ?? undefined) : undefined)) : undefined;
  }
  return false;
}

function returnsFollowers(call: ApiCall): boolean {
  return !!(call.endpoint?.returnsFollowerList || call.sdk?.entry.returnsFollowerList);
}

/** The call at the root of `(await api.getFollowers()).data.openid`. */
function callIn(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current = unwrap(node);
  for (let steps = 0; steps < 20; steps++) {
    if (current.type === 'AwaitExpression') current = unwrap(current.argument);
    else if (current.type === 'MemberExpression') current = unwrap(current.object);
    else if (current.type === 'CallExpression') {
      const callee = unwrap(current.callee);
      // `.then(…)`, `.slice()` on the result: look at the call it chains from.
      if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'CallExpression') {
        const inner = unwrap(callee.object) as TSESTree.CallExpression;
        return inner;
      }
      return current;
    } else return undefined;
  }
  return undefined;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

export default createRule<Options, MessageIds>({
  name: 'valid-template-message',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require template messages to be service notifications: no marketing content, no broadcast over the follower list, `touser` and `template_id` present',
      descriptionZh: '要求模板消息仅用于服务通知：不含营销内容、不向粉丝列表群发、包含 `touser` 和 `template_id`',
      clause: 'S11',
      recommended: 'error',
    },
    schema: [
      {
        type: 'object',
        properties: {
          marketingPhrases: {
            type: 'array',
            items: { type: 'string' },
            description: 'More marketing phrases to report in template data, matched as plain text without regard to case.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      marketing:
        '[S11] Template message data contains the marketing phrase "{{phrase}}": template messages are service notifications only; send promotions as articles or mass messages instead.',
      broadcast:
        '[S11] Template messages are sent in a loop over the follower list: a template message answers one user\'s own action (an order, a booking), it is not a broadcast; use a mass message (`message/mass/sendall`) instead.',
      scheduledBroadcast:
        '[S11] A scheduled job sends template messages in a loop over a fixed list of recipients: a template message answers one user\'s own action (an order, a booking), it is not a daily push; use a mass message (`message/mass/sendall`) or let each user subscribe (subscription messages).',
      missingField: '[S11] The template message has no `{{field}}`: a template send needs `touser` (the recipient\'s openid) and `template_id`.',
    },
  },
  messagesZh: {
    marketing: '[S11] 模板消息的 data 中含有营销用语“{{phrase}}”：模板消息只能用于服务通知；推广内容请通过图文或群发消息发送。',
    broadcast: '[S11] 在遍历粉丝列表的循环中发送模板消息：模板消息用于响应单个用户自己的操作（下单、预约等），不能用于群发；请改用群发接口（`message/mass/sendall`）。',
    scheduledBroadcast:
      '[S11] 定时任务在循环中向固定的接收者列表发送模板消息：模板消息用于响应单个用户自己的操作（下单、预约等），不能用于每日推送；请改用群发接口（`message/mass/sendall`）或让用户自行订阅（订阅消息）。',
    missingField: '[S11] 模板消息缺少 `{{field}}`：发送模板消息需要 `touser`（接收者的 openid）和 `template_id`。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const extra = (options.marketingPhrases ?? []).map((phrase) => phrase.toLowerCase()).filter(Boolean);
    const find = (text: string): string | undefined => {
      const builtIn = findMarketingPhrase(text);
      if (builtIn) return builtIn;
      const lower = text.toLowerCase();
      const hit = extra.find((phrase) => lower.includes(phrase));
      return hit === undefined ? undefined : text.substr(lower.indexOf(hit), hit.length);
    };
    const scopeManager = context.sourceCode.scopeManager;
    return {
      'Program:exit'() {
        const file = getFileAnalysis(context);
        const analysis = getApiCalls(context);
        for (const call of analysis.calls) {
          if (call.endpoint?.id !== TEMPLATE_SEND_ENDPOINT) continue;
          for (const data of dataNodes(call, scopeManager)) {
            for (const { node, phrase } of phrasesIn(data, file.nodes, find)) {
              context.report({ node, messageId: 'marketing', data: { phrase } });
            }
          }
          const loop = enclosingLoop(call.node);
          if (loop && isFollowerLoop(loop, analysis, scopeManager, file.dataFlow)) {
            context.report({ node: call.node, messageId: 'broadcast' });
          } else if (loop && isConfiguredList(loop, scopeManager) && file.tokenCaching.runsOnSchedule(call.node)) {
            context.report({ node: call.node, messageId: 'scheduledBroadcast' });
          }
          if (call.sdk) {
            const { recipientArgument, templateIdArgument } = call.sdk.entry;
            const fields: [string, number | undefined][] = [
              ['touser', recipientArgument],
              ['template_id', templateIdArgument],
            ];
            for (const [field, index] of fields) {
              if (index !== undefined && isMissingArgument(call.node, index)) {
                context.report({ node: call.node, messageId: 'missingField', data: { field } });
              }
            }
          } else if (call.body) {
            const assigned = assignedProperties(call.body, scopeManager);
            for (const field of REQUIRED_FIELDS) {
              if (assigned.has(field)) continue;
              if (call.body.properties.every((property) => property.type === 'Property' && !property.computed && propertyName(property) !== field)) {
                context.report({ node: call.node, messageId: 'missingField', data: { field } });
              }
            }
          }
        }
      },
    };
  },
});

/** The argument is absent, `undefined`, `null` or `''` (and no spread may supply it). */
function isMissingArgument(call: TSESTree.CallExpression, index: number): boolean {
  if (call.arguments.slice(0, index + 1).some((argument) => argument.type === 'SpreadElement')) return false;
  const argument = call.arguments[index];
  if (!argument) return true;
  const value = unwrap(argument);
  return (value.type === 'Literal' && (value.value === null || value.value === '')) || (value.type === 'Identifier' && value.name === 'undefined');
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal') return String(property.key.value);
  return undefined;
}
