// The commitment-state rule of server/domain/commitment-state.ts as SQL conditions, for queries
// that filter or count by it.
import { and, inArray, lt, notInArray, or, gte, type SQL } from 'drizzle-orm';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../../server/domain/commitment-state.js';
import { commitments } from '../schema.js';

export const openCommitment = (): SQL => inArray(commitments.status, [...OPEN_STATUSES]);

export const overdueCommitment = (today: string): SQL =>
  and(lt(commitments.dueDate, today), notInArray(commitments.status, [...CLOSED_STATUSES]))!;

export const notOverdueCommitment = (today: string): SQL =>
  or(gte(commitments.dueDate, today), inArray(commitments.status, [...CLOSED_STATUSES]))!;
