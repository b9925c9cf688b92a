import type { TSESLint } from '@typescript-eslint/utils';
import { getPluginSettings, type ResolvedSettings } from '../util/settings.js';
import { type DataFlow, dataFlowFor } from './dataflow/index.js';
import { classifyFile, type FileKind } from './file-kind.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The shared analysis of one file: computed once, on first use by whichever rule asks, and read by every rule.
 * ESLint has no API for state shared between rules, so it is cached per `SourceCode` object (SPEC §3.1).
 * Each part is computed lazily on first access.
 */
export class FileAnalysis {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly cwd: string;
  /** Plugin-wide settings with built-in defaults (not extended by any rule's options). */
  readonly settings: ResolvedSettings;
  #fileKind: FileKind | undefined;

  constructor(context: AnyContext) {
    this.sourceCode = context.sourceCode;
    this.filename = context.physicalFilename ?? context.filename;
    this.cwd = context.cwd;
    this.settings = getPluginSettings(context);
  }

  /** Browser code, server code or unknown (SPEC §3.1). */
  get fileKind(): FileKind {
    this.#fileKind ??= classifyFile({
      filename: this.filename,
      cwd: this.cwd,
      program: this.sourceCode.ast,
      scopeManager: this.sourceCode.scopeManager,
      settings: this.settings,
    });
    return this.#fileKind;
  }

  /** User-data labels of values, propagated through the file (SPEC §3.1 data flow), under the plugin settings. */
  get dataFlow(): DataFlow {
    return dataFlowFor(this.sourceCode, this.settings);
  }
}

const analyses = new WeakMap<object, FileAnalysis>();

/** The file's shared analysis, built by the first rule that asks. */
export function getFileAnalysis(context: AnyContext): FileAnalysis {
  const key = context.sourceCode as object;
  let analysis = analyses.get(key);
  if (!analysis) {
    analysis = new FileAnalysis(context);
    analyses.set(key, analysis);
  }
  return analysis;
}
