// Takes an online backup while the server keeps running.
// - SQLite (no DATABASE_URL):  npm run db:backup -- <file>
//   SQLite's backup API copies DATABASE_PATH, checks the copy's integrity, and only then names it.
// - PostgreSQL (DATABASE_URL=postgres://…):  npm run db:backup -- [<file>] [--council <host>]
//   pg_dump in custom format of the whole deployment, or of one council's schema; without a
//   file it goes into BACKUP_DIR as promise-tracker-<UTC time>.dump (the scheduled backups' name).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { backupName } from '../server/plugins/backup-schedule.js';
import { backupDatabase } from '../db/backup.js';
import { backupPostgres } from '../db/backup-postgres.js';
import { councilSchemaFor } from '../db/councils.js';
import { postgresUrlFrom } from '../db/postgres.js';

const USAGE = 'Usage: npm run db:backup -- <file>   (PostgreSQL: npm run db:backup -- [<file>] [--council <host>])';
let args: ReturnType<typeof parse>;
const parse = () => parseArgs({ allowPositionals: true, options: { council: { type: 'string' } } });
let url: string | null;
try {
  args = parse();
  url = postgresUrlFrom(process.env);
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
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
    let destination = file;
    if (!destination) {
      if (!config.BACKUP_DIR) throw new Error('give a file, or set BACKUP_DIR for the backups folder');
      mkdirSync(config.BACKUP_DIR, { recursive: true });
      const name = backupName(new Date()).replace(/\.db$/, '.dump');
      destination = join(
        config.BACKUP_DIR,
        schema ? name.replace('promise-tracker-', `promise-tracker-${schema}-`) : name,
      );
    }
    await backupPostgres(url, destination, schema);
    console.log(`Backed up ${schema ?? 'the whole deployment'} to ${destination}`);
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
