import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { contrastRatio } from '../../server/domain/theme-colours.js';

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

  it('gives each new theme the next colour nobody uses, and keeps a colour the council chose', async () => {
    const fresh = await makeTestApp();
    try {
      const admin = await fresh.as('admin');
      const used = (await admin.get('/api/v1/themes')).json().items.map((x: { colour: string }) => x.colour);
      const colours: string[] = [];
      for (const name of ['One', 'Two', 'Three']) {
        const res = await admin.post('/api/v1/themes', { name, childName: name });
        expect(res.statusCode).toBe(201);
        colours.push(res.json().colour);
      }
      expect(new Set([...used, ...colours]).size).toBe(used.length + 3);
      for (const c of colours) expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      const chosen = await admin.post('/api/v1/themes', { name: 'Own', childName: 'Own', colour: '#123456' });
      expect(chosen.json().colour).toBe('#123456');
      // The council can change a default colour later.
      const first = (await admin.get('/api/v1/themes')).json().items.find((x: { name: string }) => x.name === 'One');
      const changed = await admin.patch(`/api/v1/themes/${first.id}`, { version: first.version, colour: '#654321' });
      expect(changed.json().colour).toBe('#654321');
    } finally {
      await fresh.close();
    }
  });
});
