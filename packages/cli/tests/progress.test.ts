import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';

afterAll(removeTempDirs);

/** 150 clean files of 150 lines: several seconds of linting on this machine, well over the one-second threshold. */
function busyProject(): string {
  const dir = tempDir();
  const body = Array.from({ length: 150 }, (_, i) => `export const v${i} = { label: 'Share to WeChat', n: ${i} };`).join('\n');
  writeFiles(dir, Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`src/f${i}.js`, `${body}\n`])));
  return dir;
}

describe('progress line', () => {
  let dir: string;
  beforeAll(() => {
    dir = busyProject();
  });

  it('is drawn on a terminal when the run takes more than a second, and erased before the report', () => {
    // util-linux `script` gives the CLI a pseudo-terminal for stdout and stderr.
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI_BIN}"`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\r\x1b\[2Kwechat-oa-lint: linting 150 files(, \d+ done)? \(\d+ s\)/u);
    expect(result.stdout).toMatch(/wechat-oa-lint: linting 150 files, (50|100|150) done \(\d+ s\)/u);
    const lastDraw = result.stdout.lastIndexOf(' done (');
    expect(result.stdout.indexOf('\r\x1b[2K', lastDraw)).toBeGreaterThan(lastDraw);
    expect(result.stdout).toContain('✔ No problems found.');
  });

  it('is never written when stderr is not a terminal', () => {
    const run = runCli([], dir);
    expect(run.stderr).toBe(
      'wechat-oa-lint: linting 150 files with the embedded recommended preset (no ESLint config enabling wechat-oa rules found)\n',
    );
  });
});
