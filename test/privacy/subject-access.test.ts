// Subject access: an admin exports everything held about one staff member as JSON. Never a
// password hash, token hash, session id, CSRF token or a working emailed link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailFor, makeTestApp, signInClient, type TestApp } from '../helpers/app.js';
import { accountTokens, outbox, sessions, users } from '../../db/schema.js';

describe('a staff member’s subject access export', () => {
  let t: TestApp;
  let ownerId = 0;

  beforeAll(async () => {
    t = await makeTestApp();
    ownerId = t.userIds.owner;
    // Two sign-ins, a failed one, and an admin's change to the account.
    await signInClient(t.app, emailFor('owner'));
    await signInClient(t.app, emailFor('owner'));
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailFor('owner'), password: 'not the password' },
    });
    const admin = await t.as('admin');
    const current = (await admin.get(`/api/v1/users/${ownerId}`)).json();
    expect(
      (await admin.patch(`/api/v1/users/${ownerId}`, { version: current.version, jobTitle: 'Head of housing' }))
        .statusCode,
    ).toBe(200);
    t.db
      .insert(accountTokens)
      .values({ tokenHash: 'f'.repeat(64), userId: ownerId, purpose: 'reset', expiresAt: '2026-06-15T13:00:00Z' })
      .run();
    t.db
      .insert(outbox)
      .values({
        kind: 'reset',
        to: emailFor('owner'),
        subject: 'Reset your password',
        body: 'Open this link to choose a new one:\nhttps://promises.test.example/reset-password#SeCrEtToKeN123456789\nThanks',
        nextAttemptAt: '2026-06-15T12:00:00Z',
      })
      .run();
    t.db
      .insert(outbox)
      .values({
        kind: 'reset',
        to: 'someone-else@test.example',
        subject: 'Not theirs',
        body: 'x',
        nextAttemptAt: '2026-06-15T12:00:00Z',
      })
      .run();
  });
  afterAll(() => t.close());

  it('holds the account, sessions, audit by and about them, and emails to them', async () => {
    const res = await (await t.as('admin')).get(`/api/v1/users/${ownerId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="user-${ownerId}-export.json"`);
    expect(res.headers['cache-control']).toContain('no-store');
    const body = res.json();
    expect(body.account).toMatchObject({
      id: ownerId,
      email: emailFor('owner'),
      jobTitle: 'Head of housing',
      hasPassword: true,
    });
    expect(body.sessions.length).toBe(t.db.select().from(sessions).where(eq(sessions.userId, ownerId)).all().length);
    expect(body.sessions.length).toBeGreaterThanOrEqual(2);
    expect(body.accountLinks).toEqual([expect.objectContaining({ purpose: 'reset', usedAt: null })]);
    const did = body.auditBy.map((e: { action: string }) => e.action);
    expect(did).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed']));
    const about = body.auditAbout.find((e: { action: string }) => e.action === 'update');
    expect(about).toMatchObject({ entity: 'user', entityId: String(ownerId), after: { jobTitle: 'Head of housing' } });
    expect(about.userEmail).toBe(emailFor('admin'));
    expect(body.emails).toHaveLength(1);
    expect(body.emails[0].body).toContain('https://promises.test.example/reset-password#[link removed]');
  });

  it('never holds a password hash, token hash, session id, CSRF token or working link', async () => {
    const text = (await (await t.as('admin')).get(`/api/v1/users/${ownerId}/export`)).body;
    const u = t.db.select().from(users).where(eq(users.id, ownerId)).get()!;
    expect(u.passwordHash).toBeTruthy();
    expect(text).not.toContain(u.passwordHash!);
    expect(text).not.toMatch(/passwordHash|tokenHash|csrf/i);
    expect(text).not.toContain('f'.repeat(64));
    expect(text).not.toContain('SeCrEtToKeN');
    for (const s of t.db.select().from(sessions).where(eq(sessions.userId, ownerId)).all()) {
      expect(text).not.toContain(s.id);
      expect(text).not.toContain(s.csrfToken);
    }
    expect(text).not.toContain('someone-else@test.example');
  });

  it('is for admins only, and 404 for no such account', async () => {
    for (const role of ['participation', 'owner', 'board', 'viewer'] as const)
      expect((await (await t.as(role)).get(`/api/v1/users/${ownerId}/export`)).statusCode, role).toBe(403);
    expect((await (await t.as('admin')).get('/api/v1/users/99999/export')).statusCode).toBe(404);
  });
});
