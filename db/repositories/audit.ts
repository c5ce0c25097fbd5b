// The audit trail is written in the same transaction as the change it records.
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export type Actor = { id: number | null; email: string; ip: string };
export const systemActor: Actor = { id: null, email: 'system', ip: '' };

type Tx = Pick<Db, 'insert'>;

export function recordAudit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
): void {
  tx.insert(auditLog)
    .values({
      userId: actor.id,
      userEmail: actor.email,
      action,
      entity,
      entityId: String(entityId),
      before: before ?? null,
      after: after ?? null,
      ip: actor.ip,
    })
    .run();
}

/** Only the fields that changed, so the trail reads as "what was X, now Y". */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version' || key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
