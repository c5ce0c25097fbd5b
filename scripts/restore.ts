// Replaces DATABASE_PATH with a backup, after checking it:
//   npm run db:restore -- <file>
// Stop the server first: this refuses while a server has the database open. The backup must pass
// `PRAGMA integrity_check` and carry a schema version this release knows; the database it
// replaces is kept beside it as <name>.before-restore-<time>.
import { loadConfig } from '../server/config.js';
import { restoreDatabase } from '../db/backup.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('Usage: npm run db:restore -- <file>');
  process.exit(2);
}
const config = loadConfig();
try {
  const kept = restoreDatabase(file, config.DATABASE_PATH);
  console.log(`Restored ${file} to ${config.DATABASE_PATH}.`);
  if (kept) console.log(`The database it replaced is kept at ${kept}.`);
} catch (err) {
  console.error(`Restore refused: ${(err as Error).message}`);
  process.exit(1);
}
