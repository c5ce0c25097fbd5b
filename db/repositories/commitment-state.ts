// The commitment-state rule of server/domain/commitment-state.ts (closed, open, overdue) as SQL
// conditions, for queries that filter or count by it. db/ imports nothing from server/, so the
// statuses are named here too; test/db/commitment-state.test.ts holds the two to one answer.
import { and, inArray, lt, notInArray, or, gte, type SQL } from 'drizzle-orm';
import { commitments } from '../schema.js';

type Status = typeof commitments.$inferSelect.status;
export const CLOSED_COMMITMENT_STATUSES = ['done', 'dropped'] as const satisfies readonly Status[];
const OPEN_COMMITMENT_STATUSES = [
  'not_started',
  'on_track',
  'at_risk',
  'off_track',
] as const satisfies readonly Status[];

export const openCommitment = (): SQL => inArray(commitments.status, [...OPEN_COMMITMENT_STATUSES]);

export const closedCommitment = (): SQL => inArray(commitments.status, [...CLOSED_COMMITMENT_STATUSES]);

export const overdueCommitment = (today: string): SQL =>
  and(lt(commitments.dueDate, today), notInArray(commitments.status, [...CLOSED_COMMITMENT_STATUSES]))!;

export const notOverdueCommitment = (today: string): SQL => or(gte(commitments.dueDate, today), closedCommitment())!;
