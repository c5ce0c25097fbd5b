// Backup and restore of a PostgreSQL deployment with pg_dump and pg_restore (custom format), for
// `npm run db:backup` and `npm run db:restore` when DATABASE_URL is postgres://… (db/backup.ts is
// SQLite's). A backup is the whole deployment (registry and every council) or one council's
// schema; either is checked by listing it with pg_restore before it gets its name, and a restore
// refuses one whose schema version this release does not know.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresMigrationsFolder } from './postgres.js';

const run = promisify(execFile);

/**
 * A PostgreSQL client program: Debian's newest /usr/lib/postgresql/<major>/bin first (its
 * pg_dump must be at least the server's major version), else the one on PATH.
 */
function tool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const major of majors) if (existsSync(join(root, major, 'bin', name))) return join(root, major, 'bin', name);
  }
  return name;
}

/** libpq's environment for `url`, so no password is on a command line for `ps` to show. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname.replace(/^\[|\]$/g, '') };
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.slice(1));
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
};

export type ArchiveContents = {
  /** A whole deployment (it holds public.councils) rather than one council's schema. */
  whole: boolean;
  /** The council schemas it holds. */
  councils: string[];
};

/** What a pg_dump archive holds, or an error saying why it is no Promise Tracker backup. */
export async function archiveContents(file: string): Promise<ArchiveContents> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  let listing: string;
  try {
    listing = (await run(tool('pg_restore'), ['--list', file], { maxBuffer: 64 << 20 })).stdout;
  } catch (error) {
    throw new Error(`${file} is not a pg_dump archive: ${(error as { stderr?: string }).stderr ?? String(error)}`, {
      cause: error,
    });
  }
  const tables = [...listing.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => `${m[1]}.${m[2]}`);
  const councils = [...new Set(tables.map((t) => t.split('.')[0]!).filter((s) => /^council_\d+$/.test(s)))];
  const whole = tables.includes('public.councils');
  if (!whole && !councils.some((s) => tables.includes(`${s}.__drizzle_migrations`)))
    throw new Error(`${file} holds no Promise Tracker council (no council schema with its migration history)`);
  return { whole, councils };
}

/**
 * Refuses an archive whose councils carry a schema version this release does not know (a newer
 * release's backup): restoring it would give this code tables it does not understand. Older
 * versions are fine; `npm run db:migrate` brings them up to date.
 */
async function checkVersions(file: string, contents: ArchiveContents): Promise<void> {
  const known = knownVersions(postgresMigrationsFolder);
  for (const schema of contents.councils) {
    const applied = await versionsIn(file, schema, '__drizzle_migrations');
    const unknown = applied.filter((at) => !known.includes(at));
    if (applied.length === 0) throw new Error(`${file}: ${schema} has no schema version`);
    if (unknown.length > 0)
      throw new Error(
        `${file}: ${schema}'s schema version (${applied.length}, ${unknown.join(', ')}) is newer than or unknown to this release (${known.length})`,
      );
  }
}

/** The migrations a folder holds, as drizzle records them (`created_at`). */
const knownVersions = (folder: string) =>
  (JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map(
    (e) => e.when,
  );

/** The `created_at` of each migration a schema's history table holds in the archive. */
async function versionsIn(file: string, schema: string, table: string): Promise<number[]> {
  const args = ['--data-only', `--schema=${schema}`, `--table=${table}`, '--file=-', file];
  const { stdout } = await run(tool('pg_restore'), args, { maxBuffer: 64 << 20 });
  const copy = /^COPY \S+ \(id, hash, created_at\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(stdout);
  return (copy?.[1] ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => Number(line.split('\t')[2]));
}

/**
 * pg_dump of the deployment at `url` (or of one council's schema) in custom format to
 * `destination`: written under a temporary name, checked, then renamed, as SQLite's backup is.
 */
export async function backupPostgres(url: string, destination: string, councilSchema?: string): Promise<void> {
  const partial = `${destination}.partial`;
  try {
    rmSync(partial, { force: true });
    const args = ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`];
    if (councilSchema) args.push(`--schema=${councilSchema}`);
    await run(tool('pg_dump'), args, { env: libpqEnv(url) });
    fsyncPath(partial);
    const contents = await archiveContents(partial);
    if (councilSchema && !contents.councils.includes(councilSchema))
      throw new Error(`the backup holds no ${councilSchema}`);
    renameSync(partial, destination);
    fsyncPath(dirname(resolve(destination)));
  } finally {
    rmSync(partial, { force: true });
  }
}

export type RestoreResult = { database: string; schema?: string; keptAside: string[] };

export type RestoreOptions = {
  /** Restore into this database on the same server (made when missing) instead of `url`'s. */
  database?: string;
  /** Restore a council's backup under this schema name (which must not exist yet). */
  schema?: string;
  now?: Date;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Restores a backup into `options.database` (created when missing) on the server of `url`, or
 * into `url`'s own database. A whole deployment goes only into a database without one. A
 * council's backup either replaces the same council's schema, the current one kept beside it as
 * <schema>_before_restore_<time>, or (`options.schema`) lands beside it under a new name, to be
 * read or copied from. pg_restore runs in one transaction, so a failed restore leaves nothing
 * half-made, and any schema moved aside is put back.
 */
export async function restorePostgres(file: string, url: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const { database, schema: rename, now = new Date() } = options;
  const contents = await archiveContents(file);
  await checkVersions(file, contents);
  if (rename !== undefined) {
    if (!SCHEMA_NAME.test(rename)) throw new Error(`${rename} is not a schema name (a-z, 0-9 and _)`);
    if (contents.whole || contents.councils.length !== 1)
      throw new Error('only one council’s backup can be restored under another schema name');
  }
  const target = database ? withDatabase(url, database) : url;
  const name = decodeURIComponent(new URL(target).pathname.slice(1));
  if (database) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) await admin.query(`create database ${pg.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'z')
    .toLowerCase();
  const renameSchema = (from: string, to: string) =>
    client.query(`alter schema ${pg.escapeIdentifier(from)} rename to ${pg.escapeIdentifier(to)}`);
  const exists = async (schema: string) =>
    (await client.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount !== 0;
  /** Schemas moved out of the backup's way: [their name, where they are]. */
  const moved: [string, string][] = [];
  try {
    if (contents.whole) {
      const registry = await client.query(`select to_regclass('"public"."councils"') is not null as found`);
      if (registry.rows[0].found)
        throw new Error(`${name} already holds a deployment; restore a whole backup into a new database`);
      for (const schema of contents.councils)
        if (await exists(schema)) throw new Error(`${name} already has a schema ${schema}`);
    } else {
      if (rename !== undefined && (await exists(rename))) throw new Error(`${name} already has a schema ${rename}`);
      for (const schema of contents.councils) {
        if (!(await exists(schema))) continue;
        // Under a new name, the live schema steps aside only while pg_restore runs.
        const aside = rename === undefined ? `${schema}_before_restore_${stamp}` : `${schema}_restoring_${stamp}`;
        await renameSchema(schema, aside);
        moved.push([schema, aside]);
      }
    }
    try {
      const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${name}`];
      await run(tool('pg_restore'), [...args, file], { env: libpqEnv(target), maxBuffer: 64 << 20 });
    } catch (error) {
      for (const [schema, aside] of moved) await renameSchema(aside, schema);
      throw new Error(`pg_restore failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
    }
    if (rename !== undefined) {
      await renameSchema(contents.councils[0]!, rename);
      for (const [schema, aside] of moved) await renameSchema(aside, schema);
      return { database: name, schema: rename, keptAside: [] };
    }
  } finally {
    await client.end();
  }
  return { database: name, keptAside: moved.map(([, aside]) => aside) };
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
