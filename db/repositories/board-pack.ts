// Loads what a board pack shows, and stores packs as frozen snapshots. A pack row is written
// once and never updated: later edits to promises, actions or measures never change it.
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  boardPacks,
  commitments,
  commitmentUpdates,
  feedback,
  feedbackPromises,
  promises,
  themes,
  users,
} from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { readTogether, write } from './write.js';

export type PackRow = typeof boardPacks.$inferSelect;

export type PackPromiseRow = {
  id: number;
  themeId: number;
  staffText: string;
  childText: string;
  audience: string;
  ownerName: string | null;
};

export type PackCommitmentRow = {
  id: number;
  promiseId: number;
  title: string;
  childTitle: string;
  status: 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'done' | 'dropped';
  progress: number;
  dueDate: string;
  childUpdate: string;
  childReason: string;
  ownerName: string | null;
  /** The owner's latest dated note, if any: the commentary the board reads beside an exception. */
  latestNote: string;
  latestNoteOn: string | null;
};

export type PackFeedbackRow = {
  id: number;
  promiseId: number | null;
  publicText: string;
  /** The approved copy children and the board read. */
  livePublicText: string;
  safeguarding: boolean;
  ageBand: string;
  heardOn: string;
  response: 'did' | 'doing' | 'cant' | null;
  responseText: string;
  cantReason: string;
  respondedOn: string | null;
};

/** Everything a pack reads, in one read transaction so every figure is from the same moment. */
export async function loadPackData(db: Db, period: { from: string; to: string }) {
  return await readTogether(db, async (tx) => {
    const themeRows = await tx
      .select({ id: themes.id, name: themes.name, childName: themes.childName, archived: themes.archived })
      .from(themes)
      .orderBy(asc(themes.sortOrder), asc(themes.id));
    const promiseRows: PackPromiseRow[] = await tx
      .select({
        id: promises.id,
        themeId: promises.themeId,
        staffText: promises.staffText,
        childText: promises.childText,
        audience: promises.audience,
        ownerName: users.name,
      })
      .from(promises)
      .leftJoin(users, eq(users.id, promises.ownerId))
      .where(eq(promises.archived, false))
      .orderBy(asc(promises.sortOrder), asc(promises.id));
    const ids = promiseRows.map((p) => p.id);
    const commitmentRows = ids.length
      ? await tx
          .select({
            id: commitments.id,
            promiseId: commitments.promiseId,
            title: commitments.title,
            childTitle: commitments.childTitle,
            status: commitments.status,
            progress: commitments.progress,
            dueDate: commitments.dueDate,
            childUpdate: commitments.childUpdate,
            childReason: commitments.childReason,
            ownerName: users.name,
          })
          .from(commitments)
          .leftJoin(users, eq(users.id, commitments.ownerId))
          .where(and(inArray(commitments.promiseId, ids), eq(commitments.archived, false)))
          .orderBy(asc(commitments.dueDate), asc(commitments.id))
      : [];
    const notes = new Map<number, { note: string; on: string }>();
    if (commitmentRows.length) {
      const rows = await tx
        .select({
          commitmentId: commitmentUpdates.commitmentId,
          note: commitmentUpdates.note,
          on: commitmentUpdates.updatedOn,
        })
        .from(commitmentUpdates)
        .where(
          and(
            inArray(
              commitmentUpdates.commitmentId,
              commitmentRows.map((c) => c.id),
            ),
            sql`${commitmentUpdates.note} <> ''`,
          ),
        )
        .orderBy(desc(commitmentUpdates.updatedOn), desc(commitmentUpdates.id));
      for (const r of rows) if (!notes.has(r.commitmentId)) notes.set(r.commitmentId, { note: r.note, on: r.on });
    }
    // Only approved, publishable words, never safeguarding-flagged ones: a pack is read widely.
    // This narrows the reading; which words are approved is decided by approvedPublicWords()
    // (server/domain/need-to-know.ts), and this fragment must follow it.
    const publishable = and(
      eq(feedback.publishState, 'approved'),
      eq(feedback.safeguarding, false),
      ne(feedback.livePublicText, ''),
    );
    const linked: PackFeedbackRow[] = await tx
      .select({
        id: feedback.id,
        promiseId: feedbackPromises.promiseId,
        publicText: feedback.livePublicText,
        livePublicText: feedback.livePublicText,
        safeguarding: feedback.safeguarding,
        ageBand: feedback.ageBand,
        heardOn: feedback.heardOn,
        response: feedback.liveResponse,
        responseText: feedback.liveResponseText,
        cantReason: feedback.liveCantReason,
        respondedOn: feedback.liveRespondedOn,
      })
      .from(feedbackPromises)
      .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
      .where(and(publishable, lte(feedback.heardOn, period.to)))
      .orderBy(desc(feedback.heardOn), desc(feedback.id));
    const toldUs: PackFeedbackRow[] = await tx
      .select({
        id: feedback.id,
        promiseId: sql<number | null>`null`,
        publicText: feedback.livePublicText,
        livePublicText: feedback.livePublicText,
        safeguarding: feedback.safeguarding,
        ageBand: feedback.ageBand,
        heardOn: feedback.heardOn,
        response: feedback.liveResponse,
        responseText: feedback.liveResponseText,
        cantReason: feedback.liveCantReason,
        respondedOn: feedback.liveRespondedOn,
      })
      .from(feedback)
      .where(and(publishable, gte(feedback.heardOn, period.from), lte(feedback.heardOn, period.to)))
      .orderBy(desc(feedback.heardOn), desc(feedback.id))
      .limit(200);
    return {
      themes: themeRows,
      promises: promiseRows,
      commitments: commitmentRows.map((c) => ({
        ...c,
        latestNote: notes.get(c.id)?.note ?? '',
        latestNoteOn: notes.get(c.id)?.on ?? null,
      })) as PackCommitmentRow[],
      linkedFeedback: linked,
      childrenToldUs: toldUs,
    };
  });
}
export type PackData = Awaited<ReturnType<typeof loadPackData>>;

export async function createPack(
  db: Db,
  actor: Actor,
  input: Omit<typeof boardPacks.$inferInsert, 'id' | 'createdAt'>,
): Promise<PackRow> {
  return write(db, async (tx) => {
    const row = (await tx.insert(boardPacks).values(input).returning())[0]!;
    // The snapshot itself is the record; the audit entry says who froze which pack, and when.
    await recordAudit(tx, actor, 'create', 'board_pack', row.id, null, {
      kind: row.kind,
      meetingId: row.meetingId,
      asAt: row.asAt,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
    });
    return row;
  });
}

export async function getPack(db: Db, id: number): Promise<PackRow | undefined> {
  return (await db.select().from(boardPacks).where(eq(boardPacks.id, id)).limit(1))[0];
}

/**
 * A pack for printing: its snapshot as the stored JSON text, unparsed. The PDF is printed in a
 * worker thread, which reads the text itself: parsing a large council's snapshot here, then
 * copying it to the worker, held the event loop.
 */
export async function getPackForPrint(
  db: Db,
  id: number,
): Promise<{ id: number; kind: PackRow['kind']; asAt: string; snapshotJson: string } | undefined> {
  return (
    await db
      .select({
        id: boardPacks.id,
        kind: boardPacks.kind,
        asAt: boardPacks.asAt,
        snapshotJson: sql<string>`${boardPacks.snapshot}`,
      })
      .from(boardPacks)
      .where(eq(boardPacks.id, id))
      .limit(1)
  )[0];
}

export async function listPacks(db: Db, filter: { meetingId?: number; kind?: PackRow['kind'] }) {
  return await db
    .select({
      id: boardPacks.id,
      meetingId: boardPacks.meetingId,
      kind: boardPacks.kind,
      asAt: boardPacks.asAt,
      periodFrom: boardPacks.periodFrom,
      periodTo: boardPacks.periodTo,
      createdAt: boardPacks.createdAt,
    })
    .from(boardPacks)
    .where(
      and(
        filter.meetingId ? eq(boardPacks.meetingId, filter.meetingId) : undefined,
        filter.kind ? eq(boardPacks.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(desc(boardPacks.createdAt), desc(boardPacks.id));
}

/** The meeting before this one, so "this period" runs from it. */
export async function previousMeetingDate(db: Db, meetingDate: string, meetingId: number): Promise<string | null> {
  const row = await db.get<{ d: string }>(sql`
    select meeting_date as d from board_meetings
    where meeting_date < ${meetingDate} or (meeting_date = ${meetingDate} and id < ${meetingId})
    order by meeting_date desc, id desc limit 1`);
  return row?.d ?? null;
}
