// End-to-end: the .vsix that `package:vsix` writes, installed into a real VS Code (code-server 4.139, VS Code
// 1.139) and driven through Debian's Chromium. Trusted and Restricted Mode each get their own code-server.
// Screenshots go to packages/vscode-extension/.e2e-screenshots/ (ignored).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { INVENTORY_COMMAND } from '../src/protocol.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageServerPids, launchChromium, openWorkbench, startCodeServer, type CodeServer } from './e2e/code-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const fixture = join(here, 'fixtures', 'workspace');
const screenshots = join(packageDir, '.e2e-screenshots');
const { name, version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
// WECHAT_OA_E2E_VSIX tests a given .vsix (for example one from a release) instead of packaging this checkout.
const vsix = process.env.WECHAT_OA_E2E_VSIX ?? join(packageDir, `${name}-${version}.vsix`);
const MARKER = 'config-was-loaded.marker';
/** app.js is server code (it imports express), where no-hardcoded-credentials suggests an environment variable. */
const SUGGESTION = '[S2] Read it from process.env.WECHAT_APP_SECRET.';

/**
 * What the bundled server answers to `wechat-oa.inventory` (recorded by the stdio test): the extension must show
 * that answer, a Markdown preview or the server's error message.
 */
let inventoryAnswer: { ok: true } | { ok: false; message: string } | undefined;

/** From a cold start the first squiggle took 10–25 s here (2 cores, other suites running): generous bounds. */
const SLOW = 90_000;

// The script the root `package:vsix` runs (pnpm --filter wechat-oa-vscode run package).
beforeAll(() => {
  mkdirSync(screenshots, { recursive: true });
  if (process.env.WECHAT_OA_E2E_VSIX) return;
  // npm runs the package's own script without pnpm resolving the workspace again.
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: packageDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`package:vsix failed:\n${result.stdout}\n${result.stderr}`);
}, 300_000);

async function openFile(page: Page, fileName: string): Promise<void> {
  await page.getByRole('treeitem', { name: fileName }).first().click();
  await page.locator(`.tabs-container .tab[aria-label^="${fileName}"]`).first().waitFor({ timeout: SLOW });
}

async function waitForSquiggle(page: Page): Promise<void> {
  await page.locator('.view-overlays .squiggly-error, .view-overlays .squiggly-warning').first().waitFor({ timeout: SLOW });
}

/** The Problems panel's rows as text (message, source and code of each). */
async function problemRows(page: Page): Promise<string[]> {
  // Control+Shift+M toggles the panel: press it only while the panel is hidden.
  if (!(await page.locator('.markers-panel').first().isVisible())) await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-tl-row');
  await rows.first().waitFor({ timeout: SLOW });
  return rows.allInnerTexts();
}

/** File rows, then the positions of the no-affiliation-claim problems ([S9]), as the Problems panel shows them. */
function claimPositions(rows: string[]): string[] {
  const files = rows.filter((row) => /^\S+\.(?:html|vue|js|ts)\b/u.test(row.trim())).map((row) => row.trim().split(/\s/u)[0]!);
  const positions = rows
    .filter((row) => row.includes('[S9]') && row.includes('wechat-oa/no-affiliation-claim'))
    .map((row) => /\[(Ln \d+, Col \d+)\]/u.exec(row)?.[1] ?? row);
  return [...files, ...positions];
}

/** Puts the cursor on the first problem of the file (F8, then closes the peek) and opens the quick-fix menu. */
async function openQuickFixMenu(page: Page): Promise<string[]> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  const peek = page.locator('.marker-widget').first();
  await peek.waitFor({ timeout: SLOW });
  await page.keyboard.press('Escape');
  await peek.waitFor({ state: 'hidden', timeout: 10_000 });
  const items = page.locator('.action-widget .monaco-list-row');
  // The code actions are asked for when the menu opens; a press while the editor is still settling is dropped.
  await expect
    .poll(
      async () => {
        if (!(await items.first().isVisible())) await page.keyboard.press('Control+.');
        return items.first().isVisible();
      },
      { timeout: 30_000, interval: 2_000 },
    )
    .toBe(true);
  return items.locator('.title').allInnerTexts();
}

/** Runs a command by its title from the command palette. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

describe('the .vsix contents', () => {
  let unpacked: string;
  beforeAll(() => {
    unpacked = mkdtempSync(join(tmpdir(), 'wechat-oa-vsix-'));
    const unzip = spawnSync('unzip', ['-q', vsix, '-d', unpacked], { encoding: 'utf8' });
    if (unzip.status !== 0) throw new Error(`unzip failed: ${unzip.stderr}`);
  });
  afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

  it('holds the bundles, manifest, UI strings and licence, and no node_modules', () => {
    const extension = join(unpacked, 'extension');
    for (const file of ['dist/extension.cjs', 'dist/server.mjs', 'dist/worker.mjs', 'package.json', 'package.nls.json',
      'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'LICENSE.txt']) {
      expect(existsSync(join(extension, file)), file).toBe(true);
    }
    expect(existsSync(join(extension, 'node_modules'))).toBe(false);
  });

  it('serves diagnostics over stdio with no node_modules and no ESLint config (bundled ESLint, plugin, parsers, HTML processor)', async () => {
    // The unpacked extension sits in a temporary folder: nothing can be resolved from the repository.
    const child = spawn(process.execPath, [join(unpacked, 'extension', 'dist', 'server.mjs'), '--stdio'], {
      cwd: unpacked,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    try {
      // The latest non-empty diagnostics per file.
      const published = new Map<string, PublishDiagnosticsParams>();
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.diagnostics.length > 0) published.set(params.uri, params);
      });
      connection.listen();
      const folder = join(unpacked, 'workspace');
      // A trusted folder with no ESLint config at all: the embedded preset applies.
      cpSync(fixture, folder, { recursive: true, filter: (source) => !source.endsWith('eslint.config.js') });
      await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'workspace' }],
        capabilities: {},
        initializationOptions: { trusted: true },
      });
      await connection.sendNotification('initialized', {});
      // One file per parser: espree (JavaScript), @typescript-eslint/parser (TypeScript), vue-eslint-parser, and
      // the plugin's HTML processor.
      const files = { 'app.js': 'javascript', 'config.ts': 'typescript', 'Footer.vue': 'vue', 'index.html': 'html' };
      const uri = (file: string) => pathToFileURL(join(folder, file)).href;
      for (const [file, languageId] of Object.entries(files)) {
        await connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: uri(file), languageId, version: 1, text: readFileSync(join(folder, file), 'utf8') },
        });
      }
      await expect
        .poll(() => published.size, { timeout: 30_000, message: `diagnostics for every file; server stderr: ${stderr}` })
        .toBe(4);
      const summary = (file: string) =>
        published.get(uri(file))!.diagnostics.map((d) => [d.source, d.code, d.range.start.line, d.range.start.character]);
      expect(summary('app.js')).toEqual([['wechat-oa', 'wechat-oa/no-hardcoded-credentials', 4, 13]]);
      expect(summary('config.ts')).toEqual([['wechat-oa', 'wechat-oa/no-hardcoded-credentials', 9, 13]]);
      expect(summary('Footer.vue')).toEqual([
        ['wechat-oa', 'wechat-oa/no-affiliation-claim', 1, 26],
        ['wechat-oa', 'wechat-oa/no-affiliation-claim', 5, 15],
      ]);
      expect(summary('index.html')).toEqual([
        ['wechat-oa', 'wechat-oa/no-affiliation-claim', 3, 12],
        ['wechat-oa', 'wechat-oa/no-affiliation-claim', 5, 21],
      ]);
      // Each diagnostic links to the rule doc shipped in the .vsix.
      expect(published.get(uri('app.js'))!.diagnostics[0]!.codeDescription?.href).toBe(
        pathToFileURL(join(unpacked, 'extension', 'dist', 'docs', 'rules', 'no-hardcoded-credentials.md')).href,
      );
      inventoryAnswer = await connection
        .sendRequest('workspace/executeCommand', { command: INVENTORY_COMMAND, arguments: [pathToFileURL(folder).href] })
        .then(
          (answer) => {
            expect(typeof answer === 'string' || typeof (answer as { markdown?: unknown }).markdown === 'string').toBe(true);
            return { ok: true as const };
          },
          (error: Error) => ({ ok: false as const, message: error.message }),
        );
      // The bundled server builds the inventory (Markdown and JSON) of the folder.
      expect(inventoryAnswer).toEqual({ ok: true });
    } finally {
      connection.dispose();
      // Wait for the exit, so the folder is not removed under a server still writing to it.
      const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
      child.kill();
      await exited;
    }
  }, 60_000);
});

describe.sequential('the .vsix in code-server', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
  });

  describe.sequential('trusted workspace', () => {
    let server: CodeServer;
    let page: Page;
    beforeAll(async () => {
      server = await startCodeServer({ vsix, fixture, trusted: true });
      page = await openWorkbench(browser, server.url);
    }, 180_000);
    afterAll(async () => {
      await page?.screenshot({ path: join(screenshots, 'trusted-last.png') }).catch(() => undefined);
      await server?.stop();
    });

    it('draws squiggles and lists wechat-oa problems in the Problems panel', async () => {
      await openFile(page, 'app.js');
      await waitForSquiggle(page);
      const rows = await problemRows(page);
      await page.screenshot({ path: join(screenshots, 'trusted-problems.png') });
      expect(rows.filter((row) => row.includes('[S2]') && row.includes('wechat-oa/no-hardcoded-credentials'))).toHaveLength(1);
      // The status-bar item counts the problems.
      await page.locator('.statusbar-item', { hasText: 'WeChat OA: 1' }).waitFor({ timeout: 10_000 });
    }, 180_000);

    it('offers the suggestion, disable-for-line and documentation quick fixes, and applies one to the file', async () => {
      const titles = await openQuickFixMenu(page);
      await page.screenshot({ path: join(screenshots, 'trusted-quick-fix.png') });
      expect(titles).toContain(SUGGESTION);
      expect(titles.some((t) => /^Disable (wechat-oa\/)?no-hardcoded-credentials for this line$/u.test(t))).toBe(true);
      expect(titles.some((t) => /^Show documentation for (wechat-oa\/)?no-hardcoded-credentials$/u.test(t))).toBe(true);
      await page.locator('.action-widget .monaco-list-row', { hasText: SUGGESTION }).click();
      await page.keyboard.press('Control+S');
      await expect
        .poll(() => readFileSync(join(server.workspace, 'app.js'), 'utf8'), { timeout: 20_000 })
        .toContain("  appid: 'wx1234567890abcdef',\n  appSecret: process.env.WECHAT_APP_SECRET,\n};");
    }, 180_000);

    it('shows the problems of an HTML page (markup text and inline script)', async () => {
      await openFile(page, 'index.html');
      await waitForSquiggle(page);
      // Polled: the panel may still list the previous file's rows for a moment.
      await expect
        .poll(async () => claimPositions(await problemRows(page)), { timeout: 30_000 })
        .toEqual(['index.html', 'Ln 4, Col 13', 'Ln 6, Col 22']);
    }, 180_000);

    it('shows the problems of a .vue file (template text and script setup)', async () => {
      await openFile(page, 'Footer.vue');
      await waitForSquiggle(page);
      await expect
        .poll(async () => claimPositions(await problemRows(page)), { timeout: 30_000 })
        .toEqual(['Footer.vue', 'Ln 2, Col 27', 'Ln 6, Col 16']);
      await page.screenshot({ path: join(screenshots, 'trusted-vue.png') });
    }, 180_000);

    it('opens the rule documentation shipped in the .vsix from the quick-fix menu', async () => {
      const titles = await openQuickFixMenu(page);
      const show = titles.find((t) => /^Show documentation for (wechat-oa\/)?no-affiliation-claim$/u.test(t));
      expect(show).toBeDefined();
      await page.locator('.action-widget .monaco-list-row', { hasText: show! }).click();
      await page.locator('.tabs-container .tab', { hasText: 'no-affiliation-claim.md' }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(screenshots, 'trusted-rule-doc.png') });
    }, 120_000);

    it('shows the data inventory, or the reason the server gives for not having one', async () => {
      if (!inventoryAnswer) throw new Error('the stdio test above records the server\'s inventory answer: run the whole file');
      await runCommand(page, 'WeChat OA: Show the data inventory');
      if (inventoryAnswer.ok) {
        await page.locator('.tabs-container .tab', { hasText: 'Preview' }).waitFor({ timeout: 30_000 });
        // The Markdown preview renders in a webview (an iframe holding the active frame): wait for the heading.
        await page
          .frameLocator('iframe.webview.ready')
          .frameLocator('#active-frame')
          .getByRole('heading', { name: 'Data inventory' })
          .waitFor({ timeout: 30_000 });
      } else {
        await page.locator('.notification-list-item-message', { hasText: inventoryAnswer.message }).waitFor({ timeout: 30_000 });
      }
      await page.screenshot({ path: join(screenshots, 'trusted-inventory.png') });
    }, 120_000);

    it('runs Fix all through the server\'s source.fixAll.wechat-oa action', async () => {
      // No rule in the fixture's problems has an autofix (only suggestions), so the command says so.
      await openFile(page, 'Footer.vue');
      await waitForSquiggle(page);
      await runCommand(page, 'WeChat OA: Fix all auto-fixable problems');
      await page.locator('.notification-list-item-message', { hasText: 'nothing to fix automatically' }).waitFor({ timeout: 30_000 });
      expect(readFileSync(join(server.workspace, 'Footer.vue'), 'utf8')).toBe(readFileSync(join(fixture, 'Footer.vue'), 'utf8'));
    }, 120_000);

    it('starts the server again when it crashes', async () => {
      const [before, ...others] = languageServerPids(server.extensions);
      expect(before).toBeDefined();
      expect(others).toEqual([]);
      // The server is a descendant of the code-server this test started.
      process.kill(before!, 'SIGKILL');
      await expect.poll(() => languageServerPids(server.extensions).filter((pid) => pid !== before), { timeout: SLOW }).toHaveLength(1);
      // Only the new server can report a problem typed now (Footer.vue's two are open too).
      await openFile(page, 'app.js');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type("export const claim = 'Official WeChat partner';\n");
      await page.locator('.statusbar-item', { hasText: 'WeChat OA: 3' }).waitFor({ timeout: SLOW });
    }, 120_000);

    it('loads the workspace ESLint config (its marker file appears)', async () => {
      await expect.poll(() => existsSync(join(server.workspace, MARKER)), { timeout: 30_000 }).toBe(true);
    }, 60_000);
  });

  describe.sequential('Restricted Mode', () => {
    let server: CodeServer;
    let page: Page;
    beforeAll(async () => {
      server = await startCodeServer({
        vsix,
        fixture,
        trusted: false,
        // Read by the extension's settings mapping and sent to the server.
        userSettings: { 'wechatOa.locale': 'zh-CN' },
        // A restricted setting: ignored until the workspace is trusted.
        workspaceSettings: { 'wechatOa.rules': { 'no-hardcoded-credentials': 'off' } },
      });
      page = await openWorkbench(browser, server.url);
    }, 180_000);
    afterAll(async () => {
      await page?.screenshot({ path: join(screenshots, 'restricted-last.png') }).catch(() => undefined);
      await server?.stop();
    });

    it('still shows problems, with the embedded preset, in the locale set, ignoring the workspace rules setting', async () => {
      await openFile(page, 'app.js');
      await waitForSquiggle(page);
      const rows = await problemRows(page);
      await page.screenshot({ path: join(screenshots, 'restricted-problems.png') });
      expect(
        rows.filter((row) => row.includes('[S2] AppSecret 被写进了源代码') && row.includes('wechat-oa/no-hardcoded-credentials')),
      ).toHaveLength(1);
    }, 180_000);

    it('never runs the workspace eslint.config.js (its marker file stays absent)', async () => {
      // Give the server every chance to load it: another lint after an edit, then a pause.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n// edited\n');
      await page.keyboard.press('Control+S');
      await expect.poll(() => readFileSync(join(server.workspace, 'app.js'), 'utf8'), { timeout: 20_000 }).toContain('// edited');
      await waitForSquiggle(page);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(existsSync(join(server.workspace, MARKER))).toBe(false);
    }, 120_000);

    it('restarts the server on command, still untrusted', async () => {
      await runCommand(page, 'WeChat OA: Restart the language server');
      await page.locator('.statusbar-item', { hasText: 'WeChat OA: 1' }).waitFor({ timeout: SLOW });
      // A new problem after the restart comes from the new server.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type("export const slogan = 'Official WeChat partner';\n");
      await page.locator('.statusbar-item', { hasText: 'WeChat OA: 2' }).waitFor({ timeout: SLOW });
      expect(existsSync(join(server.workspace, MARKER))).toBe(false);
    }, 120_000);

    it('loads the workspace config once the user trusts the workspace (wechatOa/didGrantTrust)', async () => {
      await runCommand(page, 'Manage Workspace Trust');
      await page.getByRole('button', { name: 'Trust', exact: true }).first().click();
      await expect.poll(() => existsSync(join(server.workspace, MARKER)), { timeout: 60_000 }).toBe(true);
      // The workspace's `wechatOa.rules` now applies: the credential problem goes, the affiliation claim stays.
      await page.locator('.statusbar-item', { hasText: 'WeChat OA: 1' }).waitFor({ timeout: SLOW });
      await page.screenshot({ path: join(screenshots, 'restricted-then-trusted.png') });
    }, 120_000);
  });
});
