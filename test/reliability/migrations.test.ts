// Guarantee 8: a database made by any released schema version upgrades to the current one and
// keeps all of its data. One frozen fixture per release lives in test/fixtures/schema/ (made by
// scripts/make-schema-fixture.ts); a release that adds a migration adds a fixture.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openAndMigrate } from '../../db/client.js';
import { checkDatabaseFile, knownSchemaVersions } from '../../db/backup.js';

const FIXTURES = resolve('test/fixtures/schema');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.db'));
const tmp = mkdtempSync(join(tmpdir(), 'pt-upgrade-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, unknown>;

function snapshot(db: Database.Database): Map<string, Row[]> {
  const tables = (
    db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return new Map(
    tables.map((t) => [t, db.prepare(`select rowid as _rowid, * from "${t}" order by rowid`).all() as Row[]]),
  );
}

describe('upgrading every released schema version', () => {
  it('has a fixture for every migration this release knows', () => {
    // One fixture per release: the latest migration of each is the fixture's name.
    expect(fixtures.length).toBeGreaterThanOrEqual(1);
    const latest = readdirSync(resolve('migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .at(-1)!
      .replace(/\.sql$/, '.db');
    expect(fixtures, 'run scripts/make-schema-fixture.ts for the newest release').toContain(latest);
  });

  it.each(fixtures)('%s upgrades and keeps all its data', (file) => {
    const path = join(tmp, file);
    copyFileSync(join(FIXTURES, file), path);
    expect(checkDatabaseFile(path)).toBeNull();

    const old = new Database(path, { readonly: true });
    const before = snapshot(old);
    const appliedBefore = (old.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    old.close();
    const rowsBefore = [...before.values()].reduce((n, rows) => n + rows.length, 0);
    expect(rowsBefore).toBeGreaterThan(100); // a fixture with data worth keeping

    const db = openAndMigrate(path);
    const after = snapshot(db.$client);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    const appliedAfter = (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number })
      .n;
    expect(appliedAfter).toBe(knownSchemaVersions().length);
    expect(appliedAfter).toBeGreaterThanOrEqual(appliedBefore);
    db.$client.close();

    // Every old row is still there with every old column's value (new columns may be added).
    for (const [table, rows] of before) {
      if (table === '__drizzle_migrations') continue;
      const now = new Map((after.get(table) ?? []).map((r) => [r._rowid, r]));
      expect(now.size, `${table} rows`).toBe(rows.length);
      for (const row of rows) {
        const upgraded = now.get(row._rowid);
        expect(upgraded, `${table} row ${String(row._rowid)}`).toBeDefined();
        for (const [col, value] of Object.entries(row)) expect(upgraded![col], `${table}.${col}`).toEqual(value);
      }
    }
  });
});
