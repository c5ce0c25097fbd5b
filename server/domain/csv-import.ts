// Generic CSV import: parse, map columns to fields, validate every row with a zod schema, report
// every problem by row and column, and commit all rows or none. It knows nothing about any one
// resource: feedback (survey comments) and measure values both use it.
//
// How to use it for a resource:
//   1. Write a zod object schema for ONE row, with fields named as your API names them. Values
//      arrive as strings (trimmed; an empty cell is `undefined`), so coerce where needed
//      (`z.coerce.number()`, `isoDate`, a transform that splits "1; 2" into ids).
//   2. Let the caller send a mapping { field: 'Column heading in their file' }; offer
//      `suggestMapping()` (headings equal to field names or to the export's headings) as the default.
//   3. Call `checkCsv(text, mapping, rowSchema, { required, defaults, extraCheck })`: it never
//      throws for a bad file; it returns the parsed rows and a list of problems. Build the schema
//      once (not per file or row), and give values for unmapped or empty cells as `defaults` rather
//      than a preprocess step, which would copy every row. A caller that already parsed the file
//      (to suggest a mapping from its headings) passes the parsed file instead of the text.
//   4. If there are no problems and it is not a dry run, write every row in ONE transaction
//      (`write(db, tx => ...)`): a failure part-way rolls everything back, so a bad file changes nothing.
// Row numbers are as a spreadsheet shows them: the heading row is row 1, the first data row is row 2.
// Pure: no I/O.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';

export type CsvProblem = {
  /** Spreadsheet row number (heading = 1); 0 for a problem with the file as a whole. */
  row: number;
  /** The column heading in the file (or the field name when the column is not mapped). */
  column: string;
  message: string;
};

/** Which heading of the file each field is read from. Unmapped fields are absent (or ''). */
export type ColumnMapping = Record<string, string | undefined>;

export type CsvCheck<T> = {
  headers: string[];
  /** Data rows in the file (the heading row not counted). */
  rowCount: number;
  /** Rows that passed, with their spreadsheet row number. */
  rows: { row: number; value: T }[];
  problems: CsvProblem[];
};

export type CsvCheckOptions<T> = {
  /** Fields that must be mapped to a column. */
  required?: readonly string[];
  /** Most rows one file may hold. */
  maxRows?: number;
  /** A field's value when its cell is empty or its column is not mapped (an empty default is none). */
  defaults?: Readonly<Record<string, string | undefined>>;
  /** Rules that need more than one field or outside knowledge (ids that exist, settings). */
  extraCheck?: (value: T, row: number) => { field: string; message: string }[];
};

export type ParsedCsv = { headers: string[]; records: string[][] };

/** Parses CSV text into a heading row and data rows. Throws only on malformed CSV (unclosed quote...). */
export function parseCsv(text: string): ParsedCsv {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const [headers = [], ...rest] = records;
  return { headers: headers.map((h) => h.trim()), records: rest };
}

/** A default mapping: each field read from the heading that equals it or one of its aliases (any case). */
export function suggestMapping(headers: readonly string[], aliases: Record<string, readonly string[]>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, names] of Object.entries(aliases)) {
    const wanted = [field, ...names].map((n) => n.toLowerCase());
    const found = headers.find((h) => wanted.includes(h.toLowerCase()));
    if (found) mapping[field] = found;
  }
  return mapping;
}

/** Checks a whole file (its text, or the file as `parseCsv` read it) against a row schema. Never throws: a bad file gives problems, not an error. */
export function checkCsv<S extends z.ZodType<Record<string, unknown>>>(
  file: string | ParsedCsv,
  mapping: ColumnMapping,
  rowSchema: S,
  options: CsvCheckOptions<z.infer<S>> = {},
): CsvCheck<z.infer<S>> {
  const result: CsvCheck<z.infer<S>> = { headers: [], rowCount: 0, rows: [], problems: [] };
  let parsed: ParsedCsv;
  try {
    parsed = typeof file === 'string' ? parseCsv(file) : file;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    result.problems.push({
      row: typeof line === 'number' ? line : 0,
      column: '',
      message: `This file is not valid CSV: ${(e as Error).message.replace(/^.*?: /, '')}`,
    });
    return result;
  }
  result.headers = parsed.headers;
  result.rowCount = parsed.records.length;
  if (parsed.headers.length === 0) {
    result.problems.push({ row: 0, column: '', message: 'The file is empty: it needs a heading row' });
    return result;
  }
  if (options.maxRows !== undefined && parsed.records.length > options.maxRows) {
    result.problems.push({
      row: 0,
      column: '',
      message: `The file has ${parsed.records.length.toLocaleString('en-GB')} rows; import at most ${options.maxRows.toLocaleString('en-GB')} at a time`,
    });
    return result;
  }
  if (parsed.records.length === 0) {
    result.problems.push({ row: 0, column: '', message: 'The file has a heading row but no data rows' });
    return result;
  }

  // Mapping problems stop the check: every row would repeat them.
  const columnOf = new Map<string, number>();
  for (const [field, heading] of Object.entries(mapping)) {
    if (!heading) continue;
    const index = parsed.headers.indexOf(heading);
    if (index < 0) result.problems.push({ row: 1, column: heading, message: `No column is headed “${heading}”` });
    else columnOf.set(field, index);
  }
  for (const field of options.required ?? [])
    if (!mapping[field]) result.problems.push({ row: 1, column: field, message: `Choose the column for ${field}` });
  if (result.problems.length > 0) return result;

  // Worked out once per file: where each field is read from, and what it is when that is empty.
  const fields: { field: string; index: number; fallback: string | undefined }[] = [];
  for (const [field, index] of columnOf)
    fields.push({ field, index, fallback: options.defaults?.[field] || undefined });
  for (const [field, value] of Object.entries(options.defaults ?? {}))
    if (value && !columnOf.has(field)) fields.push({ field, index: -1, fallback: value });
  const columnName = (field: string) => mapping[field] ?? field;
  const { records } = parsed;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const row = i + 2;
    const raw: Record<string, string | undefined> = {};
    for (const { field, index, fallback } of fields) {
      const cell = index < 0 ? '' : (record[index] ?? '').trim();
      raw[field] = cell === '' ? fallback : cell;
    }
    const checked = rowSchema.safeParse(raw);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        const message =
          issue.code === 'invalid_type' && raw[field] === undefined ? 'This cell is empty' : issue.message;
        result.problems.push({ row, column: columnName(field), message });
      }
      continue;
    }
    const extra = options.extraCheck?.(checked.data, row);
    if (extra === undefined || extra.length === 0) result.rows.push({ row, value: checked.data });
    else for (const p of extra) result.problems.push({ row, column: columnName(p.field), message: p.message });
  }
  return result;
}

/**
 * Writes rows as CSV, headings first, with csv-stringify (the writer beside csv-parse, which reads
 * our imports): CRLF line ends, as spreadsheets expect; a cell quoted when it holds a comma, quote,
 * line break (a lone LF too: csv-stringify quotes only its own CRLF) or leading/trailing space
 * (so a spreadsheet keeps the space); empty for null.
 * Text starting = + - @ tab or CR is run by spreadsheets as a formula: it is prefixed with ' so it
 * stays text. Numbers are never prefixed (-2 is a number, not a formula).
 */
export function toCsv(headers: readonly string[] | null, rows: readonly (readonly unknown[])[]): string {
  // Without headings: the rows of a file written a page at a time, after its first page.
  return stringify(headers ? [headers, ...rows] : [...rows], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]|^\s|\s$/,
    cast: {
      string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
      boolean: (value) => String(value),
    },
  });
}
