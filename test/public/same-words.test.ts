// "The same words for children": a promise or theme marked so uses its staff words as the
// children's draft, which goes through the one approval gate like any other children's words.
// An unapproved same-words promise never shows on the kiosk; editing the staff words edits the
// draft, and the approved words stay live until the change is approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Client;
let worker: Client;
const ids = { theme: 0, promise: 0 };

beforeAll(async () => {
  t = await makeTestApp();
  admin = await t.as('admin');
  worker = await t.as('participation');
});
afterAll(() => t.close());

const kioskBodies = async () => {
  const summary = (await t.anon.get('/api/v1/public/summary')).body;
  const card = await t.anon.get(`/api/v1/public/promises/${ids.promise}`);
  return { summary, card };
};

async function approve(entity: 'promise' | 'theme', id: number) {
  const path = `/api/v1/public-words/${entity}/${id}`;
  const state = await worker.get(path);
  expect(state.statusCode, state.body).toBe(200);
  const res = await worker.post(`${path}/approve`, { version: state.json().version });
  expect(res.statusCode, res.body).toBe(200);
}

describe('the same words for children', () => {
  it('needs no children’s words typed, and audience defaults to both', async () => {
    const theme = await admin.post('/api/v1/themes', { name: 'Feeling safe where you live', sameWords: true });
    expect(theme.statusCode, theme.body).toBe(201);
    expect(theme.json()).toMatchObject({ sameWords: true, childName: 'Feeling safe where you live' });
    ids.theme = theme.json().id;
    const promise = await admin.post('/api/v1/promises', {
      themeId: ids.theme,
      staffText: 'We will help you stay in touch with the people you love',
      sameWords: true,
    });
    expect(promise.statusCode, promise.body).toBe(201);
    expect(promise.json()).toMatchObject({
      sameWords: true,
      audience: 'both',
      childText: 'We will help you stay in touch with the people you love',
    });
    ids.promise = promise.json().id;
  });

  it('still asks for the children’s words when the flag is off', async () => {
    const res = await admin.post('/api/v1/promises', { themeId: ids.theme, staffText: 'Staff words only' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.childText' })]);
    const theme = await admin.post('/api/v1/themes', { name: 'Staff name only' });
    expect(theme.json().errors).toEqual([expect.objectContaining({ path: 'body.childName' })]);
  });

  it('never shows an unapproved same-words promise or theme on the kiosk', async () => {
    const { summary, card } = await kioskBodies();
    expect(summary).not.toContain('stay in touch with the people you love');
    expect(summary).not.toContain('Feeling safe where you live');
    expect(card.statusCode).toBe(404);
    // Both wait in the queue to be checked.
    const queue = (await worker.get('/api/v1/public-words?pageSize=200')).json();
    const waiting = queue.items.map((e: { entity: string; entityId: number }) => `${e.entity}:${e.entityId}`);
    expect(waiting).toEqual(expect.arrayContaining([`promise:${ids.promise}`, `theme:${ids.theme}`]));
  });

  it('shows it once approved; an edit of the staff words is a new draft that waits for approval', async () => {
    await approve('theme', ids.theme);
    await approve('promise', ids.promise);
    const shown = (await t.anon.get(`/api/v1/public/promises/${ids.promise}`)).json();
    expect(shown.text).toBe('We will help you stay in touch with the people you love');

    const version = (await admin.get(`/api/v1/promises/${ids.promise}`)).json().version;
    const edited = await admin.patch(`/api/v1/promises/${ids.promise}`, {
      version,
      staffText: 'We will help you see your brothers and sisters, Zephyrine Quillfeather',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().childText).toBe('We will help you see your brothers and sisters, Zephyrine Quillfeather');
    // The kiosk keeps the approved words until the change is checked and approved.
    const { summary, card } = await kioskBodies();
    expect(card.json().text).toBe('We will help you stay in touch with the people you love');
    expect(summary + card.body).not.toContain('Zephyrine');
    const state = (await worker.get(`/api/v1/public-words/promise/${ids.promise}`)).json();
    expect(state.draft.childText).toContain('Zephyrine');
  });
});
