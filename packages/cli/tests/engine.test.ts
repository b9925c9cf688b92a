import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, copyFixture, findingsOf, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';

afterAll(removeTempDirs);

// `--engine oxlint` (docs/oxlint.md): the same output as the default engine, from the same files.

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** What both engines must agree on in the json format: file, rule, severity, message, range, counts. */
function comparable(json: string, root: string) {
  const results = JSON.parse(json) as { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }[];
  return results.map((result) => ({
    file: path.relative(root, result.filePath),
    messages: result.messages.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({
      ruleId,
      severity,
      message,
      line,
      column,
      endLine,
      endColumn,
    })),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  }));
}

const SECRET = (name: string) => `export const ${name} = { appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b' };\n`;

describe('--engine oxlint', () => {
  it.each(['oa-h5', 'oa-server-express', 'oa-h5-vue', 'clean'])('%s: the default engine’s findings, counts and exit code', (fixture) => {
    const dir = copyFixture(fixture);
    const eslint = runCli(['--format', 'json'], dir);
    const oxlint = runCli(['--engine', 'oxlint', '--format', 'json'], dir);
    expect(oxlint.stderr).not.toContain('crashed');
    expect(oxlint.status).toBe(eslint.status);
    expect(comparable(oxlint.stdout, dir)).toEqual(comparable(eslint.stdout, dir));
    if (fixture !== 'clean') expect(findingsOf(oxlint.stdout, dir).length).toBeGreaterThan(0);
    if (fixture === 'oa-h5-vue') {
      // The .vue components went through ESLint and are in the merged report.
      expect(findingsOf(oxlint.stdout, dir).some((finding) => finding.file.endsWith('.vue'))).toBe(true);
    }
  });

  it.each(['clauses', 'sarif', 'markdown', 'stylish'])('%s format: the same report as the default engine', (format) => {
    const dir = copyFixture('oa-server-express');
    const eslint = runCli(['--format', format], dir);
    const oxlint = runCli(['--engine', 'oxlint', '--format', format], dir);
    expect(oxlint.stdout).toBe(eslint.stdout);
    expect(oxlint.status).toBe(eslint.status);
  });

  it('applies the suppressions file and --max-warnings like the default engine', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/a.js': SECRET('a') });
    expect(runCli(['--suppress-all'], dir).status).toBe(0);
    const suppressed = runCli(['--engine', 'oxlint', '--format', 'json'], dir);
    expect(suppressed.status).toBe(0);
    expect(findingsOf(suppressed.stdout, dir)).toEqual([]);

    writeFiles(dir, { 'src/b.js': SECRET('b'), 'src/loop.js': "for (const id of ids) fetch('https://api.weixin.qq.com/cgi-bin/user/info?access_token=' + token + '&openid=' + id);\n" });
    const fresh = runCli(['--engine', 'oxlint', '--format', 'json', '--max-warnings', '0'], dir);
    const reference = runCli(['--format', 'json', '--max-warnings', '0'], dir);
    expect(fresh.status).toBe(1);
    expect(comparable(fresh.stdout, dir)).toEqual(comparable(reference.stdout, dir));
    expect(findingsOf(fresh.stdout, dir).map((finding) => finding.file)).toContain('src/b.js');
    expect(findingsOf(fresh.stdout, dir).map((finding) => finding.file)).not.toContain('src/a.js');
  });

  it('a file oxlint cannot parse gets ESLint’s parse error', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/broken.js': 'export const = ;\n', 'src/ok.js': SECRET('ok') });
    const eslint = runCli(['--format', 'json'], dir);
    const oxlint = runCli(['--engine', 'oxlint', '--format', 'json'], dir);
    expect(comparable(oxlint.stdout, dir)).toEqual(comparable(eslint.stdout, dir));
    expect(oxlint.stdout).toContain('Parsing error');
    expect(oxlint.status).toBe(1);
  });

  it('refuses --fix and unknown engines with one line', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/a.js': SECRET('a') });
    const fix = runCli(['--engine', 'oxlint', '--fix'], dir);
    expect(fix.status).toBe(2);
    expect(fix.stderr).toBe('wechat-oa-lint: --fix needs the default engine: drop --engine oxlint to apply fixes\n');
    const unknown = runCli(['--engine', 'biome'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('wechat-oa-lint: --engine "biome" is not supported: use one of eslint, oxlint\n');
  });

  it('says in one line how to install oxlint when the package is missing', () => {
    // A copy of the built CLI whose node_modules has every dependency but oxlint (nothing above it has one).
    const install = tempDir('wechat-oa-lint-no-oxlint-');
    const cli = path.join(install, 'cli');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(CLI_ROOT, part), path.join(cli, part), { recursive: true });
    mkdirSync(path.join(cli, 'node_modules'));
    for (const name of readdirSync(path.join(CLI_ROOT, 'node_modules'))) {
      if (name === 'oxlint' || name.startsWith('.')) continue;
      symlinkSync(path.join(CLI_ROOT, 'node_modules', name), path.join(cli, 'node_modules', name), 'dir');
    }
    const project = tempDir();
    writeFiles(project, { 'src/a.js': SECRET('a') });
    const run = spawnSync(process.execPath, [path.join(cli, 'bin', 'wechat-oa-lint.js'), '--engine', 'oxlint'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'wechat-oa-lint: --engine oxlint needs the oxlint package: npm install --save-dev oxlint (or use the default engine)',
    );
  });
});
