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

/** When a scheduled backup was taken, from its name. */
const takenAt = (name: string) => {
  const [, d, t] = /(\d{8})T(\d{6})Z/.exec(name) ?? [];
  return Date.parse(
    `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}Z`,
  );
};

/**
 * Deletes all but the newest `keep` scheduled backups in `dir` (names sort by time), and, when
 * `maxAgeMs` is given, any older than that whatever their number: erased words then leave the
 * backups within the retention period even after the schedule stopped for a while. `series`
 * picks other backups by the same rule (PostgreSQL's dumps, scripts/backup.ts).
 */
export function pruneBackups(dir: string, keep: number, maxAgeMs?: number, now = new Date(), series = NAME): string[] {
  const all = readdirSync(dir)
    .filter((f) => series.test(f))
    .sort();
  const gone = all.filter(
    (f, i) => i < all.length - keep || (maxAgeMs !== undefined && now.getTime() - takenAt(f) > maxAgeMs),
  );
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
    // The retention period of backups: `keep` runs. Older ones go even when fewer are kept (after
    // a pause), so a child's erased words are in no backup for longer than this.
    const maxAgeMs = opts.keep * opts.everyMinutes * 60_000;
    pruneBackups(opts.dir, opts.keep, maxAgeMs, app.clock.now());
    let running: Promise<string> | null = null;

    const backupNow = () => {
      // One at a time: a slow backup is never overlapped by the next tick.
      running ??= (async () => {
        const file = join(opts.dir, backupName(app.clock.now()));
        try {
          await backupDatabase(app.db.$client, file);
          pruneBackups(opts.dir, opts.keep, maxAgeMs, app.clock.now());
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
