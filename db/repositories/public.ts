// THE ONE DOOR TO THE PUBLIC. Every signed-out page and response (the kiosk, the public API), the
// printable "You said, we did" sheet and the children's board pack read through this module, and
// it selects only the live copies of words a person approved (server/services/publishing.ts): the
// approved public words of feedback that is not safeguarding-flagged (with the answer approved
// with them, in English and Welsh), and the approved children's wording of themes, promises,
// commitments and measures, with measure figures (which the caller suppresses when small). No
// staff field ever stands in for a missing child one: a record without approved words is left
// out. It never selects the original words of feedback, drafts, owner names, staff notes,
// withdrawal reasons or anything about a flagged item. A leak would need a change here;
// test/public guards it.
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lt, lte, max, ne, sql } from 'drizzle-orm';
import { readTogether } from './write.js';
import type { Db } from '../client.js';
import {
  commitments,
  feedback,
  feedbackCommitments,
  feedbackPromises,
  forumSessions,
  measureValues,
  measures,
  promises,
  ragReviews,
  settings,
  themes,
} from '../schema.js';
import { measureOnPromise } from './measure-links.js';
import { promiseChanges } from './board-kept-loop.js';

const publishable = and(
  eq(feedback.publishState, 'approved'),
  eq(feedback.safeguarding, false),
  ne(feedback.livePublicText, ''),
);
/**
 * The same test for one promise's items: `+` keeps SQLite from walking every approved item of the
 * council through the (publish_state, safeguarding) index (~19 ms at 200,000 items) instead of
 * the promise's own links through the link table's promise_id index.
 */
const publishableLinked = sql`+${feedback.publishState} = 'approved' and +${feedback.safeguarding} = 0 and ${feedback.livePublicText} <> ''`;

export async function publicCouncil(db: Db) {
  return (
    await db
      .select({
        councilName: settings.councilName,
        councilNameCy: settings.councilNameCy,
        nation: settings.nation,
        useWelsh: settings.useWelsh,
        ageBands: settings.ageBands,
        smallNumberThreshold: settings.smallNumberThreshold,
        timeZone: settings.timeZone,
      })
      .from(settings)
      .where(eq(settings.id, 1))
      .limit(1)
  )[0];
}

export async function publicThemes(db: Db) {
  return await db
    .select({
      id: themes.id,
      name: themes.liveChildName,
      nameCy: themes.liveChildNameCy,
      colour: themes.colour,
      icon: themes.icon,
    })
    .from(themes)
    .where(and(eq(themes.archived, false), ne(themes.liveChildName, '')))
    .orderBy(asc(themes.sortOrder), asc(themes.id));
}

export async function publicPromises(db: Db, ids?: number[]) {
  const active = and(
    eq(promises.archived, false),
    eq(themes.archived, false),
    ne(promises.liveChildText, ''),
    ne(themes.liveChildName, ''),
  );
  return await db
    .select({
      id: promises.id,
      themeId: promises.themeId,
      text: promises.liveChildText,
      textCy: promises.liveChildTextCy,
      updatedAt: promises.updatedAt,
    })
    .from(promises)
    .innerJoin(themes, eq(themes.id, promises.themeId))
    .where(ids ? and(active, inArray(promises.id, ids)) : active)
    .orderBy(asc(themes.sortOrder), asc(promises.sortOrder), asc(promises.id));
}

/** Latest board rating per promise (ratings only: no rationale, no names). */
export async function publicLatestRatings(db: Db): Promise<Map<number, string>> {
  const rows = await db
    .select({ promiseId: ragReviews.promiseId, rating: ragReviews.rating, decidedOn: ragReviews.decidedOn })
    .from(ragReviews)
    .orderBy(asc(ragReviews.decidedOn), asc(ragReviews.id));
  const latest = new Map<number, string>();
  for (const r of rows) latest.set(r.promiseId, r.rating);
  return latest;
}

export async function publicQuotes(db: Db, promiseId: number, limit = 30) {
  return await db
    .select({ id: feedback.id, text: feedback.livePublicText, ageBand: feedback.ageBand, heardOn: feedback.heardOn })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(eq(feedbackPromises.promiseId, promiseId), publishableLinked))
    .orderBy(desc(feedback.heardOn), desc(feedback.id))
    .limit(limit);
}

export async function publicAnswers(db: Db, promiseId: number, limit = 30) {
  return await db
    .select({
      id: feedback.id,
      youSaid: feedback.livePublicText,
      ageBand: feedback.ageBand,
      answer: feedback.liveResponse,
      weDid: feedback.liveResponseText,
      weDidCy: feedback.liveResponseTextCy,
      reason: feedback.liveCantReason,
      reasonCy: feedback.liveCantReasonCy,
      answeredOn: feedback.liveRespondedOn,
    })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(eq(feedbackPromises.promiseId, promiseId), publishableLinked, isNotNull(feedback.liveResponse)))
    .orderBy(desc(feedback.liveRespondedOn), desc(feedback.id))
    .limit(limit);
}

export async function publicActions(db: Db, promiseId: number) {
  return await db
    .select({
      id: commitments.id,
      childTitle: commitments.liveChildTitle,
      childTitleCy: commitments.liveChildTitleCy,
      status: commitments.status,
      reason: commitments.liveChildReason,
      update: commitments.liveChildUpdate,
      updateCy: commitments.liveChildUpdateCy,
      dueBy: commitments.dueDate,
      updatedAt: commitments.lastUpdateAt,
    })
    .from(commitments)
    .where(
      and(eq(commitments.promiseId, promiseId), eq(commitments.archived, false), ne(commitments.liveChildTitle, '')),
    )
    .orderBy(asc(commitments.dueDate), asc(commitments.id));
}

export async function publicMeasures(db: Db, promiseId: number) {
  const list = await db
    .select({
      id: measures.id,
      sentence: measures.liveChildSentence,
      sentenceCy: measures.liveChildSentenceCy,
      unit: measures.unit,
      direction: measures.direction,
      target: measures.target,
    })
    .from(measures)
    // Its own measures and those linked to it (a council-wide figure): the child's sentence only.
    .where(and(measureOnPromise(promiseId), eq(measures.archived, false), ne(measures.liveChildSentence, '')))
    .orderBy(asc(measures.id));
  if (list.length === 0) return [];
  const values = await db
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
    .orderBy(asc(measureValues.periodEnd));
  return list.map((m) => ({ ...m, values: values.filter((v) => v.measureId === m.id) }));
}

/** The day of the most recent forum before `today`: what "new since your last forum" counts from. */
export async function publicLastForumOn(db: Db, today: string): Promise<string | null> {
  const row = (
    await db
      .select({ heldOn: max(forumSessions.heldOn) })
      .from(forumSessions)
      // A survey is not a meeting the children came to.
      .where(and(lt(forumSessions.heldOn, today), eq(forumSessions.kind, 'forum')))
      .limit(1)
  )[0];
  return row?.heldOn ?? null;
}

/**
 * The latest day something a child can see changed, per promise: a commitment's update or a
 * publishable answer. Dates only ('YYYY-MM-DD'), never who made the change.
 */
export async function publicLatestChanges(db: Db): Promise<Map<number, string>> {
  const latest = new Map<number, string>();
  const bump = (id: number, day: string | null) => {
    if (!day) return;
    const d = day.slice(0, 10);
    if ((latest.get(id) ?? '') < d) latest.set(id, d);
  };
  const actions = await db
    .select({ promiseId: commitments.promiseId, at: max(commitments.lastUpdateAt) })
    .from(commitments)
    .where(eq(commitments.archived, false))
    .groupBy(commitments.promiseId);
  for (const a of actions) bump(a.promiseId, a.at);
  for (const [promiseId, at] of await latestAnswerDays(db)) bump(promiseId, at);
  return latest;
}

/**
 * The newest publishable answer's day per promise, over every promise or one. Over every
 * promise it joins all ~170,000 links to their wide rows (~70 ms of event loop at 200,000 items);
 * for one, its own ~2,000 through the link table's promise_id index.
 */
export function publicAnswerDays(db: Db, promiseId?: number): { promiseId: number; at: string | null }[] {
  const which =
    promiseId === undefined ? publishable : and(eq(feedbackPromises.promiseId, promiseId), publishableLinked);
  return db
    .select({ promiseId: feedbackPromises.promiseId, at: max(feedback.liveRespondedOn) })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(which, isNotNull(feedback.liveResponse)))
    .groupBy(feedbackPromises.promiseId)
    .all();
}

/** Each promise's answer day, with the promise's version (promiseChanges) it was read at. */
type KeptAnswerDays = { epoch: number; byPromise: Map<number, { version: number; at: string | null }> };
const keptAnswerDays = new WeakMap<object, KeptAnswerDays>();
/** Above this many changed promises, one read over every promise is cheaper. */
const ALL_ANSWERS_ABOVE = 8;

/**
 * publicAnswerDays over every promise, read again only for the promises a write touched since
 * (the kept board figures' rule, board-kept-loop.ts: its triggers note every promise whose links
 * or linked items' dates, flags, publish state or live answer change).
 */
async function latestAnswerDays(db: Db): Promise<Map<number, string | null>> {
  const changes = promiseChanges(db);
  let kept = keptAnswerDays.get(db.$client);
  if (kept?.epoch !== changes.epoch)
    keptAnswerDays.set(db.$client, (kept = { epoch: changes.epoch, byPromise: new Map() }));
  const ids = (await db.select({ id: promises.id }).from(promises)).map((p) => p.id);
  const stale = ids.filter((id) => kept.byPromise.get(id)?.version !== changes.version(id));
  const rows =
    stale.length > ALL_ANSWERS_ABOVE ? publicAnswerDays(db) : stale.flatMap((id) => publicAnswerDays(db, id));
  const fresh = new Map(rows.map((r) => [r.promiseId, r.at]));
  for (const id of stale) kept.byPromise.set(id, { version: changes.version(id), at: fresh.get(id) ?? null });
  return new Map(ids.map((id) => [id, kept.byPromise.get(id)!.at]));
}

export type PublicSheetRow = {
  id: number;
  youSaid: string;
  ageBand: string;
  answer: 'did' | 'doing' | 'cant';
  weDid: string;
  reason: string;
  /** The approved Welsh answer and reason; '' where not written. */
  weDidCy: string;
  reasonCy: string;
  answeredOn: string;
  /** The approved children's titles of the commitments it led to, with their Welsh ('' if none). */
  commitments: { title: string; titleCy: string }[];
};

/**
 * The printable "You said, we did" sheet for one forum: the approved words and approved answers
 * given after `since` (oldest first), with the approved children's titles of the commitments
 * each answer led to. Items answered but not approved (or withdrawn) are only counted.
 */
export async function publicSheet(
  db: Db,
  forumId: string,
  since: string | null,
  today: string,
): Promise<{ rows: PublicSheetRow[]; notApproved: number }> {
  const answeredIn = and(
    eq(feedback.forumId, forumId),
    eq(feedback.safeguarding, false),
    since ? gt(feedback.liveRespondedOn, since) : undefined,
    lte(feedback.liveRespondedOn, today),
  );
  const rows = await db
    .select({
      id: feedback.id,
      youSaid: feedback.livePublicText,
      ageBand: feedback.ageBand,
      answer: feedback.liveResponse,
      weDid: feedback.liveResponseText,
      reason: feedback.liveCantReason,
      weDidCy: feedback.liveResponseTextCy,
      reasonCy: feedback.liveCantReasonCy,
      answeredOn: feedback.liveRespondedOn,
    })
    .from(feedback)
    .where(and(publishable, isNotNull(feedback.liveResponse), answeredIn))
    .orderBy(asc(feedback.liveRespondedOn), asc(feedback.id));
  // Answered in the period on the staff side, but with no approved words or answer to print.
  const answered =
    (
      await db
        .select({ n: count() })
        .from(feedback)
        .where(
          and(
            eq(feedback.forumId, forumId),
            eq(feedback.safeguarding, false),
            isNotNull(feedback.response),
            since ? gt(feedback.respondedOn, since) : undefined,
            lte(feedback.respondedOn, today),
          ),
        )
        .limit(1)
    )[0]?.n ?? 0;
  const titles =
    rows.length === 0
      ? []
      : await db
          .select({
            feedbackId: feedbackCommitments.feedbackId,
            title: commitments.liveChildTitle,
            titleCy: commitments.liveChildTitleCy,
          })
          .from(feedbackCommitments)
          .innerJoin(commitments, eq(commitments.id, feedbackCommitments.commitmentId))
          .where(
            and(
              inArray(
                feedbackCommitments.feedbackId,
                rows.map((r) => r.id),
              ),
              ne(commitments.liveChildTitle, ''),
            ),
          )
          .orderBy(commitments.id);
  return {
    rows: rows.map((r) => ({
      ...r,
      answer: r.answer!,
      answeredOn: r.answeredOn!,
      commitments: titles.filter((t) => t.feedbackId === r.id).map((t) => ({ title: t.title, titleCy: t.titleCy })),
    })),
    notApproved: Math.max(0, answered - rows.length),
  };
}

export type PublicPackData = {
  themes: { id: number; name: string }[];
  promises: { id: number; themeId: number; text: string }[];
  commitments: {
    promiseId: number;
    text: string;
    status: (typeof commitments.$inferSelect)['status'];
    update: string;
    reason: string;
  }[];
  /** Approved words linked to a promise, newest first, heard by the period's end. */
  linked: { promiseId: number; youSaid: string; weDid: string }[];
  /** Approved words heard in the period, newest first (at most 200). */
  toldUs: { youSaid: string; ageBand: string }[];
};

/** What the children's board pack shows: approved children's words only, as at one moment. */
/**
 * In Welsh, each piece is its approved Welsh; where the English is approved but its Welsh is not,
 * `welsh.missing` stands in its place (never the staff text, never the English).
 */
export async function publicPackData(
  db: Db,
  period: { from: string; to: string },
  welsh?: { missing: string },
): Promise<PublicPackData> {
  const cy = (english: string, approvedCy: string) =>
    !welsh ? english : approvedCy.trim() ? approvedCy : english.trim() ? welsh.missing : '';
  return await readTogether(db, async () => {
    const themeRows = (await publicThemes(db)).map((t) => ({ ...t, name: cy(t.name, t.nameCy) }));
    const promiseRows = (await publicPromises(db)).map((p) => ({ ...p, text: cy(p.text, p.textCy) }));
    const ids = promiseRows.map((p) => p.id);
    const commitmentRows = ids.length
      ? await db
          .select({
            promiseId: commitments.promiseId,
            text: commitments.liveChildTitle,
            textCy: commitments.liveChildTitleCy,
            status: commitments.status,
            update: commitments.liveChildUpdate,
            updateCy: commitments.liveChildUpdateCy,
            reason: commitments.liveChildReason,
          })
          .from(commitments)
          .where(
            and(
              inArray(commitments.promiseId, ids),
              eq(commitments.archived, false),
              ne(commitments.liveChildTitle, ''),
            ),
          )
          .orderBy(asc(commitments.dueDate), asc(commitments.id))
      : [];
    const linked = await db
      .select({
        promiseId: feedbackPromises.promiseId,
        youSaid: feedback.livePublicText,
        weDid: feedback.liveResponseText,
        weDidCy: feedback.liveResponseTextCy,
      })
      .from(feedbackPromises)
      .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
      .where(and(publishable, lte(feedback.heardOn, period.to)))
      .orderBy(desc(feedback.heardOn), desc(feedback.id));
    const toldUs = await db
      .select({ youSaid: feedback.livePublicText, ageBand: feedback.ageBand })
      .from(feedback)
      .where(and(publishable, gte(feedback.heardOn, period.from), lte(feedback.heardOn, period.to)))
      .orderBy(desc(feedback.heardOn), desc(feedback.id))
      .limit(200);
    return {
      themes: themeRows.map((t) => ({ id: t.id, name: t.name })),
      promises: promiseRows.map((p) => ({ id: p.id, themeId: p.themeId, text: p.text })),
      // The children's own words (youSaid) are quoted as they were approved, in either language.
      commitments: commitmentRows.map(({ textCy, updateCy, ...c }) => ({
        ...c,
        text: cy(c.text, textCy),
        update: cy(c.update, updateCy),
        // A reason has no Welsh copy yet: in Welsh it is said to be missing.
        reason: cy(c.reason, ''),
      })),
      linked: linked.map(({ weDidCy, ...f }) => ({ ...f, weDid: cy(f.weDid, weDidCy) })),
      toldUs,
    };
  });
}
