// Runs heavy, pure work (writing a spreadsheet or a large CSV, reading an uploaded CSV) in a
// worker thread, so the event loop keeps answering everyone else: a cold XLSX export held the
// loop for ~0.9 s at the bench's large council, and nobody was answered meanwhile (not even
// /health, and a shutdown's grace timer cut it off).
//
// One worker, started on first use and kept while jobs arrive; it exits after a minute idle so a
// server that exports twice a month does not hold its memory (write-excel-file and its zip
// library) all the time. Jobs queue in the worker one at a time: exports are rare, and one
// core stays free for requests on a 2-core machine.
import { Worker } from 'node:worker_threads';
import type { JobInput, JobName, JobOutput } from './jobs.js';

const IDLE_MS = 60_000;
/**
 * Jobs after which an idle worker stops at once rather than a minute later. Printing a pack loads
 * playwright-core (~80 MB of RSS) and reading a large survey file leaves its rows in the worker's
 * heap until it next collects; both happen a few times a month, and starting a worker costs far
 * less than either job.
 */
const STOP_AFTER: ReadonlySet<JobName> = new Set(['packPdf', 'parseCsv', 'checkImport']);

/**
 * The worker thread itself failed (its file missing, a crash), as opposed to a job that answered
 * with its own error (a malformed CSV): a fault for whoever runs the server, to be logged.
 */
export class WorkerFailed extends Error {
  constructor(cause: Error) {
    super(`The worker thread failed: ${cause.message}`, { cause });
    this.name = 'WorkerFailed';
  }
}

type Pending = { job: JobName; resolve: (value: unknown) => void; reject: (err: Error) => void };
let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The worker's entry: the built file beside dist/server.js, or in tests and `npm run dev` the
 * source, through tsx's loader (registered inside the worker: `execArgv: ['--import', 'tsx']`
 * does not reach a worker's own entry on Node 20).
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const w = fromSource
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./heavy-work.ts', import.meta.url).href)}); })`,
        { eval: true },
      )
    : new Worker(new URL('./heavy-work.js', import.meta.url));
  w.on('message', (m: { id: number; ok: boolean; output?: unknown; message?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.output);
    else p.reject(new Error(m.message));
    if (pending.size === 0) {
      if (STOP_AFTER.has(p.job) && worker === w) void stopWorker();
      else armIdleTimer();
    }
  });
  const fail = (cause: Error) => {
    const err = new WorkerFailed(cause);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    if (worker === w) worker = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`The worker thread stopped (exit code ${code})`)));
  // An idle worker must never keep the process alive (tests, SIGTERM).
  w.unref();
  return w;
}

function armIdleTimer() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void stopWorker(), IDLE_MS);
  idleTimer.unref();
}

/** Stops the idle worker; the next job starts another. */
async function stopWorker(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const w = worker;
  worker = null;
  if (!w) return;
  // Stopped while idle: its exit must not fail the jobs a new worker has taken meanwhile.
  w.removeAllListeners('exit');
  await w.terminate();
}

/** Runs a job from jobs.ts in the worker thread and resolves with its result. */
export function offThread<N extends JobName>(job: N, input: JobInput<N>): Promise<JobOutput<N>> {
  if (idleTimer) clearTimeout(idleTimer);
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise<JobOutput<N>>((resolve, reject) => {
    pending.set(id, { job, resolve: resolve as (value: unknown) => void, reject });
    w.ref(); // a job in flight keeps the process alive until it answers
    w.postMessage({ id, job, input });
  }).finally(() => {
    if (pending.size === 0) w.unref();
  });
}
