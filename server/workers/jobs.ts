// The heavy, pure jobs that run off the event loop (server/workers/off-thread.ts sends them to a
// worker thread). Each takes and returns only what structured clone carries: strings, numbers,
// arrays, plain objects, bytes. Nothing here touches the database or the request.
import { parseCsv, toCsv } from '../domain/csv-import.js';
import { writeWorkbook, type WorkbookSheet } from '../domain/xlsx-workbook.js';
import { printPack } from '../pdf/print-pack.js';
import { storedPackSnapshot } from '../domain/stored-pack.js';
import { checkImport, type ImportCheckInput } from '../services/feedback-import.js';

export const JOBS = {
  /** A spreadsheet from sheets of rows, as the bytes of an .xlsx file. */
  xlsx: (sheets: WorkbookSheet[]): Promise<Uint8Array> => writeWorkbook(sheets),
  /** CSV text from headings and rows (rows only when headers is null: a later page of a file). */
  csv: ({ headers, rows }: { headers: string[] | null; rows: unknown[][] }): string => toCsv(headers, rows),
  /** A board pack, from its stored snapshot's JSON text, as the bytes of its PDF (headless Chromium). */
  packPdf: (json: string): Promise<Uint8Array> => printPack(storedPackSnapshot(JSON.parse(json))),
  /** A CSV file's headings and rows. */
  parseCsv: (text: string) => parseCsv(text),
  /** A survey file read and checked: its preview and problems, and the rows to save. */
  checkImport: (input: ImportCheckInput) => checkImport(input),
};

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;
