// Many councils on one PostgreSQL database, a schema each (db/POSTGRES.md, "Many councils").
// `public.councils` maps a host name to its council's schema (council_<id>); each schema holds
// the whole of migrations/postgres, migrated with its history inside it, so a dump of one
// council's schema carries its own schema version.
//
// drizzle-kit qualifies every foreign key as REFERENCES "public"."users"("id"). Run as written,
// with search_path set to the council, its tables would land in the council's schema but their
// keys would point at public's. We rewrite that one qualifier to the council's schema when
// migrating (councilMigrations) and refuse any other "public". that a future drizzle-kit might
// write, rather than declaring the tables in a pgSchema: a pgSchema bakes one schema's name into
// every table object, so the repositories would need a copy of the schema per council, where
// unqualified tables let `set local search_path` pick the council with the repositories unchanged.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { PgDialect, type PgSession } from 'drizzle-orm/pg-core';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { postgresMigrationsFolder } from './postgres.js';

const registryMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations/postgres-registry');

export type Council = { id: number; host: string; schema: string; name: string; createdAt: string };

/** Anything that runs a query: a pool, a client, or a client inside a transaction. */
type Queryable = Pick<pg.ClientBase, 'query'>;

const COUNCIL_SCHEMA = /^council_\d+$/;
/** A host name of letters, digits and hyphens in dot-separated labels (IDN as punycode). */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The registry's spelling of a request's host: lower case, without a port or a trailing dot
 * (`Council.Example.:8443` is `council.example`). Null when what is left is not a host name.
 */
export function normaliseHost(raw: string): string | null {
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // an IPv6 literal names no council
  const colon = host.indexOf(':');
  if (colon >= 0) {
    if (!/^\d{1,5}$/.test(host.slice(colon + 1))) return null;
    host = host.slice(0, colon);
  }
  host = host.replace(/\.$/, '');
  return HOST.test(host) ? host : null;
}

/** The council schema a request for `host` reads and writes, or null for a host no council has. */
export async function councilSchemaFor(db: Queryable, host: string): Promise<string | null> {
  const normal = normaliseHost(host);
  if (!normal) return null;
  const { rows } = await db.query<{ schema: string }>('select "schema" from "public"."councils" where host = $1', [
    normal,
  ]);
  return rows[0]?.schema ?? null;
}

export async function listCouncils(db: Queryable): Promise<Council[]> {
  const { rows } = await db.query<Council>(
    'select id, host, "schema", name, created_at as "createdAt" from "public"."councils" order by id',
  );
  return rows;
}

/**
 * One migration statement as council `schema` runs it: every REFERENCES "public". points into
 * `schema`. Throws if any other "public". is left, since it would reach outside the council.
 */
export function forCouncil(statement: string, schema: string): string {
  if (!COUNCIL_SCHEMA.test(schema)) throw new Error(`${schema} is not a council schema name`);
  const rewritten = statement.replaceAll('REFERENCES "public".', `REFERENCES "${schema}".`);
  if (/"public"\s*\./i.test(rewritten))
    throw new Error(`a migration names "public" outside a foreign key, which a council cannot run: ${statement}`);
  return rewritten;
}

/** migrations/postgres as council `schema` runs them (forCouncil on every statement). */
export function councilMigrations(schema: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: postgresMigrationsFolder }).map((m) => ({
    ...m,
    sql: m.sql.map((statement) => forCouncil(statement, schema)),
  }));
}

/** How many migrations a history table holds (0 when it does not exist yet). */
async function applied(db: Queryable, schema: string, table: string): Promise<number> {
  const name = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;
  const { rows } = await db.query<{ exists: boolean }>('select to_regclass($1) is not null as exists', [name]);
  if (!rows[0]!.exists) return 0;
  return (await db.query<{ n: number }>(`select count(*)::int as n from ${name}`)).rows[0]!.n;
}

/** Applies what `schema` lacks of migrations/postgres (creating it if need be); returns how many. */
async function migrateCouncilOn(client: pg.Client, schema: string): Promise<number> {
  const migrations = councilMigrations(schema);
  const before = await applied(client, schema, '__drizzle_migrations');
  await client.query(`create schema if not exists ${pg.escapeIdentifier(schema)}`);
  await client.query(`set search_path to ${pg.escapeIdentifier(schema)}`);
  try {
    // What drizzle's own migrate() does, with the statements rewritten for the council: its
    // session is public at run time but typed internal, hence the cast.
    const { session } = drizzle({ client }) as unknown as { session: PgSession };
    await new PgDialect().migrate(migrations, session, {
      migrationsFolder: postgresMigrationsFolder,
      migrationsSchema: schema,
    });
  } finally {
    await client.query('reset search_path');
  }
  return (await applied(client, schema, '__drizzle_migrations')) - before;
}

/** One dedicated connection, holding the deployment's migration lock while `fn` runs. */
async function withMigrationLock<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Two servers starting at once, or an `add` beside a `db:migrate`, take turns.
    await client.query("select pg_advisory_lock(hashtext('promise-tracker migrations'))");
    return await fn(client);
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/** Applies what the registry lacks of migrations/postgres-registry; returns how many. */
async function migrateRegistryOn(client: pg.Client): Promise<number> {
  const before = await applied(client, 'drizzle', '__registry_migrations');
  await migrate(drizzle({ client }), {
    migrationsFolder: registryMigrationsFolder,
    migrationsTable: '__registry_migrations',
  });
  return (await applied(client, 'drizzle', '__registry_migrations')) - before;
}

export type MigrationReport = { registry: number; councils: { schema: string; applied: number }[] };

/**
 * Brings a PostgreSQL deployment up to date: the registry, then every registered council's
 * schema. Says how many migrations each took; a second run takes none.
 */
export async function migrateDeployment(url: string): Promise<MigrationReport> {
  return withMigrationLock(url, async (client) => {
    const registry = await migrateRegistryOn(client);
    const councils = [];
    for (const council of await listCouncils(client))
      councils.push({ schema: council.schema, applied: await migrateCouncilOn(client, council.schema) });
    return { registry, councils };
  });
}

/**
 * Registers a council for `host` and makes its schema, migrated. If the migration fails, the
 * council is taken out again, so a host is never registered without its tables.
 */
export async function addCouncil(url: string, host: string, name: string): Promise<Council> {
  const normal = normaliseHost(host);
  if (!normal || normal !== host.trim().toLowerCase().replace(/\.$/, ''))
    throw new Error(`${JSON.stringify(host)} is not a host name (letters, digits, hyphens and dots, no port)`);
  if (!name.trim()) throw new Error('a council needs a name');
  return withMigrationLock(url, async (client) => {
    await migrateRegistryOn(client);
    if (await councilSchemaFor(client, normal)) throw new Error(`${normal} already has a council`);
    await client.query('begin');
    let council: Council;
    try {
      const { rows } = await client.query<{ id: number }>(
        `select nextval(pg_get_serial_sequence('"public"."councils"', 'id'))::int as id`,
      );
      const schema = `council_${rows[0]!.id}`;
      const inserted = await client.query<Council>(
        `insert into "public"."councils" (id, host, "schema", name) values ($1, $2, $3, $4)
         returning id, host, "schema", name, created_at as "createdAt"`,
        [rows[0]!.id, normal, schema, name.trim()],
      );
      await client.query('insert into "public"."data_generation" ("schema") values ($1)', [schema]);
      // Never a schema that is already there (a council restored but not registered): the
      // clean-up below drops what this made, so it must have made it.
      const taken = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
      if (taken.rowCount !== 0)
        throw new Error(`the schema ${schema} already exists but no council has it; move it or drop it first`);
      await client.query(`create schema ${pg.escapeIdentifier(schema)}`);
      await client.query('commit');
      council = inserted.rows[0]!;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    try {
      await migrateCouncilOn(client, council.schema);
    } catch (error) {
      await client.query(`drop schema ${pg.escapeIdentifier(council.schema)} cascade`);
      await client.query('delete from "public"."councils" where id = $1', [council.id]);
      throw error;
    }
    return council;
  });
}
