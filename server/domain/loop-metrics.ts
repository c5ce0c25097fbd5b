// How well the loop is being closed: how long children waited for an answer, and for that answer
// to be carried back to them. Pure: rows and "today" in, figures out.
import { daysBetween, median } from './time.js';

export type LoopRow = { heardOn: string; respondedOn: string | null; fedBackOn: string | null };

export type Waiting<T> = { item: T; daysWaiting: number; overTarget: boolean };

export type LoopMetrics<T> = {
  /** Median days from heardOn to respondedOn, over answered items; null when none. */
  medianDaysToRespond: number | null;
  /** Median days from heardOn to fedBackOn, over items fed back; null when none. */
  medianDaysToFeedBack: number | null;
  answered: number;
  answeredWithinTarget: number;
  /**
   * Answered within target, out of every item whose target has been decided: answered (in time
   * or late) or still waiting past the target. Items still inside their target are not counted
   * either way, so a fresh forum does not drag the figure down. Null when nothing is decided.
   */
  shareWithinTarget: number | null;
  /** Items with no answer yet, longest wait first. */
  waiting: Waiting<T>[];
  /** Answered but not yet fed back to the children. */
  notFedBack: number;
};

export function loopMetrics<T extends LoopRow>(rows: readonly T[], today: string, targetDays: number): LoopMetrics<T> {
  const toRespond: number[] = [];
  const toFeedBack: number[] = [];
  const waiting: Waiting<T>[] = [];
  let notFedBack = 0;
  for (const row of rows) {
    if (row.respondedOn) {
      toRespond.push(daysBetween(row.heardOn, row.respondedOn));
      if (!row.fedBackOn) notFedBack++;
    } else {
      const daysWaiting = daysBetween(row.heardOn, today);
      waiting.push({ item: row, daysWaiting, overTarget: daysWaiting > targetDays });
    }
    if (row.fedBackOn) toFeedBack.push(daysBetween(row.heardOn, row.fedBackOn));
  }
  waiting.sort((a, b) => b.daysWaiting - a.daysWaiting);
  const answeredWithinTarget = toRespond.filter((d) => d <= targetDays).length;
  const waitingOverTarget = waiting.filter((w) => w.overTarget).length;
  return {
    medianDaysToRespond: median(toRespond),
    medianDaysToFeedBack: median(toFeedBack),
    answered: toRespond.length,
    answeredWithinTarget,
    shareWithinTarget: shareWithinTarget(answeredWithinTarget, toRespond.length, waitingOverTarget),
    waiting,
    notFedBack,
  };
}

/** The share answered in time, out of answered items plus those still waiting past the target. */
export function shareWithinTarget(withinTarget: number, answered: number, waitingOverTarget: number): number | null {
  const decided = answered + waitingOverTarget;
  // To a tenth of a percent: what any page shows, and 17 digits of noise were ~12% of the
  // board summary's compressed bytes.
  return decided === 0 ? null : Math.round((withinTarget / decided) * 1000) / 1000;
}

/**
 * The median of values given as [value, how many] pairs (a histogram from a GROUP BY), so large
 * councils can count days in SQL without loading every row. Same answer as median() over the
 * expanded list.
 */
export function medianOfCounts(histogram: Iterable<readonly [value: number, count: number]>): number | null {
  const bins = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // 0-based positions of the middle value(s) in the sorted, expanded list.
  const lo = (total - 1) >> 1;
  const hi = total >> 1;
  let seen = 0;
  let loValue: number | null = null;
  for (const [value, n] of bins) {
    seen += n;
    if (loValue === null && seen > lo) loValue = value;
    if (seen > hi) return (loValue! + value) / 2;
  }
  return null;
}
