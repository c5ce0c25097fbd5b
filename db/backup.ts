// Online backup and checked restore of the SQLite file. Used by `npm run db:backup`,
// `npm run db:restore` and the scheduled backup plugin.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { migrationsFolder } from './client.js';

/** The file a running server writes its process id to while it has the database open. */
export const pidFileFor = (databasePath: string) => `${resolve(databasePath)}.pid`;

/** The migrations this code knows, oldest first, as drizzle records them (`created_at`). */
export function knownSchemaVersions(): number[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.map((e) => e.when);
}

/**
 * Copies a live database with SQLite's online backup API: consistent even while the server is
 * writing (pages changed mid-copy are copied again), and it never blocks the server for long.
 * Writes to a temporary name and renames, so a half-made backup never looks like a backup.
 */
export async function backupDatabase(source: Database.Database | string, destination: string): Promise<void> {
  const db = typeof source === 'string' ? new Database(source, { fileMustExist: true }) : source;
  if (typeof source === 'string') db.pragma('busy_timeout = 5000');
  const partial = `${destination}.partial`;
  try {
    rmSync(partial, { force: true });
    await db.backup(partial);
    // A backup is one self-contained file: no WAL beside it to lose when it is copied.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    fsyncFile(partial);
    const problem = checkDatabaseFile(partial);
    if (problem) throw new Error(`the backup failed its check: ${problem}`);
    renameSync(partial, destination);
    fsyncFile(dirname(resolve(destination)));
  } finally {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    if (typeof source === 'string') db.close();
  }
}

/**
 * Why a file cannot be restored, or null if it can: it must open as SQLite, pass
 * `PRAGMA integrity_check`, and carry a schema version this code knows (older ones are
 * upgraded at the next start; a newer or unknown one is refused).
 */
export function checkDatabaseFile(path: string): string | null {
  if (!existsSync(path)) return `${path} does not exist`;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `integrity check failed: ${String(integrity)}`;
    const hasTable = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
      .get();
    if (!hasTable) return 'it is not a Promise Tracker database (no migration history)';
    const applied = (
      db.prepare('select created_at as at from __drizzle_migrations order by created_at').all() as {
        at: number;
      }[]
    ).map((r) => Number(r.at));
    const known = knownSchemaVersions();
    if (applied.length === 0) return 'it has no schema version';
    const unknown = applied.filter((at) => !known.includes(at));
    if (unknown.length > 0)
      return `its schema version (${applied.length}, ${unknown.join(', ')}) is newer than or unknown to this release (${known.length})`;
    return null;
  } catch (err) {
    return `it could not be read as a database: ${(err as Error).message}`;
  } finally {
    db?.close();
  }
}

/** True while a server process that has this database open is still running. */
export function serverIsRunning(databasePath: string): number | null {
  const pidFile = pidFileFor(databasePath);
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a stale file left by a crash
  }
}

/**
 * Replaces `databasePath` with a checked copy of `backupFile`. The current file (if any) is kept
 * beside it as `<name>.before-restore-<time>`. Refuses while a server has the database open.
 * Returns the path the previous database was moved to, or null if there was none.
 */
export function restoreDatabase(backupFile: string, databasePath: string, now = new Date()): string | null {
  const running = serverIsRunning(databasePath);
  if (running) throw new Error(`a server (process ${running}) is using ${databasePath}; stop it first`);
  const problem = checkDatabaseFile(backupFile);
  if (problem) throw new Error(`refusing to restore ${backupFile}: ${problem}`);

  const target = resolve(databasePath);
  const incoming = `${target}.restoring`;
  // Copy through SQLite so the result is one self-contained file with no WAL to lose.
  const src = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    rmSync(incoming, { force: true });
    src.prepare('vacuum into ?').run(incoming);
  } finally {
    src.close();
  }
  fsyncFile(incoming);

  let kept: string | null = null;
  if (existsSync(target)) {
    // Fold any WAL into the old file first so the kept copy is complete on its own.
    const old = new Database(target, { fileMustExist: true });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  fsyncFile(dirname(target));
  return kept;
}

function fsyncFile(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
