// Dates on staff pages, in words and in the council's time zone (from the session):
// "1 December 2026", "1 December 2026 at 9:51pm". The words come from server/domain/date-words.ts,
// the one module every surface writes dates with.
import { dateTimeWords, dateWords, wallClockIn } from '../server/domain/date-words.js';
import { session } from './session.js';

const zone = () => session()?.timeZone ?? 'Europe/London';

/** A date ('YYYY-MM-DD') or the date of an instant, in words. */
export function day(value: string): string {
  return dateWords(value, 'en', zone());
}

/** An instant in words with its time of day. */
export function dayTime(iso: string): string {
  return dateTimeWords(iso, 'en', zone());
}

/**
 * The council's date today, as the server's clock and the council's time zone give it in the
 * session answer: never this device's UTC date (which is a day out near midnight) nor its own
 * zone. A session ends after an idle spell, so the date is at most that stale across midnight.
 */
export function today(): string {
  return session()?.today ?? '';
}

/** The time of day now ('HH:MM', 24-hour) on a clock in the council's zone, wherever this device is. */
export function timeNow(): string {
  const c = wallClockIn(new Date(), zone());
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
}
