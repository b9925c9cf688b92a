import type { TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/index.js';
import { keepSinksOf, type KeepSink } from '../analysis/dataflow/index.js';
import { calleeName, literalString, memberName, propertyKeyName, unwrap } from '../analysis/ast.js';
import { markedText } from '../analysis/values.js';
import {
  MP_DISTINCTIVE_SESSION_COOKIES,
  MP_HOST,
  MP_LOGIN_PASSWORD_FIELD,
  MP_LOGIN_PASSWORD_HASHES,
  MP_SESSION_COOKIES,
} from '../knowledge/mp-login.js';
import { createRule } from '../util/createRule.js';

type MessageIds = 'loginRequest' | 'sessionCookie' | 'passwordLogin' | 'sessionCookieStored' | 'sessionCookieForwarded' | 'sessionRead';

/** `name=` of a session cookie in cookie syntax: at the start or after `;`, a space or a quote. */
const COOKIE_PAIR = new RegExp(`(?:^|[;\\s"'])(${MP_SESSION_COOKIES.join('|')})=`, 'u');

function isHashCall(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type !== 'CallExpression') return false;
  const name = calleeName(target);
  if (name !== undefined && MP_LOGIN_PASSWORD_HASHES.includes(name)) return true;
  // `crypto.createHash('md5').update(password).digest('hex')`: down the call chain to its start.
  let current: TSESTree.Node = target;
  for (let steps = 0; steps < 10 && current.type === 'CallExpression'; steps++) {
    if (calleeName(current) === 'createHash' && literalString(current.arguments[0])?.toLowerCase() === 'md5') return true;
    const callee = unwrap(current.callee);
    if (callee.type !== 'MemberExpression') break;
    current = unwrap(callee.object);
  }
  return false;
}

/** The whole string a piece belongs to: up through the concatenations and templates that build it. */
function concatenationRoot(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = node;
  while (current.parent && ((current.parent.type === 'BinaryExpression' && current.parent.operator === '+') || current.parent.type === 'TemplateLiteral')) {
    current = current.parent;
  }
  return current;
}

export default createRule<[], MessageIds>({
  name: 'no-platform-login-automation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow automating the mp.weixin.qq.com login and handling its session cookies',
      descriptionZh: '禁止自动化登录 mp.weixin.qq.com 以及读写其登录态 Cookie',
      clause: 'S5',
      recommended: 'error',
    },
    schema: [],
    messages: {
      loginRequest:
        '[S5] Request to the Official Accounts Platform login or console ({{path}}): logging in to or driving mp.weixin.qq.com by script is proxy login, which the platform forbids. Use the official APIs with your AppID and AppSecret instead.',
      sessionCookie:
        '[S5] mp.weixin.qq.com session cookie `{{name}}`: setting, reading or forwarding the console session lets a tool act as the logged-in account (proxy login). Use the official APIs with your AppID and AppSecret instead.',
      passwordLogin:
        '[S5] `pwd: md5(…)` is the mp.weixin.qq.com login form: submitting an account password by script is proxy login, which the platform forbids. Use the official APIs with your AppID and AppSecret instead.',
      sessionCookieStored:
        '[S5] The session cookies of the mp.weixin.qq.com console are stored here: keeping the console session lets a tool act as the logged-in account later (proxy login). Use the official APIs with your AppID and AppSecret instead.',
      sessionCookieForwarded:
        '[S5] The session cookies of the mp.weixin.qq.com console are forwarded here: replaying the console session lets a tool act as the logged-in account (proxy login). Use the official APIs with your AppID and AppSecret instead.',
      sessionRead:
        '[S5] The mp.weixin.qq.com console session (its cookies or the token in its address) is read here from a browser the script drives: taking over the logged-in console lets a tool act as the account (proxy login). Use the official APIs with your AppID and AppSecret instead.',
    },
  },
  messagesZh: {
    loginRequest:
      '[S5] 请求了公众平台登录页面或后台页面（{{path}}）：用脚本登录或操作 mp.weixin.qq.com 属于平台禁止的代登录。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookie:
      '[S5] mp.weixin.qq.com 登录态 Cookie `{{name}}`：设置、读取或转发公众平台会话，会让工具以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
    passwordLogin:
      '[S5] `pwd: md5(…)` 是 mp.weixin.qq.com 的登录表单：用脚本提交账号密码属于平台禁止的代登录。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookieStored:
      '[S5] 此处保存了 mp.weixin.qq.com 公众平台的登录态 Cookie：保存公众平台会话，会让工具此后以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookieForwarded:
      '[S5] 此处转发了 mp.weixin.qq.com 公众平台的登录态 Cookie：重放公众平台会话，会让工具以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionRead:
      '[S5] 此处从脚本驱动的浏览器中读取了 mp.weixin.qq.com 公众平台的登录态（Cookie 或地址中的 token）：接管已登录的公众平台，会让工具以该账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    const reported = new Set<TSESTree.Node>();
    const report = (node: TSESTree.Node, messageId: MessageIds, data?: Record<string, string>) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, ...(data ? { data } : {}) });
    };

    /** Whether the file talks to mp.weixin.qq.com at all: the context in which `pwd: md5()` is its login form. */
    let mentionsMp: boolean | undefined;
    const fileMentionsMp = (): boolean => {
      mentionsMp ??= analysis.sourceCode.text.includes(MP_HOST);
      return mentionsMp;
    };

    /** A cookie name counts on its own when only the console uses it, else in a file that talks to mp.weixin.qq.com. */
    const isSessionCookieName = (name: string): boolean =>
      MP_SESSION_COOKIES.includes(name) && (MP_DISTINCTIVE_SESSION_COOKIES.has(name) || fileMentionsMp());

    /** Cookie strings already reported: one Cookie value built from several pieces is one finding. */
    const reportedStrings = new Set<TSESTree.Node>();
    /** A string that holds a session cookie pair (`slave_sid=…`), in a cookie position or unmistakable. */
    const checkCookieString = (node: TSESTree.Literal | TSESTree.TemplateLiteral) => {
      const root = concatenationRoot(node);
      if (reportedStrings.has(root)) return;
      const [value] = analysis.values.valuesOf(node);
      if (!value) return;
      const { text } = markedText(value);
      const match = COOKIE_PAIR.exec(text);
      if (!match) return;
      const name = match[1];
      const names = MP_SESSION_COOKIES.filter((cookie) => text.includes(`${cookie}=`));
      if (MP_DISTINCTIVE_SESSION_COOKIES.has(name) || names.length >= 2 || inCookiePosition(root)) {
        reportedStrings.add(root);
        report(node, 'sessionCookie', { name: names.find((cookie) => MP_DISTINCTIVE_SESSION_COOKIES.has(cookie)) ?? name });
      }
    };

    /**
     * The console session (the cookies a console response set, the cookies of a page that opened the console: the
     * data flow's `console-session` label) where it is kept or forwarded (analysis/dataflow/session-sinks.ts).
     */
    const reportSessionSinks = () => {
      const flow = analysis.dataFlow;
      const sinks: KeepSink[] = [];
      for (const type of ['CallExpression', 'AssignmentExpression', 'Property'] as const) {
        for (const node of analysis.nodes.ofType(type)) sinks.push(...keepSinksOf(node, flow));
      }
      // Outermost first: `redis.set(k, JSON.stringify({ cookie }))` is one store, not also a `cookie` header.
      sinks.sort((a, b) => b.value.range[1] - b.value.range[0] - (a.value.range[1] - a.value.range[0]));
      for (const { value, action } of sinks) {
        const [start, end] = value.range;
        // The same operation already reported: a `slave_sid=` string or a cookie name inside it, or an outer sink.
        if ([...reported].some((node) => (node.range[0] >= start && node.range[1] <= end) || (start >= node.range[0] && end <= node.range[1]))) continue;
        // A digest or a masked copy of the session cannot be replayed; an encrypted one can be decrypted and is kept.
        const session = flow.labelsOf(value).some(
          (label) => label.kind === 'console-session' && !label.sanitizers.some((category) => category === 'anonymize' || category === 'mask'),
        );
        if (!session) continue;
        report(value, action === 'stored' ? 'sessionCookieStored' : 'sessionCookieForwarded');
      }
    };

    /** `page.cookies()`, `page.url().match(/token=…/)` on a browser page that opened the console. */
    const reportPageSessionReads = () => {
      const flow = analysis.dataFlow;
      for (const call of analysis.nodes.ofType('CallExpression')) {
        const read = flow.labelsOf(call).some(
          (label) => (label.kind === 'console-session' || label.kind === 'console-token') && label.origin === call && label.source === 'automation',
        );
        if (read) report(call, 'sessionRead');
      }
    };

    return {
      // Requests to the login, QR-login and console pages (every client, browser automation and frames included).
      'Program:exit'() {
        const requests = analysis.consoleRequests;
        for (const request of requests) report(request.node, 'loginRequest', { path: request.path });
        if (requests.length === 0) return;
        if (requests.some((request) => request.automation)) reportPageSessionReads();
        reportSessionSinks();
      },
      Literal(node: TSESTree.Literal) {
        if (typeof node.value !== 'string') return;
        const parent = node.parent;
        // An import, or an object key, names no cookie value.
        if (parent?.type === 'ImportDeclaration' || parent?.type === 'ExportAllDeclaration' || parent?.type === 'ExportNamedDeclaration') return;
        if (parent?.type === 'Property' && parent.key === node) return;
        if (isSessionCookieName(node.value)) {
          // `cookies.get('slave_sid')`, `res.cookie('data_ticket', …)`, `{ name: 'slave_sid', value }`, `jar['bizuin']`.
          report(node, 'sessionCookie', { name: node.value });
          return;
        }
        if (node.value.includes('=')) checkCookieString(node);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        if (node.quasis.some((quasi) => (quasi.value.cooked ?? '').includes('='))) checkCookieString(node);
      },
      MemberExpression(node: TSESTree.MemberExpression) {
        if (node.computed) return;
        const name = memberName(node);
        // `req.cookies.slave_sid`, `cookies.data_ticket = …`.
        if (name !== undefined && isSessionCookieName(name)) report(node, 'sessionCookie', { name });
      },
      Property(node: TSESTree.Property) {
        const key = propertyKeyName(node);
        if (key === undefined) return;
        // `{ slave_sid: sid }` in a cookie object; `{ pwd: md5(password) }` in a login body.
        if (isSessionCookieName(key) && node.parent?.type === 'ObjectExpression') {
          report(node.value, 'sessionCookie', { name: key });
        } else if (key === MP_LOGIN_PASSWORD_FIELD && isHashCall(node.value) && fileMentionsMp()) {
          report(node.value, 'passwordLogin');
        }
      },
    };
  },
});

/**
 * A whole string (its concatenation root) set as a cookie: a `Cookie` header value, `document.cookie = …`,
 * `.set('Cookie', …)`, a jar's `setCookie`.
 */
function inCookiePosition(current: TSESTree.Node): boolean {
  const parent = current.parent;
  if (!parent) return false;
  if (parent.type === 'Property' && parent.value === current) return /^(?:set-)?cookie$/iu.test(propertyKeyName(parent) ?? '');
  if (parent.type === 'AssignmentExpression' && parent.right === current && parent.left.type === 'MemberExpression') {
    return memberName(parent.left) === 'cookie';
  }
  if (parent.type === 'CallExpression') {
    const name = calleeName(parent) ?? '';
    if (/cookie/iu.test(name)) return true;
    const first = literalString(parent.arguments[0]);
    return first !== undefined && /^(?:set-)?cookie$/iu.test(first) && parent.arguments[1] === current;
  }
  return false;
}
