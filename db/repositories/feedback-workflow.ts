// Reads and writes for the participation workflow: the waiting list, loop measures, the "You
// said, we did" sheet, moderation and survey export (the import is feedback-import.ts). Loading
// only: the rules that judge what is loaded (days waited, medians, identifier findings) live in
// server/domain/.
import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNotNull, isNull, lte, or, sql, SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  commitments,
  feedback,
  feedbackCommitments,
  feedbackPromises,
  forumSessions,
  promises,
  users,
} from '../schema.js';
import type { Actor } from './audit.js';
import {
  attachLinks,
  updateFeedback,
  type FeedbackInsert,
  type FeedbackRow,
  type FeedbackWithLinks,
} from './feedback.js';

/** Names of everyone with an account: staff names the identifier check looks for. */
export function staffNames(db: Db): string[] {
  return db
    .select({ name: users.name })
    .from(users)
    .all()
    .map((u) => u.name);
}

/**
 * Approves, withdraws or otherwise changes publishing at the version the caller saw (null: at
 * whatever is current). `decide` sees the current row inside the transaction and throws to refuse.
 */
export async function changePublishing(
  db: Db,
  actor: Actor,
  id: number,
  version: number | null,
  action: 'approve' | 'withdraw',
  decide: (current: FeedbackRow) => Partial<FeedbackInsert>,
): Promise<FeedbackWithLinks> {
  return await updateFeedback(db, actor, id, version, decide, action);
}

// ---- Waiting list ----

export type WaitingFilter = {
  forumId?: string;
  themeId?: number;
  promiseId?: number;
  ownerId?: number;
  stage?: 'unanswered' | 'not_fed_back';
  page: number;
  pageSize: number;
};

// Drizzle writes a bare "id" for columns of a single-table select; inside a correlated subquery
// that would bind to the inner table, so the outer row is named in full.
const outerId = sql.raw('"feedback"."id"');

function linkedTo(cond: SQL): SQL {
  return sql`exists (SELECT 1 FROM ${feedbackPromises} fp JOIN ${promises} p ON p.id = fp.promise_id WHERE fp.feedback_id = ${outerId} AND ${cond})`;
}

/**
 * Unanswered and not-yet-fed-back items, oldest first. Workers only: flagged items included.
 * An item is never fed back before it is answered (the feedback routes refuse it), so every
 * waiting item has no fed_back_on: feedback_waiting_order_idx gives them in order, without
 * reading and sorting every item of the council.
 */
export async function waitingItems(db: Db, f: WaitingFilter): Promise<{ items: FeedbackWithLinks[]; total: number }> {
  const where: SQL[] = [isNull(feedback.fedBackOn)];
  if (f.stage === 'unanswered') where.push(isNull(feedback.response));
  else if (f.stage === 'not_fed_back') where.push(isNotNull(feedback.response));
  if (f.forumId) where.push(eq(feedback.forumId, f.forumId));
  if (f.themeId !== undefined) where.push(linkedTo(sql`p.theme_id = ${f.themeId}`));
  if (f.promiseId !== undefined) where.push(linkedTo(sql`p.id = ${f.promiseId}`));
  if (f.ownerId !== undefined)
    where.push(
      or(
        linkedTo(sql`p.owner_id = ${f.ownerId}`),
        exists(
          db
            .select({ one: sql`1` })
            .from(feedbackCommitments)
            .innerJoin(commitments, eq(commitments.id, feedbackCommitments.commitmentId))
            .where(and(eq(feedbackCommitments.feedbackId, feedback.id), eq(commitments.ownerId, f.ownerId))),
        ),
      )!,
    );
  const rows = await db
    .select()
    .from(feedback)
    .where(and(...where))
    .orderBy(asc(feedback.heardOn), asc(feedback.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total =
    (
      await db
        .select({ n: count() })
        .from(feedback)
        .where(and(...where))
        .limit(1)
    )[0]?.n ?? 0;
  return { items: await withLinks(db, rows), total };
}

/** A page of items with their links, read in one grouped query per link table (as getFeedback gives them). */
async function withLinks(db: Db, rows: FeedbackRow[]): Promise<FeedbackWithLinks[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const linksOf = (rows: { feedbackId: number; ids: string }[]) =>
    new Map(rows.map((l) => [l.feedbackId, (JSON.parse(l.ids) as number[]).sort((a, b) => a - b)]));
  const promiseIds = linksOf(
    await db
      .select({
        feedbackId: feedbackPromises.feedbackId,
        ids: sql<string>`json_group_array(${feedbackPromises.promiseId})`,
      })
      .from(feedbackPromises)
      .where(inArray(feedbackPromises.feedbackId, ids))
      .groupBy(feedbackPromises.feedbackId),
  );
  const commitmentIds = linksOf(
    await db
      .select({
        feedbackId: feedbackCommitments.feedbackId,
        ids: sql<string>`json_group_array(${feedbackCommitments.commitmentId})`,
      })
      .from(feedbackCommitments)
      .where(inArray(feedbackCommitments.feedbackId, ids))
      .groupBy(feedbackCommitments.feedbackId),
  );
  return rows.map((r) => ({
    ...r,
    promiseIds: promiseIds.get(r.id) ?? [],
    commitmentIds: commitmentIds.get(r.id) ?? [],
  }));
}

/** The first meeting of a forum held after a date (and on or before today), if any. */
export async function nextForumSession(db: Db, forumId: string, after: string, today: string): Promise<string | null> {
  return (
    (
      await db
        .select({ heldOn: forumSessions.heldOn })
        .from(forumSessions)
        .where(
          and(eq(forumSessions.forumId, forumId), gt(forumSessions.heldOn, after), lte(forumSessions.heldOn, today)),
        )
        .orderBy(asc(forumSessions.heldOn))
        .limit(1)
    )[0]?.heldOn ?? null
  );
}

/** The last meeting of a forum before a date. */
export async function lastForumSessionBefore(db: Db, forumId: string, before: string): Promise<string | null> {
  return (
    (
      await db
        .select({ heldOn: forumSessions.heldOn })
        .from(forumSessions)
        .where(and(eq(forumSessions.forumId, forumId), sql`${forumSessions.heldOn} < ${before}`))
        .orderBy(desc(forumSessions.heldOn))
        .limit(1)
    )[0]?.heldOn ?? null
  );
}

// ---- Loop measures ----

export type LoopMeasureSource = {
  id: number;
  forumId: string | null;
  heardOn: string;
  respondedOn: string | null;
  fedBackOn: string | null;
  linkedToCommitment: boolean;
  themeIds: number[];
};

/** The few columns loop measures need; flagged items only for viewers who may see them. */
export async function loopSource(
  db: Db,
  f: { heardFrom?: string; heardTo?: string },
  seesFlagged: boolean,
): Promise<LoopMeasureSource[]> {
  const where: SQL[] = [];
  if (!seesFlagged) where.push(eq(feedback.safeguarding, false));
  if (f.heardFrom) where.push(gte(feedback.heardOn, f.heardFrom));
  if (f.heardTo) where.push(lte(feedback.heardOn, f.heardTo));
  const rows = await db
    .select({
      id: feedback.id,
      forumId: feedback.forumId,
      heardOn: feedback.heardOn,
      respondedOn: feedback.respondedOn,
      fedBackOn: feedback.fedBackOn,
      commitments: sql<number>`(SELECT count(*) FROM ${feedbackCommitments} fc WHERE fc.feedback_id = ${outerId})`,
      themes: sql<string>`(SELECT json_group_array(DISTINCT p.theme_id) FROM ${feedbackPromises} fp JOIN ${promises} p ON p.id = fp.promise_id WHERE fp.feedback_id = ${outerId})`,
    })
    .from(feedback)
    .where(and(...where));
  return rows.map((r) => ({
    id: r.id,
    forumId: r.forumId,
    heardOn: r.heardOn,
    respondedOn: r.respondedOn,
    fedBackOn: r.fedBackOn,
    linkedToCommitment: r.commitments > 0,
    themeIds: (JSON.parse(r.themes) as number[]).sort((a, b) => a - b),
  }));
}

// ---- Survey export (the import is feedback-import.ts) ----

/** Every item not safeguarding-flagged, oldest first, for the export. */
/**
 * Every item the export may hold (no safeguarding-flagged one), oldest first, a page at a time
 * with a turn of the event loop before each: read in one go, a large council's 200,000 items held
 * the loop for ~15 s and nobody else was answered. Keyset pages on (heard on, id), so each page is
 * one indexed read. Pages are not one snapshot: an item logged or changed while the export runs
 * may be in it or not, as if it had been asked for a moment earlier or later.
 */
export async function* exportPages(db: Db, pageSize = EXPORT_PAGE): AsyncGenerator<FeedbackWithLinks[]> {
  let after: { heardOn: string; id: number } | null = null;
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    const rows: FeedbackRow[] = await db
      .select()
      .from(feedback)
      .where(
        and(
          eq(feedback.safeguarding, false),
          after
            ? or(
                gt(feedback.heardOn, after.heardOn),
                and(eq(feedback.heardOn, after.heardOn), gt(feedback.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(feedback.heardOn), asc(feedback.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield attachLinks(db, rows);
    const last = rows[rows.length - 1]!;
    after = { heardOn: last.heardOn, id: last.id };
  }
}

/** Items per page of exportPages: a few ms of event loop each (SQLite allows 32,766 parameters). */
const EXPORT_PAGE = 2_000;
