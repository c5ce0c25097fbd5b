// The Welsh parity report: every approved piece of children's text without approved Welsh, where
// to write it and its English, as JSON and as a CSV a translator opens in Excel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { approveQueue, makeTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { commitments, feedback, promises, settings, themes } from '../../db/schema.js';

function seed(db: Db) {
  const s = db.select().from(settings).get()!;
  db.update(settings)
    .set({ ageBands: s.ageBands.map((b) => ({ ...b, childLabelCy: b.id === '8-11' ? '' : `cy ${b.childLabel}` })) })
    .run();
  db.insert(themes)
    .values([
      { name: 'Family', childName: 'Your family', childNameCy: 'Eich teulu' },
      { name: 'Home', childName: 'Your home' },
    ])
    .run();
  db.insert(promises)
    .values([
      {
        themeId: 1,
        staffText: 'Family time',
        childText: 'See your family',
        childTextCy: 'Gweld eich teulu',
        audience: 'both',
      },
      { themeId: 2, staffText: 'A home', childText: 'A safe home, “ŵ” and all', audience: 'both' },
    ])
    .run();
  db.insert(commitments)
    .values({
      promiseId: 1,
      title: 'Plan',
      childTitle: 'A plan',
      childUpdate: 'Half the plans are done',
      dueDate: '2026-09-01',
    })
    .run();
  const answer = (values: Partial<typeof feedback.$inferInsert>) =>
    db
      .insert(feedback)
      .values({
        text: 'ORIGINAL-WORDS-NEVER-SHOWN',
        publicText: 'Public words',
        source: 'forum',
        heardOn: '2026-04-01',
        ageBand: '8-11',
        publishState: 'approved',
        response: 'cant',
        responseText: 'We asked',
        cantReason: 'The site closed',
        respondedOn: '2026-04-10',
        ...values,
      })
      .run();
  answer({});
  answer({ safeguarding: true, responseText: 'FLAGGED-ANSWER' });
  answer({ publishState: 'draft', responseText: 'UNAPPROVED-ANSWER' });
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ seed });
});
afterAll(() => t.close());

describe('the Welsh parity report', () => {
  it('lists each live English text with no live Welsh, and where to write it', async () => {
    const res = await (await t.as('viewer')).get('/api/v1/welsh-parity');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    const rows = items.map((g: Record<string, string>) => [g.kind, g.field, g.english, g.where]);
    expect(rows).toEqual([
      ['theme', 'childNameCy', 'Your home', '/admin/themes/2/edit'],
      ['promise', 'childTextCy', 'A safe home, “ŵ” and all', '/promises/2/edit'],
      ['commitment', 'childTitleCy', 'A plan', '/actions/commitments/1/edit'],
      ['commitment', 'childUpdateCy', 'Half the plans are done', '/actions/commitments/1/edit'],
      ['ageBand', 'childLabelCy', 'age 8-11', '/admin/settings'],
      ['answer', 'responseTextCy', 'We asked', '/feedback/1'],
      ['answer', 'cantReasonCy', 'The site closed', '/feedback/1'],
    ]);
    expect(total).toBe(7);
    const all = JSON.stringify(items);
    for (const hidden of ['ORIGINAL-WORDS-NEVER-SHOWN', 'FLAGGED-ANSWER', 'UNAPPROVED-ANSWER', 'Public words'])
      expect(all).not.toContain(hidden);
  });

  it('reads live copies only: Welsh typed but not approved is still missing', async () => {
    t.db.update(themes).set({ childNameCy: 'Eich cartref' }).where(eq(themes.id, 2)).run();
    const { items } = (await (await t.as('viewer')).get('/api/v1/welsh-parity')).json();
    expect(items.some((g: { kind: string; id: string }) => g.kind === 'theme' && g.id === '2')).toBe(true);
  });

  it('downloads as CSV with a byte-order mark, so Excel reads the Welsh letters', async () => {
    const res = await (await t.as('participation')).get('/api/v1/welsh-parity.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="welsh-to-write-2026-06-15.csv"');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'What,Id,Welsh field,Why,English,English changed,Welsh now,Welsh approved,New Welsh,Where to write it',
    );
    expect(lines[2]).toBe('Promise,2,childTextCy,No Welsh yet,"A safe home, “ŵ” and all",,,,,/promises/2/edit');
    expect(lines).toHaveLength(7 + 2); // heading, seven gaps, and the closing line end
  });

  it('marks Welsh stale when its English was approved after it, in the API and the CSV', async () => {
    const admin = await t.as('admin');
    const made = await admin.post('/api/v1/promises', {
      themeId: 1,
      staffText: 'Clubs and hobbies',
      childText: 'Try a new club',
      childTextCy: 'Rhowch gynnig ar glwb newydd',
      audience: 'both',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as number;
    await approveQueue(t);
    const row = (all: { kind: string; id: string }[]) => all.find((g) => g.kind === 'promise' && g.id === String(id));
    // English and Welsh approved together: up to date, so not in the report.
    expect(row((await admin.get('/api/v1/welsh-parity')).json().items)).toBeUndefined();

    const edited = await admin.patch(`/api/v1/promises/${id}`, {
      version: (await admin.get(`/api/v1/promises/${id}`)).json().version,
      childText: 'Try a new club or hobby',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // A draft nobody approved is not on the kiosk yet: still up to date.
    expect(row((await admin.get('/api/v1/welsh-parity')).json().items)).toBeUndefined();
    await approveQueue(t);
    const stale = row((await admin.get('/api/v1/welsh-parity')).json().items) as Record<string, string> | undefined;
    expect(stale).toMatchObject({
      state: 'stale',
      field: 'childTextCy',
      english: 'Try a new club or hobby',
      welsh: 'Rhowch gynnig ar glwb newydd',
    });
    expect(stale!.englishChangedAt! > stale!.welshChangedAt!).toBe(true);
    const csv = (await admin.get('/api/v1/welsh-parity.csv')).body.split('\r\n');
    const line = csv.find((l) => l.startsWith(`Promise,${id},`))!;
    expect(line).toContain(',English changed since the Welsh was approved,Try a new club or hobby,');
    expect(line).toContain(',Rhowch gynnig ar glwb newydd,');
    expect(line).toMatch(/,\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?(am|pm),/);

    // Approving new Welsh brings it up to date again.
    const now = (await admin.get(`/api/v1/promises/${id}`)).json();
    await admin.patch(`/api/v1/promises/${id}`, {
      version: now.version,
      childTextCy: 'Rhowch gynnig ar glwb neu hobi',
    });
    await approveQueue(t);
    expect(row((await admin.get('/api/v1/welsh-parity')).json().items)).toBeUndefined();
  });

  it('marks an age band’s Welsh stale when its children’s label changed after it, from the settings audit', async () => {
    const admin = await t.as('admin');
    const s = (await admin.get('/api/v1/settings')).json();
    const renamed = s.ageBands.map((b: { id: string; childLabel: string }) =>
      b.id === '11-18' ? { ...b, childLabel: 'age 11 to 18' } : b,
    );
    expect((await admin.put('/api/v1/settings', { version: s.version, ageBands: renamed })).statusCode).toBe(200);
    const items = (await admin.get('/api/v1/welsh-parity')).json().items as Record<string, string>[];
    expect(items.find((g) => g.kind === 'ageBand' && g.id === '11-18')).toMatchObject({
      state: 'stale',
      english: 'age 11 to 18',
      welshChangedAt: null,
    });
    expect(items.find((g) => g.kind === 'ageBand' && g.id === '8-11')).toMatchObject({ state: 'missing' });
  });

  it('is for signed-in staff only', async () => {
    expect((await t.anon.get('/api/v1/welsh-parity')).statusCode).toBe(401);
    expect((await t.anon.get('/api/v1/welsh-parity.csv')).statusCode).toBe(401);
  });
});
