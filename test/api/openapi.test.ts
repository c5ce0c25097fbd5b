// The OpenAPI document is generated from the zod schemas. Its snapshot is a cheap alarm for an
// accidental API change: update it on purpose with `npx vitest run test/api -u`.
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
});
