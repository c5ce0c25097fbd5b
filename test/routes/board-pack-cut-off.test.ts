// One cut-off throughout a pack: the headline reasons, the charts' summaries and their figures all
// stop at the same date, even when a figure is dated after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { commitments, measures, measureValues, promises, themes } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

describe('a board pack has one cut-off date', () => {
  let t: TestApp;
  let meetingId = 0;
  beforeAll(async () => {
    t = await makeTestApp({
      seed: (db, u) => {
        const theme = db.insert(themes).values({ name: 'Homes', childName: 'Where you live' }).returning().get().id;
        const promise = db
          .insert(promises)
          .values({
            themeId: theme,
            staffText: 'Fewer moves',
            childText: 'Fewer moves',
            audience: 'both',
            ownerId: u.owner,
          })
          .returning()
          .get().id;
        db.insert(commitments)
          .values({
            promiseId: promise,
            title: 'Match carers sooner',
            childTitle: 'Find carers sooner',
            dueDate: '2026-12-01',
            status: 'on_track',
            ownerId: u.owner,
            lastUpdateAt: '2026-06-01T09:00:00.000Z',
          })
          .run();
        const m = db
          .insert(measures)
          .values({
            promiseId: promise,
            name: 'Children waiting for a carer',
            unit: 'count',
            direction: 'lower',
            target: 20,
          })
          .returning()
          .get().id;
        db.insert(measureValues)
          .values([
            { measureId: m, period: 'March 2026', periodEnd: '2026-03-31', value: 25, base: null },
            // After the meeting (10 June), before the pack is made (15 June): in the pack.
            { measureId: m, period: 'Early June 2026', periodEnd: '2026-06-12', value: 29, base: null },
            // After the cut-off: in no part of the pack.
            { measureId: m, period: 'June 2026', periodEnd: '2026-06-30', value: 34, base: null },
          ])
          .run();
      },
    });
    const board = await t.as('board');
    meetingId = (
      await board.post('/api/v1/board/meetings', {
        meetingDate: '2026-06-10',
        title: 'June board',
        attendance: [{ role: 'councillor', count: 4 }],
      })
    ).json().id;
  });
  afterAll(() => t.close());

  it(
    'says the same latest figure in the reasons, the chart and its figures, and nothing after the cut-off',
    async () => {
      const board = await t.as('board');
      const pack = (await board.post(`/api/v1/board/meetings/${meetingId}/packs`, { kind: 'board' })).json();
      expect(pack.asAt).toBe('2026-06-15');
      expect(pack.periodTo).toBe(pack.asAt);
      const promise = pack.snapshot.themes[0].promises[0];
      const reasons = promise.suggested.reasons.map((r: { text: string }) => r.text).join(' ');
      expect(reasons).toContain('29');
      const measure = promise.howWeWillKnow[0];
      expect(measure.values.map((v: { value: number }) => v.value)).toEqual([25, 29]);
      expect(JSON.stringify(pack.snapshot)).not.toMatch(/\b34\b/);

      const res = await board.get(`/api/v1/board/packs/${pack.id}/pdf`);
      const doc = await getDocument({ data: new Uint8Array(res.rawPayload), useSystemFonts: true }).promise;
      let text = '';
      for (let i = 1; i <= doc.numPages; i++)
        text += (await (await doc.getPage(i)).getTextContent()).items
          .map((it) => ('str' in it ? it.str : ''))
          .join(' ');
      await doc.destroy();
      expect(text).toContain('latest 29 (Early June 2026)');
      expect(text).toContain('Early June 2026: 29');
      expect(text).not.toMatch(/\b34\b/);
    },
    scaled(60_000),
  );

  it('leaves the dashboard as it is today: the later figure is there, as the date has not come', async () => {
    const summary = (await (await t.as('board')).get('/api/v1/board/summary')).json();
    const reasons = summary.themes[0].promises[0].suggested.reasons.map((r: { text: string }) => r.text).join(' ');
    expect(reasons).toContain('34');
  });
});
