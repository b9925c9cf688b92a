import type { TSESLint } from '@typescript-eslint/utils';
import { fileKey } from '../analysis/ast.js';
import { importsTriggeringModule } from '../analysis/project/importers.js';
import { hostMatchesSetting } from '../analysis/values.js';
import { prefilterOf, prefilterText, type PrefilterResult } from './prefilter.js';
import { isLocalHost } from '../knowledge/weixin-urls.js';
import { pageEvidenceOf, type SavedPageEvidence } from './page-facts.js';
import { getPluginSettings } from './settings.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Why the rules skip a file; undefined: they run. */
export type SkipReason =
  | { kind: 'no-trigger' }
  | { kind: 'vendored'; vendored: NonNullable<PrefilterResult['vendored']> }
  | { kind: 'saved-page'; evidence: SavedPageEvidence };

/**
 * The evidence that makes a page a saved copy of another site's page, under the project's `ownHosts`: a `saved
 * from url` comment (browsers write it when they save a page) always; a `<base>`, canonical link or `og:url` only
 * when it names a host that is not the project's own (nor a local one).
 */
export function savedCopyEvidence(
  evidence: readonly SavedPageEvidence[],
  ownHosts: readonly string[],
): SavedPageEvidence | undefined {
  return evidence.find(
    (item) =>
      item.kind === 'saved-from' ||
      (item.host !== '' && !isLocalHost(item.host) && !ownHosts.some((pattern) => hostMatchesSetting(item.host, pattern))),
  );
}

/**
 * The evidence the gate skips a page for under a project's settings (plugin-wide settings, or a `.wechat-oa.json`
 * as read): none when `lintSavedPages` is on or `prefilter` is off. Tools that report what was skipped (the CLI's
 * notes, `--explain`) ask this, so they say what the rules did.
 */
export function savedCopySkip(
  evidence: readonly SavedPageEvidence[],
  settings: { ownHosts?: readonly string[]; lintSavedPages?: boolean; prefilter?: boolean },
): SavedPageEvidence | undefined {
  if (settings.prefilter === false || settings.lintSavedPages === true) return undefined;
  return savedCopyEvidence(evidence, settings.ownHosts ?? []);
}

/** Strings of a rule's options (tracker names, hosts…): a word a user configures is a trigger of that rule. */
function optionStrings(options: readonly unknown[]): string[] {
  const found: string[] = [];
  const stack: unknown[] = [...options];
  while (stack.length > 0 && found.length < 200) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.length >= 3) found.push(value.toLowerCase());
    } else if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') stack.push(...Object.values(value));
  }
  return found;
}

/** Whether `text` holds one of the strings of a rule's options (case-insensitively). */
export function optionTriggered(text: string, options: readonly unknown[]): boolean {
  const words = optionStrings(options);
  if (words.length === 0) return false;
  const lower = text.toLowerCase();
  return words.some((word) => lower.includes(word));
}

/**
 * The gate every rule passes (util/createRule.ts): a saved copy of another site's page, a vendored copy recognised
 * by content, or a file without any trigger word of knowledge/prefilter.ts builds no model. The settings
 * `lintSavedPages` and `lintVendored` turn the first two off, `prefilter: false` all three.
 */
export function skipReasonOf(context: AnyContext, options: readonly unknown[] = []): SkipReason | undefined {
  // Decided once per file (every rule of the file asks); only a rule's own option strings differ between rules.
  let reason = decisions.get(fileKey(context.sourceCode));
  if (reason === undefined) {
    reason = decide(context) ?? null;
    decisions.set(fileKey(context.sourceCode), reason);
  }
  if (reason?.kind === 'no-trigger' && options.length > 0 && optionTriggered(context.sourceCode.text, options)) return undefined;
  return reason ?? undefined;
}

const decisions = new WeakMap<object, SkipReason | null>();

function decide(context: AnyContext): SkipReason | undefined {
  const settings = getPluginSettings(context);
  if (!settings.prefilter) return undefined;
  const saved = savedCopySkip(pageEvidenceOf(context.physicalFilename ?? context.filename), settings);
  if (saved) return { kind: 'saved-page', evidence: saved };
  const result = prefilterOf(context.sourceCode, settings.lintVendored);
  if (result.verdict === 'lint') return undefined;
  if (result.verdict === 'vendored' && result.vendored) return { kind: 'vendored', vendored: result.vendored };
  // A file that only calls a project helper (or reads a config module) holding trigger words is analysed: the
  // finding is reported at its call (analysis/project/).
  const filename = context.physicalFilename ?? context.filename;
  const hasTrigger = (moduleText: string): boolean => prefilterText(moduleText).verdict === 'lint';
  if (importsTriggeringModule(context.sourceCode.text, filename, context.cwd, settings.aliases, hasTrigger)) return undefined;
  return { kind: 'no-trigger' };
}
