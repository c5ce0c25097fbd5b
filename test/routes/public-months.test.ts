// The kiosk names months in words ("June 2026"): children recognise the forum by its month, and
// no exact date reaches a public answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { promises, themes } from '../../db/schema.js';

let promiseId = 0;
function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get();
  promiseId = db
    .insert(promises)
    .values({ themeId: theme.id, staffText: 'Listen', childText: 'We will listen to you', audience: 'both' })
    .returning()
    .get().id;
}

let t: TestApp;
let worker: Client;
beforeAll(async () => {
  t = await makeTestApp({ seed });
  worker = await t.as('participation');
});
afterAll(() => t.close());

async function approvedItem(heardOn: string) {
  const created = await worker.post('/api/v1/feedback', {
    text: 'original words',
    publicText: `More trips please (${heardOn})`,
    source: 'survey',
    heardOn,
    ageBand: '8-11',
    promiseIds: [promiseId],
  });
  expect(created.statusCode).toBe(201);
  const approved = await worker.post(`/api/v1/feedback/${created.json().id}/approve`, {
    version: created.json().version,
  });
  expect(approved.statusCode).toBe(200);
}

describe('kiosk months', () => {
  it('names the month each item was heard in words, first and last days of a month alike', async () => {
    await approvedItem('2026-06-01');
    await approvedItem('2025-12-31');
    await approvedItem('2026-01-01');
    const res = await t.anon.get(`/api/v1/public/promises/${promiseId}`);
    expect(res.statusCode).toBe(200);
    const youSaid = res.json().youSaid as { heardIn: string; heardMonth: string }[];
    expect(youSaid.map((q) => [q.heardIn, q.heardMonth])).toEqual([
      ['June 2026', '2026-06'],
      ['January 2026', '2026-01'],
      ['December 2025', '2025-12'],
    ]);
  });
});
