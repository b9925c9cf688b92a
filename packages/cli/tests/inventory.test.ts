/**
 * `wechat-oa-lint inventory` run as a process on the server fixture: the data map in Markdown and JSON, the JSON
 * valid against the published schema, the store without a deletion path flagged (S4), usage errors; and on a
 * scratch project, the files `--ignore-pattern` and `ignores` in `.wechat-oa.json` leave out, as for the lint command.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, PLUGIN_ROOT, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';

const SERVER = path.join(FIXTURES, 'oa-server-express');

afterAll(removeTempDirs);

interface InventoryJson {
  $schema: string;
  files: number;
  entries: { category: string; file: string; line: number; operation: string; store?: string; onUnsubscribe?: boolean }[];
  stores: { store: string; noDeletionPath: boolean; deletions: { file: string; line: number; onUnsubscribe: boolean }[] }[];
  unsubscribeHandlers: { file: string; line: number }[];
  clauses: { clause: string; findings: number }[];
}

describe('wechat-oa-lint inventory', () => {
  it('writes JSON that follows the published schema', () => {
    const run = runCli(['inventory', '--format', 'json'], SERVER);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const inventory = JSON.parse(run.stdout) as InventoryJson;
    const schema = JSON.parse(readFileSync(path.join(PLUGIN_ROOT, 'schema/inventory.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(inventory), JSON.stringify(validate.errors)).toBe(true);
    expect(inventory.$schema).toBe(schema.$id);
  });

  it('lists the fixture stores and flags the one without a deletion path (S4)', () => {
    const inventory = JSON.parse(runCli(['inventory', '--format', 'json'], SERVER).stdout) as InventoryJson;
    expect(inventory.stores.map((store) => [store.store, store.noDeletionPath])).toEqual([
      ['cookie openid', false],
      ['logs', false],
      ['redis subscriber:*', false],
      ['table coupons claimed', false],
      ['table profile visit', true],
    ]);
    const redis = inventory.stores.find((store) => store.store === 'redis subscriber:*');
    expect(redis?.deletions).toEqual([{ file: 'src/services/subscribers.js', line: 13, onUnsubscribe: true }]);
    expect(inventory.unsubscribeHandlers).toEqual([{ file: 'src/services/subscribers.js', line: 12 }]);
    expect(inventory.clauses.find((clause) => clause.clause === 'S4')?.findings).toBe(1);
    const sentToThirdParty = inventory.entries.filter((entry) => entry.category === 'sent' && entry.operation.includes('crm-partner'));
    expect(sentToThirdParty.map((entry) => `${entry.file}:${entry.line}`)).toEqual(['src/routes/users.js:37']);
  });

  it('writes Markdown for people, to a file with --output-file', () => {
    const out = path.join(tempDir(), 'reports', 'inventory.md');
    const run = runCli(['inventory', '--output-file', out], SERVER);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('# Data inventory');
    expect(markdown).toContain('## S4: stores with no deletion path');
    expect(markdown).toContain('- `table profile visit` (openid), written at src/routes/visits.js:8');
    expect(markdown).toContain('| redis subscriber:* | openid | src/services/subscribers.js:11 | src/services/subscribers.js:13 (on unsubscribe) |');
  });

  it('exits 2 with one line on a bad format or path', () => {
    const badFormat = runCli(['inventory', '--format', 'xml'], SERVER);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toBe('wechat-oa-lint: inventory: unknown --format "xml": use markdown or json\n');
    const badPath = runCli(['inventory', 'no-such-folder'], SERVER);
    expect(badPath.status).toBe(2);
    expect(badPath.stderr).toBe('wechat-oa-lint: no such file or folder: no-such-folder\n');
  });
});

describe('wechat-oa-lint inventory leaves out the files the lint command leaves out', () => {
  // The same client-storage write in every file: each file the inventory reads gives one "stored" entry.
  const STORES_OPENID = "export function remember(user) {\n  localStorage.setItem('wx_openid', user.openid);\n}\n";

  function project(): string {
    const dir = tempDir();
    writeFiles(dir, {
      'web/.wechat-oa.json': '{ "ignores": ["mock/**", "**/*.fixture.js"] }',
      'web/src/login.js': STORES_OPENID,
      'web/src/login.fixture.js': STORES_OPENID,
      'web/mock/session.js': STORES_OPENID,
      'legacy/remember.js': STORES_OPENID,
      'scripts/seed.js': STORES_OPENID,
      'mock/kept.js': STORES_OPENID,
    });
    return dir;
  }

  function inventoried(dir: string, args: string[] = []): { files: number; withEntries: string[] } {
    const run = runCli(['inventory', '--format', 'json', ...args], dir);
    expect(run.status, run.stderr).toBe(0);
    const inventory = JSON.parse(run.stdout) as InventoryJson;
    return { files: inventory.files, withEntries: [...new Set(inventory.entries.map((entry) => entry.file))].sort() };
  }

  it("applies `ignores` of .wechat-oa.json, relative to the settings file's folder", () => {
    const dir = project();
    expect(inventoried(dir)).toEqual({
      files: 4,
      withEntries: ['legacy/remember.js', 'mock/kept.js', 'scripts/seed.js', 'web/src/login.js'],
    });
    // From inside the folder of the settings file, too.
    expect(inventoried(path.join(dir, 'web'))).toEqual({ files: 1, withEntries: ['src/login.js'] });
  });

  it('applies --ignore-pattern, repeatable, relative to the current folder', () => {
    const dir = project();
    expect(inventoried(dir, ['--ignore-pattern', 'legacy/**', '--ignore-pattern', 'scripts/**'])).toEqual({
      files: 2,
      withEntries: ['mock/kept.js', 'web/src/login.js'],
    });
    // A file named on the command line that a pattern matches is left out, as the lint command leaves it out.
    expect(inventoried(dir, ['legacy/remember.js', '--ignore-pattern', 'legacy/**'])).toEqual({ files: 0, withEntries: [] });
  });

  it('reads the same files as the lint command', () => {
    const dir = project();
    const args = ['--ignore-pattern', 'legacy/**'];
    const lint = runCli(['--format', 'json', ...args], dir);
    const linted = (JSON.parse(lint.stdout) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath).split(path.sep).join('/'));
    expect(inventoried(dir, args).withEntries).toEqual(linted);
  });

  it('says what --ignore-pattern does in its help', () => {
    const run = runCli(['inventory', '--help'], tempDir());
    expect(run.stdout).toContain('--ignore-pattern <glob>');
  });
});
