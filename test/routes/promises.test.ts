import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, ROLES, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../server/domain/time.js';
import type { Db } from '../../db/client.js';
import type { Role } from '../../server/contracts/index.js';
import {
  boardMeetings,
  commitments,
  commitmentUpdates,
  evidence,
  feedback,
  feedbackPromises,
  measures,
  measureValues,
  promises,
  ragReviews,
  themes,
} from '../../db/schema.js';

// A small hand-built council: two themes, four promises (one archived), and a full card for P1.
type Ids = Record<string, number>;

function seedFixture(db: Db, users: Record<Role, number>): Ids {
  const id = (row: { id: number }) => row.id;
  const theme = (name: string, sortOrder: number) =>
    id(db.insert(themes).values({ name, childName: name, sortOrder }).returning().get());
  const relationships = theme('Relationships', 0);
  const rights = theme('Rights', 1);

  const promise = (values: typeof promises.$inferInsert) => id(db.insert(promises).values(values).returning().get());
  const p1 = promise({
    themeId: rights,
    staffText: 'Make sure every child knows who their social worker is',
    childText: 'You will know who your social worker is',
    audience: 'children_in_care',
    principles: ['E2'],
    ownerId: users.owner,
    sortOrder: 0,
    updatedAt: '2026-01-01T09:00:00.000Z',
  });
  const p2 = promise({
    themeId: relationships,
    staffText: 'Support contact with siblings',
    childText: 'Help you keep in touch with brothers and sisters, if you want to',
    audience: 'both',
    sortOrder: 1,
    updatedAt: '2026-03-01T09:00:00.000Z',
  });
  const p3 = promise({
    themeId: relationships,
    staffText: 'Offer a fresh start after a breakdown',
    childText: 'Give you second chances when things go wrong',
    audience: 'care_leavers',
    sortOrder: 0,
    updatedAt: '2026-02-01T09:00:00.000Z',
  });
  const p4 = promise({
    themeId: relationships,
    staffText: 'An old promise we replaced',
    childText: 'An old promise',
    audience: 'both',
    archived: true,
  });

  const meeting = (meetingDate: string) =>
    id(
      db
        .insert(boardMeetings)
        .values({ meetingDate, title: `Board ${meetingDate}` })
        .returning()
        .get(),
    );
  const m1 = meeting('2026-02-10');
  const m2 = meeting('2026-04-20');
  db.insert(ragReviews)
    .values([
      // Inserted newest first, so the order must come from decidedOn.
      { meetingId: m2, promiseId: p1, rating: 'amber', rationale: 'Cards are being printed', decidedOn: '2026-04-20' },
      { meetingId: m1, promiseId: p1, rating: 'red', rationale: 'Nothing started', decidedOn: '2026-02-10' },
      { meetingId: m2, promiseId: p2, rating: 'green', rationale: 'On track', decidedOn: '2026-04-20' },
    ])
    .run();

  const commitment = (values: Omit<typeof commitments.$inferInsert, 'promiseId'>) =>
    id(
      db
        .insert(commitments)
        .values({ promiseId: p1, ...values })
        .returning()
        .get(),
    );
  const c1 = commitment({
    title: "Give every child a card with their social worker's photo",
    ownerId: users.owner,
    dueDate: '2026-06-14',
    status: 'on_track',
    progress: 40,
  });
  const c2 = commitment({ title: 'Let children see their social worker alone', dueDate: '2026-06-15' });
  const c3 = commitment({ title: 'Ask every child in a survey', dueDate: '2026-03-01', status: 'done', progress: 100 });
  commitment({ title: 'An archived commitment', dueDate: '2026-01-01', status: 'at_risk', archived: true });
  db.insert(commitmentUpdates)
    .values([
      { commitmentId: c1, note: 'Cards printed', status: 'on_track', progress: 40, updatedOn: '2026-06-01' },
      { commitmentId: c1, note: 'Cards designed', status: 'on_track', progress: 20, updatedOn: '2026-05-01' },
    ])
    .run();

  const item = (values: typeof feedback.$inferInsert, promiseIds: number[]) => {
    const fid = id(db.insert(feedback).values(values).returning().get());
    for (const promiseId of promiseIds) db.insert(feedbackPromises).values({ feedbackId: fid, promiseId }).run();
    return fid;
  };
  const f1 = item(
    {
      text: "I didn't know who my social worker was",
      publicText: 'Some of us did not know who our social worker was',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-03-05',
      ageBand: '8-11',
      response: 'did',
      responseText: 'Every child now has a card with their social worker on it',
      respondedOn: '2026-05-01',
      fedBackOn: '2026-05-10',
    },
    [p1],
  );
  const f2 = item(
    { text: 'My social worker keeps changing', source: 'survey', heardOn: '2026-04-10', ageBand: '11-18' },
    [p1],
  );
  const f3 = item(
    {
      text: 'A worry shared in confidence',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-05-20',
      ageBand: '11-18',
      safeguarding: true,
      response: 'doing',
      responseText: 'We are looking into it',
      respondedOn: '2026-05-25',
    },
    [p1],
  );
  item({ text: 'I miss my brother', source: 'forum', heardOn: '2026-05-01', ageBand: '8-11' }, [p2]);

  const measure = (values: typeof measures.$inferInsert) => id(db.insert(measures).values(values).returning().get());
  const knows = measure({
    promiseId: p1,
    name: 'Children who know their social worker',
    unit: 'percent',
    direction: 'higher',
    baseline: 60,
    target: 90,
    source: 'Survey',
    ownerId: users.owner,
  });
  measure({ promiseId: p1, name: 'Retired measure', unit: 'count', direction: 'higher', archived: true });
  db.insert(measureValues)
    .values([
      { measureId: knows, period: '2026-Q1', periodEnd: '2026-03-31', value: 75, base: 40 },
      { measureId: knows, period: '2025-Q4', periodEnd: '2025-12-31', value: 70, base: 38, englandAverage: 72 },
      // Built on 3 children: at or under the threshold of 5, so hidden from all but owner and admin.
      { measureId: knows, period: '2026-Q2', periodEnd: '2026-06-30', value: 100, base: 3 },
    ])
    .run();
  // Owned by nobody: only admins see its small counts.
  const changes = measure({
    promiseId: p1,
    name: 'Children who asked to change worker',
    unit: 'count',
    direction: 'lower',
  });
  db.insert(measureValues)
    .values([
      { measureId: changes, period: '2026-Q1', periodEnd: '2026-03-31', value: 4 },
      { measureId: changes, period: '2025-Q4', periodEnd: '2025-12-31', value: 12 },
    ])
    .run();
  const e1 = id(
    db
      .insert(evidence)
      .values({ promiseId: p1, kind: 'quote', title: 'What a young person said', dated: '2026-04-01' })
      .returning()
      .get(),
  );
  const e2 = id(
    db
      .insert(evidence)
      .values({
        promiseId: p1,
        kind: 'case_study',
        title: 'A story',
        body: 'Told with permission',
        dated: '2026-05-01',
      })
      .returning()
      .get(),
  );
  return { relationships, rights, p1, p2, p3, p4, m1, m2, c1, c2, c3, f1, f2, f3, knows, changes, e1, e2 };
}

let t: TestApp; // read-only fixture
let ids: Ids;
beforeAll(async () => {
  t = await makeTestApp({ seed: (db, users) => (ids = seedFixture(db, users)) });
});
afterAll(() => t.close());

const idsOf = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((x) => x.id);

describe('GET /promises', () => {
  it('lists promises in use by theme order then promise order, with theme, RAG, trend and counts', async () => {
    const viewer = await t.as('viewer');
    const res = await viewer.get('/api/v1/promises');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(idsOf(res)).toEqual([ids.p3, ids.p2, ids.p1]);
    const [p3, p2, p1] = body.items;
    expect(p1).toMatchObject({
      themeId: ids.rights,
      themeName: 'Rights',
      ownerId: t.userIds.owner,
      ownerName: 'Test owner',
      principles: ['E2'],
      rag: { latest: 'amber', decidedOn: '2026-04-20', previous: 'red', trend: 'better' },
      // C1, C2, C3 (C4 is archived); open: C1, C2; overdue: C1 (due 14 June, today is 15 June).
      // Feedback: F1, F2 (F3 is safeguarding, hidden from a viewer). Measures: two not archived.
      counts: { commitments: 3, commitmentsOpen: 2, commitmentsOverdue: 1, feedback: 2, measures: 2 },
    });
    expect(p2).toMatchObject({
      themeName: 'Relationships',
      ownerName: null,
      rag: { latest: 'green', decidedOn: '2026-04-20', previous: null, trend: 'new' },
      counts: { commitments: 0, commitmentsOpen: 0, commitmentsOverdue: 0, feedback: 1, measures: 0 },
    });
    expect(p3.rag).toEqual({ latest: null, decidedOn: null, previous: null, trend: null });
  });

  it('counts safeguarding feedback only for participation workers and admins', async () => {
    const counts: Record<string, number> = {};
    for (const role of ROLES) {
      const res = await (await t.as(role)).get(`/api/v1/promises?themeId=${ids.rights}`);
      counts[role] = res.json().items[0].counts.feedback;
    }
    expect(counts).toEqual({ admin: 3, participation: 3, owner: 2, board: 2, viewer: 2 });
  });

  it('filters by theme, audience, owner, archived and words', async () => {
    const viewer = await t.as('viewer');
    expect(idsOf(await viewer.get(`/api/v1/promises?themeId=${ids.relationships}`))).toEqual([ids.p3, ids.p2]);
    expect(idsOf(await viewer.get('/api/v1/promises?audience=care_leavers'))).toEqual([ids.p3]);
    expect(idsOf(await viewer.get(`/api/v1/promises?ownerId=${t.userIds.owner}`))).toEqual([ids.p1]);
    expect(idsOf(await viewer.get('/api/v1/promises?archived=true'))).toEqual([ids.p4]);
    // Child wording, staff wording, any case.
    expect(idsOf(await viewer.get('/api/v1/promises?q=Brothers'))).toEqual([ids.p2]);
    expect(idsOf(await viewer.get('/api/v1/promises?q=fresh%20start'))).toEqual([ids.p3]);
    expect(idsOf(await viewer.get('/api/v1/promises?q=social%20worker'))).toEqual([ids.p1]);
    // LIKE wildcards are matched literally.
    expect(idsOf(await viewer.get('/api/v1/promises?q=%25'))).toEqual([]);
    expect(idsOf(await viewer.get('/api/v1/promises?q=_'))).toEqual([]);
    expect(idsOf(await viewer.get('/api/v1/promises?audience=both&themeId=' + ids.rights))).toEqual([]);
  });

  it('sorts by when a promise was last changed, and pages', async () => {
    const viewer = await t.as('viewer');
    expect(idsOf(await viewer.get('/api/v1/promises?sort=updatedAt'))).toEqual([ids.p1, ids.p3, ids.p2]);
    expect(idsOf(await viewer.get('/api/v1/promises?sort=-updatedAt'))).toEqual([ids.p2, ids.p3, ids.p1]);
    const first = await viewer.get('/api/v1/promises?pageSize=2');
    expect(first.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(idsOf(first)).toEqual([ids.p3, ids.p2]);
    const second = await viewer.get('/api/v1/promises?pageSize=2&page=2');
    expect(second.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(idsOf(second)).toEqual([ids.p1]);
    expect(idsOf(await viewer.get('/api/v1/promises?pageSize=2&page=3'))).toEqual([]);
  });

  it('rejects bad query values with field problems, and signed-out callers with 401', async () => {
    const viewer = await t.as('viewer');
    const bad = await viewer.get('/api/v1/promises?sort=name&audience=everyone&themeId=x&archived=yes');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        'querystring.sort',
        'querystring.audience',
        'querystring.themeId',
        'querystring.archived',
      ]),
    );
    expect((await t.anon.get('/api/v1/promises')).statusCode).toBe(401);
  });
});

describe('GET /promises/:id/card', () => {
  it('gathers you said, we will, how we will know, we did and the RAG history', async () => {
    const viewer = await t.as('viewer');
    const res = await viewer.get(`/api/v1/promises/${ids.p1}/card`);
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card.promise).toMatchObject({
      id: ids.p1,
      staffText: 'Make sure every child knows who their social worker is',
    });
    expect(card.owner).toEqual({ id: t.userIds.owner, name: 'Test owner' });
    expect(card.theme).toMatchObject({ id: ids.rights, name: 'Rights' });

    // What the page shows of each item: the words, the age band and the date (answers are below).
    // A viewer gets the words not yet approved with identifiers masked (these have none), marked so.
    expect(card.youSaid).toEqual({
      total: 2,
      items: [
        {
          id: ids.f2,
          text: 'My social worker keeps changing',
          wordsShown: 'masked',
          ageBand: '11-18',
          heardOn: '2026-04-10',
          safeguarding: false,
        },
        {
          id: ids.f1,
          text: "I didn't know who my social worker was",
          wordsShown: 'masked',
          ageBand: '8-11',
          heardOn: '2026-03-05',
          safeguarding: false,
        },
      ],
    });

    expect(card.weWill).toEqual([
      {
        id: ids.c3,
        title: 'Ask every child in a survey',
        ownerId: null,
        ownerName: null,
        dueDate: '2026-03-01',
        status: 'done',
        progress: 100,
        overdue: false,
        latestUpdate: null,
      },
      {
        id: ids.c1,
        title: "Give every child a card with their social worker's photo",
        ownerId: t.userIds.owner,
        ownerName: 'Test owner',
        dueDate: '2026-06-14',
        status: 'on_track',
        progress: 40,
        overdue: true,
        latestUpdate: { note: 'Cards printed', updatedOn: '2026-06-01' },
      },
      {
        id: ids.c2,
        title: 'Let children see their social worker alone',
        ownerId: null,
        ownerName: null,
        dueDate: '2026-06-15',
        status: 'not_started',
        progress: 0,
        overdue: false, // due today is not yet overdue
        latestUpdate: null,
      },
    ]);

    expect(card.howWeWillKnow.measures).toEqual([
      {
        id: ids.knows,
        name: 'Children who know their social worker',
        unit: 'percent',
        direction: 'higher',
        baseline: 60,
        target: 90,
        source: 'Survey',
        ownerId: t.userIds.owner,
        councilWide: false,
        promiseId: ids.p1,
        values: [
          {
            period: '2025-Q4',
            periodEnd: '2025-12-31',
            value: 70,
            base: 38,
            suppressed: false,
            englandAverage: 72,
            statNeighbours: null,
          },
          {
            period: '2026-Q1',
            periodEnd: '2026-03-31',
            value: 75,
            base: 40,
            suppressed: false,
            englandAverage: null,
            statNeighbours: null,
          },
          {
            period: '2026-Q2',
            periodEnd: '2026-06-30',
            value: null,
            base: null,
            suppressed: true,
            englandAverage: null,
            statNeighbours: null,
          },
        ],
      },
      {
        id: ids.changes,
        name: 'Children who asked to change worker',
        unit: 'count',
        direction: 'lower',
        baseline: null,
        target: null,
        source: '',
        ownerId: null,
        councilWide: false,
        promiseId: ids.p1,
        values: [
          {
            period: '2025-Q4',
            periodEnd: '2025-12-31',
            value: 12,
            base: null,
            suppressed: false,
            englandAverage: null,
            statNeighbours: null,
          },
          {
            period: '2026-Q1',
            periodEnd: '2026-03-31',
            value: null,
            base: null,
            suppressed: true,
            englandAverage: null,
            statNeighbours: null,
          },
        ],
      },
    ]);
    expect(card.howWeWillKnow.evidence).toEqual([
      { id: ids.e2, kind: 'case_study', title: 'A story', body: 'Told with permission', url: '', dated: '2026-05-01' },
      { id: ids.e1, kind: 'quote', title: 'What a young person said', body: '', url: '', dated: '2026-04-01' },
    ]);

    // Its public words are written but not approved: a viewer is not given them.
    expect(card.weDid).toEqual({
      total: 1,
      items: [
        {
          feedbackId: ids.f1,
          publicText: '',
          response: 'did',
          responseText: 'Every child now has a card with their social worker on it',
          cantReason: '',
        },
      ],
    });
    const forWorker = (await (await t.as('participation')).get(`/api/v1/promises/${ids.p1}/card`)).json();
    expect(forWorker.weDid.items.find((d: { feedbackId: number }) => d.feedbackId === ids.f1).publicText).toBe(
      'Some of us did not know who our social worker was',
    );

    expect(card.rag).toEqual({
      latest: 'amber',
      previous: 'red',
      trend: 'better',
      history: [
        {
          meetingId: ids.m2,
          meetingDate: '2026-04-20',
          meetingTitle: 'Board 2026-04-20',
          rating: 'amber',
          rationale: 'Cards are being printed',
          decidedOn: '2026-04-20',
        },
        {
          meetingId: ids.m1,
          meetingDate: '2026-02-10',
          meetingTitle: 'Board 2026-02-10',
          rating: 'red',
          rationale: 'Nothing started',
          decidedOn: '2026-02-10',
        },
      ],
    });
  });

  it('shows safeguarding-flagged feedback to participation workers and admins only', async () => {
    for (const role of ROLES) {
      const card = (await (await t.as(role)).get(`/api/v1/promises/${ids.p1}/card`)).json();
      const seen = card.youSaid.items.map((f: { id: number }) => f.id);
      const answered = card.weDid.items.map((f: { feedbackId: number }) => f.feedbackId);
      if (role === 'participation' || role === 'admin') {
        expect(card.youSaid.total, role).toBe(3);
        expect(seen, role).toEqual([ids.f3, ids.f2, ids.f1]);
        expect(card.youSaid.items[0].safeguarding).toBe(true);
        // F3 answered on 25 May, F1 on 1 May.
        expect(answered, role).toEqual([ids.f3, ids.f1]);
        expect(card.weDid.total, role).toBe(2);
      } else {
        expect(card.youSaid.total, role).toBe(2);
        expect(seen, role).toEqual([ids.f2, ids.f1]);
        expect(answered, role).toEqual([ids.f1]);
        expect(card.weDid.total, role).toBe(1);
        expect(JSON.stringify(card), role).not.toContain('A worry shared in confidence');
      }
    }
  });

  it('hides small numbers from everyone on the card, owners and admins included (it is not the edit view)', async () => {
    const shown: Record<string, unknown> = {};
    for (const role of ROLES) {
      const card = (await (await t.as(role)).get(`/api/v1/promises/${ids.p1}/card`)).json();
      shown[role] = card.howWeWillKnow.measures.map((m: { values: { value: number | null; base: number | null }[] }) =>
        m.values.map((v) => [v.value, v.base]),
      );
    }
    // Measure 1 (owned by the owner): 2025-Q4, 2026-Q1, 2026-Q2 (base 3). Measure 2 (no owner): 12, then 4.
    const hidden = [
      [
        [70, 38],
        [75, 40],
        [null, null],
      ],
      [
        [12, null],
        [null, null],
      ],
    ];
    expect(shown).toEqual({
      admin: hidden,
      owner: hidden,
      participation: hidden,
      board: hidden,
      viewer: hidden,
    });
  });

  it('has empty sections and no rating for a promise with nothing linked yet', async () => {
    const card = (await (await t.as('board')).get(`/api/v1/promises/${ids.p3}/card`)).json();
    expect(card).toMatchObject({
      owner: null,
      youSaid: { items: [], total: 0 },
      weWill: [],
      howWeWillKnow: { measures: [], evidence: [] },
      weDid: { items: [], total: 0 },
      rag: { latest: null, previous: null, trend: null, history: [] },
    });
    const p2 = (await (await t.as('board')).get(`/api/v1/promises/${ids.p2}/card`)).json();
    expect(p2.rag).toMatchObject({ latest: 'green', previous: null, trend: 'new' });
  });

  it('answers 404 for an unknown promise and 401 when signed out', async () => {
    expect((await (await t.as('viewer')).get('/api/v1/promises/99999/card')).statusCode).toBe(404);
    expect((await t.anon.get(`/api/v1/promises/${ids.p1}/card`)).statusCode).toBe(401);
  });

  it("works out overdue from today's date in the council's time zone", async () => {
    // 23:30 UTC on 15 June is 00:30 on 16 June in London (BST), so C2, due 15 June, is overdue.
    let late: Ids = {};
    const t2 = await makeTestApp({
      clock: fixedClock('2026-06-15T23:30:00Z'),
      seed: (db, users) => (late = seedFixture(db, users)),
    });
    try {
      const card = (await (await t2.as('viewer')).get(`/api/v1/promises/${late.p1}/card`)).json();
      const overdue = Object.fromEntries(card.weWill.map((c: { id: number; overdue: boolean }) => [c.id, c.overdue]));
      expect(overdue).toEqual({ [late.c1!]: true, [late.c2!]: true, [late.c3!]: false });
      const list = (await (await t2.as('viewer')).get(`/api/v1/promises?themeId=${late.rights}`)).json();
      expect(list.items[0].counts.commitmentsOverdue).toBe(2);
    } finally {
      await t2.close();
    }
  });

  it('shows the newest 50 of each list and counts them all, flagged items for their roles only', async () => {
    let p = 0;
    const t3 = await makeTestApp({
      seed: (db) => {
        const theme = db.insert(themes).values({ name: 'Rights', childName: 'Rights' }).returning().get().id;
        p = db
          .insert(promises)
          .values({ themeId: theme, staffText: 'Busy', childText: 'Busy', audience: 'both' })
          .returning()
          .get().id;
        // 60 items heard on 1 to 60 January 2026 (day n is item n); every third answered on the
        // day after; items 59 and 60 safeguarding-flagged, and 60 answered.
        for (let n = 1; n <= 60; n++) {
          const heardOn = new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);
          const answered = n % 3 === 0;
          const fid = db
            .insert(feedback)
            .values({
              text: `Item ${n}`,
              source: 'forum',
              heardOn,
              ageBand: '11-18',
              safeguarding: n >= 59,
              ...(answered
                ? {
                    response: 'did' as const,
                    responseText: `Answer ${n}`,
                    respondedOn: new Date(Date.UTC(2026, 0, n + 1)).toISOString().slice(0, 10),
                  }
                : {}),
            })
            .returning()
            .get().id;
          db.insert(feedbackPromises).values({ feedbackId: fid, promiseId: p }).run();
        }
      },
    });
    try {
      const texts = (items: { text?: string; responseText?: string }[]) => items.map((i) => i.text ?? i.responseText);
      const worker = (await (await t3.as('participation')).get(`/api/v1/promises/${p}/card`)).json();
      expect(worker.youSaid.total).toBe(60);
      expect(worker.youSaid.items).toHaveLength(50);
      expect(texts(worker.youSaid.items).slice(0, 2)).toEqual(['Item 60', 'Item 59']);
      expect(texts(worker.youSaid.items).at(-1)).toBe('Item 11');
      // Answered: 3, 6, ... 60 = 20 items, newest answer first.
      expect(worker.weDid.total).toBe(20);
      expect(texts(worker.weDid.items).slice(0, 2)).toEqual(['Answer 60', 'Answer 57']);

      const board = (await (await t3.as('board')).get(`/api/v1/promises/${p}/card`)).json();
      expect(board.youSaid.total).toBe(58);
      expect(board.youSaid.items).toHaveLength(50);
      expect(texts(board.youSaid.items).slice(0, 1)).toEqual(['Item 58']);
      expect(texts(board.youSaid.items).at(-1)).toBe('Item 9');
      expect(board.weDid.total).toBe(19);
      expect(texts(board.weDid.items).slice(0, 1)).toEqual(['Answer 57']);
    } finally {
      await t3.close();
    }
  });
});

describe('changing promises', () => {
  let c: TestApp;
  let themeId: number;
  beforeAll(async () => {
    c = await makeTestApp({
      seed: (db) => {
        themeId = db.insert(themes).values({ name: 'Future', childName: 'Your future' }).returning().get().id;
      },
    });
  });
  afterAll(() => c.close());

  const valid = () => ({
    themeId,
    staffText: 'Help care leavers into work or training',
    childText: 'Help you find a home, training or a job when you leave care',
    audience: 'care_leavers',
  });

  it('creates a promise with defaults, reads it and lists it', async () => {
    const admin = await c.as('admin');
    const created = await admin.post('/api/v1/promises', valid());
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      ...valid(),
      staffTextCy: '',
      childTextCy: '',
      principles: [],
      ownerId: null,
      linkChampion: '',
      strategyPeriod: '',
      sortOrder: 0,
      archived: false,
      version: 1,
    });
    // The next promise in the theme goes after it; Welsh wording and principles are kept.
    const second = await admin.post('/api/v1/promises', {
      ...valid(),
      staffText: 'Keep in touch after 18',
      childTextCy: 'Cadw mewn cysylltiad',
      principles: ['E7', 'E5', 'E7'],
      ownerId: c.userIds.owner,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      sortOrder: 1,
      childTextCy: 'Cadw mewn cysylltiad',
      principles: ['E7', 'E5'],
      ownerId: c.userIds.owner,
    });

    const read = await (await c.as('viewer')).get(`/api/v1/promises/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(p);
    const list = await (await c.as('viewer')).get('/api/v1/promises');
    expect(idsOf(list)).toEqual([p.id, second.json().id]);
  });

  it('updates only the fields sent, bumps the version and answers a stale version with 409', async () => {
    const admin = await c.as('admin');
    const p = (await admin.post('/api/v1/promises', { ...valid(), staffTextCy: 'Helpu', principles: ['E7'] })).json();
    const updated = await admin.patch(`/api/v1/promises/${p.id}`, { version: 1, childText: 'A job you enjoy' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      childText: 'A job you enjoy',
      staffText: p.staffText,
      staffTextCy: 'Helpu',
      principles: ['E7'],
      version: 2,
    });
    const cleared = await admin.patch(`/api/v1/promises/${p.id}`, { version: 2, ownerId: null, principles: [] });
    expect(cleared.json()).toMatchObject({ ownerId: null, principles: [], version: 3 });

    const stale = await admin.patch(`/api/v1/promises/${p.id}`, { version: 1, childText: 'Something else' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ id: p.id, childText: 'A job you enjoy', version: 3 });
  });

  it('archives on DELETE, hides archived promises from the default list, and records the history', async () => {
    const admin = await c.as('admin');
    const p = (await admin.post('/api/v1/promises', { ...valid(), staffText: 'To be archived' })).json();
    await admin.patch(`/api/v1/promises/${p.id}`, { version: 1, linkChampion: 'Cllr Jones' });
    const archived = await admin.del(`/api/v1/promises/${p.id}`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ id: p.id, archived: true, version: 3 });
    // Archiving twice changes nothing.
    expect((await admin.del(`/api/v1/promises/${p.id}`)).json()).toMatchObject({ archived: true, version: 3 });

    const viewer = await c.as('viewer');
    expect(idsOf(await viewer.get('/api/v1/promises'))).not.toContain(p.id);
    expect(idsOf(await viewer.get('/api/v1/promises?archived=true'))).toContain(p.id);
    expect((await viewer.get(`/api/v1/promises/${p.id}`)).json()).toMatchObject({ archived: true });

    const history = await viewer.get(`/api/v1/promises/${p.id}/history`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items;
    expect(items.map((e: { action: string }) => e.action)).toEqual(['archive', 'update', 'create']);
    // Staff email addresses are for admins: a viewer reads who did it by name.
    expect(items[0]).toMatchObject({
      userEmail: '',
      userName: 'Test admin',
      before: { archived: false },
      after: { archived: true },
    });
    expect(items[1]).toMatchObject({ before: { linkChampion: '' }, after: { linkChampion: 'Cllr Jones' } });
    expect(items[2]).toMatchObject({ before: null, after: { id: p.id, staffText: 'To be archived' } });

    // It can be brought back with PATCH.
    const restored = await admin.patch(`/api/v1/promises/${p.id}`, { version: 3, archived: false });
    expect(restored.json()).toMatchObject({ archived: false, version: 4 });
  });

  it('answers 404 for unknown promises on every route', async () => {
    const admin = await c.as('admin');
    expect((await admin.get('/api/v1/promises/99999')).statusCode).toBe(404);
    expect((await admin.patch('/api/v1/promises/99999', { version: 1, childText: 'x' })).statusCode).toBe(404);
    expect((await admin.del('/api/v1/promises/99999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/promises/99999/history')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/promises/abc')).statusCode).toBe(400);
  });

  it('lets only admins change promises', async () => {
    for (const role of ['participation', 'owner', 'board', 'viewer'] as const) {
      const client = await c.as(role);
      expect((await client.post('/api/v1/promises', valid())).statusCode, role).toBe(403);
    }
    const p = (await (await c.as('admin')).post('/api/v1/promises', valid())).json();
    const owner = await c.as('owner');
    expect((await owner.patch(`/api/v1/promises/${p.id}`, { version: 1, childText: 'x' })).statusCode).toBe(403);
    expect((await owner.del(`/api/v1/promises/${p.id}`)).statusCode).toBe(403);
    expect((await c.anon.post('/api/v1/promises', valid())).statusCode).toBe(401);
  });

  it('reports missing and malformed fields against the right field', async () => {
    const admin = await c.as('admin');
    const empty = await admin.post('/api/v1/promises', {});
    expect(empty.statusCode).toBe(400);
    // Audience is not among them: it defaults to both.
    expect(
      empty
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.childText', 'body.staffText', 'body.themeId']);
    expect(empty.json().errors.find((e: { path: string }) => e.path === 'body.themeId').message).toBe('Choose a theme');
    const blank = await admin.post('/api/v1/promises', { ...valid(), staffText: '   ', childText: '' });
    expect(blank.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.staffText', 'body.childText']),
    );
    const wrong = await admin.post('/api/v1/promises', {
      ...valid(),
      audience: 'everyone',
      sortOrder: -1,
      ownerId: 'me',
    });
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.audience', 'body.sortOrder', 'body.ownerId']),
    );
    const noVersion = await admin.patch('/api/v1/promises/1', { childText: 'x' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors.map((e: { path: string }) => e.path)).toContain('body.version');
  });

  it('checks the theme, the principles and the owner exist', async () => {
    const admin = await c.as('admin');
    const each = async (extra: object) => {
      const res = await admin.post('/api/v1/promises', { ...valid(), ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors.map((e: { path: string }) => e.path);
    };
    expect(await each({ themeId: 99999 })).toEqual(['body.themeId']);
    expect(await each({ principles: ['E1', 'W1'] })).toEqual(['body.principles']);
    expect(await each({ ownerId: 99999 })).toEqual(['body.ownerId']);
    expect(await each({ themeId: 99999, principles: ['X9'], ownerId: 99999 })).toEqual([
      'body.themeId',
      'body.principles',
      'body.ownerId',
    ]);

    const p = (await admin.post('/api/v1/promises', valid())).json();
    const badPatch = await admin.patch(`/api/v1/promises/${p.id}`, { version: 1, themeId: 99999, ownerId: 99999 });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.themeId', 'body.ownerId']);
    // Nothing was changed.
    expect((await admin.get(`/api/v1/promises/${p.id}`)).json()).toMatchObject({ themeId, version: 1 });
  });

  it("takes principle codes from the council's nation", async () => {
    const admin = await c.as('admin');
    const settings = (await admin.get('/api/v1/settings')).json();
    expect((await admin.put('/api/v1/settings', { version: settings.version, nation: 'wales' })).statusCode).toBe(200);
    try {
      const welsh = await admin.post('/api/v1/promises', { ...valid(), principles: ['W4', 'W7'] });
      expect(welsh.statusCode).toBe(201);
      expect(welsh.json().principles).toEqual(['W4', 'W7']);
      const english = await admin.post('/api/v1/promises', { ...valid(), principles: ['E7'] });
      expect(english.statusCode).toBe(400);
      expect(english.json().errors).toEqual([{ path: 'body.principles', message: expect.stringContaining('E7') }]);
    } finally {
      const now = (await admin.get('/api/v1/settings')).json();
      await admin.put('/api/v1/settings', { version: now.version, nation: 'england' });
    }
  });
});
