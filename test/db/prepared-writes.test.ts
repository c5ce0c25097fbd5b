// The statements kept per connection for hot writes (used inside a request's shared transaction,
// where the transaction is the connection itself) write and answer exactly what drizzle's
// freshly built statements do (used inside a transaction of its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { openAndMigrate, type Db } from '../../db/client.js';
import { ensureSettings } from '../../db/repositories/settings.js';
import { recordAudit, type Actor } from '../../db/repositories/audit.js';
import {
  insertReturning,
  RowMissing,
  updateVersioned,
  VersionConflict,
  type DbOrTx,
} from '../../db/repositories/write.js';
import { auditLog, commitments, feedback, promises, settings, themes } from '../../db/schema.js';

let dir: string;
let db: Db;
let promiseId: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pt-prepared-'));
  db = openAndMigrate(join(dir, 'test.db'));
  await ensureSettings(db, 'Test Borough Council');
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Home' }).returning().get();
  promiseId = db
    .insert(promises)
    .values({ themeId: theme.id, staffText: 'Find a home', childText: 'A home', audience: 'both' })
    .returning()
    .get().id;
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `fn` both ways: on the connection (kept statements), and on a handle that is not the
 * connection (built afresh, as for a transaction object of its own), each in a transaction.
 */
async function bothWays<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<{ kept: T; built: T }> {
  const inTransaction = async (run: () => Promise<T>) => {
    db.$client.exec('BEGIN');
    try {
      return await run();
    } finally {
      db.$client.exec('COMMIT');
    }
  };
  // Without `$client`, the helpers cannot take the connection's kept statements.
  const notTheConnection = new Proxy(db, { has: (target, key) => key !== '$client' && key in target });
  const kept = await inTransaction(() => fn(db));
  const built = await inTransaction(() => fn(notTheConnection));
  return { kept, built };
}

const withoutIdentity = <T extends Record<string, unknown>>(row: T, ...keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

describe('statements kept per connection', () => {
  it('write the same audit rows as recordAudit built by drizzle', async () => {
    const actor: Actor = { id: null, email: 'system', ip: '' };
    const worker: Actor = { id: 7, email: 'worker@test.example', ip: '10.0.0.1' };
    const cases: [Actor, string | number, unknown, unknown][] = [
      [actor, 12, null, { text: 'We want a say', promiseIds: [1, 2], safeguarding: false }],
      [worker, '1', { progress: 10 }, { progress: 20 }],
      [worker, 3, undefined, 'plain words'],
      [actor, 4, { archived: false }, null],
    ];
    for (const [who, entityId, before, after] of cases) {
      await bothWays(async (tx) => await recordAudit(tx, who, 'update', 'thing', entityId, before, after));
      const [built, kept] = db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2).all();
      expect(kept!.id).toBe(built!.id - 1);
      expect(withoutIdentity(kept!, 'id', 'at')).toEqual(withoutIdentity(built!, 'id', 'at'));
      expect(kept!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    // An absent image is SQL null, not the JSON text "null".
    const raw = db.$client
      .prepare("select before, after from audit_log where entity = 'thing' and entity_id = '4'")
      .all() as { before: string | null; after: string | null }[];
    expect(raw).toEqual([
      { before: '{"archived":false}', after: null },
      { before: '{"archived":false}', after: null },
    ]);
  });

  it('insert and answer the same rows as drizzle, defaults and booleans included', async () => {
    const input = {
      text: 'More say in reviews',
      source: 'forum' as const,
      forumId: 'cicc',
      heardOn: '2026-06-01',
      ageBand: '12-15',
      loggedById: null,
    };
    const kept = await insertReturning(db, feedback, input);
    const built = db.insert(feedback).values(input).returning().get();
    expect(kept.id).toBe(built.id - 1);
    expect(withoutIdentity(kept, 'id', 'createdAt', 'updatedAt')).toEqual(
      withoutIdentity(built, 'id', 'createdAt', 'updatedAt'),
    );
    expect(kept.safeguarding).toBe(false);
    expect(kept.publishState).toBe('draft');
    // Another set of columns is another statement, with the same result.
    const flagged = await insertReturning(db, feedback, { ...input, safeguarding: true, publicText: 'Say in reviews' });
    expect(flagged.safeguarding).toBe(true);
    expect(db.select().from(feedback).where(eq(feedback.id, flagged.id)).get()).toEqual(flagged);
  });

  it('update a versioned row as drizzle does, JSON and boolean columns included', async () => {
    const make = () =>
      db.insert(commitments).values({ promiseId, title: 'Visit homes', dueDate: '2026-09-30' }).returning().get();
    const [a, b] = [make(), make()];
    const { kept, built } = await bothWays(
      async (tx) =>
        await updateVersioned(tx, commitments, tx === db ? a.id : b.id, 1, {
          progress: 40,
          archived: true,
          ownerId: null,
        }),
    );
    expect(kept.version).toBe(2);
    expect(kept.archived).toBe(true);
    expect(withoutIdentity(kept, 'id', 'createdAt', 'updatedAt')).toEqual(
      withoutIdentity(built, 'id', 'createdAt', 'updatedAt'),
    );
    expect(db.select().from(commitments).where(eq(commitments.id, a.id)).get()).toEqual(kept);

    const current = db.select().from(settings).get()!;
    const forums = [
      ...current.forums,
      { id: 'new', name: 'New', audience: 'both' as const, frequency: 'Weekly', active: true },
    ];
    const saved = await updateVersioned(db, settings, 1, current.version, { forums });
    expect(saved.forums).toEqual(forums);
    expect(db.select().from(settings).get()).toEqual(saved);
  });

  it('answer a stale version with the current row and an unknown id as missing, both ways', async () => {
    const row = db.insert(commitments).values({ promiseId, title: 'Stale', dueDate: '2026-09-30' }).returning().get();
    const conflicts = await bothWays(async (tx) => {
      try {
        await updateVersioned(tx, commitments, row.id, 5, { progress: 1 });
      } catch (err) {
        return err;
      }
    });
    for (const err of [conflicts.kept, conflicts.built]) {
      expect(err).toBeInstanceOf(VersionConflict);
      expect((err as VersionConflict).current).toEqual(row);
    }
    const missing = await bothWays(async (tx) => {
      try {
        await updateVersioned(tx, commitments, 999_999, 1, { progress: 1 });
      } catch (err) {
        return err;
      }
    });
    expect(missing.kept).toBeInstanceOf(RowMissing);
    expect(missing.built).toBeInstanceOf(RowMissing);
  });

  it('still take an SQL expression in a patch', async () => {
    const row = db
      .insert(commitments)
      .values({ promiseId, title: 'Counted', dueDate: '2026-09-30', progress: 10 })
      .returning()
      .get();
    const updated = await updateVersioned(db, commitments, row.id, 1, {
      progress: sql`${commitments.progress} + 5` as unknown as number,
    });
    expect(updated.progress).toBe(15);
    expect(updated.version).toBe(2);
  });
});
