// What happened next on a safeguarding-flagged item: dated notes, append-only. Loading and
// storing only; who may read or add them is decided by the route (seesSafeguarding). The audit
// entry says a note was added, by whom and when, never what it says: erasing the item's words
// erases a note's text, and the trail must not keep a second copy.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback, safeguardingNotes, users } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { RowMissing, write, type DbOrTx, type Tx } from './write.js';

export type SafeguardingNoteRow = typeof safeguardingNotes.$inferSelect & { authorName: string | null };

/** Thrown when a note is added to an item that is not flagged. */
export class NotFlagged extends Error {}

const noteColumns = {
  id: safeguardingNotes.id,
  feedbackId: safeguardingNotes.feedbackId,
  authorId: safeguardingNotes.authorId,
  authorName: users.name,
  writtenAt: safeguardingNotes.writtenAt,
  text: safeguardingNotes.text,
  erasedAt: safeguardingNotes.erasedAt,
};

/** An item's notes, oldest first (they read as a story of what happened next). */
export async function listSafeguardingNotes(db: DbOrTx, feedbackId: number): Promise<SafeguardingNoteRow[]> {
  return await db
    .select(noteColumns)
    .from(safeguardingNotes)
    .leftJoin(users, eq(users.id, safeguardingNotes.authorId))
    .where(eq(safeguardingNotes.feedbackId, feedbackId))
    .orderBy(asc(safeguardingNotes.writtenAt), asc(safeguardingNotes.id));
}

/** Adds a note to a flagged item, with its audit entry, in one transaction. */
export async function addSafeguardingNote(db: Db, actor: Actor, feedbackId: number, text: string, now: Date) {
  return write(db, async (tx) => {
    const item = (
      await tx
        .select({ safeguarding: feedback.safeguarding })
        .from(feedback)
        .where(eq(feedback.id, feedbackId))
        .limit(1)
    )[0];
    if (!item) throw new RowMissing();
    if (!item.safeguarding) throw new NotFlagged();
    const row = (
      await tx
        .insert(safeguardingNotes)
        .values({ feedbackId, authorId: actor.id, writtenAt: now.toISOString(), text })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, 'add_note', 'safeguarding_note', row.id, null, {
      feedbackId,
      writtenAt: row.writtenAt,
    });
    return (await listSafeguardingNotes(tx, feedbackId)).find((n) => n.id === row.id)!;
  });
}

/**
 * Erasing the item's words erases its notes' text too (they may quote the child). Inside the
 * erasure's transaction; answers how many notes changed.
 */
export async function eraseSafeguardingNotes(tx: Tx, feedbackId: number, marker: string, now: Date): Promise<number> {
  return (
    await tx
      .update(safeguardingNotes)
      .set({ text: marker, erasedAt: now.toISOString() })
      .where(sql`${safeguardingNotes.feedbackId} = ${feedbackId} and ${safeguardingNotes.erasedAt} is null`)
  ).changes;
}

/** The notes a staff member wrote, for their subject access request: which item and when. */
export async function notesWrittenBy(db: DbOrTx, userId: number) {
  return await db
    .select({ feedbackId: safeguardingNotes.feedbackId, writtenAt: safeguardingNotes.writtenAt })
    .from(safeguardingNotes)
    .where(eq(safeguardingNotes.authorId, userId))
    .orderBy(asc(safeguardingNotes.writtenAt));
}
