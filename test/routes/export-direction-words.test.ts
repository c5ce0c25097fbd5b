// The board's measures export says which way is better in words, for every direction, context
// included; a council-wide measure linked to two promises is one row per period, not one per promise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { measurePromises, measures, measureValues, promises, themes } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({
    seed: (db) => {
      const theme = db.insert(themes).values({ name: 'Growing up', childName: 'Growing up' }).returning().get();
      const promise = (staffText: string) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText, childText: staffText, audience: 'both' })
          .returning()
          .get().id;
      const first = promise('Help you learn to cook and manage money');
      const second = promise('Make sure you have a say in your plan');
      const measure = (name: string, direction: 'higher' | 'lower' | 'context', councilWide = false) =>
        db.insert(measures).values({ promiseId: first, name, unit: 'count', direction, councilWide }).returning().get()
          .id;
      measure('Young people with a cooking certificate', 'higher');
      measure('Late pathway plans', 'lower');
      const wide = measure('Children the council looks after', 'context', true);
      db.insert(measurePromises).values({ measureId: wide, promiseId: second }).run();
      db.insert(measureValues)
        .values({ measureId: wide, period: '2025/26', periodEnd: '2026-03-31', value: 198 })
        .run();
    },
  });
});
afterAll(() => t.close());

const WORDS = ['Higher is better', 'Lower is better', 'Neither: shown for context'];

describe('the measures export', () => {
  it('says "Better when" in words in the CSV, with a council-wide measure once', async () => {
    const viewer = await t.as('viewer');
    const csv = (await viewer.get('/api/v1/board/export.csv?table=measures')).body.slice(1).trim().split('\r\n');
    const heading = csv[0]!.split(',');
    const col = heading.indexOf('Better when');
    expect(col).toBeGreaterThan(-1);
    expect(csv.slice(1).map((line) => line.split(',')[col])).toEqual(WORDS);
    expect(csv.filter((line) => line.includes('Children the council looks after'))).toHaveLength(1);
    expect(csv.join('\n')).not.toMatch(/,(context|higher|lower),/);
  });

  it('says the same words in the XLSX', async () => {
    const viewer = await t.as('viewer');
    const xlsx = await viewer.get('/api/v1/board/export.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Measures')!;
    const col = (sheet.getRow(1).values as unknown[]).indexOf('Better when');
    expect(col).toBeGreaterThan(0);
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(col).value)).toEqual(WORDS);
  });
});

describe('the board pack', () => {
  it('shows a council-wide measure once, under its own promise, naming the promise it is linked to', async () => {
    const board = await t.as('board');
    const meeting = await board.post('/api/v1/board/meetings', {
      meetingDate: '2026-06-10',
      title: 'June board',
      attendance: [{ role: 'councillor', count: 4 }],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const res = await board.post(`/api/v1/board/meetings/${meeting.json().id}/packs`, { kind: 'board' });
    expect(res.statusCode, res.body).toBe(201);
    const promisesInPack = (
      res.json().snapshot.themes as {
        promises: { howWeWillKnow: { name: string; councilWide?: boolean; alsoOn?: string[] }[] }[];
      }[]
    ).flatMap((th) => th.promises);
    const shown = promisesInPack
      .flatMap((p) => p.howWeWillKnow)
      .filter((m) => m.name === 'Children the council looks after');
    expect(shown).toEqual([
      expect.objectContaining({ councilWide: true, alsoOn: ['Make sure you have a say in your plan'] }),
    ]);
    const others = promisesInPack
      .flatMap((p) => p.howWeWillKnow)
      .filter((m) => m.name !== 'Children the council looks after');
    expect(others.every((m) => m.councilWide === undefined)).toBe(true);
  });
});
