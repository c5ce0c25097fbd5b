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

const ids = { promise: 0, listPromise: 0, archivedPromise: 0, owner2: 0 };
let t: TestApp;
let owner2: Client;

beforeAll(async () => {
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
  t = await makeTestApp({
    seed: (db) => {
      const theme = db.insert(themes).values({ name: 'Resilience', childName: 'Bouncing back' }).returning().get();
      const promise = (staffText: string, archived = false) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText, childText: staffText, audience: 'both', archived })
          .returning()
          .get().id;
      ids.promise = promise('Offer second chances when things go wrong');
      ids.listPromise = promise('Help you find a hobby you love');
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
async function add(client: Client, body: Body) {
  const res = await client.post('/api/v1/evidence', {
    promiseId: ids.promise,
    kind: 'quote',
    title: 'What a young person said',
    body: 'I got another go at college and now I love it.',
    dated: '2026-05-20',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const paths = (res: { json: () => { errors: { path: string }[] } }) => res.json().errors.map((e) => e.path);
const auditFor = (id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'evidence'), eq(auditLog.entityId, String(id))))
    .all();

describe('adding evidence', () => {
  it('lets an owner add a quote, recording who added it, and audits it', async () => {
    const owner = await t.as('owner');
    const e = await add(owner, {});
    expect(e).toMatchObject({
      promiseId: ids.promise,
      kind: 'quote',
      title: 'What a young person said',
      url: '',
      dated: '2026-05-20',
      addedById: t.userIds.owner,
      addedByName: 'Test owner',
      version: 1,
    });
    expect(auditFor(e.id).map((a) => [a.action, a.userId])).toEqual([['create', t.userIds.owner]]);
    const got = await (await t.as('viewer')).get(`/api/v1/evidence/${e.id}`);
    expect(got.json()).toMatchObject({ id: e.id, addedByName: 'Test owner' });
  });

  it('needs an http(s) address for a document, and accepts one', async () => {
    const admin = await t.as('admin');
    const base = { promiseId: ids.promise, kind: 'document', title: 'Annual report', dated: '2026-04-01' };
    const none = await admin.post('/api/v1/evidence', base);
    expect(none.statusCode).toBe(400);
    expect(paths(none)).toEqual(['body.url']);
    for (const url of ['ftp://example.org/report.pdf', 'javascript:alert(1)', 'example.org/report.pdf', 'https://']) {
      const res = await admin.post('/api/v1/evidence', { ...base, url });
      expect(res.statusCode, url).toBe(400);
      expect(paths(res)).toContain('body.url');
    }
    const ok = await add(admin, { ...base, url: 'https://council.example.org/reports/annual-2026.pdf' });
    expect(ok).toMatchObject({ kind: 'document', url: 'https://council.example.org/reports/annual-2026.pdf' });
  });

  it('rejects bad input and archived or unknown promises', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/evidence', { promiseId: ids.promise, kind: 'poem', title: '', dated: 'May' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['body.kind', 'body.title', 'body.dated']));
    for (const promiseId of [ids.archivedPromise, 99999]) {
      const res = await admin.post('/api/v1/evidence', { promiseId, kind: 'quote', title: 'x', dated: '2026-05-01' });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['body.promiseId']);
    }
  });

  it('lets only admins and owners add evidence', async () => {
    for (const role of ['participation', 'board', 'viewer'] as const) {
      const res = await (
        await t.as(role)
      ).post('/api/v1/evidence', {
        promiseId: ids.promise,
        kind: 'quote',
        title: 'x',
        dated: '2026-05-01',
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.anon.get('/api/v1/evidence')).statusCode).toBe(401);
  });
});

describe('changing and removing evidence', () => {
  it('lets the person who added it change it, refuses another owner, and lets an admin change any', async () => {
    const owner = await t.as('owner');
    const e = await add(owner, {});
    const mine = await owner.patch(`/api/v1/evidence/${e.id}`, { version: 1, title: 'In their words' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ title: 'In their words', body: e.body, version: 2 });
    const refused = await owner2.patch(`/api/v1/evidence/${e.id}`, { version: 2, title: 'Mine now' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().current).toBeUndefined();
    const admin = await t.as('admin');
    const adminEdit = await admin.patch(`/api/v1/evidence/${e.id}`, { version: 2, dated: '2026-05-21' });
    expect(adminEdit.json()).toMatchObject({ dated: '2026-05-21', version: 3, addedById: t.userIds.owner });
    for (const role of ['participation', 'board', 'viewer'] as const)
      expect((await (await t.as(role)).patch(`/api/v1/evidence/${e.id}`, { version: 3, title: 'x' })).statusCode).toBe(
        403,
      );
    const audit = auditFor(e.id).filter((a) => a.action === 'update');
    expect(audit[0]).toMatchObject({
      before: { title: 'What a young person said' },
      after: { title: 'In their words' },
    });
  });

  it('judges the document rule against the stored record', async () => {
    const owner = await t.as('owner');
    const e = await add(owner, {});
    const toDocument = await owner.patch(`/api/v1/evidence/${e.id}`, { version: 1, kind: 'document' });
    expect(toDocument.statusCode).toBe(400);
    expect(paths(toDocument)).toEqual(['body.url']);
    const withUrl = await owner.patch(`/api/v1/evidence/${e.id}`, {
      version: 1,
      kind: 'document',
      url: 'http://example.org/a.pdf',
    });
    expect(withUrl.statusCode).toBe(200);
    const clearUrl = await owner.patch(`/api/v1/evidence/${e.id}`, { version: 2, url: '' });
    expect(paths(clearUrl)).toEqual(['body.url']);
    const badPromise = await owner.patch(`/api/v1/evidence/${e.id}`, { version: 2, promiseId: ids.archivedPromise });
    expect(paths(badPromise)).toEqual(['body.promiseId']);
  });

  it('answers a stale version with 409 and the current record, and unknown ids with 404', async () => {
    const owner = await t.as('owner');
    const e = await add(owner, {});
    await owner.patch(`/api/v1/evidence/${e.id}`, { version: 1, title: 'First' });
    const stale = await owner.patch(`/api/v1/evidence/${e.id}`, { version: 1, title: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: 'First', version: 2 });
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/evidence/99999')).statusCode).toBe(404);
    expect((await admin.patch('/api/v1/evidence/99999', { version: 1, title: 'x' })).statusCode).toBe(404);
    expect((await admin.del('/api/v1/evidence/99999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/evidence/0')).statusCode).toBe(400);
  });

  it('deletes for good: by the person who added it or an admin, never by another owner', async () => {
    const owner = await t.as('owner');
    const e = await add(owner, {});
    const f = await add(owner, {});
    expect((await owner2.del(`/api/v1/evidence/${e.id}`)).statusCode).toBe(403);
    expect((await (await t.as('viewer')).del(`/api/v1/evidence/${e.id}`)).statusCode).toBe(403);
    expect((await owner.del(`/api/v1/evidence/${e.id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/v1/evidence/${e.id}`)).statusCode).toBe(404);
    expect((await (await t.as('admin')).del(`/api/v1/evidence/${f.id}`)).statusCode).toBe(204);
    const audit = auditFor(e.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(audit[1]).toMatchObject({ userId: t.userIds.owner, before: { title: e.title }, after: null });
  });
});

describe('listing evidence', () => {
  it('filters by promise and kind, newest first, and pages', async () => {
    const admin = await t.as('admin');
    const p = ids.listPromise;
    await add(admin, { promiseId: p, title: 'b', dated: '2026-02-01' });
    await add(admin, { promiseId: p, title: 'a', dated: '2026-03-01', kind: 'case_study' });
    await add(admin, { promiseId: p, title: 'c', dated: '2026-01-01' });
    const viewer = await t.as('viewer');
    const titles = async (query: string) => {
      const res = await viewer.get(`/api/v1/evidence?promiseId=${p}&${query}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const all = await titles('');
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(all.items.map((i: { title: string }) => i.title)).toEqual(['a', 'b', 'c']);
    expect((await titles('kind=case_study')).items.map((i: { title: string }) => i.title)).toEqual(['a']);
    const page2 = await titles('page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: { title: string }) => i.title)).toEqual(['c']);
    expect((await viewer.get('/api/v1/evidence?kind=poem')).statusCode).toBe(400);
    expect((await viewer.get('/api/v1/evidence?promiseId=-1')).statusCode).toBe(400);
  });
});
