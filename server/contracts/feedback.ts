// "You said": what children and care leavers told us, and the council's answer back to them.
// The original words (`text`) are staff-only; only approved `publicText` ever leaves the building.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, queryBool, shortText, timestamps, version } from './common.js';

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
  respondedOn: z.string().nullable(),
  fedBackOn: z.string().nullable(),
  promiseIds: z.array(z.number().int()),
  commitmentIds: z.array(z.number().int()),
  ...timestamps,
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

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
    respondedOn: isoDate.nullable().optional(),
    fedBackOn: isoDate.nullable().optional(),
    version,
  })
  .strict();
export type FeedbackUpdate = z.infer<typeof feedbackUpdate>;

export const safeguardingFlag = z.object({
  toldWhom: shortText(200),
  toldAt: z.iso.datetime({ offset: true, message: 'Enter a date and time such as 2026-06-15T10:30:00Z' }),
});
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
export const feedbackPage = pageOf(feedbackItem).extend({ unlinkedCount: z.number().int() });
export type FeedbackPage = z.infer<typeof feedbackPage>;

export const feedbackPromiseParams = z.object({ id: queryId, promiseId: queryId });
export const feedbackCommitmentParams = z.object({ id: queryId, commitmentId: queryId });
