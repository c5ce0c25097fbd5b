// Helpers every repository uses to change data: one transaction per change, optimistic
// concurrency by version, and a generation counter so caches know when data changed.
import { and, eq, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Db } from '../client.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const generations = new WeakMap<object, number>();
/** Shared commits that failed and rolled back, per connection: what was read from them is gone. */
const rollbacks = new WeakMap<object, number>();

/**
 * Group commit. With synchronous = FULL every commit waits for the disk (about 3 ms here), which
 * caps one-commit-per-write at a few hundred writes a second. Writes made while serving
 * requests in the same turn of the event loop therefore share one transaction and one disk
 * flush: each write is its own savepoint (so a failed one undoes only itself), the shared
 * transaction commits on the next turn, and no response is sent until that commit is on disk
 * (server/plugins/group-commit.ts awaits `scope.committed`). An acknowledged write is still
 * durable; a commit that fails answers every request in the group with an error, and none of
 * their changes is kept. Outside a request (scripts, tests calling repositories) a write
 * commits at once, as before.
 */
export type WriteScope = { committed?: Promise<void> };
export const writeScope = new AsyncLocalStorage<WriteScope>();

type Batch = { committed: Promise<void> };
const openBatches = new WeakMap<object, Batch>();

function joinBatch(db: Db): Batch {
  const client = db.$client;
  const open = openBatches.get(client);
  if (open && client.inTransaction) return open;
  client.exec('BEGIN IMMEDIATE');
  let settle!: { resolve: () => void; reject: (err: unknown) => void };
  const committed = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting yet; the plugin attaches its own handler to the same promise.
  committed.catch(() => {});
  const batch = { committed };
  openBatches.set(client, batch);
  setImmediate(() => {
    openBatches.delete(client);
    try {
      client.exec('COMMIT');
      settle.resolve();
    } catch (err) {
      if (client.inTransaction) client.exec('ROLLBACK');
      // What was cached from the rolled-back writes must not outlive them.
      generations.set(client, (generations.get(client) ?? 0) + 1);
      rollbacks.set(client, (rollbacks.get(client) ?? 0) + 1);
      settle.reject(err);
    }
  });
  return batch;
}

/** Runs a write as one unit: the change, its audit entry and kept counts move together. */
export function write<T>(db: Db, fn: (tx: Tx) => T): T {
  const scope = writeScope.getStore();
  const client = db.$client;
  let result: T;
  if (!scope && !client.inTransaction) {
    result = db.transaction(fn, { behavior: 'immediate' });
  } else {
    // Inside a shared transaction: better-sqlite3 runs a nested transaction as a savepoint.
    const batch = scope ? joinBatch(db) : undefined;
    result = client.transaction(() => fn(db as unknown as Tx))();
    if (scope && batch) scope.committed = batch.committed;
  }
  generations.set(client, (generations.get(client) ?? 0) + 1);
  return result;
}

/**
 * Runs reads that must see one moment in one transaction; inside an open shared write
 * transaction they already do.
 */
export function readTogether<T>(db: Db, fn: (tx: Tx) => T): T {
  if (db.$client.inTransaction) return fn(db as unknown as Tx);
  return db.transaction(fn, { behavior: 'deferred' });
}

/**
 * Changes whenever this process writes, or another connection (a script, a backup restore)
 * commits: data_version moves only for other connections' commits.
 */
export function dataGeneration(db: Db): string {
  const client = db.$client;
  let statement = dataVersionStatements.get(client);
  if (!statement) {
    // Asked on every read: preparing it each time was ~5% of a cached read's CPU.
    statement = client.prepare('PRAGMA data_version').pluck();
    dataVersionStatements.set(client, statement);
  }
  return `${generations.get(client) ?? 0}:${statement.get() as number}`;
}

/**
 * Moves only when another connection commits or a shared commit of this one rolls back: for
 * caches of data this process changes only through known paths (settings), which count their
 * own changes instead of every write's.
 */
export function outsideGeneration(db: Db): string {
  const client = db.$client;
  return `${rollbacks.get(client) ?? 0}:${otherCommits(client)}`;
}

function otherCommits(client: Database.Database): number {
  let statement = dataVersionStatements.get(client);
  if (!statement) {
    statement = client.prepare('PRAGMA data_version').pluck();
    dataVersionStatements.set(client, statement);
  }
  return statement.get() as number;
}

const dataVersionStatements = new WeakMap<object, Database.Statement>();

export type VersionedTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt: SQLiteColumn;
};

export class VersionConflict extends Error {
  constructor(readonly current: unknown) {
    super('version conflict');
  }
}

export class RowMissing extends Error {}

/**
 * Updates a row only if it still has the version the client saw. Throws RowMissing or
 * VersionConflict (with the current row) so the caller can answer 404 or 409.
 */
export function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: number,
  expectedVersion: number,
  patch: Partial<InferInsertModel<T>>,
): InferSelectModel<T> {
  const updated = tx
    .update(table)
    .set({
      ...patch,
      version: sql`${table.version} + 1`,
      updatedAt: new Date().toISOString(),
    } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()
    .all() as InferSelectModel<T>[];
  if (updated[0]) return updated[0];
  const current = tx
    .select()
    .from(table as SQLiteTable)
    .where(eq(table.id, id))
    .get();
  if (!current) throw new RowMissing();
  throw new VersionConflict(current);
}
