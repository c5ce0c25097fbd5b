import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('themes', () => {
  it('creates, lists, reads and renames a theme', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/v1/themes', { name: 'Rights', childName: 'Your rights' });
    expect(created.statusCode).toBe(201);
    const theme = created.json();
    expect(theme).toMatchObject({ name: 'Rights', childName: 'Your rights', version: 1, archived: false });

    const list = await admin.get('/api/v1/themes');
    expect(list.json().items.map((x: { name: string }) => x.name)).toContain('Rights');

    const renamed = await admin.patch(`/api/v1/themes/${theme.id}`, { version: 1, name: 'Our rights' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Our rights', childName: 'Your rights', version: 2 });
  });

  it('answers a stale version with 409 and the current record', async () => {
    const admin = await t.as('admin');
    const theme = (await admin.post('/api/v1/themes', { name: 'Future', childName: 'Your future' })).json();
    await admin.patch(`/api/v1/themes/${theme.id}`, { version: 1, name: 'Futures' });
    const stale = await admin.patch(`/api/v1/themes/${theme.id}`, { version: 1, name: 'Future plans' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ name: 'Futures', version: 2 });
  });

  it('rejects bad input with field problems, and unknown ids with 404', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/themes', { name: '', colour: 'blue' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.childName', 'body.colour']));
    expect((await admin.get('/api/v1/themes/99999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/themes/abc')).statusCode).toBe(400);
  });
});
