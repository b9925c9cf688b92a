// Fixture snapshots (as oxc's language-server tester does): for each fixture file, the diagnostics the server
// publishes and the code actions it offers for each of them, through the real protocol.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { applyEdits, fixturesRoot, portable, repoRoot, TestClient } from './client.js';

const folder = path.join(fixturesRoot, 'embedded');
const file = (name: string) => path.join(folder, 'src', name);

describe('fixture snapshots (embedded mode, English)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: folder });
  });
  afterAll(() => client.stop());

  // One case per fixture file, listed by hand.
  it.each(['server.js', 'badge.jsx', 'crlf-astral.js', 'broken.ts', 'clean.ts'])('%s', async (name) => {
    const uri = await client.open(file(name));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const actions = [];
    for (const diagnostic of diagnostics) {
      actions.push({ for: diagnostic.message, actions: await client.codeActions(uri, diagnostic.range, [diagnostic]) });
    }
    expect(portable({ diagnostics, actions })).toMatchSnapshot();
    await client.close(uri);
  });
});

describe('positions, quick fixes and hover', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: folder });
  });
  afterAll(() => client.stop());

  it('converts ESLint columns to UTF-16 positions on CRLF lines after astral characters', async () => {
    const uri = await client.open(file('crlf-astral.js'));
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    // Line 3 is `const config = { note: '😀😀', appSecret: '<32 hex>' };`: the literal starts after two astral
    // characters (4 UTF-16 units) at UTF-16 character 42 and is 34 units long.
    expect(diagnostic?.range).toEqual({ start: { line: 2, character: 42 }, end: { line: 2, character: 76 } });
    const text = readFileSync(file('crlf-astral.js'), 'utf8');
    const line = text.split('\r\n')[2] ?? '';
    expect(line.slice(42, 76)).toBe("'a1b2c3d4e5f60718293a4b5c6d7e8f90'");
  });

  it('applies the suggestion of no-hardcoded-credentials', async () => {
    const uri = await client.open(file('server.js'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const actions = await client.codeActions(uri, diagnostics[0]!.range, diagnostics);
    const suggestion = actions.find((action) => action.title.includes('process.env.WECHAT_APP_SECRET'));
    const edits = suggestion?.edit?.changes?.[uri] ?? [];
    const fixed = applyEdits(readFileSync(file('server.js'), 'utf8'), edits);
    expect(fixed.split('\n')[3]).toBe('const appSecret = process.env.WECHAT_APP_SECRET;');
  });

  it('disables a rule among JSX children with {/* */} and elsewhere with //, keeping the indentation', async () => {
    const original = readFileSync(file('badge.jsx'), 'utf8');
    const uri = await client.open(file('badge.jsx'), original, 1);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((diagnostic) => diagnostic.range.start.line)).toEqual([5, 13, 18]);
    const disableLine = async (line: number, version: number) => {
      const diagnostic = (await client.diagnosticsFor(uri, version)).find((candidate) => candidate.range.start.line === line)!;
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      return actions.find((action) => action.title === 'Disable wechat-oa/no-affiliation-claim for this line')?.edit?.changes?.[uri] ?? [];
    };
    // `alt` on a line among the <div>'s children.
    const childEdits = await disableLine(13, 1);
    expect(childEdits).toEqual([
      { range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, newText: '      {/* eslint-disable-next-line wechat-oa/no-affiliation-claim */}\n' },
    ]);
    let text = applyEdits(original, childEdits);
    let version = await client.change(uri, [{ text }]);
    expect((await client.diagnosticsFor(uri, version)).map((diagnostic) => diagnostic.range.start.line)).toEqual([5, 19]);
    // JSX text is reported at its phrase, on its own line among the <p>'s children: the comment goes in braces there.
    const textEdits = await disableLine(5, version);
    expect(textEdits).toEqual([
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '      {/* eslint-disable-next-line wechat-oa/no-affiliation-claim */}\n' },
    ]);
    text = applyEdits(text, textEdits);
    version = await client.change(uri, [{ text }]);
    expect((await client.diagnosticsFor(uri, version)).map((diagnostic) => diagnostic.range.start.line)).toEqual([20]);
    // A string literal in script position.
    const scriptEdits = await disableLine(20, version);
    expect(scriptEdits).toEqual([
      { range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, newText: '// eslint-disable-next-line wechat-oa/no-affiliation-claim\n' },
    ]);
    text = applyEdits(text, scriptEdits);
    version = await client.change(uri, [{ text }]);
    expect(await client.diagnosticsFor(uri, version)).toEqual([]);
  });

  it('reports a parse error at ESLint position', async () => {
    const uri = await client.open(file('broken.ts'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics).toEqual([
      {
        // typescript-estree's column for `(;` as ESLint reports it (line 2, column 16), unchanged.
        range: { start: { line: 1, character: 15 }, end: { line: 1, character: 16 } },
        severity: 1,
        source: 'wechat-oa',
        message: 'Parsing error: Expression expected.',
      },
    ]);
  });

  it('hovers with the clause text and the rule explanation', async () => {
    const uri = await client.open(file('server.js'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const hover = await client.hover(uri, { line: 3, character: 20 });
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain('**Clause S2 (protection)**: Collected data must be protected against theft and disclosure.');
    expect(value).toContain('**Rule `wechat-oa/no-hardcoded-credentials`**: Disallow AppSecret');
    expect(value).toContain("An Official Account's AppSecret gets its `access_token`");
    expect(hover?.range).toEqual(diagnostics[0]!.range);
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
  });

  it('opens the rule documentation with window/showDocument', async () => {
    await client.executeCommand('wechat-oa.openRuleDoc', ['wechat-oa/no-hardcoded-credentials']);
    expect(portable(client.shownDocuments)).toEqual(['<repo>/packages/eslint-plugin/docs/rules/no-hardcoded-credentials.md']);
  });

  it('answers the inventory command with an error naming a folder it cannot read', async () => {
    await expect(client.executeCommand('wechat-oa.inventory', ['file:///no/such/folder'])).rejects.toThrow(
      /data inventory of \/no\/such\/folder failed/u,
    );
  });
});

describe('data inventory command (wechat-oa.inventory)', () => {
  let client: TestClient;
  const serverFixture = path.join(repoRoot, 'test-fixtures', 'oa-server-express');
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: serverFixture });
  });
  afterAll(() => client.stop());

  it('returns the Markdown and JSON inventory of the workspace folder, with the S4 store flagged', async () => {
    const answer = (await client.executeCommand('wechat-oa.inventory', [pathToFileURL(serverFixture).href])) as {
      markdown: string;
      inventory: { root: string; stores: { store: string; noDeletionPath: boolean }[] };
    };
    expect(answer.inventory.root).toBe(serverFixture);
    expect(answer.inventory.stores.filter((store) => store.noDeletionPath).map((store) => store.store)).toEqual(['table profile visit']);
    expect(answer.markdown).toContain('- `table profile visit` (openid), written at src/routes/visits.js:8');
    // Without an argument: the first workspace folder.
    const again = (await client.executeCommand('wechat-oa.inventory')) as { inventory: { root: string } };
    expect(again.inventory.root).toBe(serverFixture);
  });
});

describe('Simplified Chinese', () => {
  let client: TestClient;
  beforeAll(async () => {
    // The client's locale decides when wechatOa.locale is not set.
    client = await TestClient.start({ workspaceFolder: folder, locale: 'zh-cn', showDocument: false });
  });
  afterAll(() => client.stop());

  it('reports, links and hovers in Chinese; without showDocument the link comes as a message', async () => {
    const uri = await client.open(file('server.js'));
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(String(diagnostic?.message).startsWith('[S2] ')).toBe(true);
    expect(String(diagnostic?.message)).toMatch(/[\u4e00-\u9fff]/u);
    expect(portable(diagnostic?.codeDescription?.href)).toBe('<repo>/packages/eslint-plugin/docs/rules/no-hardcoded-credentials.zh-CN.md');
    const hover = await client.hover(uri, diagnostic!.range.start);
    expect((hover?.contents as { value: string }).value).toContain('**条款 S2 (数据保护)**: 对收集的用户数据必须采取必要的保护措施，防止数据被盗、泄漏。');
    await client.executeCommand('wechat-oa.openRuleDoc', ['wechat-oa/no-hardcoded-credentials']);
    await client.waitFor(() => client.messages.find((message) => message.includes('no-hardcoded-credentials.zh-CN.md')), 'the link message');
  });
});

describe('wechatOa.locale', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: folder, locale: 'en', settings: { locale: 'zh-CN' } });
  });
  afterAll(() => client.stop());

  it('wins over the client locale', async () => {
    const uri = await client.open(file('server.js'));
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(String(diagnostic?.message)).toMatch(/^\[S2\] .*[\u4e00-\u9fff]/u);
    expect(portable(diagnostic?.codeDescription?.href)).toBe('<repo>/packages/eslint-plugin/docs/rules/no-hardcoded-credentials.zh-CN.md');
  });
});
