// Writes made together share one commit, and nothing is acknowledged before it is on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const countFromOtherConnection = (table: string) => {
  const other = new Database(join(t.dir, 'test.db'), { readonly: true });
  const n = (other.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  other.close();
  return n;
};

describe('group commit', () => {
  it('acknowledges each of many simultaneous creates only once it is committed', async () => {
    const admin = await t.as('admin');
    const before = countFromOtherConnection('themes');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        admin.post('/api/v1/themes', { name: `Theme ${i}`, childName: `Theme ${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(25).fill(201));
    // Another connection sees only committed data: every acknowledged row is there.
    expect(countFromOtherConnection('themes')).toBe(before + 25);
    expect(countFromOtherConnection("audit_log where entity = 'theme' and action = 'create'")).toBeGreaterThanOrEqual(
      25,
    );
  });

  it('keeps a failed write in a group from undoing the others', async () => {
    const admin = await t.as('admin');
    const theme = (await admin.post('/api/v1/themes', { name: 'Base', childName: 'Base' })).json();
    const [stale, fresh, created] = await Promise.all([
      admin.patch(`/api/v1/themes/${theme.id}`, { version: 99, name: 'Stale' }),
      admin.patch(`/api/v1/themes/${theme.id}`, { version: 1, name: 'Fresh' }),
      admin.post('/api/v1/themes', { name: 'Another', childName: 'Another' }),
    ]);
    expect(stale.statusCode).toBe(409);
    expect(fresh.statusCode).toBe(200);
    expect(created.statusCode).toBe(201);
    const other = new Database(join(t.dir, 'test.db'), { readonly: true });
    const names = other.prepare('select name from themes where id in (?, ?)').all(theme.id, created.json().id);
    other.close();
    expect(names.map((r) => (r as { name: string }).name).sort()).toEqual(['Another', 'Fresh']);
  });

  it('answers 503 and keeps nothing when the shared commit cannot be written', async () => {
    const admin = await t.as('admin');
    // A test-only trap: a deferred foreign key is checked only at COMMIT, so every statement of
    // the request succeeds and the shared commit fails.
    t.db.$client.exec(`
      CREATE TABLE doom (theme_id INTEGER REFERENCES themes(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER doom_trap AFTER INSERT ON themes WHEN NEW.name = 'Doomed'
      BEGIN INSERT INTO doom VALUES (-1); END;
    `);
    const themesBefore = countFromOtherConnection('themes');
    const auditBefore = countFromOtherConnection('audit_log');
    const listed = (await admin.get('/api/v1/themes')).json().items.length;
    const res = await admin.post('/api/v1/themes', { name: 'Doomed', childName: 'Doomed' });
    expect(res.statusCode).toBe(503);
    // Nothing read from the rolled-back write survives: the settings and list caches move on.
    expect((await admin.get('/api/v1/themes')).json().items.length).toBe(listed);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(countFromOtherConnection('themes')).toBe(themesBefore);
    expect(countFromOtherConnection('audit_log')).toBe(auditBefore);
    t.db.$client.exec('DROP TRIGGER doom_trap; DROP TABLE doom;');
    // And the next write works.
    expect((await admin.post('/api/v1/themes', { name: 'After', childName: 'After' })).statusCode).toBe(201);
  });
});
