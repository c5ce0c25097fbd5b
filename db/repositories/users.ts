import { eq, inArray, sql } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../client.js';
import { users } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { deleteUserSessions } from './sessions.js';
import { updateVersioned, write, writeAside, type Tx } from './write.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Pick<typeof users.$inferInsert, 'email' | 'name' | 'role'> &
  Partial<Pick<typeof users.$inferInsert, 'jobTitle' | 'agency' | 'canOwnActions' | 'localAlways'>> & {
    password?: string | null;
  };

/**
 * Whether a new account (or one given a new role) may own actions when nobody says otherwise:
 * owners and admins may, as before the flag existed (migration 0003 set it the same way).
 */
export const canOwnActionsByDefault = (role: UserRow['role']) => role === 'owner' || role === 'admin';

/** How costly one password hash is: argon2id's memory in KiB, its passes and its lanes. */
export type PasswordCost = Readonly<{ memoryCost: number; timeCost: number; parallelism: number }>;

/**
 * argon2id at OWASP's recommended settings (19 MiB, 2 passes, 1 lane; also the library's
 * defaults, written out so a test can hold them). Every real account is hashed with these; only
 * tests pass a cheaper cost, to save seconds of hashing on every test database.
 */
export const STRONG_PASSWORD_COST: PasswordCost = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export const hashPassword = (password: string, cost: PasswordCost = STRONG_PASSWORD_COST) => hash(password, cost);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

export const DEMO_PASSWORD = 'promise-demo-2026';
export const DEMO_EMAILS = [
  'admin@example.org',
  'participation@example.org',
  'leader@example.org',
  'board@example.org',
  'viewer@example.org',
] as const;

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function publicUser(u: UserRow) {
  const { passwordHash: _hash, failedSignIns: _f, lockedUntil: _l, ...rest } = u;
  return rest;
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUser,
  cost: PasswordCost = STRONG_PASSWORD_COST,
): Promise<UserRow> {
  const passwordHash = input.password ? await hashPassword(input.password, cost) : null;
  return write(db, async (tx) => await insertUser(tx, actor, input, passwordHash));
}

/** Adds an account inside a caller's transaction (an invitation, a single sign-on account), audited. */
export async function insertUser(tx: Tx, actor: Actor, input: NewUser, passwordHash: string | null): Promise<UserRow> {
  const row = (
    await tx
      .insert(users)
      .values({
        email: input.email.trim().toLowerCase(),
        name: input.name,
        role: input.role,
        jobTitle: input.jobTitle ?? '',
        agency: input.agency ?? 'Council',
        canOwnActions: input.canOwnActions ?? canOwnActionsByDefault(input.role),
        passwordHash,
        localAlways: input.localAlways ?? false,
      })
      .returning()
  )[0]!;
  await recordAudit(tx, actor, 'create', 'user', row.id, null, publicUser(row));
  return row;
}

/**
 * Setting a new password ends every session the account has. `localAlways` (the command line)
 * also lets the account sign in with it when the council has turned passwords off.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  password: string,
  options: { localAlways?: boolean } = {},
  cost: PasswordCost = STRONG_PASSWORD_COST,
): Promise<void> {
  const passwordHash = await hashPassword(password, cost);
  await write(db, async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        failedSignIns: 0,
        lockedUntil: null,
        ...(options.localAlways ? { localAlways: true } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, 'reset-password', 'user', userId, null, null);
  });
}

/** Disabling an account ends every session it has. */
export async function setDisabled(db: Db, actor: Actor, userId: number, disabled: boolean): Promise<void> {
  await write(db, async (tx) => {
    await tx
      .update(users)
      .set({ disabled, version: sql`${users.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, userId));
    if (disabled) await deleteUserSessions(tx, userId);
    await recordAudit(
      tx,
      actor,
      disabled ? 'disable' : 'enable',
      'user',
      userId,
      { disabled: !disabled },
      { disabled },
    );
  });
}

// The sign-in counters are read by the sign-in alone, never from a cache: a run of failed
// sign-ins (someone guessing) must not throw the read caches away on every guess.
export async function recordFailedSignIn(db: Db, userId: number, failures: number, lockedUntil: string | null) {
  await writeAside(
    db,
    async (tx) => await tx.update(users).set({ failedSignIns: failures, lockedUntil }).where(eq(users.id, userId)),
  );
}

export async function clearFailedSignIns(db: Db, userId: number) {
  await writeAside(
    db,
    async (tx) => await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId)),
  );
}

export async function demoAccountsExist(db: Db): Promise<boolean> {
  return DEMO_EMAILS.some((email) => findUserByEmail(db, email));
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return await db.select().from(users).orderBy(users.name);
}

export async function getUser(db: Db, id: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
}

/**
 * Admin edits: a role change or disabling ends the account's sessions, so it takes effect at once.
 * A new role brings its default "can own actions" unless the same edit says otherwise.
 */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<Pick<UserRow, 'name' | 'role' | 'jobTitle' | 'agency' | 'disabled' | 'canOwnActions' | 'managerId'>>,
): Promise<UserRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(users).where(eq(users.id, id)).limit(1))[0];
    const roleChanged = before !== undefined && patch.role !== undefined && patch.role !== before.role;
    const full =
      roleChanged && patch.canOwnActions === undefined
        ? { ...patch, canOwnActions: canOwnActionsByDefault(patch.role!) }
        : patch;
    const row = await updateVersioned(tx, users, id, version, full);
    if (before && (before.role !== row.role || (!before.disabled && row.disabled))) await deleteUserSessions(tx, id);
    if (before) {
      const diff = changedFields(publicUser(before), publicUser(row));
      await recordAudit(tx, actor, 'update', 'user', id, diff.before, diff.after);
    }
    return row;
  });
}

/** The names of these accounts, by id (disabled ones too: history keeps who did what). */
export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every account's name by id, archived and disabled ones too: a record names who it was. */
export async function allUserNames(db: Db): Promise<Map<number, string>> {
  return new Map((await db.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
}
