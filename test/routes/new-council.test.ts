// A new council in Wales, set up from nothing through the API the way its staff would: settings
// (Welsh, age bands by label, the safeguarding lead), themes and promises that use "the same words
// for children", a yearly survey, a council-wide measure, an action owner's own commitment, a board
// meeting with a decision and a challenge, then the packs and exports. Each step checks what
// issue 18 asked of it, and the last ones check the parts agree with each other.
// The council, its people and its words are made up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { approveQueue, makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import { auditLog } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let t: TestApp;
let admin: Client;
let worker: Client;
let owner: Client;
let board: Client;
const id = { themes: [] as number[], led: 0, other: 0, empty: 0, measure: 0, meeting: 0, survey: 0 };
const items: number[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  admin = await t.as('admin');
  worker = await t.as('participation');
  owner = await t.as('owner');
  board = await t.as('board');
});
afterAll(() => t.close());

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

/** White text on the colour: WCAG contrast ratio. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const lum = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  return 1.05 / (lum + 0.05);
}

async function pdfText(url: string): Promise<string> {
  const res = await board.get(url);
  expect(res.statusCode).toBe(200);
  const doc = await getDocument({ data: new Uint8Array(res.rawPayload), useSystemFonts: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    text += (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
  await doc.destroy();
  return text;
}

describe('a new council in Wales, set up from scratch', () => {
  it('is moved to Wales with its own names, age bands typed as labels and a safeguarding lead', async () => {
    const { version } = ok(await admin.get('/api/v1/settings'));
    const saved = ok(
      await admin.put('/api/v1/settings', {
        version,
        councilName: 'Glanrhyd County Council',
        councilNameCy: 'Cyngor Sir Glanrhyd',
        nation: 'wales',
        ageBands: [
          { label: 'Under 11', childLabel: 'under 11', childLabelCy: 'dan 11' },
          { label: '11 to 17', childLabel: '11 to 17', childLabelCy: '11 i 17' },
          { label: 'Care leaver', childLabel: 'left care', childLabelCy: 'wedi gadael gofal' },
        ],
        safeguardingLeadName: 'Rhian Pryce',
        safeguardingLeadRole: 'Designated safeguarding lead',
        safeguardingLeadPhone: '01632 960 411',
      }),
    );
    // Welsh is on because the council is in Wales; nobody had to tick it.
    expect(saved).toMatchObject({ nation: 'wales', useWelsh: true, safeguardingLeadName: 'Rhian Pryce' });
    expect(saved.ageBands.map((b: { id: string }) => b.id)).toEqual(['under-11', '11-to-17', 'care-leaver']);
    expect(ok(await t.anon.get('/api/v1/public/summary'))).toMatchObject({
      councilName: 'Glanrhyd County Council',
      councilNameCy: 'Cyngor Sir Glanrhyd',
      useWelsh: true,
    });
  });

  it('adds themes and promises in one wording, each theme its own accessible colour', async () => {
    for (const name of ['Feeling at home', 'Your people', 'Growing up well'])
      id.themes.push(ok(await admin.post('/api/v1/themes', { name, sameWords: true }), 201).id);
    const themes = ok(await admin.get('/api/v1/themes')).items as { colour: string; childName: string }[];
    expect(themes.map((th) => th.childName)).toEqual(['Feeling at home', 'Your people', 'Growing up well']);
    const colours = themes.map((th) => th.colour.toLowerCase());
    expect(new Set(colours).size).toBe(3);
    for (const c of colours) expect(contrastWithWhite(c)).toBeGreaterThanOrEqual(4.5);

    const promise = async (themeId: number, staffText: string, ownerId?: number) => {
      const p = ok(await admin.post('/api/v1/promises', { themeId, staffText, sameWords: true, ownerId }), 201);
      expect(p).toMatchObject({ audience: 'both', childText: staffText, sameWords: true });
      return p.id as number;
    };
    id.led = await promise(id.themes[0]!, 'We will find you a home where you can stay', t.userIds.owner);
    id.other = await promise(id.themes[1]!, 'We will help you keep seeing the people who matter to you');
    id.empty = await promise(id.themes[2]!, 'We will help you learn to cook and manage money');
    // Nothing reaches the kiosk until a participation worker approves it.
    expect(ok(await t.anon.get('/api/v1/public/summary')).promises).toEqual([]);
    await approveQueue(t);
    expect(ok(await t.anon.get('/api/v1/public/summary')).promises).toHaveLength(3);
  });

  it('logs the yearly survey by respondents, year and age bands, with no attendance', async () => {
    const survey = ok(
      await worker.post('/api/v1/forum-sessions', {
        kind: 'survey',
        title: 'How is life for you? survey',
        year: '2025/26',
        heldOn: '2026-05-01',
        respondents: 87,
        ageBands: ['under-11', '11-to-17'],
        items: [
          { text: 'I like my bedroom at my carers', ageBand: 'under-11', promiseIds: [id.led] },
          { text: 'I want to see my nan more often', ageBand: '11-to-17', promiseIds: [id.other] },
          { text: 'Something happened at my old home', ageBand: '11-to-17' },
        ],
      }),
      201,
    );
    expect(survey).toMatchObject({ kind: 'survey', respondents: 87, attendance: null, year: '2025/26' });
    expect(survey.items.map((i: { source: string }) => i.source)).toEqual(['survey', 'survey', 'survey']);
    id.survey = survey.id;
    items.push(...survey.items.map((i: { id: number }) => i.id));
    // A band the survey did not ask is refused.
    const outside = await worker.post('/api/v1/forum-sessions', {
      kind: 'survey',
      title: 'x',
      year: '2025/26',
      heldOn: '2026-05-01',
      respondents: 3,
      ageBands: ['under-11'],
      items: [{ text: 'x', ageBand: 'care-leaver' }],
    });
    expect(outside.statusCode).toBe(400);
  });

  it('answers one item in 12 days, and flags another, told in the council’s own time', async () => {
    const answered = ok(
      await worker.patch(`/api/v1/feedback/${items[1]}`, {
        version: 1,
        response: 'doing',
        responseText: 'Your social worker is planning extra visits with your nan',
        respondedOn: '2026-05-13',
      }),
    );
    expect(answered.respondedOn).toBe('2026-05-13');
    const flagged = ok(
      await worker.post(`/api/v1/feedback/${items[2]}/safeguarding`, {
        toldWhom: 'Rhian Pryce',
        toldOn: '2026-06-15',
        toldTime: '09:05',
      }),
    );
    // 09:05 in Cardiff in June is British Summer Time: 08:05 UTC.
    expect(flagged.safeguardingToldAt).toBe('2026-06-15T08:05:00.000Z');
    ok(await worker.post(`/api/v1/feedback/${items[2]}/safeguarding-notes`, { text: 'Strategy talk held' }), 201);
    // The bedroom comment is approved for the kiosk; the answered one waits.
    const worded = ok(
      await worker.patch(`/api/v1/feedback/${items[0]}`, { version: 1, publicText: 'I like my bedroom at my carers' }),
    );
    ok(await worker.post(`/api/v1/feedback/${items[0]}/approve`, { version: worded.version }));
    await approveQueue(t);
  });

  it('adds a council-wide context measure, its periods’ ends read from their names, on two promises', async () => {
    const m = ok(
      await admin.post('/api/v1/measures', {
        promiseId: id.led,
        name: 'Children looked after by the council',
        childSentence: 'This many children and young people live in our care',
        unit: 'count',
        direction: 'context',
        councilWide: true,
      }),
      201,
    );
    id.measure = m.id;
    for (const [period, value, end] of [
      ['2016/17', 180, '2017-03-31'],
      ['2025/26', 214, '2026-03-31'],
      ['2026-Q2', 221, '2026-06-30'],
    ] as const)
      expect(
        ok(await admin.put(`/api/v1/measures/${m.id}/values/${encodeURIComponent(period)}`, { value }), 201),
      ).toMatchObject({ period, periodEnd: end });
    const { version } = ok(await admin.get(`/api/v1/measures/${m.id}`));
    ok(await admin.post(`/api/v1/measures/${m.id}/promises`, { promiseId: id.other, version }));
    await approveQueue(t);
  });

  it('lets the action owner add a commitment to the promise they lead, audited as theirs, and no other', async () => {
    const c = ok(
      await owner.post('/api/v1/commitments', {
        promiseId: id.led,
        title: 'Match each child with carers near their school',
        childTitle: 'Find you carers near your school',
        dueDate: '2026-11-30',
        status: 'on_track',
      }),
      201,
    );
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'commitment'), eq(auditLog.entityId, String(c.id))))
      .all();
    expect(audit).toEqual([expect.objectContaining({ action: 'create', userId: t.userIds.owner })]);
    const elsewhere = await owner.post('/api/v1/commitments', {
      promiseId: id.other,
      title: 'x',
      dueDate: '2026-11-30',
    });
    expect(elsewhere.statusCode).toBe(403);
    await approveQueue(t);
  });

  it('never suggests green for a promise with no commitments, and the rules page says so', async () => {
    const s = ok(await board.get(`/api/v1/board/promises/${id.empty}/suggestion`));
    expect(s.rating).not.toBe('green');
    expect(s.reasons[0].text).toMatch(/^Nothing recorded yet/);
    const rules = ok(await board.get('/api/v1/board/rag-rules'));
    expect(JSON.stringify(rules.rules)).toContain('A promise with no actions is never suggested green.');
  });

  it('holds a board meeting with a decision and a challenge', async () => {
    id.meeting = ok(
      await board.post('/api/v1/board/meetings', {
        meetingDate: '2026-06-10',
        title: 'Summer board',
        attendance: [{ role: 'councillor', count: 5 }],
      }),
      201,
    ).id;
    ok(await board.put(`/api/v1/board/meetings/${id.meeting}/reviews/${id.led}`, { rating: 'green' }), 201);
    ok(
      await board.post(`/api/v1/board/meetings/${id.meeting}/challenges`, {
        promiseId: id.other,
        ownerId: t.userIds.owner,
        text: 'Show how family time is planned for each child',
        dueDate: '2026-09-01',
      }),
      201,
    );
    // On the kiosk: a theme nobody rated is not "0 on track"; it has nothing checked.
    const themes = ok(await t.anon.get('/api/v1/public/summary')).themes as {
      id: number;
      checkedCount: number;
      onTrackCount: number;
    }[];
    const byId = new Map(themes.map((th) => [th.id, th]));
    expect(byId.get(id.themes[0]!)).toMatchObject({ checkedCount: 1, onTrackCount: 1 });
    expect(byId.get(id.themes[2]!)).toMatchObject({ checkedCount: 0, onTrackCount: 0 });
  });

  it(
    'makes a board pack after the meeting with one cut-off, its decisions and challenges, in British dates',
    async () => {
      const pack = ok(await board.post(`/api/v1/board/meetings/${id.meeting}/packs`, { kind: 'board' }), 201);
      expect(pack).toMatchObject({ asAt: '2026-06-15', periodTo: '2026-06-15' });
      const s = pack.snapshot;
      expect(s.decisions).toEqual([
        expect.objectContaining({ promise: expect.stringContaining('home'), rating: 'green' }),
      ]);
      expect(s.challengesSet).toEqual([
        expect.objectContaining({
          text: 'Show how family time is planned for each child',
          dueWords: '1 September 2026',
        }),
      ]);
      // The flagged item is not the board's: 1 of the 2 others answered, 12 days after the survey.
      expect(s.loopWords).toMatch(/^1 of 2 answered, in 12 days\./);
      // The figure for the quarter ending after the pack was made is in no part of it.
      const values = JSON.stringify(s);
      expect(values).toContain('214');
      expect(values).not.toContain('221');
      expect(values).not.toContain('Something happened');
      const text = await pdfText(`/api/v1/board/packs/${pack.id}/pdf`);
      expect(text).toContain('as at 15 June 2026');
      expect(text).toContain('Show how family time is planned for each child');
      expect(text).toContain('1 of 2 answered, in 12 days.');
      expect(text).not.toMatch(/\b221\b|Mehefin|\d{4}-\d{2}-\d{2}/);
    },
    scaled(60_000),
  );

  it(
    'makes the children’s pack in Welsh with Welsh dates, and lists the Welsh still to write',
    async () => {
      const cy = ok(
        await board.post(`/api/v1/board/meetings/${id.meeting}/packs`, { kind: 'children', lang: 'cy' }),
        201,
      );
      expect(cy.snapshot).toMatchObject({
        lang: 'cy',
        councilName: 'Cyngor Sir Glanrhyd',
        asAtWords: '15 Mehefin 2026',
      });
      const printed = await pdfText(`/api/v1/board/packs/${cy.id}/pdf`);
      expect(printed).toContain('Dyma sut oedd pethau ar 15 Mehefin 2026');
      expect(printed).toMatch(/Tudalen 1 o \d/);
      expect(printed).not.toMatch(/June|Page \d/);
      const gaps = ok(await worker.get('/api/v1/welsh-parity')).items as { kind: string; id: string }[];
      expect(gaps.filter((g) => g.kind === 'promise').map((g) => Number(g.id))).toEqual([id.led, id.other, id.empty]);
      const csv = await worker.get('/api/v1/welsh-parity.csv');
      expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.body).toContain('We will help you learn to cook and manage money');
    },
    scaled(60_000),
  );

  it('exports what Excel opens: a byte-order mark, words beside ids, kiosk approval, real dates', async () => {
    const said = (await worker.get('/api/v1/feedback/export.csv')).body;
    expect(said.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = said.slice(1).trim().split('\r\n');
    const col = (name: string) => head!.split(',').indexOf(name);
    const nan = rows.find((r) => r.includes('see my nan'))!.split(',');
    expect(nan[col('age_band_label')]).toBe('11 to 17');
    expect(nan[col('promise_words')]).toBe('We will help you keep seeing the people who matter to you');
    expect(nan[col('approved_for_kiosk')]).toBe('No');
    const bedroom = rows.find((r) => r.includes('my bedroom'))!.split(',');
    expect(bedroom[col('source_words')]).toBe('Survey');
    expect(bedroom[col('approved_for_kiosk')]).toBe('Yes');
    expect(said).not.toContain('Something happened');
    const actions = (await board.get('/api/v1/board/export.csv?table=actions')).body;
    expect(actions).toContain('On track');
    expect(actions).not.toContain('on_track');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await board.get('/api/v1/board/export.xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Promises')!;
    const decided = sheet.getRow(1).values as unknown[];
    const row = sheet.getRows(2, 3)!.find((r) => String(r.getCell(3).value).includes('home'))!;
    const cell = row.getCell(decided.indexOf('Decided on'));
    expect(cell.value).toEqual(new Date('2026-06-10T00:00:00Z'));
    expect(cell.numFmt).toBe('d mmmm yyyy');
  });
});
