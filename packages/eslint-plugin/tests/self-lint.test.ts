/**
 * The repository lints its own plugin (root eslint.config.js: eslint-plugin-eslint-plugin and eslint-plugin-regexp,
 * flat recommended, over packages/eslint-plugin/src/**\/*.ts, and the layer boundaries of docs/architecture.md) and
 * expects zero problems. It also keeps one copy of each shared helper and table.
 */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });

describe('self-lint', () => {
  it('applies both plugins to the plugin sources', async () => {
    const config = (await eslint.calculateConfigForFile('packages/eslint-plugin/src/rules/no-affiliation-claim.ts')) as {
      rules: Record<string, unknown>;
    };
    expect(Object.keys(config.rules)).toEqual(
      expect.arrayContaining(['eslint-plugin/require-meta-schema', 'eslint-plugin/no-deprecated-context-methods', 'regexp/no-super-linear-backtracking']),
    );
  });

  it('would report a super-linear regex in a rule', async () => {
    const [result] = await eslint.lintText('export const pattern = /^(a+)+$/u;\n', {
      filePath: path.join(repoRoot, 'packages/eslint-plugin/src/rules/self-lint-probe.ts'),
    });
    expect(result.messages.map((message) => message.ruleId)).toContain('regexp/no-super-linear-backtracking');
  });

  it('finds no problem in packages/eslint-plugin/src', async () => {
    const results = await eslint.lintFiles(['packages/eslint-plugin/src']);
    expect(results.length).toBeGreaterThan(0);
    const problems = results.flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(repoRoot, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});

describe('layer boundaries (docs/architecture.md)', () => {
  const restricted = async (file: string, code: string) => {
    const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: path.join(repoRoot, 'packages/eslint-plugin/src', file) });
    return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
  };

  it.each([
    ['a rule imports another rule', 'rules/self-lint-probe.ts', "import { x } from './require-https.js';"],
    ['a rule imports the CLI', 'rules/self-lint-probe.ts', "import { x } from 'wechat-oa-lint';"],
    ['a rule imports the language server', 'rules/self-lint-probe.ts', "import { x } from 'wechat-oa-language-server';"],
    ['analysis imports a rule', 'analysis/requests.ts', "import { x } from '../rules/require-https.js';"],
    ['analysis imports a processor', 'analysis/navigation.ts', "import { x } from '../processors/html.js';"],
    ['the data flow imports a rule', 'analysis/dataflow/engine.ts', "import { x } from '../../rules/index.js';"],
    ['knowledge imports analysis', 'knowledge/self-lint-probe.ts', "import { x } from '../analysis/values.js';"],
    ['the node index imports static values', 'analysis/node-index.ts', "import { x } from './values.js';"],
    ['static values import a fact', 'analysis/values.ts', "import { x } from './requests.js';"],
    ['a fact imports the data flow', 'analysis/api-calls.ts', "import { x } from './dataflow/index.js';"],
    ['a fact imports the facade', 'analysis/api-calls.ts', "import { x } from './index.js';"],
    ['the data flow imports the facade', 'analysis/dataflow/destinations.ts', "import { x } from '../index.js';"],
  ])('fails when %s', async (_, file, code) => {
    expect(await restricted(file, code)).toBe(1);
  });

  it.each([
    ['a rule imports the facade', 'rules/self-lint-probe.ts', "import { x } from '../analysis/index.js';"],
    ['a fact imports static values', 'analysis/requests.ts', "import { x } from './values.js';"],
    ['the data flow imports a fact', 'analysis/dataflow/engine.ts', "import { x } from '../requests.js';"],
    ['the facade imports the data flow', 'analysis/index.ts', "import { x } from './dataflow/index.js';"],
  ])('allows %s', async (_, file, code) => {
    expect(await restricted(file, code)).toBe(0);
  });
});

describe('one copy of each helper and table', () => {
  const sourceRoot = path.join(repoRoot, 'packages/eslint-plugin/src');
  const files = (readdirSync(sourceRoot, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  /** Top-level functions and constants of every source file: name → files that define it. */
  const definitions = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(sourceRoot, file), 'utf8');
    for (const match of text.matchAll(/^(?:export )?(?:async )?(?:function\*? |const |let )([\w$]+)/gmu)) {
      definitions.set(match[1], [...(definitions.get(match[1]) ?? []), file]);
    }
  }
  /** Helpers that had several drifting copies once: each must stay defined in one file. */
  const HELPERS = ['unwrap', 'unwrapExpression', 'objectProperty', 'parseUrl', 'staticUrl', 'stringParts', 'parseApiPath', 'hostAt', 'secretInUrl', 'calleeName', 'memberName', 'propertyKeyName', 'enclosingFunction', 'memberChain', 'isProjectModule'];

  it.each(HELPERS)('%s is defined at most once', (name) => {
    expect(definitions.get(name)?.length ?? 0, `${name}: ${definitions.get(name)?.join(', ')}`).toBeLessThanOrEqual(1);
  });

  it('every table (an upper-case constant) is defined once under src/', () => {
    const twice = [...definitions]
      .filter(([name, where]) => /^[A-Z][A-Z0-9_]+$/u.test(name) && !name.startsWith('MAX_') && where.length > 1)
      .map(([name, where]) => `${name}: ${where.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('rules parse no URL: they ask the one parser (analysis/values.ts parseUrl) for a URL\'s parts and offsets', () => {
    /** Signs of a hand-written URL parser: the WHATWG parser called directly, scheme splits, path splits, scheme regexps. */
    const URL_PARSING = [/new URL\(/u, /indexOf\(['"]:\/\/['"]\)/u, /split\(['"]\/['"]\)/u, /\/\^(?:\(\?:)?https\?:/u];
    const parsing = files
      .filter((file) => file.startsWith('rules'))
      .flatMap((file) => {
        const text = readFileSync(path.join(sourceRoot, file), 'utf8');
        return URL_PARSING.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern.source}`);
      });
    expect(parsing).toEqual([]);
  });

  it('the URL check catches each sign of a URL parser', () => {
    const URL_PARSING = [/new URL\(/u, /indexOf\(['"]:\/\/['"]\)/u, /split\(['"]\/['"]\)/u, /\/\^(?:\(\?:)?https\?:/u];
    const samples = ["const u = new URL(text);", "const at = text.indexOf('://');", "const parts = path.split('/');", "if (/^https?:\\/\\//u.test(text)) {}", "text.replace(/^(?:https?:)?\\/\\//iu, '')"];
    expect(samples.map((sample) => URL_PARSING.some((pattern) => pattern.test(sample)))).toEqual([true, true, true, true, true]);
  });

  it('tables of names live in knowledge/: no rule defines a set or list of strings of its own', () => {
    const ruleTables = files
      .filter((file) => file.startsWith('rules'))
      .flatMap((file) =>
        [...readFileSync(path.join(sourceRoot, file), 'utf8').matchAll(/^(?:export )?const ([A-Z][A-Z0-9_]+)\b[^=]*= new Set\(\[\s*'/gmu)].map((match) => `${file}: ${match[1]}`),
      );
    expect(ruleTables).toEqual(KNOWN_RULE_TABLES);
  });
});

/**
 * Name tables still defined inside rules, each to move to knowledge/ (listed so that no new one is added unseen).
 */
const KNOWN_RULE_TABLES: string[] = [
  'rules/no-affiliation-claim.ts: NON_TEXT_ATTRIBUTES',
  'rules/no-affiliation-claim.ts: TEMPLATE_TEXT_ATTRIBUTES',
  'rules/no-user-data-to-third-party.ts: URL_ATTRIBUTES',
  'rules/no-visitor-tracking.ts: ID_WORDS',
  'rules/require-content-check.ts: PUBLISHING_KINDS',
  'rules/require-content-check.ts: PUBLISHING_ENDPOINTS',
];
