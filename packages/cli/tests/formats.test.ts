import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { CLAUSES } from 'eslint-plugin-wechat-oa';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, findingsOf, removeTempDirs, runCli, type CliRun } from './helpers/cli.js';
import { PROBLEM_FINDINGS, problemProject } from './helpers/scratch.js';

let dir: string;
beforeAll(() => {
  dir = problemProject();
});
afterAll(removeTempDirs);

const run = (...args: string[]): CliRun => runCli(args, dir);

describe('--format clauses (default)', () => {
  let output: CliRun;
  beforeAll(() => {
    output = run();
  });

  it('groups problems by clause with the clause text, parse errors first', () => {
    const lines = output.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Parse errors (files that do not parse)', '  src/broken.js', '    1:22  error    Parsing error: Expression expected.']);
    const s2 = lines.indexOf('S2 · protection');
    expect(lines[s2 + 1]).toBe(CLAUSES.S2.text.en);
    expect(lines[s2 + 2]).toBe('  src/config.js');
    expect(lines[s2 + 3]).toMatch(/^ {4}6:14 {2}error {4}\[S2\] .* {2}wechat-oa\/no-hardcoded-credentials$/u);
    const s9 = lines.indexOf('S9 · no affiliation');
    expect(s9).toBeGreaterThan(s2);
    expect(lines[s9 + 1]).toBe(CLAUSES.S9.text.en);
    expect(lines[s9 + 3]).toMatch(/^ {4}1:22 {2}error {4}\[S9\] "腾讯官方合作伙伴" .* {2}wechat-oa\/no-affiliation-claim$/u);
  });

  it('ends with a per-clause summary table and the totals', () => {
    const lines = output.stdout.trimEnd().split('\n');
    const table = lines.slice(lines.indexOf('Summary by clause') + 1);
    expect(table[0]).toMatch(/^ {2}Clause +Errors {2}Warnings$/u);
    expect(table.slice(1, 14).map((line) => line.trim().replace(/\s+/gu, ' '))).toEqual([
      'Parse errors 1 0',
      'S1 consent 0 0',
      'S2 protection 1 0',
      'S3 one account 0 0',
      'S4 deletion 0 0',
      'S5 no proxy login 0 0',
      'S6 no tracking 0 0',
      'S7 no auto redirect 0 0',
      'S8 lawful content 0 0',
      'S9 no affiliation 1 0',
      'S10 API limits 0 0',
      'S11 template messages 0 0',
      'Total 3 0',
    ]);
    expect(lines.at(-1)).toBe('✖ 3 problems (3 errors, 0 warnings) in 3 files');
    expect(output.status).toBe(1);
  });

  it('says once on stderr that the embedded preset is used', () => {
    expect(output.stderr).toBe(
      'wechat-oa-lint: linting 4 files with the embedded recommended preset (no ESLint config enabling wechat-oa rules found)\n',
    );
  });
});

describe('--format json', () => {
  it("is ESLint's result array, with parse errors as fatal messages", () => {
    const output = run('--format', 'json');
    expect(findingsOf(output.stdout, dir)).toEqual(PROBLEM_FINDINGS);
    const results = JSON.parse(output.stdout) as { filePath: string; messages: { fatal?: boolean; severity: number }[] }[];
    expect(results.map((result) => path.relative(dir, result.filePath))).toEqual(
      ['broken.js', 'config.js', 'fine.js', 'page.js'].map((file) => path.join('src', file)),
    );
    expect(results[0]!.messages[0]).toMatchObject({ fatal: true, severity: 2 });
    expect(output.status).toBe(1);
  });
});

describe('--format stylish', () => {
  it("is ESLint's stylish output", () => {
    const output = run('--format', 'stylish');
    const lines = output.stdout.split('\n');
    expect(lines).toContain(path.join(dir, 'src', 'config.js'));
    expect(lines.some((line) => /^ {2}6:14 {2}error {2}\[S2\] .* {2}wechat-oa\/no-hardcoded-credentials$/u.test(line))).toBe(true);
    expect(lines).toContain('✖ 3 problems (3 errors, 0 warnings)');
  });
});

describe('--format markdown', () => {
  it('has a section per clause with a table, and the summary', () => {
    const output = run('--format', 'markdown');
    const lines = output.stdout.split('\n');
    expect(lines[0]).toBe('# wechat-oa-lint report');
    expect(lines).toContain('**3 problems (3 errors, 0 warnings) in 3 files**');
    expect(lines).toContain('## S2 · protection');
    expect(lines).toContain(`> ${CLAUSES.S2.text.en}`);
    const row = lines.find((line) => line.startsWith('| `src/config.js` |'));
    expect(row).toMatch(
      /^\| `src\/config\.js` \| 6:14 \| error \| \[`wechat-oa\/no-hardcoded-credentials`\]\(https:\/\/\S+\/docs\/rules\/no-hardcoded-credentials\.md\) \| \[S2\] .+ \|$/u,
    );
    expect(lines).toContain('| `src/broken.js` | 1:22 | error |  | Parsing error: Expression expected. |');
    expect(lines).toContain('| S9 no affiliation | 1 | 0 |');
    expect(lines).toContain('| **Total** | **3** | **0** |');
  });
});

describe('--format sarif', () => {
  let log: Log;
  let text: string;
  beforeAll(() => {
    text = run('--format', 'sarif').stdout;
    log = JSON.parse(text) as Log;
  });

  it('validates against the official SARIF 2.1.0 JSON schema', () => {
    // The schema file as OASIS published it, shipped in @microsoft/jest-sarif (draft-04, hence ajv-draft-04).
    const schemaFile = path.join(CLI_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const require = createRequire(import.meta.url);
    const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    // The schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is not a valid unicode regexp.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject what breaks the schema.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ results: [] }] })).toBe(false);
  });

  it('names the tool wechat-oa-lint with its version and information URI', () => {
    const { driver } = log.runs[0]!.tool;
    const pkg = JSON.parse(readFileSync(path.join(CLI_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(driver.name).toBe('wechat-oa-lint');
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toBe('https://github.com/wechat-oa-lint/wechat-oa-lint');
  });

  it('gives each rule its help URI and clause, and reports parse errors as results', () => {
    const { driver } = log.runs[0]!.tool;
    const rules = Object.fromEntries((driver.rules ?? []).map((rule) => [rule.id, rule]));
    expect(rules['wechat-oa/no-hardcoded-credentials']).toMatchObject({
      helpUri: expect.stringMatching(/\/docs\/rules\/no-hardcoded-credentials\.md$/u) as unknown,
      properties: { clause: 'S2' },
    });
    expect(rules['wechat-oa/no-affiliation-claim']).toMatchObject({ properties: { clause: 'S9' } });
    const results = log.runs[0]!.results ?? [];
    const located = results.map((result) => ({
      rule: result.ruleId,
      uri: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      line: result.locations?.[0]?.physicalLocation?.region?.startLine,
      column: result.locations?.[0]?.physicalLocation?.region?.startColumn,
      level: result.level,
    }));
    expect(located).toEqual([
      { rule: 'wechat-oa-lint/parse-error', uri: 'src/broken.js', line: 1, column: 22, level: 'error' },
      { rule: 'wechat-oa/no-hardcoded-credentials', uri: 'src/config.js', line: 6, column: 14, level: 'error' },
      { rule: 'wechat-oa/no-affiliation-claim', uri: 'src/page.js', line: 1, column: 22, level: 'error' },
    ]);
    expect(log.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`${pathToFileURL(dir).href}/`);
  });
});

describe('--output-file', () => {
  it('writes the report to the file and nothing to stdout', () => {
    const output = run('--format', 'json', '--output-file', 'reports/lint.json');
    expect(output.stdout).toBe('');
    expect(findingsOf(readFileSync(path.join(dir, 'reports', 'lint.json'), 'utf8'), dir)).toEqual(PROBLEM_FINDINGS);
    expect(output.status).toBe(1);
  });
});
