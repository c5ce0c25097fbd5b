import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { auditLog, commitments, feedback, forumSessions, promises, settings, themes } from '../../db/schema.js';

// Themes 1 and 2; promises 1, 2 (theme 1) and 3 (theme 2, owned by the owner user);
// commitment 1 under promise 1. The council watches for 'Beech House'.
function seed(db: Db, users: Record<string, number>) {
  db.update(settings)
    .set({ watchWords: ['Beech House'] })
    .run();
  db.insert(themes)
    .values([
      { name: 'Relationships', childName: 'People who matter to you' },
      { name: 'Future', childName: 'Your future' },
    ])
    .run();
  db.insert(promises)
    .values([
      { themeId: 1, staffText: 'Keep in touch with family', childText: 'See your family', audience: 'both' },
      { themeId: 1, staffText: 'Know your social worker', childText: 'Know who helps you', audience: 'both' },
      {
        themeId: 2,
        staffText: 'Help care leavers find a home',
        childText: 'A home',
        audience: 'care_leavers',
        ownerId: users.owner,
      },
    ])
    .run();
  db.insert(commitments)
    .values({ promiseId: 1, title: 'Family time plan', childTitle: 'A plan to see your family', dueDate: '2026-09-01' })
    .run();
  // The children in care council met on 1 June.
  db.insert(forumSessions).values({ forumId: 'cicc', heldOn: '2026-06-01', attendance: 9 }).run();
}

const auditActions = (t: TestApp, id: number) =>
  t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'feedback'), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id)
    .all()
    .map((a) => a.action);

const feedbackCount = (t: TestApp) => t.db.select({ n: count() }).from(feedback).get()!.n;

describe('loop measures, waiting list and the "You said, we did" sheet', () => {
  let t: TestApp;
  let worker: Client;
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number> = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 };

  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
    const make = async (body: Record<string, unknown>) => {
      const res = await worker.post('/api/v1/feedback', { ageBand: '8-11', ...body });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: number; version: number };
    };
    const answer = async (item: { id: number; version: number }, patch: Record<string, unknown>) => {
      const res = await worker.patch(`/api/v1/feedback/${item.id}`, { version: item.version, ...patch });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: number; version: number };
    };
    // A: cicc, answered in 10 days, fed back in 20, linked to commitment 1, themes 1 and 2.
    let a = await make({
      text: 'I want to see my brother more',
      publicText: 'More time with my brother',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-04-01',
      promiseIds: [1, 3],
    });
    a = await answer(a, {
      response: 'did',
      responseText: 'Every child now has a family time plan',
      respondedOn: '2026-04-11',
      fedBackOn: '2026-04-21',
    });
    expect((await worker.put(`/api/v1/feedback/${a.id}/commitments/1`)).statusCode).toBe(200);
    ids.A = a.id;
    // B: cicc, answered late (40 days), not fed back, theme 2 (promise 3).
    const b = await make({
      text: 'Help finding a flat',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-04-10',
      promiseIds: [3],
    });
    ids.B = (
      await answer(b, { response: 'doing', responseText: 'We are talking to housing', respondedOn: '2026-05-20' })
    ).id;
    // C: care leavers, unanswered for 45 days. D: survey, 5 days. F: survey in Q1, answered in 10.
    ids.C = (await make({ text: 'Bus passes', source: 'forum', forumId: 'care-leavers', heardOn: '2026-05-01' })).id;
    ids.D = (await make({ text: 'Wifi', source: 'survey', heardOn: '2026-06-10' })).id;
    const f = await make({ text: 'Pocket money', source: 'survey', heardOn: '2026-03-20' });
    ids.F = (await answer(f, { response: 'cant', cantReason: 'It is set by law', respondedOn: '2026-03-30' })).id;
    // E: cicc, 41 days, safeguarding-flagged: only workers count it.
    ids.E = (
      await make({ text: 'Something happened at home', source: 'forum', forumId: 'cicc', heardOn: '2026-05-05' })
    ).id;
    const flag = await worker.post(`/api/v1/feedback/${ids.E}/safeguarding`, {
      toldWhom: 'Duty social worker',
      toldAt: '2026-06-15T10:00:00Z',
    });
    expect(flag.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const row = (over: Record<string, unknown>) => ({
    answered: 0,
    answeredWithinTarget: 0,
    shareWithinTarget: null,
    medianDaysToAnswer: null,
    medianDaysToFeedBack: null,
    linkedToCommitment: 0,
    shareLinkedToCommitment: 0,
    neverAnswered: 0,
    waitingWithinTarget: 0,
    ...over,
  });

  it('measures the loop per forum against hand-computed figures, without flagged items for the board', async () => {
    const res = await (await t.as('board')).get('/api/v1/feedback/loop-measures?by=forum');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.answerTargetDays).toBe(28);
    expect(body.rows).toEqual([
      row({ key: 'care-leavers', label: "Care leavers' forum", items: 1, shareWithinTarget: 0, neverAnswered: 1 }),
      row({
        key: 'cicc',
        label: 'Children in care council',
        items: 2,
        answered: 2,
        answeredWithinTarget: 1,
        shareWithinTarget: 0.5,
        medianDaysToAnswer: 25,
        medianDaysToFeedBack: 20,
        linkedToCommitment: 1,
        shareLinkedToCommitment: 0.5,
      }),
      row({
        key: '',
        label: 'Not from a forum',
        items: 2,
        answered: 1,
        answeredWithinTarget: 1,
        shareWithinTarget: 1,
        medianDaysToAnswer: 10,
        waitingWithinTarget: 1,
      }),
    ]);
    // 5 items; answered 10, 40, 10 days; C waits past target: 2 in time of 4 decided.
    expect(body.total).toEqual(
      row({
        key: 'all',
        label: 'All feedback',
        items: 5,
        answered: 3,
        answeredWithinTarget: 2,
        shareWithinTarget: 0.5,
        medianDaysToAnswer: 10,
        medianDaysToFeedBack: 20,
        linkedToCommitment: 1,
        shareLinkedToCommitment: 0.2,
        neverAnswered: 1,
        waitingWithinTarget: 1,
      }),
    );
  });

  it('counts the flagged item for participation workers', async () => {
    const body = (await worker.get('/api/v1/feedback/loop-measures?by=forum')).json();
    const cicc = body.rows.find((r: { key: string }) => r.key === 'cicc');
    expect(cicc).toMatchObject({ items: 3, shareWithinTarget: 0.333, neverAnswered: 1 });
    expect(cicc.shareLinkedToCommitment).toBeCloseTo(1 / 3);
    expect(body.total.items).toBe(6);
  });

  it('measures per theme (an item under two themes counts in both) and per quarter', async () => {
    const board = await t.as('board');
    const themesBody = (await board.get('/api/v1/feedback/loop-measures?by=theme')).json();
    expect(
      themesBody.rows.map((r: { key: string; label: string; items: number; shareWithinTarget: number }) => [
        r.key,
        r.label,
        r.items,
        r.shareWithinTarget,
      ]),
    ).toEqual([
      ['1', 'Relationships', 1, 1],
      ['2', 'Future', 2, 0.5],
      ['', 'Not linked to a promise', 3, 0.5],
    ]);
    const quarters = (await board.get('/api/v1/feedback/loop-measures?by=quarter')).json();
    expect(quarters.rows).toEqual([
      row({
        key: '2026-Q1',
        label: '2026-Q1',
        items: 1,
        answered: 1,
        answeredWithinTarget: 1,
        shareWithinTarget: 1,
        medianDaysToAnswer: 10,
      }),
      row({
        key: '2026-Q2',
        label: '2026-Q2',
        items: 4,
        answered: 2,
        answeredWithinTarget: 1,
        shareWithinTarget: 0.333, // 1 of 3, to a tenth of a percent
        medianDaysToAnswer: 25,
        medianDaysToFeedBack: 20,
        linkedToCommitment: 1,
        shareLinkedToCommitment: 0.25,
        neverAnswered: 1,
        waitingWithinTarget: 1,
      }),
    ]);
    const april = (
      await board.get('/api/v1/feedback/loop-measures?by=quarter&heardFrom=2026-04-01&heardTo=2026-04-30')
    ).json();
    expect(april.total.items).toBe(2);
    expect((await board.get('/api/v1/feedback/loop-measures?by=week')).statusCode).toBe(400);
  });

  it('lists what is waiting, oldest first, with days waited against the target', async () => {
    const res = await worker.get('/api/v1/feedback/waiting');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(5);
    expect(
      body.items.map((w: { item: { id: number }; stage: string; daysWaiting: number; overTarget: boolean }) => [
        w.item.id,
        w.stage,
        w.daysWaiting,
        w.overTarget,
      ]),
    ).toEqual([
      // F has no forum, so no meeting it should have been fed back at has passed.
      [ids.F, 'not_fed_back', 87, false],
      [ids.B, 'not_fed_back', 66, true],
      [ids.C, 'unanswered', 45, true],
      [ids.E, 'unanswered', 41, true],
      [ids.D, 'unanswered', 5, false],
    ]);
    // B was answered on 20 May; the forum met on 1 June and it was not fed back.
    expect(body.items[1]).toMatchObject({ nextForumOn: '2026-06-01', targetDays: null });
    expect(body.items[2]).toMatchObject({ targetDays: 28, nextForumOn: null });
  });

  it('filters the waiting list by forum, theme, promise, owner and stage', async () => {
    const idsOf = async (q: string) =>
      (await worker.get(`/api/v1/feedback/waiting?${q}`)).json().items.map((w: { item: { id: number } }) => w.item.id);
    expect(await idsOf('forumId=cicc')).toEqual([ids.B, ids.E]);
    expect(await idsOf('themeId=2')).toEqual([ids.B]);
    expect(await idsOf('promiseId=3')).toEqual([ids.B]);
    expect(await idsOf(`ownerId=${t.userIds.owner}`)).toEqual([ids.B]);
    expect(await idsOf('stage=unanswered')).toEqual([ids.C, ids.E, ids.D]);
    expect(await idsOf('stage=not_fed_back&pageSize=1&page=2')).toEqual([ids.B]);
  });

  it('makes the "You said, we did" sheet from answers since the forum last met, in public words only', async () => {
    // Only approved words and answers are printed for the children: approve A's.
    const sheetOf = async () =>
      (await worker.get('/api/v1/feedback/you-said-we-did?forumId=cicc&since=2026-04-01')).json();
    await expect(sheetOf()).resolves.toMatchObject({ items: [], missingPublicText: 2 });
    const a = (await worker.get(`/api/v1/feedback/${ids.A}`)).json();
    expect((await worker.post(`/api/v1/feedback/${ids.A}/approve`, { version: a.version })).statusCode).toBe(200);
    const sinceLast = (await worker.get('/api/v1/feedback/you-said-we-did?forumId=cicc')).json();
    expect(sinceLast).toMatchObject({ since: '2026-06-01', items: [], missingPublicText: 0, today: '2026-06-15' });
    const res = await worker.get('/api/v1/feedback/you-said-we-did?forumId=cicc&since=2026-04-01');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      forumId: 'cicc',
      forumName: 'Children in care council',
      lang: 'en',
      useWelsh: false,
      councilName: 'Test Borough Council',
      timeZone: 'Europe/London',
      since: '2026-04-01',
      today: '2026-06-15',
      items: [
        {
          id: ids.A,
          youSaid: 'More time with my brother',
          who: 'age 8-11',
          response: 'did',
          weDid: 'Every child now has a family time plan',
          cantReason: '',
          respondedOn: '2026-04-11',
          commitments: ['A plan to see your family'],
          welshMissing: false,
        },
      ],
      // B was answered but has no public words yet.
      missingPublicText: 1,
    });
    expect((await worker.get('/api/v1/feedback/you-said-we-did?forumId=nope')).statusCode).toBe(404);
  });
});

describe('moderation: the identifier check, approval and withdrawal', () => {
  let t: TestApp;
  let worker: Client;
  const create = async (publicText: string) => {
    const res = await worker.post('/api/v1/feedback', {
      text: 'original words',
      publicText,
      source: 'survey',
      heardOn: '2026-06-01',
      ageBand: '8-11',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; version: number };
  };

  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  it('shows findings, including the council’s watch words, and blocks approval until resolved', async () => {
    const item = await create('I hate living at Beech House, call me on 07700 900123');
    const found = (await worker.get(`/api/v1/feedback/${item.id}/findings`)).json();
    expect(found.blocked).toBe(true);
    expect(found.findings.map((f: { kind: string; text: string }) => [f.kind, f.text])).toEqual([
      ['watch-word', 'Beech House'],
      ['phone', '07700 900123'],
    ]);
    const refused = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: item.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.publicText']);
    // A phone number can never be approved by giving a reason: it must be edited out.
    expect(found.findings.map((f: { hard: boolean }) => f.hard)).toEqual([false, true]);
    const reasoned = await worker.post(`/api/v1/feedback/${item.id}/approve`, {
      version: item.version,
      safeReason: 'she said ok',
    });
    expect(reasoned.statusCode).toBe(400);
    expect(reasoned.json().errors[0]).toMatchObject({ path: 'body.publicText' });
    expect(reasoned.json().errors[0].message).toContain('07700 900123');
    const after = (await worker.get(`/api/v1/feedback/${item.id}`)).json();
    expect(after).toMatchObject({ publishState: 'draft', livePublicText: '', version: item.version });
    expect(auditActions(t, item.id)).toEqual(['create']);
  });

  it('approves once the worker edits the words, as a separate audited act', async () => {
    const item = await create('Jayden at Oakwood Primary said the food is bad');
    const edited = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: item.version,
      publicText: 'Someone said the school food is bad',
    });
    expect(edited.statusCode).toBe(200);
    expect((await worker.get(`/api/v1/feedback/${item.id}/findings`)).json()).toMatchObject({
      findings: [],
      blocked: false,
    });
    const ok = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: edited.json().version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      publishState: 'approved',
      approvedById: t.userIds.participation,
      approvedAt: '2026-06-15T12:00:00.000Z',
      text: 'original words',
    });
    expect(auditActions(t, item.id)).toEqual(['create', 'update', 'approve']);
  });

  it('approves a finding judged safe only when a second person confirms; new words start again', async () => {
    const item = await create('Jayden at Oakwood Primary said the food is bad');
    const reason = 'Jayden is a made-up name the group chose';
    const first = await worker.post(`/api/v1/feedback/${item.id}/approve`, {
      version: item.version,
      safeReason: reason,
    });
    expect(first.statusCode).toBe(200);
    // Approved once: nothing is public until a second participation worker or admin confirms.
    expect(first.json()).toMatchObject({ publishState: 'draft', livePublicText: '' });
    const waiting = (await worker.get(`/api/v1/feedback/${item.id}/findings`)).json();
    expect(waiting.review).toMatchObject({ state: 'awaiting_second', reason, firstById: t.userIds.participation });
    const self = await worker.post(`/api/v1/feedback/${item.id}/confirm`);
    expect(self.statusCode).toBe(400);
    const admin = await t.as('admin');
    const confirmed = await admin.post(`/api/v1/feedback/${item.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      publishState: 'approved',
      safeReason: reason,
      approvedById: t.userIds.participation,
      livePublicText: 'Jayden at Oakwood Primary said the food is bad',
    });
    expect(auditActions(t, item.id)).toEqual(['create', 'approve_first', 'confirm']);
    // New words are a new draft: the confirmed ones stay live, and the new ones start again.
    const changed = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: confirmed.json().version,
      publicText: 'Jayden at Oakwood Primary said the food is awful',
    });
    expect(changed.json()).toMatchObject({
      publishState: 'approved',
      livePublicText: 'Jayden at Oakwood Primary said the food is bad',
    });
    expect((await worker.get(`/api/v1/feedback/${item.id}/findings`)).json().review).toMatchObject({
      state: 'to_check',
      reason: '',
    });
    // Approved again with a reason, then edited before the second person looked: nothing to confirm.
    await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: changed.json().version, safeReason: reason });
    await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: changed.json().version,
      publicText: 'Jayden said the food is awful',
    });
    expect((await admin.post(`/api/v1/feedback/${item.id}/confirm`)).statusCode).toBe(409);
  });

  it('refuses empty public words, stale versions and safeguarding items for good', async () => {
    const empty = await create('');
    const r1 = await worker.post(`/api/v1/feedback/${empty.id}/approve`, { version: empty.version });
    expect(r1.json().errors[0].path).toBe('body.publicText');
    const clean = await create('More trips at half term please');
    const stale = await worker.post(`/api/v1/feedback/${clean.id}/approve`, { version: clean.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe(clean.id);
    await worker.post(`/api/v1/feedback/${clean.id}/safeguarding`, {
      toldWhom: 'Team manager',
      toldAt: '2026-06-15T09:00:00Z',
    });
    const current = (await worker.get(`/api/v1/feedback/${clean.id}`)).json();
    const flagged = await worker.post(`/api/v1/feedback/${clean.id}/approve`, {
      version: current.version,
      safeReason: 'It is fine',
    });
    expect(flagged.statusCode).toBe(400);
    expect(flagged.json().errors[0].path).toBe('body.safeguarding');
    // Other roles cannot see the flagged item at all, nor its findings.
    expect((await (await t.as('board')).get(`/api/v1/feedback/${clean.id}`)).statusCode).toBe(404);
    expect((await (await t.as('admin')).get(`/api/v1/feedback/${clean.id}/findings`)).statusCode).toBe(200);
  });

  it('withdraws at any time without a version, audited, and can be approved again', async () => {
    const item = await create('More trips at half term please');
    const approved = (await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: item.version })).json();
    const res = await worker.post(`/api/v1/feedback/${item.id}/withdraw`, { reason: 'The child asked' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ publishState: 'withheld', approvedById: null, approvedAt: null });
    expect(res.json().version).toBe(approved.version + 1);
    expect(auditActions(t, item.id)).toEqual(['create', 'approve', 'withdraw']);
    const again = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: res.json().version });
    expect(again.json().publishState).toBe('approved');
    expect((await worker.post('/api/v1/feedback/99999/withdraw', {})).statusCode).toBe(404);
  });
});

describe('survey import and export', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  const bad = [
    'Comment,Date,Age,Promises',
    'More trips please,2026-05-01,8-11,1',
    ',2026-05-01,8-11,',
    'Wifi is bad,2026-13-01,8-11,',
    'Too old,2026-05-01,adult,',
    'Unknown promise,2026-05-01,11-18,1;99',
    'Tomorrow,2026-06-16,11-18,',
  ].join('\n');
  const mapping = { text: 'Comment', heardOn: 'Date', ageBand: 'Age', promiseIds: 'Promises' };

  it('previews every problem by row and column, changing nothing', async () => {
    const res = await worker.post('/api/v1/feedback/import', { csv: bad, mapping, dryRun: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rowCount).toBe(6);
    expect(body.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, 'Comment'],
      [4, 'Date'],
      [5, 'Age'],
      [6, 'Promises'],
      [7, 'Date'],
    ]);
    expect(body.preview).toEqual([
      {
        row: 2,
        text: 'More trips please',
        heardOn: '2026-05-01',
        ageBand: '8-11',
        source: 'survey',
        forumId: null,
        promiseIds: [1],
      },
    ]);
    expect(feedbackCount(t)).toBe(0);
  });

  it('imports nothing from a file with any problem', async () => {
    const res = await worker.post('/api/v1/feedback/import', { csv: bad, mapping, dryRun: false });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors).toHaveLength(5);
    expect(res.json().errors[0].message).toBe('Row 3, Comment: This cell is empty');
    expect(feedbackCount(t)).toBe(0);
  });

  it('imports a good file in one go, with defaults for unmapped columns, in one audit entry', async () => {
    const csv = 'Comment,Promises\n"More trips, please",1;2\nBetter wifi,\n';
    const res = await worker.post('/api/v1/feedback/import', {
      csv,
      mapping: { text: 'Comment', promiseIds: 'Promises' },
      defaults: { heardOn: '2026-05-20', ageBand: '11-18', source: 'survey' },
      dryRun: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: 2, problems: [] });
    const list = (await worker.get('/api/v1/feedback?sort=heardOn')).json();
    expect(
      list.items.map((i: { text: string; promiseIds: number[]; heardOn: string; loggedById: number }) => [
        i.text,
        i.promiseIds,
        i.heardOn,
        i.loggedById,
      ]),
    ).toEqual([
      ['More trips, please', [1, 2], '2026-05-20', t.userIds.participation],
      ['Better wifi', [], '2026-05-20', t.userIds.participation],
    ]);
    expect(list.unlinkedCount).toBe(1);
    // One audit entry for the file, by the worker, naming the items it made.
    const imports = t.db.select().from(auditLog).where(eq(auditLog.action, 'import')).all();
    const ids = list.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      entity: 'feedback',
      entityId: `${ids[0]}-${ids[1]}`,
      userId: t.userIds.participation,
      before: null,
      after: { items: 2, firstRecord: ids[0], lastRecord: ids[1] },
    });
    // Each item's history shows that entry as its own: the item exactly as it reads back.
    for (const id of ids) {
      const res = await worker.get(`/api/v1/history/feedback/${id}`);
      const history = res.json();
      const item = (await worker.get(`/api/v1/feedback/${id}`)).json();
      expect(history.total).toBe(1);
      expect(history.items[0]).toMatchObject({
        id: imports[0]!.id,
        action: 'import',
        entityId: String(id),
        before: null,
      });
      // (The read also says which words it holds, and what the check finds in them now.)
      const { identifierKinds: _kinds, ...read } = item;
      expect({ ...history.items[0].after, wordsShown: 'original' }).toEqual(read);
    }
  });

  it('names a promise that does not exist on every row that uses it, checking the whole file', async () => {
    const csv = 'Comment,Promises\nFirst,2;98\nSecond,1\nThird,98;99\n';
    const res = await worker.post('/api/v1/feedback/import', {
      csv,
      mapping: { text: 'Comment', promiseIds: 'Promises' },
      defaults: { heardOn: '2026-05-20', ageBand: '11-18' },
      dryRun: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().problems).toEqual([
      { row: 2, column: 'Promises', message: 'No promise has number 98' },
      { row: 4, column: 'Promises', message: 'No promise has number 98, 99' },
    ]);
  });

  it('exports in the import’s format (not flagged items), and the export imports cleanly', async () => {
    const res = await worker.get('/api/v1/feedback/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    // A byte-order mark first, so Excel reads the file as UTF-8.
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'heard_on,source,forum,age_band,text,public_text,promise_ids,response,response_text,cant_reason,responded_on,fed_back_on,' +
        'source_words,forum_name,age_band_label,promise_words,approved_for_kiosk,answer_words',
    );
    expect(lines).toHaveLength(3);
    // Beside each id, its words: the age band's label, the promises' words, whether the kiosk may show it.
    expect(lines[1]).toMatch(
      /^2026-05-20,survey,,11-18,"More trips, please",,1;2,,,,,,Survey,,[^,]+,[^,]+; [^,]+,No,$/,
    );
    const again = await worker.post('/api/v1/feedback/import', { csv: res.body, dryRun: true });
    expect(again.json()).toMatchObject({ problems: [], rowCount: 2 });
    expect(again.json().mapping).toMatchObject({ text: 'text', heardOn: 'heard_on', ageBand: 'age_band' });
  });

  it('refuses unknown defaults and bad bodies as problems', async () => {
    const res = await worker.post('/api/v1/feedback/import', { csv: 'a\n1', defaults: { ageBand: 'adult' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.defaults.ageBand');
    expect((await worker.post('/api/v1/feedback/import', { csv: '' })).statusCode).toBe(400);
    const malformed = await worker.post('/api/v1/feedback/import', { csv: 'text\n"open', dryRun: true });
    expect(malformed.json().problems[0].message).toMatch(/not valid CSV/);
  });
});
