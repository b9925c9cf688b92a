// Autofixes: the quick fix of one problem, and source.fixAll.wechat-oa, which lints again with fixing in as many
// passes as ESLint needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyEdits, fixturesRoot, TestClient } from './client.js';

const folder = path.join(fixturesRoot, 'fixable');
let client: TestClient;
beforeAll(async () => {
  client = await TestClient.start({ workspaceFolder: folder, initializationOptions: { trusted: true } });
});
afterAll(() => client.stop());

it('offers the fix of a problem as the preferred quick fix', async () => {
  const uri = await client.open(path.join(folder, 'app.js'));
  const [diagnostic] = await client.diagnosticsFor(uri, 1);
  expect(diagnostic?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
  const actions = await client.codeActions(uri, diagnostic!.range, [diagnostic!]);
  expect(actions[0]).toMatchObject({
    title: 'Fix this wechat-oa/one-at-a-time problem',
    kind: 'quickfix',
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, newText: 'modern' }] } },
  });
  // The fix-all source action only comes when asked for.
  expect(actions.some((action) => action.kind === 'source.fixAll.wechat-oa')).toBe(false);
  await client.close(uri);
});

it('fixes everything with source.fixAll.wechat-oa, over several passes', async () => {
  const text = readFileSync(path.join(folder, 'app.js'), 'utf8');
  const uri = await client.open(path.join(folder, 'app.js'), text);
  await client.diagnosticsFor(uri, 1);
  const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  expect(actions.map((action) => [action.title, action.kind])).toEqual([['Fix all auto-fixable wechat-oa problems', 'source.fixAll.wechat-oa']]);
  const edits = actions[0]?.edit?.changes?.[uri] ?? [];
  // One edit that spans only the changed middle of the file.
  expect(edits).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 6 } }, newText: 'modern();\nmodern();\nmodern' }]);
  expect(applyEdits(text, edits)).toBe('modern();\nmodern();\nmodern();\n');
});
