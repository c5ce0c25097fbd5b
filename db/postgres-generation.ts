// Cross-process cache invalidation on PostgreSQL (db/POSTGRES.md, "Several app servers").
// Each council has a row in public.data_generation. A write bumps it inside its own transaction
// and notifies in the same statement; PostgreSQL delivers a notification only when its
// transaction commits, so a rolled-back write tells no one, and a committed one tells every
// listening process the council's new generation. Not wired into the app yet: the async
// repository layer will call bumpGeneration in write() and start one listener per process.
import { sql } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';

const CHANNEL = 'promise_tracker_data';

/** A drizzle database or transaction on node-postgres (a transaction is a database too). */
type PgExecutor = PgDatabase<NodePgQueryResultHKT, Record<string, unknown>>;

/**
 * Bumps the current council's generation (the one `search_path` names) and notifies listeners
 * when the surrounding transaction commits. Call it inside the write's transaction; returns the
 * new generation.
 */
export async function bumpGeneration(tx: PgExecutor): Promise<number> {
  const { rows } = await tx.execute<{ n: string }>(sql`
    with bumped as (
      update "public"."data_generation" set n = n + 1 where "schema" = current_schema() returning "schema", n
    )
    select n, pg_notify(${CHANNEL}, "schema" || ' ' || n) from bumped`);
  if (!rows[0]) throw new Error('this connection’s schema is no registered council (no data_generation row)');
  return Number(rows[0].n);
}

export type GenerationListener = { close(): Promise<void> };

/**
 * Listens on one dedicated connection (never a pooled one: LISTEN belongs to its session) and
 * calls `onGeneration` with each council's new generation as its writes commit. A lost
 * connection is reported through `onError`; the caller then drops its caches and listens again.
 */
export async function listenForGenerations(
  url: string,
  onGeneration: (schema: string, generation: number) => void,
  onError: (error: Error) => void,
): Promise<GenerationListener> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', onError);
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    const [schema, n] = message.payload.split(' ');
    if (schema && n) onGeneration(schema, Number(n));
  });
  await client.connect();
  await client.query(`listen ${CHANNEL}`);
  return { close: () => client.end() };
}
