// Board packs: frozen snapshots of the board's evidence as at a date. The staff pack, the
// child-friendly companion (plain words, no RAG, no owner names) and the six-monthly progress report.
import { z } from 'zod';
import { isoDate, ragRating, trend } from './common.js';
import { boardVerdicts, quorumStatus, ragDefinitions, ragSuggestion } from './board.js';

export const packKind = z.enum(['board', 'children', 'progress']);
export type PackKind = z.infer<typeof packKind>;

const measureRow = z.object({
  name: z.string(),
  unit: z.enum(['count', 'percent', 'score']),
  direction: z.enum(['higher', 'lower', 'context']),
  target: z.number().nullable(),
  /** A null value is hidden as a small number, or not known. */
  values: z.array(z.object({ period: z.string(), value: z.number().nullable(), suppressed: z.boolean() })),
  /**
   * A figure for the whole council: shown once, under its own promise, naming the other promises
   * it is linked to. Absent in packs made before council-wide measures.
   */
  councilWide: z.boolean().optional(),
  alsoOn: z.array(z.string()).optional(),
});

const commitmentRow = z.object({
  title: z.string(),
  status: z.enum(['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped']),
  progress: z.number(),
  dueDate: z.string(),
  overdue: z.boolean(),
  ownerName: z.string().nullable(),
  note: z.string(),
});

const loop = z.object({
  /** Answered items (absent from older packs, and from a promise's own figures). */
  answered: z.number().int().optional(),
  awaitingResponse: z.number().int(),
  awaitingOverTarget: z.number().int(),
  medianDaysToRespond: z.number().nullable(),
  shareWithinTarget: z.number().nullable(),
});

export const packPromise = z.object({
  id: z.number().int(),
  staffText: z.string(),
  ownerName: z.string().nullable(),
  decided: ragRating.nullable(),
  decidedOn: z.string().nullable(),
  suggested: ragSuggestion,
  trend: trend.nullable(),
  verdicts: boardVerdicts.nullable(),
  childrenDisagree: z.boolean(),
  youSaid: z.array(z.object({ text: z.string(), ageBand: z.string(), heardOn: z.string() })),
  weWill: z.array(commitmentRow),
  howWeWillKnow: z.array(measureRow),
  weDid: z.array(z.object({ text: z.string(), on: z.string().nullable() })),
  loop,
});
export type PackPromise = z.infer<typeof packPromise>;

export const boardPackSnapshot = z.object({
  kind: z.literal('board'),
  councilName: z.string(),
  asAt: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  meeting: z
    .object({ id: z.number().int(), title: z.string(), meetingDate: z.string(), focusTheme: z.string().nullable() })
    .nullable(),
  quorum: quorumStatus.nullable(),
  definitions: ragDefinitions,
  /** The council's answer target in days, when the pack was made (absent from older packs). */
  answerTargetDays: z.number().int().optional(),
  ragCounts: z.object({
    red: z.number().int(),
    amber: z.number().int(),
    green: z.number().int(),
    blue: z.number().int(),
    notRated: z.number().int(),
  }),
  /** Red or worse than last time, with the owners' latest notes. */
  exceptions: z.array(
    z.object({
      promiseId: z.number().int(),
      staffText: z.string(),
      rating: ragRating,
      trend: trend.nullable(),
      ownerName: z.string().nullable(),
      commentary: z.array(z.string()),
    }),
  ),
  themes: z.array(z.object({ name: z.string(), promises: z.array(packPromise) })),
  loopTotals: loop,
  /** The loop totals in sentences that fit small numbers (absent from older packs). */
  loopWords: z.string().optional(),
  mattersArising: z.array(
    z.object({
      text: z.string(),
      promise: z.string().nullable(),
      ownerName: z.string().nullable(),
      dueDate: z.string(),
      overdue: z.boolean(),
      setAt: z.string(),
    }),
  ),
  /** What the board decided at this meeting, when the pack is made after it (absent from older packs). */
  decisions: z.array(z.object({ promise: z.string(), rating: ragRating, rationale: z.string() })).optional(),
  /** The challenges the board set at this meeting (absent from older packs). */
  challengesSet: z
    .array(
      z.object({
        text: z.string(),
        promise: z.string().nullable(),
        ownerName: z.string().nullable(),
        dueDate: z.string(),
        /** The due date in words: "1 July 2026". */
        dueWords: z.string(),
        answer: z.string(),
        closed: z.boolean(),
      }),
    )
    .optional(),
  childrenToldUs: z.array(z.object({ text: z.string(), ageBand: z.string(), heardOn: z.string() })),
});
export type BoardPackSnapshot = z.infer<typeof boardPackSnapshot>;

export const childrenPackSnapshot = z.object({
  kind: z.literal('children'),
  councilName: z.string(),
  asAt: z.string(),
  /** The date in words ("15 June 2026"), as the children read it (absent from older packs). */
  asAtWords: z.string().optional(),
  /** The language the children read it in (absent: English). */
  lang: z.enum(['en', 'cy']).optional(),
  themes: z.array(
    z.object({
      name: z.string(),
      promises: z.array(
        z.object({
          text: z.string(),
          /** done / doing / not_started / stuck / cant, for words a child would use. */
          weWill: z.array(z.object({ text: z.string(), status: z.string(), update: z.string() })),
          weDid: z.array(z.string()),
          youSaid: z.array(z.string()),
        }),
      ),
    }),
  ),
  childrenToldUs: z.array(z.object({ text: z.string(), ageBand: z.string() })),
});
export type ChildrenPackSnapshot = z.infer<typeof childrenPackSnapshot>;

export const progressReportSnapshot = z.object({
  kind: z.literal('progress'),
  councilName: z.string(),
  asAt: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  definitions: ragDefinitions,
  themes: z.array(
    z.object({
      name: z.string(),
      promises: z.array(
        z.object({
          staffText: z.string(),
          ownerName: z.string().nullable(),
          /** The board's decisions in the period, oldest first. */
          ratings: z.array(z.object({ rating: ragRating, decidedOn: z.string() })),
          suggested: ragRating,
          actionsDone: z.number().int(),
          actionsOpen: z.number().int(),
          actionsOverdue: z.number().int(),
          heard: z.number().int(),
          answered: z.number().int(),
          measures: z.array(measureRow),
        }),
      ),
    }),
  ),
});
export type ProgressReportSnapshot = z.infer<typeof progressReportSnapshot>;

export const packSnapshot = z.discriminatedUnion('kind', [
  boardPackSnapshot,
  childrenPackSnapshot,
  progressReportSnapshot,
]);
export type PackSnapshot = z.infer<typeof packSnapshot>;

export const packSummary = z.object({
  id: z.number().int(),
  meetingId: z.number().int().nullable(),
  kind: packKind,
  asAt: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  createdAt: z.string(),
});
export const pack = packSummary.extend({ snapshot: packSnapshot });
export type Pack = z.infer<typeof pack>;
export const packList = z.object({ items: z.array(packSummary) });

export const packCreate = z
  .object({
    kind: z.enum(['board', 'children']),
    /** The children's pack in Welsh ('cy'), where the council uses Welsh; English unless asked. */
    lang: z.enum(['en', 'cy']).optional(),
  })
  .strict();
export const progressReportCreate = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'The end date must be on or after the start date' });
export const packQuery = z.object({
  meetingId: z.coerce.number().int().positive().optional(),
  kind: packKind.optional(),
});
