// Timeouts catch hangs; they must not fail a slow but working run. Each is written for an idle
// 2-core machine and stretched by the factor vitest.config.ts works out (TEST_SLOWNESS, or how
// busy the machine was when the run started).
import { inject } from 'vitest';

export const SLOWNESS = inject('slowness');

/** `ms` as it should be on this run. */
export const scaled = (ms: number) => Math.round(ms * SLOWNESS);

/** Waits until `ready()` holds, checking every 20 ms, instead of sleeping a guessed time. */
export async function until(ready: () => boolean, what: string, ms = scaled(10_000)): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
