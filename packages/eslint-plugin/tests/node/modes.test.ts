// The mode module the command line and the language server share (`eslint-plugin-wechat-oa/node`).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import {
  decideMode,
  describeConfigError,
  embeddedResult,
  enablesWechatOa,
  isEmbeddedProblem,
  isProjectConfig,
  ProjectConfigError,
  QUIET_DIRECTIVES,
  readSettingsFile,
  ruleCrashOf,
  SETTINGS_FILE_KEYS,
  settingsBlockOf,
  settingsConfigs,
  SettingsFileError,
  SettingsFiles,
} from '../../src/node/index.js';

const PLUGIN_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ESLINT_ROOT = path.dirname(fileURLToPath(import.meta.resolve('eslint/package.json')));
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A scratch folder with these files, `eslint` and the plugin resolvable from it as after an install. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-node-'));
  folders.push(root);
  for (const [file, text] of Object.entries({ 'package.json': '{ "type": "module" }\n', ...files })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(ESLINT_ROOT, path.join(root, 'node_modules', 'eslint'), 'dir');
  symlinkSync(PLUGIN_ROOT, path.join(root, 'node_modules', 'eslint-plugin-wechat-oa'), 'dir');
  return root;
}

const WECHAT_OA_CONFIG = `import wechatOa from 'eslint-plugin-wechat-oa';
export default [{ ignores: ['legacy/**'] }, ...wechatOa.configs.recommended];
`;

describe('enablesWechatOa', () => {
  it.each([
    [{ 'wechat-oa/no-auto-redirect': 'error' }, true],
    [{ 'wechat-oa/no-auto-redirect': ['warn', {}] }, true],
    [{ 'wechat-oa/no-auto-redirect': [2] }, true],
    [{ 'wechat-oa/no-auto-redirect': 'off' }, false],
    [{ 'wechat-oa/no-auto-redirect': [0] }, false],
    [{ 'no-var': 'error' }, false],
    [undefined, false],
  ] as const)('%j → %s', (rules, expected) => {
    expect(enablesWechatOa(rules as Partial<Linter.RulesRecord> | undefined)).toBe(expected);
  });
});

describe('decideMode', () => {
  it('is project mode where the config enables wechat-oa rules, and says which config', async () => {
    const root = project({ 'eslint.config.js': WECHAT_OA_CONFIG, 'src/a.js': 'export {};\n' });
    const lookup = new ESLint({ cwd: root });
    expect(await decideMode(lookup, path.join(root, 'src', 'a.js'))).toEqual({ mode: 'project', configFile: path.join(root, 'eslint.config.js') });
  });

  it('is embedded mode without a config, or with one that enables no wechat-oa rule', async () => {
    const bare = project({ 'src/a.js': 'export {};\n' });
    expect(await decideMode(new ESLint({ cwd: bare }), path.join(bare, 'src', 'a.js'))).toEqual({ mode: 'embedded' });
    const other = project({ 'eslint.config.js': "export default [{ rules: { 'no-var': 'error' } }];\n", 'a.js': '' });
    expect(await decideMode(new ESLint({ cwd: other }), path.join(other, 'a.js'))).toEqual({
      mode: 'embedded',
      configFile: path.join(other, 'eslint.config.js'),
    });
  });

  it('leaves out a file that a wechat-oa config ignores, and lints one that another config ignores', async () => {
    const root = project({ 'eslint.config.js': WECHAT_OA_CONFIG, 'legacy/a.js': '' });
    const lookup = new ESLint({ cwd: root });
    const decision = await decideMode(lookup, path.join(root, 'legacy', 'a.js'));
    expect(decision).toEqual({ mode: 'unmatched', configFile: path.join(root, 'eslint.config.js') });
    expect(await isProjectConfig(lookup, path.join(root, 'eslint.config.js'))).toBe(true);
    const other = project({ 'eslint.config.js': "export default [{ ignores: ['legacy/**'] }, { rules: { 'no-var': 'error' } }];\n" });
    expect(await isProjectConfig(new ESLint({ cwd: other }), path.join(other, 'eslint.config.js'))).toBe(false);
  });

  it('throws a ProjectConfigError naming the config when it does not load', async () => {
    const root = project({ 'eslint.config.js': "throw new Error('this config is broken');\n", 'a.js': '' });
    const error = await decideMode(new ESLint({ cwd: root }), path.join(root, 'a.js')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectConfigError);
    expect((error as ProjectConfigError).configFile).toBe(path.join(root, 'eslint.config.js'));
    expect((error as ProjectConfigError).messageFrom(root)).toBe('eslint.config.js: this config is broken');
  });
});

describe('describeConfigError', () => {
  async function configError(files: Record<string, string>, configName: string): Promise<string> {
    const root = project({ ...files, 'a.js': '' });
    const error = await decideMode(new ESLint({ cwd: root }), path.join(root, 'a.js')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectConfigError);
    return describeConfigError((error as ProjectConfigError).cause, path.join(root, configName), root);
  }

  it('shows the two lines that register the plugin when wechat-oa rules are on without it (ESM)', async () => {
    const message = await configError({ 'eslint.config.js': "export default [{ rules: { 'wechat-oa/no-auto-redirect': 'error' } }];\n" }, 'eslint.config.js');
    expect(message.split('\n')).toEqual([
      'eslint.config.js turns on wechat-oa rules but does not register the plugin eslint-plugin-wechat-oa; add these two ' +
        'lines (the second in the config object that sets the rules), or use wechatOa.configs.recommended:',
      "  import wechatOa from 'eslint-plugin-wechat-oa';",
      "  plugins: { 'wechat-oa': wechatOa },",
    ]);
  });

  it('writes require() for a CommonJS config', async () => {
    const message = await configError(
      { 'eslint.config.cjs': "module.exports = [{ rules: { 'wechat-oa/no-auto-redirect': 'error' } }];\n" },
      'eslint.config.cjs',
    );
    expect(message.split('\n')[1]).toBe("  const wechatOa = require('eslint-plugin-wechat-oa');");
  });

  it('gives file:line:column for a syntax error', async () => {
    const message = await configError({ 'eslint.config.js': "export default [\n  { rules: { 'no-var': 'error',, } },\n];\n" }, 'eslint.config.js');
    expect(message).toBe("eslint.config.js:2:32: syntax error: Unexpected token ','");
  });

  it('names the rule whose options are invalid', async () => {
    const message = await configError(
      {
        'eslint.config.js':
          "import wechatOa from 'eslint-plugin-wechat-oa';\nexport default [...wechatOa.configs.recommended, { rules: { 'wechat-oa/no-hardcoded-credentials': ['error', { envNames: 1 }] } }];\n",
      },
      'eslint.config.js',
    );
    expect(message).toBe(
      'eslint.config.js: invalid options for rule "wechat-oa/no-hardcoded-credentials": Value 1 should be object. Fix them in eslint.config.js.',
    );
  });
});

describe('ruleCrashOf', () => {
  it('tells a rule that threw (tagged by ESLint, or only named in the message after a worker thread) from a config problem', () => {
    const tagged = Object.assign(new Error('boom\nOccurred while linting /p/a.js:1\nRule: "wechat-oa/x"'), { ruleId: 'wechat-oa/x' });
    expect(ruleCrashOf(tagged)).toEqual({ ruleId: 'wechat-oa/x', message: 'boom' });
    expect(ruleCrashOf(new Error('boom\nOccurred while linting /p/a.js:1\nRule: "wechat-oa/y"'))).toEqual({ ruleId: 'wechat-oa/y', message: 'boom' });
    expect(ruleCrashOf(new Error('boom\nOccurred while linting /p/a.js'))).toEqual({ ruleId: undefined, message: 'boom' });
    expect(ruleCrashOf(new Error('Cannot find package "x"'))).toBeUndefined();
    expect(ruleCrashOf('a string')).toBeUndefined();
  });

  it('recognises a real crash thrown by ESLint', async () => {
    const crashing = { rules: { crash: { meta: { schema: [] }, create: () => ({ Program() { throw new Error('always'); } }) } } };
    const eslint = new ESLint({ cwd: os.tmpdir(), overrideConfigFile: true, overrideConfig: [{ plugins: { crashing }, rules: { 'crashing/crash': 'error' } }] });
    const error = await eslint.lintText('let a;', { filePath: path.join(os.tmpdir(), 'a.js') }).catch((caught: unknown) => caught);
    expect(ruleCrashOf(error)).toEqual({ ruleId: 'crashing/crash', message: 'always' });
  });
});

describe('.wechat-oa.json', () => {
  it('reads settings and ignores, and finds the nearest file of each folder', () => {
    const root = project({
      '.wechat-oa.json': '{ "ownHosts": ["api.example.com"], "ignores": ["generated/**"] }',
      'sub/.wechat-oa.json': '{ "locale": "zh-CN" }',
    });
    const files = new SettingsFiles();
    expect(files.nearest(path.join(root, 'src', 'a.js'))).toEqual({
      folder: root,
      file: path.join(root, '.wechat-oa.json'),
      settings: { ownHosts: ['api.example.com'] },
      ignores: ['generated/**'],
    });
    expect(files.nearest(path.join(root, 'sub', 'deep', 'a.js'))?.settings).toEqual({ locale: 'zh-CN' });
  });

  it.each([
    ['{ "ownHost": [] }', `.wechat-oa.json: unknown setting "ownHost": remove it or use one of ${SETTINGS_FILE_KEYS.join(', ')}`],
    ['{ "ignores": "dist" }', '.wechat-oa.json: "ignores" must be array: fix the value'],
    ['{ "locale": "fr" }', '.wechat-oa.json: "locale" must be one of "en", "zh-CN"'],
    ['{ "ownHosts": [', '.wechat-oa.json is not valid JSON'],
  ])('rejects %s with one message', (text, expected) => {
    const root = project({ '.wechat-oa.json': text });
    const error = (() => {
      try {
        readSettingsFile(path.join(root, '.wechat-oa.json'));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SettingsFileError);
    expect((error as SettingsFileError).messageFrom(root).startsWith(expected)).toBe(true);
  });

  it('lists every known key, ignores among them', () => {
    expect(SETTINGS_FILE_KEYS).toEqual([
      'ownHosts',
      'allowedHosts',
      'trustedUrls',
      'consentFunctions',
      'checkFunctions',
      'maskers',
      'anonymizers',
      'encryptors',
      'browserFiles',
      'serverFiles',
      'accounts',
      'locale',
      'prefilter',
      'lintVendored',
      'lintSavedPages',
      'aliases',
      'wrappers',
      'ignores',
    ]);
  });
});

describe('embedded mode', () => {
  const FOREIGN_COMMENTS = [
    '/* eslint-env browser */',
    '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
    'const x = 1;',
    '/* eslint no-var: 0 */',
    '/* eslint no-var: 1 */',
    '// eslint-disable-next-line no-console, @stylistic/js/no-tabs',
    'console.log(x);',
    "export const title = '腾讯官方合作伙伴';",
  ].join('\n');

  function embedded(settings: Linter.Config[] = [], cwd = os.tmpdir()): ESLint {
    return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, ...settings, QUIET_DIRECTIVES] });
  }

  it("reports the wechat-oa finding and none of ESLint's problems with other tools' comments", async () => {
    const [raw] = await embedded().lintText(FOREIGN_COMMENTS, { filePath: path.join(os.tmpdir(), 'a.ts') });
    // ESLint has something to say about the comments: this is what embedded mode leaves out.
    expect(raw!.messages.map((message) => message.ruleId)).toEqual([
      null,
      '@typescript-eslint/no-explicit-any',
      null,
      '@stylistic/js/no-tabs',
      'wechat-oa/no-affiliation-claim',
    ]);
    const result = embeddedResult(raw!);
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([['wechat-oa/no-affiliation-claim', 8]]);
    expect([result.errorCount, result.fatalErrorCount, result.warningCount]).toEqual([1, 0, 0]);
  });

  it('keeps parse errors, which are fatal and have no end', async () => {
    const [raw] = await embedded().lintText('// eslint-disable-next-line @typescript-eslint/no-explicit-any\nconst = ;', {
      filePath: path.join(os.tmpdir(), 'b.js'),
    });
    expect(raw!.messages).toHaveLength(1);
    expect(isEmbeddedProblem(raw!.messages[0]!)).toBe(true);
    expect(embeddedResult(raw!).fatalErrorCount).toBe(1);
  });

  it("applies a settings file's ignores relative to its folder, and its settings below it", async () => {
    const root = project({});
    const block = settingsBlockOf({ folder: path.join(root, 'app'), file: path.join(root, 'app', '.wechat-oa.json'), settings: { ownHosts: ['a.example'] }, ignores: ['generated/**'] });
    const eslint = embedded(settingsConfigs(root, block), root);
    expect(await eslint.isPathIgnored(path.join(root, 'app', 'generated', 'x.js'))).toBe(true);
    expect(await eslint.isPathIgnored(path.join(root, 'generated', 'x.js'))).toBe(false);
    const config = (await eslint.calculateConfigForFile(path.join(root, 'app', 'src', 'x.js'))) as Linter.Config;
    expect((config.settings?.['wechat-oa'] as { ownHosts?: string[] }).ownHosts).toEqual(['a.example']);
  });
});
