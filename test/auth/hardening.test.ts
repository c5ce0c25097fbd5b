import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';

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
    expect(res.headers['strict-transport-security']).toBeDefined();
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
