// Names and shapes shared by the language server and its clients (the VS Code extension imports this module).
// Keep it free of runtime dependencies: the extension bundles it into its CommonJS entry.

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'wechat-oa';
/** Section of the client settings the server asks for with `workspace/configuration`. */
export const SETTINGS_SECTION = 'wechatOa';
/** Prefix of the plugin's rule ids in ESLint configs. */
export const RULE_PREFIX = 'wechat-oa/';

/** Client → server notification: the user trusted the workspace (VS Code `workspace.onDidGrantWorkspaceTrust`). */
export const DID_GRANT_TRUST = 'wechatOa/didGrantTrust';
/** `workspace/executeCommand`: the project's data inventory. */
export const INVENTORY_COMMAND = 'wechat-oa.inventory';
/** `workspace/executeCommand` with `[ruleId]`: opens the rule's documentation through `window/showDocument`. */
export const OPEN_RULE_DOC_COMMAND = 'wechat-oa.openRuleDoc';
/** Code action kind that fixes everything fixable in a document (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.wechat-oa';

export const COMMANDS = [OPEN_RULE_DOC_COMMAND, INVENTORY_COMMAND] as const;

export type RunMode = 'onType' | 'onSave';
export type Preset = 'recommended' | 'strict' | 'all';
export type Locale = 'en' | 'zh-CN';
export type RuleLevel = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleEntry = RuleLevel | [RuleLevel, ...unknown[]];

/** The `wechatOa` settings of one resource, as the server reads them (every field optional on the wire). */
export interface ServerSettings {
  enable: boolean;
  run: RunMode;
  /** Embedded mode only. */
  preset: Preset;
  /** Embedded mode only; keys with or without the `wechat-oa/` prefix. */
  rules: Record<string, RuleEntry>;
  /** Lint with the project's own ESLint config when it enables wechat-oa rules (trusted workspaces only). */
  useWorkspaceConfig: boolean;
  debounceMs: number;
  locale: Locale;
}

export const DEFAULT_DEBOUNCE_MS = 150;

/** `initializationOptions` the server understands. A client that sends nothing is untrusted. */
export interface InitializationOptions {
  /** The workspace is trusted: its ESLint config may be loaded (which runs its code). */
  trusted?: boolean;
  /** Default for `wechatOa.locale`; otherwise the `locale` of `initialize`. */
  locale?: string;
  /** Time budget of one lint in the worker thread, in milliseconds per 256 KiB of text (default 10 s). */
  lintTimeBudgetMs?: number;
}

/** Parameters of {@link DID_GRANT_TRUST}. */
export interface DidGrantTrustParams {
  trusted: boolean;
}

/** Files whose change can switch a file between project and embedded mode, or change its settings. */
/** Source modules whose summaries other files read (helpers, config modules): a change re-lints open files. */
export const WATCHED_MODULE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,vue,json}';

export const WATCHED_CONFIG_GLOBS = [
  '**/eslint.config.{js,mjs,cjs,ts,mts,cts}',
  '**/.wechat-oa.json',
  '**/package.json',
] as const;
