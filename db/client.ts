// Opens the SQLite file with the pragmas every connection needs, and applies migrations.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';

/** The tables a repository reads and writes, as `db.tables` (see db/POSTGRES.md, "The async layer"). */
export type Tables = typeof schema;
export type Engine = 'sqlite' | 'postgres';

/**
 * A connection that carries its engine and its tables. Repositories take their tables from
 * `db.tables` (never from a schema file), so one body serves both engines. The drizzle type is
 * SQLite's on both: a union of the two drizzle databases cannot be called (each builder's
 * overloads differ), so PostgreSQL's connection is presented under this type, its `tables` the
 * tables of db/schema-postgres.ts, which test/db/schema-dialects.test.ts holds to the same shape.
 */
export type Db = BetterSQLite3Database<typeof schema> & {
  $client: Database.Database;
  readonly engine: Engine;
  readonly tables: Tables;
};

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  // WAL for concurrent readers; FULL so an acknowledged write survives power loss, not only a crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // What SQLite frees (an erased child's words, a deleted row) is overwritten with zeros, not left
  // in free pages for a copy of the file to give back. Measured on this 2-core machine, 2,000
  // transactions each shrinking one row and adding one (5,000 rows of ~200 bytes): 170 ms off,
  // 180 ms on (medians of 5, no fsync); with synchronous = FULL the disk's fsync dominates both.
  // Loading the demo council: 1,064 ms on, 1,486 ms off (medians of 7 on a busy machine): noise.
  sqlite.pragma('secure_delete = ON');
  // SQLite's own default page cache (2 MB) instead of better-sqlite3's 16 MB. A large council's
  // file (~350 MB) never fits either way, so reads come from the OS's file cache all the same: on
  // the bench council 100 kiosk promises' quotes read again, a grouped scan of all feedback and
  // 3,000 small write transactions took no more CPU at 2 MB (401 / 178 / 121 ms, medians of 3)
  // than at 16 MB (545 / 244 / 136 ms), and the server holds ~14 MB less.
  sqlite.pragma('cache_size = -2000');
  return Object.assign(drizzle(sqlite, { schema }), { engine: 'sqlite' as const, tables: schema });
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}

export function openAndMigrate(path: string): Db {
  const db = openDatabase(path);
  migrateDatabase(db);
  return db;
}
