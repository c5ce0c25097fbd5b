// Guarantee 5: an online backup taken while the server writes restores to exactly what it
// captured; restore refuses a damaged file, a foreign schema, and a database a server is using;
// scheduled backups keep only the newest few.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { headers, prepareDatabase, removeBuiltServer, signIn, startServer } from './server-process.js';
import { checkDatabaseFile, restoreDatabase } from '../../db/backup.js';
import backupSchedule, { backupName, pruneBackups } from '../../server/plugins/backup-schedule.js';
import { makeTestApp } from '../helpers/app.js';
import { scaled, until } from '../helpers/slowness.js';

const dirs: string[] = [];
afterAll(() => {
  removeBuiltServer();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every table's rows, in a stable order: what "the same contents" means. */
function contents(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (
      db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

const runScript = (script: string, args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('backup and restore', () => {
  it(
    'round-trips a backup taken under write load, and refuses to restore over a running server',
    async () => {
      const prepared = await prepareDatabase(['admin']);
      dirs.push(prepared.dir);
      // Scheduled backups run too, every 0.6 s, keeping two.
      const scheduled = join(prepared.dir, 'scheduled');
      const server = await startServer(prepared.dbPath, {
        BACKUP_DIR: scheduled,
        BACKUP_EVERY_MINUTES: '0.01',
        BACKUP_KEEP: '2',
      });
      const s = await signIn(server.url);
      const acked: number[] = [];
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const res = await fetch(`${server.url}/api/v1/themes`, {
            method: 'POST',
            headers: headers(s),
            body: JSON.stringify({ name: `bk ${w}-${i}`, childName: 'x' }),
          });
          if (res.status === 201) acked.push(((await res.json()) as { id: number }).id);
        }
      };
      const writers = [0, 1].map(writer);
      await until(() => acked.length >= 10, 'the writers to save some themes');

      const backupFile = join(prepared.dir, 'backup.db');
      const ackedBefore = [...acked];
      const out = runScript('scripts/backup.ts', [backupFile], { DATABASE_PATH: prepared.dbPath });
      expect(out).toContain('Backed up');
      const ackedByBackupEnd = acked.length;
      await until(() => acked.length > ackedByBackupEnd, 'a write after the backup');
      await until(() => existsSync(scheduled) && readdirSync(scheduled).length > 0, 'a scheduled backup');

      // While the server runs, restore refuses to touch its file.
      expect(() => restoreDatabase(backupFile, prepared.dbPath)).toThrow(/is using/);

      stop = true;
      await Promise.all(writers);
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const kept = readdirSync(scheduled);
      expect(kept.length).toBeGreaterThanOrEqual(1);
      expect(kept.length).toBeLessThanOrEqual(2);
      for (const f of kept) {
        expect(f).toMatch(/^promise-tracker-\d{8}T\d{6}Z\.db$/);
        expect(checkDatabaseFile(join(scheduled, f))).toBeNull();
      }

      const snapshot = contents(backupFile);
      const backupIds = new Set((snapshot.themes as { id: number }[]).map((t) => t.id));
      for (const id of ackedBefore) expect(backupIds.has(id)).toBe(true);
      // It was taken under load: the live database went on past it.
      expect(acked.length).toBeGreaterThan(ackedBefore.length);
      expect(checkDatabaseFile(backupFile)).toBeNull();

      const restored = runScript('scripts/restore.ts', [backupFile], { DATABASE_PATH: prepared.dbPath });
      expect(restored).toContain('Restored');
      expect(contents(prepared.dbPath)).toEqual(snapshot);
      expect(readdirSync(prepared.dir).filter((f) => f.includes('before-restore'))).toHaveLength(1);

      // The restored database serves.
      const again = await startServer(prepared.dbPath);
      const res = await fetch(`${again.url}/api/v1/themes`, { headers: headers(await signIn(again.url)) });
      expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(backupIds.size);
      again.proc.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    },
    scaled(40_000),
  );

  it(
    'refuses a damaged file, a foreign file and a newer schema version, leaving the database untouched',
    async () => {
      const prepared = await prepareDatabase(['admin']);
      dirs.push(prepared.dir);
      const before = contents(prepared.dbPath);

      const corrupt = join(prepared.dir, 'corrupt.db');
      copyFileSync(prepared.dbPath, corrupt);
      const bytes = new Database(corrupt);
      const pageSize = bytes.pragma('page_size', { simple: true }) as number;
      bytes.close();
      // Overwrite the middle of the file (past the header) with noise.
      const fd = openSync(corrupt, 'r+');
      writeSync(fd, Buffer.alloc(pageSize * 3, 0x5a), 0, pageSize * 3, pageSize * 2);
      closeSync(fd);
      expect(() => restoreDatabase(corrupt, prepared.dbPath)).toThrow(/refusing/);

      const notSqlite = join(prepared.dir, 'notes.txt');
      writeFileSync(notSqlite, 'these are not the droids');
      expect(() => restoreDatabase(notSqlite, prepared.dbPath)).toThrow(/could not be read/);

      const foreign = join(prepared.dir, 'foreign.db');
      new Database(foreign).exec('create table t (x); insert into t values (1);').close();
      expect(() => restoreDatabase(foreign, prepared.dbPath)).toThrow(/not a Promise Tracker database/);

      const newer = join(prepared.dir, 'newer.db');
      copyFileSync(prepared.dbPath, newer);
      const n = new Database(newer);
      n.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', 4_102_444_800_000);
      n.close();
      expect(() => restoreDatabase(newer, prepared.dbPath)).toThrow(/newer than or unknown/);

      expect(() => runScript('scripts/restore.ts', [newer], { DATABASE_PATH: prepared.dbPath })).toThrow(
        /Restore refused/,
      );
      expect(contents(prepared.dbPath)).toEqual(before);
      expect(readdirSync(prepared.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    },
    scaled(20_000),
  );

  it('takes scheduled backups and keeps only the newest BACKUP_KEEP', async () => {
    let minute = 0;
    const clock = { now: () => new Date(Date.UTC(2026, 5, 15, 12, minute)) };
    const t = await makeTestApp({ clock });
    const backupDir = mkdtempSync(join(tmpdir(), 'pt-sched-'));
    dirs.push(backupDir);
    await t.app.register(backupSchedule, { dir: backupDir, everyMinutes: 60, keep: 2 });
    await t.app.ready();
    const made: string[] = [];
    for (minute = 0; minute < 4; minute++) made.push(await t.app.backupNow());
    const left = readdirSync(backupDir).sort();
    expect(left).toEqual(['promise-tracker-20260615T120200Z.db', 'promise-tracker-20260615T120300Z.db']);
    expect(existsSync(made[3]!)).toBe(true);
    expect(checkDatabaseFile(made[3]!)).toBeNull();
    await t.close();
  });

  it('deletes backups older than BACKUP_KEEP runs even when fewer are left, so erased words leave them', async () => {
    const backupDir = mkdtempSync(join(tmpdir(), 'pt-prune-'));
    dirs.push(backupDir);
    const now = new Date(Date.UTC(2026, 5, 15, 12, 0));
    const daysAgo = (d: number) => backupName(new Date(now.getTime() - d * 86_400_000));
    // The schedule stopped for three weeks: four backups left, two older than 14 daily runs.
    for (const d of [30, 15, 13, 1]) writeFileSync(join(backupDir, daysAgo(d)), '');
    writeFileSync(join(backupDir, 'kept-by-hand.db'), '');
    expect(pruneBackups(backupDir, 14, 14 * 86_400_000, now)).toEqual([daysAgo(30), daysAgo(15)]);
    expect(readdirSync(backupDir).sort()).toEqual(['kept-by-hand.db', daysAgo(13), daysAgo(1)].sort());
    // The server prunes when the schedule starts, not only after its first backup a day later.
    writeFileSync(join(backupDir, daysAgo(20)), '');
    const t = await makeTestApp({ clock: { now: () => now } });
    await t.app.register(backupSchedule, { dir: backupDir, everyMinutes: 1440, keep: 14 });
    await t.app.ready();
    expect(existsSync(join(backupDir, daysAgo(20)))).toBe(false);
    expect(existsSync(join(backupDir, daysAgo(13)))).toBe(true);
    await t.close();
  });
});
