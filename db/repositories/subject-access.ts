// Everything this database holds about one staff member, for a subject access request. Loading
// only; the route decides nothing but who may ask. Never selects password hashes, token hashes,
// session ids or CSRF tokens.
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { accountLinks, accountTokens, auditLog, outbox, sessions, users } from '../schema.js';
import { readTogether } from './write.js';
import { notesWrittenBy } from './safeguarding-notes.js';

/** An emailed link's secret part (the token after '#'), which still works until used or expired. */
const LINK_SECRET = /(https?:\/\/[^\s#]+)#\S+/g;

export async function subjectAccess(db: Db, userId: number, now: Date) {
  return await readTogether(db, async (tx) => {
    const u = (await tx.select().from(users).where(eq(users.id, userId)).limit(1))[0];
    if (!u) return undefined;
    const entry = {
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      ip: auditLog.ip,
    };
    return {
      exportedAt: now.toISOString(),
      account: {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        jobTitle: u.jobTitle,
        agency: u.agency,
        disabled: u.disabled,
        canOwnActions: u.canOwnActions,
        hasPassword: u.passwordHash !== null,
        failedSignIns: u.failedSignIns,
        lockedUntil: u.lockedUntil,
        createdAt: u.createdAt,
        updatedAt: u.updatedAt,
      },
      sessions: await tx
        .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt)),
      singleSignOnLinks: await tx
        .select({ issuer: accountLinks.issuer, subject: accountLinks.subject, createdAt: accountLinks.createdAt })
        .from(accountLinks)
        .where(eq(accountLinks.userId, userId)),
      accountLinks: await tx
        .select({
          purpose: accountTokens.purpose,
          createdAt: accountTokens.createdAt,
          expiresAt: accountTokens.expiresAt,
          usedAt: accountTokens.usedAt,
        })
        .from(accountTokens)
        .where(eq(accountTokens.userId, userId))
        .orderBy(asc(accountTokens.createdAt)),
      // Which flagged items they wrote a follow-up note on, and when; the text is about a child.
      safeguardingNotesWritten: await notesWrittenBy(tx, userId),
      auditBy: await tx.select(entry).from(auditLog).where(eq(auditLog.userId, userId)).orderBy(asc(auditLog.id)),
      auditAbout: await tx
        .select({ ...entry, userEmail: auditLog.userEmail, before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(
          or(
            and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(userId))),
            // Failed sign-ins name the address tried, not an account id.
            and(eq(auditLog.entity, 'session'), eq(auditLog.userEmail, u.email)),
          ),
        )
        .orderBy(asc(auditLog.id)),
      emails: (
        await tx
          .select({
            kind: outbox.kind,
            to: outbox.to,
            subject: outbox.subject,
            body: outbox.body,
            status: outbox.status,
            createdAt: outbox.createdAt,
            sentAt: outbox.sentAt,
          })
          .from(outbox)
          .where(eq(outbox.to, u.email))
          .orderBy(asc(outbox.id))
      ).map((m) => ({ ...m, body: m.body.replace(LINK_SECRET, '$1#[link removed]') })),
    };
  });
}
