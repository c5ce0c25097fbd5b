// Measures ("how we'll know") and their values by period. Rows come back with their real
// figures: suppressing small numbers is a rule the routes apply for each caller.
import { and, asc, count, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { measures, measureValues, promises, users } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { measureOnPromise } from './measure-links.js';
import { syncReview } from './word-reviews.js';
import { RowMissing, VersionConflict, updateVersioned, write, type DbOrTx } from './write.js';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureListRow = MeasureRow & {
  ownerName: string | null;
  promiseStaffText: string;
  /** Who leads the measure's promise: they may enter its figures too. */
  promiseLeadId: number | null;
};
export type MeasureValueRow = typeof measureValues.$inferSelect;

export type MeasureFilter = {
  promiseId?: number;
  ownerId?: number;
  archived?: boolean;
  page: number;
  pageSize: number;
};

const listColumns = {
  ...getTableColumns(measures),
  ownerName: users.name,
  promiseStaffText: promises.staffText,
  promiseLeadId: promises.ownerId,
};

export async function listMeasures(db: Db, f: MeasureFilter): Promise<{ rows: MeasureListRow[]; total: number }> {
  const conds: SQL[] = [eq(measures.archived, f.archived ?? false)];
  // A promise's measures include those linked to it from another (a council-wide figure).
  if (f.promiseId !== undefined) conds.push(measureOnPromise(f.promiseId));
  if (f.ownerId !== undefined) conds.push(eq(measures.ownerId, f.ownerId));
  const where = and(...conds);
  const rows = await db
    .select(listColumns)
    .from(measures)
    .innerJoin(promises, eq(promises.id, measures.promiseId))
    .leftJoin(users, eq(users.id, measures.ownerId))
    .where(where)
    .orderBy(asc(measures.promiseId), asc(measures.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = (await db.select({ n: count() }).from(measures).where(where).limit(1))[0]?.n ?? 0;
  return { rows, total };
}

export async function getMeasure(db: DbOrTx, id: number): Promise<MeasureListRow | undefined> {
  return (
    await db
      .select(listColumns)
      .from(measures)
      .innerJoin(promises, eq(promises.id, measures.promiseId))
      .leftJoin(users, eq(users.id, measures.ownerId))
      .where(eq(measures.id, id))
      .limit(1)
  )[0];
}

/** Who leads a promise (its owner), or null: the figures rule needs it for a bare measure row. */
export function promiseLeadOf(db: DbOrTx, promiseId: number): number | null {
  return (
    db.select({ ownerId: promises.ownerId }).from(promises).where(eq(promises.id, promiseId)).get()?.ownerId ?? null
  );
}

/** Values of the given measures in period order (by period end), grouped by measure. */
export async function valuesByMeasure(
  db: DbOrTx,
  measureIds: readonly number[],
): Promise<Map<number, MeasureValueRow[]>> {
  const byMeasure = new Map<number, MeasureValueRow[]>(measureIds.map((id) => [id, []]));
  if (measureIds.length === 0) return byMeasure;
  const rows = await db
    .select()
    .from(measureValues)
    .where(inArray(measureValues.measureId, [...measureIds]))
    .orderBy(asc(measureValues.periodEnd), asc(measureValues.period));
  for (const row of rows) byMeasure.get(row.measureId)?.push(row);
  return byMeasure;
}

export type NewMeasure = Omit<typeof measures.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function createMeasure(db: Db, actor: Actor, input: NewMeasure): Promise<MeasureRow> {
  return write(db, async (tx) => {
    const row = (await tx.insert(measures).values(input).returning())[0]!;
    await recordAudit(tx, actor, 'create', 'measure', row.id, null, row);
    await syncReview(tx, 'measure', null, row, actor);
    return row;
  });
}

export type MeasurePatch = Partial<
  Pick<
    MeasureRow,
    | 'promiseId'
    | 'name'
    | 'childSentence'
    | 'childSentenceCy'
    | 'unit'
    | 'direction'
    | 'baseline'
    | 'target'
    | 'source'
    | 'ownerId'
    | 'councilWide'
  >
>;

/** `authorize` runs inside the transaction, before the version check, and throws to refuse. */
export async function updateMeasure(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: MeasurePatch,
  authorize?: (current: MeasureRow) => void,
): Promise<MeasureRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(measures).where(eq(measures.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    authorize?.(before);
    const row = await updateVersioned(tx, measures, id, version, patch);
    const diff = changedFields(before, row);
    await recordAudit(tx, actor, 'update', 'measure', id, diff.before, diff.after);
    await syncReview(tx, 'measure', before, row, actor);
    return row;
  });
}

/** DELETE archives: the measure and its values stay for the record. */
export async function archiveMeasure(db: Db, actor: Actor, id: number, version?: number): Promise<MeasureRow> {
  return setMeasureArchived(db, actor, id, true, version);
}

/** Brings an archived measure back, its figures as they were. */
export async function restoreMeasure(db: Db, actor: Actor, id: number, version: number): Promise<MeasureRow> {
  return setMeasureArchived(db, actor, id, false, version);
}

/**
 * With `version` (the one the user saw), a stale one is a 409, so nobody archives what they
 * have not seen; either way, asking for the state it is already in changes nothing.
 */
function setMeasureArchived(
  db: Db,
  actor: Actor,
  id: number,
  archived: boolean,
  version?: number,
): Promise<MeasureRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(measures).where(eq(measures.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    if (version !== undefined && before.version !== version) throw new VersionConflict(before);
    if (before.archived === archived) return before;
    const row = await updateVersioned(tx, measures, id, before.version, { archived });
    await recordAudit(
      tx,
      actor,
      archived ? 'archive' : 'restore',
      'measure',
      id,
      { archived: !archived },
      { archived },
    );
    return row;
  });
}

export type MeasureValueInput = {
  periodEnd: string;
  value: number;
  base?: number | null;
  englandAverage?: number | null;
  statNeighbours?: number | null;
  /** The version the caller saw; required to change an existing value. */
  version?: number;
};

/**
 * Adds or replaces the value for one period. Adding needs no version; replacing needs the
 * version the caller saw (409 with the current value otherwise, including when someone else
 * added the period first or removed it meanwhile). `check` runs first, inside the transaction,
 * with the measure, and throws to refuse (403) or reject (400).
 */
export async function putMeasureValue(
  db: Db,
  actor: Actor,
  measureId: number,
  period: string,
  input: MeasureValueInput,
  check?: (measure: MeasureRow) => void,
): Promise<{ row: MeasureValueRow; created: boolean }> {
  return write(db, async (tx) => {
    const measure = (await tx.select().from(measures).where(eq(measures.id, measureId)).limit(1))[0];
    if (!measure) throw new RowMissing();
    check?.(measure);
    const { version, ...fields } = input;
    const existing = (
      await tx
        .select()
        .from(measureValues)
        .where(and(eq(measureValues.measureId, measureId), eq(measureValues.period, period)))
        .limit(1)
    )[0];
    if (!existing) {
      if (version !== undefined) throw new VersionConflict(null);
      const row = (
        await tx
          .insert(measureValues)
          .values({ measureId, period, ...fields })
          .returning()
      )[0]!;
      await recordAudit(tx, actor, 'create', 'measure_value', row.id, null, row);
      return { row, created: true };
    }
    if (version === undefined || version !== existing.version) throw new VersionConflict(existing);
    const row = await updateVersioned(tx, measureValues, existing.id, version, fields);
    const diff = changedFields(existing, row);
    await recordAudit(tx, actor, 'update', 'measure_value', row.id, diff.before, diff.after);
    return { row, created: false };
  });
}

/** Values are hard-deleted (a wrong figure should go); the audit entry keeps what it was. */
export async function deleteMeasureValue(
  db: Db,
  actor: Actor,
  measureId: number,
  period: string,
  check?: (measure: MeasureRow) => void,
): Promise<void> {
  await write(db, async (tx) => {
    const measure = (await tx.select().from(measures).where(eq(measures.id, measureId)).limit(1))[0];
    if (!measure) throw new RowMissing();
    check?.(measure);
    const existing = (
      await tx
        .select()
        .from(measureValues)
        .where(and(eq(measureValues.measureId, measureId), eq(measureValues.period, period)))
        .limit(1)
    )[0];
    if (!existing) throw new RowMissing();
    await tx.delete(measureValues).where(eq(measureValues.id, existing.id));
    await recordAudit(tx, actor, 'delete', 'measure_value', existing.id, existing, null);
  });
}

export type ImportedValue = {
  period: string;
  periodEnd: string;
  value: number;
  base: number | null;
  englandAverage: number | null;
  statNeighbours: number | null;
};

/** The periods a measure already holds a value for. */
export async function periodsHeld(db: DbOrTx, measureId: number): Promise<Set<string>> {
  return new Set(
    (
      await db
        .select({ period: measureValues.period })
        .from(measureValues)
        .where(eq(measureValues.measureId, measureId))
    ).map((r) => r.period),
  );
}

/**
 * Writes every imported value in one transaction (all or nothing): a new period is added, a
 * period already held is replaced, each with its audit entry. `check` runs first with the
 * measure and throws to refuse.
 */
export async function importMeasureValues(
  db: Db,
  actor: Actor,
  measureId: number,
  values: readonly ImportedValue[],
  check?: (measure: MeasureRow) => void,
): Promise<{ added: number; replaced: number }> {
  return write(db, async (tx) => {
    const measure = (await tx.select().from(measures).where(eq(measures.id, measureId)).limit(1))[0];
    if (!measure) throw new RowMissing();
    check?.(measure);
    let added = 0;
    let replaced = 0;
    for (const v of values) {
      const existing = (
        await tx
          .select()
          .from(measureValues)
          .where(and(eq(measureValues.measureId, measureId), eq(measureValues.period, v.period)))
          .limit(1)
      )[0];
      if (!existing) {
        const row = (
          await tx
            .insert(measureValues)
            .values({ measureId, ...v })
            .returning()
        )[0]!;
        await recordAudit(tx, actor, 'import', 'measure_value', row.id, null, row);
        added++;
      } else {
        const row = await updateVersioned(tx, measureValues, existing.id, existing.version, v);
        const diff = changedFields(existing, row);
        await recordAudit(tx, actor, 'import', 'measure_value', row.id, diff.before, diff.after);
        replaced++;
      }
    }
    return { added, replaced };
  });
}
