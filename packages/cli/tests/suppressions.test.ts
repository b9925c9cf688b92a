import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { findingsOf, REPO_ROOT, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';

afterAll(removeTempDirs);

const SECRET = (name: string) => `export const ${name} = { appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b' };\n`;
const CLAIM = "export const title = '腾讯官方合作伙伴';\n";

function readSuppressions(dir: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, 'wechat-oa-suppressions.json'), 'utf8'));
}

describe('suppressions (wechat-oa-suppressions.json)', () => {
  it('round trip: suppress all, pass, fail on a new problem only, prune what was fixed', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/a.js': SECRET('a') + SECRET('b'), 'src/page.js': CLAIM });

    const suppress = runCli(['--suppress-all'], dir);
    expect(suppress.status).toBe(0);
    expect(readSuppressions(dir)).toEqual({
      'src/a.js': { 'wechat-oa/no-hardcoded-credentials': { count: 2 } },
      'src/page.js': { 'wechat-oa/no-affiliation-claim': { count: 1 } },
    });
    // ESLint's own file name is never written: the project's ESLint would apply or reject it.
    expect(existsSync(path.join(dir, 'eslint-suppressions.json'))).toBe(false);

    const clean = runCli(['--format', 'json'], dir);
    expect(clean.status).toBe(0);
    expect(findingsOf(clean.stdout, dir)).toEqual([]);

    writeFiles(dir, { 'src/b.js': SECRET('c') });
    const fresh = runCli(['--format', 'json'], dir);
    expect(fresh.status).toBe(1);
    expect(findingsOf(fresh.stdout, dir)).toEqual([
      { file: 'src/b.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 1, column: 31 },
    ]);

    // A third secret in a.js exceeds its recorded count: all of that rule's errors in the file show again.
    writeFiles(dir, { 'src/b.js': "export const ok = 'Share to WeChat';\n", 'src/a.js': SECRET('a') + SECRET('b') + SECRET('c') });
    expect(findingsOf(runCli(['--format', 'json'], dir).stdout, dir)).toHaveLength(3);

    writeFiles(dir, { 'src/a.js': SECRET('a'), 'src/page.js': "export const title = 'Share to WeChat';\n" });
    const prune = runCli(['--prune-suppressions'], dir);
    expect(prune.status).toBe(0);
    expect(readSuppressions(dir)).toEqual({ 'src/a.js': { 'wechat-oa/no-hardcoded-credentials': { count: 1 } } });
  });

  it("writes exactly what ESLint's own --suppress-all writes, under the tool's own file name", () => {
    const dir = scratchProject({
      'eslint.config.js': `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';
export default defineConfig([wechatOa.configs.recommended]);
`,
      'src/a.js': SECRET('a') + SECRET('b'),
      'src/page.js': CLAIM,
    });
    const eslint = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js'), '--suppress-all', '.'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(eslint.status).toBe(0);
    expect(runCli(['--suppress-all'], dir).status).toBe(0);
    const eslintFile = JSON.parse(readFileSync(path.join(dir, 'eslint-suppressions.json'), 'utf8')) as unknown;
    expect(readSuppressions(dir)).toEqual(eslintFile);
  });

  it('--suppress-rule records one rule only (bare or qualified id)', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/a.js': SECRET('a'), 'src/page.js': CLAIM });
    const run = runCli(['--suppress-rule', 'no-affiliation-claim', '--format', 'json'], dir);
    expect(readSuppressions(dir)).toEqual({ 'src/page.js': { 'wechat-oa/no-affiliation-claim': { count: 1 } } });
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'src/a.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 1, column: 31 },
    ]);
    expect(run.status).toBe(1);
  });

  it('keeps suppressed problems in SARIF, marked as external suppressions', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/page.js': CLAIM });
    runCli(['--suppress-all'], dir);
    const log = JSON.parse(runCli(['--format', 'sarif'], dir).stdout) as Log;
    expect(log.runs[0]!.results).toMatchObject([
      { ruleId: 'wechat-oa/no-affiliation-claim', suppressions: [{ kind: 'external' }] },
    ]);
  });

  it('rejects a suppressions file that is not JSON with one line', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/page.js': CLAIM });
    writeFileSync(path.join(dir, 'wechat-oa-suppressions.json'), '{');
    const run = runCli([], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^wechat-oa-lint: wechat-oa-suppressions\.json is not valid JSON .*: fix it, or delete it and run --suppress-all\n$/u);
  });
});
