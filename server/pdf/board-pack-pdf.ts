// A board pack's PDF: printed by print-pack.ts in the worker thread, one at a time, the last few
// kept. One browser per print: packs are made a few times a month, so a warm browser is not
// worth the memory it would hold the rest of the time.
import { createHash } from 'node:crypto';
import type { PackSnapshot } from '../contracts/board-pack.js';
import { offThread } from '../workers/off-thread.js';

// A pack never changes, so its PDF never does: keep the last few, keyed by the snapshot itself.
// Bounded in bytes as well as in number: a large council's pack is ~2.4 MB (it was ~6.5 MB before
// compact-pdf.ts), so twenty would hold ~50 MB for the life of the process. The newest is always
// kept, however large.
const CACHE_SIZE = 20;
const CACHE_BYTES = 32 * 1024 * 1024;
const cache = new Map<string, Buffer>();
let cachedBytes = 0;
// One Chromium at a time: a burst of requests queues rather than starting a browser each.
let queue: Promise<unknown> = Promise.resolve();

/**
 * The pack could not be printed: Chromium would not start or crashed, or the worker thread could
 * not run. Its cause is for the log; the person asking is told plainly (server/routes/board-pack.ts).
 */
export class PackPdfFailed extends Error {
  constructor(cause: unknown) {
    super(`The board pack could not be printed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PackPdfFailed';
  }
}

/**
 * The pack's PDF, from its snapshot or, better, the snapshot's stored JSON text: a string is
 * hashed and handed to the worker thread as it is, where an object must first be written out
 * and then copied whole, both on the event loop.
 */
export function packPdf(snapshot: PackSnapshot | string): Promise<Buffer> {
  const json = typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot);
  const key = createHash('sha256').update(json).digest('hex');
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  const job = queue.then(async () => {
    const again = cache.get(key);
    if (again) return again;
    // Printed in the worker thread: building the HTML and taking Chromium's answer (a large
    // council's pack is megabytes of base64) would otherwise hold the event loop.
    const bytes = await offThread('packPdf', json).catch((err: unknown) => {
      throw new PackPdfFailed(err);
    });
    const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    cache.set(key, pdf);
    cachedBytes += pdf.length;
    while (cache.size > 1 && (cache.size > CACHE_SIZE || cachedBytes > CACHE_BYTES)) {
      const [oldest, old] = cache.entries().next().value!;
      cache.delete(oldest);
      cachedBytes -= old.length;
    }
    return pdf;
  });
  queue = job.catch(() => undefined);
  return job;
}
