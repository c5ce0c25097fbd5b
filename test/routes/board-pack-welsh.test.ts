// The Welsh children's pack: offered where the council uses Welsh, built from the approved Welsh
// public words only, with Welsh dates; where approved Welsh is missing it says so in Welsh and
// never falls back to the English or the staff text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { commitments, feedback, feedbackPromises, promises, settings, themes } from '../../db/schema.js';
import { packHtml, packTitle } from '../../server/pdf/board-pack-html.js';
import { WELSH_NOT_YET } from '../../server/domain/board-pack.js';

let t: TestApp;
let meetingId = 0;
beforeAll(async () => {
  t = await makeTestApp({
    seed: (db) => {
      const s = db.select().from(settings).get()!;
      db.update(settings)
        .set({
          councilNameCy: 'Cyngor Bro Prawf',
          ageBands: s.ageBands.map((b) => ({ ...b, childLabelCy: b.id === '8-11' ? 'oed 8-11' : '' })),
        })
        .run();
      const theme = db
        .insert(themes)
        .values({ name: 'Family (staff)', childName: 'Your family', childNameCy: 'Eich teulu' })
        .returning()
        .get().id;
      const withCy = db
        .insert(promises)
        .values({
          themeId: theme,
          staffText: 'STAFF-TEXT-ONE',
          childText: 'See your family',
          childTextCy: 'Gweld eich teulu',
          audience: 'both',
        })
        .returning()
        .get().id;
      db.insert(promises)
        .values({ themeId: theme, staffText: 'STAFF-TEXT-TWO', childText: 'ENGLISH-ONLY-PROMISE', audience: 'both' })
        .run();
      db.insert(commitments)
        .values({
          promiseId: withCy,
          title: 'STAFF-ACTION',
          childTitle: 'ENGLISH-ONLY-ACTION',
          childUpdate: 'ENGLISH-ONLY-UPDATE',
          dueDate: '2026-09-01',
          status: 'on_track',
        })
        .run();
      const said = db
        .insert(feedback)
        .values({
          text: 'ORIGINAL-WORDS',
          publicText: 'I want more family days',
          source: 'forum',
          heardOn: '2026-06-01',
          ageBand: '8-11',
          publishState: 'approved',
          response: 'doing',
          responseText: 'ENGLISH-ONLY-ANSWER',
          responseTextCy: 'Rydyn ni’n trefnu diwrnodau teulu',
          respondedOn: '2026-06-05',
        })
        .returning()
        .get().id;
      db.insert(feedbackPromises).values({ feedbackId: said, promiseId: withCy }).run();
    },
  });
  const meeting = await (
    await t.as('board')
  ).post('/api/v1/board/meetings', {
    meetingDate: '2026-06-10',
    title: 'June board',
    attendance: [{ role: 'councillor', count: 4 }],
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  meetingId = meeting.json().id;
});
afterAll(() => t.close());

const make = async (body: Record<string, unknown>) =>
  (await t.as('board')).post(`/api/v1/board/meetings/${meetingId}/packs`, body);

describe('the Welsh children’s pack', () => {
  it('is refused while the council does not use Welsh, and for the board pack', async () => {
    const off = await make({ kind: 'children', lang: 'cy' });
    expect(off.statusCode).toBe(400);
    expect(off.json().errors[0].path).toBe('body.lang');
    const admin = await t.as('admin');
    const s = (await admin.get('/api/v1/settings')).json();
    expect((await admin.put('/api/v1/settings', { version: s.version, useWelsh: true })).statusCode).toBe(200);
    expect((await make({ kind: 'board', lang: 'cy' })).statusCode).toBe(400);
  });

  it('holds only approved Welsh, says in Welsh where it is missing, and has Welsh dates', async () => {
    const res = await make({ kind: 'children', lang: 'cy' });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json().snapshot;
    expect(s).toMatchObject({
      kind: 'children',
      lang: 'cy',
      councilName: 'Cyngor Bro Prawf',
      asAtWords: '15 Mehefin 2026',
    });
    expect(s.themes[0].name).toBe('Eich teulu');
    expect(s.themes[0].promises.map((p: { text: string }) => p.text)).toEqual(['Gweld eich teulu', WELSH_NOT_YET]);
    expect(s.themes[0].promises[0].weWill).toEqual([{ text: WELSH_NOT_YET, status: 'doing', update: WELSH_NOT_YET }]);
    expect(s.themes[0].promises[0].weDid).toEqual(['Rydyn ni’n trefnu diwrnodau teulu']);
    expect(s.childrenToldUs).toEqual([{ text: 'I want more family days', ageBand: 'oed 8-11' }]);
    const all = JSON.stringify(s);
    for (const hidden of ['ENGLISH-ONLY', 'STAFF-', 'ORIGINAL-WORDS', 'Your family', 'See your family'])
      expect(all).not.toContain(hidden);

    const html = packHtml(s);
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('Beth wnaethon ni ei addo i chi');
    expect(html).toContain('Wrthi’n ei wneud');
    expect(packTitle(s)).toBe('Beth wnaethon ni ei addo i chi: fel yr oedd ar 15 Mehefin 2026');
    expect(html).not.toContain('What we promised you');
  });

  it('leaves the English children’s pack as it was', async () => {
    const s = (await make({ kind: 'children' })).json().snapshot;
    expect(s.lang).toBeUndefined();
    expect(s.themes[0].name).toBe('Your family');
    expect(packHtml(s)).toContain('<html lang="en">');
  });
});
