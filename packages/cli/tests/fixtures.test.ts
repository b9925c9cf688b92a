import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, findingsOf, removeTempDirs, runCli, type Finding } from './helpers/cli.js';

afterAll(removeTempDirs);

function expected(name: string): Finding[] {
  return JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Finding[];
}

// Each fixture project is linted as a user would (cwd = a copy of the project, no arguments, embedded mode);
// the findings must be exactly expected.json (`npm run fixtures:expected` regenerates it when a rule is added).
describe('test-fixtures', () => {
  it('oa-server-express reports exactly expected.json', () => {
    const dir = copyFixture('oa-server-express');
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(expected('oa-server-express'));
    expect(run.status).toBe(1);
  });

  it('oa-h5 reports exactly expected.json', () => {
    const dir = copyFixture('oa-h5');
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(expected('oa-h5'));
    expect(run.status).toBe(1);
  });

  it('oa-h5-vue (.vue templates and scripts, an .html page) reports exactly expected.json', () => {
    const dir = copyFixture('oa-h5-vue');
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(expected('oa-h5-vue'));
    expect(run.status).toBe(1);
  });

  it('oa-cross-file (every problem crosses a file) reports exactly expected.json, with and without --concurrency', () => {
    const dir = copyFixture('oa-cross-file');
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(expected('oa-cross-file'));
    expect(run.status).toBe(1);
    // Each worker thread summarises the modules it needs on its own; the findings are the same.
    const threaded = runCli(['--format', 'json', '--concurrency', '2'], dir);
    expect(findingsOf(threaded.stdout, dir)).toEqual(expected('oa-cross-file'));
  });

  it('oa-cross-file: a finding through a helper names it, and SARIF points at it as a related location', () => {
    const dir = copyFixture('oa-cross-file');
    const results = JSON.parse(runCli(['--format', 'json'], dir).stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const login = results.find((result) => result.filePath.endsWith(path.join('src', 'tools', 'login.js')));
    expect(login?.messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/^\[S5\] Request to the Official Accounts Platform login .* \(through mpRequest in src\/lib\/http\.js:4:1\)$/u),
    ]);
    const sarif = JSON.parse(runCli(['--format', 'sarif'], dir).stdout) as Log;
    const result = sarif.runs[0].results?.find(
      (item) => item.locations?.[0].physicalLocation?.artifactLocation?.uri === 'src/tools/login.js',
    );
    expect(result?.relatedLocations).toEqual([
      {
        id: 0,
        message: { text: 'mpRequest' },
        physicalLocation: {
          artifactLocation: { uri: 'src/lib/http.js', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, startColumn: 1 },
        },
      },
    ]);
  });

  it('clean reports nothing and exits 0', () => {
    const dir = copyFixture('clean');
    const run = runCli(['--format', 'json'], dir);
    expect(expected('clean')).toEqual([]);
    expect(findingsOf(run.stdout, dir)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it.each([
    ['oa-server-express', ['dist/server.js', 'logs/replay.js', 'public/js/jweixin-1.6.0.js']],
    ['oa-h5', ['generated/routes.js', 'src/legacy/old-share.js']],
  ])('%s: files under default ignores and .gitignore exist (committed with -f) and are skipped', (name, skipped) => {
    const dir = copyFixture(name);
    for (const file of skipped) expect(existsSync(path.join(dir, file))).toBe(true);
    const files = (JSON.parse(runCli(['--format', 'json'], dir).stdout) as { filePath: string }[]).map((result) =>
      path.relative(dir, result.filePath).split(path.sep).join('/'),
    );
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((file) => skipped.includes(file))).toEqual([]);
  });

});
