// Applies any pending migrations:
// - SQLite (no DATABASE_URL): to DATABASE_PATH.
// - PostgreSQL (DATABASE_URL=postgres://…): the councils registry, then every registered
//   council's schema. Running it again changes nothing.
import { loadConfig } from '../server/config.js';
import { openAndMigrate } from '../db/client.js';
import { migrateDeployment } from '../db/councils.js';
import { databaseUrl } from './command-line.js';

const url = databaseUrl();
if (url) {
  try {
    const report = await migrateDeployment(url);
    const councils = report.councils.map((c) => `${c.schema}: ${c.applied}`).join(', ');
    console.log(
      `PostgreSQL migrations applied: registry ${report.registry}; ${report.councils.length} ${report.councils.length === 1 ? 'council' : 'councils'}${councils ? ` (${councils})` : ''}.`,
    );
  } catch (err) {
    console.error(`Migration failed: ${(err as Error).message}`);
    process.exit(1);
  }
} else {
  const config = loadConfig();
  const db = openAndMigrate(config.DATABASE_PATH);
  db.$client.close();
  console.log(`Migrations applied to ${config.DATABASE_PATH}`);
}
