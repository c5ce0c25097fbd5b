// A worker thread's entry: runs one job from jobs.ts per message and posts back its result or its
// error. The built server starts it as dist/heavy-work.js; tests and `npm run dev` start this file
// through tsx.
import { parentPort } from 'node:worker_threads';
import { JOBS, type JobName } from './jobs.js';

type Request = { id: number; job: JobName; input: unknown };

parentPort!.on('message', async ({ id, job, input }: Request) => {
  try {
    const run = JOBS[job] as (input: unknown) => unknown;
    const output = await run(input);
    const transfer = output instanceof Uint8Array ? [output.buffer as ArrayBuffer] : [];
    parentPort!.postMessage({ id, ok: true, output }, transfer);
  } catch (err) {
    parentPort!.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
