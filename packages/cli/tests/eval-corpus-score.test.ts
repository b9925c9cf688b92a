/**
 * The scoring behind `npm run eval:corpus` (scripts/eval-corpus.mjs), on a tiny label table. The benchmark itself
 * needs the real-code corpus, which CI does not have; the arithmetic that turns findings and labels into
 * found / missed / false is checked here.
 */
import { describe, expect, it } from 'vitest';
import { parseLabels, precision, recall, scoreRun } from '../../../scripts/eval-corpus/score.mjs';

const TABLE = [
  'file\tline\trule\tverdict\treason',
  'repo-a/src/token.js\t9\tno-uncached-access-token\tyes\ttoken fetched on every request',
  'repo-a/src/token.js\t20\twechat-oa/no-uncached-access-token\tyes\tticket fetched on every request',
  'repo-a/src/log.js\t4\tno-plaintext-user-data\tno\tbrowser console of the user own device',
  'repo-a/src/login.js\t3\tno-platform-login-automation\tyes\tstartlogin posted to the console',
  'repo-b/app.js\t1\trequire-https\tyes\tscript over http (repo not linted in this run)',
].join('\n');

const CLAUSES: Record<string, string> = {
  'no-uncached-access-token': 'S10',
  'no-plaintext-user-data': 'S2',
  'no-platform-login-automation': 'S5',
  'no-auto-redirect': 'S7',
  'require-https': 'S2',
};
const clauseOf = (rule: string) => CLAUSES[rule];

describe('eval:corpus scoring', () => {
  it('parses labels, accepting rule ids with or without the plugin prefix', () => {
    const { labels, problems } = parseLabels(TABLE, 't.tsv');
    expect(problems).toEqual([]);
    expect(labels.map((label) => [label.file, label.line, label.rule, label.verdict])).toEqual([
      ['repo-a/src/token.js', 9, 'no-uncached-access-token', 'yes'],
      ['repo-a/src/token.js', 20, 'no-uncached-access-token', 'yes'],
      ['repo-a/src/log.js', 4, 'no-plaintext-user-data', 'no'],
      ['repo-a/src/login.js', 3, 'no-platform-login-automation', 'yes'],
      ['repo-b/app.js', 1, 'require-https', 'yes'],
    ]);
  });

  it('names the source line of a malformed row', () => {
    const { labels, problems } = parseLabels('file\tline\trule\tverdict\treason\nrepo/a.js\tx\trule\tyes\tr\nrepo/a.js\t2\trule\tmaybe\tr', 'bad.tsv');
    expect(labels).toEqual([]);
    expect(problems).toEqual(['bad.tsv:2: line "x" is not a positive integer', 'bad.tsv:3: verdict "maybe" is neither yes nor no']);
  });

  it('counts found, false (no-label and unlabelled), missed and yes-labels of rules the preset leaves off', () => {
    const { labels } = parseLabels(TABLE);
    const score = scoreRun({
      findings: [
        { file: 'repo-a/src/token.js', line: 9, rule: 'wechat-oa/no-uncached-access-token', message: 'm' },
        // the same reported line twice counts once
        { file: 'repo-a/src/token.js', line: 9, rule: 'wechat-oa/no-uncached-access-token', message: 'm' },
        { file: 'repo-a/src/log.js', line: 4, rule: 'wechat-oa/no-plaintext-user-data', message: 'm' },
        { file: 'repo-a/src/page.js', line: 7, rule: 'wechat-oa/no-auto-redirect', message: 'unjudged' },
        // one line off the label: not the labelled node
        { file: 'repo-a/src/token.js', line: 21, rule: 'wechat-oa/no-uncached-access-token', message: 'm' },
      ],
      labels,
      enabledRules: ['wechat-oa/no-uncached-access-token', 'wechat-oa/no-plaintext-user-data', 'wechat-oa/no-auto-redirect', 'wechat-oa/require-https'],
      clauseOf,
      repos: new Set(['repo-a']),
    });
    expect(score.totals).toEqual({ found: 1, missed: 1, false: 3, notEnabled: 1 });
    expect(score.found.map((f) => `${f.file}:${f.line}`)).toEqual(['repo-a/src/token.js:9']);
    expect(score.false.map((f) => [`${f.file}:${f.line}`, f.unlabelled, f.label?.reason])).toEqual([
      ['repo-a/src/log.js:4', false, 'browser console of the user own device'],
      ['repo-a/src/page.js:7', true, undefined],
      ['repo-a/src/token.js:21', true, undefined],
    ]);
    expect(score.missed.map((l) => `${l.file}:${l.line}`)).toEqual(['repo-a/src/token.js:20']);
    // the login-automation rule is not enabled here: its yes-label is counted apart, not as missed
    expect(score.notEnabled.map((l) => l.rule)).toEqual(['no-platform-login-automation']);
    // repo-b was not linted: its label is neither missed nor counted apart
    expect(score.perRule.get('require-https')).toBeUndefined();
    expect(score.perRule.get('no-uncached-access-token')).toEqual({ found: 1, missed: 1, false: 1, notEnabled: 0 });
    expect(score.perClause.get('S10')).toEqual({ found: 1, missed: 1, false: 1, notEnabled: 0 });
    expect(score.perClause.get('S2')).toEqual({ found: 0, missed: 0, false: 1, notEnabled: 0 });
    expect(score.perRepo.get('repo-a')).toEqual({ found: 1, missed: 1, false: 3, notEnabled: 1 });
    expect(precision(score.totals)).toBe(0.25);
    expect(recall(score.totals)).toBe(0.5);
  });

  it('has no precision without findings and no recall without yes-labels', () => {
    expect(precision({ found: 0, missed: 2, false: 0, notEnabled: 0 })).toBeUndefined();
    expect(recall({ found: 0, missed: 0, false: 3, notEnabled: 0 })).toBeUndefined();
  });
});
