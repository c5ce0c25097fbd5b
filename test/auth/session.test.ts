import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailFor, makeTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { auditLog, users } from '../../db/schema.js';
import type { Clock } from '../../server/domain/time.js';
import { signInDelayMs } from '../../server/domain/rate-limit.js';
import { buildApp } from '../../server/app.js';
import { SWEEP_EVERY_MS } from '../../server/plugins/auth.js';
import { createSession, findSession } from '../../db/repositories/sessions.js';
import { SIGN_IN_FAILURES_PER_ADDRESS } from '../../server/routes/session.js';

// A clock the tests can move forward.
let nowMs = Date.parse('2026-06-15T09:00:00Z');
const clock: Clock = { now: () => new Date(nowMs) };

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ clock });
});
afterAll(() => t.close());

const signIn = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

function cookieHeader(res: Awaited<ReturnType<typeof signIn>>) {
  const c = res.cookies.find((x) => x.name === 'pt_session');
  return c ? `pt_session=${c.value}` : '';
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const res = await signIn(emailFor('viewer'), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ email: emailFor('viewer'), role: 'viewer' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookieHeader(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().signedIn).toBe(true);
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('answers a signed-out browser with 200 and signedIn false, not a 401 in its console', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ signedIn: false, ended: false });
    expect(res.headers['cache-control']).toBe('no-store');
    // Other signed-in routes still refuse a signed-out caller.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/my-actions' })).statusCode).toBe(401);
  });

  it('marks the cookie Secure when served over https', async () => {
    const secure = await makeTestApp({ config: { SECURE_COOKIES: true } });
    const res = await secure.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailFor('viewer'), password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'pt_session')!.secure).toBe(true);
    await secure.close();
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await signIn('nobody@test.example', 'whatever-password-1', '10.0.0.2');
    const wrong = await signIn(emailFor('board'), 'not-the-password-1', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const failed = t.db.select().from(auditLog).where(eq(auditLog.action, 'sign-in-failed')).all();
    expect(failed.length).toBeGreaterThanOrEqual(2);
  });

  it('rotates the session id at sign-in', async () => {
    const first = await signIn(emailFor('owner'), TEST_PASSWORD, '10.0.0.3');
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailFor('owner'), password: TEST_PASSWORD },
      headers: { cookie: cookieHeader(first) },
    });
    expect(cookieHeader(second)).not.toBe(cookieHeader(first));
    const old = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookieHeader(first) } });
    expect(old.statusCode).toBe(200);
    expect(old.json()).toEqual({ signedIn: false, ended: true });
  });
});

describe('locking and rate limits', () => {
  it('after five failures in a row makes each try wait, and the right password works once it has', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn(emailFor('participation'), 'wrong-password-xx', '10.1.0.1')).statusCode).toBe(401);
    // Within the delay even the right password is refused, with the same answer as a wrong one.
    const waiting = await signIn(emailFor('participation'), TEST_PASSWORD, '10.1.0.2');
    expect(waiting.statusCode).toBe(401);
    const row = t.db
      .select()
      .from(users)
      .where(eq(users.email, emailFor('participation')))
      .get()!;
    expect(Date.parse(row.lockedUntil!) - nowMs).toBe(1_000);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'lock')).all()).toHaveLength(1);
    nowMs += 1_001;
    expect((await signIn(emailFor('participation'), TEST_PASSWORD, '10.1.0.3')).statusCode).toBe(200);
  });

  it('doubles the delay with each further failure, never beyond 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 10, 14, 15, 40].map(signInDelayMs)).toEqual([
      0, 0, 1_000, 2_000, 4_000, 32_000, 512_000, 900_000, 900_000,
    ]);
  });

  it('lets a stranger guessing at an account delay it, never shut its owner out for long', async () => {
    const email = emailFor('owner');
    // Guessing as fast as the delays allow for 30 tries: each wrong try after a delay doubles it.
    for (let i = 0; i < 30; i++) {
      await signIn(email, 'wrong-password-xx', '198.51.100.7');
      nowMs += signInDelayMs(i + 1) + 1;
    }
    // The owner, once the current delay has passed, signs in with the right password.
    expect((await signIn(email, TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('does not shut out everyone behind one address: 20 failures there leave the right password working', async () => {
    const office = '10.2.0.1';
    for (let i = 0; i < 20; i++)
      expect((await signIn(`nobody${i}@test.example`, 'wrong-password-xx', office)).statusCode).toBe(401);
    expect((await signIn(emailFor('admin'), TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it(`limits failures from one address to ${SIGN_IN_FAILURES_PER_ADDRESS} a minute`, async () => {
    const codes: number[] = [];
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS + 2; i++)
      codes.push((await signIn(`nobody${i}@test.example`, 'wrong-password-xx', '10.2.0.9')).statusCode);
    expect(codes.slice(0, SIGN_IN_FAILURES_PER_ADDRESS).every((c) => c === 401)).toBe(true);
    expect(codes.slice(SIGN_IN_FAILURES_PER_ADDRESS)).toEqual([429, 429]);
    expect((await signIn(emailFor('viewer'), TEST_PASSWORD, '10.2.0.10')).statusCode).toBe(200);
    nowMs += 60_000;
    expect((await signIn(emailFor('viewer'), TEST_PASSWORD, '10.2.0.9')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes', async () => {
    const res = await signIn(emailFor('board'), TEST_PASSWORD, '10.3.0.1');
    const cookie = cookieHeader(res);
    nowMs += 29 * 60_000;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().signedIn).toBe(
      true,
    );
    nowMs += 29 * 60_000; // touched at the last request, so still alive
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().signedIn).toBe(
      true,
    );
    nowMs += 31 * 60_000;
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    // Signed out is a normal answer, not an error: 200, saying the session has ended.
    expect(expired.statusCode).toBe(200);
    expect(expired.json()).toEqual({ signedIn: false, ended: true });
  });

  it('report the expiry they really have, between the once-a-minute touches too', async () => {
    const res = await signIn(emailFor('board'), TEST_PASSWORD, '10.3.0.7');
    const cookie = cookieHeader(res);
    const signedInAt = nowMs;
    expect(Date.parse(res.json().expiresAt)).toBe(signedInAt + 30 * 60_000);
    nowMs += 40_000; // too soon to touch the session again
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    const reported = Date.parse(me.json().expiresAt);
    expect(reported).toBe(signedInAt + 30 * 60_000);
    nowMs = reported - 1;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().signedIn).toBe(
      true,
    );
    // That request touched it: the expiry moves on, and is again the true one.
    const later = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(Date.parse(later.json().expiresAt)).toBe(nowMs + 30 * 60_000);
  });

  it('are deleted once ended, at start-up and every ten minutes', async () => {
    const created = (minutesAgo: number) => new Date(nowMs - minutesAgo * 60_000);
    const ended = await createSession(t.db, t.userIds.viewer, created(45));
    const live = await createSession(t.db, t.userIds.viewer, created(5));
    const has = async (id: string) => !!(await findSession(t.db, id));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = await buildApp({ db: t.db, clock, config: { LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:' } });
    try {
      await app.ready();
      expect(await has(ended.id)).toBe(false);
      expect(await has(live.id)).toBe(true);
      nowMs += 26 * 60_000; // the live one has now been idle 31 minutes
      vi.advanceTimersByTime(SWEEP_EVERY_MS);
      // The sweep's write is an async body: it has ended once the promise turns queued so far ran.
      await new Promise((resolve) => setImmediate(resolve));
      expect(await has(live.id)).toBe(false);
    } finally {
      await app.close();
      vi.useRealTimers();
    }
  });

  it('end after 12 hours however active', async () => {
    const res = await signIn(emailFor('board'), TEST_PASSWORD, '10.3.0.2');
    const cookie = cookieHeader(res);
    for (let i = 0; i < 25; i++) {
      nowMs += 29 * 60_000;
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.json().signedIn).toBe(i < 24);
    }
  });

  it('end when signing out', async () => {
    const res = await signIn(emailFor('viewer'), TEST_PASSWORD, '10.3.0.3');
    const headers = { cookie: cookieHeader(res), 'x-csrf-token': res.json().csrfToken };
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers })).json()).toEqual({
      signedIn: false,
      ended: true,
    });
  });

  it('all end when the account is disabled or its password reset', async () => {
    const admin = await t.as('admin');
    const res = await signIn(emailFor('owner'), TEST_PASSWORD, '10.3.0.4');
    const cookie = cookieHeader(res);
    const reset = await admin.post(`/api/v1/users/${t.userIds.owner}/password`, { password: 'a-brand-new-passphrase' });
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).json().signedIn).toBe(
      false,
    );

    const again = await signIn(emailFor('owner'), 'a-brand-new-passphrase', '10.3.0.5');
    const acct = (await admin.get(`/api/v1/users/${t.userIds.owner}`)).json();
    expect(
      (await admin.patch(`/api/v1/users/${t.userIds.owner}`, { version: acct.version, disabled: true })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookieHeader(again) } })).json()
        .signedIn,
    ).toBe(false);
    expect((await signIn(emailFor('owner'), 'a-brand-new-passphrase', '10.3.0.6')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, and with a wrong one', async () => {
    const res = await signIn(emailFor('admin'), TEST_PASSWORD, '10.4.0.1');
    const cookie = cookieHeader(res);
    const payload = { name: 'Safety', childName: 'Feeling safe' };
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/themes', payload, headers: { cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/themes',
      payload,
      headers: { cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/themes',
      payload,
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
    });
    expect(right.statusCode).toBe(201);
  });
});

describe('passwords', () => {
  it('need 12 characters and must not be common; no composition rules', async () => {
    const admin = await t.as('admin');
    const make = (email: string, password: string) =>
      admin.post('/api/v1/users', { email, name: 'New person', role: 'viewer', password });
    const short = await make('short@test.example', 'abc123ABC!');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ path: 'body.password' });
    const common = await make('common@test.example', 'passwordpassword');
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0].message).toContain('too common');
    expect((await make('plain@test.example', 'purple elephants dance')).statusCode).toBe(201);
  });
});
