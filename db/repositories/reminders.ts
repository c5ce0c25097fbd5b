// What reminders read and write: the people they go to, what is open, which reminders were
// already sent (reminder_sends), the scheduler's lease (job_leases), the escalation ladder's
// record (escalations) and partner contacts' single-use update links (update_links).
// Judging what needs doing is server/domain/reminders.ts; this file only loads and stores.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  accountLinks,
  boardMeetings,
  commitmentUpdates,
  commitments,
  escalations,
  feedback,
  measureValues,
  measures,
  promises,
  ragReviews,
  reminderSends,
  updateLinks,
  users,
} from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { write, writeAside, type DbOrTx } from './write.js';

export type ReminderPerson = {
  id: number;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)['role'];
  notify: (typeof users.$inferSelect)['notify'];
  managerId: number | null;
  /**
   * A partner agency's contact who cannot sign in (no password, no single sign-on identity, an
   * agency other than the council): they update by the single-use links in their reminder.
   */
  noPassword: boolean;
  agency: string;
};

/** Every enabled account, with what reminders need to know about it. */
export async function reminderPeople(db: Db): Promise<ReminderPerson[]> {
  return (
    await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        notify: users.notify,
        managerId: users.managerId,
        // A partner agency's contact who cannot sign in: no password, no single sign-on identity.
        noPassword: sql<number>`${users.passwordHash} is null and ${users.agency} <> 'Council' and not exists (select 1 from ${accountLinks} where ${accountLinks.userId} = ${users.id})`,
        agency: users.agency,
      })
      .from(users)
      .where(eq(users.disabled, false))
  ).map((p) => ({ ...p, noPassword: Boolean(p.noPassword) }));
}

/** Current measures with their owner and newest figure. */
export async function measuresForReminders(db: Db) {
  const latest = db
    .select({
      measureId: measureValues.measureId,
      period: measureValues.period,
      periodEnd: measureValues.periodEnd,
      n: sql<number>`row_number() over (partition by ${measureValues.measureId} order by ${measureValues.periodEnd} desc, ${measureValues.period} desc)`.as(
        'n',
      ),
    })
    .from(measureValues)
    .as('latest');
  return await db
    .select({
      id: measures.id,
      name: measures.name,
      ownerId: measures.ownerId,
      latestPeriod: latest.period,
      latestPeriodEnd: latest.periodEnd,
    })
    .from(measures)
    .innerJoin(promises, eq(promises.id, measures.promiseId))
    .leftJoin(latest, and(eq(latest.measureId, measures.id), eq(latest.n, 1)))
    .where(and(eq(measures.archived, false), eq(promises.archived, false)))
    .orderBy(asc(measures.id));
}

/** Feedback not yet carried back to the children: the columns the waiting rule needs, no words. */
export async function feedbackNotFedBack(db: Db) {
  return await db
    .select({
      id: feedback.id,
      forumId: feedback.forumId,
      source: feedback.source,
      heardOn: feedback.heardOn,
      response: feedback.response,
      respondedOn: feedback.respondedOn,
    })
    .from(feedback)
    .where(isNull(feedback.fedBackOn))
    .orderBy(asc(feedback.heardOn), asc(feedback.id));
}

export async function allMeetings(db: Db) {
  return await db
    .select({ id: boardMeetings.id, meetingDate: boardMeetings.meetingDate })
    .from(boardMeetings)
    .orderBy(asc(boardMeetings.meetingDate));
}

/** For each promise, the meetings at which the board rated it red. */
export async function redRatings(db: Db): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  for (const r of await db
    .select({ promiseId: ragReviews.promiseId, meetingId: ragReviews.meetingId })
    .from(ragReviews)
    .where(eq(ragReviews.rating, 'red'))) {
    let set = out.get(r.promiseId);
    if (!set) out.set(r.promiseId, (set = new Set()));
    set.add(r.meetingId);
  }
  return out;
}

// ---- A person's choice of reminder emails ----

export async function notifyChoice(db: Db, userId: number) {
  return (
    await db.select({ notify: users.notify, email: users.email }).from(users).where(eq(users.id, userId)).limit(1)
  )[0];
}

/** Changes a person's choice, audited in the same transaction; nothing when it is unchanged. */
export async function setNotifyChoice(
  db: Db,
  actor: Actor,
  userId: number,
  notify: ReminderPerson['notify'],
  now: Date,
): Promise<void> {
  await write(db, async (tx) => {
    const before = (await tx.select({ notify: users.notify }).from(users).where(eq(users.id, userId)).limit(1))[0];
    if (!before || before.notify === notify) return;
    await tx
      .update(users)
      .set({ notify, version: sql`${users.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(users.id, userId));
    await recordAudit(tx, actor, 'update', 'user', userId, before, { notify });
  });
}

// ---- Once only ----

/**
 * Claims the right to send this person this kind of reminder for this period. False when it was
 * claimed before (by this process before a restart, or by another server): then send nothing.
 * Call inside the transaction that writes the outbox row, so both are kept or neither.
 */
export async function claimSend(tx: DbOrTx, userId: number, kind: string, period: string): Promise<number | null> {
  const row = (
    await tx
      .insert(reminderSends)
      .values({ userId, kind, period })
      .onConflictDoNothing()
      .returning({ id: reminderSends.id })
  )[0]!;
  return row?.id ?? null;
}

export async function noteOutbox(tx: DbOrTx, sendId: number, outboxId: number): Promise<void> {
  await tx.update(reminderSends).set({ outboxId }).where(eq(reminderSends.id, sendId));
}

export async function alreadySent(db: Db, userId: number, kind: string, period: string): Promise<boolean> {
  return (
    (
      await db
        .select({ id: reminderSends.id })
        .from(reminderSends)
        .where(and(eq(reminderSends.userId, userId), eq(reminderSends.kind, kind), eq(reminderSends.period, period)))
        .limit(1)
    )[0] !== undefined
  );
}

// ---- The lease: one sender among several servers ----

/**
 * Takes (or renews) the named lease for `holder` until `now + ttlMs`, in one conditional write:
 * it succeeds when nobody holds it, the holder's time has run out, or `holder` already has it.
 */
export async function takeLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  // Aside: no cache reads the leases.
  const result = await writeAside(db, () =>
    db.$client
      .prepare(
        `insert into job_leases (name, holder, expires_at) values (?, ?, ?)
       on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where job_leases.expires_at <= ? or job_leases.holder = excluded.holder`,
      )
      .run(name, holder, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString()),
  );
  return result.changes === 1;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await writeAside(db, () =>
    db.$client.prepare('delete from job_leases where name = ? and holder = ?').run(name, holder),
  );
}

// ---- The escalation ladder ----

export async function escalationsOf(db: DbOrTx, commitmentId?: number) {
  const q = db.select().from(escalations);
  return await (commitmentId === undefined ? q : q.where(eq(escalations.commitmentId, commitmentId))).orderBy(
    asc(escalations.id),
  );
}

/**
 * Records that a commitment reached a rung, once: the escalation row, a line on the commitment's
 * history and the audit entry move together. Null when the rung was reached before.
 */
export async function recordEscalation(
  tx: DbOrTx,
  actor: Actor,
  e: { commitmentId: number; rung: 'manager' | 'director' | 'chair'; cycles: number; toldUserId: number | null },
  historyNote: string,
  status: string,
  progress: number,
  today: string,
  now: string,
) {
  const row = (
    await tx
      .insert(escalations)
      .values({ ...e, createdAt: now })
      .onConflictDoNothing()
      .returning()
  )[0]!;
  if (!row) return null;
  await tx.insert(commitmentUpdates).values({
    commitmentId: e.commitmentId,
    note: historyNote,
    status,
    progress,
    authorId: null,
    updatedOn: today,
    createdAt: now,
  });
  await recordAudit(tx, actor, 'escalate', 'commitment', e.commitmentId, null, {
    rung: e.rung,
    cycles: e.cycles,
    toldUserId: e.toldUserId,
  });
  return row;
}

const RUNG_ORDER = { manager: 1, director: 2, chair: 3 } as const;

/**
 * Open commitments the ladder had reached by the end of `date`, each at its highest rung: the
 * "Escalated" part of that day's board agenda.
 */
export async function escalatedBy(db: Db, date: string) {
  const rows = await db
    .select({
      commitmentId: escalations.commitmentId,
      title: commitments.title,
      ownerName: users.name,
      rung: escalations.rung,
      cycles: escalations.cycles,
      since: escalations.createdAt,
    })
    .from(escalations)
    .innerJoin(commitments, eq(commitments.id, escalations.commitmentId))
    .leftJoin(users, eq(users.id, commitments.ownerId))
    .where(
      and(
        sql`${escalations.createdAt} < ${`${date}T24`}`,
        eq(commitments.archived, false),
        notInArray(commitments.status, ['done', 'dropped']),
      ),
    )
    .orderBy(asc(escalations.commitmentId), asc(escalations.id));
  const top = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const held = top.get(r.commitmentId);
    if (!held || RUNG_ORDER[r.rung] > RUNG_ORDER[held.rung]) top.set(r.commitmentId, r);
  }
  return [...top.values()].sort((a, b) => RUNG_ORDER[b.rung] - RUNG_ORDER[a.rung] || a.commitmentId - b.commitmentId);
}

// ---- Update links for partner contacts ----

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new single-use link for this person and commitment; any earlier unused one stops working. */
export function issueUpdateLink(tx: DbOrTx, userId: number, commitmentId: number, now: Date, ttlMs: number): string {
  const token = randomBytes(32).toString('base64url');
  tx.update(updateLinks)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(updateLinks.userId, userId), eq(updateLinks.commitmentId, commitmentId), isNull(updateLinks.usedAt)))
    .run();
  tx.insert(updateLinks)
    .values({
      tokenHash: hash(token),
      userId,
      commitmentId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    })
    .run();
  return token;
}

/** The unused, unexpired link with this token, with its person; undefined for anything else. */
export async function findUpdateLink(db: DbOrTx, token: string, now: Date) {
  const found = (
    await db
      .select({
        link: updateLinks,
        user: { id: users.id, email: users.email, name: users.name, disabled: users.disabled },
      })
      .from(updateLinks)
      .innerJoin(users, eq(users.id, updateLinks.userId))
      .where(eq(updateLinks.tokenHash, hash(token)))
      .limit(1)
  )[0];
  if (!found || found.link.usedAt || found.user.disabled) return undefined;
  if (Date.parse(found.link.expiresAt) <= now.getTime()) return undefined;
  return found;
}

/** Uses the link up; false when it was used meanwhile. Call in the transaction of the update. */
export async function useUpdateLink(tx: DbOrTx, id: number, now: Date): Promise<boolean> {
  return (
    (
      await tx
        .update(updateLinks)
        .set({ usedAt: now.toISOString() })
        .where(and(eq(updateLinks.id, id), isNull(updateLinks.usedAt)))
    ).changes === 1
  );
}
