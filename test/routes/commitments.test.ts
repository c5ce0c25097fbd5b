import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  makeTestApp,
  signInClient,
  TEST_PASSWORD,
  TEST_PASSWORD_COST,
  type Client,
  type TestApp,
} from '../helpers/app.js';
import { hashPassword } from '../../db/repositories/users.js';
import { auditLog, feedback, feedbackCommitments, promises, themes, users } from '../../db/schema.js';
import { detailAfterSave } from '../../server/contracts/index.js';

// Fixtures: one theme, three promises (one archived, one kept for the list filters), and a
// second owner so "someone else's commitment" is real. TODAY is 2026-06-15.
const ids = { promise: 0, listPromise: 0, archivedPromise: 0, owner2: 0 };
let t: TestApp;
let owner2: Client;

beforeAll(async () => {
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
  t = await makeTestApp({
    seed: (db) => {
      const theme = db
        .insert(themes)
        .values({ name: 'Relationships', childName: 'People who matter' })
        .returning()
        .get();
      const promise = (staffText: string, archived = false) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText, childText: staffText, audience: 'both', archived })
          .returning()
          .get().id;
      ids.promise = promise('Support contact with brothers and sisters');
      ids.listPromise = promise('Help care leavers find a home');
      ids.archivedPromise = promise('An old promise', true);
      ids.owner2 = db
        .insert(users)
        .values({
          email: 'owner2@test.example',
          name: 'Second Owner',
          role: 'owner',
          canOwnActions: true,
          passwordHash,
        })
        .returning()
        .get().id;
    },
  });
  owner2 = await signInClient(t.app, 'owner2@test.example', ids.owner2);
});
afterAll(() => t.close());

type Body = Record<string, unknown>;
async function create(body: Body) {
  const admin = await t.as('admin');
  const res = await admin.post('/api/v1/commitments', {
    promiseId: ids.promise,
    title: 'Set up sibling contact days',
    dueDate: '2026-09-30',
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const auditFor = (entity: string, id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .all();

describe('creating and reading commitments', () => {
  it('creates a commitment with its owner, promise text and an empty history, and audits it', async () => {
    const c = await create({ ownerId: t.userIds.owner, childTitle: 'Days out with your brothers and sisters' });
    expect(c).toMatchObject({
      promiseId: ids.promise,
      promiseStaffText: 'Support contact with brothers and sisters',
      title: 'Set up sibling contact days',
      childTitle: 'Days out with your brothers and sisters',
      ownerId: t.userIds.owner,
      ownerName: 'Test owner',
      dueDate: '2026-09-30',
      status: 'not_started',
      progress: 0,
      lastUpdateAt: null,
      archived: false,
      overdue: false,
      version: 1,
      updates: [],
    });
    const viewer = await t.as('viewer');
    const got = await viewer.get(`/api/v1/commitments/${c.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: c.id, ownerName: 'Test owner', updates: [] });
    const audit = auditFor('commitment', c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', userId: t.userIds.admin });
  });

  it('creating a commitment as done records it as 100% done', async () => {
    const c = await create({ status: 'done', progress: 40 });
    expect(c).toMatchObject({ status: 'done', progress: 100 });
  });

  it('rejects bad input with field problems', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/commitments', {
      promiseId: ids.promise,
      title: '',
      dueDate: '2026-02-30',
      progress: 101,
      status: 'finished',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.dueDate', 'body.progress', 'body.status']));

    const missing = await admin.post('/api/v1/commitments', { title: 'No promise' });
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.promiseId', 'body.dueDate']),
    );
  });

  it('refuses a promise that does not exist or is archived, and an owner who cannot own actions', async () => {
    const admin = await t.as('admin');
    const base = { title: 'x', dueDate: '2026-09-30' };
    for (const promiseId of [99999, ids.archivedPromise]) {
      const res = await admin.post('/api/v1/commitments', { ...base, promiseId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.promiseId' })]);
    }
    for (const ownerId of [t.userIds.viewer, 99999]) {
      const res = await admin.post('/api/v1/commitments', { ...base, promiseId: ids.promise, ownerId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.ownerId' })]);
    }
  });

  it('lets an action owner add a commitment to a promise they lead, audited as theirs', async () => {
    const themeId = t.db.select().from(promises).where(eq(promises.id, ids.promise)).get()!.themeId;
    const led = t.db
      .insert(promises)
      .values({
        themeId,
        staffText: 'Keep in touch after you move',
        childText: 'x',
        audience: 'both',
        ownerId: t.userIds.owner,
      })
      .returning()
      .get().id;
    const owner = await t.as('owner');
    const res = await owner.post('/api/v1/commitments', {
      promiseId: led,
      title: 'Call each care leaver monthly',
      dueDate: '2026-12-31',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ promiseId: led, title: 'Call each care leaver monthly' });
    const audit = auditFor('commitment', res.json().id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', userId: t.userIds.owner })]);
    // Not on a promise someone else leads, nor one nobody leads.
    expect(
      (await owner2.post('/api/v1/commitments', { promiseId: led, title: 'x', dueDate: '2026-12-31' })).statusCode,
    ).toBe(403);
    expect(
      (await owner.post('/api/v1/commitments', { promiseId: ids.promise, title: 'x', dueDate: '2026-12-31' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets no other role create', async () => {
    for (const role of ['owner', 'participation', 'board', 'viewer'] as const) {
      const client = await t.as(role);
      const res = await client.post('/api/v1/commitments', {
        promiseId: ids.promise,
        title: 'x',
        dueDate: '2026-09-30',
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.anon.get('/api/v1/commitments')).statusCode).toBe(401);
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/commitments/99999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/commitments/99999/updates')).statusCode).toBe(404);
    expect((await admin.patch('/api/v1/commitments/99999', { version: 1, status: 'done' })).statusCode).toBe(404);
    expect((await admin.del('/api/v1/commitments/99999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/commitments/abc')).statusCode).toBe(400);
  });
});

describe('who may update a commitment', () => {
  it('an owner updates their own commitment', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const res = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, status: 'on_track', progress: 30 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'on_track', progress: 30, version: 2 });
  });

  it("an owner gets 403 on someone else's commitment, without seeing its current record", async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const res = await owner2.patch(`/api/v1/commitments/${c.id}`, { version: 99, progress: 50 });
    expect(res.statusCode).toBe(403);
    expect(res.json().current).toBeUndefined();
    const unowned = await create({ ownerId: null });
    expect((await owner2.patch(`/api/v1/commitments/${unowned.id}`, { version: 1, progress: 50 })).statusCode).toBe(
      403,
    );
  });

  it("an admin updates anyone's commitment", async () => {
    const c = await create({ ownerId: ids.owner2 });
    const admin = await t.as('admin');
    const res = await admin.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      progress: 60,
      ownerId: t.userIds.owner,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ progress: 60, ownerId: t.userIds.owner, ownerName: 'Test owner' });
    // The answer names the promise and owner the commitment has now, moved or not.
    const moved = await admin.patch(`/api/v1/commitments/${c.id}`, { version: 2, promiseId: ids.listPromise });
    expect(moved.json()).toMatchObject({ promiseStaffText: 'Help care leavers find a home', ownerName: 'Test owner' });
    const page = (await admin.get(`/api/v1/commitments/${c.id}`)).json();
    const kept = await admin.patch(`/api/v1/commitments/${c.id}`, { version: 3, progress: 70 });
    expect(kept.json()).toMatchObject({ promiseStaffText: 'Help care leavers find a home', ownerName: 'Test owner' });
    // The page's detail, brought up to date by the answer, is the detail read afresh.
    expect(detailAfterSave(page, kept.json())).toEqual((await admin.get(`/api/v1/commitments/${c.id}`)).json());
    // Back where it was, so the listing tests below see their own promise's work only.
    const back = await admin.patch(`/api/v1/commitments/${c.id}`, { version: 4, promiseId: ids.promise });
    expect(back.json()).toMatchObject({ promiseStaffText: 'Support contact with brothers and sisters' });
  });

  it('participation, board and viewer get 403', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    for (const role of ['participation', 'board', 'viewer'] as const) {
      const client = await t.as(role);
      expect((await client.patch(`/api/v1/commitments/${c.id}`, { version: 1, progress: 10 })).statusCode).toBe(403);
      expect((await client.del(`/api/v1/commitments/${c.id}`)).statusCode).toBe(403);
    }
    const owner = await t.as('owner');
    expect((await owner.del(`/api/v1/commitments/${c.id}`)).statusCode).toBe(403);
  });

  it('an owner cannot hand their commitment to someone else or move it to another promise', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const reassign = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, ownerId: ids.owner2 });
    expect(reassign.statusCode).toBe(403);
    const move = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, promiseId: ids.listPromise });
    expect(move.statusCode).toBe(403);
    // Sending the same owner back is not a reassignment.
    const same = await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      ownerId: t.userIds.owner,
      title: 'New',
    });
    expect(same.statusCode).toBe(200);
  });

  it('answers a stale version with 409 and the current record', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, progress: 20 });
    const stale = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, progress: 25 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ id: c.id, progress: 20, version: 2 });
  });
});

describe('the history of updates', () => {
  it('appends a row for a status, progress or note change, newest first, and never rewrites it', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const first = await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      status: 'on_track',
      progress: 25,
      note: 'First contact day booked for July',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().lastUpdateAt).toBe('2026-06-15T12:00:00.000Z');
    expect(first.json().recorded).toMatchObject({
      note: 'First contact day booked for July',
      authorName: 'Test owner',
    });

    await owner.patch(`/api/v1/commitments/${c.id}`, { version: 2, note: 'Venue confirmed' });
    // A title change alone is not progress: no history row.
    const titled = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 3, title: 'Sibling days' });
    expect(titled.json().recorded).toBeNull();

    const history = await (await t.as('board')).get(`/api/v1/commitments/${c.id}/updates`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      note: 'Venue confirmed',
      status: 'on_track',
      progress: 25,
      oldDueDate: null,
      newDueDate: null,
      authorId: t.userIds.owner,
      authorName: 'Test owner',
      updatedOn: '2026-06-15',
    });
    expect(items[1]).toMatchObject({ note: 'First contact day booked for July', status: 'on_track', progress: 25 });
    expect(items[0].id).toBeGreaterThan(items[1].id);
    expect(auditFor('commitment_update', items[0].id)).toHaveLength(1);
  });

  it('carries the newest 12 updates and the total in the detail, which every save’s answer keeps exact; the full list has them all', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    // A page that only ever applies save answers to the detail it first read.
    let page = (await owner.get(`/api/v1/commitments/${c.id}`)).json();
    for (let n = 1; n <= 14; n++) {
      const saved = await owner.patch(`/api/v1/commitments/${c.id}`, { version: page.version, note: `Update ${n}` });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).not.toHaveProperty('updates');
      page = detailAfterSave(page, saved.json());
    }
    const fresh = (await owner.get(`/api/v1/commitments/${c.id}`)).json();
    expect(page).toEqual(fresh);
    expect(fresh.updatesTotal).toBe(14);
    expect(fresh.updates.map((u: { note: string }) => u.note)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Update ${14 - i}`),
    );
    const all = (await owner.get(`/api/v1/commitments/${c.id}/updates`)).json().items;
    expect(all).toHaveLength(14);
    expect(all.at(-1).note).toBe('Update 1');
  });

  it('does not log a field sent with its current value', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const res = await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      status: 'not_started',
      progress: 0,
      dueDate: '2026-09-30',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ recorded: null, lastUpdateAt: null });
  });

  it('requires a reason to move the due date, and keeps the old date in the history', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const noReason = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, dueDate: '2026-12-31' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'body.dueDateReason' })]);
    const blank = await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      dueDate: '2026-12-31',
      dueDateReason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    // Nothing changed: still version 1, old date.
    const unchanged = (await owner.get(`/api/v1/commitments/${c.id}`)).json();
    expect(unchanged).toMatchObject({ version: 1, dueDate: '2026-09-30', updates: [] });

    const moved = await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      dueDate: '2026-12-31',
      dueDateReason: 'The venue closed for repairs',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ dueDate: '2026-12-31', version: 2 });
    expect(moved.json().recorded).toEqual(
      expect.objectContaining({
        oldDueDate: '2026-09-30',
        newDueDate: '2026-12-31',
        dueDateReason: 'The venue closed for repairs',
        note: '',
        status: 'not_started',
      }),
    );

    // A second move keeps the first row as it was.
    await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 2,
      dueDate: '2027-03-31',
      dueDateReason: 'Waiting for funding',
    });
    const items = (await owner.get(`/api/v1/commitments/${c.id}/updates`)).json().items;
    expect(items.map((u: { oldDueDate: string; newDueDate: string }) => [u.oldDueDate, u.newDueDate])).toEqual([
      ['2026-12-31', '2027-03-31'],
      ['2026-09-30', '2026-12-31'],
    ]);
  });

  it("sets progress to 100 when the status becomes 'done'", async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const res = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, status: 'done', note: 'All done' });
    expect(res.json()).toMatchObject({ status: 'done', progress: 100 });
    expect(res.json().recorded).toMatchObject({ status: 'done', progress: 100, note: 'All done' });
  });

  it('rejects a note over 500 characters and a progress outside 0-100', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const long = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, note: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([expect.objectContaining({ path: 'body.note' })]);
    const ok = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, note: 'x'.repeat(500) });
    expect(ok.statusCode).toBe(200);
    const negative = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 2, progress: -1 });
    expect(negative.json().errors).toEqual([expect.objectContaining({ path: 'body.progress' })]);
    const noVersion = await owner.patch(`/api/v1/commitments/${c.id}`, { progress: 10 });
    expect(noVersion.json().errors).toEqual([expect.objectContaining({ path: 'body.version' })]);
  });

  it('audits each update with what changed', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, progress: 45 });
    const update = auditFor('commitment', c.id).find((a) => a.action === 'update');
    expect(update).toMatchObject({ userId: t.userIds.owner });
    expect(update?.before).toMatchObject({ progress: 0 });
    expect(update?.after).toMatchObject({ progress: 45, lastUpdateAt: '2026-06-15T12:00:00.000Z' });
  });
});

describe('listing commitments', () => {
  // Under listPromise, TODAY = 2026-06-15:
  //   a 2026-05-01 on_track  owner   -> overdue
  //   b 2026-06-14 done              -> not overdue (done)
  //   c 2026-06-15 not_started owner -> not overdue (due today)
  //   d 2026-09-30 at_risk  owner2   -> not overdue
  //   e 2026-01-10 dropped           -> not overdue (dropped)
  const c: Record<string, { id: number; version: number }> = {};
  const list = async (query: string) => {
    const res = await (await t.as('viewer')).get(`/api/v1/commitments?promiseId=${ids.listPromise}&${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const titles = (page: { items: { title: string }[] }) => page.items.map((i) => i.title);

  beforeAll(async () => {
    const rows: [string, string, string, number | null][] = [
      ['a', '2026-05-01', 'on_track', t.userIds.owner],
      ['b', '2026-06-14', 'done', null],
      ['c', '2026-06-15', 'not_started', t.userIds.owner],
      ['d', '2026-09-30', 'at_risk', ids.owner2],
      ['e', '2026-01-10', 'dropped', null],
    ];
    for (const [title, dueDate, status, ownerId] of rows)
      c[title] = await create({ promiseId: ids.listPromise, title, dueDate, status, ownerId });
  });

  it('sorts by due date by default, with each item carrying owner, promise text and overdue flag', async () => {
    const page = await list('');
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(titles(page)).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(page.items.map((i: { overdue: boolean }) => i.overdue)).toEqual([false, true, false, false, false]);
    expect(page.items[1]).toMatchObject({
      ownerName: 'Test owner',
      promiseStaffText: 'Help care leavers find a home',
    });
    expect(page.items[0].ownerName).toBeNull();
    expect(titles(await list('sort=-dueDate'))).toEqual(['d', 'c', 'b', 'a', 'e']);
  });

  it('filters by overdue, owner, status and due-before', async () => {
    expect(titles(await list('overdue=true'))).toEqual(['a']);
    expect(titles(await list('overdue=false'))).toEqual(['e', 'b', 'c', 'd']);
    expect(titles(await list(`ownerId=${t.userIds.owner}`))).toEqual(['a', 'c']);
    expect(titles(await list(`ownerId=${ids.owner2}`))).toEqual(['d']);
    expect(titles(await list('status=done'))).toEqual(['b']);
    expect(titles(await list('dueBefore=2026-06-15'))).toEqual(['e', 'a', 'b']);
    expect(titles(await list(`ownerId=${t.userIds.owner}&dueBefore=2026-06-01`))).toEqual(['a']);
  });

  it('pages through the results', async () => {
    const page2 = await list('page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(titles(page2)).toEqual(['b', 'c']);
    const page3 = await list('page=3&pageSize=2');
    expect(titles(page3)).toEqual(['d']);
    expect(titles(await list('page=4&pageSize=2'))).toEqual([]);
  });

  it('sorts by when a commitment last changed', async () => {
    await new Promise((r) => setTimeout(r, 5));
    const admin = await t.as('admin');
    const res = await admin.patch(`/api/v1/commitments/${c.b!.id}`, { version: 1, childReason: 'Finished' });
    expect(res.statusCode).toBe(200);
    expect(titles(await list('sort=-updatedAt'))[0]).toBe('b');
    expect(titles(await list('sort=updatedAt')).at(-1)).toBe('b');
  });

  it('archives on DELETE: gone from the list, still readable, listed with archived=true, audited', async () => {
    const admin = await t.as('admin');
    const res = await admin.del(`/api/v1/commitments/${c.e!.id}`);
    expect(res.statusCode).toBe(204);
    expect(titles(await list(''))).toEqual(['a', 'b', 'c', 'd']);
    expect(titles(await list('archived=true'))).toEqual(['e']);
    const got = await admin.get(`/api/v1/commitments/${c.e!.id}`);
    expect(got.json()).toMatchObject({ archived: true, version: 2 });
    expect(auditFor('commitment', c.e!.id).map((a) => a.action)).toEqual(['create', 'archive']);
  });

  it('rejects bad filters with 400', async () => {
    const viewer = await t.as('viewer');
    for (const [query, path] of [
      ['status=finished', 'querystring.status'],
      ['overdue=yes', 'querystring.overdue'],
      ['dueBefore=2026-13-01', 'querystring.dueBefore'],
      ['sort=title', 'querystring.sort'],
      ['pageSize=0', 'querystring.pageSize'],
      ['promiseId=abc', 'querystring.promiseId'],
    ]) {
      const res = await viewer.get(`/api/v1/commitments?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });
});

describe('the quick update', () => {
  it('sets the child-friendly update and dates the note, which may not be in the future or over 500 characters', async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const future = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, note: 'x', noteDate: '2026-06-16' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: 'body.noteDate' })]);
    const long = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 1, note: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([expect.objectContaining({ path: 'body.note' })]);

    const res = await owner.patch(`/api/v1/commitments/${c.id}`, {
      version: 1,
      childUpdate: 'We have booked the first day out',
      childUpdateCy: 'Rydyn ni wedi trefnu’r diwrnod cyntaf',
      note: 'x'.repeat(500),
      noteDate: '2026-06-15',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      childUpdate: 'We have booked the first day out',
      childUpdateCy: 'Rydyn ni wedi trefnu’r diwrnod cyntaf',
      lastUpdateAt: '2026-06-15T12:00:00.000Z',
    });
    expect(res.json().recorded).toMatchObject({ updatedOn: '2026-06-15' });

    // A child-friendly update alone is an update: it is logged and counts as fresh.
    const only = await owner.patch(`/api/v1/commitments/${c.id}`, { version: 2, childUpdate: 'Nearly there' });
    expect(only.json().recorded).toMatchObject({ note: '' });
    expect((await owner.get(`/api/v1/commitments/${c.id}`)).json().updatesTotal).toBe(2);
  });

  it("shows the children's words that prompted it, safeguarding-flagged ones to participation and admin only", async () => {
    const c = await create({ ownerId: t.userIds.owner });
    const link = (text: string, safeguarding: boolean) => {
      const id = t.db
        .insert(feedback)
        .values({ text, source: 'survey', heardOn: '2026-05-01', ageBand: 'care-leaver', safeguarding })
        .returning()
        .get().id;
      t.db.insert(feedbackCommitments).values({ feedbackId: id, commitmentId: c.id }).run();
      return id;
    };
    const open = link('I want to see my sister more', false);
    const flagged = link('Flagged words', true);
    for (const role of ['owner', 'board', 'viewer'] as const) {
      const res = await (await t.as(role)).get(`/api/v1/commitments/${c.id}`);
      expect(res.json().youSaid.map((y: { id: number }) => y.id)).toEqual([open]);
    }
    for (const role of ['participation', 'admin'] as const) {
      const res = await (await t.as(role)).get(`/api/v1/commitments/${c.id}`);
      expect(res.json().youSaid.map((y: { id: number }) => y.id)).toEqual([flagged, open]);
    }
    const res = await (await t.as('owner')).get(`/api/v1/commitments/${c.id}`);
    expect(res.json().youSaid[0]).toEqual({
      id: open,
      text: 'I want to see my sister more',
      wordsShown: 'masked',
      ageBand: 'care-leaver',
      ageBandLabel: 'Care leaver (16 to 25)',
      heardOn: '2026-05-01',
      source: 'survey',
      safeguarding: false,
    });
  });
});
