import { count, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback, settings } from '../schema.js';
import { DEFAULT_AGE_BANDS, DEFAULT_FORUMS, DEFAULT_QUORUM, DEFAULT_RAG_WORDING } from '../defaults.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { outsideGeneration, updateVersioned, write, type Tx } from './write.js';

export type SettingsRow = typeof settings.$inferSelect;

const cache = new WeakMap<object, { key: string; row: SettingsRow }>();
/** Changes to the settings row made through this connection (see `settingsChanged`). */
const changes = new WeakMap<object, number>();

/**
 * Settings are read on almost every request and change rarely. They are kept until this process
 * changes them (`settingsChanged`), another connection commits (a script, a restore), or a shared
 * commit rolls back; other writes leave them alone. Keyed by the data generation, they were read
 * again after every write (4% of the CPU of logging feedback).
 */
export function getSettings(db: Db): SettingsRow {
  const key = `${changes.get(db.$client) ?? 0}:${outsideGeneration(db)}`;
  const hit = cache.get(db.$client);
  if (hit && hit.key === key) return hit.row;
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) throw new Error('Settings are missing: run the migrations and seed');
  cache.set(db.$client, { key, row });
  return row;
}

/**
 * Every change to the settings row through this connection must say so, after it is made (or
 * has failed), so the next `getSettings` reads it again.
 */
export async function settingsChanged(db: Pick<Db, '$client'>): Promise<void> {
  changes.set(db.$client, (changes.get(db.$client) ?? 0) + 1);
}

/** `write()` for a change to the settings row: what is kept is read again afterwards, kept or not. */
export async function writeSettings<T>(db: Db, fn: (tx: Tx) => T | Promise<T>): Promise<T> {
  try {
    // Awaited here: said changed before an async body had ended, the old row would be kept anew.
    return await write(db, fn);
  } finally {
    await settingsChanged(db);
  }
}

/**
 * Changes the settings at the version the caller saw, audited in the same transaction. `patchFrom`
 * sees the current row inside the transaction, says what changes (the server's rules, such as
 * age band ids, come in with it) and throws to refuse.
 */
export async function updateSettings(
  db: Db,
  actor: Actor,
  version: number,
  patchFrom: (
    before: SettingsRow,
    tx: Tx,
  ) => Partial<Omit<SettingsRow, 'id' | 'version'>> | Promise<Partial<Omit<SettingsRow, 'id' | 'version'>>>,
): Promise<SettingsRow> {
  return await writeSettings(db, async (tx) => {
    const before = (await tx.select().from(settings).where(eq(settings.id, 1)).limit(1))[0]!;
    const after = await updateVersioned(tx, settings, 1, version, await patchFrom(before, tx));
    const diff = changedFields(before, after);
    await recordAudit(tx, actor, 'update', 'settings', 1, diff.before, diff.after);
    return after;
  });
}

/** How many feedback items have an age band or forum not among `ids` (one in use cannot go). */
export async function feedbackOutside(tx: Tx, column: 'ageBand' | 'forumId', ids: readonly string[]): Promise<number> {
  return (
    (
      await tx
        .select({ n: count() })
        .from(feedback)
        .where(notInArray(feedback[column], [...ids]))
        .limit(1)
    )[0]?.n ?? 0
  );
}

/** Makes sure the one settings row exists, so a fresh database works at once. */
export async function ensureSettings(
  db: Db,
  councilName = 'Our council',
  nation: 'england' | 'wales' = 'england',
): Promise<void> {
  await writeSettings(
    db,
    async (tx) =>
      await tx
        .insert(settings)
        .values({
          id: 1,
          councilName,
          nation,
          useWelsh: nation === 'wales',
          ageBands: DEFAULT_AGE_BANDS,
          forums: DEFAULT_FORUMS,
          ragWording: DEFAULT_RAG_WORDING,
          quorum: DEFAULT_QUORUM,
        })
        .onConflictDoNothing(),
  );
}
