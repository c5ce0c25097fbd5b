import { describe, expect, it } from 'vitest';
import { dateTimeWords, dateWords, monthWord, monthYearWords } from '../../server/domain/date-words.js';

describe('dates in words', () => {
  it('writes a plain date the British way, and in Welsh from the product’s own month names', () => {
    expect(dateWords('2026-12-01')).toBe('1 December 2026');
    expect(dateWords('2026-12-01', 'cy')).toBe('1 Rhagfyr 2026');
    expect(dateWords('2026-02-28', 'cy')).toBe('28 Chwefror 2026');
    expect(monthWord(3, 'cy')).toBe('Mawrth');
  });

  it('takes an instant’s date in the council’s time zone, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(dateWords('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(dateWords('2026-06-30T23:30:00Z', 'en', 'UTC')).toBe('30 June 2026');
  });

  it('writes times GOV.UK style in English and 24-hour in Welsh', () => {
    expect(dateTimeWords('2026-12-01T21:51:00Z')).toBe('1 December 2026 at 9:51pm');
    expect(dateTimeWords('2026-12-01T21:51:00Z', 'cy')).toBe('1 Rhagfyr 2026 am 21:51');
    expect(dateTimeWords('2026-12-01T12:00:00Z')).toBe('1 December 2026 at midday');
    expect(dateTimeWords('2026-06-15T09:05:00Z')).toBe('15 June 2026 at 10:05am');
  });

  it('names a month and year, and leaves what it cannot read as it was', () => {
    expect(monthYearWords('2026-03')).toBe('March 2026');
    expect(monthYearWords('2026-03-14', 'cy')).toBe('Mawrth 2026');
    expect(dateWords('not a date')).toBe('not a date');
    expect(monthYearWords('soon')).toBe('soon');
  });
});
