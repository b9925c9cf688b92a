import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  firstDeclaredFunction,
  type Label,
  plaintextSinkOf,
  type PlaintextSinkKind,
  type SanitizerCategory,
  unsanitizedUserData,
} from '../analysis/dataflow/index.js';
import { getFileAnalysis } from '../analysis/index.js';
import { USER_DATA_KIND_TEXT as KIND_TEXT } from '../knowledge/user-data.js';
import { moduleSpecifiers } from '../analysis/globals.js';
import { CLI_FRAMEWORK_MODULES } from '../knowledge/runtime.js';
import { createRule } from '../util/createRule.js';
import { resolveSettings, settingOptionProperties } from '../util/settings.js';

type MessageIds = 'storage' | 'cookie' | 'serverCookie' | 'log' | 'response' | 'wrapInMasker';
type Options = [{ maskers?: string[]; encryptors?: string[]; anonymizers?: string[]; replaceDefaults?: boolean }];

/** Masked, encrypted or anonymized values are no longer plain text (must not flag). */
const ACCEPTED: readonly SanitizerCategory[] = ['mask', 'encrypt', 'anonymize'];

/** Only credentials may not go back to the browser: a user's own data in a response is the page's content. */
const CREDENTIAL_KINDS = new Set<Label['kind']>(['credential']);

const MESSAGE_OF: Record<PlaintextSinkKind, Exclude<MessageIds, 'wrapInMasker'>> = {
  storage: 'storage',
  cookie: 'cookie',
  'server-cookie': 'serverCookie',
  log: 'log',
  response: 'response',
};

export default createRule<Options, MessageIds>({
  name: 'no-plaintext-user-data',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow user data and credentials in plain text in client storage, cookies and logs, and credentials in responses',
      descriptionZh: '禁止将用户数据和凭据以明文写入客户端存储、Cookie 和日志，禁止在响应中返回凭据',
      clause: 'S2',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: settingOptionProperties(['maskers', 'encryptors', 'anonymizers']) as Record<string, JSONSchema4>,
        additionalProperties: false,
      },
    ],
    messages: {
      storage:
        '[S2] {{what}} is written in plain text to {{target}}, where any script on the page can read it. Encrypt or mask it first, or keep it on the server.',
      cookie:
        '[S2] {{what}} is written in plain text to {{target}}, readable by any script and sent with every request. Encrypt or mask it first, or keep it in a signed server session.',
      serverCookie:
        '[S2] {{what}} is set in a cookie by {{target}} without `signed: true` or `httpOnly` and `secure`. Sign the cookie or set both flags, or encrypt the value.',
      log: '[S2] {{what}} is written in plain text to the log by {{target}}. Mask it (or log an anonymized form) before logging.',
      response:
        '[S2] {{what}} (session_key, access_token, refresh_token or the AppSecret) is sent back to the browser by {{target}}. Keep credentials on the server.',
      wrapInMasker: '[S2] Wrap the value in {{masker}}().',
    },
  },
  messagesZh: {
    storage: '[S2] {{what}}以明文写入 {{target}}，页面上的任何脚本都能读取。请先加密或脱敏，或只保存在服务端。',
    cookie: '[S2] {{what}}以明文写入 {{target}}，任何脚本都能读取且随每个请求发送。请先加密或脱敏，或改用签名的服务端会话。',
    serverCookie: '[S2] {{target}} 把{{what}}写入 Cookie，但未设置 `signed: true`，也未同时设置 `httpOnly` 和 `secure`。请签名 Cookie、同时设置这两个选项，或加密该值。',
    log: '[S2] {{target}} 把{{what}}以明文写入日志。请先脱敏（或只记录匿名化的值）再写日志。',
    response: '[S2] {{target}} 把{{what}}（session_key、access_token、refresh_token 或 AppSecret）返回给浏览器。凭据只能留在服务端。',
    wrapInMasker: '[S2] 用 {{masker}}() 包裹该值。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const settings = resolveSettings(context, options);
    const sourceCode = context.sourceCode;
    const analysis = getFileAnalysis(context);
    const flow = analysis.dataFlowWith(settings);
    const zh = analysis.settings.locale === 'zh-CN';
    let eggDefaults: boolean | undefined;
    let commandFile: boolean | undefined;
    let masker: string | null | undefined;

    function check(node: TSESTree.CallExpression | TSESTree.AssignmentExpression): void {
      const modules = eggDefaults === undefined ? moduleSpecifiers(sourceCode.ast, sourceCode.scopeManager) : [];
      eggDefaults ??= modules.some((name) => name === 'egg' || name.startsWith('egg-') || name.startsWith('@eggjs/'));
      commandFile ??= modules.some((name) => CLI_FRAMEWORK_MODULES.has(name));
      const sink = plaintextSinkOf(node, flow, { eggDefaults });
      // A signed or httpOnly+secure cookie (or one whose options are not a literal) is no plain-text write.
      if (!sink || (sink.kind === 'server-cookie' && sink.protection !== false)) return;
      // The browser's console shows a value to the person at that device and keeps nothing: the user's own data
      // printed there does not leave the user's device (docs/rules/no-plaintext-user-data.md). A server log is
      // kept and read by others, so it stays a disclosure.
      if (sink.kind === 'log' && sink.target.startsWith('console.') && analysis.fileKind === 'browser') return;
      // The same holds for a command of a command-line tool: its console is the operator's own terminal.
      if (sink.kind === 'log' && sink.target.startsWith('console.') && commandFile) return;
      for (const value of sink.values) {
        const labels = unsanitizedUserData(
          flow.labelsOf(value),
          ACCEPTED,
          sink.kind === 'response' ? CREDENTIAL_KINDS : undefined,
        );
        if (labels.length === 0) continue;
        const kind = labels[0].kind;
        const what = KIND_TEXT[kind]?.[zh ? 'zh' : 'en'] ?? kind;
        if (masker === undefined) masker = firstDeclaredFunction(sourceCode.ast, settings.maskers) ?? null;
        const name = masker;
        context.report({
          node: sink.operation,
          messageId: MESSAGE_OF[sink.kind],
          data: { what: zh ? what : what.charAt(0).toUpperCase() + what.slice(1), target: sink.target },
          suggest:
            name && sink.kind !== 'response' && value.type !== 'SpreadElement'
              ? [
                  {
                    messageId: 'wrapInMasker',
                    data: { masker: name },
                    fix: (fixer) => [
                      fixer.insertTextBefore(value, `${name}(`),
                      fixer.insertTextAfter(value, ')'),
                    ],
                  },
                ]
              : [],
        });
        // One report per operation: the same problem is reported once.
        return;
      }
    }

    return {
      CallExpression: check,
      AssignmentExpression: check,
    };
  },
});
