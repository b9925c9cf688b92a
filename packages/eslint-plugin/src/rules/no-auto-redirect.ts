import type { TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { atProgramEnd, defineAnalysisVisitor, type FileAnalysis, type NavigationSink, type StringValue } from '../analysis/index.js';
import { ownHostPatterns } from '../analysis/own-origins.js';
import { knownPrefix, leadingHole, textOf } from '../analysis/values.js';
import { createRule } from '../util/createRule.js';
import { resolveSettings, type ResolvedSettings, settingOptionProperties } from '../util/settings.js';

type MessageIds = 'browserRedirect' | 'serverRedirect' | 'attackerTarget' | 'unresolvedTarget';
type Options = [{ ownHosts?: string[]; trustedUrls?: string[]; replaceDefaults?: boolean; checkUnresolvedTargets?: boolean }];

/** How bad one possible target is; the worst one decides the report. */
type Verdict = { kind: 'external'; target: string } | { kind: 'attacker'; source: string } | { kind: 'unresolved' } | { kind: 'fine' };

const MAX_SHOWN = 60;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ');
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN - 1)}…` : oneLine;
}

function verdictOf(analysis: FileAnalysis, value: StringValue, settings: ResolvedSettings): Verdict {
  if (analysis.isTrustedTarget(value, settings)) return { kind: 'fine' };
  const origin = analysis.originOf(value, settings);
  switch (origin) {
    case 'own':
    case 'non-web':
      return { kind: 'fine' };
    case 'weixin':
    case 'third-party': {
      const text = textOf(value);
      return { kind: 'external', target: shorten(text ?? `${knownPrefix(value)}…`) };
    }
    case 'attacker': {
      const hole = leadingHole(value);
      // `ALLOWED.has(q.next) ? q.next : '/'`: the part itself is checked where it is taken.
      if (hole?.node && analysis.validation.isValidated(hole.node, hole.node)) return { kind: 'fine' };
      const source = hole?.node ? analysis.sourceCode.getText(hole.node) : '';
      return { kind: 'attacker', source: shorten(source) };
    }
    default: {
      const hole = leadingHole(value);
      if (hole?.node && analysis.validation.isValidated(hole.node, hole.node)) return { kind: 'fine' };
      return { kind: 'unresolved' };
    }
  }
}

const RANK: Record<Verdict['kind'], number> = { external: 3, attacker: 2, unresolved: 1, fine: 0 };

export default createRule<Options, MessageIds>({
  name: 'no-auto-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending the browser to other websites automatically, without a user gesture',
      descriptionZh: '禁止在没有用户操作的情况下自动把浏览器跳转到其他网站',
      clause: 'S7',
      recommended: 'error',
      strict: [{ checkUnresolvedTargets: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          ...(settingOptionProperties(['ownHosts', 'trustedUrls']) as Record<string, JSONSchema4>),
          checkUnresolvedTargets: {
            type: 'boolean',
            description: 'Also report automatic navigations whose target cannot be resolved statically.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      browserRedirect:
        '[S7] The page sends the visitor to another website ({{target}}) on its own. Navigate away only when the user clicks or submits, or stay on your own site or a URL in `trustedUrls`.',
      serverRedirect:
        '[S7] This response redirects every visitor to another website ({{target}}). Redirect to your own pages or a URL in `trustedUrls`, or show a link the user chooses to follow.',
      attackerTarget:
        '[S7] Automatic redirect to a URL taken from `{{source}}`: it can send visitors to any website. Check it against an allowlist of your own paths or `trustedUrls` before redirecting.',
      unresolvedTarget:
        '[S7] Automatic redirect to a target that cannot be resolved statically. Make sure it stays on your own site or in `trustedUrls` (check it against an allowlist), or navigate only on a user gesture.',
    },
  },
  messagesZh: {
    browserRedirect:
      '[S7] 页面在用户没有操作的情况下把访问者跳转到其他网站（{{target}}）。请只在用户点击或提交时跳转，或只跳转到自己的网站或 `trustedUrls` 中的地址。',
    serverRedirect:
      '[S7] 此响应把每个访问者重定向到其他网站（{{target}}）。请重定向到自己的页面或 `trustedUrls` 中的地址，或展示一个由用户自己选择是否打开的链接。',
    attackerTarget:
      '[S7] 自动跳转的目标取自 `{{source}}`，可以把访问者带到任意网站。跳转前请用自己的路径或 `trustedUrls` 白名单校验它。',
    unresolvedTarget:
      '[S7] 自动跳转的目标无法静态确定。请确认它只指向自己的网站或 `trustedUrls`（用白名单校验），或只在用户操作时跳转。',
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const settings = resolveSettings(context, options);
    const checkUnresolved = options.checkUnresolvedTargets === true;
    let withOwnOrigins: ResolvedSettings | undefined;
    return defineAnalysisVisitor(context, (analysis) =>
      // Validation needs dominance from code paths: report when they are complete.
      atProgramEnd(() => {
        const kind = analysis.fileKind;
        for (const sink of analysis.navigation) {
          if (sink.side === 'browser' && kind === 'server') continue;
          if (sink.side === 'server' && kind === 'browser') continue;
          if (!isAutomatic(analysis, sink)) continue;
          // The own origins the code shows (OAuth redirect_uri, local addresses, package.json homepage) count as own.
          withOwnOrigins ??= { ...settings, ownHosts: [...settings.ownHosts, ...ownHostPatterns(analysis)] };
          const verdict = worstVerdict(analysis, sink, withOwnOrigins);
          if (verdict.kind === 'fine') continue;
          if (verdict.kind === 'unresolved' && !checkUnresolved) continue;
          if (sink.target && analysis.validation.isValidated(sink.target, sink.node)) continue;
          report(sink.node, sink, verdict);
        }
      }),
    );

    function report(node: TSESTree.Node, sink: NavigationSink, verdict: Exclude<Verdict, { kind: 'fine' }>): void {
      if (verdict.kind === 'external') {
        context.report({ node, messageId: sink.side === 'server' ? 'serverRedirect' : 'browserRedirect', data: { target: verdict.target } });
      } else if (verdict.kind === 'attacker') {
        context.report({ node, messageId: 'attackerTarget', data: { source: verdict.source } });
      } else {
        context.report({ node, messageId: 'unresolvedTarget' });
      }
    }
  },
});

/** Browser navigations count in automatic contexts; meta refresh always; server redirects always (the server decides). */
function isAutomatic(analysis: FileAnalysis, sink: NavigationSink): boolean {
  if (sink.side === 'server' || sink.kind === 'meta-refresh') return true;
  return analysis.contexts.contextOf(sink.node) === 'automatic';
}

/**
 * A target that starts with a parameter of a function of this file takes the values its call sites pass
 * (`function go(url) { location.href = url; } go('https://other.example/')`), through the data-flow engine's call
 * sites; the values decide the origin. Anything else, or a function no call in the file reaches, stays as it is.
 */
function throughParameters(analysis: FileAnalysis, value: StringValue): readonly StringValue[] {
  const hole = leadingHole(value);
  const node = hole?.node;
  if (!node || node.type !== 'Identifier' || hole.attacker || hole.own) return [value];
  const flow = analysis.dataFlow;
  const def = flow.referenceOf(node)?.resolved?.defs[0];
  if (def?.type !== 'Parameter') return [value];
  const fn = def.node as TSESTree.FunctionLike;
  const index = (fn.params as TSESTree.Node[]).indexOf(def.name as TSESTree.Node);
  const sites = index < 0 || fn.type === 'TSDeclareFunction' || fn.type === 'TSEmptyBodyFunctionExpression' ? [] : flow.callSitesOf(fn);
  if (sites.length === 0) return [value];
  return sites
    .flatMap((site) => {
      const argument = site.arguments[index];
      return argument && argument.type !== 'SpreadElement' ? analysis.values.valuesOf(argument) : [value];
    })
    .slice(0, 8);
}

function worstVerdict(analysis: FileAnalysis, sink: NavigationSink, settings: ResolvedSettings): Verdict {
  if (sink.targetValues.length === 0) return { kind: 'unresolved' };
  let worst: Verdict = { kind: 'fine' };
  for (const value of sink.targetValues.flatMap((target) => throughParameters(analysis, target))) {
    const verdict = verdictOf(analysis, value, settings);
    if (RANK[verdict.kind] > RANK[worst.kind]) worst = verdict;
  }
  return worst;
}
