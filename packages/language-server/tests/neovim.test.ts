// End to end with Neovim headless as a third-party client (Debian neovim 0.7; installed by the test command,
// see scripts/prerequisites.mjs): diagnostics appear, "Disable <rule> for this line" applies, the file is written.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fixturesRoot, serverBin } from './client.js';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it('works in Neovim: diagnostics, then "Disable for this line" applied and written', async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-nvim-'));
  const file = path.join(scratch, 'server.js');
  copyFileSync(path.join(fixturesRoot, 'embedded', 'src', 'server.js'), file);
  const out = path.join(scratch, 'report.json');
  const init = path.join(path.dirname(new URL(import.meta.url).pathname), 'neovim', 'init.lua');
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-u', init], {
    cwd: scratch,
    env: {
      ...process.env,
      WECHAT_OA_FILE: file,
      WECHAT_OA_OUT: out,
      WECHAT_OA_ROOT: scratch,
      WECHAT_OA_NODE: process.execPath,
      WECHAT_OA_SERVER: serverBin,
      XDG_STATE_HOME: scratch,
      XDG_CACHE_HOME: scratch,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const report = JSON.parse(readFileSync(out, 'utf8')) as { steps: string[]; error?: string; diagnostics: unknown[]; titles: string[] };
  expect({ code, error: report.error, output: report.error ? output : '' }).toEqual({ code: 0, error: undefined, output: '' });
  expect(report.steps).toEqual(['started', 'diagnostics', 'applied', 'cleared', 'written']);
  expect(report.diagnostics).toEqual([
    {
      lnum: 3,
      col: 18,
      source: 'wechat-oa',
      code: 'wechat-oa/no-hardcoded-credentials',
      message:
        '[S2] AppSecret is written into the source: anyone with the code or its history can use it. Read it from the environment or a secret store, and rotate it.',
    },
  ]);
  expect(report.titles).toEqual([
    '[S2] Read it from process.env.WECHAT_APP_SECRET.',
    'Disable wechat-oa/no-hardcoded-credentials for this line',
    'Disable wechat-oa/no-hardcoded-credentials for the entire file',
    'Show documentation for wechat-oa/no-hardcoded-credentials',
  ]);
  expect(readFileSync(file, 'utf8').split('\n').slice(2, 5)).toEqual([
    'const app = express();',
    '// eslint-disable-next-line wechat-oa/no-hardcoded-credentials',
    "const appSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
  ]);
}, 120_000);
