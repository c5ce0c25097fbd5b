// Time is explicit: instants are UTC ISO strings, dates are YYYY-MM-DD in the council's zone.
import { wallClockIn } from './date-words.js';

export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

// "Today" is asked for on most requests: keep the last answer per time zone (a council has
// one; the map stays tiny), read from the one wall-clock formatter in date-words.ts.
const zones = new Map<string, { block: number; date: string }>();

/**
 * Every UTC offset in use, and every clock change, falls on a quarter hour, so an instant's date
 * in any zone is the same throughout its quarter hour of UTC: work it out once per quarter.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function dateIn(instant: Date, timeZone: string): string {
  const block = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const kept = zones.get(timeZone);
  if (kept?.block === block) return kept.date;
  const c = wallClockIn(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${c.year}-${two(c.month)}-${two(c.day)}`;
  zones.set(timeZone, { block, date });
  return date;
}

/** Whole days from one date to another (both YYYY-MM-DD); negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
