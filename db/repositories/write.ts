// Helpers every repository uses to change data: one transaction per change, optimistic
// concurrency by version, and a generation counter so caches know when data changed.
import { and, eq, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const generations = new WeakMap<object, number>();

/** Runs a write in one IMMEDIATE transaction: the change, its audit entry and kept counts move together. */
export function write<T>(db: Db, fn: (tx: Tx) => T): T {
  const result = db.transaction(fn, { behavior: 'immediate' });
  generations.set(db.$client, (generations.get(db.$client) ?? 0) + 1);
  return result;
}

/**
 * Changes whenever this process writes, or another connection (a script, a backup restore)
 * commits: data_version moves only for other connections' commits.
 */
export function dataGeneration(db: Db): string {
  const external = db.$client.pragma('data_version', { simple: true }) as number;
  return `${generations.get(db.$client) ?? 0}:${external}`;
}

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
