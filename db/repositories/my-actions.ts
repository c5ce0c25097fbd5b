// Loads what "My actions" and the admin's overview need: open commitments with their owner and
// promise, and the measures someone owns. Judging what is overdue or stale is the route's job.
import { and, asc, eq, desc, getTableColumns, isNull, notInArray, or, type SQL } from 'drizzle-orm';
import { CLOSED_COMMITMENT_STATUSES } from './commitment-state.js';
import type { Db } from '../client.js';
import { commitments, measures, measureValues, promises, users } from '../schema.js';
import type { CommitmentListRow } from './commitments.js';

export type OpenCommitmentRow = CommitmentListRow & { ownerJobTitle: string | null; ownerAgency: string | null };

/**
 * Current (not archived) commitments that are neither done nor dropped, on promises that are
 * not archived. `ownerId` narrows to one owner; null means "nobody owns it".
 */
export async function openCommitments(db: Db, ownerId?: number | null): Promise<OpenCommitmentRow[]> {
  const conds: SQL[] = [
    eq(commitments.archived, false),
    eq(promises.archived, false),
    notInArray(commitments.status, [...CLOSED_COMMITMENT_STATUSES]),
  ];
  if (ownerId === null) conds.push(isNull(commitments.ownerId));
  else if (ownerId !== undefined) conds.push(eq(commitments.ownerId, ownerId));
  return await db
    .select({
      ...getTableColumns(commitments),
      ownerName: users.name,
      ownerJobTitle: users.jobTitle,
      ownerAgency: users.agency,
      promiseStaffText: promises.staffText,
    })
    .from(commitments)
    .innerJoin(promises, eq(promises.id, commitments.promiseId))
    .leftJoin(users, eq(users.id, commitments.ownerId))
    .where(and(...conds))
    .orderBy(asc(promises.sortOrder), asc(promises.id), asc(commitments.dueDate), asc(commitments.id));
}

export type OwnedMeasureRow = {
  id: number;
  promiseId: number;
  promiseStaffText: string;
  name: string;
  unit: 'count' | 'percent' | 'score';
  ownerId: number | null;
  promiseLeadId: number | null;
};

/**
 * Current measures someone enters figures for, on current promises: those they own and every
 * measure of a promise they lead (the rule itself is server/domain/measure-figures.ts).
 */
export async function measuresOwnedBy(db: Db, ownerId: number): Promise<OwnedMeasureRow[]> {
  return await db
    .select({
      id: measures.id,
      promiseId: measures.promiseId,
      promiseStaffText: promises.staffText,
      name: measures.name,
      unit: measures.unit,
      ownerId: measures.ownerId,
      promiseLeadId: promises.ownerId,
    })
    .from(measures)
    .innerJoin(promises, eq(promises.id, measures.promiseId))
    .where(
      and(
        or(eq(measures.ownerId, ownerId), eq(promises.ownerId, ownerId)),
        eq(measures.archived, false),
        eq(promises.archived, false),
      ),
    )
    .orderBy(asc(measures.promiseId), asc(measures.id));
}

/** The period label of a measure's newest value (by period end). */
export async function latestPeriod(db: Db, measureId: number): Promise<string | null> {
  return (
    (
      await db
        .select({ period: measureValues.period })
        .from(measureValues)
        .where(eq(measureValues.measureId, measureId))
        .orderBy(desc(measureValues.periodEnd), desc(measureValues.period))
        .limit(1)
    )[0]?.period ?? null
  );
}
