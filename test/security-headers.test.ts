// Every response carries the same security headers, worked out once from helmet at start-up. The
// full set is written out here, so not one header or value is lost or changed, whatever kind of
// response it is. Signed-in answers are never cached (shared council PCs); signed-out ones keep
// their own caching.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/app.js';
import { helmetHeaders } from '../server/plugins/security-headers.js';

// Plain http (SECURE_COOKIES=false, the default): no HSTS and no upgrade-insecure-requests, which
// would break an install without https. No X-Frame-Options: frame-ancestors says it, and
// helmet's SAMEORIGIN contradicted 'none'.
const CSP =
  "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'none';" +
  "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self';" +
  "connect-src 'self'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
/** Headers a response may carry beyond the security set. */
const OTHERS = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'cache-control',
  'vary',
  'set-cookie',
  'last-modified',
  'etag',
  'accept-ranges',
  'location',
]);

function securityHeadersOf(headers: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !OTHERS.has(name)));
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends exactly the same full set on every kind of response', async () => {
    const viewer = await t.as('viewer');
    const responses = {
      health: await t.anon.get('/health'),
      'public read': await t.anon.get('/api/v1/public/summary'),
      'public read from the cache': await t.anon.get('/api/v1/public/summary'),
      'signed-in read': await viewer.get('/api/v1/promises'),
      'signed-in read from the cache': await viewer.get('/api/v1/promises'),
      'sign in required': await t.anon.get('/api/v1/promises'),
      'forbidden write': await viewer.post('/api/v1/themes', { name: 'x', childName: 'y' }),
      'unknown API path': await t.anon.get('/api/v1/nothing-here'),
      'missing asset': await t.anon.get('/assets/none.js'),
      'web page': await t.anon.get('/promises'),
    };
    for (const [name, res] of Object.entries(responses)) {
      expect(securityHeadersOf(res.headers), name).toEqual(SECURITY_HEADERS);
    }
    expect(responses['public read from the cache'].body).toBe(responses['public read'].body);
  });

  it('lets the API docs keep their own looser policy, with the rest of the set', async () => {
    const res = await t.anon.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain('validator.swagger.io');
    const { ['content-security-policy']: _csp, ...rest } = SECURITY_HEADERS;
    const { ['content-security-policy']: _theirs, ...got } = securityHeadersOf(res.headers);
    expect(got).toEqual(rest);
  });

  it('adds HSTS and upgrade-insecure-requests only when served over https', async () => {
    const secure = await makeTestApp({ config: { SECURE_COOKIES: true } });
    try {
      const res = await secure.anon.get('/health');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toBe(
        `${CSP.replace("style-src 'self';", "style-src 'self';upgrade-insecure-requests;")}`,
      );
      expect(res.headers['x-frame-options']).toBeUndefined();
    } finally {
      await secure.close();
    }
  });

  it('marks every signed-in answer no-store, JSON and files alike, and leaves signed-out caching alone', async () => {
    const board = await t.as('board');
    const admin = await t.as('admin');
    const signedIn = {
      json: await board.get('/api/v1/promises'),
      'json from the cache': await board.get('/api/v1/promises'),
      csv: await board.get('/api/v1/board/export.csv'),
      xlsx: await board.get('/api/v1/board/export.xlsx'),
      'feedback csv': await admin.get('/api/v1/feedback/export.csv'),
      'a not found': await board.get('/api/v1/promises/999999'),
    };
    for (const [name, res] of Object.entries(signedIn)) {
      expect(res.statusCode < 500, name).toBe(true);
      expect(res.headers['cache-control'], name).toBe('no-store');
    }
    expect(signedIn.csv.statusCode).toBe(200);
    expect(signedIn.xlsx.statusCode).toBe(200);
    const kiosk = await t.anon.get('/api/v1/public/summary');
    expect(kiosk.headers['cache-control']).toBe('no-cache');
  });

  it('refuses a policy that would differ from one request to the next', () => {
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-abc'"] } } }),
    ).toThrow(/scriptSrc varies by request/);
    expect(helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: new Set(["'self'"]) } } })).toMatchObject({
      'content-security-policy': expect.stringContaining("script-src 'self'"),
    });
  });
});
