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

export const sessionKind = z.enum(['forum', 'survey']);
export type SessionKind = z.infer<typeof sessionKind>;

/** A survey's year: a calendar year (2026) or a financial or school year (2025/26 or 2025-26). */
export const surveyYear = z
  .string()
  .trim()
  .regex(/^\d{4}([/-]\d{2})?$/, 'Enter the year, like 2026 or 2025/26');

/**
 * A forum meeting (which forum, how many came) or a survey (its year, how many answered, the age
 * bands it asked), and what was said. Each kind's fields are checked here and nowhere else: a
 * forum needs its attendance, a survey its respondents and never an attendance.
 */
export const forumSessionCreate = z
  .object({
    kind: sessionKind.default('forum'),
    forumId: z.string().trim().max(40).optional(),
    heldOn: isoDate,
    /** How many came: a number, never names. */
    attendance: z.number().int().min(0).max(1000).optional(),
    /** How many answered the survey. */
    respondents: z.number().int().min(1, 'Enter how many answered, 1 or more').max(100_000).optional(),
    year: surveyYear.optional(),
    title: z.string().trim().max(120).optional(),
    /** The age bands the survey asked: each item's band is one of these. */
    ageBands: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    notes: z.string().trim().max(2000).optional(),
    items: z.array(forumSessionItemInput).min(1, 'Add at least one thing that was said').max(300),
  })
  .strict()
  .superRefine((s, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.kind === 'forum') {
      if (!s.forumId) need('forumId', 'Choose the forum');
      if (s.attendance === undefined) need('attendance', 'Enter how many came, 0 or more');
      for (const field of ['respondents', 'year', 'ageBands'] as const)
        if (s[field] !== undefined) need(field, 'Only a survey has this: choose survey, or leave it out');
      return;
    }
    if (s.respondents === undefined) need('respondents', 'Enter how many answered the survey');
    if (!s.year) need('year', 'Enter the year of the survey, like 2026 or 2025/26');
    if (!s.ageBands?.length) need('ageBands', 'Choose the age bands the survey asked');
    if (s.attendance !== undefined) need('attendance', 'A survey has respondents, not attendance: leave it out');
    if (s.forumId) need('forumId', 'A survey is not held at a forum: leave it out');
    const covered = new Set(s.ageBands ?? []);
    if (covered.size > 0)
      s.items.forEach((item, i) => {
        if (!covered.has(item.ageBand))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'ageBand'],
            message: 'Choose one of the age bands the survey asked',
          });
      });
  });
export type ForumSessionCreate = z.input<typeof forumSessionCreate>;

export const forumSession = z.object({
  id: z.number().int(),
  kind: sessionKind,
  /** null for a survey. */
  forumId: z.string().nullable(),
  heldOn: z.string(),
  /** null for a survey: it has respondents instead. */
  attendance: z.number().int().nullable(),
  respondents: z.number().int().nullable(),
  /** A survey's year; '' for a forum. */
  year: z.string(),
  title: z.string(),
  ageBands: z.array(z.string()),
  notes: z.string(),
  createdById: z.number().int().nullable(),
  itemCount: z.number().int(),
  ...timestamps,
});
export type ForumSession = z.infer<typeof forumSession>;

export const forumSessionWithItems = forumSession.extend({ items: z.array(feedbackItem) });
export type ForumSessionWithItems = z.infer<typeof forumSessionWithItems>;

export const forumSessionQuery = z.object({
  forumId: z.string().max(40).optional(),
  kind: sessionKind.optional(),
  ...pageQuery,
});
export const forumSessionPage = pageOf(forumSession);
export type ForumSessionPage = z.infer<typeof forumSessionPage>;
