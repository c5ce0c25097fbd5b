// Scheduled online backups with retention: every `everyMinutes` the live database is copied with
// SQLite's backup API into `dir` as promise-tracker-<UTC time>.db, and only the newest `keep`
// are kept. Configured by BACKUP_DIR, BACKUP_EVERY_MINUTES and BACKUP_KEEP; off when no folder.
import fp from 'fastify-plugin';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase } from '../../db/backup.js';

export type BackupScheduleOptions = { dir: string; everyMinutes: number; keep: number };

const NAME = /^promise-tracker-\d{8}T\d{6}Z\.db$/;

export const backupName = (at: Date) =>
  `promise-tracker-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.db`;

/** Deletes all but the newest `keep` scheduled backups in `dir` (names sort by time). */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort();
  const gone = all.slice(0, Math.max(0, all.length - keep));
  for (const f of gone) rmSync(join(dir, f), { force: true });
  return gone;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Takes a scheduled backup now (also what the timer calls); resolves to its path. */
    backupNow: () => Promise<string>;
  }
}

export default fp<BackupScheduleOptions>(
  async (app, opts) => {
    mkdirSync(opts.dir, { recursive: true });
    let running: Promise<string> | null = null;

    const backupNow = () => {
      // One at a time: a slow backup is never overlapped by the next tick.
      running ??= (async () => {
        const file = join(opts.dir, backupName(app.clock.now()));
        try {
          await backupDatabase(app.db.$client, file);
          pruneBackups(opts.dir, opts.keep);
          app.log.info({ file }, 'scheduled backup written');
          return file;
        } finally {
          running = null;
        }
      })();
      return running;
    };
    app.decorate('backupNow', backupNow);

    const timer = setInterval(() => {
      backupNow().catch((err: unknown) => app.log.error({ err }, 'scheduled backup failed'));
    }, opts.everyMinutes * 60_000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    });
  },
  { name: 'backup-schedule', dependencies: ['context'] },
);
