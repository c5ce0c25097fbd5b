import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../db/client.js';
import { scaled } from '../helpers/slowness.js';

describe('migrations', () => {
  it('apply cleanly to an empty database, with the pragmas every connection needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-mig-'));
    const db = openAndMigrate(join(dir, 'fresh.db'));
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['promises', 'feedback', 'commitments', 'measures', 'audit_log']));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.$client.pragma('cache_size', { simple: true })).toBe(-2000); // 2 MB, not 16 MB
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'match the schema: drizzle-kit generate has nothing left to write',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'pt-gen-'));
      cpSync(resolve('migrations'), join(dir, 'migrations'), { recursive: true });
      const before = readdirSync(join(dir, 'migrations')).length;
      const out = execFileSync(
        'npx',
        [
          'drizzle-kit',
          'generate',
          '--dialect',
          'sqlite',
          '--schema',
          './db/schema.ts',
          '--out',
          relative(process.cwd(), join(dir, 'migrations')),
          '--casing',
          'snake_case',
        ],
        { encoding: 'utf8' },
      );
      const after = readdirSync(join(dir, 'migrations')).length;
      rmSync(dir, { recursive: true, force: true });
      expect(out).toContain('No schema changes');
      expect(after).toBe(before);
    },
    scaled(60_000),
  );
});
