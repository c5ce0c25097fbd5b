// "How we'll know": measures with a baseline, a target and values by period. Figures built on
// very few children come back as `value: null, suppressed: true` to anyone but their owner.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, queryBool, shortText, timestamps, version } from './common.js';

export const measureUnit = z.enum(['count', 'percent', 'score']);
/** 'context': a council-wide figure (children looked after) where neither higher nor lower is better. */
export const measureDirection = z.enum(['higher', 'lower', 'context']);
/** 'up' and 'down' for a context figure: which way it went, without saying better or worse. */
export const measureTrend = z.enum(['improving', 'worsening', 'up', 'down', 'no change', 'not enough data']);
export const measureTargetStatus = z.object({
  result: z.enum(['met', 'not met', 'no target', 'not enough data']),
  /** How far the latest value still has to move to reach the target; 0 when met. */
  gap: z.number().nullable(),
});

/**
 * A reporting period, named as the council has it: "2025", "2025/26", "Q3 2025", "2025-Q3",
 * "September 2025", "Spring term 2026". Its end is worked out from the name where it can be
 * (server/domain/period-end.ts); any other needs its end given.
 */
export const measurePeriod = z
  .string()
  .trim()
  .min(1, 'Enter the period, like 2025, 2025/26, Q3 2025 or March 2026')
  .max(40, 'Keep the period’s name under 40 characters')
  .refine((p) => !/[\p{Cc}\p{Cf}]/u.test(p), 'Remove the hidden characters from the period’s name');

export const measureValue = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  period: z.string(),
  periodEnd: z.string(),
  /** null when suppressed (too few children to show). */
  value: z.number().nullable(),
  suppressed: z.boolean(),
  /** How many children the figure is built on; hidden too when it is itself a small number. */
  base: z.number().int().nullable(),
  englandAverage: z.number().nullable(),
  statNeighbours: z.number().nullable(),
  ...timestamps,
});
export type MeasureValue = z.infer<typeof measureValue>;

export const measure = z.object({
  id: z.number().int(),
  promiseId: z.number().int(),
  promiseStaffText: z.string(),
  name: z.string(),
  childSentence: z.string(),
  childSentenceCy: z.string(),
  unit: measureUnit,
  direction: measureDirection,
  baseline: z.number().nullable(),
  baselineSuppressed: z.boolean(),
  target: z.number().nullable(),
  source: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  /** A figure for the whole council rather than one promise's: the pack shows it once, among council-wide figures. */
  councilWide: z.boolean(),
  /** The other promises it is shown on, besides its own (promiseId). */
  linkedPromises: z.array(z.object({ id: z.number().int(), staffText: z.string() })),
  archived: z.boolean(),
  /** The most recent value by period end, or null when there is none. */
  latest: measureValue.nullable(),
  trend: measureTrend,
  targetStatus: measureTargetStatus,
  ...timestamps,
});
export type Measure = z.infer<typeof measure>;

export const measureDetail = measure.extend({
  values: z.array(measureValue),
  /** Whether the person asking may enter this measure's figures (its owner, its promise's lead, admins). */
  mayEnterFigures: z.boolean(),
});
export type MeasureDetail = z.infer<typeof measureDetail>;

/**
 * 'display' hides small numbers from everyone, owners included: charts, tables and summaries
 * show "too few to show" everywhere outside the owner's edit view. Left out, the measure's
 * owner and admins get the real figures they enter.
 */
export const figuresView = z.enum(['edit', 'display']);
export const measureDetailQuery = z.object({ view: figuresView.optional() });

export const measureQuery = z.object({
  ...pageQuery,
  view: figuresView.optional(),
  promiseId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  /** false (the default) lists current measures; true lists archived ones. */
  archived: queryBool.optional(),
});
export type MeasureQuery = z.infer<typeof measureQuery>;

export const measurePage = pageOf(measure);

const figure = z.number().finite();

// Fields without defaults: a partial update must never reset a field it did not send.
const measureFields = z.object({
  promiseId: z.number().int().positive(),
  name: shortText(200),
  childSentence: z.string().trim().max(300),
  childSentenceCy: z.string().trim().max(300),
  unit: measureUnit,
  direction: measureDirection,
  baseline: figure.nullable(),
  target: figure.nullable(),
  source: z.string().trim().max(200),
  ownerId: z.number().int().positive().nullable(),
  councilWide: z.boolean(),
});

export const measureCreate = measureFields.partial({
  councilWide: true,
  childSentence: true,
  childSentenceCy: true,
  baseline: true,
  target: true,
  source: true,
  ownerId: true,
});
export type MeasureCreate = z.infer<typeof measureCreate>;

export const measureUpdate = measureFields.partial().extend({ version });
export type MeasureUpdate = z.infer<typeof measureUpdate>;

/** Shows the measure on one more promise: an admin's change, with the measure's version they saw. */
export const measureLinkCreate = z.object({ promiseId: z.number().int().positive(), version });
export type MeasureLinkCreate = z.infer<typeof measureLinkCreate>;

export const measureLinkParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
  promiseId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});

export const measureLinkDeleteQuery = z.object({ version: z.coerce.number().int().positive() });

/** A link's answer: the measure's new version and the promises it is now shown on besides its own. */
export const measureLinks = z.object({
  measureId: z.number().int(),
  version: z.number().int(),
  linkedPromises: z.array(z.object({ id: z.number().int(), staffText: z.string() })),
});
export type MeasureLinks = z.infer<typeof measureLinks>;

export const measureValueParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
  period: measurePeriod,
});

export const measureValuePut = z.object({
  /** Left out: worked out from the period's name; needed when the name does not say it. */
  periodEnd: isoDate.optional(),
  value: figure,
  base: z.number().int().min(0).max(1_000_000).nullable().optional(),
  englandAverage: figure.nullable().optional(),
  statNeighbours: figure.nullable().optional(),
  /** Required when the period already has a value (the version you saw); omit to add one. */
  version: version.optional(),
});
export type MeasureValuePut = z.infer<typeof measureValuePut>;

/** Which column of the file each field comes from; period and value are needed. */
export const measureImportMapping = z.object({
  period: z.string().trim().max(200).optional(),
  periodEnd: z.string().trim().max(200).optional(),
  value: z.string().trim().max(200).optional(),
  base: z.string().trim().max(200).optional(),
  englandAverage: z.string().trim().max(200).optional(),
  statNeighbours: z.string().trim().max(200).optional(),
});
export type MeasureImportMapping = z.infer<typeof measureImportMapping>;

export const measureImportRequest = z.object({
  csv: z.string().min(1, 'Choose a CSV file').max(500_000, 'The file is too big: import at most 500 KB at a time'),
  /** Left out: each field is read from the column headed with its name (or a common alias). */
  mapping: measureImportMapping.optional(),
  /** true checks the file and says what would change, changing nothing. */
  dryRun: z.boolean(),
});
export type MeasureImportRequest = z.infer<typeof measureImportRequest>;

export const measureImportRow = z.object({
  row: z.number().int(),
  period: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  base: z.number().int().nullable(),
  englandAverage: z.number().nullable(),
  statNeighbours: z.number().nullable(),
  /** Whether the period is new or replaces a value already held. */
  action: z.enum(['add', 'replace']),
});

export const measureImportResult = z.object({
  dryRun: z.boolean(),
  /** True only when every row was written; a file with any problem writes nothing. */
  committed: z.boolean(),
  headers: z.array(z.string()),
  mapping: measureImportMapping,
  rowCount: z.number().int(),
  rows: z.array(measureImportRow),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type MeasureImportResult = z.infer<typeof measureImportResult>;
