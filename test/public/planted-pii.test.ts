// Plants names, emails and phone numbers where the public must never see them, then reads
// every public route and proves none of it comes out.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import {
  commitments,
  commitmentUpdates,
  feedback,
  feedbackPromises,
  measureValues,
  measures,
  promises,
  ragReviews,
  boardMeetings,
  evidence,
  forumSessions,
  themes,
  users,
} from '../../db/schema.js';

const PLANTED = [
  'Jayden Okonkwo',
  'jayden.o@example.com',
  '07700 900123',
  '+44 7700 900456',
  'Maple Lodge children’s home',
  'Priya Staffname',
  'priya.staff@council.example',
  'SAFEGUARDING-SECRET',
  'staff-only rationale',
  'internal update note',
  'Forum notes about Jayden',
  'Case study naming Priya Staffname',
  'WITHDRAWAL-REASON-SECRET',
  'DRAFT-WELSH-SECRET',
  'STAFF-TITLE-SECRET',
];

let t: TestApp;
let promiseId = 0;

beforeAll(async () => {
  t = await makeTestApp({
    seed: (db) => {
      const owner = db
        .insert(users)
        .values({ email: 'priya.staff@council.example', name: 'Priya Staffname', role: 'owner' })
        .returning()
        .get();
      const theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get();
      const p = db
        .insert(promises)
        .values({
          themeId: theme.id,
          staffText: 'Staff text',
          childText: 'We will listen to you',
          audience: 'both',
          ownerId: owner.id,
          linkChampion: 'Cllr Priya Staffname',
        })
        .returning()
        .get();
      promiseId = p.id;
      const c = db
        .insert(commitments)
        .values({
          promiseId: p.id,
          title: 'Run a listening week',
          childTitle: 'We will have a week of listening to you',
          ownerId: owner.id,
          dueDate: '2026-09-01',
          status: 'on_track',
          childUpdate: 'We booked the listening week',
          childUpdateCy: 'Rydym wedi trefnu’r wythnos wrando',
          lastUpdateAt: '2026-06-01T09:00:00.000Z',
        })
        .returning()
        .get();
      db.insert(commitments)
        .values({ promiseId: p.id, title: 'STAFF-TITLE-SECRET review', dueDate: '2026-10-01', status: 'on_track' })
        .run();
      // The last forum before today (2026-06-15): its notes are staff-only.
      db.insert(forumSessions)
        .values({ forumId: 'cicc', heldOn: '2026-05-15', notes: 'Forum notes about Jayden Okonkwo' })
        .run();
      db.insert(evidence)
        .values({
          promiseId: p.id,
          kind: 'case_study',
          title: 'Case study',
          body: 'Case study naming Priya Staffname',
          dated: '2026-05-01',
        })
        .run();
      db.insert(commitmentUpdates)
        .values({
          commitmentId: c.id,
          note: 'internal update note from Priya Staffname',
          status: 'on_track',
          progress: 40,
          updatedOn: '2026-06-01',
        })
        .run();
      const m = db
        .insert(measures)
        .values({
          promiseId: p.id,
          name: 'Know their worker',
          childSentence: 'How many of you know your worker',
          unit: 'percent',
          direction: 'higher',
          ownerId: owner.id,
        })
        .returning()
        .get();
      db.insert(measureValues)
        .values({ measureId: m.id, period: '2026-Q1', periodEnd: '2026-03-31', value: 80, base: 40 })
        .run();
      db.insert(measureValues)
        .values({ measureId: m.id, period: '2026-Q2', periodEnd: '2026-06-30', value: 100, base: 3 })
        .run();
      const meeting = db
        .insert(boardMeetings)
        .values({ meetingDate: '2026-05-01', title: 'May board' })
        .returning()
        .get();
      db.insert(ragReviews)
        .values({
          meetingId: meeting.id,
          promiseId: p.id,
          rating: 'amber',
          rationale: 'staff-only rationale',
          decidedOn: '2026-05-01',
        })
        .run();

      const add = (values: Partial<typeof feedback.$inferInsert>) => {
        const row = db
          .insert(feedback)
          .values({ text: 'x', source: 'forum', forumId: 'cicc', heardOn: '2026-05-10', ageBand: '11-18', ...values })
          .returning()
          .get();
        db.insert(feedbackPromises).values({ feedbackId: row.id, promiseId: p.id }).run();
      };
      // Approved and safe: this is what the public may see.
      add({
        text: 'Jayden Okonkwo said he never sees his worker',
        publicText: 'I never get to see my worker',
        publishState: 'approved',
        response: 'doing',
        responseText: 'We are hiring more workers',
        respondedOn: '2026-05-20',
        // Staff-only even on a published item (a new approval clears it; planted to prove the door never reads it).
        withdrawnReason: 'WITHDRAWAL-REASON-SECRET',
      });
      // Draft with identifiers in both texts.
      add({
        text: 'Call me on 07700 900123, Jayden Okonkwo',
        publicText: 'jayden.o@example.com wants a call',
        publishState: 'draft',
        response: 'did',
        responseTextCy: 'DRAFT-WELSH-SECRET',
        respondedOn: '2026-05-20',
      });
      // Withheld.
      add({
        text: 'Maple Lodge children’s home is cold',
        publicText: 'Maple Lodge children’s home is cold',
        publishState: 'withheld',
        withdrawnReason: 'WITHDRAWAL-REASON-SECRET: the child asked',
        withdrawnAt: '2026-06-01T10:00:00.000Z',
      });
      // Approved but then flagged for safeguarding: must never appear.
      add({
        text: 'SAFEGUARDING-SECRET +44 7700 900456',
        publicText: 'SAFEGUARDING-SECRET +44 7700 900456',
        publishState: 'approved',
        safeguarding: true,
        response: 'did',
        responseText: 'SAFEGUARDING-SECRET',
        respondedOn: '2026-05-21',
      });
    },
  });
});
afterAll(() => t.close());

describe('the public API', () => {
  it('has its routes under /api/v1/public and nowhere else', () => {
    // Signing in, and getting back into an account by a link, are open too; they return no records.
    const signIn = new Set([
      'POST /api/v1/session',
      'GET /api/v1/session', // who is signed in: the caller's own session, or "signed out"
      'GET /api/v1/session/options',
      'POST /api/v1/session/reset-requests',
      'POST /api/v1/session/links/check',
      'POST /api/v1/session/links/password',
    ]);
    // A partner contact's single-use update link: it answers only the holder of an unused,
    // unexpired link, and only about the one commitment it was sent for (test/routes/reminders.test.ts).
    for (const route of ['POST /api/v1/update-links/check', 'POST /api/v1/update-links/update']) signIn.add(route);
    const publicRoutes = t.app.routeAccess.filter((r) => r.access === 'public' && !signIn.has(`${r.method} ${r.url}`));
    expect(publicRoutes.length).toBeGreaterThan(0);
    for (const r of publicRoutes) expect(r.url.startsWith('/api/v1/public/')).toBe(true);
  });

  it('never returns planted names, emails, phone numbers, staff notes or flagged items', async () => {
    const urls = t.app.routeAccess
      .filter((r) => r.access === 'public' && r.method === 'GET')
      .map((r) => r.url.replace(':id', String(promiseId)));
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      const res = await t.anon.get(url);
      expect(res.statusCode, url).toBe(200);
      for (const secret of PLANTED) expect(res.body, `${url} leaks ${secret}`).not.toContain(secret);
    }
  });

  it('shows the approved public words, the answer, and suppresses small numbers', async () => {
    const res = await t.anon.get(`/api/v1/public/promises/${promiseId}`);
    const body = res.json();
    expect(body.youSaid.map((q: { text: string }) => q.text)).toEqual(['I never get to see my worker']);
    expect(body.weDid[0]).toMatchObject({
      youSaid: 'I never get to see my worker',
      weDid: 'We are hiring more workers',
      answer: 'doing',
    });
    expect(body.howWeWillKnow[0].values).toEqual([
      { period: '2026-Q1', value: 80, tooFewToShow: false },
      { period: '2026-Q2', value: null, tooFewToShow: true },
    ]);
    expect(body.weWill[0]).toMatchObject({ text: 'We will have a week of listening to you', status: 'doing' });
    // A commitment with no approved words for children is left out: its staff title never stands in.
    expect(body.weWill).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('STAFF-TITLE-SECRET');
  });

  it('gives the latest update in a child’s words and marks what is new since the last forum', async () => {
    const body = (await t.anon.get(`/api/v1/public/promises/${promiseId}`)).json();
    expect(body.lastForumOn).toBe('2026-05-15');
    expect(body.latestUpdate).toEqual({
      text: 'We booked the listening week',
      textCy: 'Rydym wedi trefnu’r wythnos wrando',
      on: '2026-06-01',
    });
    expect(body.isNew).toBe(true);
    expect(body.weWill[0]).toMatchObject({ update: 'We booked the listening week', isNew: true });
    expect(body.weDid[0].isNew).toBe(true); // answered 2026-05-20, after the forum on 2026-05-15
    const summary = (await t.anon.get('/api/v1/public/summary')).json();
    expect(summary.lastForumOn).toBe('2026-05-15');
    expect(summary.promises[0]).toMatchObject({ id: promiseId, isNew: true, updatedOn: '2026-06-01' });
    expect(summary.themes[0].newCount).toBe(1);
  });

  it('leaks nothing through the kiosk’s verdict routes either', async () => {
    const started = await (
      await t.as('participation')
    ).post('/api/v1/rating-sessions', { forumId: 'cicc', members: 12 });
    const pin = started.json().pin as string;
    const join = await t.anon.post('/api/v1/public/rating/join', { pin });
    const tap = await t.anon.post('/api/v1/public/rating/verdicts', {
      pin,
      promiseId,
      verdict: 'kept',
      voterToken: 'turn-0123456789abcdef',
    });
    for (const res of [join, tap]) {
      expect(res.statusCode).toBe(200);
      for (const secret of PLANTED) expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain('participation@test.example');
    }
  });

  it('keeps the one door narrow: public.ts never names a staff-only column', () => {
    const source = readFileSync('db/repositories/public.ts', 'utf8');
    for (const column of [
      'feedback.text',
      'feedback.safeReason',
      'feedback.safeguardingToldWhom',
      'feedback.loggedById',
      'feedback.approvedById',
      'ragReviews.rationale',
      'commitmentUpdates',
      'forumSessions.notes',
      'evidence',
      'users',
      'linkChampion',
      'ownerId',
      'staffText',
      '.select()',
    ])
      expect(source, column).not.toContain(column);
  });

  it('needs no sign-in and sets no cookie', async () => {
    const res = await t.anon.get('/api/v1/public/summary');
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.json().themes[0]).toMatchObject({ name: 'Your rights', promiseCount: 1, onTrackCount: 0 });
  });
});
