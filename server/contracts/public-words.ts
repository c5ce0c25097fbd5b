// The approval queue: every text a child or the public can read waits here, after each change,
// until a participation worker (and, for findings judged safe, a second one) approves it.
import { z } from 'zod';
import { idParam, pageOf, pageQuery, version } from './common.js';
import { identifierFinding } from './feedback.js';

export const wordEntity = z.enum(['feedback', 'commitment', 'measure', 'promise', 'theme']);
export type WordEntity = z.infer<typeof wordEntity>;
export const reviewState = z.enum(['to_check', 'awaiting_second']);
export type ReviewState = z.infer<typeof reviewState>;

export const wordsParams = idParam.extend({ entity: wordEntity });

export const wordsQueueQuery = z.object({
  entity: wordEntity.optional(),
  state: reviewState.optional(),
  ...pageQuery,
});

export const wordsReview = z.object({
  state: reviewState,
  reason: z.string(),
  findings: z.array(z.string()),
  firstById: z.number().int().nullable(),
  firstAt: z.string().nullable(),
  changedById: z.number().int().nullable(),
  changedAt: z.string(),
});

export const wordsQueueEntry = wordsReview.extend({
  entity: wordEntity,
  entityId: z.number().int(),
  /** What staff call the record (a commitment's title, a promise's staff words, feedback's draft public words). */
  label: z.string(),
  changedByName: z.string().nullable(),
  firstByName: z.string().nullable(),
});
export type WordsQueueEntry = z.infer<typeof wordsQueueEntry>;

export const wordsQueue = pageOf(wordsQueueEntry).extend({
  counts: z.object({
    toCheck: z.number().int(),
    awaitingSecond: z.number().int(),
    byEntity: z.record(wordEntity, z.number().int()),
  }),
});
export type WordsQueue = z.infer<typeof wordsQueue>;

const fieldValues = z.record(z.string(), z.string().nullable());

/** One record's words: the draft, what is live now, what the check finds in the draft. */
export const wordsDetail = z.object({
  entity: wordEntity,
  id: z.number().int(),
  version,
  draft: fieldValues,
  live: fieldValues,
  checks: z.array(z.object({ field: z.string(), text: z.string(), findings: z.array(identifierFinding) })),
  review: wordsReview.nullable(),
  blocked: z.boolean(),
});
export type WordsDetail = z.infer<typeof wordsDetail>;

export const wordsApprove = z
  .object({
    version,
    /** Why the words are safe despite the findings: then a second person must confirm. */
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();
export type WordsApprove = z.infer<typeof wordsApprove>;

/** Several records approved in one go: each still checked and decided on its own. */
export const wordsApproveMany = z
  .object({
    items: z
      .array(
        z
          .object({
            entity: wordEntity,
            id: z
              .number()
              .int()
              .positive()
              .max(2 ** 53 - 1),
            version,
            reason: z.string().trim().max(1000).optional(),
          })
          .strict(),
      )
      .min(1, 'Choose at least one to approve')
      .max(100, 'Approve at most 100 at once'),
  })
  .strict();
export type WordsApproveMany = z.infer<typeof wordsApproveMany>;

/**
 * What happened to each: published (children see them now), awaiting_second (a second person
 * must confirm), refused (a hard finding, a missing reason, no public words: nothing changed),
 * conflict (changed since it was read), not_found.
 */
export const wordsApproveOutcome = z.enum(['published', 'awaiting_second', 'refused', 'conflict', 'not_found']);
export type WordsApproveOutcome = z.infer<typeof wordsApproveOutcome>;

export const wordsApproveManyResult = z.object({
  results: z.array(
    z.object({
      entity: wordEntity,
      id: z.number().int(),
      outcome: wordsApproveOutcome,
      /** Why it was refused, field by field (as a 400 would say). */
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
});
export type WordsApproveManyResult = z.infer<typeof wordsApproveManyResult>;
