// Opens a PostgreSQL database (node-postgres pool) over db/schema-postgres.ts, and applies
// migrations/postgres. The app does not run on it yet; the operator commands (db:migrate,
// db:backup, db:restore, council) do. See db/POSTGRES.md.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema-postgres.js';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const postgresMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations/postgres');

/**
 * A pool of connections to `url` (postgres://…). drizzle's transaction() takes one client from
 * the pool for the whole transaction (BEGIN … COMMIT on that client), so its statements never
 * mix with another request's.
 */
export function openPostgres(url: string, max = 10): PgDb {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server dropped (a restart, a failover) is an 'error' event, which
  // unheard would end the process: the pool has already let it go and opens a new one when asked.
  pool.on('error', () => undefined);
  return drizzle({ client: pool, schema });
}

export async function migratePostgres(db: PgDb): Promise<void> {
  await migrate(db, { migrationsFolder: postgresMigrationsFolder });
}

/**
 * The engine an operator command runs on: DATABASE_URL=postgres://… (or postgresql://) is a
 * PostgreSQL deployment; no DATABASE_URL is SQLite at DATABASE_PATH, as before. Anything else
 * in DATABASE_URL is a mistake worth stopping for rather than silently using SQLite.
 */
export function postgresUrlFrom(env: NodeJS.ProcessEnv): string | null {
  const url = env.DATABASE_URL?.trim();
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error('DATABASE_URL must start with postgres:// (leave it unset to use the SQLite file)');
  return url;
}
