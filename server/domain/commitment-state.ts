// What state a commitment is in: the one rule for closed, open and overdue, used by every route,
// pack, export and rule (db/repositories/commitment-state.ts is the same rule in SQL).
import type { CommitmentStatus } from '../contracts/commitments.js';

/** Finished with: done or dropped. Never overdue, stale or in need of attention. */
export const CLOSED_STATUSES = ['done', 'dropped'] as const satisfies readonly CommitmentStatus[];

export function isClosed(status: string): boolean {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

/** Due before `today` (YYYY-MM-DD, the council's day) and not closed. */
export function isOverdue(c: { status: string; dueDate: string }, today: string): boolean {
  return !isClosed(c.status) && c.dueDate < today;
}
