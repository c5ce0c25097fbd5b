// Erases the original words of feedback whose loop closed more than the council's retention
// period ago (Settings: retention), the same run the server makes daily. For cron:
//   npm run retention
// Safe beside a running server: each item is its own short transaction, and the server's caches
// notice another connection's commit.
import { existsSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { openAndMigrate } from '../db/client.js';
import { systemActor } from '../db/repositories/audit.js';
import { forgetFreedPages, runRetention } from '../server/services/erasure.js';

const config = loadConfig();
if (!existsSync(config.DATABASE_PATH)) {
  console.error(`There is no database at ${config.DATABASE_PATH}.`);
  process.exit(1);
}
const db = openAndMigrate(config.DATABASE_PATH);
try {
  const run = await runRetention(db, { ...systemActor, email: 'retention' }, new Date());
  if (run.erased > 0) await forgetFreedPages(db);
  console.log(
    run.erased === 0
      ? `Retention: no words were due (loops closed on or before ${run.cutoff}).`
      : `Retention: erased the words of ${run.erased} ${run.erased === 1 ? 'item' : 'items'} (loops closed on or before ${run.cutoff}).`,
  );
} finally {
  db.$client.close();
}
