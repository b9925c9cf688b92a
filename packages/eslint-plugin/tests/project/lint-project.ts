import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';

export interface ProjectMessage {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  message: string;
}

/**
 * Lints a small project written to a temporary directory (files: path → text) with the `recommended` preset
 * (or `all`, with `rules` to set a rule's options) and returns the messages of the files in `lint` (default: every script file given), sorted.
 */
export async function lintProject(
  files: Record<string, string>,
  options: { lint?: string[]; preset?: 'recommended' | 'all'; settings?: Record<string, unknown>; rules?: Linter.RulesRecord } = {},
): Promise<ProjectMessage[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'wechat-oa-project-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(root, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const config: Linter.Config[] = [
      ...plugin.configs[options.preset ?? 'recommended'],
      ...(options.settings ? [{ settings: { 'wechat-oa': options.settings } }] : []),
      ...(options.rules ? [{ rules: options.rules }] : []),
    ];
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
    const targets = options.lint ?? Object.keys(files).filter((name) => /\.(?:[cm]?[jt]sx?|vue)$/u.test(name));
    const results = await eslint.lintFiles(targets.map((name) => path.join(root, name)));
    const messages: ProjectMessage[] = [];
    for (const result of results) {
      for (const message of result.messages) {
        messages.push({
          file: path.relative(root, result.filePath).split(path.sep).join('/'),
          line: message.line,
          column: message.column,
          ruleId: message.ruleId,
          message: message.message,
        });
      }
    }
    return messages.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
