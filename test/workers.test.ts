// Heavy, pure work runs in a worker thread (server/workers/off-thread.ts): the same answers as
// on the event loop, errors come back as errors, and an idle worker never keeps a process alive.
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../server/domain/csv-import.js';
import { offThread } from '../server/workers/off-thread.js';

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

  it('answers a job that fails with its error, and keeps serving the next', async () => {
    await expect(offThread('parseCsv', 'a,b\n"never closed')).rejects.toThrow(/quote/i);
    expect((await offThread('parseCsv', 'a\n1\n')).records).toEqual([['1']]);
  });
});
