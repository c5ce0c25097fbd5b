// A long retention run (a council's first, over years of closed loops) must not stop the server
// answering: it erases one item per transaction and lets other requests in between items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { feedback } from '../../db/schema.js';
import retentionSchedule from '../../server/plugins/retention-schedule.js';

const DUE = 300;

function seed(db: Db) {
  for (let i = 0; i < DUE; i++)
    db.insert(feedback)
      .values({
        text: `closed long ago ${i}`,
        source: 'survey',
        heardOn: '2020-01-10',
        ageBand: '8-11',
        response: 'did',
        responseText: 'We did it',
        respondedOn: '2020-02-01',
        fedBackOn: '2020-02-02',
      })
      .run();
}

describe('a long retention run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ seed, clock: { now: () => new Date('2026-06-15T03:00:00Z') } });
    await t.app.register(retentionSchedule, { firstAfterMs: 3_600_000 });
    await t.app.ready();
  });
  afterAll(() => t.close());

  it('answers other requests while it erases item after item', async () => {
    let finished = false;
    const run = t.app.retentionNow().finally(() => {
      finished = true;
    });
    // A request made once the run is under way is answered before the run ends.
    const health = await t.anon.get('/health');
    expect(health.statusCode).toBe(200);
    const answeredDuringRun = !finished;
    expect(await run).toMatchObject({ erased: DUE });
    expect(answeredDuringRun).toBe(true);
  });
});
