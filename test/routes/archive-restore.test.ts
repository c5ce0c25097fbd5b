// Archiving and restoring commitments and measures from the web app: DELETE may carry the version
// the admin saw (a stale one is a 409 with the current record), POST …/restore brings an archived
// one back (version required), each change audited, only admins allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { auditLog, promises, themes } from '../../db/schema.js';

let t: TestApp;
let promiseId = 0;

beforeAll(async () => {
  t = await makeTestApp({
    seed: (db) => {
      const theme = db.insert(themes).values({ name: 'Future', childName: 'Your future' }).returning().get();
      promiseId = db
        .insert(promises)
        .values({ themeId: theme.id, staffText: 'Help care leavers find work', childText: 'Work', audience: 'both' })
        .returning()
        .get().id;
    },
  });
});
afterAll(() => t.close());

const actionsFor = (entity: string, id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .all()
    .map((a) => ({ action: a.action, before: a.before, after: a.after }));

const kinds = [
  {
    name: 'commitments',
    entity: 'commitment',
    body: () => ({ promiseId, title: 'Offer every care leaver a work placement', dueDate: '2026-12-01' }),
    change: { title: 'Offer every care leaver two work placements' },
  },
  {
    name: 'measures',
    entity: 'measure',
    body: () => ({ promiseId, name: 'Care leavers in work', unit: 'percent', direction: 'higher' }),
    change: { name: 'Care leavers in work or training' },
  },
] as const;

describe.each(kinds)('archiving and restoring $name', ({ name, entity, body, change }) => {
  const ids = async (archived: boolean) => {
    const viewer = await t.as('viewer');
    const res = await viewer.get(`/api/v1/${name}?promiseId=${promiseId}&archived=${archived}`);
    return (res.json().items as { id: number }[]).map((x) => x.id);
  };

  it('archives with the version the admin saw, then restores it, each audited', async () => {
    const admin = await t.as('admin');
    const created = (await admin.post(`/api/v1/${name}`, body())).json();
    expect(created).toMatchObject({ archived: false, version: 1 });

    const archived = await admin.del(`/api/v1/${name}/${created.id}?version=1`);
    expect(archived.statusCode).toBe(204);
    expect(await ids(false)).not.toContain(created.id);
    expect(await ids(true)).toContain(created.id);
    expect((await admin.get(`/api/v1/${name}/${created.id}`)).json()).toMatchObject({ archived: true, version: 2 });

    const restored = await admin.post(`/api/v1/${name}/${created.id}/restore`, { version: 2 });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: created.id, archived: false, version: 3 });
    expect(await ids(false)).toContain(created.id);
    expect(await ids(true)).not.toContain(created.id);

    expect(actionsFor(entity, created.id)).toEqual([
      expect.objectContaining({ action: 'create' }),
      { action: 'archive', before: { archived: false }, after: { archived: true } },
      { action: 'restore', before: { archived: true }, after: { archived: false } },
    ]);
  });

  it('answers 409 with the current record when someone else changed it first, and changes nothing', async () => {
    const admin = await t.as('admin');
    const created = (await admin.post(`/api/v1/${name}`, body())).json();
    const edited = await admin.patch(`/api/v1/${name}/${created.id}`, { version: 1, ...change });
    expect(edited.json()).toMatchObject({ version: 2 });

    const stale = await admin.del(`/api/v1/${name}/${created.id}?version=1`);
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ id: created.id, version: 2, archived: false, ...change });
    expect((await admin.get(`/api/v1/${name}/${created.id}`)).json()).toMatchObject({ archived: false, version: 2 });

    expect((await admin.del(`/api/v1/${name}/${created.id}?version=2`)).statusCode).toBe(204);
    const staleRestore = await admin.post(`/api/v1/${name}/${created.id}/restore`, { version: 2 });
    expect(staleRestore.statusCode).toBe(409);
    expect(staleRestore.json().current).toMatchObject({ version: 3, archived: true });
    expect(actionsFor(entity, created.id).map((a) => a.action)).toEqual(['create', 'update', 'archive']);
  });

  it('changes nothing when asked for the state it is already in', async () => {
    const admin = await t.as('admin');
    const created = (await admin.post(`/api/v1/${name}`, body())).json();
    const same = await admin.post(`/api/v1/${name}/${created.id}/restore`, { version: 1 });
    expect(same.json()).toMatchObject({ archived: false, version: 1 });
    // Without a version, archiving twice is still harmless (the API's older callers send none).
    expect((await admin.del(`/api/v1/${name}/${created.id}`)).statusCode).toBe(204);
    expect((await admin.del(`/api/v1/${name}/${created.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/${name}/${created.id}`)).json()).toMatchObject({ version: 2 });
    expect(actionsFor(entity, created.id).map((a) => a.action)).toEqual(['create', 'archive']);
  });

  it('refuses bad input with 400, unknown ids with 404, and anyone but an admin with 403', async () => {
    const admin = await t.as('admin');
    const created = (await admin.post(`/api/v1/${name}`, body())).json();
    const noVersion = await admin.post(`/api/v1/${name}/${created.id}/restore`, {});
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors).toEqual([expect.objectContaining({ path: 'body.version' })]);
    const badVersion = await admin.del(`/api/v1/${name}/${created.id}?version=abc`);
    expect(badVersion.statusCode).toBe(400);
    expect(badVersion.json().errors).toEqual([expect.objectContaining({ path: 'querystring.version' })]);
    expect((await admin.post(`/api/v1/${name}/99999/restore`, { version: 1 })).statusCode).toBe(404);
    expect((await admin.del(`/api/v1/${name}/99999?version=1`)).statusCode).toBe(404);

    for (const role of ['participation', 'owner', 'board', 'viewer'] as const) {
      const client = await t.as(role);
      expect((await client.del(`/api/v1/${name}/${created.id}?version=1`)).statusCode, role).toBe(403);
      expect((await client.post(`/api/v1/${name}/${created.id}/restore`, { version: 1 })).statusCode, role).toBe(403);
    }
    expect((await t.anon.post(`/api/v1/${name}/${created.id}/restore`, { version: 1 })).statusCode).toBe(401);
    expect(actionsFor(entity, created.id).map((a) => a.action)).toEqual(['create']);
  });
});
