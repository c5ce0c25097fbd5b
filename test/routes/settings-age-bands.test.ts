// Age bands are typed as labels: the id feedback and imports use is made from the label once,
// kept when the label changes, and never needs typing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TODAY, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

type Band = { id?: string; label: string; childLabel: string };

async function putBands(bands: Band[]) {
  const admin = await t.as('admin');
  const current = (await admin.get('/api/v1/settings')).json();
  return admin.put('/api/v1/settings', { version: current.version, ageBands: bands });
}

describe('age band ids', () => {
  it('makes a new band’s id from its label, unique among the bands', async () => {
    const admin = await t.as('admin');
    const kept: Band[] = (await admin.get('/api/v1/settings')).json().ageBands;
    const res = await putBands([
      ...kept,
      { label: 'Moving on', childLabel: 'moving on' },
      { label: 'Care leaver', childLabel: 'left care' },
    ]);
    expect(res.statusCode).toBe(200);
    const ids = res.json().ageBands.map((b: Band) => b.id);
    // The defaults already hold `care-leaver`: the new one is numbered, not merged.
    expect(ids).toEqual([...kept.map((b) => b.id), 'moving-on', 'care-leaver-2']);
  });

  it('keeps the id when the label changes, so feedback logged under it still matches', async () => {
    const participation = await t.as('participation');
    const logged = await participation.post('/api/v1/feedback', {
      text: 'We want a say in where we live next',
      source: 'other',
      heardOn: TODAY,
      ageBand: 'moving-on',
    });
    expect(logged.statusCode).toBe(201);
    const admin = await t.as('admin');
    const bands: Band[] = (await admin.get('/api/v1/settings')).json().ageBands;
    const renamed = bands.map((b) => (b.id === 'moving-on' ? { ...b, label: 'Moving on (16+)' } : b));
    const res = await putBands(renamed);
    expect(res.statusCode).toBe(200);
    expect(res.json().ageBands.find((b: Band) => b.id === 'moving-on').label).toBe('Moving on (16+)');
  });

  it('gives a band sent by its label alone the id it already has', async () => {
    const admin = await t.as('admin');
    const bands: Band[] = (await admin.get('/api/v1/settings')).json().ageBands;
    const res = await putBands(bands.map(({ id: _id, ...b }) => b));
    expect(res.statusCode).toBe(200);
    expect(res.json().ageBands.map((b: Band) => b.id)).toEqual(bands.map((b) => b.id));
  });

  it('still refuses two bands given the same id', async () => {
    const res = await putBands([
      { id: 'same', label: 'One', childLabel: 'one' },
      { id: 'same', label: 'Two', childLabel: 'two' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
