import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Prints `N passed, N failed` from vitest's JSON report; false when there is no report or no test ran. */
export function printSummary(reportFile) {
  if (!existsSync(reportFile)) {
    console.log('0 passed, 1 failed');
    console.error(`no test report at ${reportFile}`);
    return false;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return passed > 0 && failed === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(printSummary(process.argv[2] ?? '.test-results/vitest.json') ? 0 : 1);
}
