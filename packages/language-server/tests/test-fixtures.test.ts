// The shared test-fixtures projects (SPEC §4): for every file of a project's expected.json (what the CLI reports
// there), the server publishes exactly those findings, at the same positions, in an untrusted workspace
// (embedded mode with the project's .wechat-oa.json, as the CLI's zero-config run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { repoRoot, TestClient } from './client.js';

interface Finding {
  file: string;
  rule: string | null;
  line: number;
  column: number;
}

const projects = ['oa-h5', 'oa-h5-vue', 'oa-server-express', 'oa-cross-file', 'clean'];

describe.each(projects)('test-fixtures/%s', (project) => {
  const folder = path.join(repoRoot, 'test-fixtures', project);
  const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Finding[];
  const files = [...new Set(expected.map((finding) => finding.file))];
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: folder });
  });
  afterAll(() => client.stop());

  it('publishes the findings of expected.json', async () => {
    const found: Finding[] = [];
    for (const file of files) {
      const uri = await client.open(path.join(folder, file));
      for (const diagnostic of await client.diagnosticsFor(uri, 1)) {
        found.push({
          file,
          rule: typeof diagnostic.code === 'string' ? diagnostic.code : null,
          line: diagnostic.range.start.line + 1,
          column: diagnostic.range.start.character + 1,
        });
      }
    }
    const order = (a: Finding, b: Finding) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.rule).localeCompare(String(b.rule));
    expect(found.sort(order)).toEqual([...expected].sort(order));
  });
});

describe('disable comments in markup (test-fixtures/oa-h5-vue)', () => {
  const folder = path.join(repoRoot, 'test-fixtures', 'oa-h5-vue');
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: folder });
  });
  afterAll(() => client.stop());

  it('uses <!-- --> in a Vue template and // in its script, and the template problem goes away', async () => {
    const file = path.join(folder, 'src', 'App.vue');
    const text = readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const titleOf = 'Disable wechat-oa/no-affiliation-claim for this line';
    const onLine = (line: number) => diagnostics.find((diagnostic) => diagnostic.range.start.line === line)!;
    const template = await client.codeActions(uri, onLine(3).range, [onLine(3)]);
    const templateEdits = template.find((action) => action.title === titleOf)?.edit?.changes?.[uri];
    expect(templateEdits).toEqual([
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '    <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -->\n' },
    ]);
    expect(template.find((action) => action.title === 'Disable wechat-oa/no-affiliation-claim for the entire file')?.edit?.changes?.[uri]).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- eslint-disable wechat-oa/no-affiliation-claim -->\n' },
    ]);
    const script = await client.codeActions(uri, onLine(26).range, [onLine(26)]);
    expect(script.find((action) => action.title === 'Disable wechat-oa/no-hardcoded-credentials for this line')?.edit?.changes?.[uri]).toEqual([
      { range: { start: { line: 26, character: 0 }, end: { line: 26, character: 0 } }, newText: '// eslint-disable-next-line wechat-oa/no-hardcoded-credentials\n' },
    ]);
    const lines = text.split('\n');
    lines.splice(3, 0, '    <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -->');
    const version = await client.change(uri, [{ text: lines.join('\n') }]);
    const after = await client.diagnosticsFor(uri, version);
    expect(after.map((diagnostic) => diagnostic.range.start.line)).toEqual(diagnostics.slice(1).map((diagnostic) => diagnostic.range.start.line + 1));
  });
});

describe('findings through other modules (test-fixtures/oa-cross-file)', () => {
  const folder = path.join(repoRoot, 'test-fixtures', 'oa-cross-file');
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ workspaceFolder: folder });
  });
  afterAll(() => client.stop());

  it('points at the helper as related information, and lints an importer again when the helper is edited', async () => {
    const landing = await client.open(path.join(folder, 'src', 'h5', 'landing.js'));
    const [redirect] = await client.diagnosticsFor(landing, 1);
    expect(redirect.code).toBe('wechat-oa/no-auto-redirect');
    expect(redirect.relatedInformation).toEqual([
      {
        location: { uri: URI.file(path.join(folder, 'src', 'h5', 'nav.js')).toString(), range: { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } } },
        message: 'go',
      },
    ]);
    // The helper stops navigating in the editor (unsaved): the importer's finding goes, without a worker restart.
    const nav = await client.open(path.join(folder, 'src', 'h5', 'nav.js'));
    await client.change(nav, [{ text: 'export function go(url) {\n  console.info(url);\n}\nexport function goHome() {}\n' }]);
    const after = await client.waitFor(() => {
      const list = client.published.get(landing) ?? [];
      return list.length > 1 ? list.at(-1)?.diagnostics : undefined;
    }, 'diagnostics of the importer after the helper changed');
    expect(after).toEqual([]);
    expect(client.logs.some((line) => line.includes('Restarting the lint worker'))).toBe(false);
  });
});
