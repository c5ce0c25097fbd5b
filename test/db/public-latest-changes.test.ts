// The kiosk's "last changed" day per promise keeps each promise's newest approved answer and reads
// it again only for the promises a write touched. After every kind of write that can move it, the
// kept figure must equal one worked out afresh over every promise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, max } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { commitments, feedback, feedbackPromises, promises, themes } from '../../db/schema.js';
import { write } from '../../db/repositories/write.js';
import { publicAnswerDays, publicLatestChanges } from '../../db/repositories/public.js';

const ids = { a: 0, b: 0, c: 0, item: [] as number[] };

/** An approved, answered item, as the publishing service leaves one. */
const live = (day: string) => ({
  publishState: 'approved' as const,
  publicText: 'words',
  livePublicText: 'words',
  response: 'did' as const,
  liveResponse: 'did' as const,
  respondedOn: day,
  liveRespondedOn: day,
});

function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Home' }).returning().get().id;
  const promise = (staffText: string) =>
    db.insert(promises).values({ themeId: theme, staffText, childText: staffText, audience: 'both' }).returning().get()
      .id;
  ids.a = promise('A place that feels like home');
  ids.b = promise('Help with money');
  ids.c = promise('Time with brothers and sisters');
  const item = (heardOn: string, links: number[], answeredOn: string | null) => {
    const id = db
      .insert(feedback)
      .values({
        text: 'words',
        source: 'forum',
        heardOn,
        ageBand: '12-15',
        ...(answeredOn ? live(answeredOn) : {}),
      })
      .returning()
      .get().id;
    for (const promiseId of links) db.insert(feedbackPromises).values({ feedbackId: id, promiseId }).run();
    ids.item.push(id);
  };
  item('2026-04-01', [ids.a], '2026-04-11');
  item('2026-04-20', [ids.a, ids.b], '2026-05-02');
  item('2026-05-01', [ids.b], null);
  item('2026-05-10', [ids.c], '2026-05-20');
  db.insert(commitments)
    .values({ promiseId: ids.c, title: 'Family days', status: 'on_track', dueDate: '2026-09-01' })
    .run();
}

/** Worked out afresh: every promise's answers read again, and the commitments' updates. */
function fresh(db: Db): Map<number, string> {
  const latest = new Map<number, string>();
  const bump = (id: number, day: string | null) => {
    if (day && (latest.get(id) ?? '') < day.slice(0, 10)) latest.set(id, day.slice(0, 10));
  };
  for (const r of publicAnswerDays(db)) bump(r.promiseId, r.at);
  const actions = db
    .select({ promiseId: commitments.promiseId, at: max(commitments.lastUpdateAt) })
    .from(commitments)
    .where(eq(commitments.archived, false))
    .groupBy(commitments.promiseId)
    .all();
  for (const a of actions) bump(a.promiseId, a.at);
  return latest;
}

describe('the kept latest change per promise', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
  });
  afterAll(() => t.close());

  const same = async () => expect(await publicLatestChanges(t.db)).toEqual(fresh(t.db));
  const change = (id: number, set: Partial<typeof feedback.$inferInsert>) =>
    write(t.db, (tx) => tx.update(feedback).set(set).where(eq(feedback.id, id)).run());

  it('equals a full recompute after each kind of write', async () => {
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.b)).toBe('2026-05-02');

    // An item answered and approved.
    await change(ids.item[2]!, live('2026-06-01'));
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.b)).toBe('2026-06-01');

    // The approved answer's day moved, nothing else.
    await change(ids.item[2]!, { liveRespondedOn: '2026-06-03' });
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.b)).toBe('2026-06-03');

    // Its public words withdrawn, then the answer alone taken back.
    await change(ids.item[2]!, { livePublicText: '' });
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.b)).toBe('2026-05-02');
    await change(ids.item[1]!, { liveResponse: null });
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.a)).toBe('2026-04-11');

    // Flagged for safeguarding, then back to a draft.
    await change(ids.item[3]!, { safeguarding: true });
    await same();
    expect((await publicLatestChanges(t.db)).has(ids.c)).toBe(false);
    await change(ids.item[3]!, { safeguarding: false, publishState: 'draft' });
    await same();
    await change(ids.item[3]!, { publishState: 'approved' });
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.c)).toBe('2026-05-20');

    // Linked to another promise, unlinked, and the item deleted (as an erasure may).
    await write(t.db, (tx) => tx.insert(feedbackPromises).values({ feedbackId: ids.item[3]!, promiseId: ids.a }).run());
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.a)).toBe('2026-05-20');
    await write(t.db, (tx) => tx.delete(feedbackPromises).where(eq(feedbackPromises.feedbackId, ids.item[3]!)).run());
    await same();
    await write(t.db, (tx) => tx.delete(feedback).where(eq(feedback.id, ids.item[0]!)).run());
    await same();
    expect((await publicLatestChanges(t.db)).has(ids.a)).toBe(false);

    // A commitment's update counts too.
    await write(t.db, (tx) =>
      tx
        .update(commitments)
        .set({ lastUpdateAt: '2026-06-10T09:00:00Z' })
        .where(eq(commitments.promiseId, ids.c))
        .run(),
    );
    await same();
    expect((await publicLatestChanges(t.db)).get(ids.c)).toBe('2026-06-10');
  });
});
