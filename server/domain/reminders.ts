// Who needs to do what, and when: the one place reminders, digests, the "needs doing" list and
// the escalation ladder are worked out. Pure: the data, "today" (a date in the council's zone)
// and the council's settings come in as arguments; no I/O, no clock.
//
// No item carries a child's words: commitments and measures by their staff title, feedback by
// where it was heard and when. Emails are built from these items alone.
import { attentionOf } from './action-attention.js';
import { addDays, daysBetween } from './time.js';
import { waitingState } from './waiting-state.js';

export type ReminderKind =
  | 'commitment_overdue'
  | 'feedback_over_target'
  | 'board_update'
  | 'commitment_due_soon'
  | 'feedback_near_target'
  | 'feedback_not_fed_back'
  | 'measure_due'
  | 'commitment_stale';

/** Most urgent first: the order every digest and list uses. */
export const REMINDER_ORDER: readonly ReminderKind[] = [
  'commitment_overdue',
  'feedback_over_target',
  'board_update',
  'commitment_due_soon',
  'feedback_near_target',
  'feedback_not_fed_back',
  'measure_due',
  'commitment_stale',
];

export type NeedsDoing = {
  kind: ReminderKind;
  entity: 'commitment' | 'measure' | 'feedback';
  id: number;
  /** A commitment's or measure's staff title; for feedback, where it was heard. Never a child's words. */
  title: string;
  /** The person it is for; null: the participation workers (feedback is the team's list). */
  forUserId: number | null;
  /** The date it turns on: due date, end of the period due, the day heard, the board's meeting. */
  date: string | null;
  /** Days overdue, days left, days since the last update or days waiting, by kind. */
  days: number;
  /** For a measure: the period whose figure is due. */
  period?: string;
};

export type ReminderCommitment = {
  id: number;
  title: string;
  ownerId: number | null;
  status: string;
  dueDate: string;
  /** The council-zone date of the last update, or of creation when never updated. */
  lastTouchedOn: string;
};
export type ReminderMeasure = {
  id: number;
  name: string;
  ownerId: number | null;
  /** The label and end date of the newest figure ('2026-Q1', '2025-26', '2026-03'), null when none. */
  latestPeriod: string | null;
  latestPeriodEnd: string | null;
};
export type ReminderFeedback = {
  id: number;
  /** Where it was heard (the forum's name or the source), never what was said. */
  title: string;
  heardOn: string;
  response: string | null;
  respondedOn: string | null;
  /** For an answered item: the first meeting of its forum since the answer, if one has been held. */
  nextForumOn: string | null;
};
export type ReminderMeeting = { id: number; meetingDate: string };

export type ReminderData = {
  commitments: readonly ReminderCommitment[];
  measures: readonly ReminderMeasure[];
  /** Items not yet fed back to the children. */
  feedback: readonly ReminderFeedback[];
  meetings: readonly ReminderMeeting[];
};

export type ReminderRules = {
  today: string;
  dueSoonDays: number;
  staleAfterDays: number;
  answerTargetDays: number;
};

/** Feedback is "nearing" its answer target this many days before it. */
export const NEAR_TARGET_DAYS = 7;
/** Owners are asked for an update when the board meets within this many days. */
export const BOARD_NOTICE_DAYS = 10;
/** The pre-board reminders: 10 and 3 days before a meeting. */
export const PRE_BOARD_DAYS = [10, 3] as const;

const rank = (k: ReminderKind) => REMINDER_ORDER.indexOf(k);

export function byUrgency(a: NeedsDoing, b: NeedsDoing): number {
  const r = rank(a.kind) - rank(b.kind);
  if (r !== 0) return r;
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
  return a.id - b.id;
}

/** The board's next meeting within `BOARD_NOTICE_DAYS` (today counts), and the one before today. */
export function boardWindow(meetings: readonly ReminderMeeting[], today: string) {
  const sorted = [...meetings].sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : 1));
  const next = sorted.find((m) => m.meetingDate >= today && m.meetingDate <= addDays(today, BOARD_NOTICE_DAYS));
  const last = sorted.filter((m) => m.meetingDate < today).at(-1);
  return { next, last };
}

/** Everything that needs doing today, for everyone, most urgent first. */
export function needsDoing(data: ReminderData, rules: ReminderRules): NeedsDoing[] {
  const { today } = rules;
  const out: NeedsDoing[] = [];
  const { next, last } = boardWindow(data.meetings, today);

  for (const c of data.commitments) {
    const attention = attentionOf(c, rules);
    const base = { entity: 'commitment' as const, id: c.id, title: c.title, forUserId: c.ownerId };
    if (attention === 'overdue')
      out.push({ ...base, kind: 'commitment_overdue', date: c.dueDate, days: daysBetween(c.dueDate, today) });
    else if (attention === 'due_soon')
      out.push({ ...base, kind: 'commitment_due_soon', date: c.dueDate, days: daysBetween(today, c.dueDate) });
    else if (attention === 'stale')
      out.push({ ...base, kind: 'commitment_stale', date: c.lastTouchedOn, days: daysBetween(c.lastTouchedOn, today) });
    // Open and not touched since the board last met, with the board meeting again soon.
    const open = c.status !== 'done' && c.status !== 'dropped';
    if (open && next && last && c.lastTouchedOn < last.meetingDate)
      out.push({ ...base, kind: 'board_update', date: next.meetingDate, days: daysBetween(today, next.meetingDate) });
  }

  for (const m of data.measures) {
    const due = periodDue(m, today);
    if (due)
      out.push({
        kind: 'measure_due',
        entity: 'measure',
        id: m.id,
        title: m.name,
        forUserId: m.ownerId,
        date: due.end,
        days: due.end ? daysBetween(due.end, today) : 0,
        period: due.period ?? undefined,
      });
  }

  for (const f of data.feedback) {
    const state = waitingState(f, today, rules.answerTargetDays, f.nextForumOn);
    const base = { entity: 'feedback' as const, id: f.id, title: f.title, forUserId: null, date: f.heardOn };
    if (state.stage === 'unanswered') {
      if (state.overTarget) out.push({ ...base, kind: 'feedback_over_target', days: state.daysWaiting });
      else if (state.daysWaiting >= rules.answerTargetDays - NEAR_TARGET_DAYS)
        out.push({ ...base, kind: 'feedback_near_target', days: state.daysWaiting });
    } else {
      // Answered, not yet carried back: late once its forum has met since (the waiting list's rule).
      out.push({
        ...base,
        kind: state.overTarget ? 'feedback_over_target' : 'feedback_not_fed_back',
        days: state.daysWaiting,
      });
    }
  }
  return out.sort(byUrgency);
}

/**
 * What one person sees: their own items, and the team's feedback list when they are a
 * participation worker. A thing is listed once, under its most urgent reason.
 */
export function itemsFor(all: readonly NeedsDoing[], userId: number, participation: boolean): NeedsDoing[] {
  const seen = new Set<string>();
  const mine: NeedsDoing[] = [];
  for (const item of [...all].sort(byUrgency)) {
    const theirs =
      item.forUserId === userId || (item.forUserId === null && item.entity === 'feedback' && participation);
    const key = `${item.entity}:${item.id}`;
    if (!theirs || seen.has(key)) continue;
    seen.add(key);
    mine.push(item);
  }
  return mine;
}

// ---- Measures: which period's figure is due ----

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})-(\d{2})$/;

/** Months a period covers, from its label: '2026-Q1' 3, '2025-26' 12, '2026-03' 1; null if unknown. */
export function periodMonths(label: string): number | null {
  if (QUARTER.test(label)) return 3;
  const y = YEAR.exec(label);
  if (!y) return null;
  const [year, tail] = [Number(y[1]), Number(y[2])];
  // '2025-26' is a year (the two digits follow the first year); '2025-09' is a month.
  if (tail === (year + 1) % 100) return 12;
  return tail >= 1 && tail <= 12 ? 1 : null;
}

/** The label of the period after this one, in the same form. */
export function nextPeriod(label: string): string | null {
  const q = QUARTER.exec(label);
  if (q) {
    const [year, quarter] = [Number(q[1]), Number(q[2])];
    return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
  }
  const months = periodMonths(label);
  const y = YEAR.exec(label);
  if (!y || months === null) return null;
  const year = Number(y[1]);
  if (months === 12) return `${year + 1}-${String((year + 2) % 100).padStart(2, '0')}`;
  const month = Number(y[2]);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The last day of the month `months` after the month of `date` (YYYY-MM-DD). */
export function monthEndAfter(date: string, months: number): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const first = Date.UTC(y, m - 1 + months + 1, 1);
  return new Date(first - 86_400_000).toISOString().slice(0, 10);
}

/**
 * A measure's figure is due when the period after its newest figure has ended and has no figure;
 * a measure with no figure at all is due at once. Null when nothing is due, or the period's
 * form is not one we can count on from.
 */
export function periodDue(
  m: Pick<ReminderMeasure, 'latestPeriod' | 'latestPeriodEnd'>,
  today: string,
): { period: string | null; end: string | null } | null {
  if (m.latestPeriod === null || m.latestPeriodEnd === null) return { period: null, end: null };
  const months = periodMonths(m.latestPeriod);
  const period = nextPeriod(m.latestPeriod);
  if (months === null || period === null) return null;
  const end = monthEndAfter(m.latestPeriodEnd, months);
  return end < today ? { period, end } : null;
}

// ---- When digests go out ----

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The ISO week a date falls in, as '2026-W25': the period a weekly digest is sent once in. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (4 - weekdayOf(date)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type DigestDue =
  | { kind: 'weekly'; period: string }
  | { kind: 'pre_board'; period: string; meetingId: number; meetingDate: string; daysBefore: number };

/**
 * Which digests are due today. The weekly one from the council's weekday to the end of that week
 * (so a server that was down on the day still sends it, once); the pre-board ones from 10 and
 * from 3 days before each meeting until the next reminder or the meeting.
 */
export function digestsDue(today: string, digestWeekday: number, meetings: readonly ReminderMeeting[]): DigestDue[] {
  const due: DigestDue[] = [];
  if (weekdayOf(today) >= digestWeekday) due.push({ kind: 'weekly', period: isoWeek(today) });
  for (const m of meetings) {
    const left = daysBetween(today, m.meetingDate);
    if (left < 0) continue;
    const step = PRE_BOARD_DAYS.find((d, i) => left <= d && left > (PRE_BOARD_DAYS[i + 1] ?? -1));
    if (step !== undefined)
      due.push({
        kind: 'pre_board',
        period: `meeting-${m.id}-${step}`,
        meetingId: m.id,
        meetingDate: m.meetingDate,
        daysBefore: step,
      });
  }
  return due;
}

// ---- The escalation ladder ----

export type Rung = 'manager' | 'director' | 'chair';
export const RUNGS: readonly Rung[] = ['manager', 'director', 'chair'];
export type Ladder = Record<Rung, number>;

/**
 * How many board cycles in a row, counting back from the latest meeting held, a commitment has
 * been overdue (due before the meeting) or its promise rated red at the meeting.
 */
export function boardCycles(
  c: { dueDate: string; status: string },
  heldMeetings: readonly ReminderMeeting[],
  redAt: ReadonlySet<number>,
): number {
  if (c.status === 'done' || c.status === 'dropped') return 0;
  const newestFirst = [...heldMeetings].sort((a, b) => (a.meetingDate < b.meetingDate ? 1 : -1));
  let cycles = 0;
  for (const m of newestFirst) {
    if (c.dueDate < m.meetingDate || redAt.has(m.id)) cycles++;
    else break;
  }
  return cycles;
}

/** The rungs a commitment has reached after this many cycles, lowest first. */
export function rungsReached(cycles: number, ladder: Ladder): Rung[] {
  return RUNGS.filter((r) => ladder[r] > 0 && cycles >= ladder[r]);
}
