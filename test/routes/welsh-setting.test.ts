// "Use Welsh": on for councils in Wales from the start, changeable by an admin (audited), and what
// the kiosk reads to decide whether to offer Welsh; the council's name has a Welsh form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { ensureSettings, getSettings } from '../../db/repositories/settings.js';
import { openAndMigrate } from '../../db/client.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('the Use Welsh setting', () => {
  it('is off for a council in England until an admin turns it on, with the Welsh name, audited', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get('/api/v1/settings')).json();
    expect(before).toMatchObject({ nation: 'england', useWelsh: false, councilNameCy: '' });
    expect((await t.anon.get('/api/v1/public/summary')).json()).toMatchObject({ useWelsh: false, councilNameCy: '' });

    const saved = await admin.put('/api/v1/settings', {
      version: before.version,
      useWelsh: true,
      councilNameCy: 'Cyngor Prawf',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ useWelsh: true, councilNameCy: 'Cyngor Prawf' });
    const summary = (await t.anon.get('/api/v1/public/summary')).json();
    expect(summary).toMatchObject({ useWelsh: true, councilNameCy: 'Cyngor Prawf', timeZone: 'Europe/London' });

    const audit = (await admin.get('/api/v1/audit?entity=settings')).json();
    const entry = audit.items.find((a: { after: Record<string, unknown> | null }) => a.after?.useWelsh === true);
    expect(entry).toMatchObject({
      before: { useWelsh: false, councilNameCy: '' },
      after: { councilNameCy: 'Cyngor Prawf' },
    });
  });

  it('refuses a Welsh name that is too long or a flag that is not true or false', async () => {
    const admin = await t.as('admin');
    const { version } = (await admin.get('/api/v1/settings')).json();
    const bad = await admin.put('/api/v1/settings', { version, useWelsh: 'yes', councilNameCy: 'x'.repeat(121) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.useWelsh', 'body.councilNameCy']));
  });

  it('may be changed only by an admin', async () => {
    const participation = await t.as('participation');
    const { version } = (await participation.get('/api/v1/settings')).json();
    expect((await participation.put('/api/v1/settings', { version, useWelsh: false })).statusCode).toBe(403);
  });

  it('turns on when an admin moves the council to Wales, unless they say otherwise', async () => {
    const admin = await t.as('admin');
    const put = async (body: Record<string, unknown>) => {
      const { version } = (await admin.get('/api/v1/settings')).json();
      const res = await admin.put('/api/v1/settings', { version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await put({ nation: 'england', useWelsh: false });
    expect(await put({ nation: 'wales' })).toMatchObject({ nation: 'wales', useWelsh: true });
    // Already in Wales: turning Welsh off sticks, and saving again leaves it off.
    expect(await put({ useWelsh: false })).toMatchObject({ useWelsh: false });
    expect(await put({ nation: 'wales' })).toMatchObject({ useWelsh: false });
    // Moving to Wales while saying "no Welsh" keeps it off.
    await put({ nation: 'england' });
    expect(await put({ nation: 'wales', useWelsh: false })).toMatchObject({ useWelsh: false });
    await put({ nation: 'england', useWelsh: false });
  });

  it('starts on for a council in Wales', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-welsh-'));
    const db = openAndMigrate(join(dir, 'wales.db'));
    await ensureSettings(db, 'Cyngor Enghraifft', 'wales');
    expect(getSettings(db)).toMatchObject({ nation: 'wales', useWelsh: true });
    db.$client.close();
  });
});
