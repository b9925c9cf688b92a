import type { TSESLint } from '@typescript-eslint/utils';
import { type ApiCall, nearMissOf } from '../analysis/api-calls.js';
import { getApiCalls, getFileAnalysis } from '../analysis/index.js';
import { usesMiniProgramCredentials } from '../analysis/platform.js';
import type { Endpoint } from '../knowledge/endpoints.js';
import { createRule } from '../util/createRule.js';
import { getPluginSettings } from '../util/settings.js';

type MessageIds =
  | 'nearMiss'
  | 'useEndpoint'
  | 'wrongMethod'
  | 'missingAccessToken'
  | 'miniProgramOnly'
  | 'deprecated'
  | 'deprecatedWithReplacement'
  | 'unknownEndpoint';
type Options = [{ reportUnknownEndpoints?: boolean }];

/** The endpoint's display name: its path, with the host when it is not api.weixin.qq.com. */
function shown(endpoint: Endpoint): string {
  return endpoint.host === 'api.weixin.qq.com' ? `/${endpoint.id}` : `${endpoint.host}/${endpoint.id}`;
}

/** `access_token` reaches the request through the URL or a static query option; undefined when unknown. */
function sendsAccessToken(call: ApiCall): boolean | undefined {
  if (!call.url) return undefined;
  if (call.url.queryKeys.includes('access_token')) return true;
  if (call.queryOption === 'dynamic') return undefined;
  if (call.queryOption) {
    const keys = call.queryOption.properties;
    if (keys.some((property) => property.type === 'SpreadElement')) return undefined;
    if (
      keys.some(
        (property) =>
          property.type === 'Property' &&
          ((property.key.type === 'Identifier' && !property.computed && property.key.name === 'access_token') ||
            (property.key.type === 'Literal' && property.key.value === 'access_token')),
      )
    ) {
      return true;
    }
    if (keys.some((property) => property.type === 'Property' && property.computed)) return undefined;
  }
  return call.url.queryComplete ? false : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'valid-api-request',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require requests to the Weixin API to use a known endpoint with its HTTP method and `access_token`, and no deprecated or mini-program-only endpoint',
      descriptionZh: '要求对微信接口的请求使用已知接口路径、正确的 HTTP 方法和 `access_token`，不调用已废弃或仅限小程序的接口',
      clause: 'S10',
      recommended: 'error',
      strict: [{ reportUnknownEndpoints: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          reportUnknownEndpoints: {
            type: 'boolean',
            description: 'Also report static api.weixin.qq.com paths that the catalog does not know and that are no near miss.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      nearMiss: '[S10] `{{path}}` is not a Weixin API endpoint; did you mean `{{suggestion}}`? Correct the path.',
      useEndpoint: '[S10] Use `{{suggestion}}`.',
      wrongMethod: '[S10] `{{endpoint}}` takes {{expected}} requests, not {{actual}}: send it with {{expected}}.',
      missingAccessToken:
        '[S10] `{{endpoint}}` needs `access_token` in the query string (errcode 41001 without it): add `?access_token=…` to the URL.',
      miniProgramOnly:
        '[S10] `{{endpoint}}` serves mini programs only: called with an Official Account token it fails with errcode 48001. Use an Official Account API, or call it with the mini program\'s own token.',
      deprecated: '[S10] `{{endpoint}}` is deprecated since {{since}} ({{note}}): stop calling it.',
      deprecatedWithReplacement: '[S10] `{{endpoint}}` is deprecated since {{since}} ({{note}}): use `{{replacement}}` instead.',
      unknownEndpoint:
        '[S10] `{{path}}` is not in the Weixin API catalog: check the path against the official documentation (or disable `reportUnknownEndpoints`).',
    },
  },
  messagesZh: {
    nearMiss: '[S10] `{{path}}` 不是微信接口路径；是否应为 `{{suggestion}}`？请修正路径。',
    useEndpoint: '[S10] 改为 `{{suggestion}}`。',
    wrongMethod: '[S10] `{{endpoint}}` 应使用 {{expected}} 请求，而不是 {{actual}}：请改用 {{expected}}。',
    missingAccessToken: '[S10] `{{endpoint}}` 需要在查询字符串中携带 `access_token`（缺少时返回 errcode 41001）：请在 URL 中加上 `?access_token=…`。',
    miniProgramOnly:
      '[S10] `{{endpoint}}` 仅供小程序使用：用公众号的 access_token 调用会返回 errcode 48001。请改用公众号接口，或使用小程序自己的 access_token 调用。',
    deprecated: '[S10] `{{endpoint}}` 自 {{since}} 起已废弃（{{note}}）：请停止调用。',
    deprecatedWithReplacement: '[S10] `{{endpoint}}` 自 {{since}} 起已废弃（{{note}}）：请改用 `{{replacement}}`。',
    unknownEndpoint: '[S10] `{{path}}` 不在微信接口目录中：请对照官方文档检查路径（或关闭 `reportUnknownEndpoints`）。',
  },
  defaultOptions: [{ reportUnknownEndpoints: false }],
  create(context, [options]) {
    const zh = getPluginSettings(context).locale === 'zh-CN';
    // A request interceptor may add the token to every request: the URL alone does not tell.
    const interceptsRequests = context.sourceCode.text.includes('interceptors');
    let officialAccountCode = false;
    return {
      'Program:exit'() {
        officialAccountCode = getFileAnalysis(context).platform.officialAccount.length > 0;
        for (const call of getApiCalls(context).calls) check(call);
      },
    };

    function check(call: ApiCall): void {
      // A helper of another module whose URL does not depend on this call is checked in its own module.
      const project = getFileAnalysis(context).project;
      if (project?.isWrapperCall(call.node) && !project.urlFromCaller(call.node)) return;
      const endpoint = call.endpoint;
      if (!endpoint) {
        if (call.via === 'sdk' || !call.url) return;
        if (project?.isWrapperCall(call.node) && !project.pathFromCaller(call.node)) return;
        const nearMiss = nearMissOf(call);
        const path = `/${call.url.path}`;
        if (nearMiss) {
          const suggestion = shown(nearMiss.endpoint);
          const source = call.url.pathSource;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = source
            ? [
                {
                  messageId: 'useEndpoint',
                  data: { suggestion },
                  fix: (fixer) => fixer.replaceTextRange([source.start, source.end], nearMiss.endpoint.id),
                },
              ]
            : [];
          context.report({ node: call.node, messageId: 'nearMiss', data: { path, suggestion }, suggest });
        } else if (options.reportUnknownEndpoints && call.url.host === 'api.weixin.qq.com') {
          context.report({ node: call.node, messageId: 'unknownEndpoint', data: { path } });
        }
        return;
      }
      const name = shown(endpoint);
      // Only where the file shows Official Account code: a file whose calls are all a mini program's (or that
      // takes the call's credentials from a mini program's configuration) uses the mini program's own token.
      if (endpoint.account === 'mini-program' && officialAccountCode && !usesMiniProgramCredentials(call)) {
        context.report({ node: call.node, messageId: 'miniProgramOnly', data: { endpoint: name } });
      }
      if (endpoint.deprecated) {
        const { since, replacement } = endpoint.deprecated;
        const note = zh ? endpoint.deprecated.noteZh : endpoint.deprecated.note;
        context.report({
          node: call.node,
          messageId: replacement ? 'deprecatedWithReplacement' : 'deprecated',
          data: { endpoint: name, since, note, replacement: replacement ? `/${replacement}` : '' },
        });
      }
      if (call.via === 'sdk') return;
      if (call.method && (call.method === 'GET' || call.method === 'POST') && call.method !== endpoint.method) {
        context.report({
          node: call.node,
          messageId: 'wrongMethod',
          data: { endpoint: name, expected: endpoint.method, actual: call.method },
        });
      }
      // node-easywechat's client adds the token itself.
      if (call.via === 'request' && !interceptsRequests && endpoint.query.includes('access_token') && sendsAccessToken(call) === false) {
        context.report({ node: call.node, messageId: 'missingAccessToken', data: { endpoint: name } });
      }
    }
  },
});
