// The children's verdict: rating sessions (opened by a participation worker with a short PIN) and
// the taps children make on the kiosk. Counts only: a tap keeps the promise, the choice and a
// random per-turn token (so a second tap by the same child replaces the first), never a name.
// No promise holds more verdicts in a session than the members the worker counted in the room.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { ratingSessions, verdicts } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { write } from './write.js';

export type RatingSessionRow = typeof ratingSessions.$inferSelect;
export type Verdict = (typeof verdicts.$inferSelect)['verdict'];

/** Wrong PINs any open session may absorb before it closes itself (1 in 20,000 odds of a guess). */
export const MAX_FAILED_ATTEMPTS = 50;
/** What the kiosk's taps are recorded as in the audit trail: no IP, no person. */
const kioskActor: Actor = { id: null, email: 'kiosk', ip: '' };

function hashPin(pin: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${pin}`).digest('hex');
}

function pinMatches(pin: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const a = Buffer.from(hashPin(pin, salt), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const isOpen = (nowIso: string) =>
  and(
    isNull(ratingSessions.endedAt),
    gt(ratingSessions.expiresAt, nowIso),
    lt(ratingSessions.failedAttempts, MAX_FAILED_ATTEMPTS),
  );

export async function openSessions(db: Db, now: Date): Promise<RatingSessionRow[]> {
  return await db.select().from(ratingSessions).where(isOpen(now.toISOString()));
}

export function sessionIsOpen(row: RatingSessionRow, now: Date): boolean {
  return !row.endedAt && row.expiresAt > now.toISOString() && row.failedAttempts < MAX_FAILED_ATTEMPTS;
}

export async function createRatingSession(
  db: Db,
  actor: Actor,
  input: { forumId: string | null; minutes: number; members: number },
  now: Date,
): Promise<{ row: RatingSessionRow; pin: string }> {
  return write(db, async (tx) => {
    const open = await tx.select().from(ratingSessions).where(isOpen(now.toISOString()));
    let pin = '';
    // A PIN no open session already uses, so a tap can only ever mean one session.
    do pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (open.some((s) => pinMatches(pin, s.pinHash)));
    const salt = randomBytes(16).toString('hex');
    const row = (
      await tx
        .insert(ratingSessions)
        .values({
          pinHash: `${salt}:${hashPin(pin, salt)}`,
          forumId: input.forumId,
          members: input.members,
          startedById: actor.id,
          startedAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + input.minutes * 60_000).toISOString(),
        })
        .returning()
    )[0]!;
    const { pinHash: _hidden, ...audited } = row;
    await recordAudit(tx, actor, 'create', 'rating_session', row.id, null, audited);
    return { row, pin };
  });
}

export async function listRatingSessions(db: Db, limit = 20): Promise<RatingSessionRow[]> {
  return await db
    .select()
    .from(ratingSessions)
    .orderBy(desc(ratingSessions.startedAt), desc(ratingSessions.id))
    .limit(limit);
}

export type SessionTally = { verdicts: number; turns: number };

/** Per session: the verdicts it holds, and how many children's turns gave at least one. */
export async function sessionTallies(db: Db, sessionIds: number[]): Promise<Map<number, SessionTally>> {
  const tallies = new Map<number, SessionTally>();
  if (!sessionIds.length) return tallies;
  const rows = await db
    .select({
      sessionId: verdicts.sessionId,
      verdicts: sql<number>`count(*)`,
      turns: sql<number>`count(distinct ${verdicts.voterToken})`,
    })
    .from(verdicts)
    .where(inArray(verdicts.sessionId, sessionIds))
    .groupBy(verdicts.sessionId);
  for (const r of rows) tallies.set(r.sessionId, { verdicts: r.verdicts, turns: r.turns });
  return tallies;
}

/** Ends the session: its PIN stops working at once. Ending an ended session changes nothing. */
export async function endRatingSession(
  db: Db,
  actor: Actor,
  id: number,
  now: Date,
): Promise<RatingSessionRow | undefined> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(ratingSessions).where(eq(ratingSessions.id, id)).limit(1))[0];
    if (!before || before.endedAt) return before;
    const row = (
      await tx
        .update(ratingSessions)
        .set({ endedAt: now.toISOString() })
        .where(eq(ratingSessions.id, id))
        .returning()
        .limit(1)
    )[0]!;
    await recordAudit(tx, actor, 'end', 'rating_session', id, { endedAt: null }, { endedAt: row.endedAt });
    return row;
  });
}

/**
 * The open session this PIN belongs to. A wrong PIN counts against every open session, so a
 * guesser spread over many addresses still closes them long before a guess is likely.
 */
export async function sessionForPin(db: Db, pin: string, now: Date): Promise<RatingSessionRow | undefined> {
  const found = (await openSessions(db, now)).find((s) => pinMatches(pin, s.pinHash));
  if (found) return found;
  await write(db, async (tx) => {
    const hit = await tx
      .update(ratingSessions)
      .set({ failedAttempts: sql`${ratingSessions.failedAttempts} + 1` })
      .where(isOpen(now.toISOString()))
      .returning({ id: ratingSessions.id, failedAttempts: ratingSessions.failedAttempts });
    await recordAudit(tx, kioskActor, 'pin-failed', 'rating_session', '', null, { sessions: hit.map((h) => h.id) });
    // The wrong PIN that closes a session says so in the trail: staff must open a new one.
    for (const h of hit.filter((h) => h.failedAttempts === MAX_FAILED_ATTEMPTS))
      await recordAudit(tx, kioskActor, 'closed-wrong-pins', 'rating_session', h.id, null, {
        failedAttempts: h.failedAttempts,
      });
  });
  return undefined;
}

/**
 * Records one turn's verdict on a promise: a second from the same turn replaces the first, and a
 * new turn is refused ('full') once the promise holds a verdict for every member present. The
 * count and the write share one transaction, so two kiosks tapping at once cannot pass the cap.
 * `decide` is the rule (server/domain/verdict-cap.ts), applied to what the transaction counted.
 */
export async function recordVerdict<D extends 'add' | 'replace' | 'full'>(
  db: Db,
  session: RatingSessionRow,
  input: { promiseId: number; verdict: Verdict; voterToken: string },
  decide: (tally: { members: number | null; counted: number; alreadyCounted: boolean }) => D,
): Promise<D> {
  return write(db, async (tx) => {
    const samePromise = and(eq(verdicts.sessionId, session.id), eq(verdicts.promiseId, input.promiseId));
    const mine = (
      await tx
        .select({ id: verdicts.id, verdict: verdicts.verdict })
        .from(verdicts)
        .where(and(samePromise, eq(verdicts.voterToken, input.voterToken)))
        .limit(1)
    )[0];
    const counted = mine
      ? 0
      : ((
          await tx
            .select({ n: sql<number>`count(*)` })
            .from(verdicts)
            .where(samePromise)
            .limit(1)
        )[0]?.n ?? 0);
    const decision = decide({ members: session.members, counted, alreadyCounted: !!mine });
    if (decision === 'full') return decision;
    if (mine) await tx.update(verdicts).set({ verdict: input.verdict }).where(eq(verdicts.id, mine.id));
    else await tx.insert(verdicts).values({ ...input, sessionId: session.id });
    // The audit keeps the count's change, not the child's token.
    await recordAudit(
      tx,
      kioskActor,
      'tap',
      'verdict',
      input.promiseId,
      mine ? { sessionId: session.id, verdict: mine.verdict } : null,
      { sessionId: session.id, verdict: input.verdict },
    );
    return decision;
  });
}

export type VerdictCountsRow = {
  promiseId: number;
  kept: number;
  gettingThere: number;
  notYet: number;
  total: number;
  lastRatedOn: string;
};

export async function verdictCounts(
  db: Db,
  filter: { sessionId?: number; from?: string },
): Promise<VerdictCountsRow[]> {
  const conditions = [
    filter.sessionId ? eq(verdicts.sessionId, filter.sessionId) : undefined,
    filter.from ? gte(ratingSessions.startedAt, filter.from) : undefined,
  ].filter((c) => c !== undefined);
  return await db
    .select({
      promiseId: verdicts.promiseId,
      kept: sql<number>`sum(${verdicts.verdict} = 'kept')`,
      gettingThere: sql<number>`sum(${verdicts.verdict} = 'getting_there')`,
      notYet: sql<number>`sum(${verdicts.verdict} = 'not_yet')`,
      total: sql<number>`count(*)`,
      lastRatedOn: sql<string>`substr(max(${ratingSessions.startedAt}), 1, 10)`,
    })
    .from(verdicts)
    .innerJoin(ratingSessions, eq(ratingSessions.id, verdicts.sessionId))
    .where(conditions.length ? and(...conditions) : undefined)
    .groupBy(verdicts.promiseId)
    .orderBy(asc(verdicts.promiseId));
}
