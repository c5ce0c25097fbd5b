// The collection asked for after a heavy request: once, half a second after the last answer, put
// off by a heavy request arriving meanwhile, and nothing at all without --expose-gc.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleMemoryAfter, settleMemorySoon } from '../server/workers/settle-memory.js';

const g = globalThis as { gc?: unknown };

describe('settling memory after heavy work', () => {
  const before = g.gc;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    g.gc = before;
  });

  it('collects once, half a second after the last of several answers', async () => {
    const gc = vi.fn();
    g.gc = gc;
    await settleMemoryAfter.onResponse();
    vi.advanceTimersByTime(300);
    settleMemorySoon();
    vi.advanceTimersByTime(499);
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gc).toHaveBeenCalledTimes(1);
    expect(gc).toHaveBeenCalledWith({ type: 'major', execution: 'async' });
  });

  it('puts it off while another heavy request runs, until that one answers', async () => {
    const gc = vi.fn();
    g.gc = gc;
    await settleMemoryAfter.onResponse();
    await settleMemoryAfter.onRequest();
    vi.advanceTimersByTime(5_000);
    expect(gc).not.toHaveBeenCalled();
    await settleMemoryAfter.onResponse();
    vi.advanceTimersByTime(500);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the server runs without --expose-gc', () => {
    g.gc = undefined;
    settleMemorySoon();
    expect(vi.getTimerCount()).toBe(0);
  });
});
