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
