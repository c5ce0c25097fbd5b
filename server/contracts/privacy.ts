// Privacy over a child's lifetime: erasing an item's words, the council's retention period, and
// a staff member's subject access export.
import { z } from 'zod';
import { version } from './common.js';

export const eraseWords = z.object({
  version,
  /** Why, in a few words: kept in the audit. Never the words themselves. */
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the words are being erased')
    .max(300, 'Keep the reason to 300 characters or fewer'),
});
export type EraseWords = z.infer<typeof eraseWords>;

/** Months after an item's loop closed before its original words are erased automatically. */
export const retentionMonths = z
  .number()
  .int('Enter a whole number of months')
  .min(6, 'Keep the words for at least 6 months')
  .max(120, 'Keep the words for at most 120 months (10 years)');

export const retention = z.object({
  retentionMonths,
  /** The settings row's version (this setting is one of the council's settings). */
  version,
  /** Items whose original words the next daily run would erase. */
  dueNow: z.number().int(),
});
export type Retention = z.infer<typeof retention>;

export const retentionUpdate = z.object({ retentionMonths, version });
export type RetentionUpdate = z.infer<typeof retentionUpdate>;

const entry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  ip: z.string(),
});

/**
 * Everything held about one staff member. Never password or token hashes, session ids or CSRF
 * tokens. Audit entries *by* them say what they did, not the images: those hold other people's
 * data (children's words). Entries *about* them carry their images.
 */
export const subjectAccessExport = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    jobTitle: z.string(),
    agency: z.string(),
    disabled: z.boolean(),
    canOwnActions: z.boolean(),
    hasPassword: z.boolean(),
    failedSignIns: z.number().int(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string() })),
  singleSignOnLinks: z.array(z.object({ issuer: z.string(), subject: z.string(), createdAt: z.string() })),
  accountLinks: z.array(
    z.object({ purpose: z.string(), createdAt: z.string(), expiresAt: z.string(), usedAt: z.string().nullable() }),
  ),
  /** Follow-up notes they wrote on safeguarding-flagged items: which item and when. */
  safeguardingNotesWritten: z.array(z.object({ feedbackId: z.number().int(), writtenAt: z.string() })),
  auditBy: z.array(entry),
  auditAbout: z.array(entry.extend({ userEmail: z.string(), before: z.unknown(), after: z.unknown() })),
  emails: z.array(
    z.object({
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      body: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type SubjectAccessExport = z.infer<typeof subjectAccessExport>;
