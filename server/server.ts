// Starts and stops the app. Everything else lives in app.ts.
//
// Stopping is graceful: on SIGTERM or SIGINT the server stops accepting connections, lets every
// request already being answered finish, answers any request still arriving on an open keep-alive
// connection with a 503 (every answer from then on carries `Connection: close`, so the client
// does not reuse the socket and the server closes it), closes keep-alive connections left idle,
// closes the database, and exits. If that takes longer than SHUTDOWN_GRACE_MS the remaining
// connections are cut and it exits 1.
//
// Idle keep-alive connections are closed only once no answer has ended for IDLE_GRACE_MS, so each
// of them has been idle at least that long, not at once as Node's server.close() does: a busy
// client sends its next request on the socket a moment after its last answer, and a socket
// closed under it in that moment is a reset instead of the documented 503. A client that leaves
// its socket idle for longer may find it closed, as HTTP allows any server to do; a request that
// meets a closed socket was never read, so it can be sent again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import backupSchedule from './plugins/backup-schedule.js';
import retentionSchedule from './plugins/retention-schedule.js';
import reminderSchedule from './plugins/reminder-schedule.js';
import { openAndMigrate } from '../db/client.js';
import { demoAccountsExist } from '../db/repositories/users.js';
import { isEmptyCouncil, seedDemo } from '../db/seed/demo.js';
import { pidFileFor } from '../db/backup.js';
import { warmKeptFigures } from '../db/repositories/board-kept-loop.js';

const SHUTDOWN_GRACE_MS = 4500;
const IDLE_GRACE_MS = 300;

const config = loadConfig();
const db = openAndMigrate(config.DATABASE_PATH);

if (config.SEED_DEMO && config.NODE_ENV !== 'production' && isEmptyCouncil(db)) {
  await seedDemo(db);
  console.log('Loaded the demo council into an empty database.');
}
if (config.NODE_ENV === 'production' && (await demoAccountsExist(db))) {
  console.error(
    'Refusing to start in production while demo accounts exist. Remove them with `npm run user -- disable <email>`.',
  );
  process.exit(1);
}

const app = await buildApp({ config, db });
if (config.BACKUP_DIR) {
  await app.register(backupSchedule, {
    dir: config.BACKUP_DIR,
    everyMinutes: config.BACKUP_EVERY_MINUTES,
    keep: config.BACKUP_KEEP,
  });
}
// The daily retention run (the council's setting); `npm run retention` does the same from cron.
await app.register(retentionSchedule);
if (config.REMINDER_EVERY_MINUTES > 0)
  await app.register(reminderSchedule, { everyMinutes: config.REMINDER_EVERY_MINUTES });

// Requests being answered right now, so shutdown can tell them to close their connection.
const inFlight = new Set<ServerResponse>();
/** When the last answer ended: a keep-alive socket idle now has been idle at least since then. */
let lastAnswerEnded = 0;
// First, before Fastify answers: a request refused while closing is answered synchronously.
app.server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
  if (closing && !res.headersSent) res.setHeader('Connection', 'close');
  inFlight.add(res);
  res.once('close', () => {
    inFlight.delete(res);
    lastAnswerEnded = Date.now();
  });
});

// Marks the database as in use, so `npm run db:restore` refuses to replace it under us.
const pidFile = pidFileFor(config.DATABASE_PATH);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; cutting the remaining connections');
    app.server.closeAllConnections();
    finish(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  try {
    // Fastify stops accepting connections, closes idle keep-alive sockets and waits for the rest;
    // requests that arrive on a busy keep-alive socket meanwhile get a problem+json 503 with
    // Retry-After and Connection: close (the errors plugin).
    // Node's close() (and Fastify's) would end every idle keep-alive socket at once; instead
    // they are ended once no answer has ended for IDLE_GRACE_MS (looked at every IDLE_GRACE_MS),
    // so none is ended a moment after its last answer, while its client is sending the next.
    const closeIdle = app.server.closeIdleConnections.bind(app.server);
    app.server.closeIdleConnections = () => {};
    const sweep = setTimeout(function again() {
      if (Date.now() - lastAnswerEnded >= IDLE_GRACE_MS) closeIdle();
      sweep.refresh();
    }, IDLE_GRACE_MS);
    sweep.unref();
    const closed = app.close();
    await closed;
    clearTimeout(sweep);
    finish(0);
  } catch (err) {
    app.log.error({ err }, 'error during shutdown');
    finish(1);
  }
}

function finish(code: number) {
  try {
    if (db.$client.open) db.$client.close();
  } finally {
    rmSync(pidFile, { force: true });
    process.exit(code);
  }
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// The board's and the kiosk's kept figures are built before the first request is accepted.
await warmKeptFigures(db);
const address = await app.listen({ port: config.PORT, host: config.HOST });
writeFileSync(pidFile, String(process.pid));
// A plain line operators (and the reliability tests) can read whatever LOG_LEVEL is.
console.log(`Promise Tracker listening on ${address}`);
