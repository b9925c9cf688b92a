import { createHash } from 'node:crypto';
import { displayPath, type Formatter } from './report.js';

/** One issue of GitLab's code quality report (a subset of the Code Climate issue that GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab's code quality report (`artifacts: reports: codequality:`), https://docs.gitlab.com/ci/testing/code_quality/:
 * a JSON array of issues. GitLab compares the fingerprints of the merge request's report with the target branch's
 * to show new and fixed issues, so a fingerprint leaves the line number out (an edit above a finding must not turn
 * it into a new one) and counts repeats of the same rule and message in a file instead.
 */
export const formatGitlab: Formatter = (report) => {
  const issues: CodeQualityIssue[] = [];
  for (const result of report.results) {
    const file = displayPath(result.filePath, report.cwd);
    const seen = new Map<string, number>();
    for (const message of result.messages) {
      const checkName = message.ruleId ?? 'parse-error';
      const key = `${checkName}\0${message.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        description: message.message,
        check_name: checkName,
        fingerprint: createHash('sha256').update(`${file}\0${key}\0${occurrence}`).digest('hex').slice(0, 32),
        severity: message.fatal ? 'critical' : message.severity === 2 ? 'major' : 'minor',
        location: { path: file, lines: { begin: message.line ?? 1 } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
