// The OpenAPI document is generated from the zod schemas. Its snapshots are a cheap alarm for an
// accidental API change: update them on purpose with `npx vitest run test/api -u` and read the
// diff (the whole document is in __snapshots__/openapi.json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is served at /api/docs/json and lists every API route', async () => {
    const res = await t.anon.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    for (const r of t.app.routeAccess) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('has a docs page', async () => {
    const res = await t.anon.get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('matches the reviewed snapshot of paths, methods and status codes', async () => {
    const doc = (await t.anon.get('/api/docs/json')).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const shape = Object.fromEntries(
      Object.entries(doc.paths)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, methods]) => [
          path,
          Object.fromEntries(
            Object.entries(methods)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([m, op]) => [m, Object.keys(op.responses ?? {}).sort()]),
          ),
        ]),
    );
    expect(shape).toMatchSnapshot();
  });

  it('matches the reviewed snapshot of the whole document, every request and response schema included', async () => {
    const doc: unknown = (await t.anon.get('/api/docs/json')).json();
    await expect(`${JSON.stringify(sortKeys(doc), null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});

/** The same document whatever order the routes registered their schemas in. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
