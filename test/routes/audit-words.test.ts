// The audit trail and a record's history say names and words, not ids and codes, and times in the
// council's zone without milliseconds, while still masking what a reader may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { users } from '../../db/schema.js';

type Change = { field: string; was: string | null; now: string | null };
type Entry = { action: string; entity: string; atWords: string; record: string; changes: Change[]; at: string };

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({
    seed: (db, u) => {
      db.update(users).set({ name: 'Sam Patel' }).where(eq(users.id, u.owner)).run();
      db.update(users).set({ name: 'Jo Lee', canOwnActions: true }).where(eq(users.id, u.board)).run();
    },
  });
});
afterAll(() => t.close());

describe('the audit trail in words', () => {
  it('names the owner and says the status and dates in words', async () => {
    const admin = await t.as('admin');
    const theme = (await admin.post('/api/v1/themes', { name: 'Homes', childName: 'Where you live' })).json();
    const promise = (
      await admin.post('/api/v1/promises', {
        themeId: theme.id,
        staffText: 'Fewer moves',
        childText: 'Fewer moves',
        audience: 'both',
      })
    ).json();
    const action = (
      await admin.post('/api/v1/commitments', {
        promiseId: promise.id,
        title: 'Match carers sooner',
        dueDate: '2026-09-01',
        ownerId: t.userIds.owner,
      })
    ).json();
    const moved = await admin.patch(`/api/v1/commitments/${action.id}`, {
      version: 1,
      status: 'off_track',
      ownerId: t.userIds.board,
      dueDate: '2026-10-15',
      dueDateReason: 'Fewer carers than planned',
      note: 'Carers are scarce',
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const page = (await admin.get(`/api/v1/audit?entity=commitment&entityId=${action.id}`)).json();
    const update = page.items.find((e: Entry) => e.action === 'update') as Entry;
    expect(update.record).toBe(`Action ${action.id}: Match carers sooner`);
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'Owner', was: 'Sam Patel', now: 'Jo Lee' },
        { field: 'Status', was: 'Not started', now: 'Off track' },
        { field: 'Due', was: '1 September 2026', now: '15 October 2026' },
      ]),
    );
    const said = JSON.stringify(update.changes);
    expect(said).not.toMatch(/off_track|not_started|Owner id|\.\d{3}Z/);
    // "15 June 2026 at 10:00am": words in the council's zone, no seconds or milliseconds.
    expect(update.atWords).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}:\d{2}(am|pm)|midnight|midday)$/);
    const created = page.items.find((e: Entry) => e.action === 'create') as Entry;
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'Promise', was: null, now: 'Fewer moves' },
        { field: 'Owner', was: null, now: 'Sam Patel' },
      ]),
    );
  });

  it("masks a child's original words in the history's words for those who may not see them", async () => {
    const worker = await t.as('participation');
    const created = await worker.post('/api/v1/feedback', {
      text: 'My social worker Priya Shah rang 07700 900123',
      heardOn: '2026-06-01',
      ageBand: '11-18',
      source: 'survey',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    const own = (await worker.get(`/api/v1/history/feedback/${item.id}`)).json();
    expect(JSON.stringify(own.items[0].changes)).toContain('07700 900123');
    for (const role of ['viewer', 'board', 'owner'] as const) {
      const res = await (await t.as(role)).get(`/api/v1/history/feedback/${item.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('07700 900123');
      expect(res.body).not.toContain('Priya Shah');
      expect(res.json().items[0].record).toBe(`Feedback ${item.id}`);
    }
  });
});
