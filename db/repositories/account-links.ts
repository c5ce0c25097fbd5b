// Which single sign-on identity belongs to which account. An identity is the provider's issuer
// and its subject (`sub`), which never changes for a person, unlike their email address.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accountLinks } from '../schema.js';
import type { Tx } from './write.js';

export type AccountLinkRow = typeof accountLinks.$inferSelect;

export async function findLinkedUserId(db: Db, issuer: string, subject: string): Promise<number | undefined> {
  const [link] = await db
    .select({ userId: accountLinks.userId })
    .from(accountLinks)
    .where(and(eq(accountLinks.issuer, issuer), eq(accountLinks.subject, subject)))
    .limit(1);
  return link?.userId;
}

/** The identity this account already has at this issuer, if any. */
export async function findLinkForUser(db: Db, userId: number, issuer: string): Promise<AccountLinkRow | undefined> {
  const [link] = await db
    .select()
    .from(accountLinks)
    .where(and(eq(accountLinks.userId, userId), eq(accountLinks.issuer, issuer)))
    .limit(1);
  return link;
}

/** Inside the sign-in's write, with its audit entry. */
export async function linkAccount(tx: Tx, userId: number, issuer: string, subject: string): Promise<void> {
  await tx.insert(accountLinks).values({ userId, issuer, subject });
}
