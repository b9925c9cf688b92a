import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isUserDataLabel } from '../analysis/dataflow/index.js';
import { getFileAnalysis } from '../analysis/index.js';
import { defineTemplateVisitor } from '../analysis/template.js';
import { knownPrefix, urlsInText, urlsInValue } from '../analysis/values.js';
import { USER_DATA_FIELDS } from '../knowledge/user-data.js';
import { isLocalHost, isWeixinHost, isXmlNamespaceAt, PASSIVE_CONTENT_ELEMENTS } from '../knowledge/weixin-urls.js';
import { createRule } from '../util/createRule.js';
import { matchesAnyWordPattern } from '../util/name-words.js';

type MessageIds = 'weixinHttp' | 'userDataHttp' | 'useHttps';

const HTTP = 'http://';
/** Every field name that holds user data or a credential (knowledge/user-data.ts). */
const USER_DATA_PATTERNS: readonly string[] = Object.values(USER_DATA_FIELDS).flat();

/** The outermost `+` concatenation (or the template) a string is part of: the whole URL expression. */
function urlExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent?.type === 'BinaryExpression' && current.parent.operator === '+') current = current.parent;
  return current;
}

/** Pieces of source text that hold string content: a literal's text, or each quasi of a template. */
function stringPieces(node: TSESTree.Literal | TSESTree.TemplateLiteral): TSESTree.Range[] {
  if (node.type === 'Literal') return [node.range];
  return node.quasis.map((quasi) => quasi.range);
}

export default createRule<[], MessageIds>({
  name: 'require-https',
  meta: {
    type: 'problem',
    fixable: 'code',
    hasSuggestions: true,
    docs: {
      description: 'Require `https://` for Weixin hosts and for URLs that carry user data or credentials',
      descriptionZh: '要求访问微信域名以及携带用户数据或凭据的 URL 使用 `https://`',
      clause: 'S2',
      recommended: 'error',
    },
    schema: [],
    messages: {
      weixinHttp: '[S2] `http://{{host}}` sends this traffic to Weixin unencrypted, where it can be read and changed on the way. Use `https://`.',
      userDataHttp:
        '[S2] This `http://` URL carries user data or a credential (`{{field}}`) unencrypted, where anyone on the network can read it. Use `https://`.',
      useHttps: '[S2] Use `https://`.',
    },
  },
  messagesZh: {
    weixinHttp: '[S2] `http://{{host}}` 以明文访问微信，传输中可被窃听和篡改。请使用 `https://`。',
    userDataHttp: '[S2] 此 `http://` URL 以明文携带用户数据或凭据（`{{field}}`），同一网络中的任何人都能读取。请使用 `https://`。',
    useHttps: '[S2] 改用 `https://`。',
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;

    /**
     * The `http://` URLs written in source text `[start, end)` that reach a host (not this machine, not an XML
     * namespace name, which is an identifier, never requested), split by the one URL parser (analysis/values.ts),
     * each with the fix that makes it `https://`.
     */
    function* plainHttpUrls(start: number, end: number) {
      const lower = text.slice(start, end).toLowerCase();
      for (const { start: at, url } of urlsInText(text.slice(start, end), 'http')) {
        const host = url.host;
        if (!host || isLocalHost(host) || isXmlNamespaceAt(lower, at)) continue;
        const offset = start + at;
        yield { host, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange([offset, offset + HTTP.length], 'https://') };
      }
    }

    const check = (node: TSESTree.Literal | TSESTree.TemplateLiteral) => {
      for (const [start, end] of stringPieces(node)) {
        for (const { host, fix } of plainHttpUrls(start, end)) {
          if (isWeixinHost(host)) {
            if (!isPassiveImage(node) && !isTestData(node)) context.report({ node, messageId: 'weixinHttp', data: { host }, fix });
          } else {
            const field = userDataField(node, host);
            if (field) context.report({ node, messageId: 'userDataHttp', data: { field }, suggest: [{ messageId: 'useHttps', fix }] });
          }
        }
      }
    };

    /**
     * The `src` of an image or media element (`<img src="http://…">`, knowledge/weixin-urls.ts): passive content
     * that runs no code. Only a Weixin URL with no user data in it gets here (user data is checked apart).
     */
    function isPassiveImage(node: TSESTree.Node): boolean {
      const attribute = node.parent;
      if (attribute?.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== 'src') return false;
      const element = attribute.parent;
      return element.type === 'JSXOpeningElement' && element.name.type === 'JSXIdentifier' && PASSIVE_CONTENT_ELEMENTS.has(element.name.name.toLowerCase());
    }

    /**
     * A Weixin URL in test code that the test does not request or navigate to: fixture data (a stored article
     * link), never fetched by anyone, let alone the account's users.
     */
    function isTestData(node: TSESTree.Node): boolean {
      const analysis = getFileAnalysis(context);
      if (!analysis.isTestFile) return false;
      const within = (outer: TSESTree.Node | undefined) => !!outer && outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
      return !analysis.requests.some((request) => within(request.urlNode)) && !analysis.navigation.some((sink) => within(sink.target));
    }

    /** A query parameter of the `http://host…` URL that names user data (the URL as its expression builds it). */
    function userDataField(node: TSESTree.Node, host: string): string | undefined {
      const analysis = getFileAnalysis(context);
      for (const value of analysis.values.valuesOf(urlExpression(node)).slice(0, 4)) {
        const url = urlsInValue(value, 'http').find((found) => found.url.host === host)?.url;
        for (const name of url?.query.keys() ?? []) {
          if (matchesAnyWordPattern(name, USER_DATA_PATTERNS)) return name;
        }
      }
      // User data that flows into the URL, or into the body or query of the request it opens (data flow).
      const expression = urlExpression(node);
      const payload = analysis.requests
        .filter((request) => request.urlNode === expression)
        .flatMap((request) => [request.body, request.query])
        .filter((part): part is TSESTree.Node => part !== undefined);
      for (const part of [expression, ...payload]) {
        const label = analysis.dataFlow.labelsOf(part).find(isUserDataLabel);
        if (label) return label.kind;
      }
      return undefined;
    }

    /**
     * Requests whose `http://` URL is written in another module (a config value, a wrapper's base URL) and that
     * carry user data from this file: the data is only known here, so the finding is reported on the call. The
     * other module's literal itself is checked when that module is linted (Weixin hosts are reported there).
     */
    const checkCrossFileRequests = () => {
      const analysis = getFileAnalysis(context);
      if (!analysis.project) return;
      for (const request of analysis.requests) {
        if (!analysis.crossFileOrigin(request.node)) continue;
        const value = request.url[0];
        const prefix = value ? knownPrefix(value).toLowerCase() : '';
        if (!prefix.startsWith(HTTP)) continue;
        if (request.urlNode && sourceCode.getText(request.urlNode).toLowerCase().includes(HTTP)) continue;
        const host = urlsInText(prefix, 'http')[0]?.url.host;
        if (!host || isLocalHost(host) || isWeixinHost(host)) continue;
        for (const part of [request.urlNode, request.body, request.query]) {
          const label = part ? analysis.dataFlow.labelsOf(part).find(isUserDataLabel) : undefined;
          if (label) {
            context.report({ node: request.node, messageId: 'userDataHttp', data: { field: label.kind } });
            break;
          }
        }
      }
    };

    const isCode = (node: TSESTree.Node): boolean => {
      const parent = node.parent;
      // Module names, object keys and type-level strings are not URLs the program uses.
      if (!parent) return false;
      if (parent.type === 'ImportDeclaration' || parent.type === 'ExportAllDeclaration' || parent.type === 'ExportNamedDeclaration') return false;
      if (parent.type === 'ImportExpression' || parent.type === 'TSLiteralType' || parent.type === 'TSExternalModuleReference') return false;
      if (parent.type === 'Property' && parent.key === node) return false;
      return true;
    };

    /**
     * A Vue template attribute value (`href="…"`, `:href="'…'"`): the same checks on its source text; user data is
     * read from the URL's own query (template values do not flow through the script's value analysis).
     */
    const checkTemplate = (node: TSESTree.Node, value: string, attributeName: string, elementName: string) => {
      const written = urlsInText(value, 'http');
      for (const { host, fix } of plainHttpUrls(...node.range)) {
        if (isWeixinHost(host)) {
          if (!(attributeName === 'src' && PASSIVE_CONTENT_ELEMENTS.has(elementName))) context.report({ node, messageId: 'weixinHttp', data: { host }, fix });
          continue;
        }
        const query = written.find((found) => found.url.host === host)?.url.query;
        const field = [...(query?.keys() ?? [])].find((name) => matchesAnyWordPattern(name, USER_DATA_PATTERNS));
        if (field) context.report({ node, messageId: 'userDataHttp', data: { field }, suggest: [{ messageId: 'useHttps', fix }] });
      }
    };

    return defineTemplateVisitor(
      context,
      {
        attribute(attribute) {
          if (attribute.value?.toLowerCase().includes(HTTP)) checkTemplate(attribute.valueNode as TSESTree.Node, attribute.value, attribute.name, attribute.element.rawName.toLowerCase());
        },
      },
      {
        Literal(node: TSESTree.Literal) {
          if (typeof node.value === 'string' && isCode(node) && node.value.toLowerCase().includes(HTTP)) check(node);
        },
        TemplateLiteral(node: TSESTree.TemplateLiteral) {
          if (isCode(node) && node.quasis.some((quasi) => (quasi.value.cooked ?? quasi.value.raw).toLowerCase().includes(HTTP))) check(node);
        },
        'Program:exit'() {
          checkCrossFileRequests();
        },
      },
    );
  },
});
