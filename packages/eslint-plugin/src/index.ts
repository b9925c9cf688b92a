import type { ESLint, Linter } from 'eslint';
import { buildConfigs, type PresetName } from './configs/index.js';
import { htmlProcessor } from './processors/html.js';
import { rules } from './rules/index.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './util/package-info.js';

export type { ClauseId, Clause } from './knowledge/clauses.js';
export { CLAUSES, CLAUSE_IDS } from './knowledge/clauses.js';
export type { WechatOaSettings } from './util/settings.js';
export { SETTINGS_KEY, SETTINGS_SCHEMA } from './util/settings.js';
export type { Locale } from './util/locale.js';
export { LOCALES, normalizeLocale } from './util/locale.js';
export type { WechatOaRuleDocs } from './util/createRule.js';
export { PRESET_NAMES, SCRIPT_FILES, VUE_FILES, HTML_FILES, type PresetName } from './configs/index.js';
export {
  getHtmlEventHandlers,
  HTML_EVENT_HANDLER_BLOCK,
  HTML_EVENT_HANDLER_MARKER,
  HTML_MARKUP_BLOCK,
  HTML_SCRIPT_BLOCK,
} from './processors/html.js';
export { templateEventsOf } from './analysis/vue.js';
export { describeHtmlPage, type TemplateScripts } from './processors/html.js';
export { savedCopyEvidence, savedCopySkip } from './util/skip-gate.js';
export type { SavedPageEvidence } from './util/page-facts.js';
export { createFactsCollector, explainText, type FileExplanation, type FileFacts } from './explain.js';
export { parseCrossFileTrace, type CrossFileTrace } from './analysis/project/traces.js';
export { invalidateModule, dependantsOfModule, setModuleText } from './analysis/project/model.js';
export { importersOf, ModuleGraph } from './analysis/project/importers.js';
export {
  disableCommentSyntaxAt,
  disableNextLineComment,
  disableNextLineEdits,
  type CommentEdit,
  type DisableCommentSyntax,
} from './processors/comment-syntax.js';

interface WechatOaPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules & ESLint.Plugin['rules'];
  configs: Record<PresetName, Linter.Config[]>;
  processors: { html: typeof htmlProcessor };
}

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: 'wechat-oa' },
  rules,
  processors: { html: htmlProcessor },
  configs: {} as Record<PresetName, Linter.Config[]>,
} as WechatOaPlugin;

plugin.configs = buildConfigs(plugin);

export { rules };
// Named twins of the default export's fields: tools that `require()` this ES module (eslint-doc-generator on
// Node ≥ 20.19) read the module namespace, not `default`.
export const configs: WechatOaPlugin['configs'] = plugin.configs;
export const meta: WechatOaPlugin['meta'] = plugin.meta;
export const processors: WechatOaPlugin['processors'] = plugin.processors;
export default plugin;

export type { Inventory, InventoryEntry, StoreSummary } from './inventory/types.js';
export { createInventoryCollector, type FileInventory } from './inventory/rule.js';
export { buildInventory, inventoryToMarkdown, markConsent } from './inventory/report.js';
export { INVENTORY_DEFAULT_IGNORES, runInventory, type InventoryRunOptions } from './inventory/run.js';
