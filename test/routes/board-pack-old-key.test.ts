// A pack frozen before the rename of `howWellKnow` to `howWeWillKnow` is still stored with the
// earlier key (packs are never rewritten): it still reads through the API, and still prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { boardPacks, measures, measureValues, promises, themes } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

describe('a board pack stored with the earlier measures key', () => {
  let t: TestApp;
  let packId = 0;
  beforeAll(async () => {
    t = await makeTestApp({
      seed: (db, u) => {
        const theme = db.insert(themes).values({ name: 'Homes', childName: 'Where you live' }).returning().get().id;
        const promiseId = db
          .insert(promises)
          .values({
            themeId: theme,
            staffText: 'Stable homes',
            childText: 'A home where you can stay',
            audience: 'both',
            ownerId: u.owner,
          })
          .returning()
          .get().id;
        const m = db
          .insert(measures)
          .values({ promiseId, name: 'Three or more moves in a year', unit: 'percent', direction: 'lower', target: 10 })
          .returning()
          .get().id;
        db.insert(measureValues)
          .values({ measureId: m, period: '2025-26 Q4', periodEnd: '2026-03-31', value: 9, base: 210 })
          .run();
      },
    });
    const board = await t.as('board');
    const meeting = await board.post('/api/v1/board/meetings', {
      meetingDate: '2026-06-10',
      title: 'June board',
      attendance: [{ role: 'councillor', count: 4 }],
    });
    const made = await board.post(`/api/v1/board/meetings/${meeting.json().id}/packs`, { kind: 'board' });
    expect(made.statusCode).toBe(201);
    packId = made.json().id;
    // Store it as a pack frozen before the rename was: every promise's measures under the old key.
    const row = t.db.select().from(boardPacks).where(eq(boardPacks.id, packId)).get()!;
    const old = JSON.parse(
      JSON.stringify(row.snapshot).replaceAll('"howWeWillKnow":', '"howWellKnow":'),
    ) as typeof row.snapshot;
    t.db.update(boardPacks).set({ snapshot: old }).where(eq(boardPacks.id, packId)).run();
  });
  afterAll(() => t.close());

  it('is stored with the earlier key, and reads through the API under today’s', async () => {
    const stored = JSON.stringify(t.db.select().from(boardPacks).where(eq(boardPacks.id, packId)).get()!.snapshot);
    expect(stored).toContain('"howWellKnow":');
    expect(stored).not.toContain('"howWeWillKnow":');

    const res = await (await t.as('viewer')).get(`/api/v1/board/packs/${packId}`);
    expect(res.statusCode).toBe(200);
    const promise = res.json().snapshot.themes[0].promises[0];
    expect(promise).not.toHaveProperty('howWellKnow');
    expect(promise.howWeWillKnow).toEqual([
      expect.objectContaining({
        name: 'Three or more moves in a year',
        values: [{ period: '2025-26 Q4', value: 9, suppressed: false }],
      }),
    ]);
  });

  it(
    'still prints, with its measures',
    async () => {
      const res = await (await t.as('viewer')).get(`/api/v1/board/packs/${packId}/pdf`);
      expect(res.statusCode).toBe(200);
      const doc = await getDocument({ data: new Uint8Array(res.rawPayload), useSystemFonts: true }).promise;
      let text = '';
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
      }
      expect(text).toContain('Three or more moves in a year');
      expect(text).not.toContain('No measures yet.');
    },
    scaled(60_000),
  );
});
