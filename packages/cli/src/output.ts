import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a report to `--output-file` (relative to `cwd`, folders created) or, without one, to stdout. */
export function writeReport(cwd: string, outputFile: string | undefined, text: string): void {
  if (!outputFile) {
    process.stdout.write(text);
    return;
  }
  const file = path.resolve(cwd, outputFile);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
