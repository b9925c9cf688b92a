/**
 * Lints the examples of every rule doc, English and Chinese, with that rule alone.
 *
 * Convention (documented at the top of each doc's examples): a line `<!-- ❌ -->` or `<!-- ✅ -->` immediately
 * before a fenced code block marks it as an example that must report (❌, at least one report of the rule) or
 * must not (✅, no report). The marker may carry JSON with `options` (the rule's options array), `settings`
 * (`settings['wechat-oa']` object) and `filename`: `<!-- ❌ {"options": [{"phrases": ["鹅厂认证"]}]} -->`.
 * The block's language (`js`, `jsx`, `ts`, `tsx`, `mjs`, `cjs`, `vue`, `html`) names the file
 * (`src/example.<lang>`) unless `filename` is given. Examples are parsed as the presets parse them (TypeScript's
 * parser with JSX, vue-eslint-parser, the HTML processor) with only the doc's rule on. Every doc needs at least one
 * example of each kind, and no example may fail to parse. Unmarked blocks (config snippets, shell) are not linted.
 *
 * Cross-file examples: a line `<!-- 📄 src/lib/http.js -->` before a fenced block makes that block a module of the
 * next marked example's project. The modules are written to a temporary folder, which is the lint's working
 * directory, so the example's imports resolve to them; a ❌ example with modules must report through one of them
 * (its message names the other file).
 */
import { Linter } from 'eslint';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = path.join(root, 'docs/rules');

interface Example {
  kind: '❌' | '✅';
  line: number;
  code: string;
  filename: string;
  options: unknown[];
  settings: Record<string, unknown> | undefined;
  /** Other modules of the example's project: path → text. */
  files: Record<string, string>;
}

const MODULE_MARKER = /^<!-- 📄 (\S+) -->$/u;
const MARKER = /^<!-- (❌|✅)(?: (\{.*\}))? -->$/u;
const FENCE_OPEN = /^```(js|jsx|ts|tsx|mjs|cjs|vue|html)$/u;

/** The marked examples of one doc, in order. */
function examplesOf(text: string): Example[] {
  const lines = text.split('\n');
  const examples: Example[] = [];
  let files: Record<string, string> = {};
  for (let index = 0; index < lines.length; index++) {
    const module = MODULE_MARKER.exec(lines[index]);
    if (module) {
      if (!FENCE_OPEN.test(lines[index + 1] ?? '')) throw new Error(`line ${index + 1}: a module marker must be followed by a code block`);
      const end = lines.indexOf('```', index + 2);
      if (end === -1) throw new Error(`line ${index + 2}: unclosed code block`);
      files[module[1]] = `${lines.slice(index + 2, end).join('\n')}\n`;
      index = end;
      continue;
    }
    const marker = MARKER.exec(lines[index]);
    if (!marker) continue;
    const fence = FENCE_OPEN.exec(lines[index + 1] ?? '');
    if (!fence) throw new Error(`line ${index + 1}: an example marker must be followed by a \`\`\`js/jsx/ts/tsx/mjs/cjs/vue/html block`);
    const end = lines.indexOf('```', index + 2);
    if (end === -1) throw new Error(`line ${index + 2}: unclosed code block`);
    const extra = (marker[2] ? JSON.parse(marker[2]) : {}) as { options?: unknown[]; settings?: Record<string, unknown>; filename?: string };
    examples.push({
      kind: marker[1] as Example['kind'],
      line: index + 3,
      code: lines.slice(index + 2, end).join('\n'),
      filename: extra.filename ?? `src/example.${fence[1]}`,
      options: extra.options ?? [],
      settings: extra.settings,
      files,
    });
    files = {};
    index = end;
  }
  return examples;
}

/** The presets' parser and processor set-up, without their rule levels. */
const presetBase = plugin.configs.all.filter((config) => config.rules === undefined);

function lintExample(ruleId: string, example: Example): Linter.LintMessage[] {
  const modules = Object.entries(example.files);
  const cwd = modules.length > 0 ? mkdtempSync(path.join(tmpdir(), 'wechat-oa-doc-')) : undefined;
  try {
    for (const [name, text] of modules) {
      const file = path.join(cwd as string, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const linter = new Linter({ configType: 'flat', ...(cwd ? { cwd } : {}) });
    return linter.verify(
      example.code,
      [
        ...presetBase,
        {
          settings: example.settings ? { 'wechat-oa': example.settings } : {},
          rules: { [`wechat-oa/${ruleId}`]: ['error', ...example.options] as Linter.RuleEntry },
        },
      ],
      cwd ? path.join(cwd, example.filename) : example.filename,
    );
  } finally {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  }
}

const docFiles = readdirSync(docsDir)
  .filter((file) => file.endsWith('.md'))
  .sort();

describe.each(docFiles)('docs/rules/%s', (file) => {
  const ruleId = file.replace(/(?:\.zh-CN)?\.md$/u, '');
  const examples = examplesOf(readFileSync(path.join(docsDir, file), 'utf8'));

  it('belongs to a rule', () => {
    expect(Object.keys(plugin.rules)).toContain(ruleId);
  });

  it('has ❌ and ✅ examples', () => {
    expect(examples.some((example) => example.kind === '❌')).toBe(true);
    expect(examples.some((example) => example.kind === '✅')).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.line}`, example] as const))('%s', (_, example) => {
    const messages = lintExample(ruleId, example);
    expect(messages.filter((message) => message.fatal), 'the example must parse').toEqual([]);
    const reports = messages.filter((message) => message.ruleId === `wechat-oa/${ruleId}`);
    if (example.kind === '❌') expect(reports.length, 'a ❌ example must report').toBeGreaterThan(0);
    else expect(reports.map((report) => `${report.line}:${report.column} ${report.message}`)).toEqual([]);
    if (example.kind === '❌' && Object.keys(example.files).length > 0) {
      expect(reports.some((report) => / \(through \S+ in |（经由 /u.test(report.message)), 'a cross-file ❌ example reports through a module').toBe(true);
    }
  });
});
