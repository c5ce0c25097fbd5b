// Words are stored as a reader sees them: hidden characters cannot slip a name or a number past
// the identifier check, and direction overrides are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const item = (text: string, publicText = '') => ({
  text,
  publicText,
  source: 'survey',
  heardOn: '2026-06-01',
  ageBand: '8-11',
});

describe('text as a reader sees it', () => {
  it('stores words without zero-width characters, with full-width digits made ordinary', async () => {
    const worker = await t.as('participation');
    const res = await worker.post(
      '/api/v1/feedback',
      item('Ring me on ０７７００\u200B ９００１２３', 'Jay\u200Bden said hi'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ text: 'Ring me on 07700 900123', publicText: 'Jayden said hi' });
    // The check sees the number the reader sees.
    expect(res.json().identifierKinds).toContain('phone');
    const found = (await worker.get(`/api/v1/feedback/${res.json().id}/findings`)).json();
    expect(found.findings.map((f: { text: string }) => f.text)).toContain('Jayden');
  });

  it('refuses direction overrides, which only disguise what is shown', async () => {
    const worker = await t.as('participation');
    const res = await worker.post('/api/v1/feedback', item('call \u202E321009 00770'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.text', message: 'Remove the hidden characters that change the direction of the text' },
    ]);
  });

  it('treats words that are only invisible characters as empty', async () => {
    const worker = await t.as('participation');
    const res = await worker.post('/api/v1/feedback', item('\u200B\u200D\uFEFF'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.text');
  });

  it('leaves passwords exactly as typed', async () => {
    const admin = await t.as('admin');
    const odd = 'ｆｕｌｌ-width-pass\u200Bphrase-2026';
    const made = await admin.post('/api/v1/users', { email: 'odd@test.example', name: 'Odd', role: 'viewer' });
    expect(made.statusCode).toBe(201);
    const set = await admin.post(`/api/v1/users/${made.json().id}/password`, { password: odd });
    expect(set.statusCode, set.body).toBeLessThan(300);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'odd@test.example', password: odd },
    });
    expect(signIn.statusCode).toBe(200);
  });
});
