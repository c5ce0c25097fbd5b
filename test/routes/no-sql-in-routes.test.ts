// Routes hold no SQL: every statement lives in db/repositories/, so one rule about the data is
// written once. This reads the source of server/routes/ and fails on a raw statement, a handle on
// the SQLite client, or a value import of drizzle or the schema tables (type imports are fine).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = join(import.meta.dirname, '../../server/routes');

const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'sql`…`', pattern: /\bsql\s*(<[^>]*>)?\s*`/ },
  { what: '.prepare(', pattern: /\.prepare\s*\(/ },
  { what: '$client', pattern: /\$client\b/ },
  { what: "import from 'drizzle-orm'", pattern: /^import\s+(?!type\b)[^;]*from\s+'drizzle-orm[^']*'/m },
  { what: 'import of db/schema tables', pattern: /^import\s+(?!type\b)[^;]*from\s+'[./]*db\/schema\.js'/m },
];

/**
 * Files still holding SQL, each being moved out by other work under issue 16: board.ts (its
 * summary cache) and board-pack.ts (the focus theme and progress report queries). Take a file off
 * this list when it is clean; the test fails if a listed file no longer needs to be here.
 */
const NOT_YET_MOVED = new Set(['board-pack.ts']);

function offences(source: string): string[] {
  return FORBIDDEN.filter((f) => f.pattern.test(source)).map((f) => f.what);
}

const files = readdirSync(ROUTES).filter((f) => f.endsWith('.ts'));

describe('server/routes holds no SQL', () => {
  it('reads the route files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.filter((f) => !NOT_YET_MOVED.has(f)))('%s has no SQL', (file) => {
    expect(offences(readFileSync(join(ROUTES, file), 'utf8'))).toEqual([]);
  });

  it.each([...NOT_YET_MOVED])('%s is still listed only because it still holds SQL', (file) => {
    expect(offences(readFileSync(join(ROUTES, file), 'utf8'))).not.toEqual([]);
  });

  it('catches each kind of SQL it looks for', () => {
    expect(offences('app.db.get(sql`select 1`);')).toEqual(['sql`…`']);
    expect(offences("db.$client.prepare('select 1')")).toEqual(['.prepare(', '$client']);
    expect(offences("import { eq } from 'drizzle-orm';")).toEqual(["import from 'drizzle-orm'"]);
    expect(offences("import { users } from '../../db/schema.js';")).toEqual(['import of db/schema tables']);
    expect(offences("import type { AgeBand } from '../../db/schema.js';")).toEqual([]);
  });
});
