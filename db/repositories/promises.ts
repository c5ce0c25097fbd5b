// Promises, and what the promise list and promise card need to load about them. Reads for a
// page of promises are grouped queries over the page's ids, never one query per row.
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import {
  auditLog,
  boardMeetings,
  commitments,
  commitmentUpdates,
  evidence,
  feedback,
  feedbackPromises,
  measures,
  measureValues,
  promises,
  ragReviews,
  themes,
  users,
} from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { sameWordsDraft, syncReview } from './word-reviews.js';
import { updateVersioned, write } from './write.js';
import { cardLists } from './card-links.js';
import { measureOnPromise, measuresOnPromises } from './measure-links.js';

export type PromiseRow = typeof promises.$inferSelect;
type RagRating = (typeof ragReviews.$inferSelect)['rating'];

/** Statuses of a commitment that is finished with: every other status is still open. */
/** Every publish state, listed so the (publish_state, safeguarding) index finds flagged items. */
const PUBLISH_STATES = ['draft', 'approved', 'withheld'] as const;
const isOpen = sql`${commitments.status} not in ('done', 'dropped')`;

export async function getPromise(db: Db, id: number): Promise<PromiseRow | undefined> {
  return (await db.select().from(promises).where(eq(promises.id, id)).limit(1))[0];
}

export async function userName(db: Db, id: number): Promise<string | undefined> {
  return (await db.select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1))[0]?.name;
}

export type PromiseFilter = {
  themeId?: number;
  audience?: PromiseRow['audience'];
  ownerId?: number;
  archived: boolean;
  q?: string;
  sort: 'theme' | 'updatedAt' | '-updatedAt';
  page: number;
  pageSize: number;
};

export type ListContext = {
  /** YYYY-MM-DD in the council's time zone: commitments due before it are overdue. */
  today: string;
  /** Whether safeguarding-flagged feedback counts for this caller. */
  includeSafeguarding: boolean;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterConditions(f: PromiseFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(promises.archived, f.archived)];
  if (f.themeId !== undefined) conditions.push(eq(promises.themeId, f.themeId));
  if (f.audience) conditions.push(eq(promises.audience, f.audience));
  if (f.ownerId !== undefined) conditions.push(eq(promises.ownerId, f.ownerId));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const like = (column: SQLiteColumn) => sql`${column} like ${pattern} escape '\\'`;
    conditions.push(
      or(like(promises.staffText), like(promises.childText), like(promises.staffTextCy), like(promises.childTextCy)),
    );
  }
  return and(...conditions);
}

export type PromiseListRow = PromiseRow & {
  themeName: string;
  ownerName: string | null;
  rag: { latest: RagRating | null; decidedOn: string | null; previous: RagRating | null };
  counts: {
    commitments: number;
    commitmentsOpen: number;
    commitmentsOverdue: number;
    feedback: number;
    measures: number;
  };
};

export async function listPromises(db: Db, f: PromiseFilter, ctx: ListContext) {
  const where = filterConditions(f);
  const order =
    f.sort === 'updatedAt'
      ? [asc(promises.updatedAt), asc(promises.id)]
      : f.sort === '-updatedAt'
        ? [desc(promises.updatedAt), desc(promises.id)]
        : [asc(themes.sortOrder), asc(themes.id), asc(promises.sortOrder), asc(promises.id)];
  const rows = await db
    .select({ promise: promises, themeName: themes.name, ownerName: users.name })
    .from(promises)
    .innerJoin(themes, eq(themes.id, promises.themeId))
    .leftJoin(users, eq(users.id, promises.ownerId))
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = (await db.select({ n: count() }).from(promises).where(where).limit(1))[0]?.n ?? 0;

  const ids = rows.map((r) => r.promise.id);
  const rag = await latestTwoReviews(db, ids);
  const commitmentCounts = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({
              promiseId: commitments.promiseId,
              total: count(),
              open: sql<number>`coalesce(sum(case when ${isOpen} then 1 else 0 end), 0)`,
              overdue: sql<number>`coalesce(sum(case when ${isOpen} and ${commitments.dueDate} < ${ctx.today} then 1 else 0 end), 0)`,
            })
            .from(commitments)
            .where(and(inArray(commitments.promiseId, ids), eq(commitments.archived, false)))
            .groupBy(commitments.promiseId)
        ).map((r) => [r.promiseId, r]),
  );
  const feedbackCounts = await feedbackCountsOf(db, ids, ctx.includeSafeguarding);
  // Counted on every promise a measure is on: its own and those it is linked to.
  const measureCounts = new Map<number, number>();
  for (const on of (await measuresOnPromises(db, ids)).values())
    for (const promiseId of on) measureCounts.set(promiseId, (measureCounts.get(promiseId) ?? 0) + 1);

  const items: PromiseListRow[] = rows.map((r) => {
    const id = r.promise.id;
    const reviews = rag.get(id) ?? [];
    const c = commitmentCounts.get(id);
    return {
      ...r.promise,
      themeName: r.themeName,
      ownerName: r.ownerName,
      rag: {
        latest: reviews[0]?.rating ?? null,
        decidedOn: reviews[0]?.decidedOn ?? null,
        previous: reviews[1]?.rating ?? null,
      },
      counts: {
        commitments: c?.total ?? 0,
        commitmentsOpen: c?.open ?? 0,
        commitmentsOverdue: c?.overdue ?? 0,
        feedback: feedbackCounts.get(id) ?? 0,
        measures: measureCounts.get(id) ?? 0,
      },
    };
  });
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/**
 * How many feedback items are linked to each promise. Counted through the narrow promise_id
 * index of the link table, never the wide feedback rows: joining them read every linked item of
 * the page (100,000 rows, about a second, for 50 promises of a large council). For callers who
 * may not see safeguarding-flagged items, the flagged few are found through the
 * (publish_state, safeguarding) index and subtracted; `+` keeps SQLite from probing the link
 * table once per page id for each of them.
 */
async function feedbackCountsOf(db: Db, ids: number[], includeSafeguarding: boolean): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (ids.length === 0) return counts;
  const linked = await db
    .select({ promiseId: feedbackPromises.promiseId, n: count() })
    .from(feedbackPromises)
    .where(inArray(feedbackPromises.promiseId, ids))
    .groupBy(feedbackPromises.promiseId);
  for (const r of linked) counts.set(r.promiseId, r.n);
  if (includeSafeguarding) return counts;
  const flagged = await db.all<{ promiseId: number; n: number }>(sql`
    select fp.promise_id as promiseId, count(*) as n
    from ${feedback} f cross join ${feedbackPromises} fp on fp.feedback_id = f.id
    where f.publish_state in ${PUBLISH_STATES} and f.safeguarding = 1 and +fp.promise_id in ${ids}
    group by fp.promise_id`);
  for (const r of flagged) counts.set(r.promiseId, (counts.get(r.promiseId) ?? 0) - r.n);
  return counts;
}

/** The latest and the previous decided review of each promise, newest first. */
async function latestTwoReviews(db: Db, ids: number[]) {
  const byPromise = new Map<number, { rating: RagRating; decidedOn: string }[]>();
  if (ids.length === 0) return byPromise;
  const ranked = db
    .select({
      promiseId: ragReviews.promiseId,
      rating: ragReviews.rating,
      decidedOn: ragReviews.decidedOn,
      rn: sql<number>`row_number() over (partition by ${ragReviews.promiseId} order by ${ragReviews.decidedOn} desc, ${ragReviews.id} desc)`.as(
        'rn',
      ),
    })
    .from(ragReviews)
    .where(inArray(ragReviews.promiseId, ids))
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rn} <= 2`)
    .orderBy(asc(ranked.promiseId), asc(ranked.rn));
  for (const r of rows) {
    const list = byPromise.get(r.promiseId) ?? [];
    list.push({ rating: r.rating, decidedOn: r.decidedOn });
    byPromise.set(r.promiseId, list);
  }
  return byPromise;
}

export type NewPromise = Omit<typeof promises.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'archived'>;

export async function createPromise(db: Db, actor: Actor, input: NewPromise): Promise<PromiseRow> {
  return write(db, async (tx) => {
    // A new promise goes to the end of its theme unless told otherwise.
    const sortOrder =
      input.sortOrder ??
      ((
        await tx
          .select({ max: sql<number>`coalesce(max(${promises.sortOrder}), -1)` })
          .from(promises)
          .where(eq(promises.themeId, input.themeId))
          .limit(1)
      )[0]?.max ?? -1) + 1;
    const row = (
      await tx
        .insert(promises)
        .values({ ...input, sortOrder, ...sameWordsDraft('promise', null, input) })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, 'create', 'promise', row.id, null, row);
    await syncReview(tx, 'promise', null, row, actor);
    return row;
  });
}

export async function updatePromise(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<typeof promises.$inferInsert>,
): Promise<PromiseRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(promises).where(eq(promises.id, id)).limit(1))[0];
    // With the same words on, editing the staff words edits the children's draft too.
    const row = await updateVersioned(tx, promises, id, version, {
      ...patch,
      ...(before && sameWordsDraft('promise', before, patch)),
    });
    if (before) {
      const diff = changedFields(before, row);
      await recordAudit(tx, actor, 'update', 'promise', id, diff.before, diff.after);
      await syncReview(tx, 'promise', before, row, actor);
    }
    return row;
  });
}

/** Archives a promise (the DELETE verb). Archiving an archived promise changes nothing. */
export async function archivePromise(db: Db, actor: Actor, id: number): Promise<PromiseRow | undefined> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(promises).where(eq(promises.id, id)).limit(1))[0];
    if (!before || before.archived) return before;
    const row = await updateVersioned(tx, promises, id, before.version, { archived: true });
    await recordAudit(tx, actor, 'archive', 'promise', id, { archived: false }, { archived: true });
    return row;
  });
}

export async function promiseHistory(db: Db, id: number) {
  return await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userEmail: auditLog.userEmail,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'promise'), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

/** Rows in the order of `ids`. */
function inOrder<T>(ids: number[], rows: T[], idOf: (row: T) => number): T[] {
  const byId = new Map(rows.map((r) => [idOf(r), r]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Everything the promise card shows, as stored. The route applies the rules (overdue, trend,
 * small-number suppression) to what this loads.
 */
export async function loadPromiseCard(db: Db, promise: PromiseRow, includeSafeguarding: boolean) {
  const id = promise.id;
  const theme = (await db.select().from(themes).where(eq(themes.id, promise.themeId)).limit(1))[0]!;
  const owner =
    promise.ownerId === null
      ? null
      : ((
          await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, promise.ownerId)).limit(1)
        )[0] ?? null);

  // The lists are kept per promise (card-links.ts); only the listed items' wide rows are read.
  const { heardIds, heardTotal, answeredIds, answeredTotal } = await cardLists(db, id, includeSafeguarding);
  const heard = inOrder(
    heardIds,
    heardIds.length === 0
      ? []
      : await db
          .select({
            id: feedback.id,
            text: feedback.text,
            ageBand: feedback.ageBand,
            heardOn: feedback.heardOn,
            safeguarding: feedback.safeguarding,
            // What the route needs to decide which words the caller is shown.
            publicText: feedback.publicText,
            publishState: feedback.publishState,
            livePublicText: feedback.livePublicText,
          })
          .from(feedback)
          .where(inArray(feedback.id, heardIds)),
    (r) => r.id,
  );
  const answered = inOrder(
    answeredIds,
    answeredIds.length === 0
      ? []
      : await db
          .select({
            feedbackId: feedback.id,
            publicText: feedback.publicText,
            publishState: feedback.publishState,
            livePublicText: feedback.livePublicText,
            safeguarding: feedback.safeguarding,
            response: sql<'did' | 'doing' | 'cant'>`${feedback.response}`,
            responseText: feedback.responseText,
            cantReason: feedback.cantReason,
          })
          .from(feedback)
          .where(inArray(feedback.id, answeredIds)),
    (r) => r.feedbackId,
  );

  const weWill = await db
    .select({
      id: commitments.id,
      title: commitments.title,
      ownerId: commitments.ownerId,
      ownerName: users.name,
      dueDate: commitments.dueDate,
      status: commitments.status,
      progress: commitments.progress,
    })
    .from(commitments)
    .leftJoin(users, eq(users.id, commitments.ownerId))
    .where(and(eq(commitments.promiseId, id), eq(commitments.archived, false)))
    .orderBy(asc(commitments.dueDate), asc(commitments.id));
  const latestUpdates = await latestCommitmentUpdates(
    db,
    weWill.map((c) => c.id),
  );

  const measureRows = await db
    .select()
    .from(measures)
    .where(and(measureOnPromise(id), eq(measures.archived, false)))
    .orderBy(asc(measures.id));
  const values =
    measureRows.length === 0
      ? []
      : await db
          .select()
          .from(measureValues)
          .where(
            inArray(
              measureValues.measureId,
              measureRows.map((m) => m.id),
            ),
          )
          .orderBy(asc(measureValues.measureId), asc(measureValues.period));
  const valuesByMeasure = new Map<number, typeof values>();
  for (const v of values) {
    const group = valuesByMeasure.get(v.measureId);
    if (group) group.push(v);
    else valuesByMeasure.set(v.measureId, [v]);
  }
  const evidenceRows = await db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      title: evidence.title,
      body: evidence.body,
      url: evidence.url,
      dated: evidence.dated,
    })
    .from(evidence)
    .where(eq(evidence.promiseId, id))
    .orderBy(desc(evidence.dated), desc(evidence.id));

  const reviews = await db
    .select({
      meetingId: ragReviews.meetingId,
      meetingDate: boardMeetings.meetingDate,
      meetingTitle: boardMeetings.title,
      rating: ragReviews.rating,
      rationale: ragReviews.rationale,
      decidedOn: ragReviews.decidedOn,
    })
    .from(ragReviews)
    .innerJoin(boardMeetings, eq(boardMeetings.id, ragReviews.meetingId))
    .where(eq(ragReviews.promiseId, id))
    .orderBy(desc(ragReviews.decidedOn), desc(ragReviews.id));

  return {
    theme,
    owner,
    youSaid: { items: heard, total: heardTotal },
    weDid: { items: answered, total: answeredTotal },
    weWill: weWill.map((c) => ({ ...c, latestUpdate: latestUpdates.get(c.id) ?? null })),
    measures: measureRows.map((m) => ({ ...m, values: valuesByMeasure.get(m.id) ?? [] })),
    evidence: evidenceRows,
    reviews,
  };
}

/** The newest update of each commitment: one grouped query. */
async function latestCommitmentUpdates(db: Db, ids: number[]) {
  const latest = new Map<number, { note: string; updatedOn: string }>();
  if (ids.length === 0) return latest;
  const ranked = db
    .select({
      commitmentId: commitmentUpdates.commitmentId,
      note: commitmentUpdates.note,
      updatedOn: commitmentUpdates.updatedOn,
      rn: sql<number>`row_number() over (partition by ${commitmentUpdates.commitmentId} order by ${commitmentUpdates.updatedOn} desc, ${commitmentUpdates.createdAt} desc, ${commitmentUpdates.id} desc)`.as(
        'rn',
      ),
    })
    .from(commitmentUpdates)
    .where(inArray(commitmentUpdates.commitmentId, ids))
    .as('ranked');
  for (const r of await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rn} = 1`))
    latest.set(r.commitmentId, { note: r.note, updatedOn: r.updatedOn });
  return latest;
}
