import type { TSESTree } from '@typescript-eslint/utils';
import { AWAIT, unwrap } from '../analysis/ast.js';
import { calleeName, destinationOfUrls, globalPath, kindsOfName, requestPayload } from '../analysis/dataflow/index.js';
import { getFileAnalysis, parseUrl, type UrlInfo } from '../analysis/index.js';
import { isUnderHostPath, isWebUrl, leadingHole, parseUrlText } from '../analysis/values.js';
import {
  STORE_READ_METHODS,
  STORE_WRITE_METHODS,
  TRACKER_SDKS,
  type TrackerSdk,
  VIEWED_OWNER_WORDS,
  VIEWER_WORDS,
  VISIT_STORE_PHRASES_ZH,
  VISIT_STORE_WORDS,
} from '../knowledge/trackers.js';
import { IDENTITY_KINDS, VIEWER_ID_NAMES } from '../knowledge/user-data.js';
import { identifierWords, matchesAnyWordPattern } from '../util/name-words.js';
import { createRule } from '../util/createRule.js';

type MessageIds = 'replaySdk' | 'viewTracking' | 'storeVisits' | 'listVisitors';
type Options = [{ sessionReplaySdks?: string[] }];

/** URL words of a request that reports what a user looked at (`/api/track/view`, `/stat/pv`, `/visit`). */
const TRACKING_URL_WORDS = new Set([...VISIT_STORE_WORDS, 'track', 'tracking', 'expose', 'exposure', 'impression', 'pv', 'stat', 'stats', 'beacon', 'collect', 'read']);

const VISIT_WORDS = new Set(VISIT_STORE_WORDS);


/** Words of every identifier-like token in a text: `profile_visits (owner_id, visitor_openid)` → profile, visits, owner … */
function textWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}_$]+/gu) ?? []).slice(0, 200).flatMap((token) => identifierWords(token));
}

function namesVisitStore(text: string): boolean {
  return textWords(text).some((word) => VISIT_WORDS.has(word)) || VISIT_STORE_PHRASES_ZH.some((phrase) => text.includes(phrase));
}

const ID_WORDS = new Set(['id', 'ids', 'openid', 'uid', 'unionid', 'no', 'key', 'slug', 'name']);

/** A key naming the viewed owner or page by its id: `authorId`, `owner_id`, `targetUid`, `owner`, `pageId`. */
function isOwnerKey(words: readonly string[]): boolean {
  if (!words.some((word) => VIEWED_OWNER_WORDS.has(word))) return false;
  if (words.some((word) => VIEWER_WORDS.has(word) || VISIT_WORDS.has(word))) return false;
  return words.length === 1 || words.some((word) => ID_WORDS.has(word));
}

/** SQL text: its verb says whether a `query`/`execute` call writes or reads. */
const SQL_VERB = /^\s*(insert|update|replace|upsert|merge|select|with)\b/iu;

export default createRule<Options, MessageIds>({
  name: 'no-visitor-tracking',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tracking which users view or click other users’ pages, and session-replay or heatmap SDKs',
      descriptionZh: '禁止追踪哪些用户浏览或点击了他人的主页，禁止会话录制和点击热图 SDK',
      clause: 'S6',
      recommended: 'error',
    },
    schema: [
      {
        type: 'object',
        properties: {
          sessionReplaySdks: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'More session-replay or heatmap SDKs: module names, global names or script hosts.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      replaySdk:
        '[S6] {{sdk}} records what users see and click (session replay / heatmaps), a tracking feature the platform forbids. Remove it.',
      viewTracking:
        "[S6] The viewer's identity is sent with the viewed {{owner}} by {{api}}, which tracks who looks at whose page. Count views without identity (aggregate counters) instead.",
      storeVisits:
        "[S6] The viewer's identity is stored keyed by the viewed {{owner}} ({{store}}): a \"who viewed me\" record the platform forbids. Keep aggregate counts without identity.",
      listVisitors:
        '[S6] Visitors are read from {{store}} by the viewed {{owner}}: a "who viewed me" list the platform forbids. Show users only their own history.',
    },
  },
  messagesZh: {
    replaySdk: '[S6] {{sdk}} 会记录用户看到和点击的内容（会话录制/热图），属于平台禁止的追踪功能。请移除。',
    viewTracking: '[S6] {{api}} 把访客身份和被浏览的 {{owner}} 一起发送，这是在追踪谁看了谁的主页。请改为不含身份的汇总计数。',
    storeVisits: '[S6] 访客身份按被浏览的 {{owner}} 存储（{{store}}）：这是平台禁止的“谁看过我”记录。请只保存不含身份的汇总计数。',
    listVisitors: '[S6] 按被浏览的 {{owner}} 从 {{store}} 读取访客：这是平台禁止的“谁看过我”列表。只向用户展示他自己的浏览记录。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const analysis = getFileAnalysis(context);
    const flow = getFileAnalysis(context).dataFlowWith(analysis.settings);
    const sourceCode = context.sourceCode;
    const extra = options.sessionReplaySdks ?? [];
    const replaySdks = TRACKER_SDKS.filter((sdk) => sdk.category === 'session-replay');
    const reportedSdks = new Set<string>();
    const globalCalls = new Map<string, TSESTree.CallExpression>();

    const sdkOfModule = (name: string): string | undefined =>
      replaySdks.find((sdk) => sdk.modules?.includes(name))?.name ?? (extra.includes(name) ? name : undefined);
    const sdkOfGlobal = (name: string): string | undefined =>
      replaySdks.find((sdk) => sdk.globals?.includes(name))?.name ?? (extra.includes(name) ? name : undefined);
    /** The replay SDK a script URL loads, by its host and path (the one URL parser, analysis/values.ts). */
    const sdkOfUrl = (url: UrlInfo): string | undefined => {
      const matches = (pattern: string) => isUnderHostPath(url, pattern);
      return (
        replaySdks.find((sdk: TrackerSdk) => sdk.hosts?.some(matches))?.name ??
        extra.find((pattern) => pattern.includes('.') && matches(pattern))
      );
    };
    const reportSdk = (node: TSESTree.Node, sdk: string) => {
      reportedSdks.add(sdk);
      context.report({ node, messageId: 'replaySdk', data: { sdk } });
    };

    /** Is a value a viewer's identity: an openid/unionid/profile label, or a key that names the viewer. */
    const isIdentity = (key: string | undefined, value: TSESTree.Node | undefined): boolean => {
      if (key !== undefined) {
        const words = identifierWords(key);
        if (isOwnerKey(words)) return false;
        if (words.some((word) => VIEWER_WORDS.has(word))) return true;
        if (kindsOfName(key).some((kind) => IDENTITY_KINDS.has(kind)) || matchesAnyWordPattern(key, VIEWER_ID_NAMES)) return true;
      }
      return !!value && flow.labelsOf(value).some((label) => (IDENTITY_KINDS as ReadonlySet<string>).has(label.kind));
    };

    /**
     * The address of the page being viewed (`document.URL`, `location.href`): a page-view record names the viewed
     * page by it, whatever its key is called.
     */
    const isPageAddress = (value: TSESTree.Node): boolean => {
      const values = analysis.values.valuesOf(value);
      return values.length > 0 && values.every((candidate) => leadingHole(candidate)?.attacker === 'page-url');
    };

    /** The owner key and whether the viewer's identity travels with it, in a payload (object, URL query, SQL text). */
    const payloadFacts = (nodes: readonly TSESTree.Node[]): { owner?: string; identity: boolean } => {
      let owner: string | undefined;
      let identity = false;
      for (const input of nodes) {
        const node = unwrap(input, AWAIT);
        // The object itself, or the one serialised into the body (`JSON.stringify`, `$.param`, `URLSearchParams`).
        const object = analysis.values.serializedObjectOf(node);
        if (object) {
          for (const property of object.properties) {
            if (property.type !== 'Property') continue;
            const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
            if (!key) continue;
            if (isOwnerKey(identifierWords(key)) || isPageAddress(property.value)) owner ??= key;
            else if (isIdentity(key, property.value)) identity = true;
          }
          continue;
        }
        // A URL or SQL text: its query parameter names and tokens; holes carry the values.
        for (const value of analysis.values.valuesOf(node)) {
          const url = parseUrl(value);
          for (const name of url.query.keys()) {
            if (isOwnerKey(identifierWords(name))) owner ??= name;
            else if (isIdentity(name, undefined)) identity = true;
          }
          const sql = value.parts.length > 0 && typeof value.parts[0] === 'string' && SQL_VERB.test(value.parts[0]);
          for (const part of value.parts) {
            if (typeof part === 'string') {
              if (!sql) continue;
              for (const token of part.match(/[\p{L}\p{N}_]+/gu) ?? []) {
                if (isOwnerKey(identifierWords(token))) owner ??= token;
                else if (/^(?:viewer|visitor)/iu.test(token)) identity = true;
              }
            } else if (part.node) {
              const text = sourceCode.getText(part.node);
              if (isOwnerKey(textWords(text))) owner ??= text;
              else if (isIdentity(undefined, part.node)) identity = true;
            }
          }
        }
        if (!identity && isIdentity(undefined, node)) identity = true;
      }
      return { owner, identity };
    };

    const receiverText = (call: TSESTree.CallExpression): string => {
      const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
      return callee.type === 'MemberExpression' ? sourceCode.getText(callee.object) : '';
    };

    // Calls of a store's write or read method, in source order; whether one runs in a server handler is asked at
    // `Program:exit` only of those that name a visit store (not a walk up the parents for every call of the file).
    const storeCalls: TSESTree.CallExpression[] = [];

    return {
      ImportDeclaration(node) {
        const sdk = typeof node.source.value === 'string' ? sdkOfModule(node.source.value) : undefined;
        if (sdk) reportSdk(node, sdk);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'Identifier' && callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          const sdk = sdkOfModule(String(node.arguments[0].value));
          if (sdk) reportSdk(node, sdk);
          return;
        }
        const path = globalPath(callee, flow);
        const sdk = path ? sdkOfGlobal(path.split('.')[0]) : undefined;
        if (sdk && !globalCalls.has(sdk)) globalCalls.set(sdk, node);
        const method = calleeName(node);
        if (method && (STORE_WRITE_METHODS.has(method) || STORE_READ_METHODS.has(method))) storeCalls.push(node);
      },
      'Literal, TemplateLiteral'(node: TSESTree.Literal | TSESTree.TemplateLiteral) {
        const text = node.type === 'Literal' ? (typeof node.value === 'string' ? node.value : undefined) : node.quasis[0]?.value.cooked;
        if (!text) return;
        const url = parseUrlText(text);
        if (!isWebUrl(url)) return;
        const sdk = sdkOfUrl(url);
        if (!sdk) return;
        // Loaded as a script: `s.src = '…'`, `<script src="…">`, `loadScript('…')`, `setAttribute('src', '…')`.
        const parent = node.parent;
        const isSrc =
          (parent?.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression' && sourceCode.getText(parent.left.property) === 'src') ||
          (parent?.type === 'JSXAttribute' && parent.name.type === 'JSXIdentifier' && parent.name.name === 'src') ||
          parent?.type === 'CallExpression' ||
          parent?.type === 'Property';
        if (isSrc) reportSdk(node, sdk);
      },
      'Program:exit'() {
        for (const [sdk, call] of globalCalls) if (!reportedSdks.has(sdk)) reportSdk(call, sdk);

        // Browser: the viewer's identity sent with the viewed owner/page to the project's own back end.
        if (analysis.fileKind !== 'server') {
          for (const request of analysis.requests) {
            if (analysis.contexts.handlerOf(request.node)) continue;
            const destination = destinationOfUrls(request.url, analysis.settings);
            // Third parties are no-user-data-to-third-party's (docs/architecture.md, owners).
            if (destination.kind === 'third-party' || destination.kind === 'weixin') continue;
            const urlWords = request.url.flatMap((value) => textWords(parseUrl(value).path));
            const automatic = analysis.contexts.contextOf(request.node) === 'automatic';
            if (!automatic && !urlWords.some((word) => TRACKING_URL_WORDS.has(word))) continue;
            const facts = payloadFacts(requestPayload(request));
            if (!facts.owner || !facts.identity) continue;
            context.report({
              node: request.node,
              messageId: 'viewTracking',
              data: { owner: facts.owner, api: `${sourceCode.getText(request.node.callee)}()` },
            });
          }
        }

        // Server: a visit store written with the viewer keyed by the owner, or read by the owner.
        for (const call of storeCalls) {
          const method = calleeName(call);
          if (!method) continue;
          const storeText = [receiverText(call), ...call.arguments.map((argument) => (argument.type === 'Literal' || argument.type === 'TemplateLiteral' ? sourceCode.getText(argument) : ''))].join(' ');
          if (!namesVisitStore(storeText)) continue;
          if (!analysis.contexts.handlerOf(call)) continue;
          const store = receiverText(call) || sourceCode.getText(call.arguments[0] ?? call);
          const verb = call.arguments[0] ? SQL_VERB.exec(analysis.values.textOf(call.arguments[0]) ?? '')?.[1]?.toLowerCase() : undefined;
          const reads = verb === 'select' || verb === 'with';
          if (STORE_WRITE_METHODS.has(method) && !reads) {
            const facts = payloadFacts(call.arguments);
            if (facts.owner && facts.identity) {
              context.report({ node: call, messageId: 'storeVisits', data: { owner: facts.owner, store } });
              continue;
            }
          }
          if (STORE_READ_METHODS.has(method) && (verb === undefined || reads)) {
            const facts = payloadFacts(call.arguments);
            if (facts.owner) context.report({ node: call, messageId: 'listVisitors', data: { owner: facts.owner, store } });
          }
        }
      },
    };
  },
});
