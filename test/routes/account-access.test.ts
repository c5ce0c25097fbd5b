// Invitations, password resets and the email outbox, against a real SMTP server started here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { emailFor, makeTestApp, signInClient, TODAY, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { accountTokens, auditLog, feedback, outbox } from '../../db/schema.js';
import { invitationMail, resetMail } from '../../server/domain/mail-templates.js';

const PUBLIC_URL = 'https://promises.test.example';
const NEW_PASSWORD = 'a-long-new-password-for-tests';
// Words a child said, logged below: no email may ever carry them.
const CHILD_WORDS = 'I miss my little sister Zephyrine every single night';

/** A new session each time: the tests move the clock past the idle limit. */
const fresh = (t: TestApp, role: 'admin' | 'participation') => signInClient(t.app, emailFor(role));

function movableClock(iso: string) {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

const tokenFrom = (text: string, path: string) => {
  const m = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}#([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[1]!;
};

describe('with email', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = movableClock(`${TODAY}T12:00:00Z`);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await makeTestApp({
      clock,
      config: { SMTP_URL: smtp.url, MAIL_FROM: 'Promise Tracker <promises@test.example>', PUBLIC_URL },
    });
    const worker = await t.as('participation');
    const res = await worker.post('/api/v1/feedback', {
      text: CHILD_WORDS,
      source: 'forum',
      forumId: 'cicc',
      heardOn: TODAY,
      ageBand: '8-11',
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('invites by email: the link sets a password once, and the invitation is audited', async () => {
    const admin = await fresh(t, 'admin');
    const res = await admin.post('/api/v1/users/invitations', {
      email: 'New.Person@Test.example',
      name: 'New Person',
      role: 'owner',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ emailed: true, link: null, account: { email: 'new.person@test.example' } });
    expect(body.account.canSignIn).toBe(false);
    // 72 hours by default.
    expect(Date.parse(body.expiresAt) - clock.now().getTime()).toBe(72 * 3_600_000);

    await t.app.deliverMail();
    const mail = smtp.received.find((m) => m.to.includes('new.person@test.example'))!;
    expect(mail.subject).toBe('Your Promise Tracker account at Test Borough Council');
    const token = tokenFrom(mail.text, '/invitation');

    // Only the token's SHA-256 is stored.
    const stored = t.db.select().from(accountTokens).where(eq(accountTokens.userId, body.account.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const check = await t.anon.post('/api/v1/session/links/check', { token, purpose: 'invitation' });
    expect(check.json()).toMatchObject({ email: 'new.person@test.example', name: 'New Person' });
    const weak = await t.anon.post('/api/v1/session/links/password', {
      token,
      purpose: 'invitation',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.headers['content-type']).toContain('application/problem+json');
    const set = await t.anon.post('/api/v1/session/links/password', {
      token,
      purpose: 'invitation',
      password: NEW_PASSWORD,
    });
    expect(set.statusCode, set.body).toBe(204);
    await signInClient(t.app, 'new.person@test.example', 0, NEW_PASSWORD);

    const again = await t.anon.post('/api/v1/session/links/password', {
      token,
      purpose: 'invitation',
      password: 'another-long-password-here',
    });
    expect(again.statusCode).toBe(404);
    // An invitation link is not a reset link.
    const wrongPurpose = await t.anon.post('/api/v1/session/links/check', { token, purpose: 'reset' });
    expect(wrongPurpose.statusCode).toBe(404);

    const actions = t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(body.account.id)))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'invite', 'accept-invitation']));
  });

  it('answers a reset request the same whether or not the account exists, and emails only a real one', async () => {
    const before = smtp.received.length;
    const known = await t.anon.post('/api/v1/session/reset-requests', { email: 'viewer@test.example' });
    const unknown = await t.anon.post('/api/v1/session/reset-requests', { email: 'nobody@test.example' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    await t.app.deliverMail();
    const sent = smtp.received.slice(before);
    expect(sent.map((m) => m.to)).toEqual(['viewer@test.example']);
  });

  it('resets a password by the emailed link and ends every other session the account had', async () => {
    const viewer = await signInClient(t.app, 'viewer@test.example');
    expect((await viewer.get('/api/v1/session')).json().signedIn).toBe(true);
    await t.anon.post('/api/v1/session/reset-requests', { email: 'viewer@test.example' });
    await t.app.deliverMail();
    const mail = smtp.received.filter((m) => m.to === 'viewer@test.example').at(-1)!;
    const token = tokenFrom(mail.text, '/reset-password');
    const set = await t.anon.post('/api/v1/session/links/password', {
      token,
      purpose: 'reset',
      password: NEW_PASSWORD,
    });
    expect(set.statusCode, set.body).toBe(204);
    expect((await viewer.get('/api/v1/session')).json()).toEqual({ signedIn: false, ended: true });
    await signInClient(t.app, 'viewer@test.example', 0, NEW_PASSWORD);
  });

  it('a reset link stops working after its time', async () => {
    await t.anon.post('/api/v1/session/reset-requests', { email: 'board@test.example' });
    await t.app.deliverMail();
    const token = tokenFrom(smtp.received.filter((m) => m.to === 'board@test.example').at(-1)!.text, '/reset-password');
    clock.advance(61 * 60_000);
    const res = await t.anon.post('/api/v1/session/links/password', {
      token,
      purpose: 'reset',
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('expired');
  });

  it('keeps email while the mail server is down, retries with backoff, and delivers once it is up', async () => {
    await smtp.stop();
    const before = smtp.received.length;
    await t.anon.post('/api/v1/session/reset-requests', { email: 'owner@test.example' });
    await t.app.deliverMail();
    const admin = await fresh(t, 'admin');
    let list = (await admin.get('/api/v1/outbox')).json();
    const waiting = list.items.find((i: { to: string }) => i.to === 'owner@test.example');
    expect(waiting).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(waiting.lastError).toBeTruthy();
    // The first retry waits 30 seconds; the second twice as long.
    expect(Date.parse(waiting.nextAttemptAt) - clock.now().getTime()).toBe(30_000);
    clock.advance(30_000);
    await t.app.deliverMail();
    list = (await admin.get('/api/v1/outbox')).json();
    const second = list.items.find((i: { id: number }) => i.id === waiting.id);
    expect(second).toMatchObject({ status: 'waiting', attempts: 2 });
    expect(Date.parse(second.nextAttemptAt) - clock.now().getTime()).toBe(60_000);

    // Not due yet: nothing is tried.
    await smtp.start();
    await t.app.deliverMail();
    expect(smtp.received.length).toBe(before);
    clock.advance(60_000);
    await t.app.deliverMail();
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual(['owner@test.example']);
    list = (await admin.get('/api/v1/outbox')).json();
    expect(list.items.find((i: { id: number }) => i.id === waiting.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(list.counts.sent).toBeGreaterThanOrEqual(1);
    expect(list.sending).toBe(true);
    // A sent message's body (with its link) is not kept.
    expect(t.db.select().from(outbox).where(eq(outbox.id, waiting.id)).get()!.body).toBe('');
    // Only admins see the outbox.
    expect((await (await fresh(t, 'participation')).get('/api/v1/outbox')).statusCode).toBe(403);
  });

  it("never puts a child's words in an email", async () => {
    const words = t.db.select({ text: feedback.text }).from(feedback).all();
    expect(words.map((w) => w.text)).toContain(CHILD_WORDS);
    expect(smtp.received.length).toBeGreaterThanOrEqual(5);
    for (const m of smtp.received) {
      for (const w of words) {
        expect(m.text).not.toContain(w.text);
        expect(m.subject).not.toContain(w.text);
      }
      // Nothing from the words either (a distinctive name, a phrase).
      expect(m.text).not.toMatch(/Zephyrine|little sister/i);
    }
  });
});

describe('without email', () => {
  let t: TestApp;
  const clock = movableClock(`${TODAY}T12:00:00Z`);
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(() => t.close());

  it('shows the admin the invitation link once, and it expires after 72 hours', async () => {
    const admin = await fresh(t, 'admin');
    const res = await admin.post('/api/v1/users/invitations', {
      email: 'hand@test.example',
      name: 'Hand Over',
      role: 'viewer',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { link, emailed } = res.json();
    expect(emailed).toBe(false);
    expect(link).toMatch(/\/invitation#[A-Za-z0-9_-]{43}$/);
    const token = link.split('#')[1];
    expect(t.db.select().from(outbox).all()).toHaveLength(0);
    expect((await t.anon.post('/api/v1/session/links/check', { token, purpose: 'invitation' })).statusCode).toBe(200);
    clock.advance(72 * 3_600_000 + 1);
    expect((await t.anon.post('/api/v1/session/links/check', { token, purpose: 'invitation' })).statusCode).toBe(404);

    // A new invitation replaces it.
    const again = await (await fresh(t, 'admin')).post(`/api/v1/users/${res.json().account.id}/invitations`, {});
    expect(again.statusCode).toBe(201);
    const renewed = again.json().link.split('#')[1];
    expect(
      (await t.anon.post('/api/v1/session/links/check', { token: renewed, purpose: 'invitation' })).statusCode,
    ).toBe(200);
  });

  it('refuses an invitation for an email that has an account, as a field problem', async () => {
    const admin = await fresh(t, 'admin');
    const res = await admin.post('/api/v1/users/invitations', {
      email: 'viewer@test.example',
      name: 'X',
      role: 'viewer',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.email');
  });

  it('refuses to turn passwords off while single sign-on is not set up', async () => {
    const admin = await fresh(t, 'admin');
    const { version } = (await admin.get('/api/v1/settings')).json();
    const res = await admin.put('/api/v1/settings', { version, localPasswords: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.localPasswords');
  });

  it('tells the sign-in page that neither single sign-on nor emailed resets are on', async () => {
    expect((await t.anon.get('/api/v1/session/options')).json()).toEqual({
      sso: false,
      localPasswords: true,
      email: false,
    });
  });
});

describe('email templates', () => {
  it('have no slot for free text: what they carry is names, the council, a link and a time', () => {
    const i = invitationMail({
      to: 'a@b.c',
      name: 'Ann',
      councilName: 'C',
      link: 'https://x/invitation#t',
      hours: 72,
      sso: true,
    });
    expect(i.body).toContain('https://x/invitation#t');
    expect(i.body).toContain('72 hours');
    const r = resetMail({
      to: 'a@b.c',
      name: 'Ann',
      councilName: 'C',
      link: 'https://x/reset-password#t',
      minutes: 60,
    });
    expect(r.body).toContain('60 minutes');
  });
});
