// plainColumns lets a plain statement read rows in drizzle's shape, and refuses columns drizzle maps.
import { describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../db/client.js';
import { plainColumns } from '../../db/repositories/plain-columns.js';
import { commitmentUpdates, feedback } from '../../db/schema.js';

describe('plainColumns', () => {
  it('reads a row exactly as drizzle does', () => {
    const db = openAndMigrate(':memory:');
    db.$client.exec(`insert into users (email, name, role, password_hash) values ('o@x.example', 'O', 'owner', 'x')`);
    db.$client.exec(`insert into themes (name, child_name) values ('T', 'T')`);
    db.$client.exec(`insert into promises (theme_id, staff_text, child_text, audience) values (1, 'P', 'P', 'both')`);
    db.$client.exec(`insert into commitments (promise_id, title, due_date) values (1, 'C', '2026-12-01')`);
    db.insert(commitmentUpdates)
      .values({ commitmentId: 1, note: 'n', status: 'on_track', progress: 5, authorId: 1, updatedOn: '2026-11-25' })
      .run();
    const plain = db.$client.prepare(`select ${plainColumns(commitmentUpdates, 'u')} from commitment_updates u`).get();
    expect(plain).toEqual(db.select().from(commitmentUpdates).get());
  });

  it('refuses a table with a column drizzle maps (a boolean here)', () => {
    expect(() => plainColumns(feedback, 'f')).toThrow(/read it through drizzle/);
  });
});
