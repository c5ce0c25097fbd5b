import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common.js';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  /** The account's email address: admins only ('' for everyone else, who read userName). */
  userEmail: z.string(),
  /** Who did it, by name; null for the system or an account that no longer exists. */
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** When, in words in the council's time zone: "1 December 2026 at 9:51pm". */
  atWords: z.string(),
  /** The record by kind, number and (where staff may read it) name: "Promise 3: Stable homes". */
  record: z.string(),
  /** Each field that changed, in words: names for ids, words for codes, dates in words ('' = none). */
  changes: z.array(
    z.object({
      field: z.string(),
      /** null when there was no record before (a new one). */
      was: z.string().nullable(),
      /** null when there is no record after (removed). */
      now: z.string().nullable(),
    }),
  ),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  ...pageQuery,
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  userId: z.coerce.number().int().positive().optional(),
  action: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditPage = pageOf(auditEntry);

/** Records whose history can be read by anyone who may read the record itself. */
export const historyParams = z.object({
  entity: z.string().regex(/^[a-z][a-z_-]{0,39}$/, 'Unknown kind of record'),
  id: z.string().regex(/^\d{1,15}$/, 'Enter a record number'),
});
