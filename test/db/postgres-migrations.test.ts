// PostgreSQL's migrations on a real throwaway server: every table and column of
// db/schema-postgres.ts exists as declared, and rows go in and come back through drizzle.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, openPostgres, type PgDb } from '../../db/postgres.js';
import * as pgSchema from '../../db/schema-postgres.js';
import { auditLog, sessions, users } from '../../db/schema-postgres.js';
import { findPostgres, POSTGRES_MISSING, startCluster, type Cluster } from '../helpers/postgres-cluster.js';
import { scaled } from '../helpers/slowness.js';

const install = findPostgres();
if (!install) console.warn(POSTGRES_MISSING);

/** information_schema's data_type for each drizzle column class the schema uses. */
const DATA_TYPE: Record<string, string> = {
  PgInteger: 'integer',
  PgText: 'text',
  PgBoolean: 'boolean',
  PgJson: 'json',
  PgDoublePrecision: 'double precision',
};
const tables = Object.values(pgSchema as Record<string, unknown>)
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t));
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.skipIf(!install)(install ? 'PostgreSQL migrations' : `PostgreSQL migrations: ${POSTGRES_MISSING}`, () => {
  let cluster: Cluster;
  let db: PgDb;

  beforeAll(async () => {
    cluster = await startCluster(install!);
    db = openPostgres(cluster.url, 2);
    await migratePostgres(db);
  }, scaled(120_000));

  afterAll(async () => {
    await db?.$client.end();
    await cluster?.stop();
  }, scaled(60_000));

  it('make every table with its columns, types and nullability, indexes and foreign keys', async () => {
    const { rows } = await db.$client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public'`,
    );
    const found = new Map<string, string>();
    for (const r of rows)
      found.set(`${r.table_name}.${r.column_name}`, `${r.data_type}${r.is_nullable === 'NO' ? ' not null' : ''}`);
    const expected = new Map<string, string>();
    for (const t of tables) {
      for (const c of t.columns) {
        expected.set(
          `${t.name}.${c.name}`,
          `${DATA_TYPE[c.columnType] ?? c.columnType}${c.notNull ? ' not null' : ''}`,
        );
      }
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
    expect(tables.length).toBeGreaterThanOrEqual(30);

    const indexes = await db.$client.query<{ indexname: string }>(
      `select indexname from pg_indexes where schemaname = 'public'`,
    );
    const indexNames = indexes.rows.map((r) => r.indexname);
    expect(indexNames).toEqual(expect.arrayContaining(tables.flatMap((t) => t.indexes.map((i) => i.config.name!))));
    const fks = await db.$client.query<{ constraint_name: string }>(
      `select constraint_name from information_schema.table_constraints where constraint_type = 'FOREIGN KEY' and table_schema = 'public'`,
    );
    expect(fks.rows.map((r) => r.constraint_name).sort()).toEqual(
      tables.flatMap((t) => t.foreignKeys.map((fk) => fk.getName())).sort(),
    );
  });

  it('round-trip rows through drizzle, keep SQLite’s value shapes and enforce foreign keys', async () => {
    const [user] = await db
      .insert(users)
      .values({ email: 'owner@council.example', name: 'Olu', role: 'owner', passwordHash: 'x' })
      .returning();
    expect(user).toMatchObject({ id: 1, disabled: false, canOwnActions: false, agency: 'Council', version: 1 });
    // The default instant is written as SQLite writes it: UTC, milliseconds, a Z.
    expect(user!.createdAt).toMatch(ISO_INSTANT);
    expect(Math.abs(Date.parse(user!.createdAt) - Date.now())).toBeLessThan(scaled(60_000));
    const sqlite = new Database(':memory:');
    expect(sqlite.prepare(`select strftime('%Y-%m-%dT%H:%M:%fZ','now') as at`).get()).toEqual({
      at: expect.stringMatching(ISO_INSTANT),
    });
    sqlite.close();

    const at = '2026-06-15T09:30:00.000Z';
    await db.insert(sessions).values({ id: 's1', userId: user!.id, csrfToken: 't', createdAt: at, lastSeenAt: at });
    const joined = await db
      .select({ email: users.email, session: sessions.id, seen: sessions.lastSeenAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId));
    expect(joined).toEqual([{ email: 'owner@council.example', session: 's1', seen: at }]);

    // The foreign key holds, and deleting the user deletes its sessions (on delete cascade).
    await expect(
      db.insert(sessions).values({ id: 's2', userId: 999, csrfToken: 't', createdAt: at, lastSeenAt: at }),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    await db.delete(users).where(eq(users.id, user!.id));
    expect(await db.select().from(sessions)).toEqual([]);

    // json keeps the text as written, key order included, as SQLite's text column does.
    const [entry] = await db
      .insert(auditLog)
      .values({ action: 'update', entity: 'theme', after: { name: 'Home', colour: '#00703c', archived: false } })
      .returning();
    expect(Object.keys((entry!.after ?? {}) as object)).toEqual(['name', 'colour', 'archived']);
  });

  it('keep a transaction on one pooled client: a failure leaves none of its writes', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(auditLog).values({ action: 'create', entity: 'theme', entityId: 'lost' });
        const seen = await tx.select().from(auditLog).where(eq(auditLog.entityId, 'lost'));
        expect(seen).toHaveLength(1);
        throw new Error('the change failed after its audit entry');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, 'lost'))).toEqual([]);
  });
});

describe('finding PostgreSQL', () => {
  it('finds no server where none is installed, so the tests above say how to install one', () => {
    expect(findPostgres(['/nonexistent/postgresql'], '/nonexistent/bin')).toBeNull();
    expect(POSTGRES_MISSING).toContain('sudo apt-get install postgresql');
  });
});

describe('PostgreSQL migrations match their schema', () => {
  it(
    'drizzle-kit generate has nothing left to write',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'pt-pg-gen-'));
      cpSync(resolve('migrations/postgres'), join(dir, 'postgres'), { recursive: true });
      const before = readdirSync(join(dir, 'postgres')).length;
      const out = execFileSync(
        'npx',
        [
          'drizzle-kit',
          'generate',
          '--dialect',
          'postgresql',
          '--schema',
          './db/schema-postgres.ts',
          '--out',
          relative(process.cwd(), join(dir, 'postgres')),
          '--casing',
          'snake_case',
        ],
        { encoding: 'utf8' },
      );
      const after = readdirSync(join(dir, 'postgres')).length;
      rmSync(dir, { recursive: true, force: true });
      expect(out).toContain('No schema changes');
      expect(after).toBe(before);
    },
    scaled(60_000),
  );
});
