// Runs inside the lint worker thread. Decides per file between project mode and embedded mode (SPEC §3.3, the
// same decision the CLI makes) and lints with a cached ESLint instance per (folder, mode, options).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ESLint, type Linter, type Rule } from 'eslint';
import * as pluginModule from 'eslint-plugin-wechat-oa';
import wechatOa, { invalidateModule, setModuleText, SETTINGS_KEY, SETTINGS_SCHEMA, type WechatOaSettings } from 'eslint-plugin-wechat-oa';
import { RULE_PREFIX } from '../protocol.js';
import type { JsxRegion, LintFailure, LintJob, LintOutcome, RuleDocsMeta, WireMessage } from './messages.js';

/** Embedded-mode settings of a project root (SPEC §3.1). */
export const SETTINGS_FILE = '.wechat-oa.json';
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

// Directives about other tools' rules are the project's business, not a compliance finding.
const quietDirectives: Linter.Config = {
  name: 'wechat-oa-language-server/directives',
  linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
};

const validateSettings = new Ajv({ allErrors: false }).compile(SETTINGS_SCHEMA);

function enablesWechatOa(rules: Partial<Linter.RulesRecord> | undefined): boolean {
  return Object.entries(rules ?? {}).some(([ruleId, entry]) => {
    const level = Array.isArray(entry) ? entry[0] : entry;
    return ruleId.startsWith(RULE_PREFIX) && level !== 'off' && level !== 0 && level !== undefined;
  });
}

export class Engine {
  readonly #instances = new Map<string, ESLint>();
  readonly #settingsFiles = new Map<string, { file: string; settings: WechatOaSettings } | null>();

  /** Lints one job; `onBegin` is called once the configuration is loaded and only the lint itself remains. */
  async lint(job: LintJob, onBegin: () => void): Promise<LintOutcome> {
    // Summaries of changed modules (and of the modules built from them) go; every other one stays cached.
    for (const { file, text } of job.changedModules ?? []) {
      if (text === undefined) invalidateModule(file);
      else setModuleText(file, text);
    }
    const project = job.projectAllowed ? await this.#projectConfig(job) : undefined;
    let eslint: ESLint;
    let settingsFile: string | undefined;
    if (project) {
      eslint = project.eslint;
    } else {
      const found = this.#nearestSettings(path.dirname(job.filePath));
      settingsFile = found?.file;
      eslint = this.#embedded(job, found);
    }
    onBegin();
    jsxRegions = [];
    let results: ESLint.LintResult[];
    try {
      results = await eslint.lintText(job.text, { filePath: job.filePath, warnIgnored: false });
    } catch (error) {
      // A rule that throws (ESLint tags the error with its id) is the rule's fault; anything else while linting
      // (a parser or processor that fails to load) is the configuration's.
      if (error instanceof Error && 'ruleId' in error && typeof error.ruleId === 'string') throw error;
      throw new ConfigProblem(error instanceof Error ? error.message : String(error), project?.configFile);
    }
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

  /** The project's own config, when it exists and enables a wechat-oa rule for this file. Loading it runs its code. */
  async #projectConfig(job: LintJob): Promise<{ eslint: ESLint; configFile: string } | undefined> {
    const key = JSON.stringify(['project', job.cwd, job.locale, job.fix]);
    let eslint = this.#instances.get(key);
    if (!eslint) {
      eslint = new ESLint({
        cwd: job.cwd,
        fix: job.fix,
        // Only the wechat-oa rules run, so results match the project's CI and no other plugin's fix is applied.
        ruleFilter: ({ ruleId }) => ruleId.startsWith(RULE_PREFIX) || ruleId.startsWith(`${LSP_PLUGIN}/`),
        overrideConfig: [quietDirectives, { settings: { [SETTINGS_KEY]: { locale: job.locale } } }, lspConfig],
      });
      this.#instances.set(key, eslint);
    }
    const configFile = await eslint.findConfigFile(job.filePath);
    if (!configFile) return undefined;
    let config: Linter.Config | undefined;
    try {
      config = (await eslint.calculateConfigForFile(job.filePath)) as Linter.Config | undefined;
    } catch (error) {
      throw new ConfigProblem(error instanceof Error ? error.message : String(error), configFile);
    }
    return config && enablesWechatOa(config.rules) ? { eslint, configFile } : undefined;
  }

  #embedded(job: LintJob, found: { file: string; settings: WechatOaSettings } | null): ESLint {
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
          { name: 'wechat-oa-language-server/settings', settings: { [SETTINGS_KEY]: { ...found?.settings, locale: job.locale } } },
          ...rules,
          quietDirectives,
          lspConfig,
        ],
      });
      this.#instances.set(key, eslint);
    }
    return eslint;
  }

  /** The nearest `.wechat-oa.json` in the folder or above, not above the top of a git work tree. */
  #nearestSettings(folder: string): { file: string; settings: WechatOaSettings } | null {
    const cached = this.#settingsFiles.get(folder);
    if (cached !== undefined) return cached;
    const file = path.join(folder, SETTINGS_FILE);
    let found: { file: string; settings: WechatOaSettings } | null;
    if (existsSync(file)) found = { file, settings: readSettings(file) };
    else if (existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) found = null;
    else found = this.#nearestSettings(path.dirname(folder));
    this.#settingsFiles.set(folder, found);
    return found;
  }
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

function readSettings(file: string): WechatOaSettings {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigProblem(`${SETTINGS_FILE} is not valid JSON (${(error as Error).message}): fix the file or remove it`, file);
  }
  if (!validateSettings(data)) {
    const first = validateSettings.errors?.[0];
    const where = first?.instancePath ? `"${first.instancePath.slice(1).replaceAll('/', '.')}"` : 'the top level';
    throw new ConfigProblem(`${SETTINGS_FILE}: ${where} ${first?.message ?? 'is invalid'}`, file);
  }
  return data as WechatOaSettings;
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
  const ruleId = 'ruleId' in err && typeof err.ruleId === 'string' ? err.ruleId : undefined;
  const failure: LintFailure = { kind: ruleId ? 'rule' : 'internal', message: err.message };
  if (ruleId) failure.ruleId = ruleId;
  if (err.stack) failure.stack = err.stack;
  return failure;
}
