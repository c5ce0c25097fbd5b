// The board's meetings, RAG reviews and challenges. The summary's figures are in board-figures.ts
// (kept current by board-kept-loop.ts) and the evidence behind suggestions in board-evidence.ts.
import { and, asc, count, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { boardMeetings, challenges, promises, ragReviews, themes, users } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { updateVersioned, VersionConflict, write } from './write.js';

export { LoopTally, summaryFigures, type LoopCounts, type SummaryFigures } from './board-figures.js';

export type MeetingRow = typeof boardMeetings.$inferSelect;
export type ReviewRow = typeof ragReviews.$inferSelect;
export type ChallengeRow = typeof challenges.$inferSelect;
type Rating = ReviewRow['rating'];

// ---- existence checks, so routes can answer a field problem rather than a foreign-key failure

export const themeExists = async (db: Db, id: number) =>
  (await db.select({ id: themes.id }).from(themes).where(eq(themes.id, id)).limit(1))[0] !== undefined;

export const promiseExists = async (db: Db, id: number) =>
  (await db.select({ id: promises.id }).from(promises).where(eq(promises.id, id)).limit(1))[0] !== undefined;

export const activeUserExists = async (db: Db, id: number) =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, id), eq(users.disabled, false)))
      .limit(1)
  )[0] !== undefined;

// ---- meetings

export async function listMeetings(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ items: MeetingRow[]; total: number }> {
  const items = await db
    .select()
    .from(boardMeetings)
    .orderBy(desc(boardMeetings.meetingDate), desc(boardMeetings.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = (await db.select({ n: count() }).from(boardMeetings).limit(1))[0]?.n ?? 0;
  return { items, total };
}

export async function getMeeting(db: Db, id: number): Promise<MeetingRow | undefined> {
  return (await db.select().from(boardMeetings).where(eq(boardMeetings.id, id)).limit(1))[0];
}

export async function meetingReviews(db: Db, meetingId: number): Promise<ReviewRow[]> {
  return await db
    .select()
    .from(ragReviews)
    .where(eq(ragReviews.meetingId, meetingId))
    .orderBy(asc(ragReviews.promiseId));
}

export async function meetingChallenges(db: Db, meetingId: number): Promise<ChallengeRow[]> {
  return await db.select().from(challenges).where(eq(challenges.meetingId, meetingId)).orderBy(asc(challenges.id));
}

export async function createMeeting(
  db: Db,
  actor: Actor,
  input: Omit<typeof boardMeetings.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
): Promise<MeetingRow> {
  return write(db, async (tx) => {
    const row = (await tx.insert(boardMeetings).values(input).returning())[0]!;
    await recordAudit(tx, actor, 'create', 'board_meeting', row.id, null, row);
    return row;
  });
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<typeof boardMeetings.$inferInsert>,
): Promise<MeetingRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(boardMeetings).where(eq(boardMeetings.id, id)).limit(1))[0];
    const row = await updateVersioned(tx, boardMeetings, id, version, patch);
    if (before) {
      const diff = changedFields(before, row);
      await recordAudit(tx, actor, 'update', 'board_meeting', id, diff.before, diff.after);
      // A rating is decided on the meeting's date: keep them in step if the date was corrected.
      if (before.meetingDate !== row.meetingDate)
        await tx.update(ragReviews).set({ decidedOn: row.meetingDate }).where(eq(ragReviews.meetingId, id));
    }
    return row;
  });
}

export type DeleteMeetingResult =
  { outcome: 'deleted' } | { outcome: 'missing' } | { outcome: 'in_use'; reviews: number; challenges: number };

/** Removes a meeting entered by mistake. Ratings and challenges are kept forever, so a meeting with any stays. */
export async function deleteMeeting(db: Db, actor: Actor, id: number): Promise<DeleteMeetingResult> {
  return write(db, async (tx): Promise<DeleteMeetingResult> => {
    const before = (await tx.select().from(boardMeetings).where(eq(boardMeetings.id, id)).limit(1))[0];
    if (!before) return { outcome: 'missing' };
    const reviews =
      (await tx.select({ n: count() }).from(ragReviews).where(eq(ragReviews.meetingId, id)).limit(1))[0]?.n ?? 0;
    const raised =
      (await tx.select({ n: count() }).from(challenges).where(eq(challenges.meetingId, id)).limit(1))[0]?.n ?? 0;
    if (reviews > 0 || raised > 0) return { outcome: 'in_use', reviews, challenges: raised };
    await tx.delete(boardMeetings).where(eq(boardMeetings.id, id));
    await recordAudit(tx, actor, 'delete', 'board_meeting', id, before, null);
    return { outcome: 'deleted' };
  });
}

// ---- RAG reviews (kept forever: no delete)

export type ReviewInput = { rating: Rating; suggestedRating: Rating | null; rationale: string };

/**
 * Records the board's rating of a promise at a meeting, or changes it. Changing a rating already
 * recorded needs the version the client saw; without it the current review comes back as a conflict.
 */
export async function putReview(
  db: Db,
  actor: Actor,
  meeting: MeetingRow,
  promiseId: number,
  input: ReviewInput,
  version: number | undefined,
): Promise<{ row: ReviewRow; created: boolean }> {
  return write(db, async (tx) => {
    const where = and(eq(ragReviews.meetingId, meeting.id), eq(ragReviews.promiseId, promiseId));
    const before = (await tx.select().from(ragReviews).where(where).limit(1))[0];
    if (!before) {
      const row = (
        await tx
          .insert(ragReviews)
          .values({ meetingId: meeting.id, promiseId, decidedOn: meeting.meetingDate, ...input })
          .returning()
      )[0]!;
      await recordAudit(tx, actor, 'create', 'rag_review', row.id, null, row);
      return { row, created: true };
    }
    if (version === undefined) throw new VersionConflict(before);
    const row = await updateVersioned(tx, ragReviews, before.id, version, { ...input, decidedOn: meeting.meetingDate });
    const diff = changedFields(before, row);
    await recordAudit(tx, actor, 'update', 'rag_review', row.id, diff.before, diff.after);
    return { row, created: false };
  });
}

export async function reviewHistory(db: Db, promiseId: number, page: number, pageSize: number) {
  const items = (
    await db
      .select({ review: ragReviews, meetingTitle: boardMeetings.title })
      .from(ragReviews)
      .innerJoin(boardMeetings, eq(boardMeetings.id, ragReviews.meetingId))
      .where(eq(ragReviews.promiseId, promiseId))
      .orderBy(desc(ragReviews.decidedOn), desc(ragReviews.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
  ).map((r) => ({ ...r.review, meetingTitle: r.meetingTitle }));
  const total =
    (await db.select({ n: count() }).from(ragReviews).where(eq(ragReviews.promiseId, promiseId)).limit(1))[0]?.n ?? 0;
  return { items, total };
}

// ---- challenges

export async function getChallenge(db: Db, id: number): Promise<ChallengeRow | undefined> {
  return (await db.select().from(challenges).where(eq(challenges.id, id)).limit(1))[0];
}

export async function createChallenge(
  db: Db,
  actor: Actor,
  input: Omit<typeof challenges.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
): Promise<ChallengeRow> {
  return write(db, async (tx) => {
    const row = (await tx.insert(challenges).values(input).returning())[0]!;
    await recordAudit(tx, actor, 'create', 'challenge', row.id, null, row);
    return row;
  });
}

export async function updateChallenge(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<typeof challenges.$inferInsert>,
): Promise<ChallengeRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(challenges).where(eq(challenges.id, id)).limit(1))[0];
    const row = await updateVersioned(tx, challenges, id, version, patch);
    if (before) {
      const diff = changedFields(before, row);
      await recordAudit(tx, actor, 'update', 'challenge', id, diff.before, diff.after);
    }
    return row;
  });
}

export type ChallengeFilter = {
  open?: boolean;
  before?: string;
  meetingId?: number;
  promiseId?: number;
  ownerId?: number;
};

export async function listChallenges(db: Db, filter: ChallengeFilter, page: number, pageSize: number) {
  const conditions: SQL[] = [];
  if (filter.open === true) conditions.push(isNull(challenges.closedOn));
  if (filter.open === false) conditions.push(isNotNull(challenges.closedOn));
  if (filter.before) conditions.push(lt(boardMeetings.meetingDate, filter.before));
  if (filter.meetingId) conditions.push(eq(challenges.meetingId, filter.meetingId));
  if (filter.promiseId) conditions.push(eq(challenges.promiseId, filter.promiseId));
  if (filter.ownerId) conditions.push(eq(challenges.ownerId, filter.ownerId));
  const where = conditions.length ? and(...conditions) : undefined;
  const items = (
    await db
      .select({ challenge: challenges, meetingDate: boardMeetings.meetingDate, meetingTitle: boardMeetings.title })
      .from(challenges)
      .innerJoin(boardMeetings, eq(boardMeetings.id, challenges.meetingId))
      .where(where)
      .orderBy(asc(challenges.dueDate), asc(challenges.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
  ).map((r) => ({ ...r.challenge, meetingDate: r.meetingDate, meetingTitle: r.meetingTitle }));
  const total =
    (
      await db
        .select({ n: count() })
        .from(challenges)
        .innerJoin(boardMeetings, eq(boardMeetings.id, challenges.meetingId))
        .where(where)
        .limit(1)
    )[0]?.n ?? 0;
  return { items, total };
}

/** Open challenges set at meetings before this one: the matters arising. */
export async function mattersArising(db: Db, meeting: MeetingRow) {
  return (
    await db
      .select({ challenge: challenges, meetingDate: boardMeetings.meetingDate, meetingTitle: boardMeetings.title })
      .from(challenges)
      .innerJoin(boardMeetings, eq(boardMeetings.id, challenges.meetingId))
      .where(
        and(
          isNull(challenges.closedOn),
          sql`(${boardMeetings.meetingDate} < ${meeting.meetingDate} or (${boardMeetings.meetingDate} = ${meeting.meetingDate} and ${boardMeetings.id} < ${meeting.id}))`,
        ),
      )
      .orderBy(asc(challenges.dueDate), asc(challenges.id))
  ).map((r) => ({ ...r.challenge, meetingDate: r.meetingDate, meetingTitle: r.meetingTitle }));
}
