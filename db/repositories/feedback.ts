// "You said": children's words, sensitive. Safeguarding-flagged rows are filtered here, in the
// one place every list and count goes through, so a caller cannot forget to hide them.
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  not,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../client.js';
import { commitments, feedback, feedbackCommitments, feedbackPromises, promises } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { syncReview } from './word-reviews.js';
import {
  connectionOf,
  insertReturning,
  perConnection,
  RowMissing,
  updateVersioned,
  VersionConflict,
  write,
  type DbOrTx,
} from './write.js';

export type FeedbackRow = typeof feedback.$inferSelect;
export type FeedbackInsert = typeof feedback.$inferInsert;
export type FeedbackWithLinks = FeedbackRow & { promiseIds: number[]; commitmentIds: number[] };

export type FeedbackFilter = {
  source?: FeedbackRow['source'];
  forumId?: string;
  ageBand?: string;
  promiseId?: number;
  commitmentId?: number;
  state?: 'unanswered' | 'answered_not_fed_back' | 'closed';
  publishState?: FeedbackRow['publishState'];
  heardFrom?: string;
  heardTo?: string;
  unlinked?: boolean;
  q?: string;
  sort: 'heardOn' | '-heardOn';
  page: number;
  pageSize: number;
};

/**
 * The loop is closed once the answer has been carried back to the children (fed back): the list's
 * "closed" filter and the retention clock both start from it.
 */
export const loopClosed = isNotNull(feedback.fedBackOn);

/** Who is looking: only participation workers and admins may see safeguarding-flagged items. */
export type Viewer = { seesFlagged: boolean };

const hasPromise = (tx: DbOrTx) =>
  exists(
    tx
      .select({ one: sql`1` })
      .from(feedbackPromises)
      .where(eq(feedbackPromises.feedbackId, feedback.id)),
  );

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(db: Db, f: Omit<FeedbackFilter, 'sort' | 'page' | 'pageSize'>, viewer: Viewer): SQL[] {
  const where: SQL[] = [];
  if (!viewer.seesFlagged) where.push(eq(feedback.safeguarding, false));
  if (f.source) where.push(eq(feedback.source, f.source));
  if (f.forumId) where.push(eq(feedback.forumId, f.forumId));
  if (f.ageBand) where.push(eq(feedback.ageBand, f.ageBand));
  if (f.publishState) where.push(eq(feedback.publishState, f.publishState));
  if (f.heardFrom) where.push(gte(feedback.heardOn, f.heardFrom));
  if (f.heardTo) where.push(lte(feedback.heardOn, f.heardTo));
  if (f.state === 'unanswered') where.push(isNull(feedback.response));
  if (f.state === 'answered_not_fed_back') where.push(isNotNull(feedback.response), isNull(feedback.fedBackOn));
  if (f.state === 'closed') where.push(loopClosed);
  if (f.unlinked === true) where.push(not(hasPromise(db)));
  if (f.unlinked === false) where.push(hasPromise(db));
  if (f.promiseId !== undefined)
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(feedbackPromises)
          .where(and(eq(feedbackPromises.feedbackId, feedback.id), eq(feedbackPromises.promiseId, f.promiseId))),
      ),
    );
  if (f.commitmentId !== undefined)
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(feedbackCommitments)
          .where(
            and(eq(feedbackCommitments.feedbackId, feedback.id), eq(feedbackCommitments.commitmentId, f.commitmentId)),
          ),
      ),
    );
  if (f.q) {
    const p = likePattern(f.q);
    where.push(
      or(
        sql`${feedback.text} LIKE ${p} ESCAPE '\\'`,
        sql`${feedback.publicText} LIKE ${p} ESCAPE '\\'`,
        sql`${feedback.responseText} LIKE ${p} ESCAPE '\\'`,
      )!,
    );
  }
  return where;
}

/** The promise and commitment ids of a page of feedback: one grouped query per link table. */
export function attachLinks(db: DbOrTx, rows: FeedbackRow[]): FeedbackWithLinks[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const promiseLinks = db
    .select({
      feedbackId: feedbackPromises.feedbackId,
      ids: sql<string>`json_group_array(${feedbackPromises.promiseId})`,
    })
    .from(feedbackPromises)
    .where(inArray(feedbackPromises.feedbackId, ids))
    .groupBy(feedbackPromises.feedbackId)
    .all();
  const commitmentLinks = db
    .select({
      feedbackId: feedbackCommitments.feedbackId,
      ids: sql<string>`json_group_array(${feedbackCommitments.commitmentId})`,
    })
    .from(feedbackCommitments)
    .where(inArray(feedbackCommitments.feedbackId, ids))
    .groupBy(feedbackCommitments.feedbackId)
    .all();
  const toMap = (links: { feedbackId: number; ids: string }[]) =>
    new Map(links.map((l) => [l.feedbackId, (JSON.parse(l.ids) as number[]).sort((a, b) => a - b)]));
  const p = toMap(promiseLinks);
  const c = toMap(commitmentLinks);
  return rows.map((r) => ({ ...r, promiseIds: p.get(r.id) ?? [], commitmentIds: c.get(r.id) ?? [] }));
}

/**
 * A page of feedback. `keep`, when given, judges every row the filters match (a search the
 * caller may only run over the words they are shown): the page and total count the kept rows.
 */
export async function listFeedback(
  db: Db,
  filter: FeedbackFilter,
  viewer: Viewer,
  keep?: (row: FeedbackRow) => boolean,
): Promise<{ items: FeedbackWithLinks[]; total: number; unlinkedCount: number }> {
  const where = and(...conditions(db, filter, viewer));
  const order =
    filter.sort === 'heardOn' ? [asc(feedback.heardOn), asc(feedback.id)] : [desc(feedback.heardOn), desc(feedback.id)];
  const offset = (filter.page - 1) * filter.pageSize;
  let rows: FeedbackRow[];
  let total: number;
  if (keep) {
    const kept = (
      await db
        .select()
        .from(feedback)
        .where(where)
        .orderBy(...order)
    ).filter(keep);
    rows = kept.slice(offset, offset + filter.pageSize);
    total = kept.length;
  } else {
    rows = await db
      .select()
      .from(feedback)
      .where(where)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset(offset);
    total = (await db.select({ n: count() }).from(feedback).where(where).limit(1))[0]?.n ?? 0;
  }
  // Whatever the filters, workers always see how many items still wait to be linked.
  const unlinkedCount =
    (
      await db
        .select({ n: count() })
        .from(feedback)
        .where(and(...conditions(db, { unlinked: true }, viewer)))
        .limit(1)
    )[0]?.n ?? 0;
  return { items: attachLinks(db, rows), total, unlinkedCount };
}

export function getFeedback(db: DbOrTx, id: number): FeedbackWithLinks | undefined {
  const row = db.select().from(feedback).where(eq(feedback.id, id)).get();
  return row ? attachLinks(db, [row])[0] : undefined;
}

/** Statements every logged item runs, prepared once per connection. */
const statements = perConnection((db) => ({
  promiseExists: db.$client.prepare<[number]>('select 1 from promises where id = ?').pluck(),
  linkPromise: db.$client.prepare<[number, number]>(
    'insert into feedback_promises (feedback_id, promise_id) values (?, ?)',
  ),
}));

/** Which of these promise ids do not exist (promises are archived, never deleted). */
export async function missingPromiseIds(db: DbOrTx, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const connection = connectionOf(db);
  if (connection) {
    const exists = statements(connection).promiseExists;
    return ids.filter((id) => exists.get(id) === undefined);
  }
  const found = new Set(
    (
      await db
        .select({ id: promises.id })
        .from(promises)
        .where(inArray(promises.id, [...ids]))
    ).map((p) => p.id),
  );
  return ids.filter((id) => !found.has(id));
}

/** Every promise id (archived too): a few hundred at most, read once to check a whole file. */
export async function allPromiseIds(db: DbOrTx): Promise<Set<number>> {
  return new Set((await db.select({ id: promises.id }).from(promises)).map((p) => p.id));
}

export async function promiseExists(db: DbOrTx, id: number): Promise<boolean> {
  return (await missingPromiseIds(db, [id])).length === 0;
}

export async function commitmentExists(db: DbOrTx, id: number): Promise<boolean> {
  return !!(await db.select({ id: commitments.id }).from(commitments).where(eq(commitments.id, id)).limit(1))[0];
}

export async function createFeedback(
  db: Db,
  actor: Actor,
  input: Omit<FeedbackInsert, 'id'>,
  promiseIds: readonly number[],
): Promise<FeedbackWithLinks> {
  return write(db, async (tx) => {
    // Statements kept for the connection, which runs them inside this transaction.
    const row = await insertReturning(db, feedback, input);
    const unique = [...new Set(promiseIds)].sort((a, b) => a - b);
    const link = statements(db).linkPromise;
    for (const promiseId of unique) link.run(row.id, promiseId);
    // What getFeedback would read back: the row as inserted, its links, no commitments yet.
    const created: FeedbackWithLinks = { ...row, promiseIds: unique, commitmentIds: [] };
    await recordAudit(tx, actor, 'create', 'feedback', row.id, null, created);
    await syncReview(tx, 'feedback', null, row, actor);
    return created;
  });
}

/**
 * Updates one item at the version the caller saw (null: whatever is current, for actions such as
 * a safeguarding flag that must never be refused as stale). `patchFor` sees the current row inside the
 * transaction, so rules that depend on the stored values (a reason for "can't", no feedback date
 * without an answer) are checked against exactly what is being changed.
 */
export async function updateFeedback(
  db: Db,
  actor: Actor,
  id: number,
  version: number | null,
  patchFor: (current: FeedbackRow) => Partial<FeedbackInsert>,
  action = 'update',
): Promise<FeedbackWithLinks> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(feedback).where(eq(feedback.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    // A stale caller gets 409 before any rule is checked against values they have not seen.
    if (version !== null && before.version !== version) throw new VersionConflict(getFeedback(tx, id));
    const row = await updateVersioned(tx, feedback, id, before.version, patchFor(before));
    const diff = changedFields(before, row);
    await recordAudit(tx, actor, action, 'feedback', id, diff.before, diff.after);
    await syncReview(tx, 'feedback', before, row, actor);
    return getFeedback(tx, id)!;
  });
}

export async function deleteFeedback(db: Db, actor: Actor, id: number): Promise<void> {
  await write(db, async (tx) => {
    const before = getFeedback(tx, id);
    if (!before) throw new RowMissing();
    // Link rows go with it (ON DELETE CASCADE); the audit entry keeps the whole before image.
    await tx.delete(feedback).where(eq(feedback.id, id));
    await recordAudit(tx, actor, 'delete', 'feedback', id, before, null);
  });
}

type LinkKind = 'promise' | 'commitment';

/**
 * Adds or removes one link. Idempotent: asking for what is already so changes nothing (no version
 * bump, no audit entry). A real change bumps the feedback row's version and is audited.
 */
export async function setLink(
  db: Db,
  actor: Actor,
  feedbackId: number,
  kind: LinkKind,
  targetId: number,
  linked: boolean,
): Promise<FeedbackWithLinks> {
  return write(db, async (tx) => {
    const before = getFeedback(tx, feedbackId);
    if (!before) throw new RowMissing();
    const key = kind === 'promise' ? 'promiseIds' : 'commitmentIds';
    const has = before[key].includes(targetId);
    if (has === linked) return before;
    if (kind === 'promise') {
      if (linked) await tx.insert(feedbackPromises).values({ feedbackId, promiseId: targetId });
      else
        await tx
          .delete(feedbackPromises)
          .where(and(eq(feedbackPromises.feedbackId, feedbackId), eq(feedbackPromises.promiseId, targetId)));
    } else {
      if (linked) await tx.insert(feedbackCommitments).values({ feedbackId, commitmentId: targetId });
      else
        await tx
          .delete(feedbackCommitments)
          .where(and(eq(feedbackCommitments.feedbackId, feedbackId), eq(feedbackCommitments.commitmentId, targetId)));
    }
    await updateVersioned(tx, feedback, feedbackId, before.version, {});
    const after = getFeedback(tx, feedbackId)!;
    await recordAudit(
      tx,
      actor,
      `${linked ? 'link' : 'unlink'}_${kind}`,
      'feedback',
      feedbackId,
      { [key]: before[key] },
      { [key]: after[key] },
    );
    return after;
  });
}
