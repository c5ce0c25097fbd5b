// Helpers every repository uses to change data: one transaction per change, optimistic
// concurrency by version, and a generation counter so caches know when data changed.
import { and, Column, eq, is, SQL, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Db } from '../client.js';

/** A transaction: drizzle's, carrying its connection's engine and tables as `Db` does. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] & Pick<Db, 'engine' | 'tables'>;
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
export type WriteScope = {
  committed?: Promise<void>;
  /** Async bodies of this request undone after changing rows: not held against its own reads. */
  undone?: number;
};
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
  const commit = () => {
    // An async body still running has its savepoint open in this transaction: it commits after.
    const hold = holds.get(lockOf(client));
    if (hold) return void hold.then(commit);
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
  };
  setImmediate(commit);
  return batch;
}

/**
 * The shared commit open on this connection right now, if any. A read served while it is open
 * sees its writes before they are on disk (one connection, one transaction), so its answer must
 * wait for the same commit: otherwise a crash could lose an item a client was already shown, and
 * give its id to another.
 */
export function openCommit(db: Db): Promise<void> | undefined {
  const client = db.$client;
  return client.inTransaction ? openBatches.get(client)?.committed : undefined;
}

/** How many shared commits of this connection have failed and rolled back so far. */
export const failedCommits = (db: Db): number => rollbacks.get(db.$client) ?? 0;

/**
 * Runs a write as one unit: the change, its audit entry and kept counts move together.
 *
 * A synchronous body runs at once, in one go, as it always has: nothing else can run inside it.
 * An `async` body (for engines whose driver is async, issue 17) holds the connection's write lock
 * until it ends: any other write, synchronous or not, waits for it, so nothing of another
 * request's can enter its transaction; a write inside it runs as its savepoint. See
 * db/POSTGRES.md ("A transaction stays atomic on both engines").
 */
export function write<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T>;
export function write<T>(db: Db, fn: (tx: Tx) => T): Promise<T>;
export function write<T>(db: Db, fn: (tx: Tx) => T | Promise<T>): Promise<T> {
  return locked(db, fn, true);
}

/**
 * `write()` for rows no cache reads (a session's last-seen time, a failed sign-in count, a mail's
 * delivery marks): the same lock and the same shared commit, but the data generation stays, so
 * the read caches keep what they hold. A session is touched once a minute on every signed-in
 * request: counted, each touch would throw away the board's and the kiosk's cached figures.
 */
export function writeAside<T>(db: Db, fn: (tx: Tx) => T | Promise<T>): Promise<T> {
  return locked(db, fn, false);
}

function locked<T>(db: Db, fn: (tx: Tx) => T | Promise<T>, counted: boolean): Promise<T> {
  const client = db.$client;
  const hold = holds.get(lockOf(client));
  if (hold && holding.getStore() !== lockOf(client)) return hold.then(() => locked(db, fn, counted));
  if (isAsyncFunction(fn)) return writeAsync(db, fn as (tx: Tx) => Promise<T>, counted);
  try {
    return Promise.resolve(writeNow(db, fn as (tx: Tx) => T, counted));
  } catch (err) {
    return Promise.reject(err);
  }
}

function writeNow<T>(db: Db, fn: (tx: Tx) => T, counted = true): T {
  const scope = writeScope.getStore();
  const client = db.$client;
  let result: T;
  if (!scope && !client.inTransaction) {
    result = db.transaction((tx) => fn(carrying(db, tx)), { behavior: 'immediate' });
  } else {
    // Inside a shared transaction: better-sqlite3 runs a nested transaction as a savepoint.
    const batch = scope ? joinBatch(db) : undefined;
    result = nested(client)(() => fn(db as unknown as Tx)) as T;
    if (scope && batch) scope.committed = batch.committed;
  }
  if (counted) generations.set(client, (generations.get(client) ?? 0) + 1);
  return result;
}

/** Per database, while an async body runs: settles (never rejects) when it has ended. */
const holds = new WeakMap<object, Promise<void>>();
/** The database whose write lock the running code holds, so a write inside its body nests. */
const holding = new AsyncLocalStorage<object>();
/**
 * The lock is the database file's, not the connection's: a second connection to the same file in
 * this process (two app servers in one test, a script's own connection) would otherwise run its
 * statement while another's body holds the file's write lock, and wait for it synchronously, with
 * the event loop stopped, until `busy_timeout` gives up.
 */
const fileLocks = new Map<string, object>();
function lockOf(client: Database.Database): object {
  if (client.memory) return client;
  let lock = fileLocks.get(client.name);
  if (!lock) fileLocks.set(client.name, (lock = {}));
  return lock;
}

const isAsyncFunction = (fn: unknown) => typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

async function writeAsync<T>(db: Db, fn: (tx: Tx) => Promise<T>, counted = true): Promise<T> {
  const client = db.$client;
  if (holding.getStore() === lockOf(client)) return savepoint(db, fn);
  return withWriteLock(client, async () => {
    try {
      const scope = writeScope.getStore();
      if (!scope && !client.inTransaction) return await transactionOf(db, 'BEGIN IMMEDIATE', fn);
      const batch = scope ? joinBatch(db) : undefined;
      const result = await savepoint(db, fn);
      if (scope && batch) scope.committed = batch.committed;
      return result;
    } finally {
      // Before the lock is released, so the next holder already sees the new generation.
      if (counted) generations.set(client, (generations.get(client) ?? 0) + 1);
    }
  });
}

/** Runs `fn` holding the database file's write lock, once every body holding it before has ended. */
async function withWriteLock<T>(client: Database.Database, fn: () => Promise<T>): Promise<T> {
  const lock = lockOf(client);
  for (let hold = holds.get(lock); hold; hold = holds.get(lock)) await hold;
  let release!: () => void;
  holds.set(lock, new Promise<void>((resolve) => (release = resolve)));
  try {
    return await holding.run(lock, fn);
  } finally {
    holds.delete(lock);
    release();
  }
}

/** An async body in its own transaction on the connection: committed, or rolled back if it throws. */
async function transactionOf<T>(
  db: Db,
  begin: 'BEGIN IMMEDIATE' | 'BEGIN DEFERRED',
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const client = db.$client;
  client.exec(begin);
  try {
    const result = await fn(db as unknown as Tx);
    client.exec('COMMIT');
    return result;
  } catch (err) {
    if (client.inTransaction) client.exec('ROLLBACK');
    throw err;
  }
}

/**
 * An async body as a savepoint of the transaction open on the connection. Undone after it changed
 * rows, it counts as a failed commit: another request's read may have seen those rows meanwhile,
 * and is refused (server/plugins/group-commit.ts). Its own request is not, through `undone`.
 */
async function savepoint<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = db.$client;
  const changesBefore = totalChanges(client);
  client.exec('SAVEPOINT async_write');
  try {
    const result = await fn(db as unknown as Tx);
    client.exec('RELEASE async_write');
    return result;
  } catch (err) {
    if (client.inTransaction) client.exec('ROLLBACK TO async_write; RELEASE async_write');
    if (totalChanges(client) !== changesBefore) {
      rollbacks.set(client, (rollbacks.get(client) ?? 0) + 1);
      const scope = writeScope.getStore();
      if (scope) scope.undone = (scope.undone ?? 0) + 1;
    }
    throw err;
  }
}

const totalChangesStatements = new WeakMap<object, Database.Statement>();
/** Asked twice by every async body: prepared once per connection. */
function totalChanges(client: Database.Database): number {
  let statement = totalChangesStatements.get(client);
  if (!statement) totalChangesStatements.set(client, (statement = client.prepare('SELECT total_changes()').pluck()));
  return statement.get() as number;
}

/**
 * One savepoint runner per connection: better-sqlite3 builds a transaction function afresh on
 * each `transaction()` call (about 10 µs, more than the savepoint itself).
 */
const nestedRunners = new WeakMap<object, (run: () => unknown) => unknown>();
function nested(client: Database.Database): (run: () => unknown) => unknown {
  let runner = nestedRunners.get(client);
  if (!runner) nestedRunners.set(client, (runner = client.transaction((run: () => unknown) => run())));
  return runner;
}

/**
 * Runs reads that must see one moment in one transaction; inside an open shared write
 * transaction they already do.
 */
export function readTogether<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T>;
export function readTogether<T>(db: Db, fn: (tx: Tx) => T): T;
export function readTogether<T>(db: Db, fn: (tx: Tx) => T | Promise<T>): T | Promise<T> {
  if (isAsyncFunction(fn)) return readTogetherAsync(db, fn as (tx: Tx) => Promise<T>);
  if (db.$client.inTransaction) return fn(db as unknown as Tx);
  return db.transaction((tx) => (fn as (tx: Tx) => T)(carrying(db, tx)), { behavior: 'deferred' });
}

/** drizzle's own transaction object, given its connection's engine and tables. */
const carrying = (db: Pick<Db, 'engine' | 'tables'>, tx: object): Tx =>
  Object.assign(tx, { engine: db.engine, tables: db.tables }) as Tx;

/**
 * An async `readTogether` body holds the write lock as a write body does: a write landing between
 * two of its reads would otherwise run inside its read transaction (one connection) and be
 * committed or undone with it. It changes nothing, so the data generation stays.
 */
async function readTogetherAsync<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = db.$client;
  if (holding.getStore() === lockOf(client)) return fn(db as unknown as Tx);
  return withWriteLock(client, () =>
    client.inTransaction ? fn(db as unknown as Tx) : transactionOf(db, 'BEGIN DEFERRED', fn),
  );
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
 * One value per connection, made on first use: for statements prepared once and kept. Building
 * and preparing a small statement through drizzle costs more than running it (a quarter of the
 * CPU of a write request), so the hot paths keep theirs.
 */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<object, T>();
  return (db) => {
    let value = made.get(db.$client);
    if (value === undefined) made.set(db.$client, (value = make(db)));
    return value;
  };
}

/** The connection itself when `tx` is one (as inside a request's shared transaction), else undefined. */
export const connectionOf = (tx: DbOrTx): Db | undefined => ('$client' in tx ? (tx as Db) : undefined);

type PreparedRow = { get: (values: Record<string, unknown>) => unknown };
/** Per connection and table: the insert ... returning for each set of columns given. */
const insertStatements = new WeakMap<object, Map<SQLiteTable, Map<string, PreparedRow>>>();

/**
 * `db.insert(table).values(values).returning().get()`, with the statement kept per connection and
 * set of columns given. Runs inside whatever transaction the connection has open.
 */
export async function insertReturning<T extends SQLiteTable>(
  db: Db,
  table: T,
  values: InferInsertModel<T>,
): Promise<InferSelectModel<T>> {
  const given = values as Record<string, unknown>;
  const keys = Object.keys(given).filter((k) => given[k] !== undefined);
  if (keys.some((k) => isExpression(given[k])))
    return (
      await db
        .insert(table)
        .values(values as never)
        .returning()
    )[0]! as InferSelectModel<T>;
  let byTable = insertStatements.get(db.$client);
  if (!byTable) insertStatements.set(db.$client, (byTable = new Map()));
  let shapes = byTable.get(table);
  if (!shapes) byTable.set(table, (shapes = new Map()));
  const shape = keys.join(',');
  let insert = shapes.get(shape);
  if (!insert) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    const placeholders: Record<string, unknown> = {};
    for (const k of keys) placeholders[k] = sql.placeholder(k);
    insert = db
      .insert(table)
      .values(placeholders as never)
      .returning()
      .prepare() as PreparedRow;
    shapes.set(shape, insert);
  }
  return insert.get(given) as InferSelectModel<T>;
}

type VersionedStatements = { update: Map<string, PreparedRow>; current: PreparedRow };
/** Per connection and table: the versioned update for each set of patched columns, and the re-read. */
const versionedStatements = new WeakMap<object, Map<SQLiteTable, VersionedStatements>>();
/** Bounds the statements kept for one table (a PATCH may send any combination of its fields). */
const MAX_SHAPES = 200;

function statementsFor(db: Db, table: VersionedTable): VersionedStatements {
  let byTable = versionedStatements.get(db.$client);
  if (!byTable) versionedStatements.set(db.$client, (byTable = new Map()));
  let statements = byTable.get(table);
  if (!statements) {
    const current = db
      .select()
      .from(table as SQLiteTable)
      .where(eq(table.id, sql.placeholder('$id')))
      .prepare();
    byTable.set(table, (statements = { update: new Map(), current }));
  }
  return statements;
}

/**
 * Updates a row only if it still has the version the client saw. Throws RowMissing or
 * VersionConflict (with the current row) so the caller can answer 404 or 409.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: number,
  expectedVersion: number,
  patch: Partial<InferInsertModel<T>>,
): Promise<InferSelectModel<T>> {
  // Inside a request's shared transaction `tx` is the connection itself: use statements kept
  // for it. A value drizzle must build into the SQL (an expression) takes the general path.
  const keys = Object.keys(patch).filter(
    (k) => k !== 'version' && k !== 'updatedAt' && (patch as Record<string, unknown>)[k] !== undefined,
  );
  const db = connectionOf(tx);
  if (!db || keys.some((k) => isExpression((patch as Record<string, unknown>)[k])))
    return await updateVersionedBuilt(tx, table, id, expectedVersion, patch);
  const statements = statementsFor(db, table);
  const shape = keys.join(',');
  let update = statements.update.get(shape);
  if (!update) {
    if (statements.update.size >= MAX_SHAPES) statements.update.clear();
    const set: Record<string, unknown> = {
      version: sql`${table.version} + 1`,
      updatedAt: sql.placeholder('$updatedAt'),
    };
    for (const k of keys) set[k] = sql.placeholder(k);
    update = db
      .update(table)
      .set(set as never)
      .where(and(eq(table.id, sql.placeholder('$id')), eq(table.version, sql.placeholder('$version'))))
      .returning()
      .prepare() as PreparedRow;
    statements.update.set(shape, update);
  }
  const values: Record<string, unknown> = { $id: id, $version: expectedVersion, $updatedAt: new Date().toISOString() };
  for (const k of keys) values[k] = (patch as Record<string, unknown>)[k];
  const updated = update.get(values) as InferSelectModel<T> | undefined;
  if (updated) return updated;
  const current = statements.current.get({ $id: id });
  if (!current) throw new RowMissing();
  throw new VersionConflict(current);
}

const isExpression = (value: unknown) =>
  typeof value === 'object' && value !== null && (is(value, SQL) || is(value, Column));

/** The same update built afresh (outside a request, or with an expression in the patch). */
async function updateVersionedBuilt<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: number,
  expectedVersion: number,
  patch: Partial<InferInsertModel<T>>,
): Promise<InferSelectModel<T>> {
  const updated = (await tx
    .update(table)
    .set({
      ...patch,
      version: sql`${table.version} + 1`,
      updatedAt: new Date().toISOString(),
    } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as InferSelectModel<T>[];
  if (updated[0]) return updated[0];
  const current = (
    await tx
      .select()
      .from(table as SQLiteTable)
      .where(eq(table.id, id))
      .limit(1)
  )[0];
  if (!current) throw new RowMissing();
  throw new VersionConflict(current);
}
