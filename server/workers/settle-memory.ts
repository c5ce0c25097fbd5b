// After a heavy request (a survey import, making a pack, printing it) the main thread's heap is
// mostly garbage: ~100-150 MB that V8 keeps, committed, until it next needs room or its memory
// reducer notices the server is idle, which can take many seconds. A server that imports twice a
// month should not sit on that. When the process runs with --expose-gc (`npm start` does), one
// full collection shortly after the last heavy request gives it back (the bench's council: RSS
// ~300 MB → ~200 MB). Without the flag this does nothing.
type Gc = (options?: { type: 'major'; execution: 'async' }) => Promise<void> | void;

const SETTLE_MS = 500;
let timer: NodeJS.Timeout | null = null;

/**
 * A heavy route's hooks: its answer asks for a collection soon, and a heavy request arriving
 * meanwhile puts it off, so the pause never lands while a pack is printing (the bench makes a
 * pack, then prints it straight away).
 */
export const settleMemoryAfter = {
  onRequest: async () => {
    if (timer) clearTimeout(timer);
    timer = null;
  },
  onResponse: async () => settleMemorySoon(),
};

/** Asks for one full collection soon after the last call; calls close together share one. */
export function settleMemorySoon(): void {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void gc({ type: 'major', execution: 'async' });
  }, SETTLE_MS);
  timer.unref();
}
