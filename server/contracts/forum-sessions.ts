// A forum meeting and everything the children said at it, captured in one go.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, shortText, timestamps } from './common.js';
import { feedbackItem } from './feedback.js';

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);

export const forumSessionItemInput = z.object({
  text: shortText(4000),
  ageBand: z.string().trim().min(1, 'Choose an age band').max(40),
  promiseIds: z.array(id).max(50).optional(),
  publicText: z.string().trim().max(1000).optional(),
});
export type ForumSessionItemInput = z.infer<typeof forumSessionItemInput>;

export const forumSessionCreate = z
  .object({
    forumId: z.string().trim().min(1, 'Choose the forum').max(40),
    heldOn: isoDate,
    /** How many came: a number, never names. */
    attendance: z.number().int().min(0).max(1000),
    notes: z.string().trim().max(2000).optional(),
    items: z.array(forumSessionItemInput).min(1, 'Add at least one thing that was said').max(300),
  })
  .strict();
export type ForumSessionCreate = z.infer<typeof forumSessionCreate>;

export const forumSession = z.object({
  id: z.number().int(),
  forumId: z.string(),
  heldOn: z.string(),
  attendance: z.number().int(),
  notes: z.string(),
  createdById: z.number().int().nullable(),
  itemCount: z.number().int(),
  ...timestamps,
});
export type ForumSession = z.infer<typeof forumSession>;

export const forumSessionWithItems = forumSession.extend({ items: z.array(feedbackItem) });
export type ForumSessionWithItems = z.infer<typeof forumSessionWithItems>;

export const forumSessionQuery = z.object({ forumId: z.string().max(40).optional(), ...pageQuery });
export const forumSessionPage = pageOf(forumSession);
export type ForumSessionPage = z.infer<typeof forumSessionPage>;
