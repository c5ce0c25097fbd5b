// Evidence in words (case studies, quotes, documents) for a promise. Hard-deleted: an item
// added in error should go, and the audit entry keeps what it was.
import { and, count, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { evidence, users } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { RowMissing, VersionConflict, updateVersioned, write, type DbOrTx } from './write.js';

export type EvidenceRow = typeof evidence.$inferSelect;
export type EvidenceListRow = EvidenceRow & { addedByName: string | null };

export type EvidenceFilter = {
  promiseId?: number;
  kind?: EvidenceRow['kind'];
  page: number;
  pageSize: number;
};

const listColumns = { ...getTableColumns(evidence), addedByName: users.name };

/** Newest evidence first. */
export async function listEvidence(db: Db, f: EvidenceFilter): Promise<{ rows: EvidenceListRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.promiseId !== undefined) conds.push(eq(evidence.promiseId, f.promiseId));
  if (f.kind !== undefined) conds.push(eq(evidence.kind, f.kind));
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db
    .select(listColumns)
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.addedById))
    .where(where)
    .orderBy(desc(evidence.dated), desc(evidence.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = (await db.select({ n: count() }).from(evidence).where(where).limit(1))[0]?.n ?? 0;
  return { rows, total };
}

export async function getEvidence(db: DbOrTx, id: number): Promise<EvidenceListRow | undefined> {
  return (
    await db
      .select(listColumns)
      .from(evidence)
      .leftJoin(users, eq(users.id, evidence.addedById))
      .where(eq(evidence.id, id))
      .limit(1)
  )[0];
}

export type NewEvidence = Omit<
  typeof evidence.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'addedById'
>;

export async function createEvidence(db: Db, actor: Actor, input: NewEvidence): Promise<EvidenceRow> {
  return write(db, async (tx) => {
    const row = (
      await tx
        .insert(evidence)
        .values({ ...input, addedById: actor.id })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, 'create', 'evidence', row.id, null, row);
    return row;
  });
}

export type EvidencePatch = Partial<Pick<EvidenceRow, 'promiseId' | 'kind' | 'title' | 'body' | 'url' | 'dated'>>;

/**
 * `authorize` runs before the version check and throws to refuse (403); `validate` runs
 * after it with the current row, so a rule over the merged record (a document needs a URL)
 * is judged against what is really stored.
 */
export async function updateEvidence(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: EvidencePatch,
  hooks: { authorize?: (current: EvidenceRow) => void; validate?: (current: EvidenceRow) => void } = {},
): Promise<EvidenceRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(evidence).where(eq(evidence.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    hooks.authorize?.(before);
    if (before.version !== version) throw new VersionConflict(before);
    hooks.validate?.(before);
    const row = await updateVersioned(tx, evidence, id, version, patch);
    const diff = changedFields(before, row);
    await recordAudit(tx, actor, 'update', 'evidence', id, diff.before, diff.after);
    return row;
  });
}

export async function deleteEvidence(
  db: Db,
  actor: Actor,
  id: number,
  authorize?: (current: EvidenceRow) => void,
): Promise<void> {
  await write(db, async (tx) => {
    const before = (await tx.select().from(evidence).where(eq(evidence.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    authorize?.(before);
    await tx.delete(evidence).where(eq(evidence.id, id));
    await recordAudit(tx, actor, 'delete', 'evidence', id, before, null);
  });
}
