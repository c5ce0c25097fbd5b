import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailFor, makeTestApp, signInClient, TODAY, type TestApp } from '../helpers/app.js';
import type { Role } from '../../server/contracts/index.js';
import type { Db } from '../../db/client.js';
import {
  auditLog,
  boardMeetings,
  commitments,
  feedback,
  feedbackPromises,
  measures,
  measureValues,
  promises,
  ragReviews,
  ratingSessions,
  themes,
  verdicts,
} from '../../db/schema.js';
import { write } from '../../db/repositories/write.js';

type Ids = { theme: number; promiseA: number; promiseB: number };

function seedPromises(db: Db, ids: Ids) {
  ids.theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get().id;
  const promise = (staffText: string) =>
    db
      .insert(promises)
      .values({ themeId: ids.theme, staffText, childText: staffText, audience: 'both' })
      .returning()
      .get().id;
  ids.promiseA = promise('Know your social worker');
  ids.promiseB = promise('Second chances');
}

describe('board meetings, reviews and challenges', () => {
  let t: TestApp;
  const ids = {} as Ids;
  beforeAll(async () => {
    t = await makeTestApp({ seed: (db) => seedPromises(db, ids) });
  });
  afterAll(() => t.close());

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    meetingDate: '2026-03-10',
    title: 'Corporate Parenting Board',
    attendance: [
      { role: 'councillor', count: 5 },
      { role: 'young_person', count: 2 },
    ],
    notes: 'Focus on rights.',
    ...overrides,
  });

  it('lets the board and admins create meetings, and nobody else', async () => {
    for (const role of ['viewer', 'owner', 'participation'] as const) {
      expect((await (await t.as(role)).post('/api/v1/board/meetings', meeting())).statusCode).toBe(403);
    }
    expect((await t.anon.get('/api/v1/board/meetings')).statusCode).toBe(401);
    const board = await t.as('board');
    const created = await board.post('/api/v1/board/meetings', meeting({ focusThemeId: ids.theme }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      meetingDate: '2026-03-10',
      focusThemeId: ids.theme,
      attendance: [
        { role: 'councillor', count: 5 },
        { role: 'young_person', count: 2 },
      ],
      version: 1,
    });
    const audit = t.db.select().from(auditLog).where(eq(auditLog.entity, 'board_meeting')).all();
    expect(audit.map((a) => [a.action, a.entityId, a.userId])).toContainEqual([
      'create',
      String(created.json().id),
      t.userIds.board,
    ]);
    // Minimal create: attendance and notes fall back to empty.
    const minimal = await (
      await t.as('admin')
    ).post('/api/v1/board/meetings', {
      meetingDate: '2026-01-05',
      title: 'Extra meeting',
    });
    expect(minimal.statusCode).toBe(201);
    expect(minimal.json()).toMatchObject({ attendance: [], notes: '', focusThemeId: null });
  });

  it('refuses bad meetings with field problems: names in attendance, bad dates, unknown themes', async () => {
    const board = await t.as('board');
    const bad = await board.post('/api/v1/board/meetings', {
      meetingDate: '2026-02-30',
      title: ' ',
      attendance: [{ role: 'councillor', count: 2, names: ['Cllr Smith'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.meetingDate', 'body.title', 'body.attendance.0']));

    const twice = await board.post(
      '/api/v1/board/meetings',
      meeting({
        attendance: [
          { role: 'partner', count: 1 },
          { role: 'partner', count: 2 },
        ],
      }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('body.attendance');

    const unknownRole = await board.post(
      '/api/v1/board/meetings',
      meeting({ attendance: [{ role: 'Cllr Smith', count: 1 }] }),
    );
    expect(unknownRole.statusCode).toBe(400);

    const noTheme = await board.post('/api/v1/board/meetings', meeting({ focusThemeId: 9999 }));
    expect(noTheme.statusCode).toBe(400);
    expect(noTheme.json().errors).toEqual([{ path: 'body.focusThemeId', message: expect.any(String) }]);
  });

  it('lists meetings newest first, a page at a time, and reads one with its reviews and challenges', async () => {
    const app = await makeTestApp({ seed: (db) => seedPromises(db, {} as Ids) });
    try {
      const board = await app.as('board');
      for (const date of ['2026-02-01', '2026-06-01', '2026-04-01'])
        await board.post('/api/v1/board/meetings', meeting({ meetingDate: date, title: `Board ${date}` }));
      const page1 = (await board.get('/api/v1/board/meetings?page=1&pageSize=2')).json();
      expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.items.map((m: { meetingDate: string }) => m.meetingDate)).toEqual(['2026-06-01', '2026-04-01']);
      const page2 = (await (await app.as('viewer')).get('/api/v1/board/meetings?page=2&pageSize=2')).json();
      expect(page2.items.map((m: { meetingDate: string }) => m.meetingDate)).toEqual(['2026-02-01']);
      expect((await board.get('/api/v1/board/meetings?pageSize=0')).statusCode).toBe(400);

      const id = page1.items[0].id;
      const detail = (await board.get(`/api/v1/board/meetings/${id}`)).json();
      expect(detail).toMatchObject({ id, title: 'Board 2026-06-01', reviews: [], challenges: [] });
      expect((await board.get('/api/v1/board/meetings/9999')).statusCode).toBe(404);
      expect((await board.get('/api/v1/board/meetings/abc')).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('updates a meeting by version and answers a stale version with 409 and the current record', async () => {
    const board = await t.as('board');
    const m = (await board.post('/api/v1/board/meetings', meeting())).json();
    const renamed = await board.patch(`/api/v1/board/meetings/${m.id}`, { version: 1, title: 'Board (March)' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Board (March)', notes: 'Focus on rights.', version: 2 });
    const stale = await board.patch(`/api/v1/board/meetings/${m.id}`, { version: 1, notes: 'Other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: 'Board (March)', version: 2 });
    expect((await board.patch('/api/v1/board/meetings/9999', { version: 1, title: 'x' })).statusCode).toBe(404);
    expect((await board.patch(`/api/v1/board/meetings/${m.id}`, { title: 'no version' })).statusCode).toBe(400);
    expect((await (await t.as('viewer')).patch(`/api/v1/board/meetings/${m.id}`, { version: 2 })).statusCode).toBe(403);
  });

  it('deletes an empty meeting (admin only) but keeps one that holds a rating', async () => {
    const admin = await t.as('admin');
    const board = await t.as('board');
    const empty = (await board.post('/api/v1/board/meetings', meeting())).json();
    expect((await board.del(`/api/v1/board/meetings/${empty.id}`)).statusCode).toBe(403);
    expect((await admin.del(`/api/v1/board/meetings/${empty.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/board/meetings/${empty.id}`)).statusCode).toBe(404);
    expect((await admin.del(`/api/v1/board/meetings/${empty.id}`)).statusCode).toBe(404);

    const rated = (await board.post('/api/v1/board/meetings', meeting())).json();
    await board.put(`/api/v1/board/meetings/${rated.id}/reviews/${ids.promiseA}`, { rating: 'amber' });
    const refused = await admin.del(`/api/v1/board/meetings/${rated.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toContain('1 RAG rating');
    expect((await admin.get(`/api/v1/board/meetings/${rated.id}`)).statusCode).toBe(200);
  });

  it('records a rating, asks why when it differs from the suggestion, and keeps the history', async () => {
    const ids2 = {} as Ids;
    const app = await makeTestApp({ seed: (db) => seedPromises(db, ids2) });
    try {
      const board = await app.as('board');
      const jan = (
        await board.post('/api/v1/board/meetings', meeting({ meetingDate: '2026-01-20', title: 'January' }))
      ).json();
      const mar = (
        await board.post('/api/v1/board/meetings', meeting({ meetingDate: '2026-03-20', title: 'March' }))
      ).json();
      const url = (m: { id: number }, p = ids2.promiseA) => `/api/v1/board/meetings/${m.id}/reviews/${p}`;

      const noWhy = await board.put(url(jan), { rating: 'green', suggestedRating: 'amber' });
      expect(noWhy.statusCode).toBe(400);
      expect(noWhy.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.rationale']);
      const blankWhy = await board.put(url(jan), { rating: 'green', suggestedRating: 'amber', rationale: '   ' });
      expect(blankWhy.statusCode).toBe(400);

      const agreed = await board.put(url(jan), { rating: 'amber', suggestedRating: 'amber' });
      expect(agreed.statusCode).toBe(201);
      expect(agreed.json()).toMatchObject({
        rating: 'amber',
        suggestedRating: 'amber',
        rationale: '',
        decidedOn: '2026-01-20',
      });

      const noSuggestion = await board.put(url(mar), { rating: 'red' });
      expect(noSuggestion.statusCode).toBe(201);
      expect(noSuggestion.json()).toMatchObject({ suggestedRating: null, decidedOn: '2026-03-20' });

      // Changing a recorded rating needs the version the client saw.
      const blind = await board.put(url(mar), { rating: 'green', suggestedRating: 'red', rationale: 'New evidence' });
      expect(blind.statusCode).toBe(409);
      expect(blind.json().current).toMatchObject({ rating: 'red', version: 1 });
      const changed = await board.put(url(mar), {
        rating: 'green',
        suggestedRating: 'red',
        rationale: 'Young people told us it is better',
        version: 1,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        rating: 'green',
        rationale: 'Young people told us it is better',
        version: 2,
      });

      expect((await board.put(url(mar, 9999), { rating: 'red' })).statusCode).toBe(404);
      expect((await board.put(url({ id: 9999 }), { rating: 'red' })).statusCode).toBe(404);
      expect((await board.put(url(mar), { rating: 'purple' })).statusCode).toBe(400);
      expect((await (await app.as('owner')).put(url(mar), { rating: 'red' })).statusCode).toBe(403);

      const history = (await (await app.as('viewer')).get(`/api/v1/board/reviews?promiseId=${ids2.promiseA}`)).json();
      expect(history.total).toBe(2);
      expect(history.items.map((r: { meetingTitle: string; rating: string }) => [r.meetingTitle, r.rating])).toEqual([
        ['March', 'green'],
        ['January', 'amber'],
      ]);
      expect((await board.get('/api/v1/board/reviews')).statusCode).toBe(400);

      // Trend against the previous review: amber -> green is better.
      const summary = (await board.get('/api/v1/board/summary')).json();
      const a = summary.themes[0].promises.find((p: { id: number }) => p.id === ids2.promiseA);
      expect(a).toMatchObject({
        latest: { rating: 'green', decidedOn: '2026-03-20', meetingId: mar.id },
        previous: { rating: 'amber', decidedOn: '2026-01-20', meetingId: jan.id },
        trend: 'better',
      });
      const b = summary.themes[0].promises.find((p: { id: number }) => p.id === ids2.promiseB);
      expect(b).toMatchObject({ latest: null, previous: null, trend: null });

      // Correcting a meeting's date moves the date its ratings were decided on.
      await board.patch(`/api/v1/board/meetings/${mar.id}`, { version: 1, meetingDate: '2026-03-21' });
      const moved = (await board.get(`/api/v1/board/meetings/${mar.id}`)).json();
      expect(moved.reviews).toEqual([expect.objectContaining({ promiseId: ids2.promiseA, decidedOn: '2026-03-21' })]);
    } finally {
      await app.close();
    }
  });

  it('tracks a challenge from open, through matters arising, to closed', async () => {
    const board = await t.as('board');
    const owner = await t.as('owner');
    const march = (
      await board.post('/api/v1/board/meetings', meeting({ meetingDate: '2026-03-01', title: 'March' }))
    ).json();
    const june = (
      await board.post('/api/v1/board/meetings', meeting({ meetingDate: '2026-06-10', title: 'June' }))
    ).json();

    const bad = await board.post(`/api/v1/board/meetings/${march.id}/challenges`, {
      text: '',
      dueDate: '2026-02-01',
      ownerId: 9999,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.text']);
    const unknownOwner = await board.post(`/api/v1/board/meetings/${march.id}/challenges`, {
      text: 'Why?',
      dueDate: '2026-04-01',
      ownerId: 9999,
      promiseId: 9999,
    });
    expect(unknownOwner.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.promiseId', 'body.ownerId']);
    const early = await board.post(`/api/v1/board/meetings/${march.id}/challenges`, {
      text: 'Why?',
      dueDate: '2026-02-01',
    });
    expect(early.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.dueDate']);
    expect(
      (await board.post('/api/v1/board/meetings/9999/challenges', { text: 'Why?', dueDate: '2026-07-01' })).statusCode,
    ).toBe(404);

    const first = await board.post(`/api/v1/board/meetings/${march.id}/challenges`, {
      text: 'Why do so few children know their social worker?',
      dueDate: '2026-04-01',
      promiseId: ids.promiseA,
      ownerId: t.userIds.owner,
    });
    expect(first.statusCode).toBe(201);
    const c1 = first.json();
    expect(c1).toMatchObject({ meetingId: march.id, answer: '', closedOn: null, version: 1 });
    const c2 = (
      await board.post(`/api/v1/board/meetings/${june.id}/challenges`, {
        text: 'Report on second chances',
        dueDate: '2026-09-01',
      })
    ).json();

    type Item = { id: number; overdue: boolean; meetingTitle: string };
    const arising = (await owner.get('/api/v1/board/challenges?open=true&before=2026-06-10')).json();
    expect(arising.items.map((c: Item) => [c.id, c.meetingTitle, c.overdue])).toEqual([[c1.id, 'March', true]]);
    const open = (await owner.get(`/api/v1/board/challenges?open=true&meetingId=${june.id}`)).json();
    expect(open.items.map((c: Item) => [c.id, c.overdue])).toEqual([[c2.id, false]]);

    // The owner may answer and close, nothing more; other people may not touch it.
    expect(
      (await owner.patch(`/api/v1/board/challenges/${c1.id}`, { version: 1, text: 'Easier question' })).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as('viewer')).patch(`/api/v1/board/challenges/${c1.id}`, { version: 1, answer: 'x' })).statusCode,
    ).toBe(403);
    expect((await owner.patch(`/api/v1/board/challenges/${c2.id}`, { version: 1, answer: 'x' })).statusCode).toBe(403);
    const unanswered = await owner.patch(`/api/v1/board/challenges/${c1.id}`, { version: 1, closedOn: '2026-06-12' });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.answer']);
    const future = await owner.patch(`/api/v1/board/challenges/${c1.id}`, {
      version: 1,
      answer: 'Every child now has a named worker.',
      closedOn: '2026-06-16',
    });
    expect(future.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.closedOn']);

    const closed = await owner.patch(`/api/v1/board/challenges/${c1.id}`, {
      version: 1,
      answer: 'Every child now has a named worker.',
      closedOn: '2026-06-12',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      answer: 'Every child now has a named worker.',
      closedOn: '2026-06-12',
      version: 2,
    });
    const stale = await board.patch(`/api/v1/board/challenges/${c1.id}`, { version: 1, text: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ closedOn: '2026-06-12', version: 2 });
    expect((await board.patch('/api/v1/board/challenges/9999', { version: 1, text: 'x' })).statusCode).toBe(404);

    const stillOpen = (await board.get('/api/v1/board/challenges?open=true')).json();
    expect(stillOpen.items.map((c: Item) => c.id)).not.toContain(c1.id);
    expect(stillOpen.items.map((c: Item) => c.id)).toContain(c2.id);
    const done = (await board.get(`/api/v1/board/challenges?open=false&promiseId=${ids.promiseA}`)).json();
    expect(done.items.map((c: Item) => [c.id, c.overdue])).toEqual([[c1.id, false]]);

    const detail = (await board.get(`/api/v1/board/meetings/${march.id}`)).json();
    expect(detail.challenges.map((c: { id: number }) => c.id)).toEqual([c1.id]);
    // A meeting whose challenges are on record stays.
    expect((await (await t.as('admin')).del(`/api/v1/board/meetings/${june.id}`)).statusCode).toBe(409);
  });
});

describe('board summary', () => {
  let t: TestApp;
  let now = `${TODAY}T12:00:00Z`;
  const f = {} as Record<'f1' | 'f2' | 'f3' | 'f4' | 'f5' | 'f6' | 'f7', number>;
  const p = {} as Record<'p1' | 'p2' | 'p3' | 'p4', number>;
  let meetings: number[] = [];

  beforeAll(async () => {
    t = await makeTestApp({
      clock: { now: () => new Date(now) },
      seed: (db) => {
        const theme = (name: string, sortOrder: number, archived = false) =>
          db.insert(themes).values({ name, childName: name, sortOrder, archived }).returning().get().id;
        const rights = theme('Rights', 1); // made first, shown second
        const relationships = theme('Relationships', 0);
        theme('Old theme', 2, true);
        const promise = (themeId: number, staffText: string, sortOrder: number, archived = false) =>
          db
            .insert(promises)
            .values({ themeId, staffText, childText: staffText, audience: 'both', sortOrder, archived })
            .returning()
            .get().id;
        p.p2 = promise(relationships, 'Brothers and sisters', 1);
        p.p1 = promise(relationships, 'Keep in touch', 0);
        p.p3 = promise(rights, 'Know your social worker', 0);
        p.p4 = promise(rights, 'Retired promise', 1, true);

        const commitment = (promiseId: number, dueDate: string, status: string, archived = false) =>
          db
            .insert(commitments)
            .values({ promiseId, title: 'x', dueDate, status: status as 'on_track', archived })
            .run();
        commitment(p.p1, '2026-06-01', 'on_track'); // overdue
        commitment(p.p1, '2026-06-14', 'at_risk'); // overdue
        commitment(p.p1, '2026-06-15', 'not_started'); // due today: not yet
        commitment(p.p1, '2026-05-01', 'done');
        commitment(p.p1, '2026-05-01', 'off_track', true); // archived
        commitment(p.p2, '2026-07-01', 'on_track');
        commitment(p.p2, '2026-01-01', 'dropped');
        commitment(p.p3, '2026-06-10', 'not_started'); // overdue
        commitment(p.p4, '2026-01-01', 'on_track'); // promise archived

        const item = (
          heardOn: string,
          respondedOn: string | null,
          fedBackOn: string | null,
          links: number[],
          safeguarding = false,
        ) => {
          const id = db
            .insert(feedback)
            .values({ text: 'x', source: 'forum', heardOn, ageBand: 'age_12_15', respondedOn, fedBackOn, safeguarding })
            .returning()
            .get().id;
          for (const promiseId of links) db.insert(feedbackPromises).values({ feedbackId: id, promiseId }).run();
          return id;
        };
        f.f1 = item('2026-05-01', '2026-05-11', '2026-05-21', [p.p1]); // 10, 20
        f.f2 = item('2026-05-01', '2026-06-10', null, [p.p1, p.p2]); // 40 (late)
        f.f3 = item('2026-06-01', null, null, [p.p1]); // waiting 14 days
        f.f4 = item('2026-04-01', null, null, [p.p2]); // waiting 75 days: past the 28-day target
        f.f5 = item('2026-03-01', '2026-03-05', '2026-03-09', []); // 4, 8, unlinked
        f.f6 = item('2026-06-10', null, null, []); // waiting 5 days, unlinked
        f.f7 = item('2026-02-01', '2026-02-21', '2026-03-03', [p.p3], true); // 20, 30

        const meeting = (meetingDate: string) =>
          db
            .insert(boardMeetings)
            .values({ meetingDate, title: `Board ${meetingDate}` })
            .returning()
            .get().id;
        meetings = [meeting('2026-05-20'), meeting('2026-01-20'), meeting('2026-03-20')];
        const [may, jan, mar] = meetings as [number, number, number];
        const review = (
          meetingId: number,
          promiseId: number,
          rating: 'red' | 'amber' | 'green' | 'blue',
          decidedOn: string,
        ) => db.insert(ragReviews).values({ meetingId, promiseId, rating, decidedOn }).run();
        review(may, p.p1, 'green', '2026-05-20');
        review(jan, p.p1, 'amber', '2026-01-20');
        review(mar, p.p1, 'red', '2026-03-20');
        review(may, p.p2, 'amber', '2026-05-20');
        review(mar, p.p2, 'green', '2026-03-20');
        review(may, p.p3, 'blue', '2026-05-20');
      },
    });
  });
  afterAll(() => t.close());

  /** A fresh session, for after the clock has moved past the cached one's idle limit. */
  async function signInAgain(role: Role) {
    return signInClient(t.app, emailFor(role));
  }

  it('answers the hand-computed figures per theme, per promise and for the council', async () => {
    // A participation worker sees safeguarding-flagged feedback (f7) in the figures.
    const res = await (await t.as('participation')).get('/api/v1/board/summary');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const [may, , mar] = meetings;
    expect(s.today).toBe('2026-06-15');
    expect(s.answerTargetDays).toBe(28);
    expect(s.themes.map((x: { name: string }) => x.name)).toEqual(['Relationships', 'Rights']);
    const [rel, rights] = s.themes;
    expect(rel.promises.map((x: { id: number }) => x.id)).toEqual([p.p1, p.p2]);
    expect(rights.promises.map((x: { id: number }) => x.id)).toEqual([p.p3]);

    expect(rel.promises[0]).toEqual({
      id: p.p1,
      staffText: 'Keep in touch',
      audience: 'both',
      ownerId: null,
      ownerName: null,
      // Worked from the same evidence by the RAG rules: 2 of the 4 counted actions are overdue
      // (50% >= the 25% red threshold), one is at risk, and f3 has waited 14 days (< 28). The
      // dashboard lists the reasons' words only: the actions they name are on the promise's own
      // suggestion (below).
      suggested: {
        rating: 'red',
        reasons: [
          { rule: 'delivery', rating: 'red', text: '2 of 4 actions overdue' },
          { rule: 'atRisk', rating: 'amber', text: '1 action is at risk, its owner says' },
          {
            rule: 'feedback',
            rating: 'green',
            text: 'Nothing children said has waited more than 28 days for an answer',
          },
        ],
      },
      staleCommitments: 0,
      verdicts: null,
      // Decided green last time, suggested red now.
      attention: ['disagreement'],
      latest: { rating: 'green', decidedOn: '2026-05-20', meetingId: may },
      previous: { rating: 'red', decidedOn: '2026-03-20', meetingId: mar },
      trend: 'better',
      overdueCommitments: 2,
      awaitingResponse: 1, // f3
      awaitingOverTarget: 0,
      medianDaysToRespond: 25, // 10, 40
      medianDaysToFeedBack: 20, // f1
      shareWithinTarget: 0.5, // f1 in time, f2 late
    });
    const own = (await (await t.as('participation')).get(`/api/v1/board/promises/${p.p1}/suggestion`)).json();
    expect(own.reasons.map((r: { about: string[] }) => r.about)).toEqual([['x', 'x'], ['x'], []]);
    expect(rel.promises[1]).toMatchObject({
      id: p.p2,
      latest: { rating: 'amber' },
      previous: { rating: 'green' },
      trend: 'worse',
      // The one counted action is on time, but f4 has waited 75 days: amber, as decided.
      suggested: { rating: 'amber' },
      attention: ['worsening'],
      overdueCommitments: 0,
      awaitingResponse: 1, // f4
      awaitingOverTarget: 1,
      medianDaysToRespond: 40, // f2
      medianDaysToFeedBack: null,
      shareWithinTarget: 0, // f2 late, f4 past target
    });
    expect(rights.promises[0]).toMatchObject({
      id: p.p3,
      latest: { rating: 'blue' },
      previous: null,
      trend: 'new',
      overdueCommitments: 1,
      awaitingResponse: 0,
      medianDaysToRespond: 20,
      medianDaysToFeedBack: 30,
      shareWithinTarget: 1,
    });
    expect(s.totals).toEqual({
      promises: 3,
      overdueCommitments: 3,
      awaitingResponse: 3, // f3, f4, f6
      awaitingOverTarget: 1, // f4
      medianDaysToRespond: 15, // 4, 10, 20, 40
      medianDaysToFeedBack: 20, // 8, 20, 30
      shareWithinTarget: 0.6, // f1, f5, f7 in time, of 4 answered + f4
      feedback: 7,
      unlinkedFeedback: 2, // f5, f6
    });
  });

  it('leaves safeguarding-flagged feedback out of the figures for everyone but participation workers and admins', async () => {
    const forAdmin = (await (await t.as('admin')).get('/api/v1/board/summary')).json();
    expect(forAdmin.totals.feedback).toBe(7);
    for (const role of ['viewer', 'board', 'owner'] as const) {
      const s = (await (await t.as(role)).get('/api/v1/board/summary')).json();
      const p3 = s.themes[1].promises[0];
      expect(p3).toMatchObject({
        id: p.p3,
        latest: { rating: 'blue' },
        overdueCommitments: 1,
        awaitingResponse: 0,
        medianDaysToRespond: null,
        medianDaysToFeedBack: null,
        shareWithinTarget: null,
      });
      expect(s.themes[0].promises[0]).toMatchObject({ medianDaysToRespond: 25, shareWithinTarget: 0.5 });
      expect(s.totals).toEqual({
        promises: 3,
        overdueCommitments: 3,
        awaitingResponse: 3,
        awaitingOverTarget: 1,
        medianDaysToRespond: 10, // 4, 10, 40
        medianDaysToFeedBack: 14, // 8, 20
        shareWithinTarget: 0.5, // f1, f5 in time, of 3 answered + f4
        feedback: 6,
        unlinkedFeedback: 2,
      });
    }
  });

  it('serves the summary from memory until the next write, and again when the day changes', async () => {
    const board = await t.as('board');
    const first = (await board.get('/api/v1/board/summary')).json();

    // A change that bypasses write() leaves the generation alone: the cached summary is served.
    t.db.update(feedback).set({ respondedOn: '2026-06-15' }).where(eq(feedback.id, f.f6)).run();
    expect((await board.get('/api/v1/board/summary')).json()).toEqual(first);
    t.db.update(feedback).set({ respondedOn: null }).where(eq(feedback.id, f.f6)).run();

    // Answering f3 through a repository write is seen on the next read.
    await write(t.db, (tx) =>
      tx
        .update(feedback)
        .set({ response: 'doing', responseText: 'We are on it', respondedOn: '2026-06-15' })
        .where(eq(feedback.id, f.f3))
        .run(),
    );
    const after = (await board.get('/api/v1/board/summary')).json();
    expect(after.themes[0].promises[0]).toMatchObject({
      awaitingResponse: 0,
      medianDaysToRespond: 14, // 10, 14, 40
      shareWithinTarget: 0.667, // 2 of 3, to a tenth of a percent
    });
    // 4, 10, 14, 40: f7 is safeguarding-flagged, so not in the board's figures.
    expect(after.totals).toMatchObject({ awaitingResponse: 2, medianDaysToRespond: 12 });

    // A write through the API (a new rating) is seen too.
    const [may] = meetings;
    await board.put(`/api/v1/board/meetings/${may}/reviews/${p.p3}`, {
      rating: 'green',
      version: 1,
    });
    const rated = (await board.get('/api/v1/board/summary')).json();
    expect(rated.themes[1].promises[0]).toMatchObject({ latest: { rating: 'green' }, trend: 'new' });

    // Half past midnight in London (still the 15th in UTC): the commitment due yesterday is now
    // overdue. Signed in afresh, as the earlier sessions have gone idle.
    now = '2026-06-15T23:30:00Z';
    const tomorrow = (await (await signInAgain('participation')).get('/api/v1/board/summary')).json();
    expect(tomorrow.today).toBe('2026-06-16');
    expect(tomorrow.themes[0].promises[0].overdueCommitments).toBe(3);
    expect(tomorrow.totals.overdueCommitments).toBe(4);
  });

  it('is for signed-in users only', async () => {
    expect((await t.anon.get('/api/v1/board/summary')).statusCode).toBe(401);
  });
});

describe('suggested RAG, the rules page, quorum, agenda and matters arising', () => {
  let t: TestApp;
  const p = {} as { a: number; b: number; theme: number };
  beforeAll(async () => {
    t = await makeTestApp({
      seed: (db) => {
        p.theme = db.insert(themes).values({ name: 'Future', childName: 'Your future' }).returning().get().id;
        const promise = (staffText: string) =>
          db
            .insert(promises)
            .values({ themeId: p.theme, staffText, childText: staffText, audience: 'care_leavers' })
            .returning()
            .get().id;
        p.a = promise('Help into work');
        p.b = promise('A home when you leave care');
        const at = '2026-06-01T09:00:00.000Z';
        db.insert(commitments)
          .values([
            { promiseId: p.a, title: 'Apprenticeships', dueDate: '2026-09-01', status: 'off_track', lastUpdateAt: at },
            { promiseId: p.a, title: 'Job fair', dueDate: '2026-09-01', status: 'on_track', lastUpdateAt: at },
          ])
          .run();
        const m = db
          .insert(measures)
          .values({
            promiseId: p.b,
            name: 'Care leavers in suitable homes',
            unit: 'percent',
            direction: 'higher',
            target: 80,
          })
          .returning()
          .get().id;
        // The latest figure is built on 3 young people: hidden as a small number, so unknown.
        db.insert(measureValues)
          .values([
            { measureId: m, period: '2026-Q1', periodEnd: '2026-03-31', value: 70, base: 20 },
            { measureId: m, period: '2026-Q2', periodEnd: '2026-06-30', value: 100, base: 3 },
          ])
          .run();
      },
    });
  });
  afterAll(() => t.close());

  it('suggests a RAG per promise with its reasons, treating a hidden small number as unknown', async () => {
    const viewer = await t.as('viewer');
    const a = (await viewer.get(`/api/v1/board/promises/${p.a}/suggestion`)).json();
    // 1 of 2 actions off track = 50%, at or above the 25% red threshold.
    expect(a).toMatchObject({ promiseId: p.a, rating: 'red', latest: null, disagrees: false });
    expect(a.reasons[0]).toEqual({
      rule: 'delivery',
      rating: 'red',
      text: '1 of 2 actions off track',
      about: ['Apprenticeships'],
    });
    const b = (await viewer.get(`/api/v1/board/promises/${p.b}/suggestion`)).json();
    expect(b.rating).toBe('amber');
    expect(b.reasons.map((r: { text: string }) => r.text)).toContain(
      'Care leavers in suitable homes has a target but no latest figure yet',
    );
    expect((await viewer.get('/api/v1/board/promises/9999/suggestion')).statusCode).toBe(404);
  });

  it('takes the council thresholds from settings, refuses red below amber, and the rules page follows', async () => {
    const admin = await t.as('admin');
    const current = (await admin.get('/api/v1/settings')).json();
    expect(current.ragThresholds).toEqual({});
    const bad = await admin.put('/api/v1/settings', {
      version: current.version,
      ragThresholds: { deliveryAmberPercent: 50, deliveryRedPercent: 40 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.ragThresholds.deliveryRedPercent' }),
    );

    // Red from 60%: 1 of 2 (50%) is now amber.
    const ok = await admin.put('/api/v1/settings', {
      version: current.version,
      ragThresholds: { deliveryRedPercent: 60 },
    });
    expect(ok.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/board/promises/${p.a}/suggestion`)).json().rating).toBe('amber');
    const rules = (await (await t.as('board')).get('/api/v1/board/rag-rules')).json();
    expect(rules.thresholds).toMatchObject({ deliveryRedPercent: 60, deliveryAmberPercent: 0, answerTargetDays: 28 });
    expect(rules.rules[0].red).toBe(
      'Red when 60% or more of the actions are overdue or off track (dropped actions are not counted).',
    );
    expect(rules.definitions.red.label).toBe('Off track');

    // Exactly at the edge: red from 50%, and 1 of 2 is red again.
    const edge = await admin.put('/api/v1/settings', {
      version: ok.json().version,
      ragThresholds: { deliveryRedPercent: 50 },
    });
    expect(edge.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/board/promises/${p.a}/suggestion`)).json().rating).toBe('red');
  });

  it('shows whether a meeting was quorate, proposes the promises needing attention, and brings back open challenges', async () => {
    const board = await t.as('board');
    const first = (
      await board.post('/api/v1/board/meetings', {
        meetingDate: '2026-04-10',
        title: 'April board',
        attendance: [
          { role: 'councillor', count: 3 },
          { role: 'officer', count: 2 },
          { role: 'young_person', count: 4 },
        ],
      })
    ).json();
    let detail = (await board.get(`/api/v1/board/meetings/${first.id}`)).json();
    expect(detail.quorum).toEqual({
      quorate: false,
      rule: { minCouncillors: 3, minPartners: 1, minTotal: 5 },
      councillors: 3,
      partners: 0,
      total: 5,
      shortfalls: ['1 partner member needed, 0 attended'],
    });
    // A is suggested red and was never decided; B is amber: only A needs attention.
    expect(detail.agenda).toEqual([
      {
        promiseId: p.a,
        staffText: 'Help into work',
        themeId: p.theme,
        themeName: 'Future',
        attention: ['red'],
        suggested: 'red',
        latest: null,
      },
    ]);
    expect(detail.mattersArising).toEqual([]);

    const patched = await board.patch(`/api/v1/board/meetings/${first.id}`, {
      version: first.version,
      attendance: [
        { role: 'councillor', count: 3 },
        { role: 'partner', count: 2 },
      ],
    });
    expect(patched.statusCode).toBe(200);
    detail = (await board.get(`/api/v1/board/meetings/${first.id}`)).json();
    expect(detail.quorum).toMatchObject({ quorate: true, shortfalls: [] });

    // Decide B green against an amber suggestion: a reason is required, then it needs attention.
    const noReason = await board.put(`/api/v1/board/meetings/${first.id}/reviews/${p.b}`, {
      rating: 'green',
      suggestedRating: 'amber',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.rationale');
    const decided = await board.put(`/api/v1/board/meetings/${first.id}/reviews/${p.b}`, {
      rating: 'green',
      suggestedRating: 'amber',
      rationale: 'The Q2 figure is strong though too small to publish.',
    });
    expect(decided.statusCode).toBe(201);

    const challenge = (
      await board.post(`/api/v1/board/meetings/${first.id}/challenges`, {
        promiseId: p.a,
        ownerId: t.userIds.owner,
        text: 'Why are apprenticeships off track?',
        dueDate: '2026-05-30',
      })
    ).json();

    const second = (
      await board.post('/api/v1/board/meetings', {
        meetingDate: '2026-06-12',
        title: 'June board',
        focusThemeId: p.theme,
      })
    ).json();
    detail = (await board.get(`/api/v1/board/meetings/${second.id}`)).json();
    expect(detail.agenda.map((x: { promiseId: number; attention: string[] }) => [x.promiseId, x.attention])).toEqual([
      [p.a, ['red']],
      [p.b, ['disagreement']],
    ]);
    expect(detail.mattersArising).toEqual([
      expect.objectContaining({ id: challenge.id, meetingTitle: 'April board', overdue: true }),
    ]);

    // The owner answers and closes it: it no longer arises.
    const owner = await t.as('owner');
    const closed = await owner.patch(`/api/v1/board/challenges/${challenge.id}`, {
      version: challenge.version,
      answer: 'A new provider starts in July.',
      closedOn: '2026-06-14',
    });
    expect(closed.statusCode).toBe(200);
    detail = (await board.get(`/api/v1/board/meetings/${second.id}`)).json();
    expect(detail.mattersArising).toEqual([]);
  });
});

describe("children's verdicts beside the board's RAG", () => {
  let t: TestApp;
  const p = {} as { kept: number; quiet: number };
  beforeAll(async () => {
    t = await makeTestApp({
      seed: (db) => {
        const theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get().id;
        const promise = (staffText: string) =>
          db
            .insert(promises)
            .values({ themeId: theme, staffText, childText: staffText, audience: 'both' })
            .returning()
            .get().id;
        p.kept = promise('Know your social worker');
        p.quiet = promise('Second chances');
        // One action, overdue: suggested red for both.
        for (const promiseId of [p.kept, p.quiet])
          db.insert(commitments)
            .values({ promiseId, title: 'Late', dueDate: '2026-01-01', status: 'on_track', lastUpdateAt: '2026-06-01' })
            .run();
        const session = db
          .insert(ratingSessions)
          .values({ pinHash: 'x', startedAt: '2026-06-01T10:00:00Z', expiresAt: '2026-06-01T11:00:00Z' })
          .returning()
          .get().id;
        const tap = (promiseId: number, verdict: 'kept' | 'getting_there' | 'not_yet', n: number) => {
          for (let i = 0; i < n; i++)
            db.insert(verdicts)
              .values({ sessionId: session, promiseId, verdict, voterToken: `${promiseId}-${verdict}-${i}` })
              .run();
        };
        tap(p.kept, 'kept', 3);
        tap(p.kept, 'not_yet', 1);
        // A tie leads nowhere.
        tap(p.quiet, 'kept', 1);
        tap(p.quiet, 'not_yet', 1);
      },
    });
  });
  afterAll(() => t.close());

  it('counts the verdicts per promise and flags when most children see it differently', async () => {
    const s = (await (await t.as('board')).get('/api/v1/board/summary')).json();
    const [kept, quiet] = s.themes[0].promises;
    expect(kept.verdicts).toEqual({ kept: 3, gettingThere: 0, notYet: 1, total: 4, leading: 'kept' });
    // Suggested red, never decided; most children say the promise is kept.
    expect(kept.attention).toEqual(['red', 'children_disagree']);
    expect(quiet.verdicts).toEqual({ kept: 1, gettingThere: 0, notYet: 1, total: 2, leading: null });
    expect(quiet.attention).toEqual(['red']);
  });
});
