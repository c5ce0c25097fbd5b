// The board's meetings, RAG reviews and challenges, and the grouped figures behind its summary.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { openCommitment } from './commitment-state.js';
import type { Db } from '../client.js';
import {
  boardMeetings,
  challenges,
  commitments,
  measureValues,
  promises,
  ragReviews,
  themes,
  users,
  verdicts,
} from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { readTogether, updateVersioned, VersionConflict, write, type Tx } from './write.js';

export type MeetingRow = typeof boardMeetings.$inferSelect;
export type ReviewRow = typeof ragReviews.$inferSelect;
export type ChallengeRow = typeof challenges.$inferSelect;
type Rating = ReviewRow['rating'];

// ---- existence checks, so routes can answer a field problem rather than a foreign-key failure

export const themeExists = (db: Db, id: number) =>
  db.select({ id: themes.id }).from(themes).where(eq(themes.id, id)).get() !== undefined;

export const promiseExists = (db: Db, id: number) =>
  db.select({ id: promises.id }).from(promises).where(eq(promises.id, id)).get() !== undefined;

export const activeUserExists = (db: Db, id: number) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false)))
    .get() !== undefined;

// ---- meetings

export function listMeetings(db: Db, page: number, pageSize: number): { items: MeetingRow[]; total: number } {
  const items = db
    .select()
    .from(boardMeetings)
    .orderBy(desc(boardMeetings.meetingDate), desc(boardMeetings.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: count() }).from(boardMeetings).get()?.n ?? 0;
  return { items, total };
}

export function getMeeting(db: Db, id: number): MeetingRow | undefined {
  return db.select().from(boardMeetings).where(eq(boardMeetings.id, id)).get();
}

export function meetingReviews(db: Db, meetingId: number): ReviewRow[] {
  return db
    .select()
    .from(ragReviews)
    .where(eq(ragReviews.meetingId, meetingId))
    .orderBy(asc(ragReviews.promiseId))
    .all();
}

export function meetingChallenges(db: Db, meetingId: number): ChallengeRow[] {
  return db.select().from(challenges).where(eq(challenges.meetingId, meetingId)).orderBy(asc(challenges.id)).all();
}

export function createMeeting(
  db: Db,
  actor: Actor,
  input: Omit<typeof boardMeetings.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
): MeetingRow {
  return write(db, (tx) => {
    const row = tx.insert(boardMeetings).values(input).returning().get();
    recordAudit(tx, actor, 'create', 'board_meeting', row.id, null, row);
    return row;
  });
}

export function updateMeeting(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<typeof boardMeetings.$inferInsert>,
): MeetingRow {
  return write(db, (tx) => {
    const before = tx.select().from(boardMeetings).where(eq(boardMeetings.id, id)).get();
    const row = updateVersioned(tx, boardMeetings, id, version, patch);
    if (before) {
      const diff = changedFields(before, row);
      recordAudit(tx, actor, 'update', 'board_meeting', id, diff.before, diff.after);
      // A rating is decided on the meeting's date: keep them in step if the date was corrected.
      if (before.meetingDate !== row.meetingDate)
        tx.update(ragReviews).set({ decidedOn: row.meetingDate }).where(eq(ragReviews.meetingId, id)).run();
    }
    return row;
  });
}

export type DeleteMeetingResult =
  { outcome: 'deleted' } | { outcome: 'missing' } | { outcome: 'in_use'; reviews: number; challenges: number };

/** Removes a meeting entered by mistake. Ratings and challenges are kept forever, so a meeting with any stays. */
export function deleteMeeting(db: Db, actor: Actor, id: number): DeleteMeetingResult {
  return write(db, (tx): DeleteMeetingResult => {
    const before = tx.select().from(boardMeetings).where(eq(boardMeetings.id, id)).get();
    if (!before) return { outcome: 'missing' };
    const reviews = tx.select({ n: count() }).from(ragReviews).where(eq(ragReviews.meetingId, id)).get()?.n ?? 0;
    const raised = tx.select({ n: count() }).from(challenges).where(eq(challenges.meetingId, id)).get()?.n ?? 0;
    if (reviews > 0 || raised > 0) return { outcome: 'in_use', reviews, challenges: raised };
    tx.delete(boardMeetings).where(eq(boardMeetings.id, id)).run();
    recordAudit(tx, actor, 'delete', 'board_meeting', id, before, null);
    return { outcome: 'deleted' };
  });
}

// ---- RAG reviews (kept forever: no delete)

export type ReviewInput = { rating: Rating; suggestedRating: Rating | null; rationale: string };

/**
 * Records the board's rating of a promise at a meeting, or changes it. Changing a rating already
 * recorded needs the version the client saw; without it the current review comes back as a conflict.
 */
export function putReview(
  db: Db,
  actor: Actor,
  meeting: MeetingRow,
  promiseId: number,
  input: ReviewInput,
  version: number | undefined,
): { row: ReviewRow; created: boolean } {
  return write(db, (tx) => {
    const where = and(eq(ragReviews.meetingId, meeting.id), eq(ragReviews.promiseId, promiseId));
    const before = tx.select().from(ragReviews).where(where).get();
    if (!before) {
      const row = tx
        .insert(ragReviews)
        .values({ meetingId: meeting.id, promiseId, decidedOn: meeting.meetingDate, ...input })
        .returning()
        .get();
      recordAudit(tx, actor, 'create', 'rag_review', row.id, null, row);
      return { row, created: true };
    }
    if (version === undefined) throw new VersionConflict(before);
    const row = updateVersioned(tx, ragReviews, before.id, version, { ...input, decidedOn: meeting.meetingDate });
    const diff = changedFields(before, row);
    recordAudit(tx, actor, 'update', 'rag_review', row.id, diff.before, diff.after);
    return { row, created: false };
  });
}

export function reviewHistory(db: Db, promiseId: number, page: number, pageSize: number) {
  const items = db
    .select({ review: ragReviews, meetingTitle: boardMeetings.title })
    .from(ragReviews)
    .innerJoin(boardMeetings, eq(boardMeetings.id, ragReviews.meetingId))
    .where(eq(ragReviews.promiseId, promiseId))
    .orderBy(desc(ragReviews.decidedOn), desc(ragReviews.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => ({ ...r.review, meetingTitle: r.meetingTitle }));
  const total = db.select({ n: count() }).from(ragReviews).where(eq(ragReviews.promiseId, promiseId)).get()?.n ?? 0;
  return { items, total };
}

// ---- challenges

export function getChallenge(db: Db, id: number): ChallengeRow | undefined {
  return db.select().from(challenges).where(eq(challenges.id, id)).get();
}

export function createChallenge(
  db: Db,
  actor: Actor,
  input: Omit<typeof challenges.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
): ChallengeRow {
  return write(db, (tx) => {
    const row = tx.insert(challenges).values(input).returning().get();
    recordAudit(tx, actor, 'create', 'challenge', row.id, null, row);
    return row;
  });
}

export function updateChallenge(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<typeof challenges.$inferInsert>,
): ChallengeRow {
  return write(db, (tx) => {
    const before = tx.select().from(challenges).where(eq(challenges.id, id)).get();
    const row = updateVersioned(tx, challenges, id, version, patch);
    if (before) {
      const diff = changedFields(before, row);
      recordAudit(tx, actor, 'update', 'challenge', id, diff.before, diff.after);
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

export function listChallenges(db: Db, filter: ChallengeFilter, page: number, pageSize: number) {
  const conditions: SQL[] = [];
  if (filter.open === true) conditions.push(isNull(challenges.closedOn));
  if (filter.open === false) conditions.push(isNotNull(challenges.closedOn));
  if (filter.before) conditions.push(lt(boardMeetings.meetingDate, filter.before));
  if (filter.meetingId) conditions.push(eq(challenges.meetingId, filter.meetingId));
  if (filter.promiseId) conditions.push(eq(challenges.promiseId, filter.promiseId));
  if (filter.ownerId) conditions.push(eq(challenges.ownerId, filter.ownerId));
  const where = conditions.length ? and(...conditions) : undefined;
  const items = db
    .select({ challenge: challenges, meetingDate: boardMeetings.meetingDate, meetingTitle: boardMeetings.title })
    .from(challenges)
    .innerJoin(boardMeetings, eq(boardMeetings.id, challenges.meetingId))
    .where(where)
    .orderBy(asc(challenges.dueDate), asc(challenges.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => ({ ...r.challenge, meetingDate: r.meetingDate, meetingTitle: r.meetingTitle }));
  const total =
    db
      .select({ n: count() })
      .from(challenges)
      .innerJoin(boardMeetings, eq(boardMeetings.id, challenges.meetingId))
      .where(where)
      .get()?.n ?? 0;
  return { items, total };
}

// ---- the board summary's figures. The loop figures are worked out in one pass over a narrow
// index (below); the rest are small grouped queries.

export type DayCount = { promiseId: number | null; days: number; n: number };
export type WaitingCount = { promiseId: number | null; n: number; overTarget: number };

/** How the loop is closed over one set of feedback; promiseId null rows cover the whole set. */
export type LoopCounts = {
  waiting: WaitingCount[];
  respondDays: DayCount[];
  feedBackDays: DayCount[];
  feedback: number;
  unlinkedFeedback: number;
};

export type SummaryFigures = {
  themes: { id: number; name: string; colour: string; archived: boolean }[];
  promises: {
    id: number;
    themeId: number;
    staffText: string;
    audience: 'children_in_care' | 'care_leavers' | 'both';
    ownerId: number | null;
    ownerName: string | null;
  }[];
  /** The latest two reviews of each promise: rank 1 is the latest. */
  reviews: { promiseId: number; rating: Rating; decidedOn: string; meetingId: number; rank: number }[];
  overdue: { promiseId: number; n: number }[];
  /** Over all feedback. */
  all: LoopCounts;
  /** Over safeguarding-flagged feedback only (few), so callers who may not see it can subtract it. */
  safeguarding: LoopCounts;
};

const PUBLISH_STATES = ['draft', 'approved', 'withheld'] as const;

/**
 * Bins one set of feedback into the loop figures, one (item, linked promise) row at a time: per
 * promise for every link, and once per item for the whole set.
 */
export class LoopTally {
  private readonly waiting = new Map<number | null, WaitingCount>();
  private readonly respond = new Map<number | null, Map<number, number>>();
  private readonly fedBack = new Map<number | null, Map<number, number>>();
  private feedback = 0;
  private unlinked = 0;
  private lastId: number | null = null;

  /**
   * @param promiseId null for an item linked to no promise
   * @param respondDays days from heard to answered; null while unanswered
   * @param feedBackDays days from heard to fed back; null until fed back
   * @param overTarget unanswered and heard before the answer target
   *
   * Rows of one item must come together (an item's links follow it), as a join driven by the
   * feedback gives them.
   */
  add(
    id: number,
    promiseId: number | null,
    respondDays: number | null,
    feedBackDays: number | null,
    overTarget: boolean,
  ) {
    if (id !== this.lastId) {
      this.lastId = id;
      this.feedback++;
      if (promiseId === null) this.unlinked++;
      this.count(null, respondDays, feedBackDays, overTarget);
    }
    if (promiseId !== null) this.count(promiseId, respondDays, feedBackDays, overTarget);
  }

  counts(): LoopCounts {
    const days = (bins: Map<number | null, Map<number, number>>) =>
      [...bins].flatMap(([promiseId, byDays]) => [...byDays].map(([d, n]) => ({ promiseId, days: d, n })));
    // The whole set always has a waiting row, as a count over no rows still gives one.
    if (!this.waiting.has(null)) this.waiting.set(null, { promiseId: null, n: 0, overTarget: 0 });
    return {
      waiting: [...this.waiting.values()],
      respondDays: days(this.respond),
      feedBackDays: days(this.fedBack),
      feedback: this.feedback,
      unlinkedFeedback: this.unlinked,
    };
  }

  private count(
    promiseId: number | null,
    respondDays: number | null,
    feedBackDays: number | null,
    overTarget: boolean,
  ) {
    if (respondDays === null) {
      const w = this.waiting.get(promiseId) ?? { promiseId, n: 0, overTarget: 0 };
      w.n++;
      if (overTarget) w.overTarget++;
      this.waiting.set(promiseId, w);
    } else bump(this.respond, promiseId, respondDays);
    if (feedBackDays !== null) bump(this.fedBack, promiseId, feedBackDays);
  }
}

function bump(bins: Map<number | null, Map<number, number>>, promiseId: number | null, days: number) {
  let byDays = bins.get(promiseId);
  if (!byDays) bins.set(promiseId, (byDays = new Map()));
  byDays.set(days, (byDays.get(days) ?? 0) + 1);
}

/** The tally the running statement feeds: statements run synchronously, one at a time. */
let tallying: LoopTally | null = null;
const withTally = new WeakSet<object>();

/**
 * SQLite has no hash aggregate: a GROUP BY over ~200,000 (item, promise, days) rows sorted them
 * all in a temporary B-tree, three times over, for ~18,000 groups (~0.7 s of blocked event loop).
 * pt_loop_tally(...) instead hands each row of one indexed pass to LoopTally, which bins it.
 */
function defineLoopTally(db: Db) {
  if (withTally.has(db.$client)) return;
  db.$client.aggregate<null>('pt_loop_tally', {
    start: null,
    varargs: true,
    step: (_, ...row: unknown[]) => {
      const [id, promiseId, respondDays, feedBackDays, overTarget] = row as [
        number,
        number | null,
        number | null,
        number | null,
        number,
      ];
      tallying!.add(id, promiseId, respondDays, feedBackDays, overTarget === 1);
    },
    result: () => null,
  });
  withTally.add(db.$client);
}

/** Days between two YYYY-MM-DD columns, as a whole number (null when `to` is). */
const daysFrom = (from: string, to: string) =>
  sql.raw(`cast(round(julianday(f.${to}) - julianday(f.${from})) as integer)`);

/**
 * @param source the feedback to count, as `f` with its id, heard_on, responded_on and fed_back_on
 */
function loopCounts(tx: Tx, source: SQL, overTargetBefore: string): LoopCounts {
  const tally = new LoopTally();
  tallying = tally;
  try {
    // Drive from the feedback (through a narrow index that holds its three dates and its id,
    // never the wide rows) and reach each item's promises through the (feedback_id, promise_id)
    // key. A LEFT JOIN keeps the feedback on the outside, so an item's links come together.
    tx.get(sql`
      select pt_loop_tally(f.id, fp.promise_id, ${daysFrom('heard_on', 'responded_on')},
                           ${daysFrom('heard_on', 'fed_back_on')},
                           f.responded_on is null and f.heard_on < ${overTargetBefore})
      from ${source} left join feedback_promises fp on fp.feedback_id = f.id`);
  } finally {
    tallying = null;
  }
  return tally.counts();
}

/**
 * @param today commitments due before this are overdue
 * @param overTargetBefore feedback heard before this and still unanswered is past its target
 */
export function summaryFigures(db: Db, today: string, overTargetBefore: string): SummaryFigures {
  defineLoopTally(db);
  return readTogether(
    db,
    (tx) => {
      const themeRows = tx
        .select({ id: themes.id, name: themes.name, colour: themes.colour, archived: themes.archived })
        .from(themes)
        .orderBy(asc(themes.sortOrder), asc(themes.id))
        .all();
      const promiseRows = tx
        .select({
          id: promises.id,
          themeId: promises.themeId,
          staffText: promises.staffText,
          audience: promises.audience,
          ownerId: promises.ownerId,
          ownerName: users.name,
        })
        .from(promises)
        .leftJoin(users, eq(users.id, promises.ownerId))
        .where(eq(promises.archived, false))
        .orderBy(asc(promises.sortOrder), asc(promises.id))
        .all();
      const reviews = tx.all<SummaryFigures['reviews'][number]>(sql`
        select promise_id as promiseId, rating, decided_on as decidedOn, meeting_id as meetingId, rank
        from (select promise_id, rating, decided_on, meeting_id,
                     row_number() over (partition by promise_id order by decided_on desc, id desc) as rank
              from rag_reviews)
        where rank <= 2`);
      // Open statuses first, so the (status, due_date) index serves the range.
      const overdue = tx
        .select({ promiseId: commitments.promiseId, n: count() })
        .from(commitments)
        .where(and(openCommitment(), lt(commitments.dueDate, today), eq(commitments.archived, false)))
        .groupBy(commitments.promiseId)
        .all();
      // Every publish state listed, so the (publish_state, safeguarding) index finds the flagged few.
      const flagged = sql`(select id, heard_on, responded_on, fed_back_on from feedback
        where publish_state in ${PUBLISH_STATES} and safeguarding = 1) f`;
      return {
        themes: themeRows,
        promises: promiseRows,
        reviews,
        overdue,
        all: loopCounts(tx, sql`feedback f`, overTargetBefore),
        safeguarding: loopCounts(tx, flagged, overTargetBefore),
      };
    },
    // One read transaction: every figure comes from the same snapshot.
  );
}

// ---- the evidence behind each promise's suggested RAG

export type EvidenceCommitment = {
  promiseId: number;
  title: string;
  status: (typeof commitments.$inferSelect)['status'];
  dueDate: string;
  lastUpdateAt: string | null;
  createdAt: string;
};
export type EvidenceMeasure = {
  id: number;
  promiseId: number;
  name: string;
  unit: 'count' | 'percent' | 'score';
  direction: 'higher' | 'lower';
  baseline: number | null;
  target: number | null;
  values: { period: string; periodEnd: string; value: number; base: number | null }[];
};
export type EvidenceFeedback = { promiseId: number; heardOn: string; respondedOn: string | null };
export type RagEvidence = {
  commitments: EvidenceCommitment[];
  measures: EvidenceMeasure[];
  feedback: EvidenceFeedback[];
};

/**
 * What the RAG rules read, for every active promise (or one). Safeguarding-flagged feedback is
 * left out, so the suggestion (and its reasons' counts) is the same for everyone who may read it.
 * Only unanswered feedback is loaded (the rule counts only what still waits), plus one answered
 * item per promise that has any (found through the promise's index, not by reading every answered
 * item), so the rule can still say "nothing has waited too long".
 */
export function ragEvidence(db: Db, promiseId?: number): RagEvidence {
  return readTogether(db, (tx) => {
    const onePromise = promiseId === undefined ? sql`1 = 1` : sql`p.id = ${promiseId}`;
    const commitmentRows = tx.all<EvidenceCommitment>(sql`
        select c.promise_id as promiseId, c.title, c.status, c.due_date as dueDate,
               c.last_update_at as lastUpdateAt, c.created_at as createdAt
        from commitments c join promises p on p.id = c.promise_id
        where c.archived = 0 and p.archived = 0 and ${onePromise}
        order by c.promise_id, c.due_date, c.id`);
    const measureRows = tx.all<Omit<EvidenceMeasure, 'values'>>(sql`
        select m.id, m.promise_id as promiseId, m.name, m.unit, m.direction, m.baseline, m.target
        from measures m join promises p on p.id = m.promise_id
        where m.archived = 0 and p.archived = 0 and ${onePromise}
        order by m.promise_id, m.id`);
    const valueRows = measureRows.length
      ? tx
          .select({
            measureId: measureValues.measureId,
            period: measureValues.period,
            periodEnd: measureValues.periodEnd,
            value: measureValues.value,
            base: measureValues.base,
          })
          .from(measureValues)
          .where(
            inArray(
              measureValues.measureId,
              measureRows.map((m) => m.id),
            ),
          )
          .orderBy(asc(measureValues.periodEnd), asc(measureValues.period))
          .all()
      : [];
    const values = new Map<number, EvidenceMeasure['values']>();
    for (const v of valueRows) {
      const group = values.get(v.measureId);
      if (group) group.push(v);
      else values.set(v.measureId, [v]);
    }
    // The safeguarding flag is only on the wide rows: read just the unanswered ones. For one
    // promise, its own links lead to them; for all, the unanswered ids come from the narrow
    // feedback_waiting_idx (otherwise SQLite walks all 200,000 wide rows: ~60 ms, ~110 ms for one).
    const unanswered =
      promiseId === undefined
        ? sql`feedback f cross join feedback_promises fp on fp.feedback_id = f.id
              where f.id in (select id from feedback where responded_on is null)`
        : sql`feedback_promises fp cross join feedback f on f.id = fp.feedback_id
              where fp.promise_id = ${promiseId}`;
    const feedbackRows = tx.all<EvidenceFeedback>(sql`
        select fp.promise_id as promiseId, f.heard_on as heardOn, f.responded_on as respondedOn
        from ${unanswered} and f.responded_on is null and f.safeguarding = 0
          and (select archived from promises p where p.id = fp.promise_id) = 0
        union all
        select p.id, f.heard_on, f.responded_on
        from promises p join feedback f on f.id = (
          select fp.feedback_id from feedback_promises fp join feedback f2 on f2.id = fp.feedback_id
          where fp.promise_id = p.id and f2.responded_on is not null and f2.safeguarding = 0 limit 1)
        where p.archived = 0 and ${onePromise}`);
    return {
      commitments: commitmentRows,
      measures: measureRows.map((m) => ({ ...m, values: values.get(m.id) ?? [] })),
      feedback: feedbackRows,
    };
  });
}

/** Children's verdicts per promise, counts only. */
export function verdictTotals(db: Db) {
  return db
    .select({ promiseId: verdicts.promiseId, verdict: verdicts.verdict, n: count() })
    .from(verdicts)
    .groupBy(verdicts.promiseId, verdicts.verdict)
    .all();
}

/** How many promises the board rated each colour at each meeting. */
export function ragCountsByMeeting(db: Db) {
  return db
    .select({
      meetingId: boardMeetings.id,
      meetingDate: boardMeetings.meetingDate,
      rating: ragReviews.rating,
      n: count(),
    })
    .from(ragReviews)
    .innerJoin(boardMeetings, eq(boardMeetings.id, ragReviews.meetingId))
    .groupBy(boardMeetings.id, ragReviews.rating)
    .orderBy(asc(boardMeetings.meetingDate), asc(boardMeetings.id))
    .all();
}

/** Open challenges set at meetings before this one: the matters arising. */
export function mattersArising(db: Db, meeting: MeetingRow) {
  return db
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
    .all()
    .map((r) => ({ ...r.challenge, meetingDate: r.meetingDate, meetingTitle: r.meetingTitle }));
}
