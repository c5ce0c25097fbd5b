// One rule in two languages: which commitments are closed, open and overdue, as the domain
// module says it (server/domain/commitment-state.ts) and as SQL says it
// (db/repositories/commitment-state.ts). Every status, due before, on and after the day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAndMigrate } from '../../db/client.js';
import {
  closedCommitment,
  notOverdueCommitment,
  openCommitment,
  overdueCommitment,
} from '../../db/repositories/commitment-state.js';
import { commitments, promises, themes } from '../../db/schema.js';
import { isClosed, isOverdue } from '../../server/domain/commitment-state.js';

const dir = mkdtempSync(join(tmpdir(), 'pt-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('commitment state', () => {
  it('gives the same answer in SQL as in the domain rule, for every status and due date', () => {
    const db = openAndMigrate(join(dir, 'state.db'));
    const theme = db.insert(themes).values({ name: 'Home', childName: 'Home' }).returning().get();
    const promise = db
      .insert(promises)
      .values({ themeId: theme.id, staffText: 'We will listen', childText: 'We will listen', audience: 'both' })
      .returning()
      .get();
    const statuses = ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped'] as const;
    const today = '2026-06-15';
    for (const status of statuses) {
      for (const dueDate of ['2026-06-14', today, '2026-06-16']) {
        db.insert(commitments)
          .values({ promiseId: promise.id, title: `${status} ${dueDate}`, dueDate, status })
          .run();
      }
    }
    const rows = db.select().from(commitments).all();
    const ids = (where: ReturnType<typeof openCommitment>) =>
      db
        .select({ id: commitments.id })
        .from(commitments)
        .where(where)
        .all()
        .map((r) => r.id)
        .sort((a, b) => a - b);
    const expected = (keep: (c: (typeof rows)[number]) => boolean) => rows.filter(keep).map((c) => c.id);

    expect(ids(closedCommitment())).toEqual(expected((c) => isClosed(c.status)));
    expect(ids(openCommitment())).toEqual(expected((c) => !isClosed(c.status)));
    expect(ids(overdueCommitment(today))).toEqual(expected((c) => isOverdue(c, today)));
    expect(ids(notOverdueCommitment(today))).toEqual(expected((c) => !isOverdue(c, today)));
    expect(ids(overdueCommitment(today))).toHaveLength(4); // the four open statuses, due yesterday
    db.$client.close();
  });
});
