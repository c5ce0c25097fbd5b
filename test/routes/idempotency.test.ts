import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { themes } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const themeCount = () => t.db.select({ n: count() }).from(themes).get()!.n;

describe('Idempotency-Key', () => {
  it('replays the first answer and creates nothing twice', async () => {
    const admin = await t.as('admin');
    const before = themeCount();
    const headers = { 'idempotency-key': 'tablet-retry-0001' };
    const first = await admin.post('/api/v1/themes', { name: 'Home', childName: 'Your home' }, headers);
    const again = await admin.post('/api/v1/themes', { name: 'Home', childName: 'Your home' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(themeCount()).toBe(before + 1);
  });

  it('answers simultaneous duplicates once', async () => {
    const admin = await t.as('admin');
    const before = themeCount();
    const headers = { 'idempotency-key': 'tablet-retry-0002' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.post('/api/v1/themes', { name: 'Health', childName: 'Being healthy' }, headers),
      ),
    );
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(themeCount()).toBe(before + 1);
  });

  it('does not remember failures, and keys belong to one user', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/themes', { name: '' }, { 'idempotency-key': 'tablet-retry-0003' });
    expect(bad.statusCode).toBe(400);
    const good = await admin.post(
      '/api/v1/themes',
      { name: 'School', childName: 'School' },
      { 'idempotency-key': 'tablet-retry-0003' },
    );
    expect(good.statusCode).toBe(201);
    const other = await t.as('participation');
    const refused = await other.post(
      '/api/v1/themes',
      { name: 'School', childName: 'School' },
      { 'idempotency-key': 'tablet-retry-0003' },
    );
    expect(refused.statusCode).toBe(403);
  });

  it('rejects a malformed key', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/v1/themes', { name: 'X', childName: 'Y' }, { 'idempotency-key': 'no' });
    expect(res.statusCode).toBe(400);
  });
});
