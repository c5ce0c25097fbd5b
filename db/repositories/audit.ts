// The audit trail is written in the same transaction as the change it records.
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export type Actor = { id: number | null; email: string; ip: string };
export const systemActor: Actor = { id: null, email: 'system', ip: '' };

type Tx = Pick<Db, 'insert'>;

const prepareAuditInsert = (client: Db['$client']) =>
  client.prepare<unknown[]>(
    'insert into audit_log (user_id, user_email, action, entity, entity_id, before, after, ip) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
/** recordAudit's insert, prepared once per connection: every write request writes one or two. */
const singleAuditInserts = new WeakMap<object, ReturnType<typeof prepareAuditInsert>>();

export async function recordAudit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
): Promise<number> {
  // Inside a request's shared transaction `tx` is the connection itself. The row is the one
  // drizzle writes below: `at` from the column's SQL default, images as JSON text, absent ones null.
  if ('$client' in tx) {
    const client = (tx as Pick<Db, '$client'>).$client;
    let insert = singleAuditInserts.get(client);
    if (!insert) singleAuditInserts.set(client, (insert = prepareAuditInsert(client)));
    return Number(
      insert.run(actor.id, actor.email, action, entity, String(entityId), json(before), json(after), actor.ip)
        .lastInsertRowid,
    );
  }
  const { lastInsertRowid } = await tx.insert(auditLog).values({
    userId: actor.id,
    userEmail: actor.email,
    action,
    entity,
    entityId: String(entityId),
    before: before ?? null,
    after: after ?? null,
    ip: actor.ip,
  });
  return Number(lastInsertRowid);
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Only the fields that changed, so the trail reads as "what was X, now Y". */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version' || key === 'updatedAt') continue;
    // The same value (most fields of an update) needs no JSON to say so.
    if (before[key] === after[key]) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
