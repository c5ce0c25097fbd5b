// The read cache keeps whole answers as the JSON text sent. These tests prove a kept answer is the
// same bytes as a fresh one, that no caller is ever given another visibility class's answer, and
// that a write (ours or another connection's), a new day or a different query is a new answer;
// and that the gzipped copy is exactly those bytes, sent only to clients that accept it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { makeTestApp, ROLES, TODAY, type TestApp } from './helpers/app.js';
import type { Clock } from '../server/domain/time.js';
import type { Db } from '../db/client.js';
import { commitments, feedback, feedbackPromises, promises, themes } from '../db/schema.js';
import { encodingFor, readCacheSize, type Encoding } from '../server/read-cache.js';

type Ids = { p1: number };
const ids: Ids = { p1: 0 };
// Late evening in London (BST), so a few minutes on is tomorrow without ending any session.
let now = new Date(`${TODAY}T22:50:00Z`);
const clock: Clock = { now: () => new Date(now) };

function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights', sortOrder: 0 }).returning().get();
  const p1 = db
    .insert(promises)
    .values({
      themeId: theme.id,
      staffText: 'Make sure every child knows who their social worker is',
      childText: 'You will know who your social worker is',
      audience: 'children_in_care',
    })
    .returning()
    .get();
  ids.p1 = p1.id;
  // Due today: not overdue today, overdue tomorrow.
  db.insert(commitments)
    .values({ promiseId: p1.id, title: 'Print a card with the worker photo', dueDate: TODAY })
    .run();
  const item = (text: string, heardOn: string, safeguarding: boolean) =>
    db
      .insert(feedback)
      .values({
        text,
        source: 'forum',
        forumId: 'cicc',
        heardOn,
        ageBand: '11-18',
        publicText: text,
        publishState: 'approved',
        safeguarding,
      })
      .returning()
      .get();
  const a = item('I never know who my social worker is', '2026-05-01', false);
  const b = item('A flagged disclosure only workers may read', '2026-05-02', true);
  db.insert(feedbackPromises)
    .values([
      { feedbackId: a.id, promiseId: p1.id },
      { feedbackId: b.id, promiseId: p1.id },
    ])
    .run();
}

describe('read cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ seed, clock });
  });
  afterAll(async () => t?.close());

  it('answers a repeat with the same bytes and headers as the first answer', async () => {
    const viewer = await t.as('viewer');
    for (const url of [`/api/v1/promises/${ids.p1}/card`, '/api/v1/promises', '/api/v1/public/summary']) {
      const first = await viewer.get(url);
      const size = readCacheSize(t.db);
      const again = await viewer.get(url);
      expect(first.statusCode).toBe(200);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
      expect(readCacheSize(t.db)).toBe(size);
    }
    // The kiosk's no-cache header is repeated from the kept answer.
    expect((await t.anon.get('/api/v1/public/summary')).headers['cache-control']).toBe('no-cache');
  });

  it('never gives one visibility class the answer kept for another', async () => {
    const card = `/api/v1/promises/${ids.p1}/card`;
    // Ask twice in turn, so each class's second answer would come from the cache.
    for (let round = 0; round < 2; round++)
      for (const role of ROLES) {
        const res = await (await t.as(role)).get(card);
        const sees = role === 'admin' || role === 'participation';
        expect(res.json().youSaid.total, `${role} round ${round}`).toBe(sees ? 2 : 1);
        expect(res.body.includes('flagged disclosure'), `${role} round ${round}`).toBe(sees);
        const list = await (await t.as(role)).get('/api/v1/promises');
        expect(list.json().items[0].counts.feedback, `${role} round ${round}`).toBe(sees ? 2 : 1);
      }
  });

  it('keeps the board summary apart for those who may count flagged items', async () => {
    const bodies: Record<string, string[]> = {};
    for (let round = 0; round < 2; round++)
      for (const role of ['participation', 'viewer', 'admin', 'board', 'owner'] as const) {
        const res = await (await t.as(role)).get('/api/v1/board/summary');
        expect(res.statusCode).toBe(200);
        (bodies[role] ??= []).push(res.body);
      }
    const [sees] = bodies.participation!;
    const [seesNot] = bodies.viewer!;
    expect(sees).not.toBe(seesNot);
    for (const role of ['participation', 'admin']) expect(bodies[role]).toEqual([sees, sees]);
    for (const role of ['viewer', 'board', 'owner']) expect(bodies[role]).toEqual([seesNot, seesNot]);
  });

  it('answers afresh after a write through the API', async () => {
    const viewer = await t.as('viewer');
    const card = `/api/v1/promises/${ids.p1}/card`;
    expect((await viewer.get(card)).json().youSaid.total).toBe(1);
    const created = await (
      await t.as('participation')
    ).post('/api/v1/feedback', {
      text: 'Tell us when our worker changes',
      source: 'forum',
      forumId: 'cicc',
      heardOn: TODAY,
      ageBand: '11-18',
      promiseIds: [ids.p1],
    });
    expect(created.statusCode).toBe(201);
    expect((await viewer.get(card)).json().youSaid.total).toBe(2);
    const waiting = (await (await t.as('participation')).get('/api/v1/feedback/waiting')).json();
    expect(waiting.items.map((i: { item: { text: string } }) => i.item.text)).toContain(
      'Tell us when our worker changes',
    );
  });

  it('answers afresh after another connection commits', async () => {
    const viewer = await t.as('viewer');
    const before = (await viewer.get('/api/v1/promises')).json().items[0];
    const other = new Database(join(t.dir, 'test.db'));
    try {
      other.prepare('update promises set child_text = ? where id = ?').run('Changed by a script', ids.p1);
    } finally {
      other.close();
    }
    const after = (await viewer.get('/api/v1/promises')).json().items[0];
    expect(before.childText).toBe('You will know who your social worker is');
    expect(after.childText).toBe('Changed by a script');
  });

  it('answers afresh on a new day: a commitment due today is overdue tomorrow', async () => {
    const viewer = await t.as('viewer');
    const card = `/api/v1/promises/${ids.p1}/card`;
    expect((await viewer.get(card)).json().weWill[0].overdue).toBe(false);
    expect((await viewer.get(card)).json().weWill[0].overdue).toBe(false);
    now = new Date(`${TODAY}T23:05:00Z`);
    try {
      expect((await viewer.get(card)).json().weWill[0].overdue).toBe(true);
    } finally {
      now = new Date(`${TODAY}T22:50:00Z`);
    }
  });

  it('keeps one answer per normalised query, and a different query is a different answer', async () => {
    const worker = await t.as('participation');
    const a = await worker.get('/api/v1/feedback/waiting?page=1&pageSize=1');
    const size = readCacheSize(t.db);
    const b = await worker.get('/api/v1/feedback/waiting?pageSize=1&page=1');
    expect(b.body).toBe(a.body);
    expect(readCacheSize(t.db)).toBe(size);
    const second = await worker.get('/api/v1/feedback/waiting?page=2&pageSize=1');
    expect(second.json().page).toBe(2);
    expect(second.json().items[0].item.id).not.toBe(a.json().items[0].item.id);
    expect(readCacheSize(t.db)).toBe(size + 1);
  });

  it('keeps nothing read while a shared write transaction is still open', async () => {
    const viewer = await t.as('viewer');
    const size = readCacheSize(t.db);
    t.db.$client.exec('BEGIN IMMEDIATE');
    try {
      expect((await viewer.get('/api/v1/promises?pageSize=7')).statusCode).toBe(200);
    } finally {
      t.db.$client.exec('ROLLBACK');
    }
    expect(readCacheSize(t.db)).toBe(size);
    expect((await viewer.get('/api/v1/promises?pageSize=7')).statusCode).toBe(200);
    expect(readCacheSize(t.db)).toBe(size + 1);
  });

  it('keeps no refusals or missing answers', async () => {
    const size = readCacheSize(t.db);
    expect((await (await t.as('viewer')).get('/api/v1/promises/9999/card')).statusCode).toBe(404);
    expect((await t.anon.get(`/api/v1/promises/${ids.p1}/card`)).statusCode).toBe(401);
    expect((await (await t.as('viewer')).get('/api/v1/feedback/waiting')).statusCode).toBe(403);
    expect(readCacheSize(t.db)).toBe(size);
  });
});

/** What every browser sends. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
/** A client without brotli. */
const GZIP_ONLY = { 'accept-encoding': 'gzip, deflate' };
const decode = (res: { headers: Record<string, unknown>; rawPayload: Buffer }) =>
  res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : gunzipSync(res.rawPayload);

describe('read cache: compressed answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ seed, clock });
  });
  afterAll(async () => t?.close());

  it('sends a browser the answer in brotli (gzip without it), first time and from the cache, decompressing to exactly the plain bytes', async () => {
    const viewer = await t.as('viewer');
    const urls = [`/api/v1/promises/${ids.p1}/card`, '/api/v1/promises', '/api/v1/public/summary'];
    for (const [url, headers, coding] of urls.flatMap((u) => [
      [u, BROWSER, 'br'],
      [u, GZIP_ONLY, 'gzip'],
    ]) as [string, Record<string, string>, Encoding][]) {
      const first = await viewer.inject({ method: 'GET', url, headers });
      const size = readCacheSize(t.db);
      const again = await viewer.inject({ method: 'GET', url, headers });
      const plain = await viewer.get(url);
      expect(readCacheSize(t.db), url).toBe(size);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-length']).toBe(String(plain.rawPayload.length));
      for (const res of [first, again]) {
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe(coding);
        expect(res.headers['vary'], url).toBe('Accept-Encoding');
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
        expect(decode(res).equals(plain.rawPayload), url).toBe(true);
      }
      expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    }
  });

  it('sends plain bytes, still saying they vary, without Accept-Encoding or when both codings are refused', async () => {
    const viewer = await t.as('viewer');
    const url = '/api/v1/promises';
    const reference = await viewer.get(url);
    for (const header of [
      undefined,
      'gzip;q=0',
      'deflate',
      'identity',
      'gzip;q=0.5, identity',
      '*;q=0',
      'br;q=0, gzip;q=0, *',
    ]) {
      for (let round = 0; round < 2; round++) {
        const res = await viewer.inject({
          method: 'GET',
          url,
          headers: header === undefined ? {} : { 'accept-encoding': header },
        });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding'], String(header)).toBeUndefined();
        expect(res.headers['vary'], String(header)).toBe('Accept-Encoding');
        expect(res.body).toBe(reference.body);
      }
    }
  });

  it('never gives one visibility class the compressed answer kept for another', async () => {
    const card = `/api/v1/promises/${ids.p1}/card`;
    for (let round = 0; round < 2; round++)
      for (const role of ROLES) {
        const client = await t.as(role);
        const res = await client.inject({ method: 'GET', url: card, headers: BROWSER });
        expect(res.headers['content-encoding']).toBe('br');
        const body = decode(res).toString('utf8');
        const sees = role === 'admin' || role === 'participation';
        expect(JSON.parse(body).youSaid.total, `${role} round ${round}`).toBe(sees ? 2 : 1);
        expect(body.includes('flagged disclosure'), `${role} round ${round}`).toBe(sees);
      }
  });

  it('reads Accept-Encoding by its weights, with identity acceptable unless excluded', () => {
    const cases: [string | undefined, Encoding][] = [
      [undefined, null],
      ['', null],
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['GZip', 'gzip'],
      ['x-gzip', 'gzip'],
      ['X-GZIP;q=0.5, identity', null],
      ['x-gzip;q=0, br;q=0, *', null],
      ['BR', 'br'],
      ['br;q=1.0, gzip;q=0.8, *;q=0.1', 'br'],
      ['br;q=0.5, gzip;q=0.8, identity;q=0.1', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['*', 'br'],
      ['identity;q=0, *', 'br'],
      ['gzip;q=0', null],
      ['gzip;q=0.000', null],
      ['deflate, br', 'br'],
      ['deflate', null],
      ['identity', null],
      ['gzip;q=0.5, identity', null],
      ['gzip;q=0.5, identity;q=0.5', 'gzip'],
      ['gzip;q=0.5, *;q=0.2', 'gzip'],
      ['*;q=0', null],
      ['gzip;q=0, *', 'br'],
      ['br;q=0, gzip;q=0, *', null],
      // A weight above 1 is not one RFC 9110 allows, but it says yes: negotiator takes it so.
      ['gzip;q=2', 'gzip'],
      ['gzip;q=abc', null],
      [' gzip ; q=0.3 , identity ; q=0.2', 'gzip'],
    ];
    for (const [header, expected] of cases) expect(encodingFor(header), String(header)).toBe(expected);
  });
});
