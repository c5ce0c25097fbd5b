// The board summary's grouped figures: themes, promises, latest reviews, overdue commitments and
// how the loop with children is closed (see board-kept-loop.ts for the figures kept current).
import { and, asc, count, eq, lt, sql, type SQL } from 'drizzle-orm';
import { openCommitment } from './commitment-state.js';
import type { Db } from '../client.js';
import { commitments, promises, themes, users } from '../schema.js';
import type { ReviewRow } from './board.js';
import { readTogether, type Tx } from './write.js';

type Rating = ReviewRow['rating'];

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
async function loopCounts(tx: Tx, source: SQL, overTargetBefore: string): Promise<LoopCounts> {
  const tally = new LoopTally();
  tallying = tally;
  try {
    // Drive from the feedback (through a narrow index that holds its three dates and its id,
    // never the wide rows) and reach each item's promises through the (feedback_id, promise_id)
    // key. A LEFT JOIN keeps the feedback on the outside, so an item's links come together.
    await tx.get(sql`
      select pt_loop_tally(f.id, fp.promise_id, ${daysFrom('heard_on', 'responded_on')},
                           ${daysFrom('heard_on', 'fed_back_on')},
                           f.responded_on is null and f.heard_on < ${overTargetBefore})
      from ${source} left join feedback_promises fp on fp.feedback_id = f.id`);
  } finally {
    tallying = null;
  }
  return tally.counts();
}

/** The summary's figures other than the loop's: small grouped queries over one snapshot. */
export type BaseFigures = Omit<SummaryFigures, 'all' | 'safeguarding'>;

/** @param today commitments due before this are overdue */
export async function baseFigures(tx: Tx, today: string): Promise<BaseFigures> {
  const themeRows = await tx
    .select({ id: themes.id, name: themes.name, colour: themes.colour, archived: themes.archived })
    .from(themes)
    .orderBy(asc(themes.sortOrder), asc(themes.id));
  const promiseRows = await tx
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
    .orderBy(asc(promises.sortOrder), asc(promises.id));
  // Each promise's latest two through the (promise_id, decided_on) index: a window over every
  // review sorted them all (~5 ms at 6,000 reviews, on every summary).
  const latestTwo = await tx.all<SummaryFigures['reviews'][number] & { id: number }>(sql`
    select r.id, r.promise_id as promiseId, r.rating, r.decided_on as decidedOn, r.meeting_id as meetingId
    from (select distinct promise_id from rag_reviews) p
    join rag_reviews r on r.id in (
      select id from rag_reviews r2 where r2.promise_id = p.promise_id
      order by r2.decided_on desc, r2.id desc limit 2)`);
  latestTwo.sort(
    (a, b) =>
      a.promiseId - b.promiseId || (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : b.id - a.id),
  );
  const reviews = latestTwo.map(({ id: _, ...r }, i) => ({
    ...r,
    rank: i > 0 && latestTwo[i - 1]!.promiseId === r.promiseId ? 2 : 1,
  }));
  // Open statuses first, so the (status, due_date) index serves the range.
  const overdue = await tx
    .select({ promiseId: commitments.promiseId, n: count() })
    .from(commitments)
    .where(and(openCommitment(), lt(commitments.dueDate, today), eq(commitments.archived, false)))
    .groupBy(commitments.promiseId);
  return { themes: themeRows, promises: promiseRows, reviews, overdue };
}

/**
 * Every figure worked out afresh over one snapshot, as a board pack freezes them (the dashboard
 * reads the loop's from keptLoopCounts instead).
 *
 * @param today commitments due before this are overdue
 * @param overTargetBefore feedback heard before this and still unanswered is past its target
 */
export async function summaryFigures(db: Db, today: string, overTargetBefore: string): Promise<SummaryFigures> {
  defineLoopTally(db);
  // One read transaction: every figure comes from the same snapshot.
  return await readTogether(db, async (tx) => {
    // Every publish state listed, so the (publish_state, safeguarding) index finds the flagged few.
    const flagged = sql`(select id, heard_on, responded_on, fed_back_on from feedback
      where publish_state in ${PUBLISH_STATES} and safeguarding = 1) f`;
    return {
      ...(await baseFigures(tx, today)),
      all: await loopCounts(tx, sql`feedback f`, overTargetBefore),
      safeguarding: await loopCounts(tx, flagged, overTargetBefore),
    };
  });
}
