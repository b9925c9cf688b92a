/**
 * Every regular expression in the plugin runs on every user's source, so none may backtrack super-linearly
 * (SPEC §4): each regex literal of src/ is checked by eslint-plugin-regexp's super-linear rules and run against
 * pathological strings under a watchdog (a hang fails the test; no time is asserted).
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const pluginRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = path.join(pluginRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface FoundRegex {
  where: string;
  pattern: string;
  flags: string;
}

/** Regex literals found by walking each file's AST. */
function regexLiterals(): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const ast = tsParser.parse(text, { loc: true, range: true, jsx: false });
    const stack: unknown[] = [ast];
    while (stack.length > 0) {
      const node = stack.pop() as Record<string, unknown> | null;
      if (!node || typeof node !== 'object') continue;
      if (Array.isArray(node)) {
        stack.push(...node);
        continue;
      }
      const regex = node.regex as { pattern: string; flags: string } | undefined;
      if (node.type === 'Literal' && regex) {
        const loc = node.loc as { start: { line: number } };
        found.push({ where: `${path.relative(pluginRoot, file)}:${loc.start.line}`, pattern: regex.pattern, flags: regex.flags });
      }
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'parent' && value && typeof value === 'object') stack.push(value);
      }
    }
  }
  return found;
}

const PATHOLOGICAL = ['a', ' ', '0', 'A', '微', '/', '.', '-', '_', '=', '\\', '"', "'", '\n', 'ab', 'a ', '0a', '-a']
  .flatMap((unit) => [unit.repeat(20_000), `${unit.repeat(20_000)}!`, `${unit.repeat(10_000)}\u0000${unit.repeat(10_000)}`]);

describe('regexes of the plugin', () => {
  const regexes = regexLiterals();

  it('pass eslint-plugin-regexp super-linear checks', async () => {
    const eslint = new ESLint({
      cwd: pluginRoot,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as never },
          plugins: { regexp: regexp as never },
          rules: {
            'regexp/no-super-linear-backtracking': 'error',
            'regexp/no-super-linear-move': 'error',
            'regexp/no-misleading-capturing-group': 'error',
          },
        },
      ],
    });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const problems = results.flatMap((result) =>
      result.messages.map((message) => `${path.relative(pluginRoot, result.filePath)}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    expect(problems).toEqual([]);
  });

  it.each(regexes.map((regex) => [regex.where, regex] as const))('%s finishes on pathological input', (_where, regex) => {
    const context = vm.createContext({ inputs: PATHOLOGICAL, pattern: regex.pattern, flags: regex.flags.replace('y', '') });
    // vm's timeout interrupts a backtracking regex; it is a watchdog against hangs, not a performance assertion.
    const script = new vm.Script(
      'const re = new RegExp(pattern, flags); let n = 0; for (const s of inputs) { re.lastIndex = 0; if (flags.includes("g")) { n += (s.match(re) || []).length; } else { n += re.test(s) ? 1 : 0; } } n',
    );
    expect(() => script.runInContext(context, { timeout: 10_000 })).not.toThrow();
  });
});
