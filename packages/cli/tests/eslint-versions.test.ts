import path from 'node:path';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';

afterAll(removeTempDirs);

// The one-line setup the README promises, in both forms a preset can be used: inside defineConfig, and spread.
const CONFIGS = {
  'defineConfig([wechatOa.configs.recommended])': `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';
export default defineConfig([wechatOa.configs.recommended]);
`,
  'defineConfig([...wechatOa.configs.recommended])': `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';
export default defineConfig([...wechatOa.configs.recommended]);
`,
};

const FILES = {
  'src/config.ts': `interface WechatConfig { appid: string; appSecret: string }
export const config: WechatConfig = {
  appid: 'wx8a3f2b9c1d4e5f60',
  appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',
};
`,
  'src/Banner.jsx': `export const Banner = () => <p title="腾讯官方合作伙伴">Shop</p>;\n`,
  'src/clean.mjs': `export const label = 'Share to WeChat';\n`,
};

const EXPECTED = [
  { file: 'src/Banner.jsx', ruleId: 'wechat-oa/no-affiliation-claim', line: 1, column: 38, severity: 2 },
  { file: 'src/config.ts', ruleId: 'wechat-oa/no-hardcoded-credentials', line: 4, column: 14, severity: 2 },
];

type EslintClass = typeof ESLint10 | typeof ESLint9;

async function lint(ESLint: EslintClass, dir: string) {
  const eslint = new ESLint({ cwd: dir });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(dir, result.filePath).split(path.sep).join('/'),
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        severity: message.severity,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

// Each scratch project resolves `eslint` (and so `eslint/config`) to the major under test, and the plugin from
// the workspace, as an installed project would; the config is loaded by that ESLint's own config lookup.
describe.each([
  ['ESLint 10', ESLint10, 'eslint'],
  ['ESLint 9', ESLint9, 'eslint9'],
] as const)('%s', (_name, ESLint, eslintPackage) => {
  it.each(Object.entries(CONFIGS))('%s lints .ts, .jsx and .mjs with the recommended rules', async (_form, config) => {
    const dir = scratchProject({ ...FILES, 'eslint.config.js': config }, eslintPackage);
    expect(ESLint.version.split('.')[0]).toBe(eslintPackage === 'eslint' ? '10' : '9');
    expect(await lint(ESLint, dir)).toEqual(EXPECTED);
  });
});
