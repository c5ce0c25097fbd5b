// Which commitments need their owner's attention, and in what order. Pure: no I/O; "today" and
// the council's settings come in as arguments.
import { addDays, daysBetween } from './time.js';
import { isClosed } from './commitment-state.js';

export type Attention = 'overdue' | 'due_soon' | 'stale' | 'none';

export type AttentionInput = {
  status: string;
  dueDate: string;
  /** The council-zone date of the last update, or of creation when there has been none. */
  lastTouchedOn: string;
};

export type AttentionRules = { today: string; dueSoonDays: number; staleAfterDays: number };

/** The order "My actions" lists them in: overdue first, then due soon, then stale. */
export const ATTENTION_ORDER: readonly Attention[] = ['overdue', 'due_soon', 'stale', 'none'];

/**
 * Overdue: due before today and not finished. Due soon: due today or within `dueSoonDays`.
 * Stale: no update for `staleAfterDays` days or more. A commitment gets the most urgent one.
 * Done or dropped commitments never need attention.
 */
export function attentionOf(c: AttentionInput, rules: AttentionRules): Attention {
  if (isClosed(c.status)) return 'none';
  if (c.dueDate < rules.today) return 'overdue';
  if (c.dueDate <= addDays(rules.today, rules.dueSoonDays)) return 'due_soon';
  if (daysSinceUpdate(c, rules.today) >= rules.staleAfterDays) return 'stale';
  return 'none';
}

export function daysSinceUpdate(c: Pick<AttentionInput, 'lastTouchedOn'>, today: string): number {
  return daysBetween(c.lastTouchedOn, today);
}

/** Also stale, whatever else: for the admin page, which lists overdue and stale items apart. */
export function isStale(c: AttentionInput, rules: AttentionRules): boolean {
  return !isClosed(c.status) && daysSinceUpdate(c, rules.today) >= rules.staleAfterDays;
}

export function byAttention<T extends { attention: Attention; dueDate: string; id: number }>(a: T, b: T): number {
  const rank = ATTENTION_ORDER.indexOf(a.attention) - ATTENTION_ORDER.indexOf(b.attention);
  if (rank !== 0) return rank;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id - b.id;
}
