// "My actions": an owner's commitments grouped by promise, most urgent first, with the
// children's words that prompted each; and the admin's page of every owner's overdue and
// stale items.
import { z } from 'zod';
import { commitment, commitmentYouSaid } from './commitments.js';

export const attention = z.enum(['overdue', 'due_soon', 'stale', 'none']);
export type Attention = z.infer<typeof attention>;

export const myAction = commitment.extend({
  attention,
  /** Whole days since the last update (or since it was set up, when never updated). */
  daysSinceUpdate: z.number().int(),
  youSaid: z.array(commitmentYouSaid),
});
export type MyAction = z.infer<typeof myAction>;

export const myActionMeasure = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.enum(['count', 'percent', 'score']),
  /** The period of the newest value, or null when none has been entered. */
  latestPeriod: z.string().nullable(),
});

export const myActionGroup = z.object({
  promiseId: z.number().int(),
  promiseStaffText: z.string(),
  commitments: z.array(myAction),
  measures: z.array(myActionMeasure),
});
export type MyActionGroup = z.infer<typeof myActionGroup>;

export const myActions = z.object({
  /** The rules the groups were judged by, so the page can say them. */
  dueSoonDays: z.number().int(),
  staleAfterDays: z.number().int(),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), stale: z.number().int() }),
  groups: z.array(myActionGroup),
});
export type MyActions = z.infer<typeof myActions>;

export const overviewItem = commitment.extend({ daysSinceUpdate: z.number().int(), stale: z.boolean() });
export type OverviewItem = z.infer<typeof overviewItem>;

export const ownerOverview = z.object({
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  jobTitle: z.string(),
  agency: z.string(),
  overdue: z.array(overviewItem),
  /** Stale and not overdue (an overdue item is listed once, under overdue). */
  stale: z.array(overviewItem),
});
export type OwnerOverview = z.infer<typeof ownerOverview>;

export const actionsOverview = z.object({
  dueSoonDays: z.number().int(),
  staleAfterDays: z.number().int(),
  owners: z.array(ownerOverview),
});
export type ActionsOverview = z.infer<typeof actionsOverview>;
