// A council-wide measure linked to several promises: the link API (admin, audited, 409 on a stale
// version, 400/404 on bad ids), and what each surface shows of it: every linked promise's page
// and kiosk card (the child's sentence only, never the staff name), a promise's measure count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { approveQueue, makeTestApp, type TestApp } from '../helpers/app.js';
import { auditLog, measurePromises, promises, themes } from '../../db/schema.js';
import { measureOnPromise, setMeasureLink } from '../../db/repositories/measure-links.js';
import { listMeasures } from '../../db/repositories/measures.js';
import { systemActor } from '../../db/repositories/audit.js';

const STAFF_NAME = 'CLA headcount (SSDA903 return, snapshot)';
const CHILD_SENTENCE = 'How many children our council looks after';
const ids = { home: 0, second: 0, third: 0, archived: 0, measure: 0 };
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({
    seed: (db) => {
      const theme = db.insert(themes).values({ name: 'Home', childName: 'Your home' }).returning().get();
      const promise = (staffText: string, archived = false) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText, childText: staffText, audience: 'both', archived })
          .returning()
          .get().id;
      ids.home = promise('Find every child a settled home near their school');
      ids.second = promise('Keep brothers and sisters living together where they want to');
      ids.third = promise('Help you stay in touch with friends after a move');
      ids.archived = promise('A promise the council has retired', true);
    },
  });
  const admin = await t.as('admin');
  const res = await admin.post('/api/v1/measures', {
    promiseId: ids.home,
    name: STAFF_NAME,
    childSentence: CHILD_SENTENCE,
    unit: 'count',
    direction: 'context',
    councilWide: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  ids.measure = res.json().id;
  expect(res.json()).toMatchObject({ councilWide: true, linkedPromises: [] });
  await admin.put(`/api/v1/measures/${ids.measure}/values/2025%2F26`, { value: 212 });
  await approveQueue(t);
});
afterAll(() => t.close());

const versionOf = async () => (await (await t.as('admin')).get(`/api/v1/measures/${ids.measure}`)).json().version;

describe('linking a measure to more promises', () => {
  it('links it to a second promise, bumps its version and audits the change in the same write', async () => {
    const admin = await t.as('admin');
    const version = await versionOf();
    const res = await admin.post(`/api/v1/measures/${ids.measure}/promises`, { promiseId: ids.second, version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      measureId: ids.measure,
      version: version + 1,
      linkedPromises: [{ id: ids.second, staffText: 'Keep brothers and sisters living together where they want to' }],
    });
    const entries = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'measure'), eq(auditLog.action, 'link')))
      .all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityId: String(ids.measure),
      before: { linkedPromiseIds: [] },
      after: { linkedPromiseIds: [ids.second] },
    });
    const detail = (await admin.get(`/api/v1/measures/${ids.measure}`)).json();
    expect(detail.linkedPromises.map((p: { id: number }) => p.id)).toEqual([ids.second]);
    expect(detail.promiseId).toBe(ids.home);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const admin = await t.as('admin');
    const stale = (await versionOf()) - 1;
    const res = await admin.post(`/api/v1/measures/${ids.measure}/promises`, { promiseId: ids.third, version: stale });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const del = await admin.del(`/api/v1/measures/${ids.measure}/promises/${ids.second}?version=${stale}`);
    expect(del.statusCode).toBe(409);
    expect(t.db.select().from(measurePromises).all()).toEqual([
      expect.objectContaining({ measureId: ids.measure, promiseId: ids.second }),
    ]);
  });

  it('says 400 for its own promise, an archived or missing promise, and 404 for a missing measure or link', async () => {
    const admin = await t.as('admin');
    const version = await versionOf();
    const link = (promiseId: unknown, measure = ids.measure) =>
      admin.post(`/api/v1/measures/${measure}/promises`, { promiseId, version });
    for (const promiseId of [ids.home, ids.archived, 999_999]) {
      const res = await link(promiseId);
      expect(res.statusCode, String(promiseId)).toBe(400);
      expect(res.json().errors?.[0]?.path ?? res.body).toContain('body.promiseId');
    }
    expect((await link('two')).statusCode).toBe(400);
    expect((await link(ids.third, 999_999)).statusCode).toBe(404);
    const notLinked = await admin.del(`/api/v1/measures/${ids.measure}/promises/${ids.third}?version=${version}`);
    expect(notLinked.statusCode).toBe(404);
    expect(notLinked.headers['content-type']).toContain('application/problem+json');
    expect((await admin.del(`/api/v1/measures/x/promises/${ids.third}?version=${version}`)).statusCode).toBe(400);
    expect(await versionOf()).toBe(version);
  });

  it('is for admins only', async () => {
    const version = await versionOf();
    for (const role of ['owner', 'participation', 'board'] as const) {
      const client = await t.as(role);
      const res = await client.post(`/api/v1/measures/${ids.measure}/promises`, { promiseId: ids.third, version });
      expect(res.statusCode, role).toBe(403);
    }
    expect(
      (await t.anon.post(`/api/v1/measures/${ids.measure}/promises`, { promiseId: ids.third, version })).statusCode,
    ).toBe(401);
  });
});

describe('where a linked measure is shown', () => {
  it('is on both promises’ pages and in each promise’s measure list and count', async () => {
    const admin = await t.as('admin');
    for (const promiseId of [ids.home, ids.second]) {
      const card = (await admin.get(`/api/v1/promises/${promiseId}/card`)).json();
      expect(card.howWeWillKnow.measures, String(promiseId)).toEqual([
        expect.objectContaining({ id: ids.measure, councilWide: true, promiseId: ids.home }),
      ]);
      const list = (await admin.get(`/api/v1/measures?promiseId=${promiseId}`)).json();
      expect(list.items.map((m: { id: number }) => m.id)).toEqual([ids.measure]);
    }
    const third = (await admin.get(`/api/v1/promises/${ids.third}/card`)).json();
    expect(third.howWeWillKnow.measures).toEqual([]);
    // The list of all measures holds it once.
    const all = (await admin.get('/api/v1/measures')).json();
    expect(all.items.filter((m: { id: number }) => m.id === ids.measure)).toHaveLength(1);
    const counts = (await admin.get('/api/v1/promises?pageSize=50')).json();
    const countOf = (id: number) => counts.items.find((p: { id: number }) => p.id === id)?.counts.measures;
    expect([countOf(ids.home), countOf(ids.second), countOf(ids.third)]).toEqual([1, 1, 0]);
  });

  it('shows its child’s sentence on both kiosk cards and never its staff name', async () => {
    for (const promiseId of [ids.home, ids.second]) {
      const res = await t.anon.get(`/api/v1/public/promises/${promiseId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().howWeWillKnow).toEqual([
        expect.objectContaining({
          id: ids.measure,
          sentence: CHILD_SENTENCE,
          values: [expect.objectContaining({ value: 212 })],
        }),
      ]);
      expect(res.body).not.toContain(STAFF_NAME);
      expect(res.body).not.toContain('SSDA903');
    }
    const third = (await t.anon.get(`/api/v1/public/promises/${ids.third}`)).json();
    expect(third.howWeWillKnow).toEqual([]);
  });

  it('unlinks, audited, and the second promise no longer shows it', async () => {
    const admin = await t.as('admin');
    const version = await versionOf();
    const res = await admin.del(`/api/v1/measures/${ids.measure}/promises/${ids.second}?version=${version}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: version + 1, linkedPromises: [] });
    const kiosk = (await t.anon.get(`/api/v1/public/promises/${ids.second}`)).json();
    expect(kiosk.howWeWillKnow).toEqual([]);
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'unlink')).get();
    expect(entry).toMatchObject({ before: { linkedPromiseIds: [ids.second] }, after: { linkedPromiseIds: [] } });
  });
});

describe('the link repository', () => {
  it('finds a measure on its home and linked promises through one rule, and rolls back a refused link whole', async () => {
    const row = await listMeasures(t.db, { promiseId: ids.third, page: 1, pageSize: 10 });
    expect(row.rows).toEqual([]);
    const current = (await listMeasures(t.db, { promiseId: ids.home, page: 1, pageSize: 10 })).rows[0]!;
    const linked = await setMeasureLink(t.db, systemActor, ids.measure, ids.third, current.version, true);
    expect(linked.version).toBe(current.version + 1);
    expect((await listMeasures(t.db, { promiseId: ids.third, page: 1, pageSize: 10 })).rows.map((r) => r.id)).toEqual([
      ids.measure,
    ]);
    const auditsBefore = t.db.select().from(auditLog).all().length;
    await expect(setMeasureLink(t.db, systemActor, ids.measure, ids.archived, linked.version, true)).rejects.toThrow();
    expect(t.db.select().from(auditLog).all().length).toBe(auditsBefore);
    expect(measureOnPromise(ids.home)).toBeDefined();
  });
});
