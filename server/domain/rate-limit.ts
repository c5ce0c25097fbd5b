// A fixed-window counter per key, with time passed in so tests can pin it.
export class WindowLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; true when the key is still within its limit. */
  attempt(key: string, nowMs: number): boolean {
    const entry = this.hits.get(key);
    if (!entry || nowMs - entry.start >= this.windowMs) {
      this.hits.set(key, { start: nowMs, count: 1 });
      this.prune(nowMs);
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  isBlocked(key: string, nowMs: number): boolean {
    const entry = this.hits.get(key);
    return !!entry && nowMs - entry.start < this.windowMs && entry.count >= this.limit;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(nowMs: number) {
    if (this.hits.size < 10_000) return;
    for (const [key, entry] of this.hits) if (nowMs - entry.start >= this.windowMs) this.hits.delete(key);
  }
}

/** Failed sign-ins in a row an account may have before each further try must wait. */
export const FREE_SIGN_IN_FAILURES = 5;
/** The first wait, doubled for each further failure, up to MAX_SIGN_IN_DELAY_MS. */
export const FIRST_SIGN_IN_DELAY_MS = 1_000;
export const MAX_SIGN_IN_DELAY_MS = 15 * 60_000;

/**
 * How long an account must wait after its `failures`-th failed sign-in in a row: nothing for the
 * first few, then 1 s, 2 s, 4 s … capped at 15 minutes. The wait is a delay, not a lock: once it
 * has passed the right password always works, so a stranger guessing at a named account slows
 * guesses down without shutting its owner out for long.
 */
export function signInDelayMs(failures: number): number {
  if (failures < FREE_SIGN_IN_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_SIGN_IN_FAILURES, 30);
  return Math.min(FIRST_SIGN_IN_DELAY_MS * 2 ** doublings, MAX_SIGN_IN_DELAY_MS);
}
