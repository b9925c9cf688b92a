// Runs inside the lint worker thread. Decides per file between project mode and embedded mode (the
// same decision the CLI makes, from eslint-plugin-wechat-oa/node) and lints with a cached ESLint instance per (folder, mode, options).
import path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import * as pluginModule from 'eslint-plugin-wechat-oa';
import wechatOa, { invalidateModule, setModuleText, SETTINGS_KEY } from 'eslint-plugin-wechat-oa';
import {
  decideMode,
  embeddedResult,
  isProjectConfig,
  isWechatOaRule,
  ProjectConfigError,
  QUIET_DIRECTIVES,
  ruleCrashOf,
  settingsBlockOf,
  settingsConfigs,
  SettingsFileError,
  SettingsFiles,
  type SettingsFile,
} from 'eslint-plugin-wechat-oa/node';
import type { JsxRegion, LintFailure, LintJob, LintOutcome, RuleDocsMeta, WireMessage } from './messages.js';

export { SETTINGS_FILE } from 'eslint-plugin-wechat-oa/node';
const LSP_PLUGIN = 'wechat-oa-lsp';
const MARKUP_FILE = /\.(?:vue|html?)$/iu;

/** Thrown for problems that are the configuration's, not the linter's: they become one diagnostic. */
export class ConfigProblem extends Error {
  constructor(
    message: string,
    readonly configFile?: string,
  ) {
    super(message);
  }
}

// The JSX regions of the file being linted. The worker lints one file at a time, so one slot is enough.
let jsxRegions: JsxRegion[] = [];

/**
 * A rule that never reports: it records where JSX element children are, so "Disable for this line" can choose
 * `{/* … *\/}` there. It rides on the lint ESLint runs anyway instead of parsing the file a second time.
 */
const jsxRegionsRule: Rule.RuleModule = {
  meta: { type: 'suggestion', schema: [] },
  create() {
    type Ranged = { range: [number, number] };
    const children = (opening: Ranged, closing: Ranged | null) => {
      if (closing) jsxRegions.push([opening.range[1], closing.range[0], 'children']);
    };
    return {
      JSXElement(node: unknown) {
        const element = node as { openingElement: Ranged; closingElement: Ranged | null };
        children(element.openingElement, element.closingElement);
      },
      JSXFragment(node: unknown) {
        const fragment = node as { openingFragment: Ranged; closingFragment: Ranged };
        children(fragment.openingFragment, fragment.closingFragment);
      },
      JSXOpeningElement(node: unknown) {
        const { range } = node as Ranged;
        jsxRegions.push([range[0] + 1, range[1] - 1, 'tag']);
      },
      JSXExpressionContainer(node: unknown) {
        const { range } = node as Ranged;
        jsxRegions.push([range[0] + 1, range[1] - 1, 'script']);
      },
    } as Rule.RuleListener;
  },
};

const lspConfig: Linter.Config = {
  name: 'wechat-oa-language-server/jsx-regions',
  plugins: { [LSP_PLUGIN]: { rules: { 'jsx-regions': jsxRegionsRule } } },
  rules: { [`${LSP_PLUGIN}/jsx-regions`]: 'warn' },
};

export class Engine {
  readonly #instances = new Map<string, ESLint>();
  readonly #settingsFiles = new SettingsFiles();

  /** Lints one job; `onBegin` is called once the configuration is loaded and only the lint itself remains. */
  async lint(job: LintJob, onBegin: () => void): Promise<LintOutcome> {
    // Summaries of changed modules (and of the modules built from them) go; every other one stays cached.
    for (const { file, text } of job.changedModules ?? []) {
      if (text === undefined) invalidateModule(file);
      else setModuleText(file, text);
    }
    const project = job.projectAllowed ? await this.#projectConfig(job) : undefined;
    if (project === 'ignored') {
      onBegin();
      return { mode: 'ignored', messages: [], jsxRegions: [], rulesMeta: {} };
    }
    let eslint: ESLint;
    let settingsFile: string | undefined;
    if (project) {
      eslint = project.eslint;
    } else {
      const found = this.#nearestSettings(job);
      settingsFile = found?.file;
      eslint = this.#embedded(job, found);
    }
    onBegin();
    jsxRegions = [];
    let results: ESLint.LintResult[];
    try {
      results = await eslint.lintText(job.text, { filePath: job.filePath, warnIgnored: false });
    } catch (error) {
      // A rule that throws is the rule's fault; anything else while linting (a parser or processor that fails to
      // load) is the configuration's.
      if (ruleCrashOf(error)) throw error;
      throw new ConfigProblem(describe(error, project?.configFile, job.cwd), project?.configFile);
    }
    if (!project) results = results.map(embeddedResult);
    const result = results[0];
    const messages = (result?.messages ?? []).filter((message) => !message.ruleId?.startsWith(`${LSP_PLUGIN}/`)).map(toWire);
    const rulesMeta: Record<string, RuleDocsMeta> = {};
    for (const [ruleId, meta] of Object.entries(result ? eslint.getRulesMetaForResults(results) : {})) {
      const docs = (meta as { docs?: RuleDocsMeta } | undefined)?.docs;
      if (docs) rulesMeta[ruleId] = { description: docs.description, descriptionZh: docs.descriptionZh, clause: docs.clause, url: docs.url };
    }
    const outcome: LintOutcome = {
      mode: result ? (project ? 'project' : 'embedded') : 'ignored',
      messages,
      // Processors lint blocks of markup files (the HTML page's markup is a JSX block): their offsets are not the file's.
      jsxRegions: MARKUP_FILE.test(job.filePath) ? [] : jsxRegions,
      rulesMeta,
    };
    const markupEdits = markupDisableEdits(job, messages);
    if (markupEdits) outcome.markupDisableEdits = markupEdits;
    if (project) outcome.configFile = project.configFile;
    if (settingsFile) outcome.settingsFile = settingsFile;
    if (result?.output !== undefined) outcome.output = result.output;
    jsxRegions = [];
    return outcome;
  }

  /**
   * The project's own config, when it enables a wechat-oa rule for this file (`ignored` when a wechat-oa config
   * leaves the file out, as the project's own run would). Loading it runs its code.
   */
  async #projectConfig(job: LintJob): Promise<{ eslint: ESLint; configFile: string } | 'ignored' | undefined> {
    const key = JSON.stringify(['project', job.cwd, job.locale, job.fix]);
    let eslint = this.#instances.get(key);
    if (!eslint) {
      eslint = new ESLint({
        cwd: job.cwd,
        fix: job.fix,
        // Only the wechat-oa rules run, so results match the project's CI and no other plugin's fix is applied.
        ruleFilter: ({ ruleId }) => isWechatOaRule(ruleId) || ruleId.startsWith(`${LSP_PLUGIN}/`),
        overrideConfig: [QUIET_DIRECTIVES, { settings: { [SETTINGS_KEY]: { locale: job.locale } } }, lspConfig],
      });
      this.#instances.set(key, eslint);
    }
    try {
      const decision = await decideMode(eslint, job.filePath);
      if (decision.mode === 'project') return { eslint, configFile: decision.configFile };
      if (decision.mode === 'unmatched' && (await isProjectConfig(eslint, decision.configFile))) return 'ignored';
      return undefined;
    } catch (error) {
      if (error instanceof ProjectConfigError) throw new ConfigProblem(withoutFile(error.messageFrom(job.cwd), error.configFile, job.cwd), error.configFile);
      throw error;
    }
  }

  #embedded(job: LintJob, found: SettingsFile | null): ESLint {
    const key = JSON.stringify(['embedded', job.cwd, job.preset, job.rules, job.locale, job.fix, found?.file]);
    let eslint = this.#instances.get(key);
    if (!eslint) {
      const rules: Linter.Config[] = Object.keys(job.rules).length > 0 ? [{ name: 'wechatOa.rules', rules: job.rules as Linter.RulesRecord }] : [];
      eslint = new ESLint({
        cwd: job.cwd,
        fix: job.fix,
        // Embedded mode ignores the project's config entirely: nothing of the workspace is executed.
        overrideConfigFile: true,
        overrideConfig: [
          ...wechatOa.configs[job.preset],
          ...(found ? settingsConfigs(job.cwd, settingsBlockOf(found)) : []),
          { name: 'wechat-oa-language-server/locale', settings: { [SETTINGS_KEY]: { locale: job.locale } } },
          ...rules,
          QUIET_DIRECTIVES,
          lspConfig,
        ],
      });
      this.#instances.set(key, eslint);
    }
    return eslint;
  }

  /** The nearest `.wechat-oa.json` in the file's folder or above, not above the top of a git work tree. */
  #nearestSettings(job: LintJob): SettingsFile | null {
    try {
      return this.#settingsFiles.nearest(job.filePath);
    } catch (error) {
      if (error instanceof SettingsFileError) throw new ConfigProblem(withoutFile(error.messageFrom(job.cwd), error.file, job.cwd), error.file);
      throw error;
    }
  }
}

function describe(error: unknown, configFile: string | undefined, cwd: string): string {
  if (!configFile) return error instanceof Error ? error.message : String(error);
  return withoutFile(new ProjectConfigError(configFile, error).messageFrom(cwd), configFile, cwd);
}

/** The diagnostic names the file already ("<file> could not be used"): drop the message's own "<file>: ". */
function withoutFile(message: string, file: string, cwd: string): string {
  const prefix = `${path.relative(cwd, file) || path.basename(file)}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * Hook for markup (Vue templates, HTML pages): the plugin's `disableNextLineEdits(filename, text, offset, ruleId)`
 * knows where `<!-- eslint-disable-next-line … -->` fits and that script blocks inside take `//`. Looked up by
 * name, so the server works with a plugin build that does not have it yet (then markup files get `//` as well).
 */
type MarkupEdits = (filename: string, text: string, offset: number, ruleId: string) => { range: [number, number]; text: string }[];
const disableNextLineEdits = (pluginModule as unknown as Record<string, unknown>).disableNextLineEdits as MarkupEdits | undefined;

function markupDisableEdits(job: LintJob, messages: readonly WireMessage[]): LintOutcome['markupDisableEdits'] {
  if (!disableNextLineEdits || !MARKUP_FILE.test(job.filePath)) return undefined;
  const lineStarts = [0];
  for (const match of job.text.matchAll(/\r\n|[\r\n\u2028\u2029]/gu)) lineStarts.push(match.index + match[0].length);
  const edits: NonNullable<LintOutcome['markupDisableEdits']> = {};
  messages.forEach((message, index) => {
    if (!message.ruleId) return;
    const offset = (lineStarts[message.line - 1] ?? 0) + message.column - 1;
    edits[index] = disableNextLineEdits(job.filePath, job.text, offset, message.ruleId);
  });
  return edits;
}

function toWire(message: Linter.LintMessage): WireMessage {
  const wire: WireMessage = { ruleId: message.ruleId, severity: message.severity, message: message.message, line: message.line, column: message.column };
  if (message.endLine !== undefined) wire.endLine = message.endLine;
  if (message.endColumn !== undefined) wire.endColumn = message.endColumn;
  if (message.fix) wire.fix = message.fix;
  if (message.suggestions) wire.suggestions = message.suggestions;
  if (message.fatal) wire.fatal = true;
  if (message.messageId) wire.messageId = message.messageId;
  return wire;
}

/** Turns what a lint threw into something the server can report. */
export function toFailure(error: unknown): LintFailure {
  if (error instanceof ConfigProblem) {
    const failure: LintFailure = { kind: 'config', message: error.message };
    if (error.configFile) failure.configFile = error.configFile;
    return failure;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const crash = ruleCrashOf(err);
  const failure: LintFailure = { kind: crash?.ruleId ? 'rule' : 'internal', message: err.message };
  if (crash?.ruleId) failure.ruleId = crash.ruleId;
  if (err.stack) failure.stack = err.stack;
  return failure;
}
