// Writes sheets of rows as an .xlsx workbook with write-excel-file: headings in bold and frozen,
// and dates as real dates (a day number with a date format, so a spreadsheet sorts and filters
// them as dates) rather than text. Runs in the worker thread (server/workers/jobs.ts).
import type { SheetData } from 'write-excel-file/node';

export type WorkbookCell = string | number | null;
/** `dates` names the columns of `YYYY-MM-DD` dates (a cell may be '' for no date). */
export type WorkbookSheet = { name: string; columns: string[]; rows: WorkbookCell[][]; dates?: string[] };

function sheetRows(sheet: WorkbookSheet): SheetData {
  const isDate = sheet.columns.map((c) => sheet.dates?.includes(c) ?? false);
  const cell = (value: WorkbookCell, column: number) =>
    isDate[column] && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'd mmmm yyyy' }
      : value;
  return [
    sheet.columns.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...sheet.rows.map((row) => row.map(cell)),
  ];
}

export async function writeWorkbook(sheets: readonly WorkbookSheet[]): Promise<Uint8Array> {
  // Loaded on first use, as only this export needs it (write-excel-file and fflate: ~30 MB of
  // RSS while writing 3,100 rows, where exceljs took ~80 MB).
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const buffer = await writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheet.name,
      data: sheetRows(sheet),
      columns: sheet.columns.map(() => ({ width: 22 })),
      stickyRowsCount: 1,
    })),
  ).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
