// Delivers the email outbox (db/repositories/outbox.ts) through SMTP_URL with nodemailer. A timer
// (unref'd, stopped on close) looks for due messages; a failed attempt waits MAIL_RETRY_SECONDS,
// then twice as long each time, and after MAX_ATTEMPTS the message is marked failed for an admin
// to see. Without SMTP_URL messages stay waiting: nothing is lost, and the outbox page says so.
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import { dueMail, markAttemptFailed, markSent } from '../../db/repositories/outbox.js';

export const MAX_ATTEMPTS = 10;
const MAX_WAIT_MS = 6 * 3_600_000;

/** How long to wait after the given number of failed attempts (1, 2, …): doubling, capped at 6 hours. */
export const retryDelayMs = (baseSeconds: number, attempts: number) =>
  Math.min(baseSeconds * 1000 * 2 ** (attempts - 1), MAX_WAIT_MS);

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends every due message now (also what the timer calls); resolves to how many were sent. */
    deliverMail: () => Promise<number>;
  }
}

export default fp(
  async (app) => {
    const { SMTP_URL, MAIL_FROM, MAIL_RETRY_SECONDS, MAIL_POLL_SECONDS } = app.config;
    // Refuse to start rather than queue email that every server would reject.
    if (SMTP_URL && !MAIL_FROM)
      throw new Error('SMTP_URL is set but MAIL_FROM is not: set the address email comes from');
    // nodemailer upgrades an smtp:// connection with STARTTLS whenever the server offers it.
    const transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
    let running: Promise<number> | null = null;

    const deliverOnce = async () => {
      if (!transport) return 0;
      let sent = 0;
      for (const mail of await dueMail(app.db, app.clock.now())) {
        const attempts = mail.attempts + 1;
        try {
          await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
          await markSent(app.db, mail.id, attempts, app.clock.now());
          sent++;
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          const next =
            attempts >= MAX_ATTEMPTS
              ? null
              : new Date(app.clock.now().getTime() + retryDelayMs(MAIL_RETRY_SECONDS, attempts));
          await markAttemptFailed(app.db, mail.id, attempts, error.slice(0, 500), next);
          app.log.warn({ outboxId: mail.id, attempts, error }, next ? 'email not sent; will retry' : 'email failed');
        }
      }
      return sent;
    };
    // One run at a time: a slow mail server is never hit by two overlapping runs.
    const deliverMail = () => {
      running ??= deliverOnce().finally(() => (running = null));
      return running;
    };
    app.decorate('deliverMail', deliverMail);

    if (!transport) return;
    const timer = setInterval(() => {
      deliverMail().catch((err: unknown) => app.log.error({ err }, 'mail sender failed'));
    }, MAIL_POLL_SECONDS * 1000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
      transport.close();
    });
  },
  { name: 'mail-sender', dependencies: ['context'] },
);
