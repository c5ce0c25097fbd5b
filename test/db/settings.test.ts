// Settings are kept between requests: a feedback write must not make them be read again, and a
// change to them (this process's, another connection's, or one rolled back) is seen at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeTestApp, TODAY, type TestApp } from '../helpers/app.js';
import { getSettings, writeSettings } from '../../db/repositories/settings.js';
import { writeScope, type WriteScope } from '../../db/repositories/write.js';
import { settings } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const item = (forumId: string) => ({
  text: 'We want to choose what goes on the menu',
  source: 'forum',
  forumId,
  heardOn: TODAY,
  ageBand: '8-11',
});

describe('kept settings', () => {
  it('are not read again after a feedback write', async () => {
    const participation = await t.as('participation');
    const kept = getSettings(t.db);
    expect((await participation.post('/api/v1/feedback', item('cicc'))).statusCode).toBe(201);
    // The very same object: no read of the settings row since.
    expect(getSettings(t.db)).toBe(kept);
  });

  it('show a settings change made through the API at once', async () => {
    const admin = await t.as('admin');
    const participation = await t.as('participation');
    const current = (await admin.get('/api/v1/settings')).json();
    expect((await participation.post('/api/v1/feedback', item('youth-voice'))).statusCode).toBe(400);
    const forums = [
      ...current.forums,
      { id: 'youth-voice', name: 'Youth voice', audience: 'both', frequency: 'Monthly', active: true },
    ];
    expect((await admin.put('/api/v1/settings', { version: current.version, forums })).statusCode).toBe(200);
    expect(getSettings(t.db).forums.map((f) => f.id)).toContain('youth-voice');
    expect((await participation.post('/api/v1/feedback', item('youth-voice'))).statusCode).toBe(201);
  });

  it('show a change committed by another connection at once', async () => {
    getSettings(t.db);
    const other = new Database(join(t.dir, 'test.db'));
    other.prepare("update settings set council_name = 'Renamed by a script' where id = 1").run();
    other.close();
    expect(getSettings(t.db).councilName).toBe('Renamed by a script');
  });

  it('forget a change read inside a shared commit that then failed', async () => {
    const before = getSettings(t.db).answerTargetDays;
    // A test-only trap: a deferred foreign key fails the shared commit after every statement
    // has succeeded (as in test/routes/group-commit.test.ts).
    t.db.$client.exec(`
      CREATE TABLE doom (id INTEGER REFERENCES themes(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER doom_trap AFTER UPDATE ON settings WHEN NEW.answer_target_days = 99
      BEGIN INSERT INTO doom VALUES (-1); END;
    `);
    try {
      const scope: WriteScope = {};
      await writeScope.run(scope, () =>
        writeSettings(t.db, (tx) => tx.update(settings).set({ answerTargetDays: 99 }).run()),
      );
      // Read (and kept) while the shared transaction is still open...
      expect(getSettings(t.db).answerTargetDays).toBe(99);
      await expect(scope.committed).rejects.toThrow();
    } finally {
      t.db.$client.exec('DROP TRIGGER doom_trap; DROP TABLE doom;');
    }
    // ...and gone with it.
    expect(getSettings(t.db).answerTargetDays).toBe(before);
  });
});
