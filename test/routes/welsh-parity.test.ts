// The Welsh parity report: every approved piece of children's text without approved Welsh, where
// to write it and its English, as JSON and as a CSV a translator opens in Excel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
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
    expect(lines[0]).toBe('What,Id,Welsh field,English,Welsh,Where to write it');
    expect(lines[2]).toBe('Promise,2,childTextCy,"A safe home, “ŵ” and all",,/promises/2/edit');
    expect(lines).toHaveLength(7 + 2); // heading, seven gaps, and the closing line end
  });

  it('is for signed-in staff only', async () => {
    expect((await t.anon.get('/api/v1/welsh-parity')).statusCode).toBe(401);
    expect((await t.anon.get('/api/v1/welsh-parity.csv')).statusCode).toBe(401);
  });
});
