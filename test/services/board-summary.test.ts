// The dashboard's summary is kept current per write: after a write to one promise only that
// promise is suggested again and only the items it touched are binned again, yet the summary is
// exactly what working everything out afresh gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, TODAY, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { commitments, feedback, feedbackPromises, promises, themes } from '../../db/schema.js';
import { write } from '../../db/repositories/write.js';
import { ragEvidence } from '../../db/repositories/board-evidence.js';
import { summaryFigures } from '../../db/repositories/board-figures.js';
import { keptLoopWork } from '../../db/repositories/board-kept-loop.js';
import { getSettings } from '../../db/repositories/settings.js';
import { addDays } from '../../server/domain/time.js';
import { boardSummary, suggestionsWorked, summaryAsOf } from '../../server/services/board-summary.js';
import { computeSummary } from '../../server/services/board-summary-compute.js';

const ids = { a: 0, b: 0, c: 0 };

function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Home' }).returning().get().id;
  const promise = (staffText: string) =>
    db.insert(promises).values({ themeId: theme, staffText, childText: staffText, audience: 'both' }).returning().get()
      .id;
  ids.a = promise('A place that feels like home');
  ids.b = promise('Help with money');
  ids.c = promise('Time with brothers and sisters');
  const item = (heardOn: string, respondedOn: string | null, links: number[], safeguarding = false) => {
    const id = db
      .insert(feedback)
      .values({ text: 'words', source: 'forum', heardOn, ageBand: '12-15', respondedOn, safeguarding })
      .returning()
      .get().id;
    for (const promiseId of links) db.insert(feedbackPromises).values({ feedbackId: id, promiseId }).run();
  };
  item('2026-04-01', '2026-04-11', [ids.a]);
  item('2026-04-20', null, [ids.a, ids.b]);
  item('2026-06-01', null, [ids.b]);
  item('2026-05-01', '2026-05-03', []);
  item('2026-03-01', null, [ids.c], true);
  db.insert(commitments)
    .values({ promiseId: ids.c, title: 'Family days', status: 'on_track', dueDate: '2026-05-01' })
    .run();
}

/** Everything worked out afresh, as before the figures were kept. */
async function fresh(db: Db) {
  return await summaryAsOf(db, TODAY, ragEvidence(db));
}

/** With flagged items, worked out afresh from the full figures and the kept summary's extras. */
async function freshWithFlagged(db: Db) {
  const settings = getSettings(db);
  const figures = await summaryFigures(db, TODAY, addDays(TODAY, -settings.answerTargetDays));
  const kept = await boardSummary(db, TODAY, true);
  const extras = {
    suggestions: new Map(kept.themes.flatMap((t) => t.promises.map((p) => [p.id, p.suggested] as const))),
    verdicts: new Map(),
    definitions: kept.definitions,
    ragOverTime: kept.ragOverTime,
  };
  const ours = computeSummary(figures, extras as never, figures.all, TODAY, settings.answerTargetDays);
  // Suggestions are compared by the summary without flagged items; here, the loop figures.
  return { ours: ours.totals, kept: kept.totals, promises: loopOf(ours), keptPromises: loopOf(kept) };
}

const loopOf = (s: Awaited<ReturnType<typeof boardSummary>>) =>
  s.themes.flatMap((t) =>
    t.promises.map((p) => ({
      id: p.id,
      awaitingResponse: p.awaitingResponse,
      awaitingOverTarget: p.awaitingOverTarget,
      medianDaysToRespond: p.medianDaysToRespond,
      medianDaysToFeedBack: p.medianDaysToFeedBack,
      shareWithinTarget: p.shareWithinTarget,
    })),
  );

describe('the kept board summary', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
  });
  afterAll(() => t.close());

  it('after a write to one promise, works out only that promise again and still equals a full recompute', async () => {
    expect(await boardSummary(t.db, TODAY, false)).toEqual(await fresh(t.db));
    const passes = (await keptLoopWork(t.db)).fullPasses;
    const read = (await keptLoopWork(t.db)).itemsRead;
    const worked = suggestionsWorked(t.db).length;

    // Log one item for promise B through the API.
    const participation = await t.as('participation');
    const logged = await participation.post('/api/v1/feedback', {
      text: 'We want a say in pocket money',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-06-10',
      ageBand: '8-11',
      promiseIds: [ids.b],
    });
    expect(logged.statusCode, logged.body).toBe(201);

    const after = await boardSummary(t.db, TODAY, false);
    expect(suggestionsWorked(t.db).slice(worked)).toEqual([ids.b]);
    expect(await keptLoopWork(t.db)).toEqual({ fullPasses: passes, itemsRead: read + 1 });
    expect(after).toEqual(await fresh(t.db));
    const b = after.themes[0]!.promises.find((p) => p.id === ids.b)!;
    expect(b.awaitingResponse).toBe(3);

    // Answering an item linked to A and B moves both, and only them; nothing is read twice.
    await write(t.db, (tx) =>
      tx.update(feedback).set({ respondedOn: '2026-06-12' }).where(eq(feedback.heardOn, '2026-04-20')).run(),
    );
    expect(await boardSummary(t.db, TODAY, false)).toEqual(await fresh(t.db));
    expect([...suggestionsWorked(t.db).slice(worked + 1)].sort()).toEqual([ids.a, ids.b].sort());
    expect(await keptLoopWork(t.db)).toEqual({ fullPasses: passes, itemsRead: read + 2 });

    // A commitment changed on C: only C is suggested again, and no feedback is read.
    await write(t.db, (tx) =>
      tx.update(commitments).set({ status: 'done' }).where(eq(commitments.promiseId, ids.c)).run(),
    );
    expect(await boardSummary(t.db, TODAY, false)).toEqual(await fresh(t.db));
    expect(suggestionsWorked(t.db).slice(worked + 3)).toEqual([ids.c]);
    expect((await keptLoopWork(t.db)).itemsRead).toBe(read + 2);
  });

  it('keeps the flagged items apart, and follows links removed and items deleted', async () => {
    const flagged = async () => {
      const f = await freshWithFlagged(t.db);
      expect(f.kept).toEqual(f.ours);
      expect(f.keptPromises).toEqual(f.promises);
    };
    await flagged();
    await write(t.db, (tx) =>
      tx.update(feedback).set({ safeguarding: true }).where(eq(feedback.heardOn, '2026-06-01')).run(),
    );
    await flagged();
    expect(await boardSummary(t.db, TODAY, false)).toEqual(await fresh(t.db));
    await write(t.db, (tx) => tx.delete(feedbackPromises).where(eq(feedbackPromises.promiseId, ids.a)).run());
    await flagged();
    expect(await boardSummary(t.db, TODAY, false)).toEqual(await fresh(t.db));
    await write(t.db, (tx) => tx.delete(feedback).where(eq(feedback.heardOn, '2026-05-01')).run());
    await flagged();
    expect(await boardSummary(t.db, TODAY, false)).toEqual(await fresh(t.db));
    // Six items, one deleted and two flagged: the board counts three.
    expect((await boardSummary(t.db, TODAY, false)).totals.feedback).toBe(3);
  });
});
