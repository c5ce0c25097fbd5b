// The children's verdict: a participation worker opens a session with a PIN and the members
import { and, eq } from 'drizzle-orm';
// present, the kiosk taps one verdict per child per promise and never more per promise than the
// members present, the counts come back per promise, and the PIN is guarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TODAY, type TestApp } from '../helpers/app.js';
import { auditLog, promises, themes } from '../../db/schema.js';
import { PIN_TRIES } from '../../server/routes/rating-sessions.js';
import { MAX_FAILED_ATTEMPTS } from '../../db/repositories/rating-sessions.js';
import type { Clock } from '../../server/domain/time.js';

let t: TestApp;
let p1 = 0;
let p2 = 0;
let archived = 0;
let nowMs = Date.parse(`${TODAY}T12:00:00Z`);
const clock: Clock = { now: () => new Date(nowMs) };

const TOKEN_A = 'childAAAAAAAAAAAAAAAAAAA';
const TOKEN_B = 'childBBBBBBBBBBBBBBBBBBB';
let ipCounter = 1;
/** A fresh address per call where the test is not about rate limiting. */
const freshIp = () => `10.0.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`;

beforeAll(async () => {
  t = await makeTestApp({
    clock,
    seed: (db) => {
      const theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get();
      const add = (childText: string, isArchived = false) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText: 's', childText, audience: 'both', archived: isArchived })
          .returning()
          .get().id;
      p1 = add('We will listen');
      p2 = add('You will know your worker');
      archived = add('Old promise', true);
    },
  });
});
afterAll(() => t.close());

async function start(minutes?: number, members = 12) {
  const res = await (
    await t.as('participation')
  ).post('/api/v1/rating-sessions', minutes ? { minutes, members } : { members });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; pin: string; open: boolean; taps: number; expiresAt: string; members: number };
}
const end = async (id: number) => (await t.as('participation')).post(`/api/v1/rating-sessions/${id}/end`);
const counts = async (sessionId: number) =>
  (await (await t.as('viewer')).get(`/api/v1/verdicts/summary?sessionId=${sessionId}`)).json().items as {
    promiseId: number;
    total: number;
  }[];
/** A distinct token for the nth turn, as a device clearing its token would make. */
const turn = (n: number) => `turn${String(n).padStart(16, '0')}`;

const tap = (pin: string, promiseId: number, verdict: string, voterToken = TOKEN_A, ip = freshIp()) =>
  t.anon.inject({
    method: 'POST',
    url: '/api/v1/public/rating/verdicts',
    payload: { pin, promiseId, verdict, voterToken },
    remoteAddress: ip,
  });
const join = (pin: string, ip = freshIp()) =>
  t.anon.inject({ method: 'POST', url: '/api/v1/public/rating/join', payload: { pin }, remoteAddress: ip });

describe('rating sessions', () => {
  it('starts with a 6-digit PIN shown once, records it in the audit trail without the PIN', async () => {
    const s = await start();
    expect(s.pin).toMatch(/^\d{6}$/);
    expect(s).toMatchObject({ open: true, taps: 0, members: 12, tookPart: 0, expiresAt: '2026-06-15T14:00:00.000Z' });
    const list = (await (await t.as('participation')).get('/api/v1/rating-sessions')).json();
    const listed = list.items.find((i: { id: number }) => i.id === s.id);
    expect(listed).toMatchObject({ id: s.id, open: true });
    expect(listed.pin).toBeUndefined();
    const audit = t.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.entity === 'rating_session');
    expect(audit.some((a) => a.action === 'create' && a.entityId === String(s.id))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(s.pin);
    await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
  });

  it('lets the kiosk join with the PIN and refuses a wrong one as a field problem', async () => {
    const s = await start();
    const ok = await join(s.pin);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ open: true, expiresAt: s.expiresAt });
    expect(ok.headers['set-cookie']).toBeUndefined();
    const wrong = await join(s.pin === '000000' ? '000001' : '000000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors[0].path).toBe('body.pin');
    expect((await join('12ab')).statusCode).toBe(400);
    await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
  });

  it('counts one tap per child per promise; a second tap by the same child replaces the first', async () => {
    const s = await start();
    expect((await tap(s.pin, p1, 'kept', TOKEN_A)).statusCode).toBe(200);
    expect((await tap(s.pin, p1, 'not_yet', TOKEN_B)).statusCode).toBe(200);
    expect((await tap(s.pin, p1, 'getting_there', TOKEN_A)).statusCode).toBe(200); // A changes their mind
    expect((await tap(s.pin, p2, 'kept', TOKEN_B)).statusCode).toBe(200);
    const summary = (await (await t.as('viewer')).get(`/api/v1/verdicts/summary?sessionId=${s.id}`)).json();
    expect(summary.items).toEqual([
      { promiseId: p1, kept: 0, gettingThere: 1, notYet: 1, total: 2, lastRatedOn: TODAY },
      { promiseId: p2, kept: 1, gettingThere: 0, notYet: 0, total: 1, lastRatedOn: TODAY },
    ]);
    // The audit trail has each tap's choice but never the child's turn token.
    const taps = t.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.entity === 'verdict');
    expect(taps).toHaveLength(4);
    expect(JSON.stringify(taps)).not.toContain(TOKEN_A);
    expect(taps.every((a) => a.ip === '' && a.userId === null)).toBe(true);

    const ended = await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      id: s.id,
      open: false,
      taps: 3,
      members: 12,
      tookPart: 2,
      endedAt: `${TODAY}T12:00:00.000Z`,
    });
  });

  it('needs the members present, a whole number from 1 to 200, as a field problem', async () => {
    const staff = await t.as('participation');
    for (const body of [{}, { members: 0 }, { members: 201 }, { members: 2.5 }, { members: '12' }, { members: null }]) {
      const res = await staff.post('/api/v1/rating-sessions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe('body.members');
      expect(res.json().errors[0].message).toMatch(/^Enter how many members are here/);
    }
    for (const members of [1, 200]) {
      const ok = await staff.post('/api/v1/rating-sessions', { members });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().members).toBe(members);
      await end(ok.json().id);
    }
    const listed = (await staff.get('/api/v1/rating-sessions')).json().items[0];
    expect(listed).toMatchObject({ members: 200, tookPart: 0 });
  });

  it('stops the PIN working the moment the worker ends the session', async () => {
    const s = await start();
    await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
    expect((await join(s.pin)).statusCode).toBe(400);
    expect((await tap(s.pin, p1, 'kept')).statusCode).toBe(400);
    const summary = (await (await t.as('board')).get(`/api/v1/verdicts/summary?sessionId=${s.id}`)).json();
    expect(summary.items).toEqual([]);
  });

  it('stops the PIN working when the session runs out of time', async () => {
    const s = await start(15);
    nowMs += 16 * 60_000;
    try {
      expect((await join(s.pin)).statusCode).toBe(400);
    } finally {
      nowMs -= 16 * 60_000;
    }
  });

  it('refuses taps on promises the kiosk cannot see, and bad input, with 4xx', async () => {
    const s = await start();
    expect((await tap(s.pin, archived, 'kept')).statusCode).toBe(404);
    expect((await tap(s.pin, 99999, 'kept')).statusCode).toBe(404);
    expect((await tap(s.pin, p1, 'brilliant')).statusCode).toBe(400);
    expect((await tap(s.pin, p1, 'kept', 'short')).statusCode).toBe(400);
    const bad = await (await t.as('participation')).post('/api/v1/rating-sessions', { minutes: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.minutes');
    expect((await (await t.as('participation')).post('/api/v1/rating-sessions/99999/end')).statusCode).toBe(404);
    await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
  });

  it(`rate limits wrong PINs: after ${PIN_TRIES} from one address even the right PIN waits`, async () => {
    const s = await start();
    const ip = '192.0.2.10';
    const wrong = s.pin === '999999' ? '999998' : '999999';
    for (let i = 0; i < PIN_TRIES; i++) expect((await join(wrong, ip)).statusCode).toBe(400);
    const blocked = await join(wrong, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect((await join(s.pin, ip)).statusCode).toBe(429);
    // Another address is not blocked; a minute later this one is free again.
    expect((await join(s.pin, '192.0.2.11')).statusCode).toBe(200);
    nowMs += 60_000;
    try {
      expect((await join(s.pin, ip)).statusCode).toBe(200);
    } finally {
      nowMs -= 60_000;
    }
    await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
  });

  it('never blocks a forum for a few wrong taps: ten mistypes leave the right PIN working', async () => {
    const s = await start();
    const ip = '192.0.2.20';
    const wrong = s.pin === '999999' ? '999998' : '999999';
    for (let i = 0; i < 10; i++) expect((await join(wrong, ip)).statusCode).toBe(400);
    expect((await join(s.pin, ip)).statusCode).toBe(200);
    await (await t.as('participation')).post(`/api/v1/rating-sessions/${s.id}/end`);
  });

  it(`closes a session after ${MAX_FAILED_ATTEMPTS} wrong PINs from anywhere`, async () => {
    const s = await start();
    const wrong = s.pin === '999999' ? '999998' : '999999';
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) expect((await join(wrong)).statusCode).toBe(400);
    expect((await join(s.pin)).statusCode).toBe(400);
    const list = (await (await t.as('admin')).get('/api/v1/rating-sessions')).json();
    expect(list.items.find((i: { id: number }) => i.id === s.id).open).toBe(false);
    const closed = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'closed-wrong-pins'), eq(auditLog.entityId, String(s.id))))
      .all();
    expect(closed).toHaveLength(1);
    expect(closed[0]!.after).toEqual({ failedAttempts: MAX_FAILED_ATTEMPTS });
  });

  it('counts across sessions, and from a day on', async () => {
    const all = (await (await t.as('viewer')).get('/api/v1/verdicts/summary')).json();
    expect(all.items.find((i: { promiseId: number }) => i.promiseId === p1)).toMatchObject({ total: 2 });
    const later = (await (await t.as('viewer')).get('/api/v1/verdicts/summary?from=2026-06-16')).json();
    expect(later.items).toEqual([]);
    expect((await (await t.as('viewer')).get('/api/v1/verdicts/summary?from=2026-13-01')).statusCode).toBe(400);
    expect((await t.anon.get('/api/v1/verdicts/summary')).statusCode).toBe(401);
  });
});

// After the counts across sessions above, which these taps would change.
describe('verdicts count children, not taps', () => {
  it('keeps one verdict per turn per promise: forty taps from one token are one verdict, the last', async () => {
    const s = await start(undefined, 3);
    const answers = await Promise.all(Array.from({ length: 39 }, () => tap(s.pin, p1, 'not_yet', TOKEN_A)));
    answers.push(await tap(s.pin, p1, 'kept', TOKEN_A));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(40).fill(200));
    expect(answers.filter((a) => !a.json().replaced)).toHaveLength(1);
    expect(await counts(s.id)).toEqual([
      { promiseId: p1, kept: 1, gettingThere: 0, notYet: 0, total: 1, lastRatedOn: TODAY },
    ]);
    // The same turn on another promise is its own verdict, and still one child taking part.
    expect((await tap(s.pin, p2, 'kept', TOKEN_A)).json()).toEqual({ recorded: true, replaced: false });
    expect((await end(s.id)).json()).toMatchObject({ taps: 2, members: 3, tookPart: 1 });
  });

  it('never holds more verdicts on a promise than members present, however many tokens a device makes', async () => {
    const s = await start(undefined, 3);
    for (let n = 0; n < 3; n++) expect((await tap(s.pin, p1, 'not_yet', turn(n))).statusCode).toBe(200);
    // A fourth turn (a device that cleared its token) is refused with a problem the kiosk can word.
    for (let n = 3; n < 40; n++) {
      const refused = await tap(s.pin, p1, 'not_yet', turn(n));
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 409, title: 'Everyone has had their say' });
    }
    expect((await counts(s.id)).find((c) => c.promiseId === p1)?.total).toBe(3);
    // A child already counted may still change their mind; another promise has its own room.
    expect((await tap(s.pin, p1, 'kept', turn(0))).json()).toEqual({ recorded: true, replaced: true });
    expect((await tap(s.pin, p2, 'kept', turn(7))).statusCode).toBe(200);
    expect(await counts(s.id)).toEqual([
      { promiseId: p1, kept: 1, gettingThere: 0, notYet: 2, total: 3, lastRatedOn: TODAY },
      { promiseId: p2, kept: 1, gettingThere: 0, notYet: 0, total: 1, lastRatedOn: TODAY },
    ]);
    // Four tokens gave verdicts, but only three members were there.
    expect((await end(s.id)).json()).toMatchObject({ taps: 4, members: 3, tookPart: 3 });
    // A refused tap changed nothing, so it left nothing in the audit trail.
    const audited = t.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.entity === 'verdict' && (a.after as { sessionId?: number } | null)?.sessionId === s.id);
    expect(audited).toHaveLength(5);
  });
});
