// Guarantee 6: when storage fills (simulated with PRAGMA max_page_count, which makes SQLite fail
// exactly as on a full disk: SQLITE_FULL) writes get a clear 503 problem, reads keep working,
// nothing stored is damaged or half-written, and writing resumes by itself once space returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { auditLog, themes } from '../../db/schema.js';

let t: TestApp;
let minutes = 0;
beforeAll(async () => {
  // A clock that can move on, so the session's once-a-minute "last seen" write is exercised.
  t = await makeTestApp({ clock: { now: () => new Date(Date.UTC(2026, 5, 15, 12, minutes)) } });
});
afterAll(() => t.close());

const sqlite = () => t.db.$client;
const themeCount = () => t.db.select({ n: count() }).from(themes).get()!.n;
const auditCount = () => t.db.select({ n: count() }).from(auditLog).get()!.n;
const big = (n: number) => `${'w'.repeat(70)} ${n}`;

describe('disk full', () => {
  it('answers writes with 503, keeps reads working, damages nothing and recovers by itself', async () => {
    const admin = await t.as('admin');
    for (let i = 0; i < 5; i++)
      expect((await admin.post('/api/v1/themes', { name: `kept ${i}`, childName: 'kept' })).statusCode).toBe(201);
    const before = (await admin.get('/api/v1/themes')).json();

    // No room for one more page.
    const pages = sqlite().pragma('page_count', { simple: true }) as number;
    sqlite().pragma(`max_page_count = ${pages}`);

    let refused: Awaited<ReturnType<typeof admin.post>> | null = null;
    let stored = themeCount();
    let audits = auditCount();
    for (let i = 0; i < 400 && !refused; i++) {
      const res = await admin.post('/api/v1/themes', { name: big(i).slice(0, 80), childName: big(i).slice(0, 80) });
      if (res.statusCode === 201) {
        stored += 1;
        audits += 1;
      } else refused = res;
    }
    expect(refused, 'storage filled up').not.toBeNull();
    expect(refused!.statusCode).toBe(503);
    expect(refused!.headers['content-type']).toContain('application/problem+json');
    expect(refused!.json()).toMatchObject({ status: 503, title: 'Cannot save right now' });
    expect(refused!.body).not.toMatch(/SQLITE|database or disk/i);
    // Nothing half-written: the refused create left no row and no audit entry.
    expect(themeCount()).toBe(stored);
    expect(auditCount()).toBe(audits);

    // Reads keep working, including after the session is due its "last seen" write.
    minutes = 5;
    const read = await admin.get('/api/v1/themes');
    expect(read.statusCode).toBe(200);
    expect(read.json().items.length).toBe(stored);
    expect((await admin.get(`/api/v1/themes/${before.items[0].id}`)).statusCode).toBe(200);
    expect(sqlite().pragma('integrity_check', { simple: true })).toBe('ok');

    // Space returns: the very next write succeeds without a restart.
    sqlite().pragma('max_page_count = 1073741823');
    const after = await admin.post('/api/v1/themes', { name: 'after the disk was cleared', childName: 'ok' });
    expect(after.statusCode).toBe(201);
    expect(themeCount()).toBe(stored + 1);
    expect(sqlite().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps reads working when nothing at all can be written, even the session touch', async () => {
    const viewer = await t.as('viewer');
    minutes = 30; // the session is due its "last seen" write again
    sqlite().pragma('query_only = ON'); // every write now fails, as on a read-only or failed disk
    try {
      const res = await viewer.get('/api/v1/themes');
      expect(res.statusCode).toBe(200);
      const admin = await t.as('admin');
      const write = await admin.post('/api/v1/themes', { name: 'no room', childName: 'no room' });
      expect(write.statusCode).toBe(503);
      expect(write.headers['content-type']).toContain('application/problem+json');
    } finally {
      sqlite().pragma('query_only = OFF');
    }
  });
});
