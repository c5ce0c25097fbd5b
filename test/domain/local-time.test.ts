import { describe, expect, it } from 'vitest';
import { instantFromLocal, minutesOfDay } from '../../server/domain/local-time.js';

const LONDON = 'Europe/London';

describe('a date and time typed in the council’s zone', () => {
  it('is the same instant in winter (GMT) and an hour earlier in UTC in summer (BST)', () => {
    expect(instantFromLocal('2026-01-15', '10:30', LONDON)).toBe('2026-01-15T10:30:00.000Z');
    expect(instantFromLocal('2026-06-15', '10:30', LONDON)).toBe('2026-06-15T09:30:00.000Z');
    expect(instantFromLocal('2026-06-15', '0:05', LONDON)).toBe('2026-06-14T23:05:00.000Z');
  });

  it('reads either side of the spring change (29 March 2026, 01:00 GMT → 02:00 BST)', () => {
    expect(instantFromLocal('2026-03-29', '00:59', LONDON)).toBe('2026-03-29T00:59:00.000Z');
    expect(instantFromLocal('2026-03-29', '03:00', LONDON)).toBe('2026-03-29T02:00:00.000Z');
    // 01:30 never happens that night: the clock went from 00:59 to 02:00. Read as 02:30 BST.
    expect(instantFromLocal('2026-03-29', '01:30', LONDON)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads either side of the autumn change (25 October 2026, 02:00 BST → 01:00 GMT)', () => {
    expect(instantFromLocal('2026-10-25', '00:30', LONDON)).toBe('2026-10-24T23:30:00.000Z');
    // 01:30 happens twice: the first, in summer time.
    expect(instantFromLocal('2026-10-25', '01:30', LONDON)).toBe('2026-10-25T00:30:00.000Z');
    expect(instantFromLocal('2026-10-25', '02:30', LONDON)).toBe('2026-10-25T02:30:00.000Z');
  });

  it('works in other zones, and refuses what is not a real date or time', () => {
    expect(instantFromLocal('2026-07-01', '12:00', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(instantFromLocal('2026-02-31', '10:00', LONDON)).toBeNull();
    expect(instantFromLocal('2026-06-15', '24:00', LONDON)).toBeNull();
    expect(instantFromLocal('2026-06-15', '10:60', LONDON)).toBeNull();
    expect(instantFromLocal('15/06/2026', '10:00', LONDON)).toBeNull();
    expect(minutesOfDay('9:05')).toBe(545);
    expect(minutesOfDay('9.05')).toBeNull();
  });
});
