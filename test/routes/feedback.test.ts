import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { auditLog, commitments, feedback, feedbackPromises, promises, themes } from '../../db/schema.js';
import { fixedClock } from '../../server/domain/time.js';

// Fixtures: theme 1; promises 1 and 2; commitment 1 (under promise 1) and 2 (under promise 2).
function seed(db: Db) {
  db.insert(themes).values({ name: 'Relationships', childName: 'People who matter to you' }).run();
  db.insert(promises)
    .values([
      {
        themeId: 1,
        staffText: 'Keep in touch with brothers and sisters',
        childText: 'See your family',
        audience: 'both',
      },
      {
        themeId: 1,
        staffText: 'Help care leavers find a home',
        childText: 'A home of your own',
        audience: 'care_leavers',
      },
    ])
    .run();
  db.insert(commitments)
    .values([
      { promiseId: 1, title: 'Family time plan for every child', dueDate: '2026-09-01' },
      { promiseId: 2, title: 'Housing pathway', dueDate: '2026-12-01' },
    ])
    .run();
}

const auditFor = (t: TestApp, id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'feedback'), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id)
    .all();

const paths = (res: { json: () => { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const base = { text: 'I want to see my brother more', source: 'survey', heardOn: '2026-06-01', ageBand: '8-11' };

describe('feedback list, filters and pagination', () => {
  let t: TestApp;
  let worker: Client;
  // Letters name the fixture items; ids are filled in as they are created.
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  const letters = (res: { json: () => { items: { id: number }[] } }) =>
    res.json().items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);

  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
    const make = async (body: Record<string, unknown>) => {
      const res = await worker.post('/api/v1/feedback', body);
      expect(res.statusCode).toBe(201);
      return res.json().id as number;
    };
    ids.A = await make({
      text: 'I want to see my brother more',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-05-01',
      ageBand: '8-11',
      promiseIds: [1],
    });
    ids.B = await make({
      text: 'The wifi in my home is bad',
      source: 'survey',
      heardOn: '2026-05-10',
      ageBand: '11-18',
    });
    ids.C = await make({
      text: 'Help with finding a flat',
      source: 'forum',
      forumId: 'care-leavers',
      heardOn: '2026-04-20',
      ageBand: 'care-leaver',
      promiseIds: [2],
    });
    ids.D = await make({
      text: 'My social worker keeps changing',
      source: 'complaint',
      heardOn: '2026-06-01',
      ageBand: '11-18',
      promiseIds: [1, 2],
    });
    ids.E = await make({
      text: 'Something worrying, 100%_ true',
      source: 'other',
      heardOn: '2026-06-10',
      ageBand: 'mixed',
    });
    expect(
      (
        await worker.post(`/api/v1/feedback/${ids.E}/safeguarding`, {
          toldWhom: 'Duty team',
          toldAt: '2026-06-10T15:00:00Z',
        })
      ).statusCode,
    ).toBe(200);
    expect((await worker.put(`/api/v1/feedback/${ids.A}/commitments/1`)).statusCode).toBe(200);
    // C: answered and fed back (closed); D: answered, not yet fed back.
    expect(
      (
        await worker.patch(`/api/v1/feedback/${ids.C}`, {
          version: 1,
          response: 'did',
          responseText: 'We found you a flat',
          respondedOn: '2026-05-01',
          fedBackOn: '2026-05-05',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await worker.patch(`/api/v1/feedback/${ids.D}`, {
          version: 1,
          response: 'doing',
          responseText: 'We are looking at this',
          respondedOn: '2026-06-05',
        })
      ).statusCode,
    ).toBe(200);
    // Approval is a later moderation step; set it directly here.
    t.db.update(feedback).set({ publishState: 'approved' }).where(eq(feedback.id, ids.B)).run();
  });
  afterAll(() => t.close());

  it('lists newest first with links, total and unlinkedCount', async () => {
    const res = await worker.get('/api/v1/feedback');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(letters(res)).toEqual(['E', 'D', 'B', 'A', 'C']);
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 50, unlinkedCount: 2 });
    const a = body.items.find((i: { id: number }) => i.id === ids.A);
    expect(a).toMatchObject({
      text: 'I want to see my brother more',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-05-01',
      ageBand: '8-11',
      promiseIds: [1],
      commitmentIds: [1],
      loggedById: t.userIds.participation,
      publicText: '',
      publishState: 'draft',
      response: null,
      version: 2,
    });
    expect(body.items.find((i: { id: number }) => i.id === ids.D).promiseIds).toEqual([1, 2]);
    expect(body.items.find((i: { id: number }) => i.id === ids.B)).toMatchObject({ promiseIds: [], commitmentIds: [] });
  });

  it('sorts oldest first with sort=heardOn', async () => {
    expect(letters(await worker.get('/api/v1/feedback?sort=heardOn'))).toEqual(['C', 'A', 'B', 'D', 'E']);
  });

  it.each([
    ['source=forum', ['A', 'C']],
    ['source=complaint', ['D']],
    ['forumId=cicc', ['A']],
    ['forumId=care-leavers', ['C']],
    ['ageBand=11-18', ['D', 'B']],
    ['promiseId=1', ['D', 'A']],
    ['promiseId=2', ['D', 'C']],
    ['commitmentId=1', ['A']],
    ['commitmentId=2', []],
    ['state=unanswered', ['E', 'B', 'A']],
    ['state=answered_not_fed_back', ['D']],
    ['state=closed', ['C']],
    ['publishState=approved', ['B']],
    ['publishState=withheld', ['E']],
    ['publishState=draft', ['D', 'A', 'C']],
    ['heardFrom=2026-05-01', ['E', 'D', 'B', 'A']],
    ['heardTo=2026-05-01', ['A', 'C']],
    ['heardFrom=2026-05-01&heardTo=2026-05-10', ['B', 'A']],
    ['unlinked=true', ['E', 'B']],
    ['unlinked=false', ['D', 'A', 'C']],
    ['q=brother', ['A']],
    ['q=BROTHER', ['A']],
    ['q=looking', ['D']],
    ['q=100%25', ['E']],
    ['q=%25', ['E']],
    ['q=_', ['E']],
    ['source=forum&state=closed', ['C']],
  ])('filters by %s', async (query, expected) => {
    const res = await worker.get(`/api/v1/feedback?${query}`);
    expect(res.statusCode).toBe(200);
    expect(letters(res)).toEqual(expected);
    expect(res.json().total).toBe(expected.length);
    // unlinkedCount ignores the filters: workers always see how many still need linking.
    expect(res.json().unlinkedCount).toBe(2);
  });

  it('paginates with a stable total', async () => {
    const page = async (n: number) => worker.get(`/api/v1/feedback?pageSize=2&page=${n}`);
    expect(letters(await page(1))).toEqual(['E', 'D']);
    expect(letters(await page(2))).toEqual(['B', 'A']);
    expect(letters(await page(3))).toEqual(['C']);
    const beyond = await page(4);
    expect(beyond.json()).toMatchObject({ items: [], total: 5, page: 4, pageSize: 2 });
    expect((await page(1)).json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
  });

  it.each([
    ['sort=newest', 'querystring.sort'],
    ['state=open', 'querystring.state'],
    ['source=letter', 'querystring.source'],
    ['publishState=public', 'querystring.publishState'],
    ['heardFrom=2026-13-01', 'querystring.heardFrom'],
    ['heardFrom=2026-06-01&heardTo=2026-05-01', 'querystring.heardTo'],
    ['promiseId=abc', 'querystring.promiseId'],
    ['commitmentId=0', 'querystring.commitmentId'],
    ['unlinked=yes', 'querystring.unlinked'],
    ['pageSize=0', 'querystring.pageSize'],
    ['page=0', 'querystring.page'],
  ])('rejects the bad query %s', async (query, path) => {
    const res = await worker.get(`/api/v1/feedback?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(paths(res)).toContain(path);
  });

  it.each(['owner', 'board', 'viewer'] as const)(
    'hides safeguarding-flagged items from %s in the list, the counts and by id',
    async (role) => {
      const c = await t.as(role);
      const list = await c.get('/api/v1/feedback');
      expect(list.statusCode).toBe(200);
      expect(letters(list)).toEqual(['D', 'B', 'A', 'C']);
      expect(list.json()).toMatchObject({ total: 4, unlinkedCount: 1 });
      const filtered = await c.get('/api/v1/feedback?state=unanswered');
      expect(letters(filtered)).toEqual(['B', 'A']);
      expect(filtered.json().total).toBe(2);
      expect((await c.get('/api/v1/feedback?publishState=withheld')).json()).toMatchObject({ items: [], total: 0 });
      expect((await c.get('/api/v1/feedback?q=worrying')).json().total).toBe(0);
      const hidden = await c.get(`/api/v1/feedback/${ids.E}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('worrying');
      expect((await c.get(`/api/v1/feedback/${ids.A}`)).statusCode).toBe(200);
    },
  );

  it.each(['participation', 'admin'] as const)('shows safeguarding-flagged items to %s', async (role) => {
    const c = await t.as(role);
    const list = await c.get('/api/v1/feedback');
    expect(list.json()).toMatchObject({ total: 5, unlinkedCount: 2 });
    const flagged = await c.get(`/api/v1/feedback/${ids.E}`);
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json()).toMatchObject({
      safeguarding: true,
      safeguardingToldWhom: 'Duty team',
      safeguardingToldAt: '2026-06-10T15:00:00.000Z',
      publishState: 'withheld',
    });
  });

  it('requires sign-in to read', async () => {
    expect((await t.anon.get('/api/v1/feedback')).statusCode).toBe(401);
    expect((await t.anon.get(`/api/v1/feedback/${ids.A}`)).statusCode).toBe(401);
  });
});

describe('logging and answering feedback', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await worker.post('/api/v1/feedback', { ...base, ...body });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  it('creates an item logged by the caller, links its promises and audits it', async () => {
    const res = await worker.post('/api/v1/feedback', {
      text: '  We want more days out  ',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-06-15',
      ageBand: '8-11',
      promiseIds: [2, 1, 2],
    });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      text: 'We want more days out',
      source: 'forum',
      forumId: 'cicc',
      heardOn: '2026-06-15',
      ageBand: '8-11',
      loggedById: t.userIds.participation,
      publicText: '',
      publishState: 'draft',
      safeguarding: false,
      response: null,
      responseText: '',
      cantReason: '',
      respondedOn: null,
      fedBackOn: null,
      promiseIds: [1, 2],
      commitmentIds: [],
      version: 1,
    });
    expect((await worker.get(`/api/v1/feedback/${item.id}`)).json()).toEqual({ ...item, wordsShown: 'original' });
    const audit = auditFor(t, item.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', userId: t.userIds.participation, before: null });
    expect(audit[0]!.after).toMatchObject({ text: 'We want more days out', promiseIds: [1, 2] });
    const { identifierKinds, ...stored } = item;
    expect(identifierKinds).toEqual([]);
    expect(audit[0]!.after).toEqual(stored);

    const byAdmin = await (await t.as('admin')).post('/api/v1/feedback', { ...base, publicText: 'More days out' });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ loggedById: t.userIds.admin, publicText: 'More days out', forumId: null });
  });

  it.each([
    [{ text: undefined }, 'body.text'],
    [{ text: '   ' }, 'body.text'],
    [{ text: 'x'.repeat(4001) }, 'body.text'],
    [{ source: undefined }, 'body.source'],
    [{ source: 'letter' }, 'body.source'],
    [{ source: 'forum' }, 'body.forumId'],
    [{ forumId: 'no-such-forum' }, 'body.forumId'],
    [{ source: 'forum', forumId: 'no-such-forum' }, 'body.forumId'],
    [{ heardOn: undefined }, 'body.heardOn'],
    [{ heardOn: '2026-02-30' }, 'body.heardOn'],
    [{ heardOn: '15/06/2026' }, 'body.heardOn'],
    [{ heardOn: '2026-06-16' }, 'body.heardOn'],
    [{ ageBand: undefined }, 'body.ageBand'],
    [{ ageBand: 'teen' }, 'body.ageBand'],
    [{ promiseIds: [1, 999] }, 'body.promiseIds'],
    [{ promiseIds: ['one'] }, 'body.promiseIds.0'],
    [{ publicText: 'x'.repeat(1001) }, 'body.publicText'],
  ])('refuses to create with %j (%s)', async (change, path) => {
    const before = t.db.select().from(auditLog).all().length;
    const res = await worker.post('/api/v1/feedback', { ...base, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(paths(res)).toContain(path);
    expect(t.db.select().from(auditLog).all().length).toBe(before);
  });

  it.each(['owner', 'board', 'viewer'] as const)(
    'refuses %s to create, change, link or flag feedback',
    async (role) => {
      const item = await create();
      const c = await t.as(role);
      expect((await c.post('/api/v1/feedback', base)).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/feedback/${item.id}`, { version: 1, text: 'changed' })).statusCode).toBe(403);
      expect((await c.put(`/api/v1/feedback/${item.id}/promises/1`)).statusCode).toBe(403);
      expect((await c.del(`/api/v1/feedback/${item.id}/promises/1`)).statusCode).toBe(403);
      expect((await c.put(`/api/v1/feedback/${item.id}/commitments/1`)).statusCode).toBe(403);
      expect((await c.del(`/api/v1/feedback/${item.id}/commitments/1`)).statusCode).toBe(403);
      expect(
        (await c.post(`/api/v1/feedback/${item.id}/safeguarding`, { toldWhom: 'x', toldAt: '2026-06-15T10:00:00Z' }))
          .statusCode,
      ).toBe(403);
      expect((await c.del(`/api/v1/feedback/${item.id}`)).statusCode).toBe(403);
      expect((await worker.get(`/api/v1/feedback/${item.id}`)).json()).toMatchObject({ version: 1, promiseIds: [] });
    },
  );

  it('refuses signed-out callers', async () => {
    expect((await t.anon.post('/api/v1/feedback', base)).statusCode).toBe(401);
  });

  it('edits the item and audits only what changed', async () => {
    const item = await create();
    const res = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: 1,
      text: 'I want to see my sister more',
      publicText: 'A child wants to see their sister more',
      ageBand: 'mixed',
      source: 'forum',
      forumId: 'care-leavers',
      heardOn: '2026-05-30',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      text: 'I want to see my sister more',
      publicText: 'A child wants to see their sister more',
      ageBand: 'mixed',
      source: 'forum',
      forumId: 'care-leavers',
      heardOn: '2026-05-30',
      publishState: 'draft',
      version: 2,
    });
    const audit = auditFor(t, item.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toEqual({
      text: 'I want to see my brother more',
      publicText: '',
      ageBand: '8-11',
      source: 'survey',
      forumId: null,
      heardOn: '2026-06-01',
    });
    expect(audit[1]!.after).toMatchObject({ text: 'I want to see my sister more', forumId: 'care-leavers' });

    // A partial update leaves everything else alone.
    const partial = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 2, ageBand: '4-7' });
    expect(partial.json()).toMatchObject({ ageBand: '4-7', text: 'I want to see my sister more', version: 3 });
  });

  it('answers a stale version with 409 and the current record, and unknown ids with 404', async () => {
    const item = await create();
    await worker.patch(`/api/v1/feedback/${item.id}`, { version: 1, text: 'First edit' });
    const stale = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 1, text: 'Second edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current).toMatchObject({ id: item.id, text: 'First edit', version: 2, promiseIds: [] });
    // Stale wins over a rule the caller could not have seen broken.
    expect((await worker.patch(`/api/v1/feedback/${item.id}`, { version: 1, response: 'cant' })).statusCode).toBe(409);
    expect(auditFor(t, item.id)).toHaveLength(2);

    expect((await worker.patch('/api/v1/feedback/99999', { version: 1, text: 'x' })).statusCode).toBe(404);
    expect((await worker.get('/api/v1/feedback/99999')).statusCode).toBe(404);
    expect((await worker.get('/api/v1/feedback/abc')).statusCode).toBe(400);
  });

  it.each([
    [{ text: '' }, 'body.text'],
    [{ source: 'letter' }, 'body.source'],
    [{ source: 'forum' }, 'body.forumId'],
    [{ forumId: 'nowhere' }, 'body.forumId'],
    [{ ageBand: 'teen' }, 'body.ageBand'],
    [{ heardOn: '2026-06-16' }, 'body.heardOn'],
    [{ heardOn: 'yesterday' }, 'body.heardOn'],
    [{ publicText: 'x'.repeat(1001) }, 'body.publicText'],
    [{ response: 'maybe' }, 'body.response'],
    [{ response: 'cant' }, 'body.cantReason'],
    [{ response: 'cant', cantReason: '   ' }, 'body.cantReason'],
    [{ respondedOn: '2026-05-31' }, 'body.respondedOn'],
    [{ respondedOn: '2026-06-16' }, 'body.respondedOn'],
    [{ respondedOn: '2026-06-31' }, 'body.respondedOn'],
    [{ fedBackOn: '2026-06-10' }, 'body.fedBackOn'],
    [{ response: 'did', respondedOn: '2026-06-05', fedBackOn: '2026-06-04' }, 'body.fedBackOn'],
    [{ response: 'did', respondedOn: '2026-06-05', fedBackOn: '2026-06-16' }, 'body.fedBackOn'],
    [{ publishState: 'approved' }, 'body'],
    [{ version: 0 }, 'body.version'],
  ])('refuses the change %j (%s)', async (change, path) => {
    const item = await create();
    const res = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 1, ...change });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain(path);
    expect((await worker.get(`/api/v1/feedback/${item.id}`)).json()).toEqual({ ...item, wordsShown: 'original' });
    expect(auditFor(t, item.id)).toHaveLength(1);
  });

  it('refuses a patch without a version', async () => {
    const item = await create();
    const res = await worker.patch(`/api/v1/feedback/${item.id}`, { text: 'no version' });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain('body.version');
  });

  it('records the answer and when it went back, closing the loop', async () => {
    const item = await create();
    const answered = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: 1,
      response: 'cant',
      responseText: 'We can’t move your contact day this term',
      cantReason: 'The contact centre is shut on Saturdays until September',
      respondedOn: '2026-06-01',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ response: 'cant', respondedOn: '2026-06-01', fedBackOn: null, version: 2 });
    expect((await worker.get('/api/v1/feedback?state=answered_not_fed_back')).json().items[0].id).toBe(item.id);

    // The reason cannot be emptied while the answer is still "can't".
    const emptied = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 2, cantReason: '' });
    expect(emptied.statusCode).toBe(400);
    expect(paths(emptied)).toEqual(['body.cantReason']);

    // Fed back the same day it was answered is fine; earlier is not.
    const early = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 2, fedBackOn: '2026-05-31' });
    expect(paths(early)).toEqual(['body.fedBackOn']);
    const closed = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 2, fedBackOn: '2026-06-01' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ fedBackOn: '2026-06-01', version: 3 });

    // The answer cannot be taken away while the item is recorded as fed back.
    const unanswer = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 3, response: null });
    expect(paths(unanswer)).toEqual(['body.fedBackOn']);
    // Nor can heardOn move past the answer.
    const later = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 3, heardOn: '2026-06-10' });
    expect(paths(later)).toEqual(expect.arrayContaining(['body.respondedOn']));

    // Changing the answer to one that needs no reason is fine; the reason stays on record.
    const did = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 3, response: 'did', cantReason: '' });
    expect(did.statusCode).toBe(200);
    expect(did.json()).toMatchObject({ response: 'did', cantReason: '', version: 4 });
    expect(auditFor(t, item.id).map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('keeps the approved words live while an edit of them waits for approval', async () => {
    const item = await create({ publicText: 'A child wants more family time' });
    const approved = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: 1 });
    expect(approved.json()).toMatchObject({
      publishState: 'approved',
      approvedById: t.userIds.participation,
      livePublicText: 'A child wants more family time',
      version: 2,
    });
    const edited = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: 2,
      publicText: 'Children want more family time',
    });
    expect(edited.statusCode).toBe(200);
    // The edit is a draft: the words children see stay the approved ones until a person approves it.
    expect(edited.json()).toMatchObject({
      publicText: 'Children want more family time',
      livePublicText: 'A child wants more family time',
      publishState: 'approved',
    });
    const queued = async () =>
      (
        (await worker.get('/api/v1/public-words?entity=feedback&pageSize=200')).json().items as {
          entityId: number;
          state: string;
          changedById: number;
        }[]
      ).find((i) => i.entityId === item.id);
    expect(await queued()).toMatchObject({ state: 'to_check', changedById: t.userIds.participation });
    const again = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: 3 });
    expect(again.json()).toMatchObject({ livePublicText: 'Children want more family time' });
    expect(await queued()).toBeUndefined();
    // Changing a field children never see does not queue anything.
    await worker.patch(`/api/v1/feedback/${item.id}`, { version: 4, text: 'I want more time with my family' });
    expect(await queued()).toBeUndefined();
  });

  it('keeps an item on the kiosk when it is answered: the answer joins it once approved', async () => {
    const item = await create({ publicText: 'A child wants more family time' });
    await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: 1 });
    const answered = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: 2,
      response: 'doing',
      responseText: 'We are setting up family days',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      publishState: 'approved',
      livePublicText: 'A child wants more family time',
      liveResponse: null,
      liveResponseText: '',
    });
    const approved = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: 3 });
    expect(approved.json()).toMatchObject({ liveResponse: 'doing', liveResponseText: 'We are setting up family days' });
  });

  it('takes when they were told as a date and a time in the council’s zone, not an ISO instant', async () => {
    const item = await create({ publicText: 'Public words' });
    const impossible = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: 'Duty team',
      toldOn: '2026-02-31',
      toldTime: '10:30',
    });
    expect(paths(impossible)).toEqual(['body.toldOn']);
    const badTime = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: 'Duty team',
      toldOn: '2026-06-15',
      toldTime: '10.30am',
    });
    expect(paths(badTime)).toEqual(['body.toldTime']);
    const later = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: 'Duty team',
      toldOn: '2026-06-15',
      toldTime: '23:59',
    });
    expect(paths(later)).toEqual(['body.toldOn']);
    // 11:30 on 15 June in London is British Summer Time: 10:30 UTC.
    const flagged = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: 'Duty social work team',
      toldOn: '2026-06-15',
      toldTime: '11:30',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json().safeguardingToldAt).toBe('2026-06-15T10:30:00.000Z');
  });

  it('flags safeguarding: withheld for good, hidden from everyone but workers, audited', async () => {
    const item = await create({ publicText: 'Public words' });
    t.db.update(feedback).set({ publishState: 'approved' }).where(eq(feedback.id, item.id)).run();

    const missing = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {});
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(expect.arrayContaining(['body.toldWhom', 'body.toldOn', 'body.toldTime']));
    const blank = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: ' ',
      toldAt: 'this morning',
    });
    expect(paths(blank)).toEqual(expect.arrayContaining(['body.toldWhom', 'body.toldAt']));
    const future = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: 'Duty team',
      toldAt: '2026-06-15T12:01:00Z',
    });
    expect(paths(future)).toEqual(['body.toldAt']);
    expect(
      (await worker.post('/api/v1/feedback/99999/safeguarding', { toldWhom: 'x', toldAt: '2026-06-15T10:00:00Z' }))
        .statusCode,
    ).toBe(404);

    const flagged = await worker.post(`/api/v1/feedback/${item.id}/safeguarding`, {
      toldWhom: 'Duty social work team',
      toldAt: '2026-06-15T11:30:00+01:00',
    });
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json()).toMatchObject({
      safeguarding: true,
      safeguardingToldWhom: 'Duty social work team',
      safeguardingToldAt: '2026-06-15T10:30:00.000Z',
      publishState: 'withheld',
      version: 2,
    });
    const audit = auditFor(t, item.id).at(-1)!;
    expect(audit).toMatchObject({ action: 'safeguarding', userId: t.userIds.participation });
    expect(audit.before).toMatchObject({ safeguarding: false, publishState: 'approved' });
    expect(audit.after).toMatchObject({ safeguarding: true, publishState: 'withheld' });

    // Editing the public words does not bring it back to draft.
    const edited = await worker.patch(`/api/v1/feedback/${item.id}`, { version: 2, publicText: 'New words' });
    expect(edited.json()).toMatchObject({ publishState: 'withheld', safeguarding: true });

    expect((await (await t.as('owner')).get(`/api/v1/feedback/${item.id}`)).statusCode).toBe(404);
    expect((await (await t.as('admin')).get(`/api/v1/feedback/${item.id}`)).statusCode).toBe(200);
  });

  it('lets only an admin delete an item, keeping the before image in the audit', async () => {
    const item = await create({ promiseIds: [1] });
    await worker.put(`/api/v1/feedback/${item.id}/commitments/2`);
    expect((await worker.del(`/api/v1/feedback/${item.id}`)).statusCode).toBe(403);
    const admin = await t.as('admin');
    const res = await admin.del(`/api/v1/feedback/${item.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await admin.get(`/api/v1/feedback/${item.id}`)).statusCode).toBe(404);
    expect(t.db.select().from(feedbackPromises).where(eq(feedbackPromises.feedbackId, item.id)).all()).toEqual([]);
    const audit = auditFor(t, item.id).at(-1)!;
    expect(audit).toMatchObject({ action: 'delete', userId: t.userIds.admin, after: null });
    expect(audit.before).toMatchObject({
      text: 'I want to see my brother more',
      promiseIds: [1],
      commitmentIds: [2],
    });
    expect((await admin.del(`/api/v1/feedback/${item.id}`)).statusCode).toBe(404);
    expect((await admin.del('/api/v1/feedback/99999')).statusCode).toBe(404);
  });

  it.each([
    ['promises', 'promiseIds', 'promise', 2],
    ['commitments', 'commitmentIds', 'commitment', 1],
  ] as const)(
    'links and unlinks %s idempotently, bumping the version and auditing',
    async (path, key, kind, target) => {
      const item = await create();
      const url = `/api/v1/feedback/${item.id}/${path}/${target}`;
      const linked = await worker.put(url);
      expect(linked.statusCode).toBe(200);
      expect(linked.json()).toMatchObject({ [key]: [target], version: 2 });
      expect(linked.json().updatedAt >= item.updatedAt).toBe(true);
      const again = await worker.put(url);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ [key]: [target], version: 2 });

      const unlinked = await worker.del(url);
      expect(unlinked.statusCode).toBe(200);
      expect(unlinked.json()).toMatchObject({ [key]: [], version: 3 });
      const unlinkedAgain = await worker.del(url);
      expect(unlinkedAgain.statusCode).toBe(200);
      expect(unlinkedAgain.json()).toMatchObject({ [key]: [], version: 3 });

      const audit = auditFor(t, item.id);
      expect(audit.map((a) => a.action)).toEqual(['create', `link_${kind}`, `unlink_${kind}`]);
      expect(audit[1]).toMatchObject({ before: { [key]: [] }, after: { [key]: [target] } });
      expect(audit[2]).toMatchObject({ before: { [key]: [target] }, after: { [key]: [] } });

      // A stale editor now gets 409: the link changed the item.
      expect((await worker.patch(`/api/v1/feedback/${item.id}`, { version: 1, text: 'x' })).statusCode).toBe(409);

      expect((await worker.put(`/api/v1/feedback/${item.id}/${path}/999`)).statusCode).toBe(404);
      expect((await worker.del(`/api/v1/feedback/${item.id}/${path}/999`)).statusCode).toBe(404);
      expect((await worker.put(`/api/v1/feedback/99999/${path}/${target}`)).statusCode).toBe(404);
      expect((await worker.put(`/api/v1/feedback/${item.id}/${path}/abc`)).statusCode).toBe(400);
      expect(auditFor(t, item.id)).toHaveLength(3);
    },
  );
});

describe('today in the council’s time zone', () => {
  let t: TestApp;
  // 23:30 UTC on 15 June is 00:30 on 16 June in London (BST).
  beforeAll(async () => {
    t = await makeTestApp({ seed, clock: fixedClock('2026-06-15T23:30:00Z') });
  });
  afterAll(() => t.close());

  it('accepts heardOn of the council’s today and refuses the day after', async () => {
    const worker = await t.as('participation');
    expect((await worker.post('/api/v1/feedback', { ...base, heardOn: '2026-06-16' })).statusCode).toBe(201);
    const future = await worker.post('/api/v1/feedback', { ...base, heardOn: '2026-06-17' });
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toEqual(['body.heardOn']);
  });
});
