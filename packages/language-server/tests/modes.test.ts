// Push and pull diagnostics, debouncing, run on save, stale versions and refresh, through the real protocol.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { fixturesRoot, TestClient } from './client.js';

const folder = path.join(fixturesRoot, 'embedded');
const clean = "export const greeting = 'Share to WeChat';\n";
const claim = "export const title = 'Tencent partner';\n";
let client: TestClient | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('capabilities', () => {
  it('offers pull diagnostics only to clients that support them, and names itself', async () => {
    client = await TestClient.start({ workspaceFolder: folder });
    expect(client.initializeResult?.capabilities.diagnosticProvider).toBeUndefined();
    expect(client.initializeResult?.serverInfo).toEqual({ name: 'wechat-oa-language-server', version: '0.1.0' });
    expect(client.initializeResult?.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2, save: { includeText: false } });
    expect(client.initializeResult?.capabilities.executeCommandProvider).toEqual({ commands: ['wechat-oa.openRuleDoc', 'wechat-oa.inventory'] });
    await client.stop();
    client = await TestClient.start({ workspaceFolder: folder, pull: true });
    expect(client.initializeResult?.capabilities.diagnosticProvider).toEqual({ identifier: 'wechat-oa', interFileDependencies: true, workspaceDiagnostics: false });
  });
});

describe('published diagnostics (client without pull support)', () => {
  it('debounces a burst of edits and publishes only the final version', async () => {
    client = await TestClient.start({ workspaceFolder: folder });
    const uri = await client.open(path.join(folder, 'src', 'burst.ts'), clean);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    // 30 edits in a row, each inserting one character at the start, well within the 150 ms debounce.
    let version = 1;
    for (let index = 0; index < 30; index++) {
      version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    }
    // The last edit appends a claim on a new line.
    version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: claim }]);
    const diagnostics = await client.diagnosticsFor(uri, version);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start])).toEqual([
      ['wechat-oa/no-affiliation-claim', { line: 1, character: 21 }],
    ]);
    expect(client.published.get(uri)?.map((params) => params.version)).toEqual([1, version]);
  });

  it('with run: onSave lints on open and on save only', async () => {
    client = await TestClient.start({ workspaceFolder: folder, settings: { run: 'onSave' } });
    const uri = await client.open(path.join(folder, 'src', 'saved.ts'), clean);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: claim }]);
    await sleep(600);
    expect(client.published.get(uri)?.map((params) => params.version)).toEqual([1]);
    await client.save(uri);
    expect((await client.diagnosticsFor(uri, version)).map((diagnostic) => diagnostic.code)).toEqual(['wechat-oa/no-affiliation-claim']);
  });

  it('publishes nothing for a disabled resource and clears on close', async () => {
    client = await TestClient.start({ workspaceFolder: folder, settings: { enable: false } });
    const uri = await client.open(path.join(folder, 'src', 'off.ts'), claim);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    await client.close(uri);
    await client.waitFor(() => client?.published.get(uri)?.find((params) => params.version === undefined), 'the clearing publication');
  });

  it('lints again after a configuration change (rules off in embedded mode)', async () => {
    client = await TestClient.start({ workspaceFolder: folder });
    const uri = await client.open(path.join(folder, 'src', 'config.ts'), claim);
    expect(await client.diagnosticsFor(uri, 1)).toHaveLength(1);
    client.settings = { rules: { 'wechat-oa/no-affiliation-claim': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { wechatOa: client.settings } });
    await client.waitFor(() => (client?.published.get(uri)?.length === 2 ? true : undefined), 'a second publication');
    expect(client.published.get(uri)?.[1]).toEqual({ uri, version: 1, diagnostics: [] });
  });
});

describe('pulled diagnostics (textDocument/diagnostic)', () => {
  it('answers full then unchanged, also after an edit that leaves the diagnostics as they were', async () => {
    client = await TestClient.start({ workspaceFolder: folder, pull: true });
    const uri = await client.open(path.join(folder, 'src', 'pull.ts'), claim);
    const first = await client.pullDiagnostics(uri);
    expect(first.kind).toBe('full');
    expect(first.kind === 'full' && first.items.map((item) => item.code)).toEqual(['wechat-oa/no-affiliation-claim']);
    const resultId = first.resultId!;
    expect(await client.pullDiagnostics(uri, resultId)).toEqual({ kind: 'unchanged', resultId });
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// a comment\n' }]);
    expect(await client.pullDiagnostics(uri, resultId)).toEqual({ kind: 'unchanged', resultId });
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const moved = await client.pullDiagnostics(uri, resultId);
    expect(moved.kind === 'full' && moved.items.map((item) => item.range.start)).toEqual([{ line: 1, character: 21 }]);
    // Pull mode never publishes.
    expect(client.published.get(uri)).toBeUndefined();
  });

  it('cancels a request for a version that a newer one superseded, asking the client to retrigger', async () => {
    client = await TestClient.start({ workspaceFolder: folder, pull: true });
    const uri = await client.open(path.join(folder, 'src', 'stale.ts'), claim);
    const stale = client.pullDiagnostics(uri).then(
      () => undefined,
      (error: unknown) => error,
    );
    const version = await client.change(uri, [{ text: clean }]);
    const error = await stale;
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.ServerCancelled);
    expect((error as ResponseError<unknown>).data).toEqual({ retriggerRequest: true });
    expect(version).toBe(2);
    expect(await client.pullDiagnostics(uri)).toMatchObject({ kind: 'full', items: [] });
  });

  it('with run: onSave answers with the last saved version until the next save, then asks for a refresh', async () => {
    client = await TestClient.start({ workspaceFolder: folder, pull: true, settings: { run: 'onSave' } });
    const uri = await client.open(path.join(folder, 'src', 'pull-save.ts'), clean);
    const opened = await client.pullDiagnostics(uri);
    expect(opened).toMatchObject({ kind: 'full', items: [] });
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: claim }]);
    expect(await client.pullDiagnostics(uri, opened.resultId)).toEqual({ kind: 'unchanged', resultId: opened.resultId });
    const refreshes = client.refreshes;
    await client.save(uri);
    await client.waitFor(() => (client && client.refreshes > refreshes ? true : undefined), 'workspace/diagnostic/refresh');
    const saved = await client.pullDiagnostics(uri, opened.resultId);
    expect(saved.kind === 'full' && saved.items.map((item) => item.code)).toEqual(['wechat-oa/no-affiliation-claim']);
  });

  it('asks the client to pull again after a configuration change', async () => {
    client = await TestClient.start({ workspaceFolder: folder, pull: true });
    const uri = await client.open(path.join(folder, 'src', 'pull-config.ts'), claim);
    const before = await client.pullDiagnostics(uri);
    expect(before.kind === 'full' && before.items).toHaveLength(1);
    client.settings = { enable: false };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitFor(() => (client && client.refreshes > 0 ? true : undefined), 'workspace/diagnostic/refresh');
    expect(await client.pullDiagnostics(uri, before.resultId)).toEqual({ kind: 'full', items: [] });
  });
});
