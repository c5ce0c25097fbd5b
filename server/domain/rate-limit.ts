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
