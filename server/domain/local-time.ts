// A date and a time of day as a person in the council types them ("15 June 2026, 10:30" in
// Europe/London) turned into the instant they mean, so nobody types "2026-06-15T10:30:00Z". Pure:
// Intl gives the zone's offset at an instant; no clock, no I/O.

import { wallClockIn } from './date-words.js';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' (24-hour, the hour may be one digit) → minutes since midnight, or null when not a time. */
export function minutesOfDay(time: string): number | null {
  const m = TIME.exec(time.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The zone's offset from UTC at an instant, in minutes (London: 0 in winter, 60 in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const c = wallClockIn(new Date(ms), timeZone);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The instant (UTC ISO) that a wall-clock date ('YYYY-MM-DD') and time ('HH:MM') mean in
 * `timeZone`. At the autumn clock change, when 01:30 happens twice, it is the first (summer
 * time); in the spring gap, when 01:30 never happens, it is the time an hour on (02:30 summer
 * time), as a clock put forward would read. Null when the date or time is not real.
 */
export function instantFromLocal(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const minutes = minutesOfDay(time);
  if (!d || minutes === null) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Try the offsets in force just before and just after: the earlier reading wins when both fit.
  const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)];
  for (const offset of candidates.sort((a, b) => b - a)) {
    const ms = wall - offset * 60_000;
    if (offsetAt(ms, timeZone) === offset) return new Date(ms).toISOString();
  }
  // In the spring gap no offset fits: read it with the offset from before the change.
  return new Date(wall - Math.min(...candidates) * 60_000).toISOString();
}
