// "We will": the commitments a council makes in answer to what children said, each with an
// owner, a due date and an append-only history of updates.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, queryBool, shortText, timestamps, version } from './common.js';
import { wordsShown } from './feedback.js';

export const commitmentStatus = z.enum(['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped']);
export type CommitmentStatus = z.infer<typeof commitmentStatus>;

export const commitment = z.object({
  id: z.number().int(),
  promiseId: z.number().int(),
  /** The promise's staff wording, so a list can be read without a second request. */
  promiseStaffText: z.string(),
  title: z.string(),
  childTitle: z.string(),
  childTitleCy: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: commitmentStatus,
  progress: z.number().int(),
  childReason: z.string(),
  /** The latest update in words a child understands (English and Welsh), shown on the kiosk. */
  childUpdate: z.string(),
  childUpdateCy: z.string(),
  lastUpdateAt: z.string().nullable(),
  archived: z.boolean(),
  /** Due before today (in the council's time zone) and neither done nor dropped. */
  overdue: z.boolean(),
  ...timestamps,
});
export type Commitment = z.infer<typeof commitment>;

/** One entry in a commitment's history: never changed once written. */
export const commitmentHistoryEntry = z.object({
  id: z.number().int(),
  commitmentId: z.number().int(),
  note: z.string(),
  status: commitmentStatus,
  progress: z.number().int(),
  oldDueDate: z.string().nullable(),
  newDueDate: z.string().nullable(),
  dueDateReason: z.string(),
  authorId: z.number().int().nullable(),
  authorName: z.string().nullable(),
  updatedOn: z.string(),
  createdAt: z.string(),
});
export type CommitmentHistoryEntry = z.infer<typeof commitmentHistoryEntry>;

/**
 * One thing children said that prompted a commitment (linked through feedback_commitments).
 * Safeguarding-flagged items are left out for everyone but participation workers and admins.
 */
export const commitmentYouSaid = z.object({
  id: z.number().int(),
  /** The words this caller may see: as heard for workers, else approved public words or the masked original. */
  text: z.string(),
  wordsShown,
  ageBand: z.string(),
  /** The council's wording for the age band (e.g. "Care leavers"); the id when it has none. */
  ageBandLabel: z.string(),
  heardOn: z.string(),
  source: z.enum(['forum', 'survey', 'complaint', 'takeover_day', 'other']),
  safeguarding: z.boolean(),
});
export type CommitmentYouSaid = z.infer<typeof commitmentYouSaid>;

export { DETAIL_HISTORY_SHOWN, detailAfterSave } from './commitment-saved.js';

export const commitmentDetail = commitment.extend({
  /** The newest updates (at most DETAIL_HISTORY_SHOWN), newest first. */
  updates: z.array(commitmentHistoryEntry),
  /** How many updates there are in all. */
  updatesTotal: z.number().int(),
  youSaid: z.array(commitmentYouSaid),
});
export type CommitmentDetail = z.infer<typeof commitmentDetail>;

/**
 * What saving a commitment answers: the commitment as it now is, and the update the save
 * recorded (null when it changed nothing the history keeps). Not the history or "you said":
 * the page already holds them, and its history plus `recorded` is the current history, since
 * a save only succeeds against the version the page holds and every recorded update moves it.
 */
export const commitmentSaved = commitment.extend({ recorded: commitmentHistoryEntry.nullable() });
export type CommitmentSaved = z.infer<typeof commitmentSaved>;

export const commitmentHistory = z.object({ items: z.array(commitmentHistoryEntry) });

export const commitmentSort = z.enum(['dueDate', '-dueDate', 'updatedAt', '-updatedAt']);

export const commitmentQuery = z.object({
  ...pageQuery,
  promiseId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  status: commitmentStatus.optional(),
  overdue: queryBool.optional(),
  /** Due strictly before this date. */
  dueBefore: isoDate.optional(),
  /** false (the default) lists current commitments; true lists archived ones. */
  archived: queryBool.optional(),
  sort: commitmentSort.default('dueDate'),
});
export type CommitmentQuery = z.infer<typeof commitmentQuery>;

export const commitmentPage = pageOf(commitment);

const progress = z.number().int().min(0, 'Enter a number from 0 to 100').max(100, 'Enter a number from 0 to 100');

// Fields without defaults: a partial update must never reset a field it did not send.
const commitmentFields = z.object({
  promiseId: z.number().int().positive(),
  title: shortText(200),
  childTitle: z.string().trim().max(200),
  childTitleCy: z.string().trim().max(200),
  ownerId: z.number().int().positive().nullable(),
  dueDate: isoDate,
  status: commitmentStatus,
  progress,
  childReason: z.string().trim().max(500),
  childUpdate: z.string().trim().max(500),
  childUpdateCy: z.string().trim().max(500),
});

export const commitmentCreate = commitmentFields.partial({
  childTitle: true,
  childTitleCy: true,
  ownerId: true,
  status: true,
  progress: true,
  childReason: true,
  childUpdate: true,
  childUpdateCy: true,
});
export type CommitmentCreate = z.infer<typeof commitmentCreate>;

export const commitmentUpdate = commitmentFields.partial().extend({
  version,
  /** A short dated update for the history (what happened, in plain words). */
  note: z.string().trim().max(500, 'Keep the note to 500 characters or fewer').optional(),
  /** The day the note describes (not in the future); today when left out. */
  noteDate: isoDate.optional(),
  /** Required whenever dueDate changes: why the date moved. */
  dueDateReason: z.string().trim().max(500).optional(),
});
export type CommitmentUpdate = z.infer<typeof commitmentUpdate>;
