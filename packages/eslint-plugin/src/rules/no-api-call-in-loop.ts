import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ApiCall } from '../analysis/api-calls.js';
import { objectProperty } from '../analysis/values.js';
import { getApiCalls } from '../analysis/index.js';
import { enclosingLoop } from '../analysis/api-call-placement.js';
import { findVariable, unwrap, variableInitializer } from '../analysis/ast.js';
import { DEFAULT_THROTTLE_FUNCTIONS, ENDPOINTS } from '../knowledge/endpoints.js';
import { createRule } from '../util/createRule.js';

type MessageIds = 'callInLoop' | 'overLimit';
type Options = [{ throttleFunctions?: string[]; replaceDefaults?: boolean }];

/**
 * The number of items a list expression holds, when the file says: an array literal, `Array(n)`,
 * `Array.from({ length: n })`, `list.slice(0, n)` (at most n), `list.map(f)`, or a const bound to one of these.
 */
function staticLength(node: TSESTree.Node, scopeManager: TSESLint.Scope.ScopeManager | null, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  const expression = unwrap(node);
  if (expression.type === 'ArrayExpression') {
    return expression.elements.some((element) => element?.type === 'SpreadElement') ? undefined : expression.elements.length;
  }
  if (expression.type === 'Identifier' && scopeManager) {
    const variable = findVariable(scopeManager, expression);
    const initializer = variable ? variableInitializer(variable) : undefined;
    // A const array that the file pushes to is not of static length.
    if (!initializer || variable?.references.some((reference) => isMutated(reference.identifier))) return undefined;
    return staticLength(initializer, scopeManager, depth + 1);
  }
  if (expression.type === 'CallExpression') {
    const callee = unwrap(expression.callee);
    const number = (argument: TSESTree.Node | undefined) =>
      argument?.type === 'Literal' && typeof argument.value === 'number' ? argument.value : undefined;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      // `ids.map((openid) => ({ openid }))` keeps the length.
      if (callee.property.name === 'map') return staticLength(callee.object, scopeManager, depth + 1);
      // `list.slice(0, 500)` asks for up to 500 items: that bound is what the call is written to pass.
      if (callee.property.name === 'slice' && number(expression.arguments[0]) === 0) {
        const end = number(expression.arguments[1]);
        const whole = staticLength(callee.object, scopeManager, depth + 1);
        return end !== undefined && whole !== undefined ? Math.min(end, whole) : end;
      }
      if (callee.object.type === 'Identifier' && callee.object.name === 'Array' && callee.property.name === 'from') {
        const source = expression.arguments[0];
        if (source?.type === 'ObjectExpression') {
          const length = objectProperty(source, 'length');
          return length ? number(length) : undefined;
        }
      }
    }
    if (callee.type === 'Identifier' && callee.name === 'Array' && expression.arguments.length === 1) return number(expression.arguments[0]);
  }
  if (expression.type === 'NewExpression' && expression.callee.type === 'Identifier' && expression.callee.name === 'Array' && expression.arguments.length === 1) {
    const argument = expression.arguments[0];
    return argument.type === 'Literal' && typeof argument.value === 'number' ? argument.value : undefined;
  }
  return undefined;
}

function isMutated(identifier: TSESTree.Node): boolean {
  const member = identifier.parent;
  if (member?.type !== 'MemberExpression' || member.object !== identifier) return false;
  const name = !member.computed && member.property.type === 'Identifier' ? member.property.name : undefined;
  return ['push', 'unshift', 'splice', 'concat', 'length'].includes(name ?? '') || (member.parent?.type === 'AssignmentExpression' && member.parent.left === member);
}

/** The list a batch call passes, and its limit: a body field of a request, an argument of an SDK method. */
function batchList(call: ApiCall): { node: TSESTree.Node; field: string; max: number } | undefined {
  const limit = call.endpoint?.listLimit;
  if (!limit) return undefined;
  if (call.sdk) {
    const index = call.sdk.entry.listArgument;
    const argument = index === undefined ? undefined : call.node.arguments[index];
    return argument ? { node: argument, field: limit.field, max: limit.max } : undefined;
  }
  const value = call.body ? objectProperty(call.body, limit.field) : undefined;
  return value ? { node: value, field: limit.field, max: limit.max } : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-api-call-in-loop',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow per-item Weixin API calls in loops where a batch endpoint exists, and batch calls over their list limit',
      descriptionZh: '禁止在循环中逐条调用存在批量接口的微信接口，以及超过批量接口数量上限的调用',
      clause: 'S10',
      recommended: 'warn',
    },
    schema: [
      {
        type: 'object',
        properties: {
          throttleFunctions: {
            type: 'array',
            items: { type: 'string' },
            description: 'Word patterns of throttle/queue functions (and their receivers) whose callbacks pace the calls.',
          },
          replaceDefaults: { type: 'boolean', description: 'Replace the built-in throttle names instead of extending them.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      callInLoop:
        '[S10] `{{endpoint}}` is called once per item in a loop: fetch in batches with `{{batch}}` (up to {{limit}} items in `{{field}}` per call) instead.',
      overLimit:
        '[S10] `{{endpoint}}` takes at most {{max}} items in `{{field}}`, this call passes {{count}}: split the list into chunks of {{max}}.',
    },
  },
  messagesZh: {
    callInLoop: '[S10] 在循环中逐条调用 `{{endpoint}}`：请改用批量接口 `{{batch}}`（每次 `{{field}}` 最多 {{limit}} 条）。',
    overLimit: '[S10] `{{endpoint}}` 的 `{{field}}` 最多 {{max}} 条，此处传入 {{count}} 条：请按每 {{max}} 条分批调用。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const throttleFunctions = options.replaceDefaults
      ? (options.throttleFunctions ?? [])
      : [...DEFAULT_THROTTLE_FUNCTIONS, ...(options.throttleFunctions ?? [])];
    return {
      'Program:exit'() {
        for (const call of getApiCalls(context).calls) {
          const endpoint = call.endpoint;
          if (!endpoint) continue;
          const list = batchList(call);
          if (list) {
            const count = staticLength(list.node, context.sourceCode.scopeManager);
            if (count !== undefined && count > list.max) {
              context.report({
                node: list.node,
                messageId: 'overLimit',
                data: { endpoint: `/${endpoint.id}`, field: list.field, max: list.max, count },
              });
            }
          }
          // Template sends looped over followers belong to valid-template-message; they have no batch either.
          const batch = endpoint.batch;
          if (!batch || endpoint.sendsMessage) continue;
          if (!enclosingLoop(call.node, { throttleFunctions, skipSmallLiteralLoops: true })) continue;
          const batchEndpoint = ENDPOINTS.get(batch.endpoint);
          context.report({
            node: call.node,
            messageId: 'callInLoop',
            data: {
              endpoint: `/${endpoint.id}`,
              batch: batchEndpoint ? `/${batchEndpoint.id}` : batch.endpoint,
              limit: batch.limit,
              field: batch.listField,
            },
          });
        }
      },
    };
  },
});
