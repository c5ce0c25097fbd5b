// Takes an online backup while the server keeps running.
// - SQLite (no DATABASE_URL):  npm run db:backup -- <file>
//   SQLite's backup API copies DATABASE_PATH, checks the copy's integrity, and only then names it.
// - PostgreSQL (DATABASE_URL=postgres://…):  npm run db:backup -- [<file>] [--council <host>]
//   pg_dump in custom format of the whole deployment, or of one council's schema. Without a file
//   it goes into BACKUP_DIR as promise-tracker-<UTC time>.dump (promise-tracker-council_<id>-…
//   for one council) and is pruned as the scheduled backups are: the newest BACKUP_KEEP of its
//   series, none older than BACKUP_KEEP × BACKUP_EVERY_MINUTES (run it from cron that often).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { backupName, pruneBackups } from '../server/plugins/backup-schedule.js';
import { backupDatabase } from '../db/backup.js';
import { backupPostgres } from '../db/backup-postgres.js';
import { councilSchemaFor } from '../db/councils.js';
import { readCommandLine } from './command-line.js';

const USAGE = 'Usage: npm run db:backup -- <file>   (PostgreSQL: npm run db:backup -- [<file>] [--council <host>])';
const args = readCommandLine(USAGE, { council: { type: 'string' } });
const url = args.url;
const [file, ...extra] = args.positionals;
const config = loadConfig();

if (url) {
  try {
    let schema: string | undefined;
    if (args.values.council) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      schema = (await councilSchemaFor(client, args.values.council).finally(() => client.end())) ?? undefined;
      if (!schema) throw new Error(`no council has the host ${args.values.council}`);
    }
    if (extra.length > 0) throw new Error(USAGE);
    const now = new Date();
    const prefix = schema ? `promise-tracker-${schema}-` : 'promise-tracker-';
    let destination = file;
    if (!destination) {
      if (!config.BACKUP_DIR) throw new Error('give a file, or set BACKUP_DIR for the backups folder');
      mkdirSync(config.BACKUP_DIR, { recursive: true });
      const name = backupName(now).replace('promise-tracker-', prefix).replace(/\.db$/, '.dump');
      destination = join(config.BACKUP_DIR, name);
    }
    await backupPostgres(url, destination, schema);
    console.log(`Backed up ${schema ?? 'the whole deployment'} to ${destination}`);
    if (!file) {
      const series = new RegExp(`^${prefix}\\d{8}T\\d{6}Z\\.dump$`);
      const maxAgeMs = config.BACKUP_KEEP * config.BACKUP_EVERY_MINUTES * 60_000;
      const gone = pruneBackups(config.BACKUP_DIR, config.BACKUP_KEEP, maxAgeMs, now, series);
      if (gone.length > 0) console.log(`Deleted ${gone.length} older: ${gone.join(', ')}`);
    }
  } catch (err) {
    console.error(`Backup failed: ${(err as Error).message}`);
    process.exit(1);
  }
} else {
  if (!file || extra.length > 0 || args.values.council) {
    console.error(USAGE);
    process.exit(2);
  }
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
}
