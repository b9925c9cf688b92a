// The lint worker thread: owns ESLint, the plugin and whatever workspace config gets loaded. Code loaded here may
// spin, throw or call process.exit (which ends only this thread); the server respawns it.
import { parentPort, workerData } from 'node:worker_threads';
import { CLAUSES } from 'eslint-plugin-wechat-oa';
import { runInventoryJob, type InventoryWorkerData } from './lint/inventory.js';
import { Engine, toFailure } from './lint/engine.js';
import type { ClauseText, WorkerReply, WorkerRequest } from './lint/messages.js';

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread of the wechat-oa language server');

// Started with `mode: 'inventory'`, this thread builds one data inventory and ends (see handlers/commands.ts).
const inventoryJob = (workerData as InventoryWorkerData | undefined)?.mode === 'inventory' ? (workerData as InventoryWorkerData) : undefined;
if (inventoryJob) {
  runInventoryJob(inventoryJob).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ type: 'inventory-failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

const engine = new Engine();
const send = (reply: WorkerReply) => port.postMessage(reply);

port.on('message', (request: WorkerRequest) => {
  const { job } = request;
  engine.lint(job, () => send({ type: 'begin', id: job.id })).then(
    (outcome) => send({ type: 'done', id: job.id, outcome }),
    (error: unknown) => send({ type: 'failed', id: job.id, failure: toFailure(error) }),
  );
});
if (!inventoryJob) send({ type: 'ready', clauses: JSON.parse(JSON.stringify(CLAUSES)) as Record<string, ClauseText> });
