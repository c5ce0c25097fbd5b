// Reminders: a person's "needs doing" list, their choice of reminder emails, and the public
// single-use link a partner contact updates one commitment with.
import { z } from 'zod';
import { commitmentStatus } from './commitments.js';

export const reminderKind = z.enum([
  'commitment_overdue',
  'feedback_over_target',
  'board_update',
  'commitment_due_soon',
  'feedback_near_target',
  'feedback_not_fed_back',
  'measure_due',
  'commitment_stale',
]);
export type ReminderKind = z.infer<typeof reminderKind>;

export const needsDoingItem = z.object({
  kind: reminderKind,
  entity: z.enum(['commitment', 'measure', 'feedback']),
  id: z.number().int(),
  /** The staff title; for feedback, where it was heard. Never a child's words. */
  title: z.string(),
  date: z.string().nullable(),
  days: z.number().int(),
  period: z.string().optional(),
  /** The page to open for it. */
  path: z.string(),
  /** Why it is listed, in words with dates in words: "Overdue by 3 days (it was due 12 June 2026)". */
  reason: z.string(),
});
export type NeedsDoingItem = z.infer<typeof needsDoingItem>;

export const needsDoingList = z.object({
  /** How many items, and how many of them are the most urgent (overdue or past target). */
  total: z.number().int(),
  urgent: z.number().int(),
  items: z.array(needsDoingItem),
});
export type NeedsDoingList = z.infer<typeof needsDoingList>;

export const notifyChoice = z.enum(['weekly', 'board_only', 'none']);
export type NotifyChoice = z.infer<typeof notifyChoice>;

export const myNotifications = z.object({
  notify: notifyChoice,
  /** The weekday the weekly digest goes out (1 Monday … 7 Sunday). */
  digestWeekday: z.number().int(),
  email: z.string(),
  sending: z.boolean(),
});
export type MyNotifications = z.infer<typeof myNotifications>;
export const myNotificationsUpdate = z.object({ notify: notifyChoice }).strict();

const token = z.string().min(20).max(100);
export const updateLinkCheck = z.object({ token }).strict();
export const updateLinkInfo = z.object({
  name: z.string(),
  commitment: z.object({
    title: z.string(),
    status: commitmentStatus,
    progress: z.number().int(),
    dueDate: z.string(),
    /** The due date in words, for the page. */
    dueWords: z.string(),
  }),
  expiresAt: z.string(),
});
export type UpdateLinkInfo = z.infer<typeof updateLinkInfo>;
export const updateLinkSubmit = z
  .object({
    token,
    status: commitmentStatus,
    progress: z.number().int().min(0).max(100),
    note: z.string().trim().min(1, 'Say what has happened').max(2000, 'Keep it under 2000 characters'),
  })
  .strict();
export type UpdateLinkSubmit = z.infer<typeof updateLinkSubmit>;

/** A commitment on the escalation ladder, for the board's agenda: its highest rung so far. */
export const escalatedItem = z.object({
  commitmentId: z.number().int(),
  title: z.string(),
  ownerName: z.string().nullable(),
  rung: z.enum(['manager', 'director', 'chair']),
  cycles: z.number().int(),
  since: z.string(),
});
export type EscalatedItem = z.infer<typeof escalatedItem>;
