// The daily retention run: once soon after start and then every 24 hours, the original words of
// items whose loop closed more than the council's retention period ago are erased (see
// server/services/erasure.ts). `npm run retention` does the same from cron.
import fp from 'fastify-plugin';
import { systemActor } from '../../db/repositories/audit.js';
import { forgetFreedPages, runRetention, type RetentionRun } from '../services/erasure.js';

export type RetentionScheduleOptions = { everyMs?: number; firstAfterMs?: number };

const DAY_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs retention now (also what the timer calls). */
    retentionNow: () => Promise<RetentionRun>;
  }
}

export default fp<RetentionScheduleOptions>(
  async (app, opts) => {
    let running: Promise<RetentionRun> | null = null;
    const retentionNow = () => {
      // One at a time. Cleared when the run settles, not in its own body: a run with nothing to
      // do finishes before `running` is even assigned.
      running ??= (async () => {
        const run = await runRetention(app.db, systemActor, app.clock.now());
        if (run.erased > 0) {
          await forgetFreedPages(app.db);
          app.log.info({ erased: run.erased }, 'retention erased words');
        }
        return run;
      })().finally(() => {
        running = null;
      });
      return running;
    };
    app.decorate('retentionNow', retentionNow);

    const tick = () => void retentionNow().catch((err: unknown) => app.log.error({ err }, 'retention run failed'));
    const first = setTimeout(tick, opts.firstAfterMs ?? 60_000);
    const timer = setInterval(tick, opts.everyMs ?? DAY_MS);
    first.unref();
    timer.unref();
    app.addHook('onClose', async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    });
  },
  { name: 'retention-schedule', dependencies: ['context'] },
);
