// Loop measures over feedback items: how long children waited for an answer and for it to be
// fed back, grouped by forum, theme or quarter heard. Pure: the rows and "today" come in.
import type { LoopGroupBy, LoopMeasureRow } from '../contracts/index.js';
import { daysBetween, median } from '../domain/time.js';
import { shareWithinTarget } from '../domain/loop-metrics.js';
import type { LoopMeasureSource } from '../../db/repositories/feedback-workflow.js';

/** Calendar quarter of a date, e.g. '2026-Q2'. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** Loop figures over one group of items. */
export function loopRow(
  key: string,
  label: string,
  rows: readonly LoopMeasureSource[],
  today: string,
  targetDays: number,
): LoopMeasureRow {
  const toAnswer: number[] = [];
  const toFeedBack: number[] = [];
  let withinTarget = 0;
  let overdue = 0;
  let waitingWithin = 0;
  let linked = 0;
  for (const r of rows) {
    if (r.linkedToCommitment) linked++;
    if (r.respondedOn) {
      const d = daysBetween(r.heardOn, r.respondedOn);
      toAnswer.push(d);
      if (d <= targetDays) withinTarget++;
    } else if (daysBetween(r.heardOn, today) > targetDays) overdue++;
    else waitingWithin++;
    if (r.fedBackOn) toFeedBack.push(daysBetween(r.heardOn, r.fedBackOn));
  }
  return {
    key,
    label,
    items: rows.length,
    answered: toAnswer.length,
    answeredWithinTarget: withinTarget,
    shareWithinTarget: shareWithinTarget(withinTarget, toAnswer.length, overdue),
    medianDaysToAnswer: median(toAnswer),
    medianDaysToFeedBack: median(toFeedBack),
    linkedToCommitment: linked,
    shareLinkedToCommitment: rows.length === 0 ? null : linked / rows.length,
    neverAnswered: overdue,
    waitingWithinTarget: waitingWithin,
  };
}

/** Groups items by forum, theme (an item linked to two themes counts in both) or quarter heard. */
export function groupLoop(
  rows: readonly LoopMeasureSource[],
  by: LoopGroupBy,
  labels: (key: string) => string,
  today: string,
  targetDays: number,
): LoopMeasureRow[] {
  const groups = new Map<string, LoopMeasureSource[]>();
  const put = (key: string, r: LoopMeasureSource) => {
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  };
  for (const r of rows) {
    if (by === 'forum') put(r.forumId ?? '', r);
    else if (by === 'quarter') put(quarterOf(r.heardOn), r);
    else if (r.themeIds.length === 0) put('', r);
    else for (const t of r.themeIds) put(String(t), r);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true })))
    .map(([key, group]) => loopRow(key, labels(key), group, today, targetDays));
}
