// Staff side of the children's verdict: a participation worker opens a rating session with a
// short PIN, the kiosk taps go in through the public API, the board reads counts per promise.
import { z } from 'zod';
import { isoDate } from './common.js';

export const ratingSession = z.object({
  id: z.number().int(),
  forumId: z.string().nullable(),
  startedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  open: z.boolean(),
  /** How many verdicts the session holds: one per child's turn per promise (counts only). */
  taps: z.number().int(),
  /** Members present, as the worker counted them; null for sessions opened before it was asked. */
  members: z.number().int().nullable(),
  /** How many of the members gave at least one verdict. */
  tookPart: z.number().int(),
});
export type RatingSession = z.infer<typeof ratingSession>;

/** The PIN is shown once, when the session starts; only its hash is kept. */
export const ratingSessionStarted = ratingSession.extend({ pin: z.string() });
export type RatingSessionStarted = z.infer<typeof ratingSessionStarted>;

export const ratingSessionCreate = z.object({
  forumId: z.string().trim().min(1).max(40).nullable().optional(),
  /** How long the PIN works if nobody ends the session: 15 minutes to 8 hours. */
  minutes: z.number().int().min(15).max(480).optional(),
  /** Members present: no promise can hold more verdicts than this. */
  members: z
    .number({ error: 'Enter how many members are here, as a whole number' })
    .int('Enter how many members are here, as a whole number')
    .min(1, 'Enter how many members are here: at least 1')
    .max(200, 'Enter how many members are here: 200 or fewer'),
});
export type RatingSessionCreate = z.infer<typeof ratingSessionCreate>;

export const ratingSessionList = z.object({ items: z.array(ratingSession) });

export const promiseVerdictCounts = z.object({
  promiseId: z.number().int(),
  kept: z.number().int(),
  gettingThere: z.number().int(),
  notYet: z.number().int(),
  total: z.number().int(),
  /** The day of the latest session that counted for this promise. */
  lastRatedOn: z.string(),
});
export type PromiseVerdictCounts = z.infer<typeof promiseVerdictCounts>;

export const verdictSummaryQuery = z.object({
  sessionId: z.coerce.number().int().positive().optional(),
  /** Only sessions started on or after this day. */
  from: isoDate.optional(),
});
export const verdictSummary = z.object({ items: z.array(promiseVerdictCounts) });
export type VerdictSummary = z.infer<typeof verdictSummary>;
