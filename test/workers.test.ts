// Heavy, pure work runs in a worker thread (server/workers/off-thread.ts): the same answers as
// on the event loop, errors come back as errors, and an idle worker never keeps a process alive.
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../server/domain/csv-import.js';
import { offThread } from '../server/workers/off-thread.js';
import { checkImport, type ImportCheckInput } from '../server/services/feedback-import.js';

describe('work off the event loop', () => {
  it('writes CSV and reads it back exactly as the event loop would', async () => {
    const headers = ['Promise', 'Words'];
    const rows = [
      ['Home', '=SUM(A1)'],
      ['School', 'a "quoted", line\nbreak'],
    ];
    const csv = await offThread('csv', { headers, rows });
    expect(csv).toBe(toCsv(headers, rows));
    expect(await offThread('parseCsv', csv)).toEqual(parseCsv(csv));
  });

  it('writes an XLSX workbook, a zip file, with its bytes handed back whole', async () => {
    const bytes = await offThread('xlsx', [
      { name: 'Promises', columns: ['Promise', 'Decided on'], rows: [['Home', '2026-12-01']], dates: ['Decided on'] },
    ]);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
  });

  it('reads and checks a survey file as the event loop would, with the rows to save only when it is saved', async () => {
    const input: ImportCheckInput = {
      csv: 'text,heard_on,age_band,promise_ids\nMore say in my plan,2026-05-01,11-18,3\nA dog,2026-05-02,11-18,9\n',
      body: { mapping: { text: 'text', heardOn: 'heard_on', ageBand: 'age_band', promiseIds: 'promise_ids' } },
      dryRun: false,
      settings: { forums: [], ageBands: [{ id: '11-18' }] } as unknown as ImportCheckInput['settings'],
      day: '2026-06-15',
      loggedById: 1,
      promiseIds: [3, 9],
    };
    const checked = await offThread('checkImport', input);
    expect(checked).toEqual(checkImport(input));
    expect(checked.result.problemCount).toBe(0);
    expect(checked.rows.map((r) => [r.text, r.promiseIds])).toEqual([
      ['More say in my plan', [3]],
      ['A dog', [9]],
    ]);
    // A preview, or a file naming a promise that does not exist, has nothing to save.
    expect((await offThread('checkImport', { ...input, dryRun: true })).rows).toEqual([]);
    const unknown = await offThread('checkImport', { ...input, promiseIds: [3] });
    expect(unknown.result.problems[0]).toMatchObject({ row: 3, message: 'No promise has number 9' });
    expect(unknown.rows).toEqual([]);
  });

  it('answers a job that fails with its error, and keeps serving the next', async () => {
    await expect(offThread('parseCsv', 'a,b\n"never closed')).rejects.toThrow(/quote/i);
    expect((await offThread('parseCsv', 'a\n1\n')).records).toEqual([['1']]);
  });
});
