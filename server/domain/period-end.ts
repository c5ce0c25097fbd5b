// The last day of a reporting period, worked out from its name as councils write it. Pure.
//
//   "2016"                        a calendar year             → 2016-12-31
//   "2016/17", "2016-17", "2016/2017"
//                                 a financial year            → 2017-03-31
//   "Q4 2026", "2026-Q4", "2026 Q4"
//                                 a calendar quarter          → 2026-12-31
//   "Q1 2026/27", "2026-27 Q1"    a quarter of a financial year (Q1 is April to June) → 2026-06-30
//   "March 2026", "Mar 2026", "2026-03"
//                                 a month                     → 2026-03-31
//
// A year range is read as a financial year (1 April to 31 March), the year children's social care
// figures are published for. Anything else (a school year, "Spring term 2026", "2025 H1") gives
// null: its end must be typed.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The last day of month `m` (1-12) of year `y`, as YYYY-MM-DD. */
function lastDay(y: number, m: number): string {
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2016/17", "2016-17", "2016–17" or "2016/2017": the first year, when the second follows it. */
function financialYearStart(text: string): number | null {
  const m = /^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const follows = m[2]!.length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows ? start : null;
}

/** A month's number from its name or a short form of at least three letters ("Sept"). */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i === -1 ? null : i + 1;
}

/** The end of the period named `name`, or null when the name does not say it plainly. */
export function periodEnd(name: string): string | null {
  const text = name.trim().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})$/.exec(text))) return `${m[1]}-12-31`;

  const fy = financialYearStart(text);
  if (fy !== null) return `${fy + 1}-03-31`;

  // A quarter: "Q4 2026", "2026-Q4", "2026 Q4", "Q4-2026", or of a financial year "Q1 2026/27".
  m = /^Q([1-4])[\s-]*(.+)$/i.exec(text) ?? /^(.+?)[\s-]*Q([1-4])$/i.exec(text);
  if (m) {
    const [q, year] = /^Q/i.test(text) ? [Number(m[1]), m[2]!] : [Number(m[2]), m[1]!];
    if (/^\d{4}$/.test(year)) return lastDay(Number(year), q * 3);
    const start = financialYearStart(year);
    if (start !== null) return q === 4 ? lastDay(start + 1, 3) : lastDay(start, q * 3 + 3);
    return null;
  }

  // A month: "2026-03", "March 2026", "Mar 2026", "2026 March".
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? lastDay(Number(m[1]), month) : null;
  }
  m = /^([A-Za-z]+\.?) (\d{4})$/.exec(text) ?? /^(\d{4}) ([A-Za-z]+)$/.exec(text);
  if (m) {
    const [word, year] = /^\d/.test(text) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const month = monthNumber(word);
    return month === null ? null : lastDay(Number(year), month);
  }
  return null;
}
