// Sends the reminders on its own: every `everyMinutes` (and once shortly after start) the server
// tries to take the `reminders` lease in the database; whichever process holds it queues today's
// reminders (server/services/reminders.ts) and delivers them. With several app servers on one
// database only the lease holder sends, and reminder_sends stops anything going twice even if a
// lease ran out mid-run. The timer is unref'd and stopped on close.
import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import { smtpConfigured } from '../config.js';
import { releaseLease, takeLease } from '../../db/repositories/reminders.js';
import { sendReminders } from '../services/reminders.js';

export type ReminderScheduleOptions = { everyMinutes: number; firstAfterMs?: number };

export const REMINDER_LEASE = 'reminders';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the reminders now if this process can take the lease; null when another holds it. */
    runReminders: () => Promise<{ queued: number; escalated: number } | null>;
  }
}

export default fp<ReminderScheduleOptions>(
  async (app, opts) => {
    const holder = `${process.pid}-${randomUUID()}`;
    const leaseMs = Math.max(opts.everyMinutes * 60_000, 60_000);
    let running: Promise<{ queued: number; escalated: number } | null> | null = null;

    const runOnce = async () => {
      if (!(await takeLease(app.db, REMINDER_LEASE, holder, app.clock.now(), leaseMs))) return null;
      const result = await sendReminders(app.db, app.clock.now(), {
        publicUrl: app.config.PUBLIC_URL,
        mail: smtpConfigured(app.config),
      });
      if (result.queued || result.escalated) app.log.info(result, 'reminders queued');
      if (result.queued) await app.deliverMail();
      return result;
    };
    const runReminders = () => {
      running ??= runOnce().finally(() => (running = null));
      return running;
    };
    app.decorate('runReminders', runReminders);

    const tick = () => {
      runReminders().catch((err: unknown) => app.log.error({ err }, 'reminders failed'));
    };
    const first = setTimeout(tick, opts.firstAfterMs ?? 60_000);
    first.unref();
    const timer = setInterval(tick, opts.everyMinutes * 60_000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
      await releaseLease(app.db, REMINDER_LEASE, holder);
    });
  },
  { name: 'reminder-schedule', dependencies: ['context', 'mail-sender'] },
);
