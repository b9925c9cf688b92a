// Benchmark of wechat-oa-language-server through the real protocol (SPEC §4): cold start to first diagnostics;
// edit → diagnostics p50/p95 on 1,000- and 5,000-line files beside a no-rules ESLint lint of the same file (same
// parser); code-action latency; memory (process with its worker thread) with 100 open 1,000-line files and over
// 1,000 edits. A benchmark, never a test: it asserts nothing and only reports.
//
//   node packages/language-server/bench/server-bench.mjs      prints the numbers as JSON
//   import { runServerBench } from '…/server-bench.mjs'         `npm run bench` (scripts/bench.mjs) calls it
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import wechatOa from 'eslint-plugin-wechat-oa';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverBin = path.join(here, '..', 'bin', 'wechat-oa-language-server.js');
const DEBOUNCE_MS = 150;
const REST_MS = 2000;
const WARM_UP = 5;

/** A realistic Official Account back-end file of at least `lines` lines (route handlers, API calls, a few findings). */
export function benchSource(lines) {
  const out = [
    "import express from 'express';",
    "import { db } from './db.js';",
    "import { getToken } from './token.js';",
    '',
    'export const router = express.Router();',
    '',
  ];
  for (let index = 0; out.length < lines; index++) {
    out.push(
      `// ---- block ${index}: order handler ----`,
      `export async function handleOrder${index}(req, res) {`,
      '  const { orderId, note } = req.body;',
      '  if (!orderId) {',
      "    res.status(400).json({ error: 'missing orderId' });",
      '    return;',
      '  }',
      '  const token = await getToken();',
      "  const url = 'https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=' + token;",
      "  const payload = { touser: req.session.openid, msgtype: 'text', text: { content: 'Order ' + orderId + ' received' } };",
      "  const response = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });",
      '  const data = await response.json();',
      '  if (data.errcode !== 0) {',
      "    res.status(502).json({ error: 'send failed' });",
      '    return;',
      '  }',
      "  const items = (note ?? '').split(',').map((part) => part.trim()).filter(Boolean);",
      '  for (const item of items) {',
      "    await db.insert('order_items', { orderId, item });",
      '  }',
      '  res.json({ ok: true, count: items.length });',
      '}',
      `router.post('/orders/${index}', handleOrder${index});`,
    );
    // Now and then something to report, as in real code.
    if (index % 10 === 0) out.push(`const appSecret${index} = 'a1b2c3d4e5f60718293a4b5c6d7e8f9${index % 10}';`, `export const title${index} = 'Fast delivery · Tencent partner';`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value) => Math.round(value * 10) / 10;

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** A minimal LSP client: push diagnostics, settings answered from `settings`. */
async function startClient(folder, settings = {}) {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: 'pipe' });
  child.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const seen = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const key = `${params.uri}@${params.version}`;
    seen.set(key, params.diagnostics);
    waiters.get(key)?.(params.diagnostics);
    waiters.delete(key);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.onNotification(() => {});
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const versions = new Map();
  return {
    pid: child.pid,
    connection,
    diagnostics(uri, version) {
      const key = `${uri}@${version}`;
      if (seen.has(key)) return Promise.resolve(seen.get(key));
      return new Promise((resolve) => waiters.set(key, resolve));
    },
    async open(file, text) {
      const uri = pathToFileURL(file).href;
      versions.set(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text } });
      return uri;
    },
    /** Inserts one character at the start of `line` (a line of code, so each version really changes). */
    async edit(uri, line) {
      const version = versions.get(uri) + 1;
      versions.set(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }],
      });
      return version;
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      connection.dispose();
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

async function coldStart(folder, text, rounds) {
  const times = [];
  for (let index = 0; index < rounds; index++) {
    const started = performance.now();
    const client = await startClient(folder);
    const uri = await client.open(path.join(folder, `cold-${index}.js`), text);
    await client.diagnostics(uri, 1);
    times.push(performance.now() - started);
    await client.stop();
  }
  return percentile(times, 50);
}

/** Sequential edits: each waits for the diagnostics of its version (the debounce is part of what users wait for). */
async function editLatency(folder, text, edits) {
  const client = await startClient(folder);
  const uri = await client.open(path.join(folder, `edit-${text.length}.js`), text);
  await client.diagnostics(uri, 1);
  const middle = Math.floor(text.split('\n').length / 2);
  // Warm-up edits, unmeasured, as ESLint alone gets warm-up runs: the first lints of a fresh worker run cold code.
  let version = 1;
  for (let index = 0; index < WARM_UP; index++) {
    version = await client.edit(uri, middle);
    await client.diagnostics(uri, version);
  }
  const times = [];
  for (let index = 0; index < edits; index++) {
    const started = performance.now();
    version = await client.edit(uri, middle);
    await client.diagnostics(uri, version);
    times.push(performance.now() - started);
  }
  const diagnostics = await client.diagnostics(uri, version);
  // Code actions for the first problem, served from the fix store.
  const actionTimes = [];
  for (let index = 0; index < 50 && diagnostics.length > 0; index++) {
    const started = performance.now();
    await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    actionTimes.push(performance.now() - started);
  }
  await client.stop();
  return { p50: percentile(times, 50), p95: percentile(times, 95), actionP50: percentile(actionTimes, 50), actionP95: percentile(actionTimes, 95), problems: diagnostics.length };
}

/** ESLint alone, in process, warm: the same parser configuration with no rules, and with the recommended preset. */
async function eslintAlone(text, rounds) {
  const allOff = Object.fromEntries(Object.keys(wechatOa.rules).map((id) => [`wechat-oa/${id}`, 'off']));
  const measure = async (config) => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config, cwd: os.tmpdir() });
    const filePath = path.join(os.tmpdir(), 'bench.js');
    for (let index = 0; index < WARM_UP; index++) await eslint.lintText(text, { filePath });
    const times = [];
    for (let index = 0; index < rounds; index++) {
      const started = performance.now();
      await eslint.lintText(text, { filePath });
      times.push(performance.now() - started);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  return {
    noRules: await measure([...wechatOa.configs.recommended, { rules: allOff }]),
    recommended: await measure(wechatOa.configs.recommended),
  };
}

async function memory(folder, text, files, edits) {
  // No debounce here, so that every edit is a lint: the point is growth over many lints, not latency.
  const client = await startClient(folder, { debounceMs: 0 });
  const uris = [];
  for (let index = 0; index < files; index++) uris.push(await client.open(path.join(folder, `memory-${index}.js`), text));
  await Promise.all(uris.map((uri) => client.diagnostics(uri, 1)));
  let peak = rssMb(client.pid);
  await new Promise((resolve) => setTimeout(resolve, REST_MS));
  const opened = rssMb(client.pid);
  const samples = [];
  const middle = Math.floor(text.split('\n').length / 2);
  const group = 10;
  for (let done = 0; done < edits; done += group) {
    const batch = uris.slice((done / group) % (files / group) * group, ((done / group) % (files / group) + 1) * group);
    const versions = await Promise.all(batch.map((uri) => client.edit(uri, middle)));
    await Promise.all(batch.map((uri, index) => client.diagnostics(uri, versions[index])));
    if ((done + group) % 100 === 0) {
      peak = Math.max(peak, rssMb(client.pid));
      // Sampled at rest (after a pause without requests), as an editor left open would be.
      await new Promise((resolve) => setTimeout(resolve, REST_MS));
      samples.push(rssMb(client.pid));
    }
  }
  await client.stop();
  // Growth from the first hundred edits (caches warm) to the end.
  const first = samples[0] ?? opened;
  const last = samples.at(-1) ?? opened;
  return { opened, afterEdits: last, peak: Math.max(peak, opened, ...samples), growth: last / first - 1 };
}

export async function runServerBench({ coldRounds = 3, edits1k = 40, edits5k = 20, memoryFiles = 100, memoryEdits = 1000 } = {}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-server-bench-'));
  try {
    const source1k = benchSource(1000);
    const source5k = benchSource(5000);
    const cold = await coldStart(folder, source1k, coldRounds);
    const edit1k = await editLatency(folder, source1k, edits1k);
    const alone1k = await eslintAlone(source1k, edits1k);
    const edit5k = await editLatency(folder, source5k, edits5k);
    const alone5k = await eslintAlone(source5k, edits5k);
    const mem = await memory(folder, source1k, memoryFiles, memoryEdits);
    const result = {
      coldStartToFirstDiagnosticsMs: round(cold),
      edit1kLines: source1k.split('\n').length - 1,
      edit1kP50Ms: round(edit1k.p50),
      edit1kP95Ms: round(edit1k.p95),
      noRules1kP50Ms: round(alone1k.noRules.p50),
      noRules1kP95Ms: round(alone1k.noRules.p95),
      recommended1kP50Ms: round(alone1k.recommended.p50),
      recommended1kP95Ms: round(alone1k.recommended.p95),
      // SPEC §4 target: edit→diagnostics p95 ≤ 1.25 × no-rules p95 + debounce.
      edit1kTargetMs: round(1.25 * alone1k.noRules.p95 + DEBOUNCE_MS),
      edit5kLines: source5k.split('\n').length - 1,
      edit5kP50Ms: round(edit5k.p50),
      edit5kP95Ms: round(edit5k.p95),
      noRules5kP50Ms: round(alone5k.noRules.p50),
      noRules5kP95Ms: round(alone5k.noRules.p95),
      recommended5kP50Ms: round(alone5k.recommended.p50),
      recommended5kP95Ms: round(alone5k.recommended.p95),
      codeActionP50Ms: round(edit1k.actionP50),
      codeActionP95Ms: round(edit1k.actionP95),
      problemsIn1kFile: edit1k.problems,
      memoryOpenFiles: memoryFiles,
      memoryAfterOpenMb: round(mem.opened),
      memoryEdits,
      memoryAfterEditsMb: round(mem.afterEdits),
      memoryPeakMb: round(mem.peak),
      memoryGrowthPercent: round(mem.growth * 100),
    };
    return { ...result, markdown: markdown(result) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function markdown(r) {
  const ok = (pass) => (pass ? 'within target' : 'over target');
  return [
    'Through the real protocol over stdio (push diagnostics, default debounce 150 ms), the built server and its worker thread;',
    '`node packages/language-server/bench/server-bench.mjs`. ESLint alone: the same parser configuration in process, warm.',
    '',
    '| measure | value | target (SPEC §4) |',
    '|---|---|---|',
    `| cold start → first diagnostics (1,000 lines) | ${r.coldStartToFirstDiagnosticsMs} ms | – |`,
    `| edit → diagnostics, ${r.edit1kLines} lines, p50 / p95 | ${r.edit1kP50Ms} / ${r.edit1kP95Ms} ms | p95 ≤ 1.25 × ${r.noRules1kP95Ms} + 150 = ${r.edit1kTargetMs} ms (${ok(r.edit1kP95Ms <= r.edit1kTargetMs)}) |`,
    `| ESLint no rules, ${r.edit1kLines} lines, p50 / p95 | ${r.noRules1kP50Ms} / ${r.noRules1kP95Ms} ms | – |`,
    `| ESLint recommended, ${r.edit1kLines} lines, p50 / p95 | ${r.recommended1kP50Ms} / ${r.recommended1kP95Ms} ms | – |`,
    `| edit → diagnostics, ${r.edit5kLines} lines, p50 / p95 | ${r.edit5kP50Ms} / ${r.edit5kP95Ms} ms | – |`,
    `| ESLint no rules, ${r.edit5kLines} lines, p50 / p95 | ${r.noRules5kP50Ms} / ${r.noRules5kP95Ms} ms | – |`,
    `| ESLint recommended, ${r.edit5kLines} lines, p50 / p95 | ${r.recommended5kP50Ms} / ${r.recommended5kP95Ms} ms | – |`,
    `| code action, p50 / p95 | ${r.codeActionP50Ms} / ${r.codeActionP95Ms} ms | – |`,
    `| memory, ${r.memoryOpenFiles} open 1,000-line files | ${r.memoryAfterOpenMb} MB | < 400 MB (${ok(r.memoryPeakMb < 400)}, peak ${r.memoryPeakMb} MB) |`,
    `| memory after ${r.memoryEdits} edits | ${r.memoryAfterEditsMb} MB (${r.memoryGrowthPercent} % from the first 100) | ≤ 10 % growth (${ok(r.memoryGrowthPercent <= 10)}) |`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { markdown: _markdown, ...numbers } = await runServerBench();
  console.log(JSON.stringify(numbers, null, 2));
}

export default runServerBench;
