// Takes an online backup of DATABASE_PATH while the server keeps running:
//   npm run db:backup -- <file>
// Uses SQLite's backup API, checks the copy's integrity, and only then gives it its name.
import { existsSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { backupDatabase } from '../db/backup.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('Usage: npm run db:backup -- <file>');
  process.exit(2);
}
const config = loadConfig();
if (!existsSync(config.DATABASE_PATH)) {
  console.error(`There is no database at ${config.DATABASE_PATH}.`);
  process.exit(1);
}
try {
  await backupDatabase(config.DATABASE_PATH, file);
  console.log(`Backed up ${config.DATABASE_PATH} to ${file}`);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
