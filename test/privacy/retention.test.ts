// Retention: once an item's loop has been closed (fed back) for the council's period, its
// original words are erased by the daily run; approved public words, the answer and the counts
// stay. The clock is injected, so "today" moves when the test says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailFor, makeTestApp, signInClient, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { auditLog, feedback, feedbackPromises, promises, themes } from '../../db/schema.js';
import { ERASED_MARKER } from '../../db/repositories/erasure.js';
import retentionSchedule from '../../server/plugins/retention-schedule.js';
import { retentionCutoff } from '../../server/domain/retention.js';

const ids: Record<string, number> = {};
let promiseId = 0;

function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Your home' }).returning().get();
  promiseId = db
    .insert(promises)
    .values({ themeId: theme.id, staffText: 'Safe homes', childText: 'A calm home', audience: 'both' })
    .returning()
    .get().id;
  const item = (name: string, fedBackOn: string | null, extra: Partial<typeof feedback.$inferInsert> = {}) => {
    const row = db
      .insert(feedback)
      .values({
        text: `original words of ${name}`,
        source: 'survey',
        heardOn: '2024-01-10',
        ageBand: '8-11',
        response: fedBackOn ? 'did' : null,
        responseText: fedBackOn ? `We did it for ${name}` : '',
        respondedOn: fedBackOn ? '2024-02-01' : null,
        fedBackOn,
        ...extra,
      })
      .returning()
      .get();
    db.insert(feedbackPromises).values({ feedbackId: row.id, promiseId }).run();
    ids[name] = row.id;
  };
  // TODAY is 2026-06-15: 24 months back is 2024-06-15.
  item('approved', '2024-06-14', { publicText: 'Calmer evenings please', publishState: 'approved' });
  item('onTheDay', '2024-06-15', { publicText: 'A draft nobody approved' });
  item('dayAfter', '2024-06-16');
  item('neverFedBack', null);
}

describe('the retention run', () => {
  let t: TestApp;
  let admin: Client;
  let day = '2026-06-15';

  beforeAll(async () => {
    t = await makeTestApp({ seed, clock: { now: () => new Date(`${day}T03:00:00Z`) } });
    await t.app.register(retentionSchedule, { firstAfterMs: 3_600_000 });
    await t.app.ready();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const row = (name: string) => t.db.select().from(feedback).where(eq(feedback.id, ids[name]!)).get()!;

  it('counts months from the day the loop closed, to the same day or the month’s end', () => {
    expect(retentionCutoff('2026-06-15', 24)).toBe('2024-06-15');
    expect(retentionCutoff('2026-09-30', 6)).toBe('2026-03-30');
    expect(retentionCutoff('2026-02-28', 24)).toBe('2024-02-28');
    expect(retentionCutoff('2025-02-28', 12)).toBe('2024-02-28');
    expect(retentionCutoff('2026-01-31', 1)).toBe('2025-12-31');
  });

  it('says how many items the next run would erase', async () => {
    const res = await admin.get('/api/v1/privacy/retention');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ retentionMonths: 24, dueNow: 2 });
  });

  it('erases the original words of items closed 24 months ago, keeping approved public words and counts', async () => {
    const before = (await t.anon.get(`/api/v1/public/promises/${promiseId}`)).body;
    expect(before).toContain('Calmer evenings please');
    const run = await t.app.retentionNow();
    expect(run).toEqual({ cutoff: '2024-06-15', erased: 2 });

    expect(row('approved')).toMatchObject({
      text: ERASED_MARKER,
      publicText: 'Calmer evenings please',
      livePublicText: 'Calmer evenings please',
      response: 'did',
      responseText: 'We did it for approved',
      fedBackOn: '2024-06-14',
      wordsErasedAt: '2026-06-15T03:00:00.000Z',
    });
    // Words never approved go with the original.
    expect(row('onTheDay')).toMatchObject({ text: ERASED_MARKER, publicText: '' });
    expect(row('dayAfter').text).toBe('original words of dayAfter');
    expect(row('neverFedBack').text).toBe('original words of neverFedBack');
    // The public page and the counts are as they were.
    const after = (await t.anon.get(`/api/v1/public/promises/${promiseId}`)).body;
    expect(after).toContain('Calmer evenings please');
    expect(t.db.select().from(feedback).all()).toHaveLength(4);

    const entries = t.db.select().from(auditLog).where(eq(auditLog.action, 'retention')).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.userEmail).toBe('system');
    expect(entries[0]!.after).toMatchObject({ summary: 'Retention: erased the words of 2 items', erased: 2 });
    const perItem = t.db.select().from(auditLog).where(eq(auditLog.action, 'erase_words')).all();
    expect(perItem.map((e) => e.after)).toEqual([
      expect.objectContaining({ how: 'retention' }),
      expect.objectContaining({ how: 'retention' }),
    ]);
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain('original words of approved');
  });

  it('does nothing, and writes nothing, when nothing is due', async () => {
    expect(await t.app.retentionNow()).toEqual({ cutoff: '2024-06-15', erased: 0 });
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'retention')).all()).toHaveLength(1);
  });

  it('erases the next item the day after, by the injected clock', async () => {
    day = '2026-06-16';
    expect(await t.app.retentionNow()).toEqual({ cutoff: '2024-06-16', erased: 1 });
    expect(row('dayAfter').text).toBe(ERASED_MARKER);
    expect(row('neverFedBack').text).toBe('original words of neverFedBack');
  });

  it('lets an admin change the period, within limits, at the version they saw', async () => {
    // A day has passed since the first sign-in.
    admin = await signInClient(t.app, emailFor('admin'));
    const current = (await admin.get('/api/v1/privacy/retention')).json();
    expect(
      (await admin.put('/api/v1/privacy/retention', { version: current.version, retentionMonths: 3 })).statusCode,
    ).toBe(400);
    const stale = await admin.put('/api/v1/privacy/retention', { version: current.version + 1, retentionMonths: 36 });
    expect(stale.statusCode).toBe(409);
    const saved = await admin.put('/api/v1/privacy/retention', { version: current.version, retentionMonths: 36 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ retentionMonths: 36, version: current.version + 1, dueNow: 0 });
    expect((await admin.get('/api/v1/settings')).json().version).toBe(current.version + 1);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.entity, 'settings')).all().at(-1)!;
    expect(audit.after).toEqual({ retentionMonths: 36 });
    const worker = await signInClient(t.app, emailFor('participation'));
    expect((await worker.put('/api/v1/privacy/retention', { version: 2, retentionMonths: 12 })).statusCode).toBe(403);
  });
});
