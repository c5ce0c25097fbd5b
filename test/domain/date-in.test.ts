// dateIn keeps one answer per quarter hour of UTC; it must always agree with asking Intl afresh.
import { describe, expect, it } from 'vitest';
import { dateIn } from '../../server/domain/time.js';

const formats = new Map<string, Intl.DateTimeFormat>();
/** Intl asked afresh each time (only its formatter kept: making one is the slow part). */
const fresh = (instant: Date, timeZone: string) => {
  let format = formats.get(timeZone);
  if (!format)
    formats.set(
      timeZone,
      (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return format.format(instant);
};

describe('dateIn', () => {
  it('gives the date in the zone either side of midnight, in winter and in summer time', () => {
    expect(dateIn(new Date('2026-01-15T23:59:59Z'), 'Europe/London')).toBe('2026-01-15');
    expect(dateIn(new Date('2026-01-16T00:00:00Z'), 'Europe/London')).toBe('2026-01-16');
    expect(dateIn(new Date('2026-07-15T22:59:59Z'), 'Europe/London')).toBe('2026-07-15');
    expect(dateIn(new Date('2026-07-15T23:00:00Z'), 'Europe/London')).toBe('2026-07-16');
    // The same instant, asked for another zone straight after, is that zone's date.
    expect(dateIn(new Date('2026-07-15T23:00:00Z'), 'America/New_York')).toBe('2026-07-15');
  });

  it('agrees with Intl every eleven minutes through a year, clock changes and odd offsets included', () => {
    const zones = ['Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
    const start = Date.parse('2026-01-01T00:00:00Z');
    const step = 11 * 60 * 1000;
    let checked = 0;
    for (let t = start; t < start + 366 * 86_400_000; t += step)
      for (const zone of zones) {
        const instant = new Date(t);
        const [got, want] = [dateIn(instant, zone), fresh(instant, zone)];
        if (got !== want)
          expect({ at: instant.toISOString(), zone, got }).toEqual({ at: instant.toISOString(), zone, got: want });
        checked++;
      }
    expect(checked).toBeGreaterThan(200_000);
  });
});
