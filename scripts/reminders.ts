// Today's reminders from the command line, for cron or to see what the server would send.
//   npm run reminders -- --dry-run   prints what would be sent today, and to whom; sends nothing
//   npm run reminders                queues today's reminders once and delivers them (SMTP_URL)
// Safe beside a running server: what was sent is recorded (reminder_sends), so nothing goes twice.
import { loadConfig, smtpConfigured } from '../server/config.js';
import { openAndMigrate } from '../db/client.js';
import { ensureSettings } from '../db/repositories/settings.js';
import { planReminders, sendReminders } from '../server/services/reminders.js';
import { buildApp } from '../server/app.js';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length) {
  console.error(`Unknown option ${unknown[0]}: use --dry-run or nothing.`);
  process.exit(2);
}
const config = loadConfig();
const db = openAndMigrate(config.DATABASE_PATH);
await ensureSettings(db);
const now = new Date();

if (args.includes('--dry-run')) {
  const { today, planned } = await planReminders(db, now);
  console.log(`Reminders for ${today}: ${planned.length} to send.`);
  for (const p of planned) {
    const to = p.person.email || '(nobody named in settings: recorded only)';
    const what = p.escalation
      ? `escalation to ${p.escalation.rung}: ${p.escalation.title} (${p.escalation.cycles} board cycles)`
      : `${p.kind} digest, ${p.items.length} item${p.items.length === 1 ? '' : 's'}`;
    console.log(`  ${to}: ${what}`);
  }
  if (!smtpConfigured(config)) console.log('SMTP_URL is not set: a real run records escalations but sends no email.');
  db.$client.close();
} else {
  const result = await sendReminders(db, now, { publicUrl: config.PUBLIC_URL, mail: smtpConfigured(config) });
  // Deliver now rather than wait for the server's next poll: the app's mail sender, on this database.
  const app = await buildApp({ config: { ...config, LOG_LEVEL: 'warn' }, db });
  const sent = await app.deliverMail();
  await app.close();
  db.$client.close();
  console.log(`Queued ${result.queued} reminder emails, sent ${sent}; ${result.escalated} escalations recorded.`);
}
