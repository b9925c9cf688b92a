import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { RESPONSE_METHODS } from '../knowledge/plaintext-stores.js';
import { ITERATION_METHODS } from '../knowledge/runtime.js';
import { childNodes } from '../analysis/api-calls.js';
import { getFileAnalysis, type FileAnalysis, type HttpRequest } from '../analysis/index.js';
import { calleeName, calleeObject, isFunctionNode, literalString, memberName, propertyKeyName, unwrap } from '../analysis/ast.js';
import { markedText, objectProperty, parseUrl, type StringValue } from '../analysis/values.js';
import {
  matchMpLoginEndpoint,
  MP_HOST,
  MP_LOGIN_PASSWORD_FIELD,
  MP_LOGIN_PASSWORD_HASHES,
  MP_SESSION_COOKIES,
} from '../knowledge/mp-login.js';
import { createRule } from '../util/createRule.js';

type MessageIds = 'loginRequest' | 'sessionCookie' | 'passwordLogin' | 'sessionCookieStored' | 'sessionCookieForwarded';

/** `name=` of a session cookie in cookie syntax: at the start or after `;`, a space or a quote. */
const COOKIE_PAIR = new RegExp(`(?:^|[;\\s"'])(${MP_SESSION_COOKIES.join('|')})=`, 'u');

/** Cookie names that only the platform console uses; `bizuin`/`data_bizuin` alone also name article parameters. */
const DISTINCTIVE_COOKIES = new Set(['slave_sid', 'slave_user', 'data_ticket', 'rand_info']);

function isHashCall(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type !== 'CallExpression') return false;
  const name = calleeName(target);
  if (name !== undefined && MP_LOGIN_PASSWORD_HASHES.includes(name)) return true;
  // `crypto.createHash('md5').update(password).digest('hex')`
  let current: TSESTree.Node = target;
  for (let steps = 0; steps < 10 && current.type === 'CallExpression'; steps++) {
    if (calleeName(current) === 'createHash' && literalString(current.arguments[0])?.toLowerCase() === 'md5') return true;
    const callee = unwrap(current.callee);
    if (callee.type !== 'MemberExpression') break;
    current = unwrap(callee.object);
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
      sessionCookieStored:
        '[S5] The session cookies of an mp.weixin.qq.com login response are stored here: keeping the console session lets a tool act as the logged-in account later (proxy login). Use the official APIs with your AppID and AppSecret instead.',
      sessionCookieForwarded:
        '[S5] The session cookies of an mp.weixin.qq.com login response are forwarded here: replaying the console session lets a tool act as the logged-in account (proxy login). Use the official APIs with your AppID and AppSecret instead.',
    },
  },
  messagesZh: {
    loginRequest:
      '[S5] 请求了公众平台登录页面（{{path}}）：用脚本登录 mp.weixin.qq.com 属于平台禁止的代登录。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookie:
      '[S5] mp.weixin.qq.com 登录态 Cookie `{{name}}`：设置、读取或转发公众平台会话，会让工具以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
    passwordLogin:
      '[S5] `pwd: md5(…)` 是 mp.weixin.qq.com 的登录表单：用脚本提交账号密码属于平台禁止的代登录。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookieStored:
      '[S5] 此处保存了 mp.weixin.qq.com 登录响应中的登录态 Cookie：保存公众平台会话，会让工具此后以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
    sessionCookieForwarded:
      '[S5] 此处转发了 mp.weixin.qq.com 登录响应中的登录态 Cookie：重放公众平台会话，会让工具以已登录账号的身份操作（代登录）。请改用以 AppID 和 AppSecret 调用的官方接口。',
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

    /**
     * Session cookies read from a login response (`res.headers['set-cookie']`, `headers.get('set-cookie')`,
     * `getSetCookie()`), followed through local variables, `.then` callbacks and same-file functions (returns and
     * parameters) to where they are stored (a store's `set`/`save`/`insert`, `setItem`, `writeFile`, `res.cookie`,
     * a cookie jar) or forwarded (a `Cookie` header, a response body). Runs only in files with a login request.
     */
    const reportCookieFlows = (loginCalls: ReadonlySet<TSESTree.Node>) => {
      const scopeManager = analysis.sourceCode.scopeManager;
      if (!scopeManager) return;
      const dataFlow = analysis.dataFlow;
      const resolved = new Map<TSESTree.Identifier, TSESLint.Scope.Variable>();
      for (const scope of scopeManager.scopes) {
        for (const reference of scope.references) if (reference.resolved) resolved.set(reference.identifier as TSESTree.Identifier, reference.resolved);
      }
      const declaredOf = (node: TSESTree.Node) => scopeManager.getDeclaredVariables(node);
      const variableOf = (node: TSESTree.Node): TSESLint.Scope.Variable | undefined => {
        const target = unwrap(node);
        return target.type === 'Identifier' ? resolved.get(target) : undefined;
      };
      /** Variables holding a login response, or its `headers`. */
      const responses = new Set<TSESLint.Scope.Variable>();
      const headerObjects = new Set<TSESLint.Scope.Variable>();
      /** Variables and functions (by their returns) holding session cookies. */
      const cookies = new Set<TSESLint.Scope.Variable>();
      const cookieFunctions = new Set<TSESTree.Node>();

      const isLoginCall = (node: TSESTree.Node): boolean => {
        let current = unwrap(node);
        if (current.type === 'AwaitExpression') current = unwrap(current.argument);
        return loginCalls.has(current);
      };
      const isResponse = (node: TSESTree.Node): boolean => {
        const variable = variableOf(node);
        return variable ? responses.has(variable) : isLoginCall(node);
      };
      const isHeaders = (node: TSESTree.Node): boolean => {
        const target = unwrap(node);
        if (target.type === 'MemberExpression') {
          const name = memberName(target);
          return (name === 'headers' || name === 'header') && isResponse(target.object);
        }
        if (target.type === 'CallExpression' && calleeName(target) === 'raw') {
          const object = calleeObject(target);
          return !!object && isHeaders(object);
        }
        const variable = variableOf(target);
        return !!variable && headerObjects.has(variable);
      };
      /** `headers['set-cookie']`, `headers.get('set-cookie')`, `headers.getSetCookie()`, `headers.raw()['set-cookie']`. */
      const isCookieRead = (node: TSESTree.Node): boolean => {
        if (node.type === 'MemberExpression') return memberName(node)?.toLowerCase() === 'set-cookie' && isHeaders(node.object);
        if (node.type === 'CallExpression') {
          const name = calleeName(node);
          const object = calleeObject(node);
          if (!object) return false;
          if (name === 'getSetCookie') return isHeaders(object);
          if (name === 'get') return literalString(node.arguments[0])?.toLowerCase() === 'set-cookie' && isHeaders(object);
        }
        return false;
      };
      /** The function whose value a call returns: a `.then` callback, or a same-file function. */
      const functionOf = (call: TSESTree.CallExpression): TSESTree.Node | undefined => {
        if (calleeName(call) === 'then' && isFunctionNode(call.arguments[0])) return call.arguments[0];
        return dataFlow.functionOfCall(call);
      };
      /** Whether the value of `root` carries session cookies: a read, a cookie variable, a cookie function's call. */
      const carries = (root: TSESTree.Node): boolean => {
        const stack: TSESTree.Node[] = [root];
        let steps = 0;
        while (stack.length > 0 && steps++ < 5000) {
          const node = stack.pop() as TSESTree.Node;
          if (isFunctionNode(node)) continue;
          // Facts about the cookies (a count, a comparison, a type) are not the cookies.
          if (node.type === 'MemberExpression' && memberName(node) === 'length') continue;
          if (node.type === 'BinaryExpression' && /^(?:[<>]=?|[!=]==?|instanceof|in)$/u.test(node.operator)) continue;
          if (node.type === 'UnaryExpression' && node.operator !== '-' && node.operator !== '+') continue;
          if (node.type === 'Identifier') {
            const variable = resolved.get(node);
            if (variable && cookies.has(variable)) return true;
            continue;
          }
          if (isCookieRead(node)) return true;
          // A digest of the cookies (`createHash(…).update(cookie).digest('hex')`, `md5(cookie)`) cannot be replayed.
          if (node.type === 'CallExpression' && /^(?:digest|hash|md5|sha\d*|hmac)$/iu.test(calleeName(node) ?? '')) continue;
          if (node.type === 'CallExpression') {
            const fn = functionOf(node);
            if (fn && cookieFunctions.has(fn)) return true;
          }
          for (const child of childNodes(node)) stack.push(child);
        }
        return false;
      };

      // Collect the flow steps in one walk, then iterate to a fixpoint (each round adds a variable or a function).
      const declarators: TSESTree.VariableDeclarator[] = [];
      const assignments: TSESTree.AssignmentExpression[] = [];
      const returns: { fn: TSESTree.Node; value: TSESTree.Node }[] = [];
      const calls: TSESTree.CallExpression[] = [];
      const loops: TSESTree.ForOfStatement[] = [];
      const sinks: CookieSink[] = [];
      const stack: { node: TSESTree.Node; fn: TSESTree.Node | undefined }[] = [{ node: analysis.sourceCode.ast, fn: undefined }];
      let visited = 0;
      while (stack.length > 0 && visited++ < 200_000) {
        const { node, fn } = stack.pop() as { node: TSESTree.Node; fn: TSESTree.Node | undefined };
        if (node.type === 'VariableDeclarator' && node.init) declarators.push(node);
        else if (node.type === 'ForOfStatement') loops.push(node);
        else if (node.type === 'AssignmentExpression') {
          assignments.push(node);
          collectAssignmentSink(node, sinks);
        } else if (node.type === 'ReturnStatement' && node.argument && fn) returns.push({ fn, value: node.argument });
        else if (node.type === 'ArrowFunctionExpression' && node.expression) returns.push({ fn: node, value: node.body });
        else if (node.type === 'CallExpression') {
          calls.push(node);
          collectCallSink(node, sinks);
        } else if (node.type === 'Property' && /^cookie$/iu.test(propertyKeyName(node) ?? '') && isHeaderObject(node.parent)) {
          sinks.push({ node: node.value, action: 'forwarded' });
        }
        const inner = isFunctionNode(node) ? node : fn;
        for (const child of childNodes(node)) stack.push({ node: child, fn: inner });
      }

      const taint = (variables: readonly TSESLint.Scope.Variable[], into: Set<TSESLint.Scope.Variable>): boolean => {
        let grew = false;
        for (const variable of variables) {
          if (!into.has(variable)) {
            into.add(variable);
            grew = true;
          }
        }
        return grew;
      };
      const taintParameter = (fn: TSESTree.FunctionLike, index: number, into: Set<TSESLint.Scope.Variable>): boolean => {
        const parameter = fn.params[index];
        if (!parameter || parameter.type !== 'Identifier') return false;
        return taint(declaredOf(fn).filter((variable) => variable.name === parameter.name), into);
      };
      for (let round = 0; round < 20; round++) {
        let grew = false;
        for (const declarator of declarators) {
          const init = declarator.init as TSESTree.Expression;
          if (isLoginCall(init)) {
            if (declarator.id.type === 'Identifier') grew = taint(declaredOf(declarator), responses) || grew;
            else if (declarator.id.type === 'ObjectPattern') {
              // `const { headers } = await axios.post(loginUrl, …)`
              for (const property of declarator.id.properties) {
                const value = property.type === 'Property' ? property.value : undefined;
                if (property.type === 'Property' && propertyKeyName(property) === 'headers' && value?.type === 'Identifier') {
                  grew = taint(declaredOf(declarator).filter((variable) => variable.name === value.name), headerObjects) || grew;
                }
              }
            }
          } else if (declarator.id.type === 'Identifier' && isHeaders(init)) grew = taint(declaredOf(declarator), headerObjects) || grew;
          else if (carries(init)) grew = taint(declaredOf(declarator), cookies) || grew;
        }
        for (const loop of loops) {
          // `for (const cookie of cookies)`
          if (loop.left.type === 'VariableDeclaration' && carries(loop.right)) {
            for (const declarator of loop.left.declarations) grew = taint(declaredOf(declarator), cookies) || grew;
          }
        }
        for (const assignment of assignments) {
          if (!carries(assignment.right)) continue;
          // `cookie = …`, and `session.cookie = …` (the object then carries the cookies).
          let target = unwrap(assignment.left);
          while (target.type === 'MemberExpression') target = unwrap(target.object);
          const variable = variableOf(target);
          if (variable) grew = taint([variable], cookies) || grew;
        }
        for (const { fn, value } of returns) {
          if (!cookieFunctions.has(fn) && carries(value)) {
            cookieFunctions.add(fn);
            grew = true;
          }
        }
        for (const call of calls) {
          const callback = call.arguments[0];
          if (calleeName(call) === 'then' && isFunctionNode(callback)) {
            const object = calleeObject(call);
            if (object && isLoginCall(object)) grew = taintParameter(callback, 0, responses) || grew;
            else if (object && carries(object)) grew = taintParameter(callback, 0, cookies) || grew;
            continue;
          }
          if (isFunctionNode(callback) && ITERATION_METHODS.has(calleeName(call) ?? '')) {
            // `cookies.forEach((cookie) => jar.setCookieSync(cookie, url))`
            const object = calleeObject(call);
            if (object && carries(object)) grew = taintParameter(callback, 0, cookies) || grew;
            continue;
          }
          const fn = dataFlow.functionOfCall(call);
          if (!fn) continue;
          call.arguments.forEach((argument, index) => {
            if (carries(argument)) grew = taintParameter(fn, index, cookies) || grew;
          });
        }
        if (!grew) break;
      }

      // Outermost first: `redis.set(k, JSON.stringify({ cookie }))` is one store, not also a `cookie` header.
      sinks.sort((a, b) => b.node.range[1] - b.node.range[0] - (a.node.range[1] - a.node.range[0]));
      for (const sink of sinks) {
        const [start, end] = sink.node.range;
        // The same operation already reported: a `slave_sid=` string or a cookie name inside it, or an outer sink.
        if ([...reported].some((node) => (node.range[0] >= start && node.range[1] <= end) || (start >= node.range[0] && end <= node.range[1]))) continue;
        if (!carries(sink.node)) continue;
        report(sink.node, sink.action === 'stored' ? 'sessionCookieStored' : 'sessionCookieForwarded');
      }
    };

    return {
      // Requests to the login, QR-login and console pages (every client, browser automation included).
      'Program:exit'() {
        const loginCalls = new Set<TSESTree.Node>();
        for (const request of analysis.requests) {
          for (const value of request.url) {
            const path = loginPath(analysis, request, value);
            if (path) {
              report(request.node, 'loginRequest', { path });
              loginCalls.add(request.node);
              break;
            }
          }
        }
        if (loginCalls.size > 0) reportCookieFlows(loginCalls);
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

/** Where a value is stored or forwarded: the value expression, and what happens to it. */
interface CookieSink {
  node: TSESTree.Node;
  action: 'stored' | 'forwarded';
}

/** Methods that store what they are given: a key-value store, a database, a file, `localStorage`. */
const STORE_METHODS = new Set([
  'set', 'setex', 'setEx', 'hset', 'hSet', 'hmset', 'mset', 'put', 'setItem', 'lpush', 'rpush', 'sadd',
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputJson', 'writeJson', 'writeJSON',
  // Not `update`: a hash's `update(cookie)` stores nothing.
  'save', 'insert', 'insertOne', 'insertMany', 'create', 'updateOne', 'upsert', 'findOneAndUpdate',
]);


/** A call that stores or forwards its arguments; its value arguments are the sinks. */
function collectCallSink(call: TSESTree.CallExpression, sinks: CookieSink[]): void {
  const name = calleeName(call);
  if (!name) return;
  const callee = unwrap(call.callee);
  const first = literalString(call.arguments[0]);
  // `.set('Cookie', …)` (superagent), `.setHeader('Cookie', …)`, `headers.append('Cookie', …)`.
  if (first !== undefined && /^cookie$/iu.test(first) && /^(?:set|setHeader|header|append)$/u.test(name)) {
    if (call.arguments[1]) sinks.push({ node: call.arguments[1], action: 'forwarded' });
    return;
  }
  // A cookie jar (`jar.setCookie`, `setCookieSync`), `res.cookie(name, value)`, `page.setCookie(...)`.
  if (/cookie/iu.test(name) && callee.type === 'MemberExpression') {
    const action = name === 'cookie' || /^set/u.test(name) ? 'stored' : undefined;
    if (action) for (const argument of call.arguments) sinks.push({ node: argument, action });
    return;
  }
  if (callee.type !== 'MemberExpression') return;
  if (STORE_METHODS.has(name)) {
    // The key of a key-value store is not the stored value.
    const values = /^(?:set|setex|setEx|hset|hSet|put|setItem|writeFile|writeFileSync|appendFile|appendFileSync|outputFile|outputJson|writeJson|writeJSON)$/u.test(name)
      ? call.arguments.slice(1)
      : call.arguments;
    for (const argument of values) sinks.push({ node: argument, action: 'stored' });
  } else if (RESPONSE_METHODS.has(name) && isResponseObject(callee.object)) {
    for (const argument of call.arguments) sinks.push({ node: argument, action: 'forwarded' });
  }
}

/** An object literal of request headers: a `headers` property's value, or a `new Headers({…})` argument. */
function isHeaderObject(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== 'ObjectExpression') return false;
  const parent = node.parent;
  if (parent?.type === 'Property' && parent.value === node) return /^headers$/iu.test(propertyKeyName(parent) ?? '');
  return parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Headers';
}

/** `res`, `response`, `reply`, `ctx.res`: the server's response (not a request builder's `.send`). */
function isResponseObject(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  if (target.type === 'Identifier') return /^(?:res|resp|response|reply)$/u.test(target.name);
  return target.type === 'MemberExpression' && /^(?:res|response)$/u.test(memberName(target) ?? '');
}

/** `ctx.body = …` (a Koa response), `document.cookie = …`, `headers.Cookie = …`, `localStorage.x = …`. */
function collectAssignmentSink(assignment: TSESTree.AssignmentExpression, sinks: CookieSink[]): void {
  const left = unwrap(assignment.left);
  if (left.type !== 'MemberExpression') return;
  const name = memberName(left) ?? '';
  const object = unwrap(left.object);
  if (name === 'body' && object.type === 'Identifier' && object.name === 'ctx') sinks.push({ node: assignment.right, action: 'forwarded' });
  else if (/^cookies?$/iu.test(name)) sinks.push({ node: assignment.right, action: /^[Cc]ookie$/u.test(name) && object.type === 'Identifier' && object.name === 'document' ? 'stored' : 'forwarded' });
  else if (object.type === 'Identifier' && (object.name === 'localStorage' || object.name === 'sessionStorage')) sinks.push({ node: assignment.right, action: 'stored' });
}
