// Forum meetings and surveys: the session and everything said at it are written together, or not at all.
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback, feedbackPromises, forumSessions } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { getFeedback, type FeedbackInsert, type FeedbackWithLinks } from './feedback.js';
import { write, type DbOrTx } from './write.js';

export type ForumSessionRow = typeof forumSessions.$inferSelect;
export type ForumSessionWithCount = ForumSessionRow & { itemCount: number };

export type NewSessionItem = Pick<FeedbackInsert, 'text' | 'ageBand' | 'publicText'> & { promiseIds: number[] };

function counts(db: DbOrTx, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: feedback.forumSessionId, n: count() })
    .from(feedback)
    .where(inArray(feedback.forumSessionId, ids))
    .groupBy(feedback.forumSessionId)
    .all();
  return new Map(rows.map((r) => [r.id!, r.n]));
}

/** Creates the session and every item in one transaction, each audited. */
export async function createForumSession(
  db: Db,
  actor: Actor,
  session: Pick<
    typeof forumSessions.$inferInsert,
    'kind' | 'forumId' | 'heldOn' | 'attendance' | 'respondents' | 'surveyYear' | 'title' | 'ageBands' | 'notes'
  >,
  items: readonly NewSessionItem[],
): Promise<ForumSessionWithCount & { items: FeedbackWithLinks[] }> {
  return write(db, async (tx) => {
    const row = tx
      .insert(forumSessions)
      .values({ ...session, createdById: actor.id })
      .returning()
      .get();
    await recordAudit(tx, actor, 'create', 'forum_session', row.id, null, row);
    const created: FeedbackWithLinks[] = [];
    for (const item of items) {
      const f = tx
        .insert(feedback)
        .values({
          text: item.text,
          ageBand: item.ageBand,
          publicText: item.publicText ?? '',
          // What a survey's respondents wrote is from the survey, not heard at a forum.
          source: session.kind === 'survey' ? 'survey' : 'forum',
          forumId: session.kind === 'survey' ? null : session.forumId,
          forumSessionId: row.id,
          heardOn: session.heldOn,
          loggedById: actor.id,
        })
        .returning()
        .get();
      const promiseIds = [...new Set(item.promiseIds)];
      if (promiseIds.length > 0)
        tx.insert(feedbackPromises)
          .values(promiseIds.map((promiseId) => ({ feedbackId: f.id, promiseId })))
          .run();
      const full = getFeedback(tx, f.id)!;
      await recordAudit(tx, actor, 'create', 'feedback', f.id, null, full);
      created.push(full);
    }
    return { ...row, itemCount: created.length, items: created };
  });
}

export async function listForumSessions(
  db: Db,
  filter: { forumId?: string; kind?: ForumSessionRow['kind']; page: number; pageSize: number },
): Promise<{ items: ForumSessionWithCount[]; total: number }> {
  const where = and(
    filter.forumId ? eq(forumSessions.forumId, filter.forumId) : undefined,
    filter.kind ? eq(forumSessions.kind, filter.kind) : undefined,
  );
  const rows = db
    .select()
    .from(forumSessions)
    .where(where)
    .orderBy(desc(forumSessions.heldOn), desc(forumSessions.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  const total = db.select({ n: count() }).from(forumSessions).where(where).get()?.n ?? 0;
  const n = counts(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ ...r, itemCount: n.get(r.id) ?? 0 })), total };
}

/** The session and its items; flagged items only when the viewer may see them. */
export async function getForumSession(
  db: Db,
  id: number,
  seesFlagged: boolean,
): Promise<(ForumSessionWithCount & { items: FeedbackWithLinks[] }) | undefined> {
  const row = db.select().from(forumSessions).where(eq(forumSessions.id, id)).get();
  if (!row) return undefined;
  const ids = db
    .select({ id: feedback.id })
    .from(feedback)
    .where(and(eq(feedback.forumSessionId, id), seesFlagged ? undefined : eq(feedback.safeguarding, false)))
    .orderBy(feedback.id)
    .all();
  const items = ids.map((r) => getFeedback(db, r.id)!);
  return { ...row, itemCount: items.length, items };
}
