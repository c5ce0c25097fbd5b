// THE ONE DOOR TO THE PUBLIC. Every signed-out page and response reads through this module, and
// it selects only publishable columns of publishable rows: the approved public text of feedback
// that is not safeguarding-flagged (with its answer in English and Welsh, approved with it),
// child-friendly wording, and measure figures (which the route suppresses when small). It never
// selects the original words of feedback, owner names, staff notes, withdrawal reasons or anything
// about a flagged item. A leak would need a change here; test/public guards it.
import { and, asc, desc, eq, inArray, isNotNull, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  commitments,
  feedback,
  feedbackPromises,
  forumSessions,
  measureValues,
  measures,
  promises,
  ragReviews,
  settings,
  themes,
} from '../schema.js';

const publishable = and(eq(feedback.publishState, 'approved'), eq(feedback.safeguarding, false));
/**
 * The same test for one promise's items: `+` keeps SQLite from walking every approved item of the
 * council through the (publish_state, safeguarding) index (~19 ms at 200,000 items) instead of
 * the promise's own links through the link table's promise_id index.
 */
const publishableLinked = sql`+${feedback.publishState} = 'approved' and +${feedback.safeguarding} = 0`;

export function publicCouncil(db: Db) {
  return db
    .select({
      councilName: settings.councilName,
      nation: settings.nation,
      ageBands: settings.ageBands,
      smallNumberThreshold: settings.smallNumberThreshold,
      timeZone: settings.timeZone,
    })
    .from(settings)
    .where(eq(settings.id, 1))
    .get();
}

export function publicThemes(db: Db) {
  return db
    .select({ id: themes.id, name: themes.childName, nameCy: themes.childNameCy, colour: themes.colour })
    .from(themes)
    .where(eq(themes.archived, false))
    .orderBy(asc(themes.sortOrder), asc(themes.id))
    .all();
}

export function publicPromises(db: Db, ids?: number[]) {
  const active = and(eq(promises.archived, false), eq(themes.archived, false));
  return db
    .select({
      id: promises.id,
      themeId: promises.themeId,
      text: promises.childText,
      textCy: promises.childTextCy,
      updatedAt: promises.updatedAt,
    })
    .from(promises)
    .innerJoin(themes, eq(themes.id, promises.themeId))
    .where(ids ? and(active, inArray(promises.id, ids)) : active)
    .orderBy(asc(themes.sortOrder), asc(promises.sortOrder), asc(promises.id))
    .all();
}

/** Latest board rating per promise (ratings only: no rationale, no names). */
export function publicLatestRatings(db: Db): Map<number, string> {
  const rows = db
    .select({ promiseId: ragReviews.promiseId, rating: ragReviews.rating, decidedOn: ragReviews.decidedOn })
    .from(ragReviews)
    .orderBy(asc(ragReviews.decidedOn), asc(ragReviews.id))
    .all();
  const latest = new Map<number, string>();
  for (const r of rows) latest.set(r.promiseId, r.rating);
  return latest;
}

export function publicQuotes(db: Db, promiseId: number, limit = 30) {
  return db
    .select({ id: feedback.id, text: feedback.publicText, ageBand: feedback.ageBand, heardOn: feedback.heardOn })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(eq(feedbackPromises.promiseId, promiseId), publishableLinked))
    .orderBy(desc(feedback.heardOn), desc(feedback.id))
    .limit(limit)
    .all();
}

export function publicAnswers(db: Db, promiseId: number, limit = 30) {
  return db
    .select({
      id: feedback.id,
      youSaid: feedback.publicText,
      ageBand: feedback.ageBand,
      answer: feedback.response,
      weDid: feedback.responseText,
      weDidCy: feedback.responseTextCy,
      reason: feedback.cantReason,
      reasonCy: feedback.cantReasonCy,
      answeredOn: feedback.respondedOn,
    })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(eq(feedbackPromises.promiseId, promiseId), publishableLinked, isNotNull(feedback.response)))
    .orderBy(desc(feedback.respondedOn), desc(feedback.id))
    .limit(limit)
    .all();
}

export function publicActions(db: Db, promiseId: number) {
  return db
    .select({
      id: commitments.id,
      title: commitments.title,
      childTitle: commitments.childTitle,
      childTitleCy: commitments.childTitleCy,
      status: commitments.status,
      reason: commitments.childReason,
      update: commitments.childUpdate,
      updateCy: commitments.childUpdateCy,
      dueBy: commitments.dueDate,
      updatedAt: commitments.lastUpdateAt,
    })
    .from(commitments)
    .where(and(eq(commitments.promiseId, promiseId), eq(commitments.archived, false)))
    .orderBy(asc(commitments.dueDate), asc(commitments.id))
    .all();
}

export function publicMeasures(db: Db, promiseId: number) {
  const list = db
    .select({
      id: measures.id,
      sentence: measures.childSentence,
      sentenceCy: measures.childSentenceCy,
      unit: measures.unit,
      direction: measures.direction,
      target: measures.target,
    })
    .from(measures)
    .where(and(eq(measures.promiseId, promiseId), eq(measures.archived, false)))
    .orderBy(asc(measures.id))
    .all();
  if (list.length === 0) return [];
  const values = db
    .select({
      measureId: measureValues.measureId,
      period: measureValues.period,
      value: measureValues.value,
      base: measureValues.base,
    })
    .from(measureValues)
    .where(
      inArray(
        measureValues.measureId,
        list.map((m) => m.id),
      ),
    )
    .orderBy(asc(measureValues.periodEnd))
    .all();
  return list.map((m) => ({ ...m, values: values.filter((v) => v.measureId === m.id) }));
}

/** The day of the most recent forum before `today`: what "new since your last forum" counts from. */
export function publicLastForumOn(db: Db, today: string): string | null {
  const row = db
    .select({ heldOn: max(forumSessions.heldOn) })
    .from(forumSessions)
    .where(lt(forumSessions.heldOn, today))
    .get();
  return row?.heldOn ?? null;
}

/**
 * The latest day something a child can see changed, per promise: a commitment's update or a
 * publishable answer. Dates only ('YYYY-MM-DD'), never who made the change.
 */
export function publicLatestChanges(db: Db): Map<number, string> {
  const latest = new Map<number, string>();
  const bump = (id: number, day: string | null) => {
    if (!day) return;
    const d = day.slice(0, 10);
    if ((latest.get(id) ?? '') < d) latest.set(id, d);
  };
  const actions = db
    .select({ promiseId: commitments.promiseId, at: max(commitments.lastUpdateAt) })
    .from(commitments)
    .where(eq(commitments.archived, false))
    .groupBy(commitments.promiseId)
    .all();
  for (const a of actions) bump(a.promiseId, a.at);
  const answers = db
    .select({ promiseId: feedbackPromises.promiseId, at: max(feedback.respondedOn) })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(publishable, isNotNull(feedback.response)))
    .groupBy(feedbackPromises.promiseId)
    .all();
  for (const a of answers) bump(a.promiseId, a.at);
  return latest;
}
