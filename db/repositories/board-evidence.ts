// The evidence behind each promise's suggested RAG, and the small counts the board summary adds.
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { boardMeetings, commitments, measureValues, ragReviews, verdicts } from '../schema.js';
import { readTogether } from './write.js';

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
export async function verdictTotals(db: Db) {
  return await db
    .select({ promiseId: verdicts.promiseId, verdict: verdicts.verdict, n: count() })
    .from(verdicts)
    .groupBy(verdicts.promiseId, verdicts.verdict);
}

/** How many promises the board rated each colour at each meeting. */
export async function ragCountsByMeeting(db: Db) {
  return await db
    .select({
      meetingId: boardMeetings.id,
      meetingDate: boardMeetings.meetingDate,
      rating: ragReviews.rating,
      n: count(),
    })
    .from(ragReviews)
    .innerJoin(boardMeetings, eq(boardMeetings.id, ragReviews.meetingId))
    .groupBy(boardMeetings.id, ragReviews.rating)
    .orderBy(asc(boardMeetings.meetingDate), asc(boardMeetings.id));
}
