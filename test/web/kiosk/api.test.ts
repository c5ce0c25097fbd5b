// When the kiosk may show what its service worker kept: fresh answers always; kept ones only while
// they are at most a day old, and never one the worker did not stamp with when it was saved.
import { describe, expect, it } from 'vitest';
import { isStale, STALE_AFTER_MS } from '../../../web/kiosk/api.js';

const now = Date.parse('2026-06-15T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('isStale', () => {
  it('never calls a fresh answer stale, however old its stamp', () => {
    expect(isStale(false, ago(10 * STALE_AFTER_MS), now)).toBe(false);
    expect(isStale(false, null, now)).toBe(false);
  });

  it('shows a kept answer up to a day old, and not a moment older', () => {
    expect(isStale(true, ago(60_000), now)).toBe(false);
    expect(isStale(true, ago(STALE_AFTER_MS), now)).toBe(false);
    expect(isStale(true, ago(STALE_AFTER_MS + 1000), now)).toBe(true);
  });

  it('treats a kept answer with no readable stamp as stale', () => {
    expect(isStale(true, null, now)).toBe(true);
    expect(isStale(true, 'yesterday', now)).toBe(true);
  });
});
