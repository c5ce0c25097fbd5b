// The survey import writes through plain prepared statements and audits the whole file once,
// keeping each item's values beside that entry: these tests hold an imported item's history to
// what the single create records and what the item reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { IMPORT_MAX_CHARS, IMPORT_MAX_ROWS, IMPORT_PROBLEMS_LISTED } from '../../server/contracts/index.js';
import { auditLog, feedback, feedbackImports, promises, themes } from '../../db/schema.js';

function seed(db: Db) {
  db.insert(themes).values({ name: 'Relationships', childName: 'People who matter to you' }).run();
  db.insert(promises)
    .values([
      { themeId: 1, staffText: 'Keep in touch with family', childText: 'See your family', audience: 'both' },
      { themeId: 1, staffText: 'Know your social worker', childText: 'Know who helps you', audience: 'both' },
    ])
    .run();
}

const importEntries = (t: TestApp) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'import'), eq(auditLog.entity, 'feedback')))
    .all();

type HistoryEntry = {
  id: number;
  action: string;
  entityId: string;
  record: string;
  before: unknown;
  after: Record<string, unknown>;
};
const historyOf = async (client: Client, id: number) => {
  const res = await client.get(`/api/v1/history/feedback/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: HistoryEntry[]; total: number };
};

// One app for both groups: the limit tests only check files, or refuse them, and write nothing.
describe('survey import', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  describe('audit entries', () => {
    it('shows an imported item the entry a single create shows, field by field, and the item it reads back', async () => {
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

      // The file's one entry: by the worker, nothing before it, naming the item it made.
      const [entry, ...more] = importEntries(t);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        userId: t.userIds.participation,
        entityId: `${importedId}-${importedId}`,
        before: null,
        after: { items: 1, firstRecord: importedId, lastRecord: importedId },
      });

      // The item's history shows that entry as its own, as the single create's history shows its.
      const [single] = (await historyOf(worker, createdId)).items;
      const [imported] = (await historyOf(worker, importedId)).items;
      expect(single).toBeDefined();
      expect(imported).toBeDefined();
      expect(imported!.id).toBe(entry!.id);
      // The entry's own fields: the same worker, entity, no "before"; only the action, id and instant differ.
      const bare = (e: HistoryEntry) => ({ ...e, id: 0, at: '', action: '', entityId: '', record: '', after: null });
      expect(bare(imported!)).toEqual(bare(single!));
      expect([single!.action, imported!.action]).toEqual(['create', 'import']);
      expect(imported!.entityId).toBe(String(importedId));
      expect(imported!.record).toBe(`Feedback ${importedId}`);

      // The images: the same fields in the same order, the same values but for the id and instants.
      const a = single!.after;
      const b = imported!.after;
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
      // (The read also says which words it holds, and what the check finds in them now.)
      const { identifierKinds, ...item } = (await worker.get(`/api/v1/feedback/${importedId}`)).json();
      expect(identifierKinds).toEqual([]);
      expect({ ...b, wordsShown: 'original' }).toEqual(item);
      const row = t.db.select().from(feedback).where(eq(feedback.id, importedId)).get()!;
      expect(row.createdAt).toBe(b.createdAt);
      expect(row.updatedAt).toBe(b.updatedAt);
    });

    it('gives every row of a file one created instant and its own promises, in one entry for the file', async () => {
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
      const entry = importEntries(t).at(-1)!;
      expect(entry).toMatchObject({
        entityId: `${rows[0]!.id}-${rows[2]!.id}`,
        after: { items: 3, firstRecord: rows[0]!.id, lastRecord: rows[2]!.id },
      });
      for (const r of rows) {
        const { items } = await historyOf(worker, r.id);
        expect(items.map((e) => [e.id, e.after.text, e.after.promiseIds])).toEqual([
          [entry.id, r.text, links[rows.indexOf(r)]],
        ]);
      }
    });

    it('keeps nothing of a file when one insert fails part-way: no items, links, audit entry or kept values', async () => {
      const before = {
        items: t.db.$client.prepare('select count(*) from feedback').pluck().get(),
        audits: t.db.$client.prepare('select count(*) from audit_log').pluck().get(),
        links: t.db.$client.prepare('select count(*) from feedback_promises').pluck().get(),
        kept: t.db.$client.prepare('select count(*) from feedback_imports').pluck().get(),
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
        kept: t.db.$client.prepare('select count(*) from feedback_imports').pluck().get(),
      }).toEqual(before);
    });

    it('finds each item’s own file among several, under its later changes, and for the admin’s search', async () => {
      const file = (words: string[]) =>
        worker.post('/api/v1/feedback/import', {
          csv: `text,heard_on,age_band\n${words.map((w) => `${w},2026-06-01,8-11`).join('\n')}\n`,
          dryRun: false,
        });
      expect((await file(['North', 'South'])).statusCode).toBe(201);
      const single = await worker.post('/api/v1/feedback', {
        text: 'Between the files',
        source: 'forum',
        forumId: 'cicc',
        heardOn: '2026-06-02',
        ageBand: '8-11',
      });
      expect(single.statusCode).toBe(201);
      expect((await file(['East', 'West'])).statusCode).toBe(201);
      const [first, second] = importEntries(t).slice(-2);
      const byText = new Map(
        t.db
          .select()
          .from(feedback)
          .all()
          .map((r) => [r.text, r]),
      );
      for (const [text, entry] of [
        ['North', first],
        ['South', first],
        ['East', second],
        ['West', second],
      ] as const) {
        const { items } = await historyOf(worker, byText.get(text)!.id);
        expect([text, items.map((e) => [e.id, e.action, e.after.text])]).toEqual([text, [[entry!.id, 'import', text]]]);
      }
      const between = await historyOf(worker, single.json().id);
      expect(between.items.map((e) => e.action)).toEqual(['create']);

      // A later change sits above the import, which still shows the words as imported.
      const west = (await worker.get(`/api/v1/feedback/${byText.get('West')!.id}`)).json();
      const edited = await worker.patch(`/api/v1/feedback/${west.id}`, { version: west.version, text: 'West, edited' });
      expect(edited.statusCode, edited.body).toBe(200);
      const history = await historyOf(worker, west.id);
      expect(history.total).toBe(2);
      expect(history.items.map((e) => [e.action, e.after.text])).toEqual([
        ['update', 'West, edited'],
        ['import', 'West'],
      ]);
      // Page by page, the import comes last.
      const page2 = (await worker.get(`/api/v1/history/feedback/${west.id}?page=2&pageSize=1`)).json();
      expect(page2.items.map((e: HistoryEntry) => e.action)).toEqual(['import']);

      // The admin's search by record number finds the same two; a range of records is kept once.
      const admin = await t.as('admin');
      const found = (await admin.get(`/api/v1/audit?entity=feedback&entityId=${west.id}`)).json();
      expect(found.items.map((e: HistoryEntry) => [e.action, e.entityId])).toEqual([
        ['update', String(west.id)],
        ['import', String(west.id)],
      ]);
      const kept = t.db.select().from(feedbackImports).all().slice(-2);
      expect(kept.map((k) => [k.auditId, k.lastId - k.firstId + 1, k.rows.length])).toEqual([
        [first!.id, 2, 2],
        [second!.id, 2, 2],
      ]);
    });
  });

  describe('file limits', () => {
    const file = (rows: number, heardOn = '2026-05-01') =>
      'text,heard_on,age_band\n' +
      Array.from({ length: rows }, (_, i) => `Comment number ${i + 1} about our plans,${heardOn},8-11`).join('\n') +
      '\n';

    it('checks a file of the most rows one file may hold, and refuses one row more', async () => {
      const full = await worker.post('/api/v1/feedback/import', { csv: file(IMPORT_MAX_ROWS), dryRun: true });
      expect(full.statusCode).toBe(200);
      expect(full.json()).toMatchObject({ rowCount: IMPORT_MAX_ROWS, problems: [], problemCount: 0 });
      const over = await worker.post('/api/v1/feedback/import', { csv: file(IMPORT_MAX_ROWS + 1), dryRun: true });
      expect(over.json()).toMatchObject({
        problemCount: 1,
        problems: [{ row: 0, message: 'The file has 100,001 rows; import at most 100,000 at a time' }],
      });
    });

    it('lists the first problems of a file full of them, counts them all, and imports nothing', async () => {
      const itemsBefore = t.db.$client.prepare('select count(*) from feedback').pluck().get();
      const bad = file(IMPORT_PROBLEMS_LISTED + 50, '2099-01-01');
      const checked = (await worker.post('/api/v1/feedback/import', { csv: bad, dryRun: true })).json();
      expect(checked.problemCount).toBe(IMPORT_PROBLEMS_LISTED + 50);
      expect(checked.problems).toHaveLength(IMPORT_PROBLEMS_LISTED);
      expect(checked.problems[0]).toEqual({ row: 2, column: 'heard_on', message: 'The date cannot be in the future' });
      const refused = await worker.post('/api/v1/feedback/import', { csv: bad, dryRun: false });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.json().detail).toContain(`the file has ${IMPORT_PROBLEMS_LISTED + 50} problems`);
      expect(refused.json().errors).toHaveLength(IMPORT_PROBLEMS_LISTED);
      expect(t.db.$client.prepare('select count(*) from feedback').pluck().get()).toBe(itemsBefore);
    });

    it('answers a file over 16 MB with a clear problem, not a failure', async () => {
      const huge = 'text\n' + 'x'.repeat(IMPORT_MAX_CHARS);
      const res = await worker.post('/api/v1/feedback/import', { csv: huge, dryRun: true });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors[0]).toMatchObject({
        path: 'body.csv',
        message: 'The file is bigger than 16 MB: split it into smaller files',
      });
    });
  });
});
