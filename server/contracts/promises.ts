// The promise (pledge) lines a council makes to its children, and the promise card that
// gathers "you said, we will, how we'll know, we did" for one of them.
import { z } from 'zod';
import { audience, pageOf, pageQuery, queryBool, ragRating, shortText, timestamps, trend, version } from './common.js';
import { theme } from './themes.js';
import { wordsShown } from './feedback.js';

const principleCode = z.string().trim().min(1).max(10);

export const promise = z.object({
  id: z.number().int(),
  themeId: z.number().int(),
  staffText: z.string(),
  childText: z.string(),
  staffTextCy: z.string(),
  childTextCy: z.string(),
  /** The children's words are the staff words (still approved before children see them). */
  sameWords: z.boolean(),
  audience,
  principles: z.array(z.string()),
  ownerId: z.number().int().nullable(),
  linkChampion: z.string(),
  strategyPeriod: z.string(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
  ...timestamps,
});
/** Named so, because `Promise` is taken. */
export type CouncilPromise = z.infer<typeof promise>;

const entityId = z.number().int().positive();

// Fields without defaults: a partial update must never reset a field it did not send.
const promiseFields = z.object({
  // Missing, it said "Invalid input: expected number, received undefined" against the theme.
  themeId: z.number({ error: 'Choose a theme' }).int().positive(),
  staffText: shortText(1000),
  childText: shortText(500),
  staffTextCy: z.string().trim().max(1000),
  childTextCy: z.string().trim().max(500),
  sameWords: z.boolean(),
  audience,
  principles: z.array(principleCode).max(20),
  ownerId: entityId.nullable(),
  linkChampion: z.string().trim().max(120),
  strategyPeriod: z.string().trim().max(40),
  sortOrder: z.number().int().min(0).max(10_000),
});

export const promiseCreate = promiseFields
  .partial({
    childText: true,
    staffTextCy: true,
    childTextCy: true,
    sameWords: true,
    principles: true,
    ownerId: true,
    linkChampion: true,
    strategyPeriod: true,
    sortOrder: true,
  })
  .extend({ audience: audience.default('both') })
  .refine((p) => p.sameWords === true || (p.childText ?? '') !== '', {
    path: ['childText'],
    message: 'Write the promise for children, or choose to use the same words',
    // Checked even when other fields are wrong (so every problem is named at once), for any object.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
  });
export type PromiseCreate = z.input<typeof promiseCreate>;

export const promiseUpdate = promiseFields.partial().extend({ version, archived: z.boolean().optional() });
export type PromiseUpdate = z.infer<typeof promiseUpdate>;

export const promiseSort = z.enum(['theme', 'updatedAt', '-updatedAt']);

const idFilter = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);

export const promiseListQuery = z.object({
  themeId: idFilter.optional(),
  audience: audience.optional(),
  ownerId: idFilter.optional(),
  /** false (the default) lists promises in use; true lists archived ones. */
  archived: queryBool.optional(),
  /** Words to find in the staff or child wording, English or Welsh. */
  q: z.string().trim().max(200).optional(),
  sort: promiseSort.optional(),
  ...pageQuery,
});
export type PromiseListQuery = z.infer<typeof promiseListQuery>;

export const promiseRag = z.object({
  latest: ragRating.nullable(),
  decidedOn: z.string().nullable(),
  previous: ragRating.nullable(),
  trend: trend.nullable(),
});

export const promiseSummary = promise.extend({
  themeName: z.string(),
  ownerName: z.string().nullable(),
  rag: promiseRag,
  counts: z.object({
    /** Commitments not archived. */
    commitments: z.number().int(),
    /** Not done or dropped. */
    commitmentsOpen: z.number().int(),
    /** Open and due before today in the council's time zone. */
    commitmentsOverdue: z.number().int(),
    /** Feedback linked to the promise that the caller may see. */
    feedback: z.number().int(),
    measures: z.number().int(),
  }),
});
export type PromiseSummary = z.infer<typeof promiseSummary>;

export const promisePage = pageOf(promiseSummary);

// The promise card.
const feedbackResponse = z.enum(['did', 'doing', 'cant']);

/**
 * What the card shows of an item: the words the caller may see (the words as heard for workers,
 * else the approved public words or the masked original: see `wordsShown`), who (by age band) and when.
 */
export const promiseCardYouSaid = z.object({
  id: z.number().int(),
  text: z.string(),
  wordsShown,
  ageBand: z.string(),
  heardOn: z.string(),
  safeguarding: z.boolean(),
});

export const promiseCardWeWill = z.object({
  id: z.number().int(),
  title: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped']),
  progress: z.number().int(),
  overdue: z.boolean(),
  latestUpdate: z.object({ note: z.string(), updatedOn: z.string() }).nullable(),
});

export const promiseCardMeasureValue = z.object({
  period: z.string(),
  periodEnd: z.string(),
  /** null when the figure is too small to show to this caller. */
  value: z.number().nullable(),
  base: z.number().int().nullable(),
  suppressed: z.boolean(),
  englandAverage: z.number().nullable(),
  statNeighbours: z.number().nullable(),
});

export const promiseCardMeasure = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.enum(['count', 'percent', 'score']),
  direction: z.enum(['higher', 'lower', 'context']),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  source: z.string(),
  ownerId: z.number().int().nullable(),
  /** A figure for the whole council, shown on each promise it is linked to. */
  councilWide: z.boolean(),
  /** The measure's own promise: another promise's id when it is linked here from there. */
  promiseId: z.number().int(),
  values: z.array(promiseCardMeasureValue),
});

export const promiseCardEvidence = z.object({
  id: z.number().int(),
  kind: z.enum(['case_study', 'quote', 'document']),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  dated: z.string(),
});

/** What the card shows of an answer: what we did, why not if we could not, and the words it answers. */
export const promiseCardWeDid = z.object({
  feedbackId: z.number().int(),
  /** The item's public words: for everyone but workers, only approved ones ('' while there are none). */
  publicText: z.string(),
  response: feedbackResponse,
  responseText: z.string(),
  cantReason: z.string(),
});

export const promiseCardRagReview = z.object({
  meetingId: z.number().int(),
  meetingDate: z.string(),
  meetingTitle: z.string(),
  rating: ragRating,
  rationale: z.string(),
  decidedOn: z.string(),
});

export const promiseCard = z.object({
  promise,
  owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  theme,
  /** Newest first, at most 50; total counts every item the caller may see. */
  youSaid: z.object({ items: z.array(promiseCardYouSaid), total: z.number().int() }),
  weWill: z.array(promiseCardWeWill),
  howWeWillKnow: z.object({ measures: z.array(promiseCardMeasure), evidence: z.array(promiseCardEvidence) }),
  /** Newest answer first, at most 50. */
  weDid: z.object({ items: z.array(promiseCardWeDid), total: z.number().int() }),
  rag: z.object({
    latest: ragRating.nullable(),
    previous: ragRating.nullable(),
    trend: trend.nullable(),
    /** Every review, newest first. */
    history: z.array(promiseCardRagReview),
  }),
});
export type PromiseCard = z.infer<typeof promiseCard>;

export const promiseAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  /** The account's email address: admins only ('' for everyone else, who read userName). */
  userEmail: z.string(),
  /** Who did it, by name; null for the system or an account that no longer exists. */
  userName: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const promiseHistory = z.object({ items: z.array(promiseAuditEntry) });
