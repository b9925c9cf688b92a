import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { codePathEventsProbe } from '../analysis/code-paths.js';
import type { ClauseId } from '../knowledge/clauses.js';
import { crossFileData, crossFileOriginOf, THROUGH_MESSAGE_SUFFIX, THROUGH_SUFFIX_EN, THROUGH_SUFFIX_ZH } from '../analysis/project/traces.js';
import { ZH_MESSAGE_SUFFIX } from './locale.js';
import { ruleDocsUrl } from './package-info.js';
import { skipReasonOf } from './skip-gate.js';
import { getPluginSettings } from './settings.js';
import { getVueTemplateDirectives, reportStart } from './template-disable.js';

/** The docs fields every wechat-oa rule carries; presets and docs are generated from them. */
export interface WechatOaRuleDocs {
  /** One English sentence: what the rule reports. */
  description: string;
  /** The same in Simplified Chinese. */
  descriptionZh: string;
  /** The specification clause the rule enforces. */
  clause: ClauseId;
  /** Severity in the `recommended` preset; `false` keeps the rule out of it. */
  recommended: 'error' | 'warn' | false;
  /** Options the `strict` preset uses (they also report what cannot be resolved statically); omitted: defaults. */
  strict?: readonly unknown[];
}

export type WechatOaRuleModule<MessageIds extends string = string, Options extends readonly unknown[] = unknown[]> =
  TSESLint.RuleModule<MessageIds, Options, WechatOaRuleDocs> & { name: string };

const creator = ESLintUtils.RuleCreator<WechatOaRuleDocs>(ruleDocsUrl);

type CreatorArgs<Options extends readonly unknown[], MessageIds extends string> = Parameters<
  typeof creator<Options, MessageIds>
>[0];

/**
 * Every rule is made here: the docs URL and docs fields come from one place, and messages exist in English
 * (`meta.messages`) and Simplified Chinese (`messagesZh`). The locale in `settings['wechat-oa'].locale` picks
 * which text a report carries; the CLI and the language server set that setting from `--locale`/`wechatOa.locale`.
 */
/** The message ids a rule reports with: its own and their Simplified Chinese twins (`<id>_zhCN`). */
export type LocalizedMessageIds<MessageIds extends string> = MessageIds | `${MessageIds}${typeof ZH_MESSAGE_SUFFIX}`;

export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  args: CreatorArgs<Options, MessageIds> & {
    messagesZh: Record<MessageIds, string>;
    /**
     * Whether the prefilter may skip the rule on files it has nothing to act on (default true). The data inventory
     * turns it off: it lists every store of every file, user data or not.
     */
    prefilter?: boolean;
  },
): WechatOaRuleModule<LocalizedMessageIds<MessageIds>, Options> {
  const { messagesZh, create, prefilter = true, ...rest } = args;
  const messages: Record<string, string> = { ...rest.meta.messages };
  for (const [id, text] of Object.entries<string>(messagesZh)) messages[`${id}${ZH_MESSAGE_SUFFIX}`] = text;
  // Every message has a twin that names the other file of a cross-file finding (analysis/project/traces.ts).
  for (const [id, text] of Object.entries(messages)) {
    messages[`${id}${THROUGH_MESSAGE_SUFFIX}`] = `${text.replace(/\.$/u, '')}${id.endsWith(ZH_MESSAGE_SUFFIX) ? THROUGH_SUFFIX_ZH : THROUGH_SUFFIX_EN}`;
  }
  const rule = creator<Options, MessageIds>({
    ...rest,
    meta: {
      ...rest.meta,
      // ESLint ≥ 9.15 and typescript-eslint read defaults from `meta.defaultOptions`; the top-level
      // `defaultOptions` (the older typescript-eslint form) is moved there so both forms work.
      ...(rest.meta.defaultOptions === undefined && rest.defaultOptions !== undefined
        ? { defaultOptions: rest.defaultOptions }
        : {}),
      messages: messages as Record<MessageIds, string>,
    },
    // Replaced below (`rule.create`): options merged once per distinct list, the prefilter gate first.
    create: (context, options) => withProgramEnd(create(wrapContext(context), options)),
  });
  // RuleCreator's `create` merges the options with their defaults on every file (a structured clone and a deep
  // merge per rule and file); one run sees a handful of distinct option lists, so each is merged once. Rules never
  // mutate their options.
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as unknown as Options;
  const merged = new Map<string, Options>();
  const optionsOf = (given: readonly unknown[] | undefined): Options => {
    const key = JSON.stringify(given ?? []);
    let options = merged.get(key);
    if (!options) {
      if (merged.size >= 64) merged.clear();
      options = ESLintUtils.applyDefault(defaults, (given ?? null) as Options | null) as Options;
      merged.set(key, options);
    }
    return options;
  };
  const withOptions = (context: Parameters<typeof rule.create>[0]) => withProgramEnd(create(wrapContext(context), optionsOf(context.options)));
  // The one gate of the prefilter (docs/prefilter.md): a file with nothing for any rule, a vendored copy or a saved
  // copy of another site's page builds no model, and the rule returns at once — before even its options are read.
  rule.create = prefilter
    ? (context) => (skipReasonOf(context, context.options) === undefined ? withOptions(context) : {})
    : withOptions;
  return Object.assign(rule as unknown as WechatOaRuleModule<LocalizedMessageIds<MessageIds>, Options>, {
    name: args.name,
  });
}

/** The context a rule sees: reports localized, filtered by Vue template directives, traced across files. */
function wrapContext<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C): C {
  return localizeContext(withTemplateDirectives(withCrossFileTraces(context)));
}

function localizeContext<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C): C {
  if (getPluginSettings(context).locale !== 'zh-CN') return context;
  const report: C['report'] = (descriptor) => {
    const suggest = descriptor.suggest?.map((suggestion) =>
      'messageId' in suggestion ? { ...suggestion, messageId: `${suggestion.messageId}${ZH_MESSAGE_SUFFIX}` } : suggestion,
    );
    context.report({
      ...descriptor,
      messageId: `${descriptor.messageId}${ZH_MESSAGE_SUFFIX}`,
      ...(suggest ? { suggest } : {}),
    } as typeof descriptor);
  };
  // ESLint's rule context is a frozen object with plain fields: a child object shares them and only swaps `report`.
  return Object.create(context, { report: { value: report } }) as C;
}

/**
 * A report on a node that reaches another module's effect (a wrapper call, an imported config value) switches to
 * the message twin that names the other end; see analysis/project/traces.ts for why the message carries it.
 */
function withCrossFileTraces<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C): C {
  const report: C['report'] = (descriptor) => {
    const node = 'node' in descriptor ? (descriptor.node as Parameters<typeof crossFileOriginOf>[1]) : undefined;
    const origin = crossFileOriginOf(context.sourceCode, node);
    if (!origin) {
      context.report(descriptor);
      return;
    }
    context.report({
      ...descriptor,
      messageId: `${descriptor.messageId}${THROUGH_MESSAGE_SUFFIX}`,
      data: { ...descriptor.data, ...crossFileData(origin, context.cwd) },
    } as typeof descriptor);
  };
  return Object.create(context, { report: { value: report } }) as C;
}

/**
 * ESLint never reads `<!-- eslint-disable… -->` comments in a Vue template: reports they turn off are dropped here,
 * for every rule of the plugin, whatever processor the project uses. A processor-side filter would
 * depend on the `.vue` processor in effect (eslint-plugin-vue's own would replace ours, and the other way round).
 */
function withTemplateDirectives<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C): C {
  const directives = getVueTemplateDirectives(context.sourceCode);
  if (directives.isEmpty) return context;
  const report: C['report'] = (descriptor) => {
    const start = reportStart(descriptor as Parameters<typeof reportStart>[0]);
    if (start && directives.isDisabled(context.id, start)) return;
    context.report(descriptor);
  };
  return Object.create(context, { report: { value: report } }) as C;
}

type Listener = (...args: unknown[]) => void;

/**
 * Rules that report once every fact of the file is known do so from the Program's `onCodePathEnd`, which ESLint
 * calls after `Program:exit`. An engine without code path events never calls it (oxlint's JS plugins before they
 * ran code path analysis, see docs/oxlint.md): there, decided at `Program`, the rule's `onCodePathEnd` is called
 * for the Program right after its own `Program:exit`, and the facts come from the tree (analysis/code-paths.ts).
 */
function withProgramEnd(listeners: TSESLint.RuleListener): TSESLint.RuleListener {
  const own = listeners as Record<string, Listener | undefined>;
  const onCodePathEnd = own.onCodePathEnd;
  if (!onCodePathEnd) return listeners;
  const probe = codePathEventsProbe();
  const probeListeners = probe.listeners as Record<string, Listener>;
  const chain = (first: Listener, second: Listener | undefined): Listener =>
    second
      ? (...args) => {
          first(...args);
          second(...args);
        }
      : first;
  const programExit = own['Program:exit'];
  return {
    ...listeners,
    onCodePathStart: chain(probeListeners.onCodePathStart, own.onCodePathStart),
    Program: chain(probeListeners.Program, own.Program),
    'Program:exit': (...args: unknown[]) => {
      programExit?.(...args);
      if (probe.delivered === false) onCodePathEnd(undefined, args[0]);
    },
  } as TSESLint.RuleListener;
}
