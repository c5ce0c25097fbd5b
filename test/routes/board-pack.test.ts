import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { toCsv } from '../../server/domain/csv-import.js';
import {
  auditLog,
  boardPacks,
  commitments,
  feedback,
  feedbackPromises,
  measures,
  measureValues,
  promises,
  themes,
  users,
} from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

type Ids = { theme: number; keep: number; home: number; action: number };

describe('board packs, the children’s companion, the progress report and exports', () => {
  let t: TestApp;
  const ids = {} as Ids;
  let meetingId = 0;
  beforeAll(async () => {
    t = await makeTestApp({
      seed: (db, u) => {
        db.update(users).set({ name: 'Dana Owner' }).where(eq(users.id, u.owner)).run();
        ids.theme = db
          .insert(themes)
          .values({ name: 'Relationships', childName: 'People who matter to you' })
          .returning()
          .get().id;
        const promise = (staffText: string, childText: string) =>
          db
            .insert(promises)
            .values({ themeId: ids.theme, staffText, childText, audience: 'both', ownerId: u.owner })
            .returning()
            .get().id;
        ids.keep = promise('Help you keep in touch with brothers and sisters', 'We will help you see your family');
        ids.home = promise('Stable homes', 'A home where you can stay');
        ids.action = db
          .insert(commitments)
          .values({
            promiseId: ids.keep,
            title: 'Family time budget',
            childTitle: 'Money for family days out',
            dueDate: '2026-05-01',
            status: 'off_track',
            ownerId: u.owner,
            lastUpdateAt: '2026-06-01T09:00:00.000Z',
          })
          .returning()
          .get().id;
        const m = db
          .insert(measures)
          .values({
            promiseId: ids.home,
            name: 'Three or more moves in a year',
            unit: 'percent',
            direction: 'lower',
            target: 10,
          })
          .returning()
          .get().id;
        db.insert(measureValues)
          .values([
            { measureId: m, period: '2025-26 Q3', periodEnd: '2025-12-31', value: 12, base: 200 },
            { measureId: m, period: '2025-26 Q4', periodEnd: '2026-03-31', value: 9, base: 210 },
          ])
          .run();
        const said = (
          text: string,
          heardOn: string,
          promiseId: number,
          extra: Partial<typeof feedback.$inferInsert> = {},
        ) => {
          const id = db
            .insert(feedback)
            .values({
              text: `raw: ${text}`,
              publicText: text,
              source: 'forum',
              heardOn,
              ageBand: '8-11',
              publishState: 'approved',
              ...extra,
            })
            .returning()
            .get().id;
          db.insert(feedbackPromises).values({ feedbackId: id, promiseId }).run();
        };
        said('I want to see my sister more', '2026-05-20', ids.keep, {
          response: 'doing',
          responseText: 'We are setting up monthly family days',
          respondedOn: '2026-06-01',
        });
        said('Secret safeguarding words', '2026-05-22', ids.keep, { safeguarding: true });
        said('Not approved yet', '2026-05-23', ids.keep, { publishState: 'draft' });
      },
    });
    const board = await t.as('board');
    const meeting = await board.post('/api/v1/board/meetings', {
      meetingDate: '2026-06-10',
      title: 'June board',
      attendance: [
        { role: 'councillor', count: 4 },
        { role: 'partner', count: 1 },
      ],
    });
    meetingId = meeting.json().id;
    await board.put(`/api/v1/board/meetings/${meetingId}/reviews/${ids.keep}`, {
      rating: 'red',
      suggestedRating: 'red',
    });
    await board.post(`/api/v1/board/meetings/${meetingId}/challenges`, {
      promiseId: ids.keep,
      ownerId: t.userIds.owner,
      text: 'Bring a recovery plan for family time',
      dueDate: '2026-07-01',
    });
  });
  afterAll(() => t.close());

  let packId = 0;

  it('makes the board pack from a snapshot: RAG summary, definitions, exceptions first, each promise in four parts', async () => {
    const board = await t.as('board');
    expect(
      (await (await t.as('viewer')).post(`/api/v1/board/meetings/${meetingId}/packs`, { kind: 'board' })).statusCode,
    ).toBe(403);
    const res = await board.post(`/api/v1/board/meetings/${meetingId}/packs`, { kind: 'board' });
    expect(res.statusCode).toBe(201);
    const pack = res.json();
    packId = pack.id;
    const s = pack.snapshot;
    // One cut-off for everything in the pack: the day it was made.
    expect(pack).toMatchObject({ kind: 'board', meetingId, asAt: '2026-06-15', periodTo: '2026-06-15' });
    // No earlier meeting: the period is the 182 days before this one.
    expect(pack.periodFrom).toBe('2025-12-10');
    expect(s.ragCounts).toEqual({ red: 1, amber: 0, green: 0, blue: 0, notRated: 1 });
    expect(s.definitions.red.label).toBe('Off track');
    expect(s.quorum).toMatchObject({ quorate: true });
    expect(s.exceptions).toEqual([
      {
        promiseId: ids.keep,
        staffText: 'Help you keep in touch with brothers and sisters',
        rating: 'red',
        trend: 'new',
        ownerName: 'Dana Owner',
        commentary: [],
      },
    ]);
    const keep = s.themes[0].promises[0];
    expect(keep.youSaid).toEqual([
      { text: 'I want to see my sister more', ageBand: 'Age 8 to 11', heardOn: '2026-05-20' },
    ]);
    expect(keep.weWill).toEqual([
      {
        title: 'Family time budget',
        status: 'off_track',
        progress: 0,
        dueDate: '2026-05-01',
        overdue: true,
        ownerName: 'Dana Owner',
        note: '',
      },
    ]);
    expect(keep.weDid).toEqual([{ text: 'We are setting up monthly family days', on: '2026-06-01' }]);
    const home = s.themes[0].promises[1];
    expect(home.howWeWillKnow[0].values).toEqual([
      { period: '2025-26 Q3', value: 12, suppressed: false },
      { period: '2025-26 Q4', value: 9, suppressed: false },
    ]);
    // The snapshot never carries safeguarding-flagged or unapproved words, nor the raw text.
    const text = JSON.stringify(s);
    expect(text).not.toContain('Secret safeguarding');
    expect(text).not.toContain('Not approved yet');
    expect(text).not.toContain('raw:');
    expect(s.mattersArising).toEqual([]);
    // Made after the meeting: what the board decided and asked there is in the pack.
    expect(s.decisions).toEqual([
      { promise: 'Help you keep in touch with brothers and sisters', rating: 'red', rationale: '' },
    ]);
    expect(s.challengesSet).toEqual([
      {
        text: 'Bring a recovery plan for family time',
        promise: 'Help you keep in touch with brothers and sisters',
        ownerName: 'Dana Owner',
        dueDate: '2026-07-01',
        dueWords: '1 July 2026',
        answer: '',
        closed: false,
      },
    ]);
    expect(s.loopTotals).toMatchObject({ answered: 1, awaitingResponse: 1 });
    expect(s.loopWords).toMatch(/^1 of 2 answered, in 12 days\. 1 thing still waiting for an answer/);
    expect(s.childrenToldUs.map((c: { text: string }) => c.text)).toEqual(['I want to see my sister more']);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.entity, 'board_pack')).all();
    expect(audit.map((a) => [a.action, a.entityId])).toContainEqual(['create', String(packId)]);
  });

  it('keeps a past pack exactly as it was when promises, actions and ratings change later', async () => {
    const board = await t.as('board');
    const before = (await board.get(`/api/v1/board/packs/${packId}`)).json();
    t.db.update(promises).set({ staffText: 'Renamed later' }).where(eq(promises.id, ids.keep)).run();
    t.db.update(commitments).set({ status: 'done' }).where(eq(commitments.id, ids.action)).run();
    await board.put(`/api/v1/board/meetings/${meetingId}/reviews/${ids.keep}`, {
      rating: 'green',
      suggestedRating: 'blue',
      rationale: 'Done, but not yet lasting',
      version: 1,
    });
    const after = (await board.get(`/api/v1/board/packs/${packId}`)).json();
    expect(after).toEqual(before);
    // A new pack shows the change.
    const fresh = (await board.post(`/api/v1/board/meetings/${meetingId}/packs`, { kind: 'board' })).json();
    expect(fresh.snapshot.themes[0].promises[0].staffText).toBe('Renamed later');
    expect(fresh.snapshot.ragCounts.green).toBe(1);
    const list = (await (await t.as('viewer')).get(`/api/v1/board/packs?meetingId=${meetingId}`)).json();
    expect(list.items.map((p: { id: number }) => p.id).sort()).toEqual([packId, fresh.id].sort());
    expect(t.db.select().from(boardPacks).all()).toHaveLength(2);
  });

  it('makes a child-friendly companion: children’s words, no RAG, no owner names', async () => {
    const res = await (await t.as('admin')).post(`/api/v1/board/meetings/${meetingId}/packs`, { kind: 'children' });
    expect(res.statusCode).toBe(201);
    const s = res.json().snapshot;
    expect(s.kind).toBe('children');
    expect(s.themes[0].name).toBe('People who matter to you');
    expect(s.themes[0].promises[0]).toMatchObject({
      text: 'We will help you see your family',
      weWill: [{ text: 'Money for family days out', status: 'done', update: '' }],
    });
    expect(s.childrenToldUs).toEqual([{ text: 'I want to see my sister more', ageBand: 'age 8-11' }]);
    const text = JSON.stringify(s).toLowerCase();
    for (const word of ['dana owner', '"red"', '"amber"', '"green"', 'rag', 'rating']) expect(text).not.toContain(word);
  });

  it('makes a six-monthly progress report over a date range', async () => {
    const board = await t.as('board');
    const bad = await board.post('/api/v1/board/progress-reports', { from: '2026-06-30', to: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.to');
    const res = await board.post('/api/v1/board/progress-reports', { from: '2026-01-01', to: '2026-06-30' });
    expect(res.statusCode).toBe(201);
    const s = res.json().snapshot;
    expect(s).toMatchObject({ kind: 'progress', periodFrom: '2026-01-01', periodTo: '2026-06-30' });
    const [keep, home] = s.themes[0].promises;
    expect(keep).toMatchObject({
      ratings: [{ rating: 'green', decidedOn: '2026-06-10' }],
      actionsDone: 1,
      actionsOpen: 0,
      // The flagged item is left out: 3 heard, 1 of them flagged.
      heard: 2,
      answered: 1,
    });
    // Only figures for periods ending in the range.
    expect(home.measures[0].values).toEqual([{ period: '2025-26 Q4', value: 9, suppressed: false }]);
  });

  it('exports promises, actions and measures as CSV and XLSX', async () => {
    const viewer = await t.as('viewer');
    const csv = await viewer.get('/api/v1/board/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    // A byte-order mark first, so Excel reads the file as UTF-8; then words, not codes.
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Theme,Promise number,Promise,Owner,Board RAG,Decided on,Trend,Suggested RAG,Why suggested,Overdue actions,Stale actions,Waiting for an answer',
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^Relationships,${ids.keep},Renamed later,Dana Owner,On track \\(green\\),2026-06-10,First rating,Complete \\(blue\\),`,
      ),
    );
    const actions = (await viewer.get('/api/v1/board/export.csv?table=actions')).body.slice(1).trim().split('\r\n');
    expect(actions[1]).toBe(
      `Relationships,${ids.keep},Renamed later,Family time budget,Dana Owner,Done,2026-05-01,0,No,,`,
    );
    expect(actions.join('\n')).not.toMatch(/off_track|not_started|on_track/);
    expect((await viewer.get('/api/v1/board/export.csv?table=nope')).statusCode).toBe(400);

    // The feedback export: beside each id its words, and whether the kiosk may show the quote.
    const said = (await (await t.as('participation')).get('/api/v1/feedback/export.csv')).body;
    expect(said.startsWith('\uFEFF')).toBe(true);
    const sister = said.split('\r\n').find((l) => l.includes('I want to see my sister more'))!;
    expect(sister).toContain(',Forum,');
    expect(sister).toContain(',Age 8 to 11,Renamed later,Yes,We are doing it');
    const draft = said.split('\r\n').find((l) => l.includes('raw: Not approved yet'))!;
    expect(draft).toMatch(/,No,$/);
    expect(said).not.toContain('Secret safeguarding');

    const xlsx = await viewer.get('/api/v1/board/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Promises', 'Actions', 'Measures']);
    // Headings in bold and kept in view; dates are dates a spreadsheet can sort, not text.
    const promisesSheet = book.getWorksheet('Promises')!;
    expect(promisesSheet.getCell('A1').value).toBe('Theme');
    expect(promisesSheet.getCell('A1').font?.bold).toBe(true);
    expect(promisesSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Dates are real dates, shown as people write them ("10 June 2026").
    expect(promisesSheet.getCell('F2').value).toEqual(new Date('2026-06-10T00:00:00Z'));
    expect(promisesSheet.getCell('F2').numFmt).toBe('d mmmm yyyy');
    expect(book.getWorksheet('Actions')!.getCell('G2').value).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(book.getWorksheet('Actions')!.getCell('F2').value).toBe('Done');
    const measuresSheet = book.getWorksheet('Measures')!;
    expect(measuresSheet.getRow(3).values).toEqual([
      undefined,
      'Relationships',
      ids.home,
      'Stable homes',
      'Three or more moves in a year',
      'Per cent',
      'Lower is better',
      undefined, // no baseline: an empty cell
      10,
      '2025-26 Q4',
      new Date('2026-03-31T00:00:00Z'),
      9,
    ]);
  });

  it(
    'prints the pack to a tagged A4 PDF with page numbers, and the text reads back',
    async () => {
      const res = await (await t.as('viewer')).get(`/api/v1/board/packs/${packId}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const bytes = new Uint8Array(res.rawPayload);
      expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
      // Tagged: the document carries a structure tree and says so.
      // (Read through pdf.js: the catalog sits in a compressed object stream.)
      const doc = await getDocument({ data: bytes, useSystemFonts: true }).promise;
      expect((await doc.getMarkInfo())?.Marked).toBe(true);
      expect(await (await doc.getPage(1)).getStructTree()).not.toBeNull();
      // Front matter, then one page per theme at least.
      expect(doc.numPages).toBeGreaterThanOrEqual(2);
      const pages: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
      }
      const all = pages.join('\n');
      // The pack as it was frozen, not as the promise reads now.
      expect(all).toContain('Help you keep in touch with brothers and sisters');
      expect(all).not.toContain('Renamed later');
      expect(all).toContain('What the colours mean');
      expect(all).toContain('You said');
      expect(all).toContain('I want to see my sister more');
      expect(all).toContain('At this meeting');
      expect(all).toContain('Bring a recovery plan for family time');
      expect(all).toContain('1 July 2026');
      // The loop in words, for small numbers: a count and its own wait, never "Half were answered".
      expect(all).toContain('1 of 2 answered, in 12 days.');
      expect(all).not.toMatch(/Half were answered/);
      expect(pages[0]).toContain(`Page 1 of ${doc.numPages}`);
      expect(pages[0]).toContain('as at 15 June 2026');
      // Every date in words, British style: no ISO date anywhere in the printed pack.
      expect(all.match(/.{60}\b\d{4}-\d{2}-\d{2}\b.{20}/g)).toBeNull();
      await doc.destroy();
    },
    scaled(60_000),
  );
});

describe('CSV cells', () => {
  it('quotes commas, quotes and new lines, and makes would-be formulas inert', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['=SUM(A1)', 'line\nbreak'],
          [-3, null],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n\'=SUM(A1),"line\nbreak"\r\n-3,\r\n');
  });
});
