// Server-side sessions: the cookie holds a random id; only its SHA-256 is stored, so a copy of
// the database cannot be used to take over a session.
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions, users } from '../schema.js';
import { writeAside, type Tx } from './write.js';

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');
export const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(db: Db, userId: number, now: Date) {
  const id = newToken();
  const csrfToken = newToken();
  const at = now.toISOString();
  await writeAside(
    db,
    async (tx) =>
      await tx.insert(sessions).values({ id: hashSessionId(id), userId, csrfToken, createdAt: at, lastSeenAt: at }),
  );
  return { id, csrfToken };
}

const prepareFind = (db: Db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();
/** Every signed-in request looks its session up: the statement is built once per connection. */
const findStatements = new WeakMap<object, ReturnType<typeof prepareFind>>();

export async function findSession(db: Db, id: string) {
  let statement = findStatements.get(db.$client);
  if (!statement) findStatements.set(db.$client, (statement = prepareFind(db)));
  return statement.get({ id: hashSessionId(id) });
}

export async function touchSession(db: Db, hashedId: string, now: Date) {
  await writeAside(
    db,
    async (tx) => await tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, hashedId)),
  );
}

export async function deleteSession(db: Db, hashedId: string) {
  await writeAside(db, async (tx) => await tx.delete(sessions).where(eq(sessions.id, hashedId)));
}

/** Inside the write that changes the account (a new password, disabled, a new role). */
export async function deleteUserSessions(tx: Tx, userId: number) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, idleBefore: Date, createdBefore: Date) {
  await writeAside(
    db,
    async (tx) =>
      await tx
        .delete(sessions)
        .where(
          or(lt(sessions.lastSeenAt, idleBefore.toISOString()), lt(sessions.createdAt, createdBefore.toISOString())),
        ),
  );
}
