// The server survives what workspace code and clients throw at it (SPEC §3.4, §4): crashing and runaway rules,
// process.exit() and throwing configs, oversized files, malformed frames.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { fixturesRoot, serverBin, TestClient } from './client.js';

const robustness = path.join(fixturesRoot, 'robustness');
const embedded = path.join(fixturesRoot, 'embedded');
let client: TestClient | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function startTrusted(folder: string): Promise<TestClient> {
  return TestClient.start({ workspaceFolder: folder, initializationOptions: { trusted: true, lintTimeBudgetMs: 3000 } });
}

/** After a failure the worker lints the next file normally. */
async function stillLints(c: TestClient): Promise<void> {
  const uri = await c.open(path.join(embedded, 'src', 'server.js'));
  expect((await c.diagnosticsFor(uri, 1)).map((diagnostic) => diagnostic.code)).toEqual(['wechat-oa/no-hardcoded-credentials']);
}

describe('robustness', () => {
  it('turns a crashing rule into one diagnostic and a log message', async () => {
    client = await startTrusted(path.join(robustness, 'crash'));
    const uri = await client.open(path.join(robustness, 'crash', 'app.js'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: 'wechat-oa',
        message: 'wechat-oa: the rule wechat-oa/crash crashed on this file, so it was not linted: boom: this rule always crashes',
      },
    ]);
    expect(client.logs.some((line) => line.startsWith('Could not lint') && line.includes('boom: this rule always crashes'))).toBe(true);
    await stillLints(client);
  });

  it('stops a runaway rule after the time budget, respawns the worker and lints on', async () => {
    client = await startTrusted(path.join(robustness, 'spin'));
    const uri = await client.open(path.join(robustness, 'spin', 'app.js'));
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(diagnostic?.message).toBe(
      'wechat-oa: Linting took longer than 3.0 s (running the rules) and was stopped; a rule or the configuration may loop forever.',
    );
    expect(client.logs.some((line) => line.includes('exceeded 3.0 s (running the rules): worker terminated'))).toBe(true);
    await stillLints(client);
  });

  it('survives process.exit() in the eslint.config.js of a trusted workspace', async () => {
    client = await startTrusted(path.join(robustness, 'exit'));
    const uri = await client.open(path.join(robustness, 'exit', 'app.js'));
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(diagnostic?.message).toBe(
      'wechat-oa: The lint worker stopped while linting this file (it exited with code 3); code loaded by the configuration may call process.exit().',
    );
    await stillLints(client);
  });

  it('turns a throwing config into one diagnostic and a log message', async () => {
    client = await startTrusted(path.join(robustness, 'throwing'));
    const uri = await client.open(path.join(robustness, 'throwing', 'app.js'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^wechat-oa: eslint\.config\.js could not be used, so this file was not linted: .*this configuration cannot be loaded/u);
    expect(client.logs.some((line) => line.startsWith('Could not lint') && line.includes('this configuration cannot be loaded'))).toBe(true);
    await stillLints(client);
  });

  it('skips a file over 1 MiB with a notice', async () => {
    client = await TestClient.start({ workspaceFolder: embedded });
    const line = "export const title = 'Tencent partner';\n";
    const text = line.repeat(Math.ceil((1024 * 1024 + 1) / line.length));
    const uri = await client.open(path.join(embedded, 'src', 'huge.js'), text);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: 'wechat-oa',
        message: 'wechat-oa: this file (1.0 MiB) is over the 1 MiB limit and is not linted.',
      },
    ]);
    expect(client.logs.some((entry) => entry.startsWith('Skipped') && entry.includes('over the 1 MiB limit'))).toBe(true);
  });
});

describe('malformed frames', () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  const request = (id: number, method: string, params: unknown) => frame(JSON.stringify({ jsonrpc: '2.0', id, method, params }));

  it('answers each bad frame with an error and the next valid request normally', async () => {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: 'pipe' });
    const received: Message[] = [];
    let notify = () => {};
    new StreamMessageReader(child.stdout).listen((message) => {
      received.push(message);
      notify();
    });
    const responseTo = (id: number | null, count = 1) =>
      new Promise<Message[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no response ${id}; got ${JSON.stringify(received)}`)), 30_000);
        notify = () => {
          const matching = received.filter((message) => 'id' in message && message.id === id);
          if (matching.length >= count) {
            clearTimeout(timer);
            resolve(matching);
          }
        };
        notify();
      });
    try {
      child.stdin.write(request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
      await responseTo(1);
      // 1. A body that is not JSON.
      child.stdin.write(frame('{"jsonrpc": "2.0", "id": 2, "method": '));
      // 2. A header block without Content-Length, with a body after it.
      child.stdin.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":3,"method":"shutdown"}');
      // 3. A length beyond the limit.
      child.stdin.write('Content-Length: 999999999999\r\n\r\n{"jsonrpc":"2.0"}');
      // 4. A valid request after all of that.
      child.stdin.write(request(4, 'workspace/executeCommand', { command: 'wechat-oa.inventory', arguments: [] }));
      const errors = await responseTo(null, 3);
      expect(errors.map((message) => (message as unknown as { error: { code: number } }).error.code)).toEqual([-32700, -32700, -32600]);
      const [answer] = await responseTo(4);
      expect((answer as unknown as { error: { message: string } }).error.message).toMatch(/inventory needs a workspace folder/u);
      // Nothing of the skipped frames was executed: request 3 (shutdown) never got an answer.
      expect(received.some((message) => 'id' in message && message.id === 3)).toBe(false);
      child.stdin.write(request(5, 'shutdown', null));
      await responseTo(5);
      child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
    } finally {
      child.kill();
    }
  });
});

