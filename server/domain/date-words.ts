// Dates as people read them: "1 December 2026" in English and "1 Rhagfyr 2026" in Welsh, from the
// product's own month names. Browsers and Node builds without Welsh locale data fall back to
// English ("December 1 at 09:51 PM" appeared on a Welsh kiosk), so the words never come from
// Intl; Intl is used only to find the date and time of an instant in the council's time zone.
// Pure and dependency-free: the staff app, the kiosk, the PDFs and the server all use it.

export type DateLanguage = 'en' | 'cy';

const MONTHS: Record<DateLanguage, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  cy: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
};

const AT: Record<DateLanguage, string> = { en: 'at', cy: 'am' };

/** The month's name, 1-based: monthWord(12, 'cy') is "Rhagfyr". */
export function monthWord(month: number, lang: DateLanguage = 'en'): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

// One formatter per time zone: building one costs ~0.2 ms and pages format many dates.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and 24-hour time an instant shows on a clock in `timeZone`. */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/**
 * A calendar date in words. Takes 'YYYY-MM-DD' (a date: no time zone applies) or a full ISO
 * instant, whose date is taken in `timeZone` (the council's). Anything else comes back as given.
 */
export function dateWords(value: string, lang: DateLanguage = 'en', timeZone = 'Europe/London'): string {
  const plain = DATE_ONLY.exec(value);
  if (plain) return `${Number(plain[3])} ${monthWord(Number(plain[2]), lang)} ${plain[1]}`;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const p = wallClockIn(instant, timeZone);
  return `${p.day} ${monthWord(p.month, lang)} ${p.year}`;
}

/** "March 2026" / "Mawrth 2026" from 'YYYY-MM' or a longer date. */
export function monthYearWords(value: string, lang: DateLanguage = 'en'): string {
  const m = YEAR_MONTH.exec(value.slice(0, 7));
  if (!m) return value;
  return `${monthWord(Number(m[2]), lang)} ${m[1]}`;
}

/** The time of day: "9:51pm" in English (GOV.UK style), "21:51" in Welsh. */
function timeWords(p: WallClock, lang: DateLanguage): string {
  const minutes = String(p.minute).padStart(2, '0');
  if (lang === 'cy') return `${String(p.hour).padStart(2, '0')}:${minutes}`;
  if (p.hour === 0 && p.minute === 0) return 'midnight';
  if (p.hour === 12 && p.minute === 0) return 'midday';
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${hour12}:${minutes}${p.hour < 12 ? 'am' : 'pm'}`;
}

/** An instant in words in the council's time zone: "1 December 2026 at 9:51pm". */
export function dateTimeWords(iso: string, lang: DateLanguage = 'en', timeZone = 'Europe/London'): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = wallClockIn(instant, timeZone);
  return `${p.day} ${monthWord(p.month, lang)} ${p.year} ${AT[lang]} ${timeWords(p, lang)}`;
}
