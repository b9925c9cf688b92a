/**
 * Whole-plugin checks, over every rule file present (rules added later are checked without touching this file):
 *   - one rule = src/rules/<id>.ts + tests/rules/<id>.test.ts + docs/rules/<id>.md + docs/rules/<id>.zh-CN.md;
 *   - meta.docs: url = the English doc's web address, clause, recommended, descriptionZh;
 *   - messages: every message (en and zh-CN) starts with `[<clause>] `, every messageId has its `_zhCN` twin;
 *   - docs: the header that eslint-doc-generator writes (en) or its hand-written twin (zh-CN), the clause line
 *     (`**Clause S2 — protection:**` / `**条款 S2 — 数据保护：**`), an Options section when the rule has options,
 *     "When not to use it";
 *   - plugin meta = package.json; generated files (index, presets, README table, doc headers) not drifted;
 *   - presets: recommended = the rules with docs.recommended, strict/all = every rule at error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../scripts/generate.js';
import { THROUGH_MESSAGE_SUFFIX } from '../src/analysis/project/traces.js';
import plugin from '../src/index.js';
import { CLAUSE_IDS, CLAUSES } from '../src/knowledge/clauses.js';
import { rules } from '../src/rules/index.js';
import type { WechatOaRuleDocs } from '../src/util/createRule.js';
import { ZH_MESSAGE_SUFFIX } from '../src/util/locale.js';
import { ruleDocsUrl } from '../src/util/package-info.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  repository: { url: string; directory: string };
};

const ruleIds = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.startsWith('_'))
  .map((file) => file.slice(0, -3))
  .sort();

const read = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');

type AnyRule = (typeof rules)[keyof typeof rules];
const ruleOf = (id: string): AnyRule => (rules as Record<string, AnyRule>)[id];
/** createRule always sets docs (with the url): a rule without them fails the url test below. */
const docsOf = (id: string): WechatOaRuleDocs & { url?: string } => ruleOf(id).meta.docs ?? ({} as WechatOaRuleDocs);

function hasOptions(rule: AnyRule): boolean {
  const schema: unknown = rule.meta.schema;
  return Array.isArray(schema) ? schema.length > 0 : schema !== undefined && schema !== false;
}

describe('plugin', () => {
  it('has rules', () => {
    expect(ruleIds.length).toBeGreaterThan(0);
  });

  it('meta.name and meta.version equal package.json', () => {
    expect(plugin.meta.name).toBe(pkg.name);
    expect(plugin.meta.version).toBe(pkg.version);
    expect(plugin.meta.namespace).toBe('wechat-oa');
  });

  it('exports every rule file, and nothing else, as a rule', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleIds);
  });

  it('generated files are up to date (run `npm run generate`)', async () => {
    for (const [relative, content] of await generatedFiles()) {
      expect(read(relative), relative).toBe(content);
    }
  });

  it('README rule table and English doc headers are up to date (run `pnpm --filter eslint-plugin-wechat-oa docs` after a build)', () => {
    // eslint-doc-generator reads the built plugin (dist/): the test command builds every package first.
    const bin = path.join(root, 'node_modules/.bin/eslint-doc-generator');
    const result = spawnSync(bin, ['--check'], { cwd: root, encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`.slice(0, 2000)).toBe(0);
  });
});

describe('presets', () => {
  const presetRules = (name: 'recommended' | 'strict' | 'all'): Record<string, unknown> =>
    Object.assign({}, ...plugin.configs[name].map((config) => config.rules ?? {})) as Record<string, unknown>;

  it('recommended holds exactly the rules with docs.recommended, at that level', () => {
    const expected = Object.fromEntries(
      ruleIds.flatMap((id) => {
        const level = docsOf(id).recommended;
        return level ? [[`wechat-oa/${id}`, level]] : [];
      }),
    );
    expect(presetRules('recommended')).toEqual(expected);
  });

  it('strict holds every rule at error with the options in docs.strict', () => {
    const expected = Object.fromEntries(
      ruleIds.map((id) => [`wechat-oa/${id}`, ['error', ...(docsOf(id).strict ?? [])]]),
    );
    expect(presetRules('strict')).toEqual(expected);
  });

  it('all holds every rule at error', () => {
    expect(presetRules('all')).toEqual(Object.fromEntries(ruleIds.map((id) => [`wechat-oa/${id}`, 'error'])));
  });

  it('each preset registers the plugin under its namespace', () => {
    for (const name of ['recommended', 'strict', 'all'] as const) {
      expect(plugin.configs[name].some((config) => config.plugins?.['wechat-oa'] === plugin), name).toBe(true);
    }
  });

  it("skips vendored files (JS-SDK copies, minified bundles) in its own rules object, leaving the user's other rules", async () => {
    const { ESLint } = await import('eslint');
    const user = { name: 'user', rules: { 'no-var': 'error' as const } };
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, user] });
    const code = "var title = '腾讯官方合作伙伴';\n";
    const rulesOf = async (file: string) =>
      (await eslint.lintText(code, { filePath: path.join(root, 'tests', file) }))[0]!.messages.map((message) => message.ruleId);
    expect(await rulesOf('src/page.js')).toEqual(['no-var', 'wechat-oa/no-affiliation-claim']);
    expect(await rulesOf('public/jweixin-1.6.0.js')).toEqual(['no-var']);
    expect(await rulesOf('public/vendor.min.js')).toEqual(['no-var']);
    // No preset object is ignores-only (that would hide the files from every rule of the user's config).
    for (const name of ['recommended', 'strict', 'all'] as const) {
      expect(plugin.configs[name].every((config) => Object.keys(config).some((key) => key !== 'ignores' && key !== 'name')), name).toBe(true);
      expect(plugin.configs[name].every((config) => config.linterOptions === undefined), name).toBe(true);
    }
  });
});

describe.each(ruleIds)('rule %s', (id) => {
  const rule = ruleOf(id);
  const docs = docsOf(id);

  it('has its test and both docs', () => {
    expect(existsSync(path.join(root, `tests/rules/${id}.test.ts`)), `tests/rules/${id}.test.ts`).toBe(true);
    expect(existsSync(path.join(root, `docs/rules/${id}.md`)), `docs/rules/${id}.md`).toBe(true);
    expect(existsSync(path.join(root, `docs/rules/${id}.zh-CN.md`)), `docs/rules/${id}.zh-CN.md`).toBe(true);
  });

  it('has the name of its file', () => {
    expect(rule.name).toBe(id);
  });

  it('meta.docs.url is the web address of its English doc', () => {
    const base = pkg.repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '');
    expect(docs.url).toBe(`${base}/blob/main/${pkg.repository.directory}/docs/rules/${id}.md`);
    expect(docs.url).toBe(ruleDocsUrl(id));
  });

  it('has clause, recommended, description and descriptionZh', () => {
    expect(CLAUSE_IDS).toContain(docs.clause);
    expect(['error', 'warn', false]).toContain(docs.recommended);
    expect(docs.description.length).toBeGreaterThan(0);
    expect(docs.descriptionZh).toMatch(/\p{Script=Han}/u);
    expect(rule.meta.type).toBeDefined();
    if (docs.strict !== undefined) expect(Array.isArray(docs.strict)).toBe(true);
  });

  it('a rule with options has meta.defaultOptions (set directly or through createRule)', () => {
    if (hasOptions(rule)) expect(Array.isArray(rule.meta.defaultOptions)).toBe(true);
  });

  it('every message starts with its clause and has a Simplified Chinese twin', () => {
    const messages = rule.meta.messages as Record<string, string>;
    const ids = Object.keys(messages);
    const english = ids.filter((messageId) => !messageId.endsWith(ZH_MESSAGE_SUFFIX) && !messageId.endsWith(THROUGH_MESSAGE_SUFFIX));
    expect(english.length).toBeGreaterThan(0);
    // Each message has a Chinese twin, and both have a twin that names the other file of a cross-file finding.
    const localized = [...english, ...english.map((messageId) => `${messageId}${ZH_MESSAGE_SUFFIX}`)];
    expect(ids.sort()).toEqual([...localized, ...localized.map((messageId) => `${messageId}${THROUGH_MESSAGE_SUFFIX}`)].sort());
    for (const messageId of localized) {
      expect(messages[`${messageId}${THROUGH_MESSAGE_SUFFIX}`]).toMatch(/\{\{throughName\}\}.*\{\{throughFile\}\}|\{\{throughFile\}\}.*\{\{throughName\}\}/u);
    }
    for (const messageId of ids) {
      expect(messages[messageId].startsWith(`[${docs.clause}] `), `${messageId}: ${messages[messageId]}`).toBe(true);
    }
    for (const messageId of english) {
      expect(messages[`${messageId}${ZH_MESSAGE_SUFFIX}`], messageId).toMatch(/\p{Script=Han}/u);
    }
  });

  it('English doc: generated header, clause, options, when not to use it', () => {
    const text = read(`docs/rules/${id}.md`);
    const clause = CLAUSES[docs.clause];
    expect(text.startsWith(`# wechat-oa/${id}\n\n📝 ${docs.description}.\n`)).toBe(true);
    expect(text).toContain('<!-- end auto-generated rule header -->');
    expect(text).toContain(`**Clause ${clause.id} — ${clause.name.en}:**`);
    expect(text).toContain('\n## When not to use it\n');
    expect(text.includes('\n## Options\n')).toBe(hasOptions(rule));
  });

  it('Chinese doc: the same header in Chinese, clause, options, when not to use it', () => {
    const text = read(`docs/rules/${id}.zh-CN.md`);
    const clause = CLAUSES[docs.clause];
    expect(text.startsWith(`# wechat-oa/${id}\n\n📝 ${docs.descriptionZh}。\n`)).toBe(true);
    expect(text).toContain(`**条款 ${clause.id} — ${clause.name['zh-CN']}：**`);
    expect(text).toContain('\n## 何时不应使用\n');
    expect(text.includes('\n## 选项\n')).toBe(hasOptions(rule));
    if (docs.recommended === 'error') expect(text).toContain('此规则在 ✅ `recommended` 配置中启用');
    if (docs.recommended === 'warn') expect(text).toContain('此规则在 ✅ `recommended` 配置中为警告');
    if (rule.meta.hasSuggestions) expect(text).toContain('此规则提供[编辑器建议]');
  });
});
