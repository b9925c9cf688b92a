import type { TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis, type FileAnalysis, type HttpRequest } from '../analysis/index.js';
import { calleeName, literalString, memberName, propertyKeyName, unwrapExpression } from '../analysis/ast.js';
import { markedText, objectProperty, parseUrl, type StringValue } from '../analysis/values.js';
import {
  matchMpLoginEndpoint,
  MP_HOST,
  MP_LOGIN_PASSWORD_FIELD,
  MP_LOGIN_PASSWORD_HASHES,
  MP_SESSION_COOKIES,
} from '../knowledge/mp-login.js';
import { createRule } from '../util/createRule.js';

type MessageIds = 'loginRequest' | 'sessionCookie' | 'passwordLogin';

/** `name=` of a session cookie in cookie syntax: at the start or after `;`, a space or a quote. */
const COOKIE_PAIR = new RegExp(`(?:^|[;\\s"'])(${MP_SESSION_COOKIES.join('|')})=`, 'u');

/** Cookie names that only the platform console uses; `bizuin`/`data_bizuin` alone also name article parameters. */
const DISTINCTIVE_COOKIES = new Set(['slave_sid', 'slave_user', 'data_ticket', 'rand_info']);

function isHashCall(node: TSESTree.Node): boolean {
  const target = unwrapExpression(node);
  if (target.type !== 'CallExpression') return false;
  const name = calleeName(target);
  if (name !== undefined && MP_LOGIN_PASSWORD_HASHES.includes(name)) return true;
  // `crypto.createHash('md5').update(password).digest('hex')`
  let current: TSESTree.Node = target;
  for (let steps = 0; steps < 10 && current.type === 'CallExpression'; steps++) {
    if (calleeName(current) === 'createHash' && literalString(current.arguments[0])?.toLowerCase() === 'md5') return true;
    const callee = unwrapExpression(current.callee);
    if (callee.type !== 'MemberExpression') break;
    current = unwrapExpression(callee.object);
  }
  return false;
}

/** The login page a request's URL (and its `params`/`query` object) hits on mp.weixin.qq.com. */
function loginPath(analysis: FileAnalysis, request: HttpRequest, value: StringValue): string | undefined {
  const url = parseUrl(value);
  if (url.host !== MP_HOST) return undefined;
  const query = new Map(url.query);
  let complete = url.queryComplete;
  const queryObject = request.query ? analysis.values.objectOf(request.query) : undefined;
  if (queryObject) {
    const action = objectProperty(queryObject, 'action');
    if (action) query.set('action', analysis.values.textOf(action));
    for (const property of queryObject.properties) {
      if (property.type === 'Property') {
        const key = propertyKeyName(property);
        if (key !== undefined && !query.has(key)) query.set(key, undefined);
      } else complete = false;
    }
  } else if (request.query) {
    complete = false;
  }
  const endpoint = matchMpLoginEndpoint(url.path, query, complete);
  return endpoint ? url.path.replace(/^\/+/u, '') : undefined;
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
        '[S5] Request to the Official Accounts Platform login ({{path}}): logging in to mp.weixin.qq.com by script is proxy login, which the platform forbids. Use the official APIs with your AppID and AppSecret instead.',
      sessionCookie:
        '[S5] mp.weixin.qq.com session cookie `{{name}}`: setting, reading or forwarding the console session lets a tool act as the logged-in account (proxy login). Use the official APIs with your AppID and AppSecret instead.',
      passwordLogin:
        '[S5] `pwd: md5(…)` is the mp.weixin.qq.com login form: submitting an account password by script is proxy login, which the platform forbids. Use the official APIs with your AppID and AppSecret instead.',
    },
  },
  messagesZh: {
    loginRequest:
      '[S5] 请求了公众平台登录页面（{{path}}）：用脚本登录 mp.weixin.qq.com 属于平台禁止的代登录。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookie:
      '[S5] mp.weixin.qq.com 登录态 Cookie `{{name}}`：设置、读取或转发公众平台会话，会让工具以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
    passwordLogin:
      '[S5] `pwd: md5(…)` 是 mp.weixin.qq.com 的登录表单：用脚本提交账号密码属于平台禁止的代登录。请改用以 AppID 和 AppSecret 调用的官方接口。',
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
      MP_SESSION_COOKIES.includes(name) && (DISTINCTIVE_COOKIES.has(name) || fileMentionsMp());

    /** A string that holds a session cookie pair (`slave_sid=…`), in a cookie position or unmistakable. */
    const checkCookieString = (node: TSESTree.Literal | TSESTree.TemplateLiteral) => {
      const values = analysis.values.valuesOf(node);
      for (const value of values.slice(0, 1)) {
        const { text } = markedText(value);
        const match = COOKIE_PAIR.exec(text);
        if (!match) continue;
        const name = match[1];
        const names = MP_SESSION_COOKIES.filter((cookie) => text.includes(`${cookie}=`));
        if (DISTINCTIVE_COOKIES.has(name) || names.length >= 2 || inCookiePosition(node)) {
          report(node, 'sessionCookie', { name: names.find((cookie) => DISTINCTIVE_COOKIES.has(cookie)) ?? name });
        }
      }
    };

    return {
      // Requests to the login, QR-login and console pages (every client, browser automation included).
      'Program:exit'() {
        for (const request of analysis.requests) {
          for (const value of request.url) {
            const path = loginPath(analysis, request, value);
            if (path) {
              report(request.node, 'loginRequest', { path });
              break;
            }
          }
        }
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

/** A string set as a cookie: a `Cookie` header value, `document.cookie = …`, `.set('Cookie', …)`, a jar's `setCookie`. */
function inCookiePosition(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  // Climb through concatenations and templates that build the cookie string.
  while (current.parent && (current.parent.type === 'BinaryExpression' || current.parent.type === 'TemplateLiteral')) current = current.parent;
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
