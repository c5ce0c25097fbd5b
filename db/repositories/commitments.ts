// Commitments ("we will") and their append-only history. Routes decide who may change what
// (through the `authorize` / `validate` callbacks, run inside the write transaction) and turn
// rows into the API shape; this file only loads and stores.
import { and, asc, count, desc, eq, getTableColumns, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { notOverdueCommitment, overdueCommitment } from './commitment-state.js';
import { commitments, commitmentUpdates, feedback, feedbackCommitments, promises, users } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { syncReview } from './word-reviews.js';
import {
  connectionOf,
  insertReturning,
  perConnection,
  RowMissing,
  VersionConflict,
  updateVersioned,
  write,
  type DbOrTx,
} from './write.js';
import { plainColumns } from './plain-columns.js';

export type CommitmentRow = typeof commitments.$inferSelect;
export type CommitmentListRow = CommitmentRow & { ownerName: string | null; promiseStaffText: string };
export type CommitmentUpdateRow = typeof commitmentUpdates.$inferSelect & { authorName: string | null };

/** Finished commitments are never overdue, however old their date. */

export type CommitmentFilter = {
  promiseId?: number;
  ownerId?: number;
  status?: CommitmentRow['status'];
  overdue?: boolean;
  dueBefore?: string;
  archived?: boolean;
  sort: 'dueDate' | '-dueDate' | 'updatedAt' | '-updatedAt';
  page: number;
  pageSize: number;
  /** The council's today, YYYY-MM-DD: what "overdue" is measured against. */
  today: string;
};

const listColumns = {
  ...getTableColumns(commitments),
  ownerName: users.name,
  promiseStaffText: promises.staffText,
};

export async function listCommitments(
  db: Db,
  f: CommitmentFilter,
): Promise<{ rows: CommitmentListRow[]; total: number }> {
  const conds: SQL[] = [eq(commitments.archived, f.archived ?? false)];
  if (f.promiseId !== undefined) conds.push(eq(commitments.promiseId, f.promiseId));
  if (f.ownerId !== undefined) conds.push(eq(commitments.ownerId, f.ownerId));
  if (f.status !== undefined) conds.push(eq(commitments.status, f.status));
  if (f.dueBefore !== undefined) conds.push(lt(commitments.dueDate, f.dueBefore));
  if (f.overdue === true) conds.push(overdueCommitment(f.today));
  if (f.overdue === false) conds.push(notOverdueCommitment(f.today));
  const where = and(...conds);

  const order = {
    dueDate: [asc(commitments.dueDate), asc(commitments.id)],
    '-dueDate': [desc(commitments.dueDate), desc(commitments.id)],
    updatedAt: [asc(commitments.updatedAt), asc(commitments.id)],
    '-updatedAt': [desc(commitments.updatedAt), desc(commitments.id)],
  }[f.sort];

  const rows = await db
    .select(listColumns)
    .from(commitments)
    .innerJoin(promises, eq(promises.id, commitments.promiseId))
    .leftJoin(users, eq(users.id, commitments.ownerId))
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = (await db.select({ n: count() }).from(commitments).where(where).limit(1))[0]?.n ?? 0;
  return { rows, total };
}

const selectOne = (db: DbOrTx) =>
  db
    .select(listColumns)
    .from(commitments)
    .innerJoin(promises, eq(promises.id, commitments.promiseId))
    .leftJoin(users, eq(users.id, commitments.ownerId));

const selectUpdates = (db: DbOrTx) =>
  db
    .select({ ...getTableColumns(commitmentUpdates), authorName: users.name })
    .from(commitmentUpdates)
    .leftJoin(users, eq(users.id, commitmentUpdates.authorId));

const updatesOrder = [desc(commitmentUpdates.createdAt), desc(commitmentUpdates.id)];

const selectYouSaid = (db: DbOrTx) =>
  db
    .select({
      commitmentId: feedbackCommitments.commitmentId,
      id: feedback.id,
      text: feedback.text,
      ageBand: feedback.ageBand,
      heardOn: feedback.heardOn,
      source: feedback.source,
      safeguarding: feedback.safeguarding,
      // What the route needs to decide which words the caller is shown.
      publicText: feedback.publicText,
      publishState: feedback.publishState,
      livePublicText: feedback.livePublicText,
    })
    .from(feedbackCommitments)
    .innerJoin(feedback, eq(feedback.id, feedbackCommitments.feedbackId));

const youSaidOrder = [desc(feedback.heardOn), desc(feedback.id)];

/**
 * What updating a commitment reads and answers with, prepared once per connection: built and
 * prepared afresh, these statements cost more than running them.
 */
const statements = perConnection((db) => {
  const id = sql.placeholder('id');
  const youSaid = (seesFlagged: boolean) =>
    selectYouSaid(db)
      .where(and(eq(feedbackCommitments.commitmentId, id), seesFlagged ? undefined : eq(feedback.safeguarding, false)))
      .orderBy(...youSaidOrder)
      .prepare();
  return {
    listRow: selectOne(db).where(eq(commitments.id, id)).prepare(),
    updates: selectUpdates(db)
      .where(eq(commitmentUpdates.commitmentId, id))
      .orderBy(...updatesOrder)
      .prepare(),
    // The newest few, read for every commitment's page: a plain statement (see plainColumns).
    latestUpdates: db.$client.prepare<{ id: number; limit: number }, CommitmentUpdateRow>(
      `select ${plainColumns(commitmentUpdates, 'u')}, users.name as "authorName"
       from commitment_updates u left join users on users.id = u.author_id
       where u.commitment_id = :id order by u.created_at desc, u.id desc limit :limit`,
    ),
    updateCount: db
      .select({ n: count() })
      .from(commitmentUpdates)
      .where(eq(commitmentUpdates.commitmentId, id))
      .prepare(),
    youSaid: youSaid(false),
    youSaidWithFlagged: youSaid(true),
  };
});

export async function getCommitment(db: DbOrTx, id: number): Promise<CommitmentListRow | undefined> {
  const connection = connectionOf(db);
  if (connection) return statements(connection).listRow.get({ id });
  return (await selectOne(db).where(eq(commitments.id, id)).limit(1))[0];
}

/** A commitment's history, newest first. */
/** The commitment's updates, newest first: all of them, or the newest `limit`. */
export async function listCommitmentUpdates(
  db: DbOrTx,
  commitmentId: number,
  limit?: number,
): Promise<CommitmentUpdateRow[]> {
  const connection = connectionOf(db);
  if (connection)
    return limit === undefined
      ? statements(connection).updates.all({ id: commitmentId })
      : statements(connection).latestUpdates.all({ id: commitmentId, limit });
  const query = selectUpdates(db)
    .where(eq(commitmentUpdates.commitmentId, commitmentId))
    .orderBy(...updatesOrder);
  return limit === undefined ? await query : await query.limit(limit);
}

export async function countCommitmentUpdates(db: DbOrTx, commitmentId: number): Promise<number> {
  const connection = connectionOf(db);
  if (connection) return statements(connection).updateCount.get({ id: commitmentId })?.n ?? 0;
  return (
    (
      await db
        .select({ n: count() })
        .from(commitmentUpdates)
        .where(eq(commitmentUpdates.commitmentId, commitmentId))
        .limit(1)
    )[0]?.n ?? 0
  );
}

export type YouSaidRow = {
  commitmentId: number;
  id: number;
  text: string;
  ageBand: string;
  heardOn: string;
  source: (typeof feedback.$inferSelect)['source'];
  safeguarding: boolean;
  publicText: string;
  publishState: (typeof feedback.$inferSelect)['publishState'];
  livePublicText: string;
};

/**
 * The children's words linked to each of these commitments, newest first. Safeguarding-flagged
 * items are left out unless `seesFlagged` (participation workers and admins).
 */
export async function youSaidFor(
  db: DbOrTx,
  commitmentIds: readonly number[],
  seesFlagged: boolean,
): Promise<Map<number, YouSaidRow[]>> {
  const byCommitment = new Map<number, YouSaidRow[]>(commitmentIds.map((id) => [id, []]));
  if (commitmentIds.length === 0) return byCommitment;
  const connection = connectionOf(db);
  // One commitment (its page, the answer to an update): a statement kept for the connection.
  const rows =
    connection && commitmentIds.length === 1
      ? (seesFlagged ? statements(connection).youSaidWithFlagged : statements(connection).youSaid).all({
          id: commitmentIds[0],
        })
      : await selectYouSaid(db)
          .where(
            and(
              inArray(feedbackCommitments.commitmentId, [...commitmentIds]),
              seesFlagged ? undefined : eq(feedback.safeguarding, false),
            ),
          )
          .orderBy(...youSaidOrder);
  for (const row of rows) byCommitment.get(row.commitmentId)?.push(row);
  return byCommitment;
}

/** A promise new work can be attached to: it exists and is not archived. */
export function promiseIsOpen(db: DbOrTx, promiseId: number): boolean {
  const row = db.select({ archived: promises.archived }).from(promises).where(eq(promises.id, promiseId)).get();
  return row !== undefined && !row.archived;
}

/** Who leads a promise (its owner), or undefined when there is no such promise. */
export async function promiseLeadId(db: DbOrTx, promiseId: number): Promise<number | null | undefined> {
  return (await db.select({ ownerId: promises.ownerId }).from(promises).where(eq(promises.id, promiseId)).limit(1))[0]
    ?.ownerId;
}

/** The one rule for who may own a commitment or measure: an enabled account marked "can own actions". */
export function isAssignableOwner(db: DbOrTx, userId: number): boolean {
  const row = db
    .select({ canOwnActions: users.canOwnActions, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row !== undefined && !row.disabled && row.canOwnActions;
}

export type NewCommitment = Omit<typeof commitments.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function createCommitment(db: Db, actor: Actor, input: NewCommitment): Promise<CommitmentRow> {
  return write(db, async (tx) => {
    const progress = input.status === 'done' ? 100 : input.progress;
    const row = (
      await tx
        .insert(commitments)
        .values({ ...input, progress })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, 'create', 'commitment', row.id, null, row);
    await syncReview(tx, 'commitment', null, row, actor);
    return row;
  });
}

export type CommitmentPatch = Partial<
  Pick<
    CommitmentRow,
    | 'promiseId'
    | 'title'
    | 'childTitle'
    | 'childTitleCy'
    | 'ownerId'
    | 'dueDate'
    | 'status'
    | 'progress'
    | 'childReason'
    | 'childUpdate'
    | 'childUpdateCy'
  >
>;

export type CommitmentChange = {
  version: number;
  patch: CommitmentPatch;
  note?: string;
  dueDateReason?: string;
  /** The day the note describes; today when left out. */
  noteDate?: string;
  /** The council's today (YYYY-MM-DD) and the instant now, from the app clock. */
  today: string;
  now: string;
  /** Throws (403) if the caller may not change this commitment; runs before the version check. */
  authorize?: (current: CommitmentRow) => void;
  /** Throws (400) if the change is not valid against the current row; runs after the version check. */
  validate?: (current: CommitmentRow) => void;
};

/** A commitment as a change left it, and the history row the change added (null if none). */
export type CommitmentSavedRow = CommitmentListRow & { recorded: typeof commitmentUpdates.$inferSelect | null };

/**
 * Applies a change. A change of status, progress or due date, or a note, appends a history
 * row (the old and new dates and the reason when the date moves) and sets lastUpdateAt.
 * 'done' always means 100% progress.
 */
export async function updateCommitment(
  db: Db,
  actor: Actor,
  id: number,
  change: CommitmentChange,
): Promise<CommitmentSavedRow> {
  return write(db, async (tx) => {
    // Statements kept for the connection, which runs them inside this transaction. Read with the
    // owner's name and the promise's words, so the answer needs no second read of the row.
    const current = statements(db).listRow.get({ id });
    if (!current) throw new RowMissing();
    const { ownerName, promiseStaffText, ...before } = current;
    change.authorize?.(before);
    if (before.version !== change.version) throw new VersionConflict(before);
    change.validate?.(before);

    const next: Partial<CommitmentRow> = { ...change.patch };
    if ((next.status ?? before.status) === 'done') next.progress = 100;
    const dueChanged = next.dueDate !== undefined && next.dueDate !== before.dueDate;
    const statusChanged = next.status !== undefined && next.status !== before.status;
    const progressChanged = next.progress !== undefined && next.progress !== before.progress;
    const childChanged =
      (next.childUpdate !== undefined && next.childUpdate !== before.childUpdate) ||
      (next.childUpdateCy !== undefined && next.childUpdateCy !== before.childUpdateCy);
    const note = change.note ?? '';
    const logged = dueChanged || statusChanged || progressChanged || childChanged || note !== '';
    if (logged) next.lastUpdateAt = change.now;

    const row = await updateVersioned(tx, commitments, id, change.version, next);
    const diff = changedFields(before, row);
    await recordAudit(tx, actor, 'update', 'commitment', id, diff.before, diff.after);
    await syncReview(tx, 'commitment', before, row, actor);
    let recorded: CommitmentSavedRow['recorded'] = null;
    if (logged) {
      const entry = await insertReturning(db, commitmentUpdates, {
        commitmentId: id,
        note,
        status: row.status,
        progress: row.progress,
        oldDueDate: dueChanged ? before.dueDate : null,
        newDueDate: dueChanged ? row.dueDate : null,
        dueDateReason: dueChanged ? (change.dueDateReason ?? '') : '',
        authorId: actor.id,
        updatedOn: change.noteDate ?? change.today,
        createdAt: change.now,
      });
      await recordAudit(tx, actor, 'create', 'commitment_update', entry.id, null, entry);
      recorded = entry;
    }
    // A new owner or promise has another name and words; otherwise they are the ones read above.
    const moved = row.ownerId !== before.ownerId || row.promiseId !== before.promiseId;
    return { ...(moved ? statements(db).listRow.get({ id })! : { ...row, ownerName, promiseStaffText }), recorded };
  });
}

/** DELETE archives: the commitment and its history stay for the record. */
export async function archiveCommitment(db: Db, actor: Actor, id: number, version?: number): Promise<CommitmentRow> {
  return setCommitmentArchived(db, actor, id, true, version);
}

/** Brings an archived commitment back, history and links as they were. */
export async function restoreCommitment(db: Db, actor: Actor, id: number, version: number): Promise<CommitmentRow> {
  return setCommitmentArchived(db, actor, id, false, version);
}

/**
 * With `version` (the one the user saw), a stale one is a 409, so nobody archives what they
 * have not seen; either way, asking for the state it is already in changes nothing.
 */
function setCommitmentArchived(
  db: Db,
  actor: Actor,
  id: number,
  archived: boolean,
  version?: number,
): Promise<CommitmentRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(commitments).where(eq(commitments.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    if (version !== undefined && before.version !== version) throw new VersionConflict(before);
    if (before.archived === archived) return before;
    const row = await updateVersioned(tx, commitments, id, before.version, { archived });
    await recordAudit(
      tx,
      actor,
      archived ? 'archive' : 'restore',
      'commitment',
      id,
      { archived: !archived },
      { archived },
    );
    return row;
  });
}
