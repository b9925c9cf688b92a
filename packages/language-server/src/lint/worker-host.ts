// The server side of the lint worker: one worker thread, one job at a time (so a crash or a runaway lint is blamed
// on the job that caused it), a time budget per lint, and a fresh worker after anything that ends the old one.
import { Worker } from 'node:worker_threads';
import type { ClauseText, LintFailure, LintJob, LintOutcome, WorkerReply } from './messages.js';

const WORKER_HEAP_MB = 768;
/** The time budget is per this many characters (at least one unit). */
const BUDGET_UNIT_CHARS = 256 * 1024;

export type JobResult = { ok: true; outcome: LintOutcome } | { ok: false; failure: LintFailure };

interface Pending {
  job: LintJob;
  resolve: (result: JobResult) => void;
}

export interface WorkerHostOptions {
  /** The worker's entry module (see server.ts). */
  workerFile: string;
  /** Longest a lint may run once its configuration is loaded. */
  budgetMs: number;
  /** Longest loading a configuration may take (a config file can loop forever too). */
  loadBudgetMs?: number;
  log: (message: string) => void;
  /** Called when a worker has loaded ESLint and the plugin. */
  onReady?: (clauses: Record<string, ClauseText>) => void;
}

export class WorkerHost {
  #worker: Worker | undefined;
  #queue: Pending[] = [];
  #current: Pending | undefined;
  #timer: NodeJS.Timeout | undefined;
  #nextId = 1;
  #disposed = false;
  /** Incremented on every respawn; lets callers see that caches of the old worker are gone. */
  generation = 0;

  constructor(readonly options: WorkerHostOptions) {}

  /** Starts the worker ahead of the first lint, so loading ESLint and the parsers is not charged to it. */
  warmUp(): void {
    this.#ensureWorker();
  }

  lint(job: Omit<LintJob, 'id'>): Promise<JobResult> {
    return new Promise((resolve) => {
      this.#queue.push({ job: { ...job, id: this.#nextId++ }, resolve });
      this.#pump();
    });
  }

  /** Throws the worker away (config change: the ESM cache of loaded configs cannot be purged) and starts a new one. */
  async respawn(reason: string): Promise<void> {
    this.options.log(`Restarting the lint worker: ${reason}`);
    const old = this.#worker;
    this.#worker = undefined;
    this.generation++;
    if (this.#current) {
      // The job in flight was not at fault: run it again on the new worker.
      this.#queue.unshift(this.#current);
      this.#current = undefined;
      clearTimeout(this.#timer);
    }
    if (old) await old.terminate();
    this.#pump();
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    clearTimeout(this.#timer);
    for (const pending of [...this.#queue, ...(this.#current ? [this.#current] : [])]) {
      pending.resolve({ ok: false, failure: { kind: 'internal', message: 'The language server is shutting down.' } });
    }
    this.#queue = [];
    this.#current = undefined;
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.options.workerFile, {
      stdout: true,
      stderr: true,
      // A heap limit makes V8 collect before the heap balloons: with the default (a share of the machine's
      // memory) the worker's resident size drifts to ~400 MB over many lints although its live heap stays ~65 MB.
      // 768 MB leaves room for the largest file linted (1 MiB needs ~400 MB); a lint beyond it ends the worker,
      // which is reported and respawned like any crash.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // Loaded code may print; the server's stdout is the protocol stream, so the worker's output goes to the log.
    worker.stdout.on('data', (chunk: Buffer) => this.options.log(`[worker stdout] ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.options.log(`[worker stderr] ${chunk.toString().trimEnd()}`));
    worker.on('message', (reply: WorkerReply) => this.#onReply(worker, reply));
    worker.on('error', (error) => this.#onEnd(worker, `it threw ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.#onEnd(worker, `it exited with code ${code}`));
    this.#worker = worker;
    return worker;
  }

  #pump(): void {
    if (this.#current || this.#disposed) return;
    const next = this.#queue.shift();
    if (!next) return;
    this.#current = next;
    const worker = this.#ensureWorker();
    this.#arm(this.options.loadBudgetMs ?? 60_000, 'loading its configuration');
    worker.postMessage({ type: 'lint', job: next.job });
  }

  #arm(ms: number, phase: string): void {
    clearTimeout(this.#timer);
    const current = this.#current;
    this.#timer = setTimeout(() => {
      if (this.#current !== current || !current) return;
      const seconds = (ms / 1000).toFixed(1);
      this.#fail(current, {
        kind: 'internal',
        message: `Linting took longer than ${seconds} s (${phase}) and was stopped; a rule or the configuration may loop forever.`,
      });
      const worker = this.#worker;
      this.#worker = undefined;
      this.generation++;
      this.options.log(`The lint of ${current.job.filePath} exceeded ${seconds} s (${phase}): worker terminated.`);
      void worker?.terminate();
      this.#pump();
    }, ms);
  }

  #fail(pending: Pending, failure: LintFailure): void {
    clearTimeout(this.#timer);
    if (this.#current === pending) this.#current = undefined;
    pending.resolve({ ok: false, failure });
  }

  #onReply(worker: Worker, reply: WorkerReply): void {
    if (worker !== this.#worker) return;
    if (reply.type === 'ready') {
      this.options.onReady?.(reply.clauses);
      return;
    }
    const current = this.#current;
    if (!current || current.job.id !== reply.id) return;
    if (reply.type === 'begin') {
      // Parsing and linting grow with the file: a large file gets a proportionally larger budget, so only a
      // lint that is out of proportion counts as runaway.
      const scale = Math.max(1, current.job.text.length / BUDGET_UNIT_CHARS);
      this.#arm(Math.round(this.options.budgetMs * scale), 'running the rules');
      return;
    }
    clearTimeout(this.#timer);
    this.#current = undefined;
    current.resolve(reply.type === 'done' ? { ok: true, outcome: reply.outcome } : { ok: false, failure: reply.failure });
    this.#pump();
  }

  #onEnd(worker: Worker, how: string): void {
    if (worker !== this.#worker) return;
    this.#worker = undefined;
    this.generation++;
    const current = this.#current;
    if (current) {
      // process.exit() in loaded code ends only this thread: blame the job that was running.
      this.options.log(`The lint worker stopped while linting ${current.job.filePath}: ${how}. Starting a new one.`);
      this.#fail(current, {
        kind: 'internal',
        message: `The lint worker stopped while linting this file (${how}); code loaded by the configuration may call process.exit().`,
      });
    } else if (!this.#disposed) {
      this.options.log(`The lint worker stopped: ${how}.`);
    }
    this.#pump();
  }
}
