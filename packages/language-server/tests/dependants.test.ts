// When a module changes (on disk, or unsaved in the editor), the server lints again only the open files that
// import it, directly or through another module; the other open files keep their results and are not published
// again. The real server over stdio, in a small project written to a temporary folder.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestClient, uriOf } from './client.js';

const NAVIGATES = 'export function go(url) {\n  window.location.href = url;\n}\n';
const LOGS = 'export function go(url) {\n  console.info(url);\n}\n';

function writeProject(root: string): void {
  const files: Record<string, string> = {
    'src/lib/go.js': NAVIGATES,
    // A wrapper of the helper: page.js reaches go.js through it.
    'src/lib/jump.js': "import { go } from './go.js';\nexport const jump = (url) => go(url);\n",
    'src/page.js': "import { jump } from './lib/jump.js';\njump('https://partner.example.com/welcome');\n",
    'src/other.js': "import { title } from './title.js';\nexport const label = title + '!';\n",
    'src/title.js': "export const title = 'Share';\n",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('only the open files that import a changed module are linted again', () => {
  let root: string;
  let client: TestClient;
  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-dependants-')));
    writeProject(root);
    client = await TestClient.start({ workspaceFolder: root });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a module changed on disk (workspace/didChangeWatchedFiles), then one edited unsaved in the editor', async () => {
    const page = await client.open(path.join(root, 'src', 'page.js'));
    const other = await client.open(path.join(root, 'src', 'other.js'));
    expect((await client.diagnosticsFor(page, 1)).map((diagnostic) => diagnostic.code)).toEqual(['wechat-oa/no-auto-redirect']);
    expect(await client.diagnosticsFor(other, 1)).toEqual([]);
    const otherPublished = client.published.get(other)?.length ?? 0;
    const pagePublished = client.published.get(page)?.length ?? 0;

    // The helper stops navigating on disk: page.js (through jump.js) loses its finding; other.js is left alone.
    writeFileSync(path.join(root, 'src', 'lib', 'go.js'), LOGS);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(path.join(root, 'src', 'lib', 'go.js')), type: FileChangeType.Changed }],
    });
    const cleared = await client.waitFor(() => {
      const list = client.published.get(page) ?? [];
      return list.length > pagePublished ? list.at(-1)?.diagnostics : undefined;
    }, 'diagnostics of page.js after go.js changed on disk');
    expect(cleared).toEqual([]);

    // A module nobody open imports changes: nothing is linted again.
    writeFileSync(path.join(root, 'src', 'unused.js'), "export const x = 1;\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(path.join(root, 'src', 'unused.js')), type: FileChangeType.Created }],
    });

    // The helper navigates again, in the editor (unsaved): page.js gets its finding back against the unsaved text.
    const go = await client.open(path.join(root, 'src', 'lib', 'go.js'));
    const afterDisk = client.published.get(page)?.length ?? 0;
    await client.change(go, [{ text: NAVIGATES }]);
    const back = await client.waitFor(() => {
      const list = client.published.get(page) ?? [];
      return list.length > afterDisk ? list.at(-1)?.diagnostics : undefined;
    }, 'diagnostics of page.js after go.js was edited');
    expect(back.map((diagnostic) => diagnostic.code)).toEqual(['wechat-oa/no-auto-redirect']);

    // Give any stray lint time to publish: other.js was never linted again.
    await sleep(1500);
    expect(client.published.get(other)?.length ?? 0).toBe(otherPublished);
    expect(client.logs.some((line) => line.includes('Restarting the lint worker'))).toBe(false);
  });
});
