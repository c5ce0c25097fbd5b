// Guarantee 7: whatever arrives (arbitrary JSON, query strings, path ids, huge strings, the wrong
// content type, invalid UTF-8), every route in app.routeAccess answers without a 5xx, and every
// refusal is application/problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import { scaled } from '../helpers/slowness.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await makeTestApp();
  admin = await t.as('admin');
  // Something real to aim at, so ids like 1 reach handlers and not only "not found".
  await admin.post('/api/v1/themes', { name: 'Home', childName: 'Your home' });
});
afterAll(() => t.close());

// Signing out or in would change who the rest of the run is; those routes get their own runs.
const SESSION = '/api/v1/session';
const routes = () => t.app.routeAccess.filter((r) => r.url !== SESSION);

function fillPath(url: string, segment: string): string {
  return url.replace(/:[A-Za-z]+/g, () => segment);
}

const pathSegment = fc.oneof(
  fc.constantFrom('1', '0', '-1', '999999999', '1e3', '0x10', '1.5', 'NaN', '%ZZ', '%00', '..', '9'.repeat(400)),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.integer().map(String),
);

const queryString = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom('page', 'pageSize', 'sort', 'status', 'q', 'themeId', 'from', 'to', 'ragStatus', 'x', 'page[]'),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.integer().map(String),
        fc.constant('%E0%A4%A'),
        fc.constant('a'.repeat(5000)),
      ),
    )
    .map((d) =>
      Object.entries(d)
        .map(([k, v]) => `${k}=${v.includes('%') ? v : encodeURIComponent(v)}`)
        .join('&'),
    ),
);

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'childName',
      'title',
      'text',
      'version',
      'email',
      'role',
      'status',
      'id',
      'dueDate',
      '__proto__',
    ),
    fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant('x'.repeat(200_000)), fc.integer(), fc.constant(null)),
  ),
);

function checkAnswer(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what} -> ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], `${what} content type`).toMatch(/^application\/problem\+json/);
    const p = res.json() as { status: number; title: string };
    expect(p.status).toBe(res.statusCode);
    expect(typeof p.title).toBe('string');
  }
}

describe('bad input never breaks a route', () => {
  it(
    'every route, signed in as admin, with arbitrary path ids, query strings and JSON bodies',
    async () => {
      expect(routes().length).toBeGreaterThan(20);
      for (const route of routes()) {
        await fc.assert(
          fc.asyncProperty(pathSegment, queryString, body, async (segment, query, payload) => {
            const url = `${fillPath(route.url, segment)}${query ? `?${query}` : ''}`;
            const res = await admin.inject({
              method: route.method as 'GET',
              url,
              ...(route.method === 'GET'
                ? {}
                : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
            });
            checkAnswer(res, `${route.method} ${url}`);
          }),
          { numRuns: 30 },
        );
      }
    },
    scaled(120_000),
  );

  it('every write route, with the wrong content type, invalid UTF-8, broken JSON and a huge body', async () => {
    const writes = routes().filter((r) => r.method !== 'GET');
    const payloads: { type: string; payload: Buffer | string }[] = [
      { type: 'text/plain', payload: 'name=Home' },
      { type: 'application/x-www-form-urlencoded', payload: 'name=Home&childName=Home' },
      {
        type: 'application/json',
        payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      },
      { type: 'application/json; charset=latin1', payload: '{"name":"x"}' },
      { type: 'application/json', payload: '{"name": "unterminated' },
      { type: 'application/json', payload: '' },
      { type: 'application/json', payload: `{"name":"${'x'.repeat(1_100_000)}"}` },
      { type: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\nhi\r\n--x--' },
      { type: 'application/json', payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
    ];
    for (const route of writes) {
      for (const { type, payload } of payloads) {
        const url = fillPath(route.url, '1');
        const res = await admin.inject({
          method: route.method as 'POST',
          url,
          payload,
          headers: { 'content-type': type },
        });
        checkAnswer(res, `${route.method} ${url} (${type})`);
      }
    }
  });

  it(
    'signed out, every route refuses or answers cleanly',
    async () => {
      for (const route of t.app.routeAccess) {
        await fc.assert(
          fc.asyncProperty(pathSegment, body, async (segment, payload) => {
            const url = fillPath(route.url, segment);
            const res = await t.anon.inject({
              method: route.method as 'GET',
              url,
              ...(route.method === 'GET'
                ? {}
                : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
            });
            checkAnswer(res, `anon ${route.method} ${url}`);
          }),
          { numRuns: 4 },
        );
      }
    },
    scaled(60_000),
  );
});
