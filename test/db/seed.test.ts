// The demo council loads into an empty database, makes sense as a council, and never carries
// anything that could identify a child.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndMigrate, type Db } from '../../db/client.js';
import { isEmptyCouncil, seedDemo } from '../../db/seed/demo.js';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../db/repositories/users.js';
import { getSettings } from '../../db/repositories/settings.js';
import * as t from '../../db/schema.js';
import { buildApp } from '../../server/app.js';
import { addDays, dateIn, daysBetween } from '../../server/domain/time.js';
import { scaled } from '../helpers/slowness.js';

const NOW = new Date();
const TODAY = dateIn(NOW, 'Europe/London');

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
// UK numbers: 07700 900123, 0161 496 0000, +44 20 7946 0000 and the like.
const PHONE = /(\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;

function freshDb(dir: string, name: string): Db {
  return openAndMigrate(join(dir, name));
}

describe('the demo council', () => {
  let dir: string;
  let db: Db;
  let seedMs: number;
  let wasEmpty: boolean;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pt-seed-'));
    db = freshDb(dir, 'demo.db');
    wasEmpty = isEmptyCouncil(db);
    const started = performance.now();
    await seedDemo(db, NOW);
    seedMs = performance.now() - started;
  });

  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills an empty council, after which the council is no longer empty, and is quick to load', () => {
    expect(wasEmpty).toBe(true);
    expect(isEmptyCouncil(db)).toBe(false);
    expect(seedMs).toBeLessThan(scaled(3000));
    const s = getSettings(db);
    expect(s.councilName).toBe('Westmere Borough Council');
    expect(s.nation).toBe('england');
    expect(s.watchWords.length).toBeGreaterThanOrEqual(3);
    expect(s.localNames.length).toBeGreaterThanOrEqual(3);
  });

  it('has the five demo accounts and owners who cannot sign in', () => {
    const users = db.select().from(t.users).all();
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect([...DEMO_EMAILS].map((e) => byEmail.get(e)?.role)).toEqual([
      'admin',
      'participation',
      'owner',
      'board',
      'viewer',
    ]);
    for (const email of DEMO_EMAILS) expect(byEmail.get(email)?.passwordHash).toBeTruthy();
    const noPassword = users.filter((u) => u.passwordHash === null);
    expect(noPassword.length).toBeGreaterThanOrEqual(7);
    expect(noPassword.length).toBeLessThanOrEqual(10);
    expect(noPassword.every((u) => u.role === 'owner')).toBe(true);
    expect(new Set(noPassword.map((u) => u.agency))).toEqual(
      new Set(['Council', 'Health', 'Housing', 'Police', 'Education']),
    );
  });

  it('has four themes and about sixteen promises, two of them in Welsh too', () => {
    const themes = db.select().from(t.themes).all();
    expect(themes.map((x) => x.name)).toEqual(['Relationships', 'Rights', 'Resilience', 'Future']);
    const promises = db.select().from(t.promises).all();
    expect(promises.length).toBeGreaterThanOrEqual(14);
    expect(promises.length).toBeLessThanOrEqual(18);
    for (const theme of themes) expect(promises.filter((p) => p.themeId === theme.id).length).toBeGreaterThanOrEqual(3);
    expect(promises.filter((p) => p.childTextCy !== '' && p.staffTextCy !== '')).toHaveLength(2);
    expect(new Set(promises.map((p) => p.audience))).toEqual(new Set(['children_in_care', 'care_leavers', 'both']));
    for (const p of promises) {
      expect(p.ownerId).not.toBeNull();
      expect(p.linkChampion).toMatch(/^Cllr /);
      expect(p.strategyPeriod).toBe('2025-2028');
      expect(p.principles.length).toBeGreaterThan(0);
      for (const code of p.principles) expect(code).toMatch(/^E[1-7]$/);
    }
  });

  it('has about forty commitments: overdue, due soon, done, one dropped with a reason, some stale', () => {
    const rows = db.select().from(t.commitments).all();
    expect(rows.length).toBeGreaterThanOrEqual(36);
    expect(rows.length).toBeLessThanOrEqual(48);
    const open = rows.filter((c) => c.status !== 'done' && c.status !== 'dropped');
    expect(open.filter((c) => c.dueDate < TODAY).length).toBeGreaterThanOrEqual(3);
    expect(open.filter((c) => c.dueDate >= TODAY && c.dueDate <= addDays(TODAY, 14)).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((c) => c.status === 'done').length).toBeGreaterThanOrEqual(5);
    const dropped = rows.filter((c) => c.status === 'dropped');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.childReason.length).toBeGreaterThan(20);
    const stale = open.filter((c) => c.lastUpdateAt && daysBetween(c.lastUpdateAt.slice(0, 10), TODAY) > 60);
    expect(stale.length).toBeGreaterThanOrEqual(3);

    const updates = db.select().from(t.commitmentUpdates).all();
    for (const c of rows) {
      const mine = updates.filter((x) => x.commitmentId === c.id);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThanOrEqual(4);
      expect(mine.every((x) => x.updatedOn <= TODAY)).toBe(true);
      // lastUpdateAt is the newest update.
      expect(c.lastUpdateAt).toBe(
        mine
          .map((x) => x.createdAt)
          .sort()
          .at(-1),
      );
      expect(
        mine
          .map((x) => x.createdAt)
          .sort()
          .at(-1),
      ).toBe(mine.sort((a, b) => a.updatedOn.localeCompare(b.updatedOn)).at(-1)!.createdAt);
    }
  });

  it('has a figure for context, children looked after, by financial year and without a target', () => {
    const context = db
      .select()
      .from(t.measures)
      .all()
      .filter((m) => m.direction === 'context');
    expect(context).toHaveLength(1);
    expect(context[0]).toMatchObject({
      name: 'Children looked after by the council',
      target: null,
      unit: 'count',
      councilWide: true,
    });
    // Council-wide: linked to a second promise besides its own.
    const links = db.select().from(t.measurePromises).all();
    expect(links).toEqual([expect.objectContaining({ measureId: context[0]!.id })]);
    expect(links[0]!.promiseId).not.toBe(context[0]!.promiseId);
    const mine = db
      .select()
      .from(t.measureValues)
      .all()
      .filter((v) => v.measureId === context[0]!.id);
    expect(mine).toHaveLength(3);
    for (const v of mine) {
      expect(v.period).toMatch(/^\d{4}\/\d{2}$/);
      expect(v.periodEnd).toBe(`${Number(v.period.slice(0, 4)) + 1}-03-31`);
      expect(v.periodEnd < TODAY).toBe(true);
    }
  });

  it('has about ten measures with three years of quarterly figures, one small enough to hide', () => {
    const ms = db.select().from(t.measures).all();
    expect(ms.length).toBeGreaterThanOrEqual(9);
    expect(ms.length).toBeLessThanOrEqual(12);
    const values = db.select().from(t.measureValues).all();
    // The one figure for context (children looked after) is yearly and has no target: below.
    for (const m of ms.filter((x) => x.direction !== 'context')) {
      expect(m.baseline).not.toBeNull();
      expect(m.target).not.toBeNull();
      expect(m.source).not.toBe('');
      expect(m.ownerId).not.toBeNull();
      const mine = values.filter((v) => v.measureId === m.id).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
      expect(mine).toHaveLength(12);
      for (const v of mine) {
        expect(v.period).toMatch(/^\d{4}-Q[1-4]$/);
        expect(v.periodEnd < TODAY).toBe(true);
        if (m.unit === 'percent') {
          expect(v.base).toBeGreaterThan(0);
          expect(v.value).toBeGreaterThanOrEqual(0);
          expect(v.value).toBeLessThanOrEqual(100);
        }
      }
      // Twelve consecutive quarters, the last one finished within the past three months.
      expect(daysBetween(mine.at(-1)!.periodEnd, TODAY)).toBeLessThanOrEqual(92);
      expect(daysBetween(mine[0]!.periodEnd, mine.at(-1)!.periodEnd)).toBeGreaterThan(33 * 30);
    }
    const threshold = getSettings(db).smallNumberThreshold;
    expect(values.some((v) => v.base !== null && v.base > 0 && v.base <= threshold)).toBe(true);
    expect(values.some((v) => v.englandAverage !== null)).toBe(true);
    expect(values.some((v) => v.statNeighbours !== null)).toBe(true);
    const ev = db.select().from(t.evidence).all();
    expect(ev.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ev.map((e) => e.kind))).toEqual(new Set(['case_study', 'quote', 'document']));
    for (const e of ev.filter((x) => x.kind === 'document')) expect(e.url).toMatch(/^https:\/\/example\.org\//);
  });

  it('has the yearly well-being survey set up as a survey, its comments from it', () => {
    const surveys = db
      .select()
      .from(t.forumSessions)
      .all()
      .filter((s) => s.kind === 'survey');
    expect(surveys).toHaveLength(2);
    for (const s of surveys) {
      expect(s.respondents).toBeGreaterThan(0);
      expect(s.surveyYear).toMatch(/^\d{4}\/\d{2}$/);
      expect(s.ageBands.length).toBeGreaterThan(0);
      const items = db
        .select()
        .from(t.feedback)
        .all()
        .filter((f) => f.forumSessionId === s.id);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((f) => f.source === 'survey' && f.forumId === null && s.ageBands.includes(f.ageBand))).toBe(
        true,
      );
    }
  });

  it('has about 150 pieces of feedback over 18 months, with the loop closed on some and open on others', () => {
    const items = db.select().from(t.feedback).all();
    expect(items.length).toBeGreaterThanOrEqual(130);
    expect(items.length).toBeLessThanOrEqual(170);
    expect(items.every((f) => f.heardOn <= TODAY && f.heardOn >= addDays(TODAY, -550))).toBe(true);
    expect(new Set(items.map((f) => f.source))).toEqual(
      new Set(['forum', 'survey', 'complaint', 'takeover_day', 'other']),
    );
    expect(items.filter((f) => f.source === 'complaint')).toHaveLength(1);

    const answered = items.filter((f) => f.respondedOn);
    expect(new Set(answered.map((f) => f.response))).toEqual(new Set(['did', 'doing', 'cant']));
    for (const f of answered) {
      expect(f.responseText).not.toBe('');
      expect(f.respondedOn! >= f.heardOn && f.respondedOn! <= TODAY).toBe(true);
      if (f.response === 'cant') expect(f.cantReason).not.toBe('');
      if (f.fedBackOn) expect(f.fedBackOn >= f.respondedOn! && f.fedBackOn <= TODAY).toBe(true);
    }
    const waiting = items.filter((f) => !f.respondedOn);
    expect(waiting.every((f) => f.response === null && f.fedBackOn === null)).toBe(true);
    expect(waiting.filter((f) => daysBetween(f.heardOn, TODAY) > 28).length).toBeGreaterThanOrEqual(3);
    expect(waiting.filter((f) => daysBetween(f.heardOn, TODAY) <= 28).length).toBeGreaterThanOrEqual(1);
    expect(answered.filter((f) => f.fedBackOn).length).toBeGreaterThanOrEqual(40);
    expect(answered.filter((f) => !f.fedBackOn).length).toBeGreaterThanOrEqual(3);

    const participation = db
      .select()
      .from(t.users)
      .all()
      .find((u) => u.email === 'participation@example.org')!;
    const approved = items.filter((f) => f.publishState === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(items.length * 0.35);
    expect(approved.length).toBeLessThanOrEqual(items.length * 0.65);
    for (const f of approved) {
      expect(f.publicText).not.toBe('');
      expect(f.approvedById).toBe(participation.id);
      expect(f.approvedAt).toBeTruthy();
      expect(f.safeguarding).toBe(false);
    }
    // Approved words with a watch word in them carry the worker's reason for publishing them.
    const s = getSettings(db);
    const watched = approved.filter((f) => s.watchWords.some((w) => f.text.toLowerCase().includes(w)));
    expect(watched.every((f) => f.safeReason !== '')).toBe(true);
    const drafts = items.filter((f) => f.publishState === 'draft');
    expect(drafts.every((f) => f.approvedById === null && f.approvedAt === null)).toBe(true);

    const flagged = items.filter((f) => f.safeguarding);
    expect(flagged).toHaveLength(2);
    for (const f of flagged) {
      expect(f.publishState).toBe('withheld');
      expect(f.publicText).toBe('');
      expect(f.safeguardingToldWhom).not.toBe('');
      expect(f.safeguardingToldAt).toBeTruthy();
    }
  });

  it('links most feedback to one or two promises, some to commitments, and a handful to nothing', () => {
    const items = db.select().from(t.feedback).all();
    const links = db.select().from(t.feedbackPromises).all();
    const perItem = items.map((f) => links.filter((l) => l.feedbackId === f.id).length);
    const unlinked = perItem.filter((n) => n === 0).length;
    expect(unlinked).toBeGreaterThanOrEqual(3);
    expect(unlinked).toBeLessThanOrEqual(15);
    expect(perItem.every((n) => n <= 2)).toBe(true);
    expect(db.select().from(t.feedbackCommitments).all().length).toBeGreaterThanOrEqual(20);
  });

  it('uses only the age bands and forums the settings know, and forum sessions that match', () => {
    const s = getSettings(db);
    const bands = new Set(s.ageBands.map((b) => b.id));
    const forums = new Set(s.forums.map((f) => f.id));
    const sessions = new Map(
      db
        .select()
        .from(t.forumSessions)
        .all()
        .map((x) => [x.id, x]),
    );
    expect([...sessions.values()].filter((x) => x.forumId === 'cicc').length).toBeGreaterThanOrEqual(12);
    expect([...sessions.values()].filter((x) => x.forumId === 'care-leavers').length).toBeGreaterThanOrEqual(4);
    const items = db.select().from(t.feedback).all();
    expect(new Set(items.map((f) => f.ageBand))).toEqual(bands);
    for (const f of items) {
      expect(bands.has(f.ageBand)).toBe(true);
      if (f.forumId !== null) expect(forums.has(f.forumId)).toBe(true);
      if (f.source === 'forum') {
        const session = sessions.get(f.forumSessionId!);
        expect(session?.forumId).toBe(f.forumId);
        expect(session?.heldOn).toBe(f.heardOn);
      } else if (f.source === 'survey' && f.forumSessionId !== null) {
        const session = sessions.get(f.forumSessionId);
        expect(session?.kind).toBe('survey');
        expect(session?.heldOn).toBe(f.heardOn);
      } else {
        expect(f.forumSessionId).toBeNull();
      }
      if (f.forumId === 'care-leavers') expect(f.ageBand).toBe('care-leaver');
    }
    for (const id of forums) expect(items.some((f) => f.forumId === id)).toBe(true);
  });

  it('never carries an email address, phone number, postcode or local place name in what children said', () => {
    const s = getSettings(db);
    const items = db.select().from(t.feedback).all();
    for (const f of items) {
      for (const words of [f.text, f.publicText, f.responseText, f.cantReason]) {
        expect(words).not.toMatch(EMAIL);
        expect(words).not.toMatch(PHONE);
        expect(words).not.toMatch(POSTCODE);
        for (const place of s.localNames) expect(words.toLowerCase()).not.toContain(place.toLowerCase());
      }
    }
    // The patterns themselves do catch what they are meant to.
    expect('ring me on 07700 900123').toMatch(PHONE);
    expect('write to sam@example.org').toMatch(EMAIL);
    expect('near AB1 2CD').toMatch(POSTCODE);
  });

  it('has three board meetings in the last year with a rating for every promise, and open and closed challenges', () => {
    const meetings = db.select().from(t.boardMeetings).all();
    expect(meetings).toHaveLength(3);
    for (const m of meetings) {
      expect(m.meetingDate <= TODAY && m.meetingDate >= addDays(TODAY, -366)).toBe(true);
      expect(m.attendance.find((a) => a.role === 'councillor')?.count).toBeGreaterThanOrEqual(3);
    }
    const promises = db.select().from(t.promises).all();
    const reviews = db.select().from(t.ragReviews).all();
    expect(reviews).toHaveLength(meetings.length * promises.length);
    expect(reviews.some((r) => r.rationale !== '')).toBe(true);
    // The story moves: some promises get better between the first and last meeting, some worse.
    const order = { red: 0, amber: 1, green: 2, blue: 3 } as const;
    const [first, , last] = [...meetings].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
    const ratingAt = (meetingId: number, promiseId: number) =>
      order[reviews.find((r) => r.meetingId === meetingId && r.promiseId === promiseId)!.rating];
    const moves = promises.map((p) => ratingAt(last!.id, p.id) - ratingAt(first!.id, p.id));
    expect(moves.some((d) => d > 0)).toBe(true);
    expect(moves.some((d) => d < 0)).toBe(true);

    const cs = db.select().from(t.challenges).all();
    const closed = cs.filter((c) => c.closedOn);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    expect(closed.every((c) => c.answer !== '' && c.closedOn! <= TODAY)).toBe(true);
    expect(cs.filter((c) => !c.closedOn).length).toBeGreaterThanOrEqual(2);
  });

  it('lets each demo account sign in through the API, and not an owner without a password', async () => {
    const app = await buildApp({ db, config: { LOG_LEVEL: 'silent' } });
    try {
      for (const email of DEMO_EMAILS) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email, password: DEMO_PASSWORD },
        });
        expect(res.statusCode, email).toBe(200);
        expect(res.json().user.email).toBe(email);
        expect(res.json().councilName).toBe('Westmere Borough Council');
      }
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'g.mbatha@example.org', password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('is the same council on every load on the same day', async () => {
    const other = freshDb(dir, 'again.db');
    try {
      await seedDemo(other, NOW);
      const shape = (d: Db) =>
        d
          .select()
          .from(t.feedback)
          .all()
          .map((f) => [f.text, f.ageBand, f.heardOn, f.forumId, f.respondedOn, f.fedBackOn, f.publishState]);
      expect(shape(other)).toEqual(shape(db));
    } finally {
      other.$client.close();
    }
  });
});
