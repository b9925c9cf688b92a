// What the server takes from the plugin's shared mode module (`eslint-plugin-wechat-oa/node`), as the CLI does:
// embedded mode reports only wechat-oa findings and parse errors, `.wechat-oa.json` with its `ignores` and one
// error text, files that a wechat-oa project config leaves out, and CommonJS modules as server code.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SETTINGS_FILE_KEYS } from 'eslint-plugin-wechat-oa/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { packageRoot, TestClient } from './client.js';

let client: TestClient | undefined;
const folders: string[] = [];
afterEach(async () => {
  await client?.stop();
  client = undefined;
});
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A workspace folder with these files, where `eslint` and the plugin resolve as after an install. */
function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-server-')));
  folders.push(root);
  for (const [file, text] of Object.entries({ 'package.json': '{ "type": "module" }\n', ...files })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, 'node_modules'));
  for (const name of ['eslint', 'eslint-plugin-wechat-oa']) {
    symlinkSync(realpathSync(path.join(packageRoot, 'node_modules', name)), path.join(root, 'node_modules', name), 'dir');
  }
  return root;
}

const SECRET_LINE = "  appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',";

describe('embedded mode', () => {
  it("publishes only the wechat-oa finding in a file full of other tools' comments", async () => {
    const root = workspace({});
    client = await TestClient.start({ workspaceFolder: root });
    const text = [
      '/* eslint-env node */',
      "import express from 'express';",
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
      'export const app: any = express();',
      '/* eslint no-console: 0 */',
      '/* eslint no-console: 1 */',
      '// eslint-disable-next-line @stylistic/js/no-tabs',
      'export const wechat = {',
      SECRET_LINE,
      '};',
      '',
    ].join('\n');
    const uri = await client.open(path.join(root, 'src', 'service.ts'), text);
    expect((await client.diagnosticsFor(uri, 1)).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([
      ['wechat-oa/no-hardcoded-credentials', 8],
    ]);
  });

  it("skips what the settings file's ignores match, relative to its folder", async () => {
    const root = workspace({ 'web/.wechat-oa.json': '{ "ignores": ["mock/**"] }' });
    client = await TestClient.start({ workspaceFolder: root });
    const text = `export const wechat = {\n${SECRET_LINE}\n};\n`;
    const ignored = await client.open(path.join(root, 'web', 'mock', 'user.js'), text);
    expect(await client.diagnosticsFor(ignored, 1)).toEqual([]);
    const linted = await client.open(path.join(root, 'web', 'src', 'user.js'), text);
    expect((await client.diagnosticsFor(linted, 1)).map((diagnostic) => diagnostic.code)).toEqual(['wechat-oa/no-hardcoded-credentials']);
  });

  it('turns an invalid settings file into one diagnostic naming every known key', async () => {
    const root = workspace({ '.wechat-oa.json': '{ "ownHost": [] }' });
    client = await TestClient.start({ workspaceFolder: root });
    const uri = await client.open(path.join(root, 'src', 'a.js'), 'export const a = 1;\n');
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(diagnostic?.message).toBe(
      // The list itself is checked once, in the plugin's tests/node/modes.test.ts.
      `wechat-oa: .wechat-oa.json could not be used, so this file was not linted: unknown setting "ownHost": remove it or use one of ${SETTINGS_FILE_KEYS.join(', ')}`,
    );
  });

  it('offers "read it from the environment" in a CommonJS config module', async () => {
    const root = workspace({});
    client = await TestClient.start({ workspaceFolder: root });
    const uri = await client.open(path.join(root, 'config', 'default.js'), `module.exports = {\n${SECRET_LINE}\n};\n`);
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    const actions = await client.codeActions(uri, diagnostic!.range, [diagnostic!]);
    const edits = actions.flatMap((action) => action.edit?.changes?.[uri] ?? []).map((edit) => edit.newText);
    expect(edits).toContain('process.env.WECHAT_APP_SECRET');
  });
});

describe('project mode (trusted)', () => {
  const CONFIG = "import wechatOa from 'eslint-plugin-wechat-oa';\nexport default [{ ignores: ['legacy/**'] }, ...wechatOa.configs.recommended];\n";

  it('leaves out a file the wechat-oa config ignores, as the project\'s own run does', async () => {
    const root = workspace({ 'eslint.config.js': CONFIG });
    client = await TestClient.start({ workspaceFolder: root, initializationOptions: { trusted: true } });
    const text = `export const wechat = {\n${SECRET_LINE}\n};\n`;
    const legacy = await client.open(path.join(root, 'legacy', 'a.js'), text);
    expect(await client.diagnosticsFor(legacy, 1)).toEqual([]);
    const src = await client.open(path.join(root, 'src', 'a.js'), text);
    expect((await client.diagnosticsFor(src, 1)).map((diagnostic) => diagnostic.code)).toEqual(['wechat-oa/no-hardcoded-credentials']);
  });

  it('shows the two lines that register the plugin when the config turns on wechat-oa rules without it', async () => {
    const root = workspace({ 'eslint.config.js': "export default [{ rules: { 'wechat-oa/no-auto-redirect': 'error' } }];\n" });
    client = await TestClient.start({ workspaceFolder: root, initializationOptions: { trusted: true } });
    const uri = await client.open(path.join(root, 'a.js'), 'export const a = 1;\n');
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(diagnostic?.message).toBe(
      'wechat-oa: eslint.config.js could not be used, so this file was not linted: eslint.config.js turns on wechat-oa rules but does not ' +
        'register the plugin eslint-plugin-wechat-oa; add these two lines (the second in the config object that sets the rules), or use ' +
        "wechatOa.configs.recommended:\n  import wechatOa from 'eslint-plugin-wechat-oa';\n  plugins: { 'wechat-oa': wechatOa },",
    );
  });
});
