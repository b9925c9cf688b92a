/**
 * The repository lints its own plugin: eslint-plugin-eslint-plugin (rule meta, messageIds, schemas, test tables)
 * and eslint-plugin-regexp (among others, no super-linear regexes: a rule's regex runs on every user's source),
 * and keeps the plugin's layers (docs/architecture.md) with ESLint's own `no-restricted-imports`: every import of
 * the plugin is a relative path, so a pattern per layer says what it may not reach.
 * `npm run lint`; tests/self-lint.test.ts runs it through ESLint's Node API and expects zero problems.
 */
import tsParser from '@typescript-eslint/parser';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import { defineConfig } from 'eslint/config';

/** The other packages of the repository: the plugin never imports them. */
const OTHER_PACKAGES = ['wechat-oa-lint', 'wechat-oa-lint/*', 'wechat-oa-language-server', 'wechat-oa-language-server/*', 'wechat-oa-vscode', '**/packages/cli/**', '**/packages/language-server/**', '**/cli/src/**', '**/language-server/src/**'];

/**
 * The analysis folder in layers, lowest first (docs/architecture.md): each may import only its own layer and lower
 * ones. Paths are relative to packages/eslint-plugin/src/analysis/.
 */
const ANALYSIS_LAYERS = [
  // prefilter.ts reads raw text only (trigger words of knowledge/prefilter.ts), before any model is built.
  { name: 'node index', files: ['prefilter.ts', 'ast.ts', 'node-index.ts', 'globals.ts', 'modules.ts', 'instances.ts', 'references.ts', 'file-kind.ts'] },
  { name: 'static values', files: ['values.ts'] },
  {
    name: 'facts',
    files: [
      'sdk-clients.ts',
      'requests.ts',
      'api-calls.ts',
      'api-call-placement.ts',
      'token-cache.ts',
      'navigation.ts',
      'mp-console.ts',
      'execution-contexts.ts',
      'code-paths.ts',
      'code-paths-ast.ts',
      'validation.ts',
      'credential-uses.ts',
      'platform.ts',
      'vue.ts',
      'template.ts',
    ],
  },
  { name: 'data flow', files: ['dataflow/*.ts'] },
  // Summaries of other modules (imports resolved, exports and wrappers summarised) read values and facts of those
  // modules; only the facade links them into a file's model.
  { name: 'project summaries', files: ['project/*.ts'] },
  { name: 'facade', files: ['index.ts'] },
  // Questions asked of a whole file's model (which hosts are its own), read by rules beside the facade.
  { name: 'file queries', files: ['own-origins.ts'] },
];

/** `no-restricted-imports` patterns that keep a file of layer `index` from importing any higher layer. */
function higherLayerPatterns(index, folder) {
  const prefix = folder ? '../' : './';
  const patterns = [];
  for (const layer of ANALYSIS_LAYERS.slice(index + 1)) {
    for (const file of layer.files) {
      const subfolder = /^(\w+)\/\*\.ts$/u.exec(file)?.[1];
      if (subfolder) patterns.push(subfolder === folder ? './*' : `${prefix}${subfolder}/*`);
      else patterns.push(prefix + file.replace(/\.ts$/u, '.js'));
    }
  }
  return { group: patterns, message: 'A lower layer of the analysis imports a higher one (docs/architecture.md, "Layers").' };
}

const UPWARD_OF_ANALYSIS = {
  group: ['../rules/*', '../../rules/*', '../processors/*', '../../processors/*', '../inventory/*', '../../inventory/*', '../configs/*', '../../configs/*', '../index.js', '../../index.js'],
  message: 'The analysis serves rules, processors and the inventory; it never imports them (docs/architecture.md).',
};

export default defineConfig([
  { ignores: ['**/dist/**', '**/node_modules/**'] },
  {
    name: 'wechat-oa/self-lint',
    files: ['packages/eslint-plugin/src/**/*.ts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
    extends: [eslintPlugin.configs.recommended, regexp.configs['flat/recommended']],
    rules: {
      // createRule (src/util/createRule.ts) moves a rule's top-level `defaultOptions` into `meta.defaultOptions`,
      // which this static check cannot see; tests/meta.test.ts checks the built rules at run time instead.
      'eslint-plugin/require-meta-default-options': 'off',
    },
  },
  {
    name: 'wechat-oa/boundaries: rules',
    files: ['packages/eslint-plugin/src/rules/*.ts'],
    ignores: ['packages/eslint-plugin/src/rules/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['./*', '../rules/*'], message: 'A rule never imports another rule: share through analysis/ or knowledge/ (docs/architecture.md).' },
            { group: OTHER_PACKAGES, message: 'The plugin never imports the CLI or the language server.' },
            { group: ['../processors/*', '../inventory/*'], message: 'Rules read the shared analysis, not the processors or the inventory.' },
          ],
        },
      ],
    },
  },
  {
    name: 'wechat-oa/boundaries: knowledge',
    files: ['packages/eslint-plugin/src/knowledge/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../analysis/*', '../rules/*', '../processors/*', '../inventory/*', '../configs/*', '../index.js'],
              message: 'knowledge/ holds tables and plain lookups: it imports nothing of the plugin above it (docs/architecture.md).',
            },
            { group: OTHER_PACKAGES, message: 'The plugin never imports the CLI or the language server.' },
          ],
        },
      ],
    },
  },
  {
    name: 'wechat-oa/boundaries: util',
    files: ['packages/eslint-plugin/src/util/*.ts'],
    // createRule.ts and its gate are where every rule meets the model (code path events, cross-file traces, the
    // per-file skip decision): they sit above the analysis, below the rules.
    ignores: ['packages/eslint-plugin/src/util/createRule.ts', 'packages/eslint-plugin/src/util/skip-gate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The rules' gate (skip-gate.ts, read by createRule.ts) asks the raw-text prefilter, which sits below the model.
              group: ['../analysis/*', '!../analysis/prefilter.js', '../rules/*', '../processors/*', '../inventory/*', '../configs/*', '../index.js'],
              message: 'util/ sits below everything but the raw-text prefilter (docs/architecture.md, "Layers").',
            },
            { group: OTHER_PACKAGES, message: 'The plugin never imports the CLI or the language server.' },
          ],
        },
      ],
    },
  },
  ...ANALYSIS_LAYERS.map((layer, index) => ({
    name: `wechat-oa/boundaries: analysis ${layer.name}`,
    files: layer.files.map((file) => `packages/eslint-plugin/src/analysis/${file}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(index < ANALYSIS_LAYERS.length - 1 ? [higherLayerPatterns(index, /^(\w+)\//u.exec(layer.files[0])?.[1])] : []),
            layer.files[0].includes('/')
              ? { ...UPWARD_OF_ANALYSIS, group: UPWARD_OF_ANALYSIS.group.filter((pattern) => pattern.startsWith('../../')) }
              : { ...UPWARD_OF_ANALYSIS, group: UPWARD_OF_ANALYSIS.group.filter((pattern) => !pattern.startsWith('../../')) },
            { group: OTHER_PACKAGES, message: 'The plugin never imports the CLI or the language server.' },
          ],
        },
      ],
    },
  })),
  {
    // The one exception (docs/architecture.md, "Layers"): vue.ts reads the HTML processor's handler blocks through
    // processors/html.ts, which still defines their format.
    name: 'wechat-oa/boundaries: analysis facts, vue.ts',
    files: ['packages/eslint-plugin/src/analysis/vue.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            higherLayerPatterns(2, undefined),
            { ...UPWARD_OF_ANALYSIS, group: [...UPWARD_OF_ANALYSIS.group.filter((pattern) => !pattern.startsWith('../../')), '!../processors/html.js'] },
            { group: OTHER_PACKAGES, message: 'The plugin never imports the CLI or the language server.' },
          ],
        },
      ],
    },
  },
  {
    name: 'wechat-oa/boundaries: the rule framework',
    files: ['packages/eslint-plugin/src/util/createRule.ts', 'packages/eslint-plugin/src/util/skip-gate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../rules/*', '../processors/*', '../inventory/*', '../configs/*', '../index.js'], message: 'The rule framework serves the rules; it never imports them (docs/architecture.md).' },
            { group: OTHER_PACKAGES, message: 'The plugin never imports the CLI or the language server.' },
          ],
        },
      ],
    },
  },
  {
    name: 'wechat-oa/boundaries: analysis files outside the layer list',
    files: ['packages/eslint-plugin/src/analysis/**/*.ts'],
    ignores: ANALYSIS_LAYERS.flatMap((layer) => layer.files.map((file) => `packages/eslint-plugin/src/analysis/${file}`)),
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'Every file of analysis/ belongs to a layer: add it to ANALYSIS_LAYERS in eslint.config.js.' },
      ],
    },
  },
]);
