// Single sign-on end to end against a real OpenID provider started here (oidc-provider): the
// app's redirect out, the provider's login, and the answer coming back to the callback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { makeClient, makeTestApp, signInClient, type TestApp, emailFor } from '../helpers/app.js';
import { startProvider, type TestPerson, type TestProvider } from '../helpers/oidc-provider.js';
import { accountLinks, auditLog, users } from '../../db/schema.js';
import { createUser } from '../../db/repositories/users.js';

const PUBLIC_URL = 'http://app.test';

/** Follows the redirects from /auth/oidc/start through the provider and back to the callback. */
async function signInWithProvider(
  app: FastifyInstance,
  provider: TestProvider,
  person: TestPerson,
  tamper: (callback: URL) => void = () => undefined,
) {
  provider.signInAs(person);
  const start = await app.inject({ method: 'GET', url: '/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const pending = start.cookies.find((c) => c.name === 'pt_oidc')!;
  expect(pending.sameSite?.toLowerCase()).toBe('lax');
  expect(pending.httpOnly).toBe(true);
  const jar = new Map<string, string>();
  let url = new URL(start.headers.location as string);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('nonce')).toBeTruthy();
  expect(url.searchParams.get('state')).toBeTruthy();
  for (let hops = 0; !url.href.startsWith(PUBLIC_URL); hops++) {
    if (hops > 10) throw new Error('too many redirects at the provider');
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    url = new URL(location, url);
  }
  tamper(url);
  const callback = await app.inject({
    method: 'GET',
    url: url.pathname + url.search,
    headers: { cookie: `pt_oidc=${pending.value}` },
  });
  const session = callback.cookies.find((c) => c.name === 'pt_session' && c.value);
  return { callback, location: callback.headers.location as string, session: session?.value };
}

async function sessionFor(app: FastifyInstance, cookie: string) {
  return app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `pt_session=${cookie}` } });
}

describe('single sign-on', () => {
  let provider: TestProvider;
  let t: TestApp;
  let offsetMs = 0;

  beforeAll(async () => {
    provider = await startProvider([`${PUBLIC_URL}/auth/oidc/callback`]);
    t = await makeTestApp({
      // Real time (the provider's tokens carry it), moved by the expiry test.
      clock: { now: () => new Date(Date.now() + offsetMs) },
      config: {
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        PUBLIC_URL,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

  it('tells the sign-in page to offer "Sign in with your council account"', async () => {
    expect((await t.anon.get('/api/v1/session/options')).json()).toMatchObject({ sso: true, localPasswords: true });
  });

  it('signs in a person whose verified email has an account, and links their identity to it', async () => {
    const { location, session } = await signInWithProvider(t.app, provider, {
      sub: 'owner-sub',
      email: 'Owner@Test.example',
      email_verified: true,
      name: 'Owen Owner',
    });
    expect(location).toBe('/');
    const me = await sessionFor(t.app, session!);
    expect(me.statusCode).toBe(200);
    expect(me.json().signedIn).toBe(true);
    expect(me.json().user).toMatchObject({ email: emailFor('owner'), role: 'owner' });
    const link = t.db.select().from(accountLinks).where(eq(accountLinks.userId, t.userIds.owner)).get();
    expect(link).toMatchObject({ issuer: provider.issuer, subject: 'owner-sub' });
    expect(
      audits('sign-in').some((a) => a.userId === t.userIds.owner && (a.after as { via?: string })?.via === 'sso'),
    ).toBe(true);
  });

  it('sign-out ends the local session', async () => {
    const { session } = await signInWithProvider(t.app, provider, {
      sub: 'owner-sub',
      email: emailFor('owner'),
      email_verified: true,
    });
    const info = (await sessionFor(t.app, session!)).json();
    const client = makeClient(t.app, { cookie: `pt_session=${session}`, 'x-csrf-token': info.csrfToken }, 0);
    expect((await client.del('/api/v1/session')).statusCode).toBe(204);
    expect((await sessionFor(t.app, session!)).json()).toEqual({ signedIn: false, ended: true });
  });

  it('refuses an answer whose state was tampered with', async () => {
    const before = audits('sso-failed').length;
    const { location, session } = await signInWithProvider(
      t.app,
      provider,
      { sub: 'owner-sub', email: emailFor('owner'), email_verified: true },
      (url) => url.searchParams.set('state', 'not-the-state-we-sent'),
    );
    expect(location).toBe('/sign-in?sso=failed');
    expect(session).toBeUndefined();
    expect(audits('sso-failed').length).toBe(before + 1);
    expect((audits('sso-failed').at(-1)!.after as { reason: string }).reason).toMatch(/state/i);
  });

  it('refuses an ID token that has expired by the app clock', async () => {
    offsetMs = 2 * 3_600_000;
    try {
      const { location, session } = await signInWithProvider(t.app, provider, {
        sub: 'owner-sub',
        email: emailFor('owner'),
        email_verified: true,
      });
      expect(location).toBe('/sign-in?sso=failed');
      expect(session).toBeUndefined();
      expect((audits('sso-failed').at(-1)!.after as { reason: string }).reason).toMatch(/exp/i);
    } finally {
      offsetMs = 0;
    }
  });

  it('turns away someone with no account and no mapped group, with a page saying whom to ask, audited', async () => {
    const { location, session } = await signInWithProvider(t.app, provider, {
      sub: 'stranger-sub',
      email: 'stranger@test.example',
      email_verified: true,
      groups: ['some-other-group'],
    });
    expect(location).toBe('/sign-in?sso=not-set-up');
    expect(session).toBeUndefined();
    expect(audits('sso-refused').at(-1)!.userEmail).toBe('stranger@test.example');
    expect(t.db.select().from(users).where(eq(users.email, 'stranger@test.example')).get()).toBeUndefined();
  });

  it('does not trust an email the provider has not verified', async () => {
    const { location } = await signInWithProvider(t.app, provider, {
      sub: 'unverified-sub',
      email: emailFor('viewer'),
      email_verified: false,
    });
    expect(location).toBe('/sign-in?sso=not-set-up');
  });

  it('makes an account, audited, for someone in a group that settings map to a role', async () => {
    const admin = await t.as('admin');
    const { version } = (await admin.get('/api/v1/settings')).json();
    const put = await admin.put('/api/v1/settings', {
      version,
      ssoGroupRoles: { 'grp-participation': 'participation', 'grp-viewers': 'viewer' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const { location, session } = await signInWithProvider(t.app, provider, {
      sub: 'new-sub',
      email: 'new.worker@test.example',
      email_verified: true,
      name: 'Nia Worker',
      groups: ['grp-viewers', 'grp-participation'],
    });
    expect(location).toBe('/');
    const me = (await sessionFor(t.app, session!)).json();
    // The most able of the mapped roles.
    expect(me.user).toMatchObject({ email: 'new.worker@test.example', name: 'Nia Worker', role: 'participation' });
    const created = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'create'), eq(auditLog.entityId, String(me.user.id))))
      .get();
    expect(created?.userEmail).toBe('single sign-on');
  });

  it('does not let a second identity with the same email take over a linked account', async () => {
    const { location } = await signInWithProvider(t.app, provider, {
      sub: 'someone-else-sub',
      email: emailFor('owner'),
      email_verified: true,
    });
    expect(location).toBe('/sign-in?sso=not-set-up');
  });

  it('turns local passwords off, while a command-line admin can still sign in with one', async () => {
    const cli = await createUser(
      t.db,
      { id: null, email: 'command-line', ip: '' },
      {
        email: 'break.glass@test.example',
        name: 'Break Glass',
        role: 'admin',
        password: 'a-long-break-glass-password',
        localAlways: true,
      },
    );
    expect(cli.localAlways).toBe(true);
    const admin = await signInClient(t.app, emailFor('admin'));
    const { version } = (await admin.get('/api/v1/settings')).json();
    const put = await admin.put('/api/v1/settings', { version, localPasswords: false });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().localPasswords).toBe(false);

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailFor('viewer'), password: 'correct-horse-battery-staple' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('council account');
    await signInClient(t.app, 'break.glass@test.example', 0, 'a-long-break-glass-password');

    // An invitation now offers only the council account.
    const invited = await admin.post('/api/v1/users/invitations', {
      email: 'sso.only@test.example',
      name: 'Sso Only',
      role: 'viewer',
    });
    const token = invited.json().link.split('#')[1];
    const check = await t.anon.post('/api/v1/session/links/check', { token, purpose: 'invitation' });
    expect(check.json()).toMatchObject({ sso: true, localPasswords: false });
    const set = await t.anon.post('/api/v1/session/links/password', {
      token,
      purpose: 'invitation',
      password: 'a-long-password-nobody-uses',
    });
    expect(set.statusCode).toBe(403);
    // …and the person signs in with it instead.
    const { location } = await signInWithProvider(t.app, provider, {
      sub: 'sso-only-sub',
      email: 'sso.only@test.example',
      email_verified: true,
    });
    expect(location).toBe('/');
    // The invitation has done its job and stops working.
    expect((await t.anon.post('/api/v1/session/links/check', { token, purpose: 'invitation' })).statusCode).toBe(404);
  });
});
