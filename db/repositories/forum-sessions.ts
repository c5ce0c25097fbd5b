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

async function counts(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: feedback.forumSessionId, n: count() })
    .from(feedback)
    .where(inArray(feedback.forumSessionId, ids))
    .groupBy(feedback.forumSessionId);
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
    const row = (
      await tx
        .insert(forumSessions)
        .values({ ...session, createdById: actor.id })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, 'create', 'forum_session', row.id, null, row);
    const created: FeedbackWithLinks[] = [];
    for (const item of items) {
      const f = (
        await tx
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
      )[0]!;
      const promiseIds = [...new Set(item.promiseIds)];
      if (promiseIds.length > 0)
        await tx.insert(feedbackPromises).values(promiseIds.map((promiseId) => ({ feedbackId: f.id, promiseId })));
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
  const rows = await db
    .select()
    .from(forumSessions)
    .where(where)
    .orderBy(desc(forumSessions.heldOn), desc(forumSessions.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const total = (await db.select({ n: count() }).from(forumSessions).where(where).limit(1))[0]?.n ?? 0;
  const n = await counts(
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
  const row = (await db.select().from(forumSessions).where(eq(forumSessions.id, id)).limit(1))[0];
  if (!row) return undefined;
  const ids = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(and(eq(feedback.forumSessionId, id), seesFlagged ? undefined : eq(feedback.safeguarding, false)))
    .orderBy(feedback.id);
  const items = ids.map((r) => getFeedback(db, r.id)!);
  return { ...row, itemCount: items.length, items };
}
