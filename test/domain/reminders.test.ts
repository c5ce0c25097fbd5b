import { describe, expect, it } from 'vitest';
import {
  boardCycles,
  digestsDue,
  isoWeek,
  itemsFor,
  needsDoing,
  nextPeriod,
  periodDue,
  rungsReached,
  weekdayOf,
  type ReminderData,
  type ReminderRules,
} from '../../server/domain/reminders.js';

const today = '2026-06-15'; // a Monday
const rules: ReminderRules = { today, dueSoonDays: 14, staleAfterDays: 60, answerTargetDays: 28 };
const empty: ReminderData = { commitments: [], measures: [], feedback: [], meetings: [] };
const commitment = (id: number, over: Partial<ReminderData['commitments'][number]> = {}) => ({
  id,
  title: `Commitment ${id}`,
  ownerId: 7,
  status: 'on_track',
  dueDate: '2026-12-01',
  lastTouchedOn: '2026-06-01',
  ...over,
});

describe('needsDoing: commitments', () => {
  it('finds overdue, due within 14 days and stale work, most urgent first', () => {
    const items = needsDoing(
      {
        ...empty,
        commitments: [
          commitment(1, { lastTouchedOn: '2026-04-15' }), // 61 days: stale
          commitment(2, { dueDate: '2026-06-29' }), // 14 days: due soon
          commitment(3, { dueDate: '2026-06-14' }), // yesterday: overdue
          commitment(4, { dueDate: '2026-06-30' }), // 15 days: nothing
          commitment(5, { dueDate: '2026-01-01', status: 'done' }),
        ],
      },
      rules,
    );
    expect(items.map((i) => [i.kind, i.id, i.days])).toEqual([
      ['commitment_overdue', 3, 1],
      ['commitment_due_soon', 2, 14],
      ['commitment_stale', 1, 61],
    ]);
  });

  it("uses the council's stale period", () => {
    const data = { ...empty, commitments: [commitment(1, { lastTouchedOn: '2026-05-16' })] };
    expect(needsDoing(data, rules)).toEqual([]);
    expect(needsDoing(data, { ...rules, staleAfterDays: 30 }).map((i) => i.kind)).toEqual(['commitment_stale']);
  });

  it('asks owners for an update when the board meets within 10 days and they have not updated since it last met', () => {
    const meetings = [
      { id: 1, meetingDate: '2026-05-01' },
      { id: 2, meetingDate: '2026-06-25' },
    ];
    const data = {
      ...empty,
      meetings,
      commitments: [commitment(1, { lastTouchedOn: '2026-04-20' }), commitment(2, { lastTouchedOn: '2026-05-02' })],
    };
    const items = needsDoing(data, rules);
    expect(items.filter((i) => i.kind === 'board_update').map((i) => [i.id, i.date, i.days])).toEqual([
      [1, '2026-06-25', 10],
    ]);
    // Eleven days before: not yet.
    expect(needsDoing(data, { ...rules, today: '2026-06-14' }).some((i) => i.kind === 'board_update')).toBe(false);
  });
});

describe('needsDoing: measures', () => {
  it('is due once the period after the newest figure has ended', () => {
    const m = { id: 1, name: 'Placements', ownerId: 7, latestPeriod: '2026-Q1', latestPeriodEnd: '2026-03-31' };
    expect(periodDue(m, '2026-06-30')).toBeNull();
    expect(periodDue(m, '2026-07-01')).toEqual({ period: '2026-Q2', end: '2026-06-30' });
    const items = needsDoing({ ...empty, measures: [m] }, { ...rules, today: '2026-07-05' });
    expect(items.map((i) => [i.kind, i.period, i.days])).toEqual([['measure_due', '2026-Q2', 5]]);
  });

  it('counts months, quarters and years from the label, and asks for a first figure', () => {
    expect(nextPeriod('2025-Q4')).toBe('2026-Q1');
    expect(nextPeriod('2025-26')).toBe('2026-27');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(periodDue({ latestPeriod: '2025-26', latestPeriodEnd: '2026-03-31' }, '2027-04-01')?.period).toBe('2026-27');
    expect(periodDue({ latestPeriod: '2026-05', latestPeriodEnd: '2026-05-31' }, today)).toBeNull();
    expect(periodDue({ latestPeriod: null, latestPeriodEnd: null }, today)).toEqual({ period: null, end: null });
    expect(periodDue({ latestPeriod: 'spring', latestPeriodEnd: '2026-03-31' }, today)).toBeNull();
  });
});

describe("needsDoing: feedback, by the waiting list's rule", () => {
  const item = (id: number, heardOn: string, over = {}) => ({
    id,
    title: 'Children in care council',
    heardOn,
    response: null,
    respondedOn: null,
    nextForumOn: null,
    ...over,
  });
  it('flags items nearing the answer target (7 days before), past it, and answered but not fed back', () => {
    const items = needsDoing(
      {
        ...empty,
        feedback: [
          item(1, '2026-05-25'), // 21 days: near (target 28)
          item(2, '2026-05-26'), // 20 days: not yet
          item(3, '2026-05-17'), // 29 days: over
          item(4, '2026-05-01', { response: 'did', respondedOn: '2026-06-01' }),
          item(5, '2026-05-01', { response: 'did', respondedOn: '2026-06-01', nextForumOn: '2026-06-10' }),
        ],
      },
      rules,
    );
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['feedback_over_target', 5],
      ['feedback_over_target', 3],
      ['feedback_near_target', 1],
      ['feedback_not_fed_back', 4],
    ]);
    expect(items.every((i) => i.forUserId === null)).toBe(true);
  });
});

describe('itemsFor', () => {
  it('gives a person only their own items, each once, and feedback only to participation workers', () => {
    const all = needsDoing(
      {
        ...empty,
        meetings: [
          { id: 1, meetingDate: '2026-05-01' },
          { id: 2, meetingDate: '2026-06-20' },
        ],
        commitments: [
          commitment(1, { dueDate: '2026-06-01', lastTouchedOn: '2026-04-01' }),
          commitment(2, { ownerId: 8 }),
        ],
        feedback: [
          { id: 9, title: 'Survey', heardOn: '2026-05-01', response: null, respondedOn: null, nextForumOn: null },
        ],
      },
      rules,
    );
    expect(itemsFor(all, 7, false).map((i) => [i.kind, i.id])).toEqual([['commitment_overdue', 1]]);
    expect(itemsFor(all, 8, false)).toEqual([]);
    expect(itemsFor(all, 8, true).map((i) => i.entity)).toEqual(['feedback']);
  });
});

describe('digestsDue', () => {
  it("sends the weekly digest from the council's weekday to the end of that ISO week", () => {
    expect(weekdayOf('2026-06-15')).toBe(1);
    expect(weekdayOf('2026-06-21')).toBe(7);
    expect(isoWeek('2026-06-15')).toBe('2026-W25');
    expect(isoWeek('2026-06-21')).toBe('2026-W25');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(digestsDue('2026-06-16', 3, [])).toEqual([]); // Tuesday, digest day Wednesday
    expect(digestsDue('2026-06-17', 3, [])).toEqual([{ kind: 'weekly', period: '2026-W25' }]);
    expect(digestsDue('2026-06-20', 3, [])).toEqual([{ kind: 'weekly', period: '2026-W25' }]);
  });

  it('sends a pre-board reminder 10 and 3 days before a meeting, each in its own period', () => {
    const meetings = [{ id: 4, meetingDate: '2026-06-25' }];
    const pre = (day: string) =>
      digestsDue(day, 7, meetings)
        .filter((d) => d.kind === 'pre_board')
        .map((d) => d.period);
    expect(pre('2026-06-14')).toEqual([]);
    expect(pre('2026-06-15')).toEqual(['meeting-4-10']);
    expect(pre('2026-06-21')).toEqual(['meeting-4-10']);
    expect(digestsDue('2026-06-21', 7, meetings).map((d) => d.period)).toEqual(['2026-W25', 'meeting-4-10']);
    expect(pre('2026-06-22')).toEqual(['meeting-4-3']);
    expect(pre('2026-06-25')).toEqual(['meeting-4-3']);
    expect(pre('2026-06-26')).toEqual([]);
  });
});

describe('the escalation ladder', () => {
  const meetings = [
    { id: 1, meetingDate: '2026-01-10' },
    { id: 2, meetingDate: '2026-03-10' },
    { id: 3, meetingDate: '2026-05-10' },
  ];
  const ladder = { manager: 1, director: 2, chair: 3 };
  it('counts board cycles overdue, then climbs one rung a cycle', () => {
    const c = { dueDate: '2026-02-01', status: 'on_track' };
    expect(boardCycles(c, meetings.slice(0, 1), new Set())).toBe(0);
    expect(boardCycles(c, meetings.slice(0, 2), new Set())).toBe(1);
    expect(rungsReached(1, ladder)).toEqual(['manager']);
    expect(boardCycles(c, meetings, new Set())).toBe(2);
    expect(rungsReached(2, ladder)).toEqual(['manager', 'director']);
    expect(boardCycles({ dueDate: '2025-12-01', status: 'at_risk' }, meetings, new Set())).toBe(3);
    expect(rungsReached(3, ladder)).toEqual(['manager', 'director', 'chair']);
    expect(boardCycles({ dueDate: '2025-12-01', status: 'done' }, meetings, new Set())).toBe(0);
  });

  it('counts cycles in a row rated red, and a green cycle breaks the run', () => {
    const c = { dueDate: '2027-01-01', status: 'on_track' };
    expect(boardCycles(c, meetings, new Set([2, 3]))).toBe(2);
    expect(boardCycles(c, meetings, new Set([1, 3]))).toBe(1);
    expect(rungsReached(5, { manager: 2, director: 0, chair: 4 })).toEqual(['manager', 'chair']);
  });
});
