// Reading the audit trail. There is deliberately no update or delete here or anywhere.
import { and, desc, eq, gte, lt, count, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, feedback } from '../schema.js';
import { importedItemEntry } from './feedback-import.js';

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

export async function listAudit(db: Db, f: AuditFilter) {
  const conditions: SQL[] = [];
  // A survey import is one entry for the whole file: one imported item's trail includes it,
  // shown as that item's own entry.
  const imported =
    f.entity === 'feedback' && f.entityId && /^\d+$/.test(f.entityId)
      ? await importedItemEntry(db, Number(f.entityId))
      : undefined;
  if (f.entity && f.entityId) {
    const own = and(eq(auditLog.entity, f.entity), eq(auditLog.entityId, f.entityId))!;
    conditions.push(imported ? or(own, eq(auditLog.id, imported.auditId))! : own);
  } else if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  else if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.userId) conditions.push(eq(auditLog.userId, f.userId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, `${f.to}T99`)); // every instant on that date sorts before 'T99'
  const where = conditions.length ? and(...conditions) : undefined;
  const items = (
    await db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
  ).map((e) =>
    imported && e.id === imported.auditId ? { ...e, entityId: imported.entityId, after: imported.after } : e,
  );
  const total = (await db.select({ n: count() }).from(auditLog).where(where))[0]?.n ?? 0;
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/**
 * Whether a feedback item is safeguarding-flagged, or null when there is no such item: the
 * caller decides from it who may read the item's history.
 */
export async function feedbackFlag(db: Db, id: number): Promise<boolean | null> {
  const [item] = await db
    .select({ safeguarding: feedback.safeguarding })
    .from(feedback)
    .where(eq(feedback.id, id))
    .limit(1);
  return item?.safeguarding ?? null;
}
