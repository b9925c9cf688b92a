// Project mode only in a trusted workspace (SPEC §3.3, §3.4): a client that says nothing is untrusted, and loading
// a workspace config runs its code.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { fixturesRoot, TestClient, uriOf } from './client.js';

const markerFolder = path.join(fixturesRoot, 'untrusted-marker');
const marker = path.join(markerFolder, 'marker.txt');
const projectFolder = path.join(fixturesRoot, 'project');
let client: TestClient | undefined;
let scratch: string | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
  rmSync(marker, { force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const severities = async (c: TestClient, uri: string, version = 1) =>
  (await c.diagnosticsFor(uri, version)).map((diagnostic) => [diagnostic.code, diagnostic.severity]);

describe('workspace trust', () => {
  it('never loads the workspace config of a client that says nothing about trust', async () => {
    rmSync(marker, { force: true });
    client = await TestClient.start({ workspaceFolder: markerFolder });
    const uri = await client.open(path.join(markerFolder, 'app.js'));
    // Embedded mode lints it all the same.
    expect(await severities(client, uri)).toEqual([['wechat-oa/no-affiliation-claim', 1]]);
    expect(existsSync(marker)).toBe(false);
  });

  it('never loads it with useWorkspaceConfig off, even when trusted', async () => {
    rmSync(marker, { force: true });
    client = await TestClient.start({ workspaceFolder: markerFolder, initializationOptions: { trusted: true }, settings: { useWorkspaceConfig: false } });
    const uri = await client.open(path.join(markerFolder, 'app.js'));
    expect(await severities(client, uri)).toEqual([['wechat-oa/no-affiliation-claim', 1]]);
    expect(existsSync(marker)).toBe(false);
  });

  it('loads it in a trusted workspace (the marker shows the fixture works)', async () => {
    rmSync(marker, { force: true });
    client = await TestClient.start({ workspaceFolder: markerFolder, initializationOptions: { trusted: true } });
    const uri = await client.open(path.join(markerFolder, 'app.js'));
    expect(await severities(client, uri)).toEqual([['wechat-oa/no-affiliation-claim', 1]]);
    expect(existsSync(marker)).toBe(true);
  });

  it('uses the project config when trusted: its levels, and only its wechat-oa rules', async () => {
    client = await TestClient.start({ workspaceFolder: projectFolder, initializationOptions: { trusted: true } });
    const server = await client.open(path.join(projectFolder, 'src', 'server.js'));
    expect(await severities(client, server)).toEqual([['wechat-oa/no-hardcoded-credentials', 2]]);
    const claim = await client.open(path.join(projectFolder, 'src', 'claim.js'));
    expect(await severities(client, claim)).toEqual([]);
  });

  it('switches to project mode when trust is granted (wechatOa/didGrantTrust)', async () => {
    client = await TestClient.start({ workspaceFolder: projectFolder });
    const server = await client.open(path.join(projectFolder, 'src', 'server.js'));
    expect(await severities(client, server)).toEqual([['wechat-oa/no-hardcoded-credentials', 1]]);
    await client.connection.sendNotification('wechatOa/didGrantTrust', { trusted: true });
    await client.waitFor(() => (client?.published.get(server)?.length === 2 ? true : undefined), 'diagnostics after trust');
    expect(client.published.get(server)?.[1]?.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([2]);
  });

  it('registers config file watchers and picks up an edited eslint.config.js (new worker)', async () => {
    // A copy inside the package, so that `eslint-plugin-wechat-oa` resolves from it.
    scratch = mkdtempSync(path.join(fixturesRoot, '.scratch-'));
    cpSync(projectFolder, scratch, { recursive: true });
    client = await TestClient.start({ workspaceFolder: scratch, initializationOptions: { trusted: true } });
    const server = await client.open(path.join(scratch, 'src', 'server.js'));
    expect(await severities(client, server)).toEqual([['wechat-oa/no-hardcoded-credentials', 2]]);
    expect(client.registrations).toContain('workspace/didChangeWatchedFiles');
    const config = path.join(scratch, 'eslint.config.js');
    writeFileSync(
      config,
      "import wechatOa from 'eslint-plugin-wechat-oa';\nexport default [...wechatOa.configs.recommended, { rules: { 'wechat-oa/no-hardcoded-credentials': 'error' } }];\n",
    );
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(config), type: FileChangeType.Changed }] });
    await client.waitFor(() => (client?.published.get(server)?.length === 2 ? true : undefined), 'diagnostics after the config change');
    expect(client.published.get(server)?.[1]?.diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([1]);
    expect(client.logs.some((line) => line.includes('Restarting the lint worker: configuration files changed'))).toBe(true);
  });
});
