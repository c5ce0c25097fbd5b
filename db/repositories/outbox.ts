// The email outbox: a message is written here in the same transaction as the change that causes
// it, and the mail sender (server/plugins/mail-sender.ts) delivers it later, retrying with
// exponential backoff, so a mail server that is down loses nothing.
import { and, asc, count, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { outbox } from '../schema.js';
import { writeAside, type Tx } from './write.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutgoingMail = { kind: string; to: string; subject: string; body: string };

/** Inside the write that causes the mail, so the two are kept or lost together. */
export async function enqueueMail(tx: Tx, mail: OutgoingMail, now: Date): Promise<OutboxRow> {
  return (
    await tx
      .insert(outbox)
      .values({ ...mail, status: 'waiting', nextAttemptAt: now.toISOString() })
      .returning()
  )[0]!;
}

/** Waiting messages whose next attempt is due, oldest first. */
export async function dueMail(db: Db, now: Date, limit = 20): Promise<OutboxRow[]> {
  return await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'waiting'), lte(outbox.nextAttemptAt, now.toISOString())))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit);
}

/** Once sent, the body (which may hold a link that still works) is not kept. */
export async function markSent(db: Db, id: number, attempts: number, now: Date) {
  await writeAside(
    db,
    async (tx) =>
      await tx
        .update(outbox)
        .set({ status: 'sent', attempts, sentAt: now.toISOString(), lastError: null, body: '' })
        .where(eq(outbox.id, id)),
  );
}

/** A failed attempt: try again at `nextAttemptAt`, or give up (`null`) and mark it failed. */
export async function markAttemptFailed(
  db: Db,
  id: number,
  attempts: number,
  error: string,
  nextAttemptAt: Date | null,
) {
  await writeAside(
    db,
    async (tx) =>
      await tx
        .update(outbox)
        .set(
          nextAttemptAt
            ? { attempts, lastError: error, nextAttemptAt: nextAttemptAt.toISOString() }
            : { attempts, lastError: error, status: 'failed' },
        )
        .where(eq(outbox.id, id)),
  );
}

export async function listOutbox(db: Db, limit = 200) {
  const counts = { waiting: 0, sent: 0, failed: 0 };
  for (const row of await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status))
    counts[row.status] = row.n;
  const items = await db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
  return { counts, items };
}
