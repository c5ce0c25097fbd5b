// `npm run db:backup` and `npm run db:restore` on PostgreSQL (pg_dump and pg_restore, custom
// format) against a real throwaway cluster: a council with rows is backed up, restored into a
// fresh database and compared table by table; a whole deployment likewise; a council's backup
// put back into the running deployment keeps the schema it replaced.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveContents, backupPostgres, restorePostgres } from '../../db/backup-postgres.js';
import { addCouncil, councilSchemaFor } from '../../db/councils.js';
import { auditLog, sessions, themes, users } from '../../db/schema-postgres.js';
import { findPostgres, POSTGRES_MISSING, startCluster, type Cluster } from '../helpers/postgres-cluster.js';
import { scaled } from '../helpers/slowness.js';
import { backupName } from '../../server/plugins/backup-schedule.js';

const run = promisify(execFile);
const install = findPostgres();
if (!install) console.warn(POSTGRES_MISSING);

const onDatabase = (url: string, database: string) => url.replace(/\/[^/]+$/, `/${database}`);

/** Every row of every table in `schema`, as sorted JSON per table: what a restore must keep. */
async function rowsOf(url: string, schema: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = $1 order by 1`,
      [schema],
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const q = `select to_jsonb(t)::text as row from ${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)} t order by 1`;
      out[name] = (await client.query<{ row: string }>(q)).rows.map((r) => r.row);
    }
    return out;
  } finally {
    await client.end();
  }
}

describe.skipIf(!install)(install ? 'PostgreSQL backup and restore' : `PostgreSQL backup: ${POSTGRES_MISSING}`, () => {
  let cluster: Cluster;
  let dir: string;
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, DATABASE_URL: cluster.url, ...extra });

  beforeAll(async () => {
    cluster = await startCluster(install!);
    dir = mkdtempSync(join(tmpdir(), 'pt-pg-backup-'));
    await addCouncil(cluster.url, 'north.example', 'North');
    await addCouncil(cluster.url, 'south.example', 'South');
    for (const [schema, who] of [
      ['council_1', 'North'],
      ['council_2', 'South'],
    ] as const) {
      const client = new pg.Client({ connectionString: cluster.url, options: `-c search_path=${schema}` });
      await client.connect();
      const db = drizzle({ client });
      const [user] = await db
        .insert(users)
        .values({ email: `lead@${who.toLowerCase()}.example`, name: `${who} lead`, role: 'owner', passwordHash: 'x' })
        .returning();
      const at = '2026-06-15T09:30:00.000Z';
      await db
        .insert(sessions)
        .values({ id: `s-${who}`, userId: user!.id, csrfToken: 't', createdAt: at, lastSeenAt: at });
      await db.insert(themes).values({ name: `${who} home`, childName: `Feeling at home in ${who}` });
      await db
        .insert(auditLog)
        .values({ action: 'create', entity: 'theme', after: { name: `${who} home`, z: 1, a: 2 } });
      await client.end();
    }
  }, scaled(180_000));

  afterAll(async () => {
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, scaled(60_000));

  it(
    'backs up one council into BACKUP_DIR and restores it into a fresh database, every row the same',
    async () => {
      const backups = join(dir, 'backups');
      // Older backups in the folder: only this council's series is pruned, by the schedule's rule.
      mkdirSync(backups);
      const daysAgo = (n: number) => backupName(new Date(Date.now() - n * 86_400_000));
      const council = (n: number) =>
        daysAgo(n).replace('promise-tracker-', 'promise-tracker-council_1-').replace('.db', '.dump');
      const planted = [council(30), council(1), daysAgo(30).replace('.db', '.dump'), daysAgo(30)];
      for (const name of planted) writeFileSync(join(backups, name), 'an older backup');
      const out = await run('npx', ['tsx', 'scripts/backup.ts', '--council', 'North.Example'], {
        env: env({ BACKUP_DIR: backups, BACKUP_KEEP: '3', BACKUP_EVERY_MINUTES: '1440' }),
      });
      const file = readdirSync(backups).find((f) => !planted.includes(f));
      expect(file).toMatch(/^promise-tracker-council_1-\d{8}T\d{6}Z\.dump$/);
      expect(out.stdout).toContain(`Backed up council_1 to ${join(backups, file!)}`);
      expect(out.stdout).toContain(`Deleted 1 older: ${planted[0]}`);
      expect(readdirSync(backups).sort()).toEqual([file!, ...planted.slice(1)].sort());
      expect(await archiveContents(join(backups, file!))).toEqual({ whole: false, councils: ['council_1'] });

      const restored = await run('npx', ['tsx', 'scripts/restore.ts', join(backups, file!), '--database', 'fresh'], {
        env: env(),
      });
      expect(restored.stdout).toContain('into the database fresh');
      const before = await rowsOf(cluster.url, 'council_1');
      expect(before['users']).toHaveLength(1);
      expect(before['audit_log']![0]).toContain('North home');
      expect(Object.keys(before).length).toBeGreaterThanOrEqual(30);
      expect(await rowsOf(onDatabase(cluster.url, 'fresh'), 'council_1')).toEqual(before);
      // Only that council: South's schema is not in its backup.
      expect(await rowsOf(onDatabase(cluster.url, 'fresh'), 'council_2')).toEqual({});
    },
    scaled(120_000),
  );

  it(
    'backs up the whole deployment and restores it: registry, every council, sequences carried on',
    async () => {
      const file = join(dir, 'whole.dump');
      await backupPostgres(cluster.url, file);
      expect(await archiveContents(file)).toEqual({ whole: true, councils: ['council_1', 'council_2'] });
      expect(await restorePostgres(file, cluster.url, { database: 'whole' })).toEqual({
        database: 'whole',
        keptAside: [],
      });
      const copy = onDatabase(cluster.url, 'whole');
      for (const schema of ['public', 'council_1', 'council_2'])
        expect(await rowsOf(copy, schema)).toEqual(await rowsOf(cluster.url, schema));

      const client = new pg.Client({ connectionString: copy, options: '-c search_path=council_2' });
      await client.connect();
      try {
        expect(await councilSchemaFor(client, 'south.example')).toBe('council_2');
        const { rows } = await client.query(
          `insert into users (email, name, role, password_hash) values ('next@south.example', 'Next', 'owner', 'x') returning id`,
        );
        expect(rows).toEqual([{ id: 2 }]); // the identity goes on after the restored row
      } finally {
        await client.end();
      }
      // A whole deployment never lands on top of one.
      await expect(restorePostgres(file, cluster.url)).rejects.toThrow('already holds a deployment');
    },
    scaled(120_000),
  );

  it(
    'puts a council’s backup back into the running deployment, keeping the schema it replaced',
    async () => {
      const file = join(dir, 'north.dump');
      await backupPostgres(cluster.url, file, 'council_1');
      const before = await rowsOf(cluster.url, 'council_1');
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        await client.query('delete from council_1.users');
        expect((await client.query('select * from council_1.sessions')).rows).toEqual([]);
        const result = await restorePostgres(file, cluster.url, { now: new Date('2026-12-02T10:11:12.345Z') });
        expect(result.keptAside).toEqual(['council_1_before_restore_20261202t101112z']);
        expect(await rowsOf(cluster.url, 'council_1')).toEqual(before);
        expect(
          (await client.query('select count(*)::int as n from council_1_before_restore_20261202t101112z.users')).rows,
        ).toEqual([{ n: 0 }]);
        expect(await councilSchemaFor(client, 'north.example')).toBe('council_1');
      } finally {
        await client.end();
      }
    },
    scaled(120_000),
  );

  it(
    'restores a council’s backup beside the live council under another schema name',
    async () => {
      const file = join(dir, 'north.dump'); // taken by the test above, before its rows were deleted
      const live = new pg.Client({ connectionString: cluster.url });
      await live.connect();
      try {
        await live.query(`update council_1.themes set name = 'Changed since'`);
        const liveBefore = await rowsOf(cluster.url, 'council_1');
        const out = await run('npx', ['tsx', 'scripts/restore.ts', file, '--schema', 'north_yesterday'], {
          env: env(),
        });
        expect(out.stdout).toContain('schema north_yesterday');
        const copy = await rowsOf(cluster.url, 'north_yesterday');
        expect(copy['themes']![0]).toContain('North home');
        expect(copy['users']).toHaveLength(1);
        // The live council is as it was, and the copy's keys point inside the copy.
        expect(await rowsOf(cluster.url, 'council_1')).toEqual(liveBefore);
        const { rows } = await live.query(
          `select count(*)::int as n from pg_constraint c join pg_class t on t.oid = c.conrelid
            join pg_class r on r.oid = c.confrelid where c.contype = 'f'
             and t.relnamespace = 'north_yesterday'::regnamespace and r.relnamespace <> t.relnamespace`,
        );
        expect(rows).toEqual([{ n: 0 }]);
        await expect(restorePostgres(file, cluster.url, { schema: 'north_yesterday' })).rejects.toThrow(
          'already has a schema north_yesterday',
        );
        await expect(restorePostgres(join(dir, 'whole.dump'), cluster.url, { schema: 'x' })).rejects.toThrow(
          'only one council’s backup',
        );
        expect(await councilSchemaFor(live, 'north.example')).toBe('council_1');
      } finally {
        await live.end();
      }
    },
    scaled(120_000),
  );

  it(
    'refuses a file that is no pg_dump archive or comes from a newer release, and tells SQLite’s usage without DATABASE_URL',
    async () => {
      const junk = join(dir, 'junk.dump');
      writeFileSync(junk, 'not an archive');
      await expect(archiveContents(junk)).rejects.toThrow('is not a pg_dump archive');
      await expect(restorePostgres(junk, cluster.url, { database: 'never' })).rejects.toThrow(
        'is not a pg_dump archive',
      );
      // A council from a newer release (a migration this one does not know) is backed up, but
      // never restored, and nothing is made for it.
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      try {
        await admin.query(
          `insert into council_2.__drizzle_migrations (hash, created_at) values ('future', 4102444800000)`,
        );
        const newer = join(dir, 'newer.dump');
        await backupPostgres(cluster.url, newer, 'council_2');
        await expect(restorePostgres(newer, cluster.url, { database: 'newer' })).rejects.toThrow(
          "council_2's schema version (3, 4102444800000) is newer than or unknown to this release (2)",
        );
        expect((await admin.query(`select 1 from pg_database where datname = 'newer'`)).rows).toEqual([]);
      } finally {
        await admin.query(`delete from council_2.__drizzle_migrations where hash = 'future'`);
        await admin.end();
      }
      await expect(
        run('npx', ['tsx', 'scripts/restore.ts', junk, '--database', 'x'], {
          env: { ...process.env, DATABASE_URL: '' },
        }),
      ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run db:restore') });
    },
    scaled(60_000),
  );
});
