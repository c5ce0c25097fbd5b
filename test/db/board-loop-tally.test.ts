// The board summary's loop figures, binned in one pass over (item, linked promise) rows.
import { afterAll, describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../db/client.js';
import { feedback, feedbackPromises, promises, themes } from '../../db/schema.js';
import { LoopTally, summaryFigures } from '../../db/repositories/board.js';

const byKey = <T extends { promiseId: number | null }>(rows: T[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('LoopTally', () => {
  it('counts every link for its promise and every item once for the whole set', () => {
    const tally = new LoopTally();
    // Item 1: answered in 10 days, fed back in 20, linked to promises 7 and 8.
    tally.add(1, 7, 10, 20, false);
    tally.add(1, 8, 10, 20, false);
    // Item 2: waiting, past its target, linked to 7.
    tally.add(2, 7, null, null, true);
    // Item 3: waiting inside its target, unlinked.
    tally.add(3, null, null, null, false);
    // Item 4: answered in 10 days, not fed back, unlinked.
    tally.add(4, null, 10, null, false);

    const counts = tally.counts();
    expect(counts.feedback).toBe(4);
    expect(counts.unlinkedFeedback).toBe(2);
    expect(byKey(counts.waiting)).toEqual(
      byKey([
        { promiseId: 7, n: 1, overTarget: 1 },
        { promiseId: null, n: 2, overTarget: 1 }, // items 2 and 3
      ]),
    );
    expect(byKey(counts.respondDays)).toEqual(
      byKey([
        { promiseId: 7, days: 10, n: 1 },
        { promiseId: 8, days: 10, n: 1 },
        { promiseId: null, days: 10, n: 2 }, // items 1 and 4, item 1 once
      ]),
    );
    expect(byKey(counts.feedBackDays)).toEqual(
      byKey([
        { promiseId: 7, days: 20, n: 1 },
        { promiseId: 8, days: 20, n: 1 },
        { promiseId: null, days: 20, n: 1 },
      ]),
    );
  });

  it('gives the whole set a waiting row of nothing when nothing waits', () => {
    expect(new LoopTally().counts()).toEqual({
      waiting: [{ promiseId: null, n: 0, overTarget: 0 }],
      respondDays: [],
      feedBackDays: [],
      feedback: 0,
      unlinkedFeedback: 0,
    });
  });
});

describe('summaryFigures', () => {
  const db = openAndMigrate(':memory:');
  afterAll(() => db.$client.close());

  it('bins days between the dates, and takes the flagged items apart for those who may not see them', async () => {
    const themeId = db.insert(themes).values({ name: 'Rights', childName: 'Rights' }).returning().get().id;
    const promise = () =>
      db.insert(promises).values({ themeId, staffText: 'p', childText: 'p', audience: 'both' }).returning().get().id;
    const [a, b] = [promise(), promise()];
    const item = (
      heardOn: string,
      respondedOn: string | null,
      fedBackOn: string | null,
      links: number[],
      safeguarding = false,
    ) => {
      const id = db
        .insert(feedback)
        .values({ text: 'x', source: 'forum', heardOn, ageBand: 'age_12_15', respondedOn, fedBackOn, safeguarding })
        .returning()
        .get().id;
      for (const promiseId of links) db.insert(feedbackPromises).values({ feedbackId: id, promiseId }).run();
    };
    item('2026-02-27', '2026-03-02', '2026-03-09', [a, b]); // 3 days (across the end of February), 10
    item('2026-05-01', null, null, [a]); // waiting, heard before 2026-05-18: over target
    item('2026-06-01', null, null, [b], true); // flagged, waiting inside the target
    item('2026-06-10', '2026-06-12', null, []); // 2 days, unlinked

    const f = await summaryFigures(db, '2026-06-15', '2026-05-18');
    expect(f.all.feedback).toBe(4);
    expect(f.all.unlinkedFeedback).toBe(1);
    expect(byKey(f.all.waiting)).toEqual(
      byKey([
        { promiseId: a, n: 1, overTarget: 1 },
        { promiseId: b, n: 1, overTarget: 0 },
        { promiseId: null, n: 2, overTarget: 1 },
      ]),
    );
    expect(byKey(f.all.respondDays)).toEqual(
      byKey([
        { promiseId: a, days: 3, n: 1 },
        { promiseId: b, days: 3, n: 1 },
        { promiseId: null, days: 3, n: 1 },
        { promiseId: null, days: 2, n: 1 },
      ]),
    );
    expect(byKey(f.all.feedBackDays)).toEqual(
      byKey([
        { promiseId: a, days: 10, n: 1 },
        { promiseId: b, days: 10, n: 1 },
        { promiseId: null, days: 10, n: 1 },
      ]),
    );
    expect(f.safeguarding).toEqual({
      waiting: [
        { promiseId: null, n: 1, overTarget: 0 },
        { promiseId: b, n: 1, overTarget: 0 },
      ],
      respondDays: [],
      feedBackDays: [],
      feedback: 1,
      unlinkedFeedback: 0,
    });
  });
});
