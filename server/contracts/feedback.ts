// "You said": what children and care leavers told us, and the council's answer back to them.
// The original words (`text`) are staff-only; only approved `publicText` ever leaves the building.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, queryBool, shortText, timestamps, version } from './common.js';
import { IMPORT_MAX_CHARS } from './import-limits.js';

export const feedbackSource = z.enum(['forum', 'survey', 'complaint', 'takeover_day', 'other']);
export type FeedbackSource = z.infer<typeof feedbackSource>;
export const feedbackResponse = z.enum(['did', 'doing', 'cant']);
export type FeedbackResponse = z.infer<typeof feedbackResponse>;
export const publishState = z.enum(['draft', 'approved', 'withheld']);
export type PublishState = z.infer<typeof publishState>;
/** Where an item is in closing the loop: no answer yet, answered but not told, told. */
export const feedbackState = z.enum(['unanswered', 'answered_not_fed_back', 'closed']);
export type FeedbackState = z.infer<typeof feedbackState>;

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);
const queryId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);

export const feedbackItem = z.object({
  id: z.number().int(),
  text: z.string(),
  source: feedbackSource,
  forumId: z.string().nullable(),
  forumSessionId: z.number().int().nullable(),
  heardOn: z.string(),
  ageBand: z.string(),
  loggedById: z.number().int().nullable(),
  publicText: z.string(),
  publishState,
  approvedById: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  safeReason: z.string(),
  safeguarding: z.boolean(),
  safeguardingToldWhom: z.string(),
  safeguardingToldAt: z.string().nullable(),
  response: feedbackResponse.nullable(),
  responseText: z.string(),
  cantReason: z.string(),
  /** The answer and reason in Welsh ('' = not written): public only once approved, like publicText. */
  responseTextCy: z.string(),
  cantReasonCy: z.string(),
  respondedOn: z.string().nullable(),
  fedBackOn: z.string().nullable(),
  /** Why its public words were taken down, when and by whom (staff-only; cleared by a new approval). */
  withdrawnReason: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnById: z.number().int().nullable(),
  /**
   * What children see now: the public words and answer as last approved ('' / null: nothing).
   * Editing the fields above changes the draft; these change only when the draft is approved.
   */
  livePublicText: z.string(),
  liveResponse: feedbackResponse.nullable(),
  liveResponseText: z.string(),
  liveCantReason: z.string(),
  liveResponseTextCy: z.string(),
  liveCantReasonCy: z.string(),
  liveRespondedOn: z.string().nullable(),
  /** When the words were erased (on request or by retention): `text` then holds only a marker. */
  wordsErasedAt: z.string().nullable(),
  /** Kinds of identifier the check finds in the original words (workers are warned at capture). */
  identifierKinds: z.array(z.string()).optional(),
  promiseIds: z.array(z.number().int()),
  commitmentIds: z.array(z.number().int()),
  ...timestamps,
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

/**
 * Which words `text` holds for this caller: the original (participation workers and admins), the
 * approved public words, or, before there are any, the original with identifiers masked ("not yet
 * checked"). Everyone else never receives a child's original words.
 */
export const wordsShown = z.enum(['original', 'public', 'masked']);
export type WordsShown = z.infer<typeof wordsShown>;

/** An item as a reader sees it: `text` is the words this caller may see, `publicText` only approved words. */
export const feedbackSeen = feedbackItem.extend({ wordsShown });
export type FeedbackSeen = z.infer<typeof feedbackSeen>;

const longText = (max: number) => z.string().trim().max(max);

// Fields without defaults: a partial update must never reset a field it did not send.
const feedbackFields = z.object({
  text: shortText(4000),
  source: feedbackSource,
  forumId: z.string().trim().min(1).max(40),
  heardOn: isoDate,
  ageBand: z.string().trim().min(1).max(40),
  publicText: longText(1000),
});

/** Settings-dependent rules (forum and age band ids, dates against today) are checked by the route. */
export const feedbackCreate = feedbackFields
  .partial({ forumId: true, publicText: true })
  .extend({ promiseIds: z.array(id).max(50).optional() })
  .refine((f) => f.source !== 'forum' || f.forumId !== undefined, {
    message: 'Choose the forum it was heard at',
    path: ['forumId'],
  });
export type FeedbackCreate = z.infer<typeof feedbackCreate>;

export const feedbackUpdate = feedbackFields
  .partial()
  .extend({
    forumId: feedbackFields.shape.forumId.nullable().optional(),
    response: feedbackResponse.nullable().optional(),
    responseText: longText(2000).optional(),
    cantReason: longText(2000).optional(),
    responseTextCy: longText(2000).optional(),
    cantReasonCy: longText(2000).optional(),
    respondedOn: isoDate.nullable().optional(),
    fedBackOn: isoDate.nullable().optional(),
    version,
  })
  .strict();
export type FeedbackUpdate = z.infer<typeof feedbackUpdate>;

/**
 * When they were told is typed as people read a clock: a date and a 24-hour time in the council's
 * time zone (`toldOn` + `toldTime`), turned into an instant by the server. `toldAt`, an ISO
 * instant, is still accepted from other systems.
 */
export const safeguardingFlag = z
  .object({
    toldWhom: shortText(200),
    toldOn: isoDate.optional(),
    toldTime: z
      .string()
      .trim()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'Enter a time on the 24-hour clock, for example 14:30')
      .optional(),
    toldAt: z.iso.datetime({ offset: true, message: 'Enter a date and time such as 2026-06-15T10:30:00Z' }).optional(),
  })
  .superRefine(
    (b, ctx) => {
      if (b.toldAt) return;
      if (!b.toldOn) ctx.addIssue({ code: 'custom', path: ['toldOn'], message: 'Enter the date they were told' });
      if (!b.toldTime) ctx.addIssue({ code: 'custom', path: ['toldTime'], message: 'Enter the time they were told' });
    },
    // Also when "who was told" is missing: the form shows every problem at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type SafeguardingFlag = z.infer<typeof safeguardingFlag>;

export const feedbackQuery = z
  .object({
    source: feedbackSource.optional(),
    forumId: z.string().max(40).optional(),
    ageBand: z.string().max(40).optional(),
    promiseId: queryId.optional(),
    commitmentId: queryId.optional(),
    state: feedbackState.optional(),
    publishState: publishState.optional(),
    heardFrom: isoDate.optional(),
    heardTo: isoDate.optional(),
    /** true: only items not linked to any promise; false: only linked ones. */
    unlinked: queryBool.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    /** heardOn: oldest first; -heardOn (default): newest first. */
    sort: z.enum(['heardOn', '-heardOn']).default('-heardOn'),
    ...pageQuery,
  })
  .refine((f) => !f.heardFrom || !f.heardTo || f.heardFrom <= f.heardTo, {
    message: 'The end date must not be before the start date',
    path: ['heardTo'],
  });
export type FeedbackQuery = z.infer<typeof feedbackQuery>;

/** A page of feedback, plus how many items (whatever the filters) still wait to be linked to a promise. */
export const feedbackPage = pageOf(feedbackSeen).extend({ unlinkedCount: z.number().int() });
export type FeedbackPage = z.infer<typeof feedbackPage>;

export const feedbackPromiseParams = z.object({ id: queryId, promiseId: queryId });
export const feedbackCommitmentParams = z.object({ id: queryId, commitmentId: queryId });

// ---- Moderation: is the public text safe to show on the kiosk? ----

export const findingKind = z.enum([
  'name',
  'full-name',
  'handle',
  'staff-or-carer',
  'school',
  'home',
  'street-address',
  'postcode',
  'phone',
  'email',
  'date-of-birth',
  'watch-word',
  'unique-description',
]);
export const identifierFinding = z.object({
  kind: findingKind,
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  why: z.string(),
  /** Can never be approved with a reason: it must be edited out (contact details, a full name...). */
  hard: z.boolean(),
});
export type IdentifierFinding = z.infer<typeof identifierFinding>;

/** Public words other than `publicText` that approval also checks: the answer, in English and Welsh. */
export const checkedField = z.enum(['responseText', 'cantReason', 'responseTextCy', 'cantReasonCy']);
export type CheckedField = z.infer<typeof checkedField>;

/** What the check found in the item's current public text (and in its Welsh answer). */
export const feedbackFindings = z.object({
  publicText: z.string(),
  findings: z.array(identifierFinding),
  /** The answer's fields that are written (English and Welsh), each with what the check found in it. */
  answers: z.array(z.object({ field: checkedField, text: z.string(), findings: z.array(identifierFinding) })),
  /** True when approval would be refused as things stand (findings and no reason, flagged, empty). */
  blocked: z.boolean(),
  /** What the check finds in the original words, and those words masked: where public words start. */
  original: z.object({ findings: z.array(identifierFinding), masked: z.string() }),
  /** The draft waiting for approval, if any: approved once with a reason, it needs a second person. */
  review: z
    .object({
      state: z.enum(['to_check', 'awaiting_second']),
      reason: z.string(),
      firstById: z.number().int().nullable(),
      firstAt: z.string().nullable(),
    })
    .nullable(),
});
export type FeedbackFindings = z.infer<typeof feedbackFindings>;

export const feedbackApprove = z
  .object({
    version,
    /** Why the public words are safe despite the findings: required while any finding remains. */
    safeReason: longText(1000).optional(),
  })
  .strict();
export type FeedbackApprove = z.infer<typeof feedbackApprove>;

export const feedbackWithdraw = z.object({ reason: longText(500).optional() }).strict();
export type FeedbackWithdraw = z.infer<typeof feedbackWithdraw>;

// ---- Waiting list: nothing gets lost ----

export const waitingStage = z.enum(['unanswered', 'not_fed_back']);
export type WaitingStage = z.infer<typeof waitingStage>;

export const waitingQuery = z.object({
  forumId: z.string().max(40).optional(),
  themeId: queryId.optional(),
  promiseId: queryId.optional(),
  ownerId: queryId.optional(),
  stage: waitingStage.optional(),
  ...pageQuery,
});
export type WaitingQuery = z.infer<typeof waitingQuery>;

export const waitingItem = z.object({
  item: feedbackItem,
  stage: waitingStage,
  /** Days since it was heard (council's time zone). */
  daysWaiting: z.number().int(),
  /** unanswered: the council's answer target in days; not_fed_back: null (the target is the next forum). */
  targetDays: z.number().int().nullable(),
  /** not_fed_back: the first meeting of its forum after the answer, if one has been held. */
  nextForumOn: z.string().nullable(),
  overTarget: z.boolean(),
});
export type WaitingItem = z.infer<typeof waitingItem>;
export const waitingPage = pageOf(waitingItem).extend({ answerTargetDays: z.number().int() });
export type WaitingPage = z.infer<typeof waitingPage>;

// ---- Loop measures: how well the loop is being closed ----

export const loopGroupBy = z.enum(['forum', 'theme', 'quarter']);
export type LoopGroupBy = z.infer<typeof loopGroupBy>;
export const loopMeasuresQuery = z
  .object({
    by: loopGroupBy.default('quarter'),
    heardFrom: isoDate.optional(),
    heardTo: isoDate.optional(),
  })
  .refine((f) => !f.heardFrom || !f.heardTo || f.heardFrom <= f.heardTo, {
    message: 'The end date must not be before the start date',
    path: ['heardTo'],
  });
export type LoopMeasuresQuery = z.infer<typeof loopMeasuresQuery>;

export const loopMeasureRow = z.object({
  /** Forum id, theme id (as text), or quarter such as '2026-Q2'; '' for items with no forum or theme. */
  key: z.string(),
  label: z.string(),
  items: z.number().int(),
  answered: z.number().int(),
  answeredWithinTarget: z.number().int(),
  /** Answered within target, of items answered or waiting past target; null when none decided yet. */
  shareWithinTarget: z.number().nullable(),
  medianDaysToAnswer: z.number().nullable(),
  medianDaysToFeedBack: z.number().nullable(),
  linkedToCommitment: z.number().int(),
  shareLinkedToCommitment: z.number().nullable(),
  /** Still unanswered and already past the answer target. */
  neverAnswered: z.number().int(),
  /** Still unanswered, within target. */
  waitingWithinTarget: z.number().int(),
});
export type LoopMeasureRow = z.infer<typeof loopMeasureRow>;
export const loopMeasures = z.object({
  by: loopGroupBy,
  answerTargetDays: z.number().int(),
  rows: z.array(loopMeasureRow),
  total: loopMeasureRow,
});
export type LoopMeasures = z.infer<typeof loopMeasures>;

// ---- "You said, we did" sheet for the next forum meeting ----

export const youSaidQuery = z.object({
  forumId: z.string().min(1).max(40),
  /** Answers given after this date; default: the forum's last meeting before today. */
  since: isoDate.optional(),
  /** Welsh only where the council uses Welsh; otherwise refused. */
  lang: z.enum(['en', 'cy']).optional(),
});
export const youSaidSheet = z.object({
  forumId: z.string(),
  forumName: z.string(),
  /** The sheet's language: its answers, groups and titles are in it (English where no Welsh). */
  lang: z.enum(['en', 'cy']),
  /** Whether the council uses Welsh, so a Welsh sheet can be offered. */
  useWelsh: z.boolean(),
  /** The council's name in the sheet's language. */
  councilName: z.string(),
  timeZone: z.string(),
  since: z.string().nullable(),
  today: z.string(),
  items: z.array(
    z.object({
      id: z.number().int(),
      youSaid: z.string(),
      who: z.string(),
      response: feedbackResponse,
      weDid: z.string(),
      cantReason: z.string(),
      respondedOn: z.string(),
      commitments: z.array(z.string()),
      /** On a Welsh sheet: some of this item is shown in English, as no approved Welsh is written. */
      welshMissing: z.boolean(),
    }),
  ),
  /** Answers left off because their public words are not written yet. */
  missingPublicText: z.number().int(),
});
export type YouSaidSheet = z.infer<typeof youSaidSheet>;

// ---- Survey import and export (the same columns both ways) ----

/** Column headings of the export; the import suggests them as its default mapping. */
export const FEEDBACK_CSV_COLUMNS = [
  'heard_on',
  'source',
  'forum',
  'age_band',
  'text',
  'public_text',
  'promise_ids',
  'response',
  'response_text',
  'cant_reason',
  'responded_on',
  'fed_back_on',
] as const;

export const importField = z.enum(['text', 'heardOn', 'ageBand', 'source', 'forumId', 'publicText', 'promiseIds']);
export type ImportField = z.infer<typeof importField>;

export { IMPORT_MAX_CHARS, IMPORT_MAX_ROWS, IMPORT_PROBLEMS_LISTED } from './import-limits.js';

export const feedbackImport = z
  .object({
    csv: z
      .string()
      .min(1, 'Choose a file')
      .max(IMPORT_MAX_CHARS, 'The file is bigger than 16 MB: split it into smaller files'),
    /** Which column heading each field comes from; absent fields use the defaults below. */
    mapping: z.partialRecord(importField, z.string().max(200)).optional(),
    /** Used for every row when its column is not mapped (e.g. source 'survey', the survey's date). */
    defaults: z
      .object({
        source: feedbackSource.optional(),
        heardOn: isoDate.optional(),
        ageBand: z.string().max(40).optional(),
        forumId: z.string().max(40).optional(),
      })
      .strict()
      .optional(),
    dryRun: z.boolean().default(true),
  })
  .strict();
export type FeedbackImport = z.input<typeof feedbackImport>;

export const csvProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type CsvProblemItem = z.infer<typeof csvProblem>;

export const feedbackImportResult = z.object({
  dryRun: z.boolean(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  rowCount: z.number().int(),
  /** The first IMPORT_PROBLEMS_LISTED problems, in row order. */
  problems: z.array(csvProblem),
  problemCount: z.number().int(),
  /** The first rows as they would be saved. */
  preview: z.array(
    z.object({
      row: z.number().int(),
      text: z.string(),
      heardOn: z.string(),
      ageBand: z.string(),
      source: feedbackSource,
      forumId: z.string().nullable(),
      promiseIds: z.array(z.number().int()),
    }),
  ),
  created: z.number().int(),
});
export type FeedbackImportResult = z.infer<typeof feedbackImportResult>;
