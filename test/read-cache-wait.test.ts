// When many connections miss the read cache for the same answer at once (right after a write,
// every board member's dashboard asks again), the first works it out and the rest wait for its
// answer instead of each working it out too. These tests count how often the route's handler
// runs, on a small app of one cached route over a real, migrated database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openAndMigrate, type Db } from '../db/client.js';
import { ensureSettings } from '../db/repositories/settings.js';
import { readCache } from '../server/read-cache.js';

let dir: string;
let db: Db;
let app: FastifyInstance;
let worked: number;
/** What the handler answers with: a failure for the first n calls. */
let failFirst: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'read-cache-wait-'));
  db = openAndMigrate(join(dir, 'council.db'));
  await ensureSettings(db);
  worked = 0;
  failFirst = 0;
  app = Fastify();
  app.decorate('db', db);
  app.decorate('clock', { now: () => new Date('2026-06-15T10:00:00Z') });
  app.decorate('today', () => '2026-06-15');
  app.get('/answer', { ...readCache(app, { vary: () => 'everyone' }) }, async (_request, reply) => {
    const call = ++worked;
    // Long enough that every other request arrives while this one is being worked out.
    await sleep(30);
    if (call <= failFirst) return reply.code(503).send({ title: 'Not now' });
    return { call };
  });
  await app.ready();
});

afterEach(async () => {
  await app.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const askAtOnce = (n: number) => Promise.all(Array.from({ length: n }, () => app.inject({ url: '/answer' })));

describe('read cache misses at the same moment', () => {
  it('work the answer out once and give every waiting request the same bytes', async () => {
    const answers = await askAtOnce(8);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set([JSON.stringify({ call: 1 })]));
    expect(worked).toBe(1);
    // And a later request is a plain hit.
    expect((await app.inject({ url: '/answer' })).body).toBe(JSON.stringify({ call: 1 }));
    expect(worked).toBe(1);
  });

  it('let the waiters work it out themselves when the first answer is not kept', async () => {
    failFirst = 1;
    const answers = await askAtOnce(4);
    expect(answers[0]!.statusCode).toBe(503);
    // Nobody is handed a refusal kept for someone else: each waiter gets a real answer.
    expect(answers.slice(1).every((a) => a.statusCode === 200)).toBe(true);
    expect(worked).toBeGreaterThan(1);
    expect(worked).toBeLessThanOrEqual(4);
  });
});
