// Reminders end to end: digests delivered to a real SMTP server and read back, nothing sent twice
// across two app servers and a restart on one database file, the escalation ladder through three
// board cycles, a partner contact's single-use update link, and "My notifications".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { emailFor, makeTestApp, signInClient, type TestApp } from '../helpers/app.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { buildApp } from '../../server/app.js';
import { openDatabase, type Db } from '../../db/client.js';
import reminderSchedule from '../../server/plugins/reminder-schedule.js';
import {
  auditLog,
  boardMeetings,
  commitmentUpdates,
  commitments,
  escalations,
  feedback,
  feedbackCommitments,
  outbox,
  promises,
  ragReviews,
  reminderSends,
  settings,
  themes,
  updateLinks,
  users,
} from '../../db/schema.js';
import { TEST_PASSWORD_COST } from '../helpers/templates.js';

const PUBLIC_URL = 'https://promises.test.example';
const MAIL = { SMTP_URL: '', MAIL_FROM: 'Promise Tracker <promises@test.example>', PUBLIC_URL };
// A child's words, linked to an overdue commitment: no email may ever carry any of them.
const CHILD_WORDS = 'My social worker Quillon never rings me back about my brother';

function movableClock(iso: string) {
  let at = new Date(iso).getTime();
  return {
    now: () => new Date(at),
    set: (next: string) => void (at = new Date(next).getTime()),
    advanceDays: (n: number) => void (at += n * 86_400_000),
  };
}

type Seeded = { promiseId: number; overdue: number; partnerA: number; partnerB: number; partnerId: number };

function seed(db: Db, ids: Record<string, number>): Seeded {
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Home' }).returning().get();
  const promise = db
    .insert(promises)
    .values({ themeId: theme.id, staffText: 'Stable homes', childText: 'A home that stays', audience: 'both' })
    .returning()
    .get();
  const partner = db
    .insert(users)
    .values({
      email: 'nurse@health.test.example',
      name: 'Pat Partner',
      role: 'owner',
      agency: 'NHS',
      canOwnActions: true,
      passwordHash: null,
    })
    .returning()
    .get();
  const add = (title: string, ownerId: number, dueDate: string) =>
    db
      .insert(commitments)
      .values({ promiseId: promise.id, title, ownerId, dueDate, status: 'on_track', createdAt: '2026-01-05T09:00:00Z' })
      .returning()
      .get().id;
  const overdue = add('Review every placement plan', ids.owner!, '2026-02-01');
  const partnerA = add('Health checks on time', partner.id, '2026-06-20');
  const partnerB = add('Dental checks on time', partner.id, '2026-06-22');
  const item = db
    .insert(feedback)
    .values({ text: CHILD_WORDS, source: 'forum', forumId: 'cicc', heardOn: '2026-01-10', ageBand: '12-15' })
    .returning()
    .get();
  db.insert(feedbackCommitments).values({ feedbackId: item.id, commitmentId: overdue }).run();
  // The owner's manager is the admin; the director and chair are named in settings.
  db.update(users).set({ managerId: ids.admin }).where(eq(users.id, ids.owner!)).run();
  db.update(settings).set({ directorId: ids.viewer, chairId: ids.board }).where(eq(settings.id, 1)).run();
  return { promiseId: promise.id, overdue, partnerA, partnerB, partnerId: partner.id };
}

describe('reminders', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let s: Seeded;
  // A Monday, the default digest day.
  const clock = movableClock('2026-03-02T07:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await makeTestApp({
      clock,
      config: { ...MAIL, SMTP_URL: smtp.url },
      seed: (db, ids) => void (s = seed(db, ids)),
    });
    await t.app.register(reminderSchedule, { everyMinutes: 60, firstAfterMs: 3_600_000 });
    await t.app.ready();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  it('sends each person one weekly digest of their own items, most urgent first, with links', async () => {
    const result = await t.app.runReminders();
    expect(result?.queued).toBeGreaterThan(0);
    const owner = mailTo('owner@test.example');
    expect(owner).toHaveLength(1);
    expect(owner[0]!.subject).toMatch(/to do this week/);
    expect(owner[0]!.text).toContain('Review every placement plan');
    expect(owner[0]!.text).toContain('Overdue by 29 days (it was due 1 February 2026)');
    expect(owner[0]!.text).toContain(`${PUBLIC_URL}/actions/commitments/${s.overdue}`);
    expect(owner[0]!.text).toContain(`${PUBLIC_URL}/my/notifications`);
    // Not anyone else's commitments.
    expect(owner[0]!.text).not.toContain('Health checks');
    // The participation worker gets the waiting list's item past its target: where, not what.
    const worker = mailTo('participation@test.example');
    expect(worker).toHaveLength(1);
    expect(worker[0]!.text).toMatch(/Feedback: .*\n.*Heard 10 January 2026: past its target/);
    // Nobody with nothing to do is written to.
    expect(mailTo('viewer@test.example').filter((m) => /this week/.test(m.subject))).toHaveLength(0);
  });

  it('runs again the same week and sends nothing more', async () => {
    const before = smtp.received.length;
    clock.advanceDays(2);
    await t.app.runReminders();
    expect(smtp.received.filter((m) => /this week/.test(m.subject)).length).toBe(
      smtp.received.slice(0, before).filter((m) => /this week/.test(m.subject)).length,
    );
  });

  it('escalates through the ladder, one rung a board cycle, on the history, the audit trail and the agenda', async () => {
    const meeting = (meetingDate: string) =>
      t.db
        .insert(boardMeetings)
        .values({ meetingDate, title: `Board ${meetingDate}` })
        .returning()
        .get().id;
    const rungs = () =>
      t.db
        .select()
        .from(escalations)
        .where(eq(escalations.commitmentId, s.overdue))
        .orderBy(escalations.id)
        .all()
        .map((e) => [e.rung, e.cycles, e.toldUserId]);

    // Cycle 1: the board met after the due date.
    const first = meeting('2026-03-03');
    clock.set('2026-03-04T07:00:00Z');
    await t.app.runReminders();
    expect(rungs()).toEqual([['manager', 1, t.userIds.admin]]);
    expect(mailTo('admin@test.example').filter((m) => m.subject.startsWith('Escalated'))).toHaveLength(1);

    // Cycle 2.
    meeting('2026-04-14');
    clock.set('2026-04-15T07:00:00Z');
    await t.app.runReminders();
    expect(rungs().map((r) => r[0])).toEqual(['manager', 'director']);
    expect(mailTo('viewer@test.example').filter((m) => m.subject.startsWith('Escalated'))).toHaveLength(1);

    // Cycle 3, and a rerun the same day tells nobody again.
    meeting('2026-05-26');
    clock.set('2026-05-27T07:00:00Z');
    await t.app.runReminders();
    await t.app.runReminders();
    expect(rungs()).toEqual([
      ['manager', 1, t.userIds.admin],
      ['director', 2, t.userIds.viewer],
      ['chair', 3, t.userIds.board],
    ]);
    const chair = mailTo('board@test.example').filter((m) => m.subject.startsWith('Escalated'));
    expect(chair).toHaveLength(1);
    expect(chair[0]!.text).toContain('3 board cycles');
    expect(chair[0]!.text).toContain('the board chair');

    const history = t.db
      .select({ note: commitmentUpdates.note })
      .from(commitmentUpdates)
      .where(eq(commitmentUpdates.commitmentId, s.overdue))
      .all()
      .map((h) => h.note);
    expect(history.filter((n) => n.startsWith('Escalated'))).toHaveLength(3);
    const audited = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'escalate'), eq(auditLog.entityId, String(s.overdue))))
      .all();
    expect(audited.map((a) => (a.after as { rung: string }).rung)).toEqual(['manager', 'director', 'chair']);

    // The next meeting's agenda lists it under "Escalated", at its highest rung; the first
    // meeting's did not (it was escalated the day after).
    const admin = await t.as('admin');
    const nextMeeting = meeting('2026-07-07');
    const agenda = await admin.get(`/api/v1/board/meetings/${nextMeeting}`);
    expect(agenda.statusCode).toBe(200);
    expect(agenda.json().escalated).toEqual([
      expect.objectContaining({ commitmentId: s.overdue, rung: 'chair', cycles: 3, ownerName: 'Test owner' }),
    ]);
    const earlier = await admin.get(`/api/v1/board/meetings/${first}`);
    expect(earlier.json().escalated).toEqual([]);
  });

  it('counts a promise rated red as a cycle too', async () => {
    const m = t.db.select().from(boardMeetings).where(eq(boardMeetings.meetingDate, '2026-05-26')).get()!;
    t.db
      .insert(ragReviews)
      .values({ meetingId: m.id, promiseId: s.promiseId, rating: 'red', decidedOn: m.meetingDate })
      .run();
    clock.set('2026-05-28T07:00:00Z');
    await t.app.runReminders();
    // The partner's commitments (due in June) are now one cycle red: their manager rung has nobody
    // named, so it is recorded without an email.
    const partnerRungs = t.db.select().from(escalations).where(eq(escalations.commitmentId, s.partnerA)).all();
    expect(partnerRungs.map((e) => [e.rung, e.toldUserId])).toEqual([['manager', null]]);
  });

  it('gives a partner contact a single-use link that updates only its commitment, audited as them', async () => {
    clock.set('2026-06-15T07:00:00Z');
    await t.app.runReminders();
    const mail = mailTo('nurse@health.test.example').at(-1)!;
    const tokens = [...mail.text.matchAll(/https:\/\/promises\.test\.example\/update#([A-Za-z0-9_-]+)/g)].map(
      (m) => m[1]!,
    );
    expect(tokens).toHaveLength(2);
    expect(mail.text).toContain('works once');
    // Only a hash is kept.
    const stored = t.db.select({ h: updateLinks.tokenHash }).from(updateLinks).all();
    expect(stored.some((r) => tokens.includes(r.h))).toBe(false);

    const check = await t.anon.post('/api/v1/update-links/check', { token: tokens[0] });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().commitment.title).toBe('Health checks on time');

    // Scope: the link names its commitment; a body naming another is refused, and it is no session.
    const sneaky = await t.anon.post('/api/v1/update-links/update', {
      token: tokens[0],
      status: 'done',
      progress: 100,
      note: 'x',
      commitmentId: s.overdue,
    });
    expect(sneaky.statusCode).toBe(400);
    expect((await t.anon.get(`/api/v1/commitments/${s.partnerB}`)).statusCode).toBe(401);

    const used = await t.anon.post('/api/v1/update-links/update', {
      token: tokens[0],
      status: 'at_risk',
      progress: 40,
      note: 'Two clinics booked; one nurse off sick.',
    });
    expect(used.statusCode, used.body).toBe(204);
    const rows = t.db.select().from(commitments).all();
    expect(rows.find((c) => c.id === s.partnerA)).toMatchObject({ status: 'at_risk', progress: 40 });
    expect(rows.find((c) => c.id === s.partnerB)).toMatchObject({ status: 'on_track', progress: 0 });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'commitment'),
          eq(auditLog.entityId, String(s.partnerA)),
          eq(auditLog.action, 'update'),
        ),
      )
      .all()
      .at(-1)!;
    expect(audit.userEmail).toBe('nurse@health.test.example');
    expect(audit.userId).toBe(s.partnerId);

    // Used once: refused again.
    const again = await t.anon.post('/api/v1/update-links/update', {
      token: tokens[0],
      status: 'done',
      progress: 100,
      note: 'Again',
    });
    expect(again.statusCode).toBe(404);

    // Expiry: a week on, the other link no longer works...
    clock.advanceDays(8);
    expect((await t.anon.post('/api/v1/update-links/check', { token: tokens[1] })).statusCode).toBe(404);
    // ...and the next reminder brings a new one.
    await t.app.runReminders();
    const next = mailTo('nurse@health.test.example').at(-1)!;
    const fresh = /update#([A-Za-z0-9_-]+)/.exec(next.text)![1]!;
    expect(tokens).not.toContain(fresh);
    expect((await t.anon.post('/api/v1/update-links/check', { token: fresh })).statusCode).toBe(200);
  });

  it('tells nothing to a link that was never sent', async () => {
    const res = await t.anon.post('/api/v1/update-links/check', { token: 'x'.repeat(43) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Health checks');
  });

  it('refuses an over-long body before reading it', async () => {
    const res = await t.anon.post('/api/v1/update-links/update', {
      token: 'a'.repeat(40),
      status: 'done',
      progress: 1,
      note: 'x'.repeat(20_000),
    });
    expect(res.statusCode).toBe(413);
  });

  it("never puts a child's words in any email", () => {
    const words = CHILD_WORDS.split(' ').filter((w) => w.length > 5);
    expect(smtp.received.length).toBeGreaterThan(5);
    const queued = t.db.select().from(outbox).all();
    for (const m of smtp.received) for (const w of ['Quillon', ...words]) expect(m.text + m.subject).not.toContain(w);
    for (const m of queued) expect(m.body + m.subject).not.toContain('Quillon');
  });

  it('lets each person choose weekly, only before the board, or none', async () => {
    const owner = await t.as('owner');
    expect((await owner.get('/api/v1/me/notifications')).json()).toMatchObject({ notify: 'weekly', sending: true });
    const put = await owner.put('/api/v1/me/notifications', { notify: 'none' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().notify).toBe('none');
    expect((await owner.put('/api/v1/me/notifications', { notify: 'daily' })).statusCode).toBe(400);
    const before = mailTo('owner@test.example').length;
    clock.set('2026-06-29T07:00:00Z');
    await t.app.runReminders();
    expect(mailTo('owner@test.example').length).toBe(before);
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(t.userIds.owner))))
      .all()
      .at(-1)!;
    expect(audit.after).toEqual({ notify: 'none' });
  });

  it("names a person's manager, and the ladder's director and chair, only as people with accounts", async () => {
    // A new session: the clock has moved on weeks since the admin last signed in.
    const admin = await signInClient(t.app, emailFor('admin'));
    const owner = (await admin.get(`/api/v1/users/${t.userIds.owner}`)).json();
    expect(owner.managerId).toBe(t.userIds.admin);
    const self = await admin.patch(`/api/v1/users/${t.userIds.owner}`, {
      version: owner.version,
      managerId: t.userIds.owner,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].path).toBe('body.managerId');
    const changed = await admin.patch(`/api/v1/users/${t.userIds.owner}`, {
      version: owner.version,
      managerId: t.userIds.participation,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().managerId).toBe(t.userIds.participation);

    const settingsNow = (await admin.get('/api/v1/settings')).json();
    const bad = await admin.put('/api/v1/settings', { version: settingsNow.version, chairId: 99_999 });
    expect(bad.statusCode).toBe(400);
    const ladder = await admin.put('/api/v1/settings', {
      version: settingsNow.version,
      escalationLadder: { manager: 1, director: 13, chair: 3 },
    });
    expect(ladder.statusCode).toBe(400);
  });

  it('lists what needs doing for the signed-in person', async () => {
    const worker = await t.as('participation');
    const list = (await worker.get('/api/v1/me/needs-doing')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items[0]).toMatchObject({ entity: 'feedback', kind: 'feedback_over_target' });
    expect(JSON.stringify(list)).not.toContain('Quillon');
  });
});

describe('once only, with two app servers and a restart on one database file', () => {
  it('lets one server send, and nothing goes twice after a restart', async () => {
    const smtp = await startSmtp();
    const clock = movableClock('2026-06-15T07:00:00Z');
    const config = { ...MAIL, SMTP_URL: smtp.url, LOG_LEVEL: 'silent' as const, SEED_DEMO: false };
    const a = await makeTestApp({ clock, config, seed: (db, ids) => void seed(db, ids) });
    const path = join(a.dir, 'test.db');
    const second = openDatabase(path);
    const b = await buildApp({ db: second, clock, config, passwordCost: TEST_PASSWORD_COST });
    for (const app of [a.app, b]) await app.register(reminderSchedule, { everyMinutes: 60, firstAfterMs: 3_600_000 });
    await Promise.all([a.app.ready(), b.ready()]);

    const [ra, rb] = await Promise.all([a.app.runReminders(), b.runReminders()]);
    // Exactly one took the lease.
    expect([ra, rb].filter((r) => r !== null)).toHaveLength(1);
    const sent = smtp.received.length;
    expect(sent).toBeGreaterThan(0);

    // The holder stops (its lease is given back); the other takes over and finds it all sent.
    await a.app.close();
    expect(await b.runReminders()).toEqual({ queued: 0, escalated: 0 });
    // A restart: a third server on the same file.
    const third = openDatabase(path);
    const c = await buildApp({ db: third, clock, config, passwordCost: TEST_PASSWORD_COST });
    await c.register(reminderSchedule, { everyMinutes: 60, firstAfterMs: 3_600_000 });
    await b.close();
    expect(await c.runReminders()).toEqual({ queued: 0, escalated: 0 });
    expect(smtp.received.length).toBe(sent);
    const sends = third.select().from(reminderSends).all();
    expect(new Set(sends.map((r) => `${r.userId}:${r.kind}:${r.period}`)).size).toBe(sends.length);
    expect(sends.every((r) => r.outboxId !== null)).toBe(true);

    await c.close();
    for (const db of [a.db, second, third]) db.$client.close();
    await smtp.stop();
  });
});
