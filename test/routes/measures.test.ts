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
import { auditLog, promises, themes, users } from '../../db/schema.js';

// Fixtures: one theme, three promises (one archived) and a second owner. The small-number
// threshold is the default, 5.
const ids = { promise: 0, otherPromise: 0, archivedPromise: 0, owner2: 0 };
let t: TestApp;
let owner2: Client;

beforeAll(async () => {
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
  t = await makeTestApp({
    seed: (db) => {
      const theme = db.insert(themes).values({ name: 'Future', childName: 'Your future' }).returning().get();
      const promise = (staffText: string, archived = false) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText, childText: staffText, audience: 'both', archived })
          .returning()
          .get().id;
      ids.promise = promise('Help care leavers into education, employment or training');
      ids.otherPromise = promise('Keep children in one home');
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
  const res = await admin.post('/api/v1/measures', {
    promiseId: ids.promise,
    name: 'Care leavers in education, employment or training',
    unit: 'percent',
    direction: 'higher',
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
async function put(client: Client, measureId: number, period: string, body: Body, status = 201) {
  const res = await client.put(`/api/v1/measures/${measureId}/values/${period}`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const auditFor = (entity: string) => t.db.select().from(auditLog).where(eq(auditLog.entity, entity)).all();

describe('creating and reading measures', () => {
  it('creates a measure and reads it back with its promise, owner, trend and target status', async () => {
    const m = await create({ ownerId: t.userIds.owner, baseline: 52, target: 60, source: 'SSDA903' });
    expect(m).toMatchObject({
      promiseId: ids.promise,
      promiseStaffText: 'Help care leavers into education, employment or training',
      unit: 'percent',
      direction: 'higher',
      baseline: 52,
      baselineSuppressed: false,
      target: 60,
      ownerId: t.userIds.owner,
      ownerName: 'Test owner',
      archived: false,
      latest: null,
      trend: 'not enough data',
      targetStatus: { result: 'not enough data', gap: null },
      values: [],
      version: 1,
    });
    const got = await (await t.as('viewer')).get(`/api/v1/measures/${m.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: m.id, name: m.name });
    const audit = auditFor('measure').filter((a) => a.entityId === String(m.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects bad input, unknown promises and owners who cannot own actions', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/measures', { promiseId: ids.promise, name: '', unit: 'kg', direction: 'up' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.unit', 'body.direction']),
    );
    const base = { name: 'x', unit: 'count', direction: 'lower' };
    const archived = await admin.post('/api/v1/measures', { ...base, promiseId: ids.archivedPromise });
    expect(archived.json().errors).toEqual([expect.objectContaining({ path: 'body.promiseId' })]);
    const viewerOwner = await admin.post('/api/v1/measures', {
      ...base,
      promiseId: ids.promise,
      ownerId: t.userIds.board,
    });
    expect(viewerOwner.json().errors).toEqual([expect.objectContaining({ path: 'body.ownerId' })]);
  });

  it('lets only admins create and archive, and answers unknown ids with 404', async () => {
    const m = await create({ ownerId: t.userIds.owner });
    for (const role of ['owner', 'participation', 'board', 'viewer'] as const) {
      const client = await t.as(role);
      const res = await client.post('/api/v1/measures', {
        promiseId: ids.promise,
        name: 'x',
        unit: 'count',
        direction: 'lower',
      });
      expect(res.statusCode).toBe(403);
      expect((await client.del(`/api/v1/measures/${m.id}`)).statusCode).toBe(403);
    }
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/measures/99999')).statusCode).toBe(404);
    expect((await admin.patch('/api/v1/measures/99999', { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await admin.del('/api/v1/measures/99999')).statusCode).toBe(404);
    expect(
      (await admin.put('/api/v1/measures/99999/values/2025', { periodEnd: '2025-12-31', value: 1 })).statusCode,
    ).toBe(404);
    expect((await admin.del('/api/v1/measures/99999/values/2025')).statusCode).toBe(404);
  });
});

describe('who may change a measure', () => {
  it("an owner changes their own measure, gets 403 on someone else's; an admin changes any", async () => {
    const mine = await create({ ownerId: t.userIds.owner });
    const theirs = await create({ ownerId: ids.owner2 });
    const owner = await t.as('owner');
    const ok = await owner.patch(`/api/v1/measures/${mine.id}`, { version: 1, target: 65 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ target: 65, version: 2 });
    const refused = await owner.patch(`/api/v1/measures/${theirs.id}`, { version: 1, target: 65 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().current).toBeUndefined();
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/v1/measures/${theirs.id}`, { version: 1, target: 70 })).json()).toMatchObject({
      target: 70,
      version: 2,
    });
  });

  it('viewer, board and participation get 403; an owner cannot give the measure away', async () => {
    const m = await create({ ownerId: t.userIds.owner });
    for (const role of ['participation', 'board', 'viewer'] as const) {
      const client = await t.as(role);
      expect((await client.patch(`/api/v1/measures/${m.id}`, { version: 1, target: 1 })).statusCode).toBe(403);
      expect(
        (await client.put(`/api/v1/measures/${m.id}/values/2025`, { periodEnd: '2025-12-31', value: 50 })).statusCode,
      ).toBe(403);
    }
    const owner = await t.as('owner');
    expect((await owner.patch(`/api/v1/measures/${m.id}`, { version: 1, ownerId: ids.owner2 })).statusCode).toBe(403);
    expect(
      (await owner.patch(`/api/v1/measures/${m.id}`, { version: 1, promiseId: ids.otherPromise })).statusCode,
    ).toBe(403);
  });

  it('answers a stale version with 409 and the current record', async () => {
    const m = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    await owner.patch(`/api/v1/measures/${m.id}`, { version: 1, name: 'Care leavers in EET' });
    const stale = await owner.patch(`/api/v1/measures/${m.id}`, { version: 1, name: 'Something else' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: 'Care leavers in EET', version: 2 });
    const noVersion = await owner.patch(`/api/v1/measures/${m.id}`, { name: 'x' });
    expect(noVersion.json().errors).toEqual([expect.objectContaining({ path: 'body.version' })]);
  });
});

describe('values by period', () => {
  it('works a period’s end out from its name, and asks for it only when the name does not say', async () => {
    const m = await create({ ownerId: t.userIds.owner });
    const admin = await t.as('admin');
    for (const [period, periodEnd] of [
      ['2016', '2016-12-31'],
      ['2016/17', '2017-03-31'],
      ['2024-25', '2025-03-31'],
      ['Q4 2026', '2026-12-31'],
      ['2025-Q3', '2025-09-30'],
      ['March 2026', '2026-03-31'],
      ['2025-10', '2025-10-31'],
    ]) {
      const saved = await put(admin, m.id, encodeURIComponent(period!), { value: 50 });
      expect(saved).toMatchObject({ period, periodEnd });
    }
    // An unusual period is kept by its name once its end is typed.
    const term = encodeURIComponent('Spring term 2026');
    const unknown = await admin.put(`/api/v1/measures/${m.id}/values/${term}`, { value: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'body.periodEnd' })]);
    expect(await put(admin, m.id, term, { periodEnd: '2026-04-10', value: 1 })).toMatchObject({
      period: 'Spring term 2026',
      periodEnd: '2026-04-10',
    });
    for (const period of [' ', 'x'.repeat(41), 'Q1\u200e2026']) {
      const res = await admin.put(`/api/v1/measures/${m.id}/values/${encodeURIComponent(period)}`, {
        periodEnd: '2025-12-31',
        value: 1,
      });
      expect(res.statusCode, period).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('params.period');
    }
  });

  it('returns values in period order, whatever order they were entered in', async () => {
    const m = await create({ ownerId: t.userIds.owner });
    const admin = await t.as('admin');
    await put(admin, m.id, '2025-Q2', { periodEnd: '2025-06-30', value: 55, base: 40 });
    await put(admin, m.id, '2024-Q4', { periodEnd: '2024-12-31', value: 50, base: 40 });
    await put(admin, m.id, '2025-Q1', { periodEnd: '2025-03-31', value: 52, base: 40 });
    const got = (await admin.get(`/api/v1/measures/${m.id}`)).json();
    expect(got.values.map((v: { period: string }) => v.period)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(got.latest).toMatchObject({ period: '2025-Q2', value: 55 });
  });

  it('adds without a version, updates with the version seen, and answers 409 otherwise', async () => {
    const m = await create({ ownerId: t.userIds.owner });
    const owner = await t.as('owner');
    const added = await put(owner, m.id, '2025-26', {
      periodEnd: '2026-03-31',
      value: 61.5,
      base: 120,
      englandAverage: 55,
    });
    expect(added).toMatchObject({
      period: '2025-26',
      value: 61.5,
      base: 120,
      englandAverage: 55,
      statNeighbours: null,
      version: 1,
    });

    const blind = await owner.put(`/api/v1/measures/${m.id}/values/2025-26`, { periodEnd: '2026-03-31', value: 62 });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().current).toMatchObject({ value: 61.5, version: 1 });

    const updated = await put(owner, m.id, '2025-26', { periodEnd: '2026-03-31', value: 62, version: 1 }, 200);
    expect(updated).toMatchObject({ value: 62, version: 2, base: 120, englandAverage: 55 });

    const stale = await owner.put(`/api/v1/measures/${m.id}/values/2025-26`, {
      periodEnd: '2026-03-31',
      value: 63,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ value: 62, version: 2 });

    // A version for a period that has no value: someone removed it meanwhile.
    const gone = await owner.put(`/api/v1/measures/${m.id}/values/2024-25`, {
      periodEnd: '2025-03-31',
      value: 1,
      version: 3,
    });
    expect(gone.statusCode).toBe(409);

    const audit = auditFor('measure_value').filter((a) => a.entityId === String(added.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ before: { value: 61.5 }, after: { value: 62 }, userId: t.userIds.owner });
  });

  it('validates the figure against the unit and the body fields', async () => {
    const pct = await create({ ownerId: t.userIds.owner, unit: 'percent' });
    const count = await create({ ownerId: t.userIds.owner, unit: 'count', direction: 'lower' });
    const admin = await t.as('admin');
    const over = await admin.put(`/api/v1/measures/${pct.id}/values/2025`, { periodEnd: '2025-12-31', value: 120 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([expect.objectContaining({ path: 'body.value' })]);
    const negative = await admin.put(`/api/v1/measures/${count.id}/values/2025`, {
      periodEnd: '2025-12-31',
      value: -2,
    });
    expect(negative.json().errors).toEqual([expect.objectContaining({ path: 'body.value' })]);
    const bad = await admin.put(`/api/v1/measures/${pct.id}/values/2025`, {
      periodEnd: '31/12/2025',
      value: 'lots',
      base: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.periodEnd', 'body.value', 'body.base']),
    );
  });

  it('deletes a value (owner or admin), 404 when there is none, 403 for anyone else', async () => {
    const m = await create({ ownerId: ids.owner2 });
    await put(owner2, m.id, '2025', { periodEnd: '2025-12-31', value: 40, base: 50 });
    await put(owner2, m.id, '2024', { periodEnd: '2024-12-31', value: 30, base: 50 });
    const owner = await t.as('owner');
    expect((await owner.del(`/api/v1/measures/${m.id}/values/2025`)).statusCode).toBe(403);
    expect((await owner2.del(`/api/v1/measures/${m.id}/values/2025`)).statusCode).toBe(204);
    expect((await owner2.del(`/api/v1/measures/${m.id}/values/2025`)).statusCode).toBe(404);
    expect((await (await t.as('admin')).del(`/api/v1/measures/${m.id}/values/2024`)).statusCode).toBe(204);
    expect((await owner2.get(`/api/v1/measures/${m.id}`)).json().values).toEqual([]);
    expect(
      auditFor('measure_value').filter(
        (a) => a.action === 'delete' && (a.before as { measureId: number }).measureId === m.id,
      ),
    ).toHaveLength(2);
  });
});

describe('trend and target', () => {
  it('reads a rise as improving when higher is better', async () => {
    const m = await create({ direction: 'higher', target: 75 });
    const admin = await t.as('admin');
    await put(admin, m.id, '2024-25', { periodEnd: '2025-03-31', value: 50, base: 30 });
    await put(admin, m.id, '2025-26', { periodEnd: '2026-03-31', value: 60, base: 30 });
    const got = (await (await t.as('viewer')).get(`/api/v1/measures/${m.id}`)).json();
    expect(got).toMatchObject({ trend: 'improving', targetStatus: { result: 'not met', gap: 15 } });
  });

  it('reads a rise as worsening when lower is better, and a met target', async () => {
    const m = await create({ unit: 'score', direction: 'lower', target: 14 });
    const admin = await t.as('admin');
    await put(admin, m.id, '2024', { periodEnd: '2024-12-31', value: 11, base: 30 });
    await put(admin, m.id, '2025', { periodEnd: '2025-12-31', value: 13.5, base: 30 });
    const got = (await (await t.as('board')).get(`/api/v1/measures/${m.id}`)).json();
    expect(got).toMatchObject({ trend: 'worsening', targetStatus: { result: 'met', gap: 0 } });
  });
});

describe('small-number suppression', () => {
  // A count owned by `owner`: 8 then 4 children (4 is small), baseline 3 (small).
  // A percentage owned by owner2: 40% of 20, then 25% of 4 children (base small).
  const m = { count: 0, pct: 0 };
  beforeAll(async () => {
    const count = await create({
      promiseId: ids.otherPromise,
      name: 'Children who moved home three or more times',
      unit: 'count',
      direction: 'lower',
      baseline: 3,
      target: 2,
      ownerId: t.userIds.owner,
    });
    const pct = await create({
      promiseId: ids.otherPromise,
      name: 'Children who know their social worker',
      direction: 'lower',
      ownerId: ids.owner2,
    });
    m.count = count.id;
    m.pct = pct.id;
    const admin = await t.as('admin');
    await put(admin, m.count, '2025-Q1', { periodEnd: '2025-03-31', value: 8 });
    await put(admin, m.count, '2025-Q2', { periodEnd: '2025-06-30', value: 4 });
    await put(admin, m.pct, '2024-25', { periodEnd: '2025-03-31', value: 40, base: 20 });
    await put(admin, m.pct, '2025-26', { periodEnd: '2026-03-31', value: 25, base: 4 });
  });

  it('hides small figures from a viewer in the detail, its values, latest, baseline, trend and target', async () => {
    const got = (await (await t.as('viewer')).get(`/api/v1/measures/${m.count}`)).json();
    expect(got.values.map((v: { value: number | null; suppressed: boolean }) => [v.value, v.suppressed])).toEqual([
      [8, false],
      [null, true],
    ]);
    expect(got).toMatchObject({
      baseline: null,
      baselineSuppressed: true,
      target: 2,
      latest: { period: '2025-Q2', value: null, suppressed: true },
      trend: 'not enough data',
      targetStatus: { result: 'not enough data', gap: null },
    });

    const pct = (await (await t.as('viewer')).get(`/api/v1/measures/${m.pct}`)).json();
    expect(pct.values).toEqual([
      expect.objectContaining({ value: 40, base: 20, suppressed: false }),
      // The base (4 children) is a small number too, so it is hidden with the figure.
      expect.objectContaining({ value: null, base: null, suppressed: true }),
    ]);
  });

  it('hides them in the list for anyone but the owner and admins', async () => {
    const listFor = async (client: Client) => {
      const res = await client.get(`/api/v1/measures?promiseId=${ids.otherPromise}`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { id: number; latest: { value: number | null; suppressed: boolean } }[];
      return Object.fromEntries(items.map((i) => [i.id, [i.latest.value, i.latest.suppressed]]));
    };
    for (const role of ['viewer', 'board', 'participation'] as const)
      expect(await listFor(await t.as(role))).toEqual({ [m.count]: [null, true], [m.pct]: [null, true] });
    // Each owner sees real figures for their own measure only.
    expect(await listFor(await t.as('owner'))).toEqual({ [m.count]: [4, false], [m.pct]: [null, true] });
    expect(await listFor(owner2)).toEqual({ [m.count]: [null, true], [m.pct]: [25, false] });
    expect(await listFor(await t.as('admin'))).toEqual({ [m.count]: [4, false], [m.pct]: [25, false] });
  });

  it("shows the owner's edit view the real figures, trend and target", async () => {
    const got = (await (await t.as('owner')).get(`/api/v1/measures/${m.count}`)).json();
    expect(got).toMatchObject({
      baseline: 3,
      baselineSuppressed: false,
      latest: { value: 4, suppressed: false },
      trend: 'improving',
      targetStatus: { result: 'not met', gap: 2 },
    });
    expect(got.values.map((v: { value: number }) => v.value)).toEqual([8, 4]);
    const pct = (await owner2.get(`/api/v1/measures/${m.pct}`)).json();
    expect(pct.values.map((v: { value: number; base: number }) => [v.value, v.base])).toEqual([
      [40, 20],
      [25, 4],
    ]);
    expect(pct.trend).toBe('improving');
  });

  it('follows the council threshold from settings', async () => {
    const admin = await t.as('admin');
    const setThreshold = async (smallNumberThreshold: number) => {
      const { version } = (await admin.get('/api/v1/settings')).json();
      expect((await admin.put('/api/v1/settings', { version, smallNumberThreshold })).statusCode).toBe(200);
    };
    await setThreshold(3);
    try {
      const got = (await (await t.as('viewer')).get(`/api/v1/measures/${m.count}`)).json();
      // With a threshold of 3, a count of 4 is shown, but the baseline of 3 is still small.
      expect(got.values.map((v: { value: number | null }) => v.value)).toEqual([8, 4]);
      expect(got).toMatchObject({ baseline: null, baselineSuppressed: true, trend: 'improving' });
    } finally {
      await setThreshold(5);
    }
  });

  it('hides them from the owner and admins too outside the edit view (view=display)', async () => {
    for (const client of [await t.as('owner'), await t.as('admin')]) {
      const got = (await client.get(`/api/v1/measures/${m.count}?view=display`)).json();
      expect(got.values.map((v: { value: number | null }) => v.value)).toEqual([8, null]);
      expect(got).toMatchObject({ baseline: null, baselineSuppressed: true, trend: 'not enough data' });
      const list = (await client.get(`/api/v1/measures?promiseId=${ids.otherPromise}&view=display`)).json();
      const latest = Object.fromEntries(
        (list.items as { id: number; latest: { value: number | null } }[]).map((i) => [i.id, i.latest.value]),
      );
      expect(latest).toEqual({ [m.count]: null, [m.pct]: null });
    }
    // Asking for the edit view gives a non-owner nothing more.
    const viewer = (await (await t.as('viewer')).get(`/api/v1/measures/${m.count}?view=edit`)).json();
    expect(viewer.latest).toMatchObject({ value: null, suppressed: true });
    expect((await (await t.as('viewer')).get(`/api/v1/measures/${m.count}?view=all`)).statusCode).toBe(400);
  });

  it('a value written back by its owner comes back with its real figure', async () => {
    const v = await put(owner2, m.pct, '2026-27', { periodEnd: '2027-03-31', value: 50, base: 2 });
    expect(v).toMatchObject({ value: 50, base: 2, suppressed: false });
    await (await t.as('admin')).del(`/api/v1/measures/${m.pct}/values/2026-27`);
  });
});

describe('listing and archiving measures', () => {
  let promiseId = 0;
  beforeAll(() => {
    const theme = t.db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get();
    promiseId = t.db
      .insert(promises)
      .values({ themeId: theme.id, staffText: 'List me', childText: 'List me', audience: 'both' })
      .returning()
      .get().id;
  });

  it('filters by promise and owner, pages, and archives on DELETE', async () => {
    const a = await create({ promiseId, name: 'a', ownerId: t.userIds.owner });
    const b = await create({ promiseId, name: 'b', ownerId: ids.owner2 });
    const c = await create({ promiseId, name: 'c', ownerId: t.userIds.owner });
    const viewer = await t.as('viewer');
    const names = async (query: string) => {
      const res = await viewer.get(`/api/v1/measures?promiseId=${promiseId}&${query}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    expect((await names('')).items.map((i: { name: string }) => i.name)).toEqual(['a', 'b', 'c']);
    expect((await names(`ownerId=${t.userIds.owner}`)).items.map((i: { name: string }) => i.name)).toEqual(['a', 'c']);
    const page2 = await names('page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: { name: string }) => i.name)).toEqual(['c']);

    const admin = await t.as('admin');
    expect((await admin.del(`/api/v1/measures/${b.id}`)).statusCode).toBe(204);
    expect((await names('')).items.map((i: { id: number }) => i.id)).toEqual([a.id, c.id]);
    expect((await names('archived=true')).items.map((i: { id: number }) => i.id)).toEqual([b.id]);
    expect((await admin.get(`/api/v1/measures/${b.id}`)).json()).toMatchObject({ archived: true, version: 2 });
    expect(
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'measure'), eq(auditLog.entityId, String(b.id))))
        .all()
        .map((r) => r.action),
    ).toEqual(['create', 'archive']);

    expect((await viewer.get('/api/v1/measures?ownerId=abc')).statusCode).toBe(400);
    expect((await viewer.get('/api/v1/measures?pageSize=500')).statusCode).toBe(400);
  });
});

describe('importing values from a CSV file', () => {
  let measureId = 0;
  beforeAll(async () => {
    const m = await create({ name: 'Care leavers in a suitable home', unit: 'percent', ownerId: t.userIds.owner });
    measureId = m.id;
    await put(await t.as('owner'), measureId, '2025-Q1', { periodEnd: '2025-03-31', value: 80, base: 40 });
  });
  const url = () => `/api/v1/measures/${measureId}/values/import`;
  const good = 'Period,Value,Number of children,England average\r\n2025-Q1,82,40,88\r\n2025-Q2,85.5,41,88\r\n';
  const values = async () =>
    (
      (await (await t.as('owner')).get(`/api/v1/measures/${measureId}`)).json().values as {
        period: string;
        value: number;
      }[]
    ).map((v) => [v.period, v.value]);

  it('checks a file in a dry run, reading familiar headings, and changes nothing', async () => {
    const before = auditFor('measure_value').length;
    const res = await (await t.as('owner')).post(url(), { csv: good, dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      committed: false,
      headers: ['Period', 'Value', 'Number of children', 'England average'],
      mapping: { period: 'Period', value: 'Value', base: 'Number of children', englandAverage: 'England average' },
      rowCount: 2,
      rows: [
        {
          row: 2,
          period: '2025-Q1',
          periodEnd: '2025-03-31',
          value: 82,
          base: 40,
          englandAverage: 88,
          statNeighbours: null,
          action: 'replace',
        },
        {
          row: 3,
          period: '2025-Q2',
          periodEnd: '2025-06-30',
          value: 85.5,
          base: 41,
          englandAverage: 88,
          statNeighbours: null,
          action: 'add',
        },
      ],
      problems: [],
    });
    expect(await values()).toEqual([['2025-Q1', 80]]);
    expect(auditFor('measure_value')).toHaveLength(before);
  });

  it('reports every bad row by row and column, and writes nothing from a file with any problem', async () => {
    const csv = [
      'When,Figure,Ends',
      '2025-Q2,85,',
      '2025-Q5,50,',
      '2025-Q3,140,',
      'Spring term 2026,60,',
      '2025-Q2,70,',
      '2025-Q4,lots,',
    ].join('\n');
    const mapping = { period: 'When', value: 'Figure', periodEnd: 'Ends' };
    const res = await (await t.as('owner')).post(url(), { csv, mapping, dryRun: false });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: false, committed: false, rowCount: 6 });
    expect(body.problems).toEqual([
      {
        row: 3,
        column: 'Ends',
        message: 'We cannot tell when “2025-Q5” ends from its name: enter the date it ends (YYYY-MM-DD)',
      },
      { row: 4, column: 'Figure', message: 'Enter a percentage from 0 to 100' },
      {
        row: 5,
        column: 'Ends',
        message: 'We cannot tell when “Spring term 2026” ends from its name: enter the date it ends (YYYY-MM-DD)',
      },
      { row: 6, column: 'When', message: 'The period 2025-Q2 is also on row 2' },
      { row: 7, column: 'Figure', message: 'Enter a number' },
    ]);
    expect(await values()).toEqual([['2025-Q1', 80]]);
  });

  it('names a missing or unknown column', async () => {
    const owner = await t.as('owner');
    const missing = (await owner.post(url(), { csv: 'Quarter,Other\n2025-Q1,1\n', dryRun: true })).json();
    expect(missing.problems).toEqual([{ row: 1, column: 'value', message: 'Choose the column for value' }]);
    const unknown = (
      await owner.post(url(), { csv: good, mapping: { period: 'Period', value: 'Amount' }, dryRun: true })
    ).json();
    expect(unknown.problems).toEqual([{ row: 1, column: 'Amount', message: 'No column is headed “Amount”' }]);
  });

  it('writes every row of a good file in one go, replacing periods already held, with an audit entry each', async () => {
    const before = auditFor('measure_value').length;
    const res = await (await t.as('owner')).post(url(), { csv: good, dryRun: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, problems: [] });
    expect(await values()).toEqual([
      ['2025-Q1', 82],
      ['2025-Q2', 85.5],
    ]);
    const audit = auditFor('measure_value');
    expect(audit).toHaveLength(before + 2);
    expect(audit.filter((a) => a.action === 'import')).toHaveLength(2);
  });

  it('lets only the measure’s owner and admins import; bad requests are 400, unknown measures 404', async () => {
    expect((await owner2.post(url(), { csv: good, dryRun: true })).statusCode).toBe(403);
    for (const role of ['participation', 'board', 'viewer'] as const)
      expect((await (await t.as(role)).post(url(), { csv: good, dryRun: true })).statusCode).toBe(403);
    const admin = await t.as('admin');
    expect((await admin.post(url(), { csv: good, dryRun: true })).statusCode).toBe(200);
    expect((await admin.post(url(), { csv: '', dryRun: true })).statusCode).toBe(400);
    expect((await admin.post(url(), { csv: good })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/measures/99999/values/import', { csv: good, dryRun: true })).statusCode).toBe(
      404,
    );
  });
});

describe('a promise lead enters the figures of their promise’s measures', () => {
  it('lets the lead and the owner enter them, sees them as entered, and refuses other owners and roles', async () => {
    t.db.update(promises).set({ ownerId: ids.owner2 }).where(eq(promises.id, ids.otherPromise)).run();
    try {
      // Owned by someone else: before, only an admin reassigning it let the lead enter figures.
      const m = await create({ promiseId: ids.otherPromise, ownerId: t.userIds.owner, unit: 'count' });
      const lead = await put(owner2, m.id, '2026', { periodEnd: '2026-12-31', value: 3 });
      expect(lead).toMatchObject({ value: 3, suppressed: false });
      const seen = (await owner2.get(`/api/v1/measures/${m.id}`)).json();
      expect(seen.mayEnterFigures).toBe(true);
      expect(seen.values[0]).toMatchObject({ value: 3, suppressed: false });
      expect((await owner2.get(`/api/v1/measures/${m.id}?view=display`)).json().values[0].suppressed).toBe(true);
      const owner = await t.as('owner');
      await put(owner, m.id, '2025', { periodEnd: '2025-12-31', value: 2 });
      expect((await owner2.del(`/api/v1/measures/${m.id}/values/2025`)).statusCode).toBe(204);
      // Leading a promise is not owning the measure: its definition stays the owner's and admin's.
      expect((await owner2.patch(`/api/v1/measures/${m.id}`, { version: m.version, target: 1 })).statusCode).toBe(403);
      const mine = (await owner2.get('/api/v1/my-actions')).json();
      expect(mine.groups.flatMap((g: { measures: { id: number }[] }) => g.measures.map((x) => x.id))).toContain(m.id);

      // Another promise's measure with no owner: the lead of a different promise may not.
      const other = await create({ promiseId: ids.promise, unit: 'count' });
      const refused = await owner2.put(`/api/v1/measures/${other.id}/values/2026`, {
        periodEnd: '2026-12-31',
        value: 1,
      });
      expect(refused.statusCode).toBe(403);
      expect((await owner2.get(`/api/v1/measures/${other.id}`)).json().mayEnterFigures).toBe(false);
      for (const role of ['board', 'viewer', 'participation'] as const) {
        const c = await t.as(role);
        expect(
          (await c.put(`/api/v1/measures/${m.id}/values/2027`, { periodEnd: '2027-12-31', value: 1 })).statusCode,
        ).toBe(403);
        expect((await c.get(`/api/v1/measures/${m.id}`)).json().mayEnterFigures).toBe(false);
      }
      const audited = auditFor('measure_value').filter(
        (a) =>
          a.action === 'create' && a.userId === ids.owner2 && (a.after as { measureId: number }).measureId === m.id,
      );
      expect(audited).toHaveLength(1);
    } finally {
      t.db.update(promises).set({ ownerId: null }).where(eq(promises.id, ids.otherPromise)).run();
    }
  });
});
