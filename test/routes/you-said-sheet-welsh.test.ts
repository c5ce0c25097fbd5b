// The Welsh "You said, we did" sheet: only where the council uses Welsh, made from the approved
// (live) Welsh copies, falling back to the approved English item by item, never from drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { commitments, feedback, feedbackCommitments, promises, settings, themes } from '../../db/schema.js';
import { sheetItem } from '../../server/domain/you-said-sheet.js';

function seed(db: Db) {
  const s = db.select().from(settings).get()!;
  db.update(settings)
    .set({
      useWelsh: true,
      councilNameCy: 'Cyngor Bwrdeistref Prawf',
      ageBands: s.ageBands.map((b) => (b.id === '8-11' ? { ...b, childLabelCy: 'oed 8-11' } : b)),
    })
    .run();
  db.insert(themes).values({ name: 'Family', childName: 'Your family' }).run();
  db.insert(promises)
    .values({ themeId: 1, staffText: 'Family time', childText: 'See your family', audience: 'both' })
    .run();
  db.insert(commitments)
    .values([
      {
        promiseId: 1,
        title: 'Plan',
        childTitle: 'A plan to see your family',
        childTitleCy: 'Cynllun i weld eich teulu',
        dueDate: '2026-09-01',
      },
      { promiseId: 1, title: 'Bus', childTitle: 'Bus passes for visits', dueDate: '2026-09-01' },
    ])
    .run();
  const item = (values: Partial<typeof feedback.$inferInsert>) =>
    db
      .insert(feedback)
      .values({
        text: 'original words',
        source: 'forum',
        forumId: 'cicc',
        heardOn: '2026-04-01',
        ageBand: '8-11',
        publishState: 'approved',
        response: 'did',
        respondedOn: '2026-04-10',
        ...values,
      })
      .returning()
      .get();
  const both = item({
    publicText: 'More time with my brother',
    responseText: 'Every child now has a family time plan',
    responseTextCy: 'Mae gan bob plentyn gynllun amser teulu nawr',
  });
  db.insert(feedbackCommitments).values({ feedbackId: both.id, commitmentId: 1 }).run();
  const englishOnly = item({
    publicText: 'Buses to see my mum',
    responseText: 'We gave out bus passes',
    respondedOn: '2026-04-12',
  });
  db.insert(feedbackCommitments).values({ feedbackId: englishOnly.id, commitmentId: 2 }).run();
  item({
    publicText: 'We cannot go camping',
    response: 'cant',
    responseText: 'We looked into it',
    cantReason: 'The site closed',
    cantReasonCy: 'Caeodd y safle',
    respondedOn: '2026-04-14',
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ seed });
});
afterAll(() => t.close());

const sheet = async (query: string) =>
  (await t.as('participation')).get(`/api/v1/feedback/you-said-we-did?forumId=cicc&since=2026-03-01${query}`);

describe('the Welsh "You said, we did" sheet', () => {
  it('prints the approved Welsh, and the approved English marked where no Welsh is written', async () => {
    const res = await sheet('&lang=cy');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ lang: 'cy', useWelsh: true, councilName: 'Cyngor Bwrdeistref Prawf' });
    expect(
      body.items.map((i: Record<string, unknown>) => [
        i.youSaid,
        i.who,
        i.weDid,
        i.cantReason,
        i.commitments,
        i.welshMissing,
      ]),
    ).toEqual([
      [
        'More time with my brother',
        'oed 8-11',
        'Mae gan bob plentyn gynllun amser teulu nawr',
        '',
        ['Cynllun i weld eich teulu'],
        false,
      ],
      ['Buses to see my mum', 'oed 8-11', 'We gave out bus passes', '', ['Bus passes for visits'], true],
      ['We cannot go camping', 'oed 8-11', 'We looked into it', 'Caeodd y safle', [], true],
    ]);
  });

  it('keeps to the live copy: a Welsh draft waiting for approval is not printed', async () => {
    const row = t.db.select().from(feedback).where(eq(feedback.publicText, 'Buses to see my mum')).get()!;
    // Typed after approval: the draft column changes, the live copy does not.
    t.db.update(feedback).set({ responseTextCy: 'DRAFFT-HEB-EI-GYMERADWYO' }).where(eq(feedback.id, row.id)).run();
    const body = (await sheet('&lang=cy')).json();
    expect(JSON.stringify(body)).not.toContain('DRAFFT-HEB-EI-GYMERADWYO');
  });

  it('is English by default, with the English name', async () => {
    const body = (await sheet('')).json();
    expect(body).toMatchObject({ lang: 'en', councilName: 'Test Borough Council' });
    expect(body.items[0]).toMatchObject({
      who: 'age 8-11',
      weDid: 'Every child now has a family time plan',
      welshMissing: false,
    });
  });

  it('refuses a Welsh sheet where the council does not use Welsh, and an unknown language', async () => {
    const admin = await t.as('admin');
    const { version } = (await admin.get('/api/v1/settings')).json();
    expect((await admin.put('/api/v1/settings', { version, useWelsh: false })).statusCode).toBe(200);
    try {
      const res = await sheet('&lang=cy');
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('querystring.lang');
      expect((await sheet('&lang=fr')).statusCode).toBe(400);
    } finally {
      const now = (await admin.get('/api/v1/settings')).json();
      await admin.put('/api/v1/settings', { version: now.version, useWelsh: true });
    }
  });
});

describe('sheetItem', () => {
  const row = {
    id: 1,
    youSaid: 'x',
    ageBand: 'gone',
    answer: 'doing' as const,
    weDid: 'We are on it',
    weDidCy: '',
    reason: 'unused',
    reasonCy: '',
    answeredOn: '2026-04-01',
    commitments: [],
  };
  it('names an unknown group in the sheet’s language and leaves the reason off unless it is "can’t"', () => {
    expect(sheetItem(row, 'cy', [])).toMatchObject({ who: 'pobl ifanc', cantReason: '', welshMissing: true });
    expect(sheetItem(row, 'en', [])).toMatchObject({ who: 'young people', welshMissing: false });
  });
  it('does not count an empty English piece as missing Welsh', () => {
    expect(sheetItem({ ...row, weDid: '' }, 'cy', [])).toMatchObject({ welshMissing: false });
  });
});
