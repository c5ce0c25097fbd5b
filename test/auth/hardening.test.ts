import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { loadConfig } from '../../server/config.js';
import { SIGN_IN_FAILURES_PER_ADDRESS } from '../../server/routes/session.js';
import { scaled } from '../helpers/slowness.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('hardening', () => {
  it('sends security headers with a strict Content Security Policy', async () => {
    const res = await t.anon.get('/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Over plain http (the test default) no HSTS: security-headers.test.ts covers https.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('refuses bodies over the size limit and content types other than JSON', async () => {
    const admin = await t.as('admin');
    const huge = await admin.post('/api/v1/themes', { name: 'x'.repeat(1_100_000), childName: 'y' });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    const form = await admin.inject({
      method: 'POST',
      url: '/api/v1/themes',
      payload: 'name=Rights&childName=Yours',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    const broken = await admin.inject({
      method: 'POST',
      url: '/api/v1/themes',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().title).toBe('Bad request');
  });

  it('never leaks a stack trace or SQL in an error', async () => {
    const viewer = await t.as('viewer');
    t.db.$client.exec('ALTER TABLE themes RENAME TO themes_gone');
    const res = await viewer.get('/api/v1/themes');
    t.db.$client.exec('ALTER TABLE themes_gone RENAME TO themes');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toMatch(/select|no such table|sqlite|at .*\.ts|\n\s+at /i);
  });

  it('answers unknown API paths with a problem, not an HTML page', async () => {
    const res = await t.anon.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('request edges', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('gives each route a body limit that fits it, refused before any parsing', async () => {
    const kb = (n: number) => JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(n * 1024) });
    const signIn = await t.anon.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: kb(8),
      headers: { 'content-type': 'application/json' },
    });
    expect(signIn.statusCode).toBe(413);
    expect(signIn.headers['content-type']).toContain('application/problem+json');
    const pin = await t.anon.inject({
      method: 'POST',
      url: '/api/v1/public/rating/join',
      payload: JSON.stringify({ pin: '1'.repeat(8 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(pin.statusCode).toBe(413);
    // Signed in, a body of a few hundred KB is still fine (and reaches validation).
    const admin = await t.as('admin');
    const big = await admin.post('/api/v1/themes', { name: 'x'.repeat(300_000), childName: 'y' });
    expect(big.statusCode).not.toBe(413);
  });

  it('refuses deeply nested JSON in milliseconds, before JSON.parse', async () => {
    const admin = await t.as('admin');
    const nearlyAMegabyte = deep(500_000);
    const started = performance.now();
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/themes',
      payload: nearlyAMegabyte,
      headers: { 'content-type': 'application/json' },
    });
    const tookMs = performance.now() - started;
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/nested more than 64 levels/);
    expect(tookMs).toBeLessThan(scaled(250)); // JSON.parse of the same took 0.6-5 s
    // 64 levels is still JSON the API reads (and then validates).
    const shallow = await admin.inject({
      method: 'POST',
      url: '/api/v1/themes',
      payload: `{"name":${deep(63)},"childName":"y"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(shallow.statusCode).toBe(400);
    expect(shallow.json().title).toBe('There is a problem');
    // Brackets inside strings are text, not nesting.
    const inText = await admin.post('/api/v1/themes', { name: `Rights ${'['.repeat(70)}`, childName: 'y "{{{' });
    expect(inText.statusCode).toBe(201);
    // Anonymous, a megabyte never reaches the parser at all.
    const anon = await t.anon.inject({
      method: 'POST',
      url: '/api/v1/public/rating/verdicts',
      payload: nearlyAMegabyte,
      headers: { 'content-type': 'application/json' },
    });
    expect(anon.statusCode).toBe(413);
  });

  it('reads ids as plain positive decimal integers only', async () => {
    const viewer = await t.as('viewer');
    for (const id of ['0x10', '1e1', '010', '+5', '-1', '0', '1.0', ' 1', '9007199254740993', '99999999999999999']) {
      const res = await viewer.get(`/api/v1/promises/${encodeURIComponent(id)}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.headers['content-type'], id).toContain('application/problem+json');
    }
    expect((await viewer.get('/api/v1/promises/16')).statusCode).toBe(404);
    expect((await viewer.get('/api/v1/promises/9007199254740991')).statusCode).toBe(404);
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const admin = await t.as('admin');
    const res = await admin.put('/api/v1/themes/1', {});
    expect(res.statusCode).toBe(405);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers.allow).toBe('GET, HEAD, PATCH');
    const list = await admin.del('/api/v1/themes');
    expect(list.statusCode).toBe(405);
    expect(list.headers.allow).toContain('POST');
    expect((await admin.put('/api/v1/nothing-here', {})).statusCode).toBe(404);
  });
});

describe('TRUST_PROXY', () => {
  it('reads false, true, a hop count or a list of addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).TRUST_PROXY).toEqual(['10.0.0.1', '192.168.0.0/16']);
  });

  it('counts sign-in failures against the real client behind a trusted proxy, and only then', async () => {
    const fail = (app: TestApp, client: string) =>
      app.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'nobody@test.example', password: 'wrong-password-xx' },
        remoteAddress: '10.9.9.9',
        headers: { 'x-forwarded-for': client },
      });
    const proxied = await makeTestApp({ config: { TRUST_PROXY: ['10.9.9.9'] } });
    try {
      // Each client behind the proxy has its own allowance; the proxy's address is not shared.
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS; i++)
        expect((await fail(proxied, '203.0.113.1')).statusCode).toBe(401);
      expect((await fail(proxied, '203.0.113.1')).statusCode).toBe(429);
      expect((await fail(proxied, '203.0.113.2')).statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
    // Not trusted (the default): the header is ignored, so a client cannot pick its own address.
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS; i++) await fail(t, `203.0.113.${i}`);
    expect((await fail(t, '203.0.113.250')).statusCode).toBe(429);
  });
});
