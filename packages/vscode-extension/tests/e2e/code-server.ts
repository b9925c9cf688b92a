// Runs a real VS Code (code-server, VS Code for the browser) with the packaged .vsix installed, and Debian's
// Chromium through playwright-core. Recipe: shared/notes/real-vscode-e2e.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureCodeServer } from '../../../../scripts/ensure-code-server.mjs';

export const CHROMIUM = '/usr/bin/chromium';

export interface CodeServer {
  url: string;
  workspace: string;
  /** Where the .vsix was installed. */
  extensions: string;
  log: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Copies `fixture` into a fresh folder and serves it with the .vsix installed; `trusted` sets workspace trust. */
export interface StartOptions {
  vsix: string;
  fixture: string;
  trusted: boolean;
  /** Extra user settings (settings.json of the profile). */
  userSettings?: Record<string, unknown>;
  /** Settings of the workspace folder (.vscode/settings.json), which Restricted Mode may ignore. */
  workspaceSettings?: Record<string, unknown>;
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const { node, entry } = ensureCodeServer({ quiet: true });
  const base = mkdtempSync(join(tmpdir(), `wechat-oa-e2e-${options.trusted ? 'trusted' : 'restricted'}-`));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const workspace = join(base, 'workspace');
  cpSync(options.fixture, workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'files.autoSave': 'off',
        // A folder opens in Restricted Mode unless trust is switched off; no modal prompt either way.
        'security.workspace.trust.enabled': !options.trusted,
        'security.workspace.trust.startupPrompt': 'never',
        ...options.userSettings,
      },
      null,
      2,
    ),
  );
  if (options.workspaceSettings) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
  }
  const install = spawnSync(node, [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', options.vsix], {
    encoding: 'utf8',
  });
  if (install.status !== 0 || !/successfully installed/iu.test(install.stdout)) {
    throw new Error(`code-server --install-extension failed: ${install.stdout}${install.stderr}`);
  }

  const port = await freePort();
  let output = '';
  // Its own process group, so stopping it also ends the extension host and the language server it started.
  const child: ChildProcess = spawn(
    node,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions,
      '--disable-telemetry', '--disable-update-check', '--ignore-last-opened', workspace],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer within 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    workspace,
    extensions,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the workbench and waits until it is ready for input. */
export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
  return page;
}

/** Process ids of the language servers started from the extension installed in `extensions` (from /proc). */
export function languageServerPids(extensions: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const args = cmdline.split('\0');
    if (args.some((arg) => arg.startsWith(extensions) && arg.endsWith('/dist/server.mjs'))) pids.push(Number(entry));
  }
  return pids;
}
