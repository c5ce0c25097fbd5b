// "Today" is the council's date: at 23:30 UTC in June a council in London is already on the
// next day (British Summer Time), and at 03:00 UTC one in Los Angeles is still on the day before.
// Both the session (which the web app takes its dates from) and a route that refuses future
// dates must agree with the council, not with UTC.
import { afterEach, describe, expect, it } from 'vitest';
import { settings } from '../../db/schema.js';
import { fixedClock } from '../../server/domain/time.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function councilAt(timeZone: string, instant: string): Promise<TestApp> {
  t = await makeTestApp({
    clock: fixedClock(instant),
    seed: (db) => db.update(settings).set({ timeZone }).run(),
  });
  return t;
}

const session = (heldOn: string) => ({
  forumId: 'cicc',
  heldOn,
  attendance: 6,
  items: [{ text: 'More trips out in the holidays', ageBand: '8-11' }],
});

describe('app.today()', () => {
  it('is already tomorrow for a council whose midnight came before UTC’s', async () => {
    const { app, as } = await councilAt('Europe/London', '2026-06-15T23:30:00Z');
    expect(app.today()).toBe('2026-06-16');
    const worker = await as('participation');
    expect((await worker.get('/api/v1/session')).json()).toMatchObject({ today: '2026-06-16' });
    // A session held this morning in London is not "in the future".
    expect((await worker.post('/api/v1/forum-sessions', session('2026-06-16'))).statusCode).toBe(201);
  });

  it('is still yesterday for a council whose midnight comes after UTC’s', async () => {
    const { app, as } = await councilAt('America/Los_Angeles', '2026-06-15T03:00:00Z');
    expect(app.today()).toBe('2026-06-14');
    const worker = await as('participation');
    expect((await worker.get('/api/v1/session')).json()).toMatchObject({ today: '2026-06-14' });
    const refused = await worker.post('/api/v1/forum-sessions', session('2026-06-15'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.heldOn', message: 'The date cannot be in the future' }),
    );
  });
});
