// Messages between the server and its lint worker thread (structured-clone friendly: plain data only).
import type { Linter } from 'eslint';
import type { Locale, Preset, RuleEntry } from '../protocol.js';

export interface LintJob {
  id: number;
  /** Absolute path ESLint sees (a made-up one under `cwd` for unsaved documents). */
  filePath: string;
  text: string;
  /** Base folder of the ESLint instance: the workspace folder holding the file, else the file's folder. */
  cwd: string;
  preset: Preset;
  rules: Record<string, RuleEntry>;
  locale: Locale;
  /** useWorkspaceConfig is on and the workspace is trusted: the project's ESLint config may be loaded. */
  projectAllowed: boolean;
  /** Lint with fixing (multi-pass, as ESLint does) and return the fixed text. */
  fix: boolean;
  /**
   * Modules changed since the last lint: on disk (no text: the plugin drops their summaries) or in the editor
   * (with the unsaved text, which summaries then read instead of the disk).
   */
  changedModules?: { file: string; text?: string }[];
}

/** An ESLint problem as it crosses the thread boundary. */
export type WireMessage = Pick<
  Linter.LintMessage,
  'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'fix' | 'suggestions' | 'fatal' | 'messageId'
>;

/** Where a JSX file has element children (a `{/* … *\/}` comment fits there) versus tags and embedded script. */
export type JsxRegion = [start: number, end: number, kind: 'children' | 'script' | 'tag'];

/** The `meta.docs` of a rule, as the hover and the documentation links need it. */
export interface RuleDocsMeta {
  description?: string;
  descriptionZh?: string;
  clause?: string;
  url?: string;
}

/** A clause of the specification in both languages (the plugin's `CLAUSES`). */
export interface ClauseText {
  name: { en: string; 'zh-CN': string };
  text: { en: string; 'zh-CN': string };
}

export interface LintOutcome {
  /** project: the file's own ESLint config enables wechat-oa rules; embedded: the built-in preset; ignored: no config covers it. */
  mode: 'project' | 'embedded' | 'ignored';
  configFile?: string;
  /** `.wechat-oa.json` applied in embedded mode. */
  settingsFile?: string;
  messages: WireMessage[];
  /** With `fix`: the text after all fix passes (absent when nothing changed). */
  output?: string;
  jsxRegions: JsxRegion[];
  /** `meta.docs` of the rules that reported, from the rule objects that ran (the project's, in project mode). */
  rulesMeta: Record<string, RuleDocsMeta>;
  /** Markup files (Vue, HTML): the disable-next-line edits for each message, by message index. */
  markupDisableEdits?: Record<number, { range: [number, number]; text: string }[]>;
}

/** Why a lint produced no result: a config that does not load, a rule that throws, or anything else. */
export interface LintFailure {
  kind: 'config' | 'rule' | 'internal';
  message: string;
  ruleId?: string;
  configFile?: string;
  stack?: string;
}

export type WorkerRequest = { type: 'lint'; job: LintJob };

export type WorkerReply =
  /** ESLint and the plugin are loaded; the clause texts come along, so the server never loads the plugin itself. */
  | { type: 'ready'; clauses: Record<string, ClauseText> }
  /** Config loaded, the lint itself starts now: the time budget starts here. */
  | { type: 'begin'; id: number }
  | { type: 'done'; id: number; outcome: LintOutcome }
  | { type: 'failed'; id: number; failure: LintFailure };
