// --format gitlab: GitLab's code quality report (https://docs.gitlab.com/ci/testing/code_quality/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, type CliRun } from './helpers/cli.js';
import { problemProject } from './helpers/scratch.js';

afterAll(removeTempDirs);

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('--format gitlab', () => {
  let run: CliRun;
  let issues: Issue[];
  beforeAll(() => {
    run = runCli(['--format', 'gitlab'], problemProject());
    issues = JSON.parse(run.stdout) as Issue[];
  });

  it('is an array of code quality issues, one per problem, parse errors included', () => {
    expect(issues.map(({ check_name, severity, location }) => ({ check_name, severity, location }))).toEqual([
      { check_name: 'parse-error', severity: 'critical', location: { path: 'src/broken.js', lines: { begin: 1 } } },
      { check_name: 'wechat-oa/no-hardcoded-credentials', severity: 'major', location: { path: 'src/config.js', lines: { begin: 6 } } },
      { check_name: 'wechat-oa/no-affiliation-claim', severity: 'major', location: { path: 'src/page.js', lines: { begin: 1 } } },
    ]);
    expect(issues[1]!.description).toMatch(/^\[S2\] AppSecret is written into the source/u);
    expect(issues[0]!.description).toBe('Parsing error: Expression expected.');
    expect(run.status).toBe(1);
  });

  it('has a unique fingerprint per issue, the same on the next run', () => {
    const fingerprints = issues.map((issue) => issue.fingerprint);
    expect(fingerprints.every((fingerprint) => /^[0-9a-f]{32}$/u.test(fingerprint))).toBe(true);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('keeps a fingerprint when lines above the finding move, and tells repeats in one file apart', () => {
    const secret = "export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';\n";
    const once = JSON.parse(runCli(['--format', 'gitlab'], problemProject({ 'src/a.js': secret })).stdout) as Issue[];
    const moved = JSON.parse(runCli(['--format', 'gitlab'], problemProject({ 'src/a.js': `\n\n${secret}` })).stdout) as Issue[];
    expect(moved[0]!.location.lines.begin).toBe(3);
    expect(moved[0]!.fingerprint).toBe(once[0]!.fingerprint);
    const twice = JSON.parse(runCli(['--format', 'gitlab'], problemProject({ 'src/a.js': `${secret}${secret.replace('appSecret', 'secret')}` })).stdout) as Issue[];
    expect(twice).toHaveLength(2);
    expect(twice[0]!.fingerprint).not.toBe(twice[1]!.fingerprint);
  });

  it('is an empty array for a clean project', () => {
    const clean = runCli(['--format', 'gitlab'], problemProject({ 'src/share.js': "export const label = 'Share';\n" }));
    expect(clean.stdout).toBe('[]\n');
    expect(clean.status).toBe(0);
  });
});
