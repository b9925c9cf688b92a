// The lint worker thread: owns ESLint, the plugin and whatever workspace config gets loaded. Code loaded here may
// spin, throw or call process.exit (which ends only this thread); the server respawns it.
import { parentPort } from 'node:worker_threads';
import { CLAUSES } from 'eslint-plugin-wechat-oa';
import { Engine, toFailure } from './lint/engine.js';
import type { ClauseText, WorkerReply, WorkerRequest } from './lint/messages.js';

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread of the wechat-oa language server');

const engine = new Engine();
const send = (reply: WorkerReply) => port.postMessage(reply);

port.on('message', (request: WorkerRequest) => {
  const { job } = request;
  engine.lint(job, () => send({ type: 'begin', id: job.id })).then(
    (outcome) => send({ type: 'done', id: job.id, outcome }),
    (error: unknown) => send({ type: 'failed', id: job.id, failure: toFailure(error) }),
  );
});
send({ type: 'ready', clauses: JSON.parse(JSON.stringify(CLAUSES)) as Record<string, ClauseText> });
