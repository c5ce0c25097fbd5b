// The survey import writes through plain prepared statements and builds each audit image from
// the values it inserted: these tests hold it to what the single create writes and reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { auditLog, feedback, promises, themes } from '../../db/schema.js';

function seed(db: Db) {
  db.insert(themes).values({ name: 'Relationships', childName: 'People who matter to you' }).run();
  db.insert(promises)
    .values([
      { themeId: 1, staffText: 'Keep in touch with family', childText: 'See your family', audience: 'both' },
      { themeId: 1, staffText: 'Know your social worker', childText: 'Know who helps you', audience: 'both' },
    ])
    .run();
}

const auditOf = (t: TestApp, action: string, id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entity, 'feedback'), eq(auditLog.entityId, String(id))))
    .all();

describe('survey import audit entries', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  it('writes each item the entry the single create writes, field by field, and the item it reads back', async () => {
    const made = await worker.post('/api/v1/feedback', {
      text: 'More trips, please',
      source: 'survey',
      forumId: 'cicc',
      heardOn: '2026-05-20',
      ageBand: '11-18',
      publicText: 'Children asked for more trips',
      promiseIds: [2, 1],
    });
    expect(made.statusCode).toBe(201);
    const csv = [
      'text,heard_on,age_band,source,forum,public_text,promise_ids',
      '"More trips, please",2026-05-20,11-18,survey,cicc,Children asked for more trips,2;1;2',
    ].join('\r\n');
    const res = await worker.post('/api/v1/feedback/import', { csv, dryRun: false });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBe(1);
    const createdId = made.json().id as number;
    const importedId = createdId + 1;

    const [single] = auditOf(t, 'create', createdId);
    const [imported] = auditOf(t, 'import', importedId);
    expect(single).toBeDefined();
    expect(imported).toBeDefined();
    // The entry's own columns: the same worker, entity, no "before"; only the action and id differ.
    expect({ ...imported, id: 0, at: '', action: '', entityId: '', after: null }).toEqual({
      ...single,
      id: 0,
      at: '',
      action: '',
      entityId: '',
      after: null,
    });
    expect(imported!.before).toBeNull();
    expect(imported!.userId).toBe(t.userIds.participation);

    // The images: the same fields in the same order, the same values but for the id and instants.
    const a = single!.after as Record<string, unknown>;
    const b = imported!.after as Record<string, unknown>;
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const key of Object.keys(a)) {
      if (key === 'id') expect(b.id).toBe(importedId);
      else if (key === 'createdAt' || key === 'updatedAt')
        expect(b[key]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      else expect([key, b[key]]).toEqual([key, a[key]]);
    }
    expect(b.promiseIds).toEqual([1, 2]);
    expect(b.commitmentIds).toEqual([]);

    // And exactly what the API reads back for the item, timestamps included.
    const item = (await worker.get(`/api/v1/feedback/${importedId}`)).json();
    expect(b).toEqual(item);
    const row = t.db.select().from(feedback).where(eq(feedback.id, importedId)).get()!;
    expect(row.createdAt).toBe(b.createdAt);
    expect(row.updatedAt).toBe(b.updatedAt);
  });

  it('gives every row of a file one created instant, and links each row to its own promises', async () => {
    const csv =
      'text,heard_on,age_band,promise_ids\nFirst,2026-05-01,8-11,1\nSecond,2026-05-02,8-11,\nThird,2026-05-03,8-11,2;1\n';
    const res = await worker.post('/api/v1/feedback/import', { csv, dryRun: false });
    expect(res.statusCode).toBe(201);
    const rows = t.db
      .select()
      .from(feedback)
      .all()
      .filter((r) => ['First', 'Second', 'Third'].includes(r.text));
    expect(rows.map((r) => r.text)).toEqual(['First', 'Second', 'Third']);
    expect(new Set(rows.map((r) => r.createdAt)).size).toBe(1);
    const links = rows.map((r) =>
      t.db.$client
        .prepare('select promise_id from feedback_promises where feedback_id = ? order by promise_id')
        .pluck()
        .all(r.id),
    );
    expect(links).toEqual([[1], [], [1, 2]]);
    for (const r of rows) {
      const [entry] = auditOf(t, 'import', r.id);
      expect((entry!.after as { text: string }).text).toBe(r.text);
    }
  });

  it('keeps nothing of a file when one insert fails part-way: no items, links or audit entries', async () => {
    const before = {
      items: t.db.$client.prepare('select count(*) from feedback').pluck().get(),
      audits: t.db.$client.prepare('select count(*) from audit_log').pluck().get(),
      links: t.db.$client.prepare('select count(*) from feedback_promises').pluck().get(),
    };
    // A trigger stands in for a failure the checks cannot foresee (a full disk, a constraint).
    t.db.$client.exec(
      "create temp trigger fail_third before insert on feedback when new.text = 'Boom' begin select raise(abort, 'boom'); end",
    );
    try {
      const csv = 'text,heard_on,age_band,promise_ids\nFine,2026-05-01,8-11,1\nBoom,2026-05-02,8-11,2\n';
      const res = await worker.post('/api/v1/feedback/import', { csv, dryRun: false });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      t.db.$client.exec('drop trigger fail_third');
    }
    expect({
      items: t.db.$client.prepare('select count(*) from feedback').pluck().get(),
      audits: t.db.$client.prepare('select count(*) from audit_log').pluck().get(),
      links: t.db.$client.prepare('select count(*) from feedback_promises').pluck().get(),
    }).toEqual(before);
  });
});
