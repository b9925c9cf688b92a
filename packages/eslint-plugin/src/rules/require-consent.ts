import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, enclosingFunction } from '../analysis/ast.js';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import {
  calleeName,
  firstDeclaredFunction,
  isGated,
  globalPath,
} from '../analysis/dataflow/index.js';
import { defineAnalysisVisitor, type FileAnalysis, getFileAnalysis, parseUrl } from '../analysis/index.js';
import { parseUrlText } from '../analysis/values.js';
import { BROWSER_PERSONAL_DATA_CALLS, type ConsentPurpose, JSSDK_PERSONAL_DATA_CALLS } from '../knowledge/jssdk.js';
import { OAUTH_AUTHORIZE_URL } from '../knowledge/weixin-urls.js';
import { SESSION_CHECK_WORDS } from '../knowledge/execution-context.js';
import { matchesAnyWordPattern } from '../util/name-words.js';
import { createRule } from '../util/createRule.js';
import { resolveSettings, settingOptionProperties } from '../util/settings.js';

type MessageIds = 'collection' | 'oauthUserinfo' | 'askFirst';
type Options = [{ consentFunctions?: string[]; replaceDefaults?: boolean; requireExplicitConsent?: boolean }];

interface Candidate {
  node: TSESTree.Node;
  messageId: 'collection' | 'oauthUserinfo';
  api: string;
  purpose: ConsentPurpose;
}

const OAUTH_URL = parseUrlText(OAUTH_AUTHORIZE_URL);
/** SDK methods that build an OAuth URL, with the index of their scope argument (docs/architecture.md, SDK shapes). */
const OAUTH_URL_BUILDERS: Readonly<Record<string, number>> = { getAuthorizeURL: 2, generateOAuthUrl: 1 };
/** A condition that checks for a signed-in visitor (knowledge/execution-context.ts). */
const SESSION_WORDS = new RegExp(`\\b(?:${SESSION_CHECK_WORDS.join('|')})`, 'iu');


/** `scope` of a URL value: `snsapi_userinfo` when every known alternative asks for it. */
function isUserinfoAuthorizeUrl(analysis: FileAnalysis, node: TSESTree.Node): boolean {
  const values = analysis.values.valuesOf(node);
  return values.some((value) => {
    const url = parseUrl(value);
    return url.host === OAUTH_URL.host && url.path === OAUTH_URL.path && url.query.get('scope') === 'snsapi_userinfo';
  });
}

/** The statement that holds `node` in a statement list, or the expression body of an arrow. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'ArrowFunctionExpression' && parent.body === child) return child;
    if (
      (parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'StaticBlock') &&
      (parent.body as TSESTree.Node[]).includes(child)
    ) {
      return child;
    }
    if (parent.type === 'SwitchCase' && parent.consequent.includes(child as TSESTree.Statement)) return child;
    if (parent.type === 'FunctionDeclaration' || parent.type === 'FunctionExpression' || parent.type === 'ClassBody') return undefined;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'require-consent',
  meta: {
    type: 'problem',
    docs: {
      description: "Require the user's consent before personal data is collected automatically",
      descriptionZh: '要求在自动收集个人数据之前先征得用户同意',
      clause: 'S1',
      recommended: 'error',
      strict: [{ requireExplicitConsent: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          ...(settingOptionProperties(['consentFunctions']) as Record<string, JSONSchema4>),
          requireExplicitConsent: {
            type: 'boolean',
            description: 'Also require a consent check in gesture and unknown contexts.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      collection:
        '[S1] {{api}} collects {{purpose}} data {{when}} without asking the user first. Ask for consent (and say why) before collecting, and collect only where the answer is yes.',
      oauthUserinfo:
        '[S1] OAuth with scope snsapi_userinfo is entered {{when}}, before the user has been told why. Authorize with snsapi_base, and ask for snsapi_userinfo only after the user chose a feature that needs the profile and agreed.',
      askFirst: "[S1] Ask for consent first with {{fn}}('{{purpose}}').",
    },
  },
  messagesZh: {
    collection:
      '[S1] {{api}} 在{{when}}收集{{purpose}}数据，事先没有征得用户同意。请在收集前征得同意（并说明用途），只在用户同意的分支中收集。',
    oauthUserinfo:
      '[S1] 在{{when}}进入 scope 为 snsapi_userinfo 的网页授权，此前没有告知用户用途。请使用 snsapi_base 授权，只在用户选择了需要资料的功能并同意后再请求 snsapi_userinfo。',
    askFirst: "[S1] 先用 {{fn}}('{{purpose}}') 征得同意。",
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const settings = resolveSettings(context, options);
    const sourceCode = context.sourceCode;
    const analysis = getFileAnalysis(context);
    const flow = getFileAnalysis(context).dataFlowWith(settings);
    const zh = analysis.settings.locale === 'zh-CN';
    const explicit = options.requireExplicitConsent === true;
    const candidates: Candidate[] = [];

    const isConsentCheck = (call: TSESTree.CallExpression): boolean => {
      const name = calleeName(call);
      return !!name && matchesAnyWordPattern(name, settings.consentFunctions);
    };
    const resultOf = (identifier: TSESTree.Identifier): TSESTree.Node | undefined => {
      const variable = flow.referenceOf(identifier)?.resolved;
      const writes = variable?.references.filter((reference) => reference.writeExpr) ?? [];
      return writes.length === 1 ? (writes[0].writeExpr as TSESTree.Node) : undefined;
    };

    /** Collection in the browser: automatic contexts, or every context with `requireExplicitConsent`. */
    const browserWhen = (node: TSESTree.Node): string | undefined => {
      const executionContext = analysis.contexts.contextOf(node);
      if (executionContext === 'automatic') return zh ? '页面自动执行时（加载、生命周期钩子、路由守卫或定时器中）' : 'automatically (on load, in a lifecycle hook, router guard or timer)';
      if (!explicit) return undefined;
      return zh ? '用户操作中' : 'in a handler';
    };

    /**
     * Server side: middleware for every request forces authorization; so does a page route that
     * bounces a visitor without a session; a route dedicated to login is the user's own request.
     */
    const serverWhen = (node: TSESTree.Node): string | undefined => {
      const handler = analysis.contexts.handlerOf(node);
      if (!handler) return explicit ? (zh ? '服务端' : 'on the server') : undefined;
      if (handler.loginRoute) return explicit ? (zh ? '登录路由中' : 'in a login route') : undefined;
      if (handler.everyRequest) return zh ? '每个请求都经过的中间件中' : 'in middleware that runs for every request';
      for (let parent = node.parent; parent && parent !== handler.fn; parent = parent.parent) {
        if (parent.type === 'IfStatement' && SESSION_WORDS.test(sourceCode.getText(parent.test))) {
          return zh ? '页面路由中（访客一打开页面就被跳转授权）' : 'from a page route as soon as a visitor without a session opens it';
        }
      }
      return explicit ? (zh ? '服务端' : 'on the server') : undefined;
    };

    const purposeText = (purpose: ConsentPurpose): string => {
      if (!zh) return purpose;
      const names: Record<ConsentPurpose, string> = {
        location: '位置',
        photos: '照片',
        camera: '摄像头',
        microphone: '麦克风',
        address: '地址',
        invoice: '发票',
        profile: '个人资料',
        clipboard: '剪贴板',
      };
      return names[purpose];
    };

    /** `oauth.getAuthorizeURL(redirect, state, 'snsapi_userinfo')` reached through a constant. */
    const isUserinfoSdkUrl = (node: TSESTree.Node): boolean => {
      let current = unwrap(node);
      for (let hops = 0; hops < 4 && current.type === 'Identifier'; hops++) {
        const value = resultOf(current);
        if (!value) return false;
        current = unwrap(value);
        if (current.type === 'AwaitExpression') current = unwrap(current.argument);
      }
      if (current.type !== 'CallExpression') return false;
      const name = calleeName(current);
      const index = name ? OAUTH_URL_BUILDERS[name] : undefined;
      const scope = index === undefined ? undefined : current.arguments[index];
      return !!scope && analysis.values.textOf(scope) === 'snsapi_userinfo';
    };

    // The file's code path collector answers whether a branch always leaves (analysis/code-paths.ts).
    return defineAnalysisVisitor(context, () => ({
      CallExpression(node: TSESTree.CallExpression) {
        const api = flow.jssdkApiOf(node);
        const jssdk = api ? JSSDK_PERSONAL_DATA_CALLS[api] : undefined;
        if (jssdk && api) {
          candidates.push({ node, messageId: 'collection', api: `wx.${api}()`, purpose: jssdk.purpose });
          return;
        }
        const path = globalPath(node.callee, flow);
        const browser = path ? BROWSER_PERSONAL_DATA_CALLS[path] : undefined;
        if (path && browser) {
          let purpose = browser.purpose;
          // getUserMedia({ audio: true }) asks for the microphone only.
          const constraints = node.arguments[0] ? analysis.values.objectOf(node.arguments[0]) : undefined;
          if (purpose === 'camera' && constraints) {
            const keys = constraints.properties.map((property) =>
              property.type === 'Property' && property.key.type === 'Identifier' ? property.key.name : '',
            );
            if (keys.includes('audio') && !keys.includes('video')) purpose = 'microphone';
          }
          candidates.push({ node, messageId: 'collection', api: `${path}()`, purpose });
        }
      },
      onCodePathEnd(_codePath: unknown, node: TSESTree.Node) {
        if (node.type !== 'Program') return;
        // OAuth into snsapi_userinfo: a navigation or redirect to the authorize URL (raw or built by an SDK).
        for (const sink of analysis.navigation) {
          if (!sink.target) continue;
          if (!isUserinfoAuthorizeUrl(analysis, sink.target) && !isUserinfoSdkUrl(sink.target)) continue;
          candidates.push({ node: sink.node, messageId: 'oauthUserinfo', api: 'OAuth', purpose: 'profile' });
        }
        const consentFunction = firstDeclaredFunction(sourceCode.ast, settings.consentFunctions);
        for (const candidate of candidates) {
          const server = candidate.messageId === 'oauthUserinfo' && analysis.contexts.handlerOf(candidate.node) !== undefined;
          const when = server || analysis.fileKind === 'server' ? serverWhen(candidate.node) : browserWhen(candidate.node);
          if (!when) continue;
          if (isGated(analysis.codePaths, candidate.node, isConsentCheck, resultOf)) continue;
          context.report({
            node: candidate.node,
            messageId: candidate.messageId,
            data: { api: candidate.api, purpose: purposeText(candidate.purpose), when },
            // Asking in the browser is the fix; a server redirect has no one to ask (use snsapi_base there).
            suggest: consentFunction && !server && analysis.fileKind !== 'server' ? suggestions(candidate, consentFunction) : [],
          });
        }
      },
    }) as unknown as TSESLint.RuleListener);

    function suggestions(
      candidate: Candidate,
      fn: string,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const statement = enclosingStatement(candidate.node);
      if (!statement) return [];
      const owner = enclosingFunction(candidate.node);
      const ask = `${fn}('${candidate.purpose}')`;
      const text = sourceCode.getText(statement);
      const isArrowBody = statement.parent?.type === 'ArrowFunctionExpression' && statement.parent.body === statement;
      // Wrapping a declaration in a callback would hide the names it declares from the code after it.
      if (!owner?.async && statement.type === 'VariableDeclaration') return [];
      return [
        {
          messageId: 'askFirst',
          data: { fn, purpose: candidate.purpose },
          fix(fixer) {
            if (owner?.async) {
              const guard = `if (!(await ${ask})) return;`;
              if (isArrowBody) return fixer.replaceText(statement, `{ ${guard} return ${text}; }`);
              const line = sourceCode.lines[statement.loc.start.line - 1];
              const indent = /^\s*/u.exec(line)?.[0] ?? '';
              const startsLine = line.slice(0, statement.loc.start.column).trim() === '';
              return fixer.insertTextBefore(statement, `${guard}${startsLine ? `\n${indent}` : ' '}`);
            }
            const body = isArrowBody ? `${text};` : text;
            const wrapped = `${ask}.then((ok) => { if (ok) { ${body} } });`;
            return fixer.replaceText(statement, isArrowBody ? `{ ${wrapped} }` : wrapped);
          },
        },
      ];
    }
  },
});

