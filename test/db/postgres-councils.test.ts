// Many councils on one throwaway PostgreSQL: the registry, a migrated schema per council, the
// host lookup, `npm run db:migrate` choosing the engine, and two councils kept fully apart.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCouncil,
  councilMigrations,
  councilSchemaFor,
  forCouncil,
  listCouncils,
  migrateDeployment,
  normaliseHost,
} from '../../db/councils.js';
import * as pgSchema from '../../db/schema-postgres.js';
import { findPostgres, POSTGRES_MISSING, startCluster, type Cluster } from '../helpers/postgres-cluster.js';
import { scaled } from '../helpers/slowness.js';

const run = promisify(execFile);
const install = findPostgres();
if (!install) console.warn(POSTGRES_MISSING);

const tableNames = Object.values(pgSchema as Record<string, unknown>)
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t).name)
  .sort();

describe('a council’s host name', () => {
  it('is normalised for the registry: case, port and trailing dot go', () => {
    expect(normaliseHost('North.Example')).toBe('north.example');
    expect(normaliseHost('north.example:8443')).toBe('north.example');
    expect(normaliseHost('north.example.')).toBe('north.example');
    expect(normaliseHost(' NORTH.example.:443 ')).toBe('north.example');
    expect(normaliseHost('localhost')).toBe('localhost');
  });

  it('is refused when it is no host name', () => {
    for (const bad of ['', '.', 'north..example', 'north_example', '-north.example', 'north.example:port', '[::1]:80'])
      expect(normaliseHost(bad), bad).toBeNull();
    expect(normaliseHost('a'.repeat(64) + '.example')).toBeNull();
  });
});

describe('migrations/postgres run for a council', () => {
  it('point every foreign key into the council’s schema and leave no other "public".', () => {
    const files = readdirSync('migrations/postgres').filter((f) => f.endsWith('.sql'));
    const original = files.map((f) => readFileSync(`migrations/postgres/${f}`, 'utf8')).join('\n');
    const references = original.match(/REFERENCES "public"\./g)?.length ?? 0;
    expect(references).toBeGreaterThanOrEqual(46);
    const rewritten = councilMigrations('council_7')
      .flatMap((m) => m.sql)
      .join('\n');
    expect(rewritten).not.toMatch(/"public"/i);
    expect(rewritten.match(/REFERENCES "council_7"\./g)).toHaveLength(references);
  });

  it('refuse a statement that names "public" anywhere else, and a schema that is no council’s', () => {
    expect(() => forCouncil('CREATE TYPE "public"."role" AS ENUM(\'owner\')', 'council_1')).toThrow(
      /outside a foreign key/,
    );
    expect(() => forCouncil('SELECT 1', 'public')).toThrow(/not a council schema/);
    expect(forCouncil('ALTER TABLE "a" ADD FOREIGN KEY ("b") REFERENCES "public"."c"("id")', 'council_2')).toBe(
      'ALTER TABLE "a" ADD FOREIGN KEY ("b") REFERENCES "council_2"."c"("id")',
    );
  });
});

describe.skipIf(!install)(install ? 'PostgreSQL councils' : `PostgreSQL councils: ${POSTGRES_MISSING}`, () => {
  let cluster: Cluster;
  let admin: pg.Client;
  const env = () => ({ ...process.env, DATABASE_URL: cluster.url });

  beforeAll(async () => {
    cluster = await startCluster(install!);
    admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
  }, scaled(120_000));

  afterAll(async () => {
    await admin?.end();
    await cluster?.stop();
  }, scaled(60_000));

  it(
    'npm run db:migrate on PostgreSQL makes the registry, and a second run changes nothing',
    async () => {
      const first = await run('npx', ['tsx', 'scripts/migrate.ts'], { env: env() });
      expect(first.stdout).toContain('registry 1; 0 councils');
      const second = await run('npx', ['tsx', 'scripts/migrate.ts'], { env: env() });
      expect(second.stdout).toContain('registry 0; 0 councils');
      const { rows } = await admin.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by 1",
      );
      expect(rows.map((r) => r.table_name)).toEqual(['councils', 'data_generation']);
    },
    scaled(60_000),
  );

  it(
    'npm run council adds a council with its migrated schema, and lists and finds it',
    async () => {
      const added = await run('npx', ['tsx', 'scripts/council.ts', 'add', 'North.Example', 'North', 'Council'], {
        env: env(),
      });
      expect(added.stdout).toContain('Added North Council: north.example uses schema council_1.');
      await addCouncil(cluster.url, 'south.example', 'South Council');
      const listed = await run('npx', ['tsx', 'scripts/council.ts', 'list'], { env: env() });
      expect(listed.stdout).toMatch(/^north\.example\tcouncil_1\tNorth Council\t\d{4}-/m);
      expect(listed.stdout).toMatch(/^south\.example\tcouncil_2\tSouth Council\t/m);
      const which = await run('npx', ['tsx', 'scripts/council.ts', 'which', 'SOUTH.example.:3000'], { env: env() });
      expect(which.stdout.trim()).toBe('council_2');
      await expect(
        run('npx', ['tsx', 'scripts/council.ts', 'which', 'east.example'], { env: env() }),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No council has the host east.example') });

      for (const schema of ['council_1', 'council_2']) {
        const { rows } = await admin.query<{ table_name: string }>(
          `select table_name from information_schema.tables where table_schema = $1 and table_name <> '__drizzle_migrations' order by 1`,
          [schema],
        );
        expect(rows.map((r) => r.table_name)).toEqual(tableNames);
      }
      // Migrating again applies nothing to either council.
      expect(await migrateDeployment(cluster.url)).toEqual({
        registry: 0,
        councils: [
          { schema: 'council_1', applied: 0 },
          { schema: 'council_2', applied: 0 },
        ],
      });
    },
    scaled(90_000),
  );

  it('looks a host up after normalising it, and knows no unknown host', async () => {
    expect(await councilSchemaFor(admin, 'NORTH.EXAMPLE.:443')).toBe('council_1');
    expect(await councilSchemaFor(admin, 'south.example')).toBe('council_2');
    expect(await councilSchemaFor(admin, 'west.example')).toBeNull();
    expect(await councilSchemaFor(admin, 'not a host')).toBeNull();
  });

  it('refuses a host twice, a host with a port, and a council without a name', async () => {
    await expect(addCouncil(cluster.url, 'north.example.', 'Again')).rejects.toThrow(
      'north.example already has a council',
    );
    await expect(addCouncil(cluster.url, 'east.example:80', 'East')).rejects.toThrow('is not a host name');
    await expect(addCouncil(cluster.url, 'east.example', '  ')).rejects.toThrow('needs a name');
    expect((await listCouncils(admin)).map((c) => c.host)).toEqual(['north.example', 'south.example']);
    expect((await admin.query("select 1 from pg_namespace where nspname = 'council_3'")).rows).toEqual([]);
  });

  it(
    'never takes over a schema that is already there, and the next add goes on past it',
    async () => {
      await admin.query('create schema council_3');
      await admin.query('create table council_3.kept (note text)');
      await expect(addCouncil(cluster.url, 'east.example', 'East')).rejects.toThrow(
        'the schema council_3 already exists but no council has it',
      );
      expect(await councilSchemaFor(admin, 'east.example')).toBeNull();
      expect((await admin.query("select to_regclass('council_3.kept') is not null as kept")).rows).toEqual([
        { kept: true },
      ]);
      expect(await addCouncil(cluster.url, 'east.example', 'East')).toMatchObject({
        host: 'east.example',
        schema: 'council_4',
      });
    },
    scaled(60_000),
  );

  it('keeps two councils fully apart: rows, and foreign keys that point inside their own schema', async () => {
    const { rows: outward } = await admin.query(
      `select c.conname, n.nspname as from_schema, rn.nspname as to_schema
         from pg_constraint c
         join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
         join pg_class r on r.oid = c.confrelid join pg_namespace rn on rn.oid = r.relnamespace
        where c.contype = 'f' and n.nspname like 'council\\_%' and n.nspname <> rn.nspname`,
    );
    expect(outward).toEqual([]);
    const { rows: keys } = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_constraint c join pg_class t on t.oid = c.conrelid
        join pg_namespace n on n.oid = t.relnamespace where c.contype = 'f' and n.nspname = 'council_2'`,
    );
    expect(keys[0]!.n).toBeGreaterThanOrEqual(46);

    const marker = `marker-${Date.now()}@north.example`;
    const north = new pg.Client({ connectionString: cluster.url, options: '-c search_path=council_1' });
    const south = new pg.Client({ connectionString: cluster.url, options: '-c search_path=council_2' });
    await Promise.all([north.connect(), south.connect()]);
    try {
      const { rows } = await north.query<{ id: number }>(
        `insert into users (email, name, role, password_hash) values ($1, 'Olu', 'owner', 'x') returning id`,
        [marker],
      );
      expect((await north.query('select email from users')).rows).toEqual([{ email: marker }]);
      expect((await south.query('select * from users')).rows).toEqual([]);
      // A session in South for North's user fails South's own key: it points at South's users.
      await expect(
        south.query(
          `insert into sessions (id, user_id, csrf_token, created_at, last_seen_at) values ('s', $1, 't', 'x', 'x')`,
          [rows[0]!.id],
        ),
      ).rejects.toMatchObject({ code: '23503' });
    } finally {
      await Promise.all([north.end(), south.end()]);
    }
  });
});

describe.skipIf(!install)(install ? 'PostgreSQL migrations at once' : `PostgreSQL at once: ${POSTGRES_MISSING}`, () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(install!);
  }, scaled(120_000));
  afterAll(() => cluster?.stop(), scaled(60_000));

  it(
    'take turns: two servers migrating a new database while a council is added all succeed',
    async () => {
      const [a, b, council] = await Promise.all([
        migrateDeployment(cluster.url),
        migrateDeployment(cluster.url),
        addCouncil(cluster.url, 'north.example', 'North'),
      ]);
      // The registry's one migration ran once, whichever came first.
      expect(a.registry + b.registry).toBeLessThanOrEqual(1);
      expect(council.schema).toBe('council_1');
      expect(await migrateDeployment(cluster.url)).toEqual({
        registry: 0,
        councils: [{ schema: 'council_1', applied: 0 }],
      });
    },
    scaled(90_000),
  );
});
