// Restores a backup, after checking it.
// - SQLite (no DATABASE_URL):  npm run db:restore -- <file>
//   Replaces DATABASE_PATH. Stop the server first: this refuses while a server has the database
//   open. The backup must pass `PRAGMA integrity_check` and carry a schema version this release
//   knows; the database it replaces is kept beside it as <name>.before-restore-<time>.
// - PostgreSQL (DATABASE_URL=postgres://…):
//   npm run db:restore -- <file> [--database <name>] [--schema <name>]
//   pg_restore in one transaction into <name> (made when missing) or DATABASE_URL's database.
//   A whole-deployment backup needs a database without one; a council's backup replaces that
//   council's schema, the current one kept as <schema>_before_restore_<time>, or with --schema
//   lands beside it under that name.
import { loadConfig } from '../server/config.js';
import { restoreDatabase } from '../db/backup.js';
import { restorePostgres } from '../db/backup-postgres.js';
import { readCommandLine } from './command-line.js';

const USAGE =
  'Usage: npm run db:restore -- <file>   (PostgreSQL: npm run db:restore -- <file> [--database <name>] [--schema <name>])';
const args = readCommandLine(USAGE, { database: { type: 'string' }, schema: { type: 'string' } });
const url = args.url;
const [file, ...extra] = args.positionals;
if (!file || extra.length > 0 || (!url && (args.values.database || args.values.schema))) {
  console.error(USAGE);
  process.exit(2);
}

try {
  if (url) {
    const result = await restorePostgres(file, url, { database: args.values.database, schema: args.values.schema });
    console.log(
      `Restored ${file} into the database ${result.database}${result.schema ? `, schema ${result.schema}` : ''}.`,
    );
    for (const aside of result.keptAside) console.log(`The schema it replaced is kept as ${aside}.`);
  } else {
    const config = loadConfig();
    const kept = restoreDatabase(file, config.DATABASE_PATH);
    console.log(`Restored ${file} to ${config.DATABASE_PATH}.`);
    if (kept) console.log(`The database it replaced is kept at ${kept}.`);
  }
} catch (err) {
  console.error(`Restore refused: ${(err as Error).message}`);
  process.exit(1);
}
