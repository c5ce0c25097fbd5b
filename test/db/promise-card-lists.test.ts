// The promise card's two feedback lists ("you said" and "we did") are picked from one pass over
// the promise's links: they must be exactly what sorting the linked rows in SQL gives, ties,
// flagged items, answers without a date and the 50-item limit included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { feedback, feedbackPromises, promises, themes } from '../../db/schema.js';
import { getPromise, loadPromiseCard } from '../../db/repositories/promises.js';
import { CARD_FEEDBACK_LIMIT } from '../../db/repositories/card-links.js';

let promiseId = 0;

function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Home' }).returning().get().id;
  promiseId = db
    .insert(promises)
    .values({ themeId: theme, staffText: 'Help with money', childText: 'Help with money', audience: 'both' })
    .returning()
    .get().id;
  const other = db
    .insert(promises)
    .values({ themeId: theme, staffText: 'A home', childText: 'A home', audience: 'both' })
    .returning()
    .get().id;
  for (let i = 0; i < 140; i++) {
    // Few distinct days, so many ties; every 7th flagged; every 3rd unanswered; two answers undated.
    const heardOn = `2026-0${1 + (i % 5)}-${String(1 + (i % 4)).padStart(2, '0')}`;
    const answered = i % 3 !== 0;
    const id = db
      .insert(feedback)
      .values({
        text: `words ${i}`,
        source: 'forum',
        heardOn,
        ageBand: '12-15',
        safeguarding: i % 7 === 0,
        response: answered ? 'did' : null,
        responseText: answered ? `answer ${i}` : '',
        respondedOn: answered && i % 50 !== 1 ? `2026-06-${String(1 + (i % 6)).padStart(2, '0')}` : null,
      })
      .returning()
      .get().id;
    db.insert(feedbackPromises)
      .values({ feedbackId: id, promiseId: i % 10 === 9 ? other : promiseId })
      .run();
  }
}

/** The lists as SQL sorts them (the card's queries before they were picked in one pass). */
function bySql(db: Db, includeSafeguarding: boolean) {
  const visible = and(
    eq(feedbackPromises.promiseId, promiseId),
    includeSafeguarding ? undefined : eq(feedback.safeguarding, false),
  );
  const heard = db
    .select({ id: feedback.id, total: sql<number>`count(*) over ()` })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(visible)
    .orderBy(desc(feedback.heardOn), desc(feedback.id))
    .limit(CARD_FEEDBACK_LIMIT)
    .all();
  const answered = db
    .select({ id: feedback.id, total: sql<number>`count(*) over ()` })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(and(visible, isNotNull(feedback.response)))
    .orderBy(sql`${feedback.respondedOn} is null`, desc(feedback.respondedOn), desc(feedback.id))
    .limit(CARD_FEEDBACK_LIMIT)
    .all();
  return {
    heard: heard.map((r) => r.id),
    heardTotal: heard[0]?.total ?? 0,
    answered: answered.map((r) => r.id),
    answeredTotal: answered[0]?.total ?? 0,
  };
}

describe("the promise card's feedback lists", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
  });
  afterAll(() => t.close());

  for (const includeSafeguarding of [false, true])
    it(`are the linked items in SQL's order${includeSafeguarding ? ', flagged ones included' : ''}`, async () => {
      const card = await loadPromiseCard(t.db, (await getPromise(t.db, promiseId))!, includeSafeguarding);
      const expected = bySql(t.db, includeSafeguarding);
      expect(expected.heard).toHaveLength(CARD_FEEDBACK_LIMIT);
      expect({
        heard: card.youSaid.items.map((i) => i.id),
        heardTotal: card.youSaid.total,
        answered: card.weDid.items.map((i) => i.feedbackId),
        answeredTotal: card.weDid.total,
      }).toEqual(expected);
      expect(card.weDid.items[0]).toMatchObject({ response: 'did', responseText: expect.stringMatching(/^answer /) });
      expect(card.youSaid.items.every((i) => includeSafeguarding || !i.safeguarding)).toBe(true);
    });
});
