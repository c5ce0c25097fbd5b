// Reading the audit trail. There is deliberately no update or delete here or anywhere.
import { and, desc, eq, gte, lt, count, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  userId?: number;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function listAudit(db: Db, f: AuditFilter) {
  const conditions: SQL[] = [];
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.userId) conditions.push(eq(auditLog.userId, f.userId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, `${f.to}T99`)); // every instant on that date sorts before 'T99'
  const where = conditions.length ? and(...conditions) : undefined;
  const items = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return { items, total, page: f.page, pageSize: f.pageSize };
}
