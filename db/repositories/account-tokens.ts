// Single-use links for invitations and password resets. The link carries a random 32-byte token;
// only its SHA-256 is stored, so a copy of the database cannot be used to set anyone's password.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accountTokens, users } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { deleteUserSessions } from './sessions.js';
import { write, type Tx } from './write.js';

export type TokenPurpose = 'invitation' | 'reset';
export type AccountTokenRow = typeof accountTokens.$inferSelect;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Makes a new link for the account; any earlier unused link for the same purpose stops working.
 * Inside the write that sends it (its mail in the outbox, its audit entry).
 */
export async function issueToken(
  tx: Tx,
  userId: number,
  purpose: TokenPurpose,
  now: Date,
  ttlMs: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await retireTokens(tx, userId, purpose, now);
  await tx.insert(accountTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    createdAt: at,
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  });
  return token;
}

/** Stops every unused link of this kind for the account (an invitation, once they have signed in another way). */
export async function retireTokens(tx: Tx, userId: number, purpose: TokenPurpose, now: Date): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

/** The unused, unexpired link with this token, and its account; undefined for anything else. */
export async function findUsableToken(db: Db, token: string, purpose: TokenPurpose, now: Date) {
  const found = (
    await db
      .select({ token: accountTokens, user: users })
      .from(accountTokens)
      .innerJoin(users, eq(users.id, accountTokens.userId))
      .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
      .limit(1)
  )[0];
  if (!found || found.token.usedAt || found.user.disabled) return undefined;
  if (Date.parse(found.token.expiresAt) <= now.getTime()) return undefined;
  return found;
}

/**
 * Sets the password a link was for, in one transaction: the link is used up, every session the
 * account had ends, and the change is audited. False when the link was used meanwhile.
 */
export async function setPasswordWithToken(
  db: Db,
  actor: Actor,
  tokenId: number,
  userId: number,
  passwordHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<boolean> {
  return write(db, async (tx) => {
    const used = await tx
      .update(accountTokens)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt)));
    if (used.changes === 0) return false;
    await tx
      .update(users)
      .set({
        passwordHash,
        failedSignIns: 0,
        lockedUntil: null,
        version: sql`${users.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await recordAudit(
      tx,
      actor,
      purpose === 'invitation' ? 'accept-invitation' : 'reset-password',
      'user',
      userId,
      null,
      {
        by: 'link',
      },
    );
    return true;
  });
}
