import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { auditLog, feedback, forumSessions, promises, themes } from '../../db/schema.js';

function seed(db: Db) {
  db.insert(themes).values({ name: 'Relationships', childName: 'People who matter to you' }).run();
  db.insert(promises)
    .values([
      { themeId: 1, staffText: 'Keep in touch with family', childText: 'See your family', audience: 'both' },
      { themeId: 1, staffText: 'Know your social worker', childText: 'Know who helps you', audience: 'both' },
    ])
    .run();
}

const tally = (t: TestApp) => ({
  sessions: t.db.select({ n: count() }).from(forumSessions).get()!.n,
  items: t.db.select({ n: count() }).from(feedback).get()!.n,
});

describe('forum sessions', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  const items = Array.from({ length: 10 }, (_, i) => ({
    text: `Thing ${i + 1} we were told`,
    ageBand: i % 2 ? '8-11' : '11-18',
    ...(i === 0 ? { promiseIds: [1, 2] } : {}),
  }));

  it('creates the session and all its items in one go, each audited', async () => {
    const res = await worker.post('/api/v1/forum-sessions', {
      forumId: 'cicc',
      heldOn: '2026-06-12',
      attendance: 11,
      items,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ forumId: 'cicc', heldOn: '2026-06-12', attendance: 11, itemCount: 10, notes: '' });
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toMatchObject({
      text: 'Thing 1 we were told',
      source: 'forum',
      forumId: 'cicc',
      forumSessionId: body.id,
      heardOn: '2026-06-12',
      ageBand: '11-18',
      promiseIds: [1, 2],
      loggedById: t.userIds.participation,
      publishState: 'draft',
    });
    expect(tally(t)).toEqual({ sessions: 1, items: 10 });
    const audits = t.db.select().from(auditLog).where(eq(auditLog.entity, 'feedback')).all();
    expect(audits).toHaveLength(10);
    expect(t.db.select().from(auditLog).where(eq(auditLog.entity, 'forum_session')).all()).toHaveLength(1);

    const list = (await worker.get('/api/v1/forum-sessions')).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: body.id, itemCount: 10 }] });
    const one = (await worker.get(`/api/v1/forum-sessions/${body.id}`)).json();
    expect(one.items.map((i: { text: string }) => i.text)).toEqual(items.map((i) => i.text));
    // Nine of the ten wait to be linked to a promise.
    expect((await worker.get('/api/v1/feedback?pageSize=1')).json().unlinkedCount).toBe(9);
  });

  it('checks each item at capture and says what may identify someone', async () => {
    const res = await worker.post('/api/v1/forum-sessions', {
      forumId: 'cicc',
      heldOn: '2026-06-12',
      attendance: 4,
      items: [
        { text: 'More trips please', ageBand: '8-11' },
        { text: 'Text me on 07700 900111 about it', ageBand: '8-11' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.map((i: { identifierKinds: string[] }) => i.identifierKinds)).toEqual([[], ['phone']]);
  });

  it('refuses the whole session when one item is wrong, naming the item, and saves nothing', async () => {
    const before = tally(t);
    const bad = [...items];
    bad[2] = { text: 'x', ageBand: 'adult' };
    bad[4] = { text: 'y', ageBand: '8-11', promiseIds: [99] };
    const res = await worker.post('/api/v1/forum-sessions', {
      forumId: 'nope',
      heldOn: '2026-06-16',
      attendance: 3,
      items: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.forumId',
      'body.heldOn',
      'body.items.2.ageBand',
      'body.items.4.promiseIds',
    ]);
    const empty = await worker.post('/api/v1/forum-sessions', {
      forumId: 'cicc',
      heldOn: '2026-06-12',
      attendance: -1,
      items: [{ text: ' ', ageBand: '8-11' }],
    });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.attendance', 'body.items.0.text']);
    expect(
      (await worker.post('/api/v1/forum-sessions', { forumId: 'cicc', heldOn: '2026-06-12', attendance: 1, items: [] }))
        .statusCode,
    ).toBe(400);
    expect(tally(t)).toEqual(before);
  });

  it('is for participation workers and admins only', async () => {
    expect((await (await t.as('board')).get('/api/v1/forum-sessions')).statusCode).toBe(403);
    expect((await (await t.as('admin')).get('/api/v1/forum-sessions/999')).statusCode).toBe(404);
  });
});

describe('survey sessions', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  const survey = {
    kind: 'survey',
    title: 'Our lives in care survey',
    year: '2025/26',
    heldOn: '2026-05-01',
    respondents: 212,
    ageBands: ['8-11', '11-18'],
    items: [
      { text: 'I would like more time with my social worker', ageBand: '11-18', promiseIds: [2] },
      { text: 'My carers listen to me', ageBand: '8-11' },
    ],
  };

  it('records a survey by its respondents, year and age bands, its items from the survey', async () => {
    const res = await worker.post('/api/v1/forum-sessions', survey);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'survey',
      title: 'Our lives in care survey',
      year: '2025/26',
      respondents: 212,
      attendance: null,
      forumId: null,
      ageBands: ['8-11', '11-18'],
      itemCount: 2,
    });
    expect(body.items[0]).toMatchObject({
      source: 'survey',
      forumId: null,
      forumSessionId: body.id,
      heardOn: '2026-05-01',
    });
    expect((await worker.get(`/api/v1/forum-sessions/${body.id}`)).json()).toMatchObject({
      kind: 'survey',
      respondents: 212,
    });
    expect((await worker.get('/api/v1/forum-sessions?kind=survey')).json()).toMatchObject({
      total: 1,
      items: [{ id: body.id }],
    });
    expect((await worker.get('/api/v1/forum-sessions?kind=forum')).json()).toMatchObject({ total: 0 });
  });

  it('needs attendance for a forum but never for a survey', async () => {
    const before = tally(t);
    const forum = await worker.post('/api/v1/forum-sessions', {
      forumId: 'cicc',
      heldOn: '2026-06-12',
      items: [{ text: 'More trips', ageBand: '8-11' }],
    });
    expect(forum.statusCode).toBe(400);
    expect(forum.json().errors).toEqual([expect.objectContaining({ path: 'body.attendance' })]);
    const withAttendance = await worker.post('/api/v1/forum-sessions', { ...survey, attendance: 12 });
    expect(withAttendance.statusCode).toBe(400);
    expect(withAttendance.json().errors).toEqual([expect.objectContaining({ path: 'body.attendance' })]);
    const forumWithRespondents = await worker.post('/api/v1/forum-sessions', {
      forumId: 'cicc',
      heldOn: '2026-06-12',
      attendance: 5,
      respondents: 5,
      items: [{ text: 'More trips', ageBand: '8-11' }],
    });
    expect(forumWithRespondents.json().errors).toEqual([expect.objectContaining({ path: 'body.respondents' })]);
    expect(tally(t)).toEqual(before);
  });

  it('names each missing survey field, and an item outside the bands the survey asked', async () => {
    const before = tally(t);
    const res = await worker.post('/api/v1/forum-sessions', {
      kind: 'survey',
      heldOn: '2026-05-01',
      items: [{ text: 'A comment', ageBand: '8-11' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.respondents',
      'body.year',
      'body.ageBands',
    ]);
    const outside = await worker.post('/api/v1/forum-sessions', {
      ...survey,
      year: 'last year',
      items: [{ text: 'A comment', ageBand: 'care-leaver' }],
    });
    expect(outside.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.year', 'body.items.0.ageBand']);
    const unknownBand = await worker.post('/api/v1/forum-sessions', {
      ...survey,
      ageBands: ['8-11', '11-18', 'adults'],
    });
    expect(unknownBand.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.ageBands.2']);
    expect(tally(t)).toEqual(before);
  });
});
