// The survey import's rules for one file: how its headings map to fields, what each row must
// hold, and the preview the participation worker reads before anything is saved.
import { z } from 'zod';
import {
  IMPORT_MAX_ROWS,
  IMPORT_PROBLEMS_LISTED,
  feedbackSource,
  isoDate,
  type FeedbackImport,
  type ImportField,
} from '../contracts/index.js';
import { invalid } from '../errors.js';
import { checkCsv, parseCsv, suggestMapping, type ColumnMapping, type ParsedCsv } from '../domain/csv-import.js';
import type { SettingsRow } from '../../db/repositories/settings.js';
import type { ImportRow } from '../../db/repositories/feedback-import.js';

// Built once: checkCsv gives it trimmed cells, an empty cell as the file's default or undefined.
const importRowSchema = z.object({
  text: z.string({ error: 'This cell is empty' }).min(1).max(4000, 'Keep it under 4000 characters'),
  heardOn: isoDate,
  ageBand: z.string().max(40),
  source: feedbackSource.optional(),
  forumId: z.string().max(40).optional(),
  publicText: z.string().max(1000, 'Keep it under 1000 characters').optional(),
  promiseIds: z
    .string()
    .regex(/^\s*\d+(\s*[;|]\s*\d+)*\s*$/, 'Write promise numbers separated by ; (for example 3;7)')
    .transform((s) => s.split(/[;|]/).map((x) => Number(x.trim())))
    .optional(),
});
type ImportRowValue = z.infer<typeof importRowSchema>;

export const IMPORT_ALIASES: Record<ImportField, readonly string[]> = {
  text: ['text', 'comment', 'what they said'],
  heardOn: ['heard_on', 'date'],
  ageBand: ['age_band', 'age'],
  source: ['source'],
  forumId: ['forum', 'forum_id'],
  publicText: ['public_text'],
  promiseIds: ['promise_ids', 'promises'],
};

type FeedbackImportBody = Pick<FeedbackImport, 'mapping' | 'defaults'>;
type Defaults = NonNullable<FeedbackImportBody['defaults']>;
type Council = Pick<SettingsRow, 'forums' | 'ageBands'>;

/** The file's defaults name a known forum and age band and no future date, or a 422 says which. */
export function checkImportDefaults(settings: Council, defaults: Defaults, day: string): void {
  const forums = new Set(settings.forums.map((f) => f.id));
  const bands = new Set(settings.ageBands.map((b) => b.id));
  const defaultProblems: { path: string; message: string }[] = [];
  if (defaults.forumId && !forums.has(defaults.forumId))
    defaultProblems.push({ path: 'body.defaults.forumId', message: 'Choose one of the council’s forums' });
  if (defaults.ageBand && !bands.has(defaults.ageBand))
    defaultProblems.push({ path: 'body.defaults.ageBand', message: 'Choose one of the age bands' });
  if (defaults.heardOn && defaults.heardOn > day)
    defaultProblems.push({ path: 'body.defaults.heardOn', message: 'The date cannot be in the future' });
  if (defaultProblems.length > 0) throw invalid(defaultProblems);
}

/** What checking a file needs: the file, the council's forums and age bands, and its promises. */
export type ImportCheckInput = {
  csv: string;
  body: FeedbackImportBody;
  dryRun: boolean;
  settings: Council;
  day: string;
  loggedById: ImportRow['loggedById'];
  /** Every promise's number, so a row naming one that does not exist is a problem. */
  promiseIds: readonly number[];
};

/**
 * Reads and checks every row of a survey file; pure, so the route runs it in the worker thread
 * (server/workers/jobs.ts). Answers the preview and, when the file is to be saved and has no
 * problem, the rows as they would be stored.
 */
export function checkImport(input: ImportCheckInput): { result: ImportCheckResult; rows: ImportRow[] } {
  const { result, rows } = checkImportRows(input);
  return { result, rows: input.dryRun || result.problemCount > 0 ? [] : rows() };
}

export type ImportCheckResult = ReturnType<typeof checkImportRows>['result'];

function checkImportRows({ csv, body, dryRun, settings, day, loggedById, promiseIds: known }: ImportCheckInput) {
  let parsed: ParsedCsv | undefined;
  try {
    parsed = parseCsv(csv);
  } catch {
    // Malformed CSV: checkCsv reads it again and says where.
  }
  const defaults = body.defaults ?? {};
  const forums = new Set(settings.forums.map((f) => f.id));
  const bands = new Set(settings.ageBands.map((b) => b.id));
  const mapping: ColumnMapping = body.mapping ?? suggestMapping(parsed?.headers ?? [], IMPORT_ALIASES);
  const required = (['text', 'heardOn', 'ageBand'] as const).filter((f) => !defaults[f as keyof typeof defaults]);
  let promiseIds: Set<number> | null = null;
  const check = checkCsv(parsed ?? csv, mapping, importRowSchema, {
    required: ['text', ...required],
    maxRows: IMPORT_MAX_ROWS,
    defaults,
    extraCheck: (v: ImportRowValue) => {
      const out: { field: string; message: string }[] = [];
      if (!bands.has(v.ageBand)) out.push({ field: 'ageBand', message: `“${v.ageBand}” is not one of the age bands` });
      if (v.forumId && !forums.has(v.forumId))
        out.push({ field: 'forumId', message: `“${v.forumId}” is not one of the council’s forums` });
      if ((v.source ?? 'survey') === 'forum' && !v.forumId)
        out.push({ field: 'forumId', message: 'Say which forum it was heard at' });
      if (v.heardOn > day) out.push({ field: 'heardOn', message: 'The date cannot be in the future' });
      if (v.promiseIds?.length) {
        const knownIds = (promiseIds ??= new Set(known));
        const missing = v.promiseIds.filter((id) => !knownIds.has(id));
        if (missing.length > 0)
          out.push({ field: 'promiseIds', message: `No promise has number ${missing.join(', ')}` });
      }
      return out;
    },
  });
  const toSave = (value: ImportRowValue): ImportRow => ({
    text: value.text,
    heardOn: value.heardOn,
    ageBand: value.ageBand,
    source: value.source ?? 'survey',
    forumId: value.forumId ?? null,
    publicText: value.publicText ?? '',
    promiseIds: value.promiseIds ?? [],
    loggedById,
  });
  const result = {
    dryRun,
    headers: check.headers,
    mapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => !!e[1])),
    rowCount: check.rowCount,
    problems: check.problems.slice(0, IMPORT_PROBLEMS_LISTED),
    problemCount: check.problems.length,
    preview: check.rows.slice(0, 20).map(({ row, value }) => {
      const r = toSave(value);
      return {
        row,
        text: r.text,
        heardOn: r.heardOn,
        ageBand: r.ageBand,
        source: r.source,
        forumId: r.forumId ?? null,
        promiseIds: r.promiseIds,
      };
    }),
    created: 0,
  };
  /** Every row as it would be saved; built only when the file is saved. */
  const rows = () => check.rows.map(({ value }) => toSave(value));
  return { result, rows };
}
