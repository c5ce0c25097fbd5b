// The three gaps migration 0003 closed: a withdrawal's reason is kept for staff (never public),
// the answer and age groups can be written in Welsh and reach the kiosk only once approved, and
// who may own actions is one explicit flag on the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import { openAndMigrate, type Db } from '../../db/client.js';
import { auditLog, promises, settings, themes } from '../../db/schema.js';

let promiseId = 0;
function seed(db: Db) {
  db.update(settings)
    .set({ watchWords: ['Beech House'] })
    .run();
  const theme = db.insert(themes).values({ name: 'Rights', childName: 'Your rights' }).returning().get();
  promiseId = db
    .insert(promises)
    .values({ themeId: theme.id, staffText: 'Listen', childText: 'We will listen to you', audience: 'both' })
    .returning()
    .get().id;
}

let t: TestApp;
let worker: Client;
beforeAll(async () => {
  t = await makeTestApp({ seed });
  worker = await t.as('participation');
});
afterAll(() => t.close());

/** An item linked to the promise, answered "did", approved: what the kiosk shows. */
async function approvedItem(extra: Record<string, unknown> = {}) {
  const created = await worker.post('/api/v1/feedback', {
    text: 'original words',
    publicText: 'More trips at half term please',
    source: 'survey',
    heardOn: '2026-06-01',
    ageBand: '8-11',
    promiseIds: [promiseId],
  });
  expect(created.statusCode).toBe(201);
  const answered = await worker.patch(`/api/v1/feedback/${created.json().id}`, {
    version: created.json().version,
    response: 'did',
    responseText: 'We booked two trips',
    respondedOn: '2026-06-10',
    ...extra,
  });
  expect(answered.statusCode).toBe(200);
  const approved = await worker.post(`/api/v1/feedback/${created.json().id}/approve`, {
    version: answered.json().version,
  });
  expect(approved.statusCode).toBe(200);
  return approved.json() as { id: number; version: number } & Record<string, unknown>;
}

const publicAnswer = async (id: number) => {
  const res = await t.anon.get(`/api/v1/public/promises/${promiseId}`);
  expect(res.statusCode).toBe(200);
  return (res.json().weDid as { id: number }[]).find((a) => a.id === id) as Record<string, unknown> | undefined;
};

/** Every signed-out GET route, read in full. */
async function everyPublicBody(): Promise<string> {
  const urls = t.app.routeAccess
    .filter((r) => r.access === 'public' && r.method === 'GET')
    .map((r) => r.url.replace(':id', String(promiseId)));
  expect(urls.length).toBeGreaterThanOrEqual(2);
  let all = '';
  for (const url of urls) {
    const res = await t.anon.get(url);
    expect(res.statusCode, url).toBe(200);
    all += res.body;
  }
  return all;
}

describe('withdrawing public words with a reason', () => {
  it('stores the reason, when and who on the item and in the audit entry', async () => {
    const item = await approvedItem();
    const res = await worker.post(`/api/v1/feedback/${item.id}/withdraw`, {
      reason: 'WITHDRAWN-SECRET: the young person asked for it to come down',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      publishState: 'withheld',
      withdrawnReason: 'WITHDRAWN-SECRET: the young person asked for it to come down',
      withdrawnAt: '2026-06-15T12:00:00.000Z',
      withdrawnById: t.userIds.participation,
    });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, 'feedback'), eq(auditLog.entityId, String(item.id)), eq(auditLog.action, 'withdraw')),
      )
      .get()!;
    expect(audit.userId).toBe(t.userIds.participation);
    expect(audit.after).toMatchObject({
      publishState: 'withheld',
      withdrawnReason: 'WITHDRAWN-SECRET: the young person asked for it to come down',
      withdrawnAt: '2026-06-15T12:00:00.000Z',
    });
  });

  it('shows it to staff on the item and in lists, and never on a public route', async () => {
    const item = await approvedItem();
    await worker.post(`/api/v1/feedback/${item.id}/withdraw`, { reason: 'WITHDRAWN-SECRET-2' });
    for (const role of ['participation', 'admin', 'board', 'viewer'] as const) {
      const client = await t.as(role);
      expect((await client.get(`/api/v1/feedback/${item.id}`)).json().withdrawnReason, role).toBe('WITHDRAWN-SECRET-2');
      const list = (await client.get('/api/v1/feedback?publishState=withheld')).json();
      expect(list.items.find((i: { id: number }) => i.id === item.id)?.withdrawnReason, role).toBe(
        'WITHDRAWN-SECRET-2',
      );
    }
    const body = await everyPublicBody();
    expect(body).not.toContain('WITHDRAWN-SECRET');
    expect(body).not.toContain('withdrawn');
    expect(await publicAnswer(item.id)).toBeUndefined();
  });

  it('keeps no reason when none is given, and a new approval clears the withdrawal (the audit keeps it)', async () => {
    const item = await approvedItem();
    const withdrawn = (await worker.post(`/api/v1/feedback/${item.id}/withdraw`, {})).json();
    expect(withdrawn).toMatchObject({ withdrawnReason: '', withdrawnAt: '2026-06-15T12:00:00.000Z' });
    const again = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: withdrawn.version });
    expect(again.json()).toMatchObject({
      publishState: 'approved',
      withdrawnReason: '',
      withdrawnAt: null,
      withdrawnById: null,
    });
  });

  it('refuses an over-long reason as a 400, changing nothing', async () => {
    const item = await approvedItem();
    const res = await worker.post(`/api/v1/feedback/${item.id}/withdraw`, { reason: 'x'.repeat(501) });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await worker.get(`/api/v1/feedback/${item.id}`)).json().publishState).toBe('approved');
  });
});

describe('the answer in Welsh', () => {
  it('reaches the public only once approved with the English, never as unapproved text', async () => {
    const item = await approvedItem();
    expect(await publicAnswer(item.id)).toMatchObject({ weDid: 'We booked two trips', weDidCy: '' });
    // New Welsh words wait for approval: the approved answer stays public, the new words do not.
    const edited = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: item.version,
      responseTextCy: 'Rydym wedi trefnu dwy daith',
    });
    expect(edited.json()).toMatchObject({
      publishState: 'approved',
      responseTextCy: 'Rydym wedi trefnu dwy daith',
      liveResponseTextCy: '',
    });
    expect(await publicAnswer(item.id)).toMatchObject({ weDid: 'We booked two trips', weDidCy: '' });
    expect(await everyPublicBody()).not.toContain('Rydym wedi trefnu dwy daith');
    const approved = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: edited.json().version });
    expect(approved.statusCode).toBe(200);
    expect(await publicAnswer(item.id)).toMatchObject({
      answer: 'did',
      weDid: 'We booked two trips',
      weDidCy: 'Rydym wedi trefnu dwy daith',
      reason: '',
      reasonCy: '',
    });
  });

  it('checks the Welsh words for identifiers as it checks the public words', async () => {
    const item = await approvedItem();
    const edited = await worker.patch(`/api/v1/feedback/${item.id}`, {
      version: item.version,
      response: 'cant',
      cantReason: 'The house has no room',
      cantReasonCy: 'Does dim lle yn Beech House',
    });
    expect(edited.json().publishState).toBe('approved');
    const found = (await worker.get(`/api/v1/feedback/${item.id}/findings`)).json();
    expect(found.findings).toEqual([]);
    expect(found.answers).toEqual([
      { field: 'responseText', text: 'We booked two trips', findings: [] },
      { field: 'cantReason', text: 'The house has no room', findings: [] },
      {
        field: 'cantReasonCy',
        text: 'Does dim lle yn Beech House',
        findings: [expect.objectContaining({ kind: 'watch-word', text: 'Beech House', hard: false })],
      },
    ]);
    expect(found.blocked).toBe(true);
    const refused = await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: edited.json().version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.safeReason']);
    // The answer approved before stays public while the new one waits.
    const before = { answer: 'did', weDid: 'We booked two trips' };
    expect(await publicAnswer(item.id)).toMatchObject(before);
    const ok = await worker.post(`/api/v1/feedback/${item.id}/approve`, {
      version: edited.json().version,
      safeReason: 'Beech House is the council office, not a home',
    });
    expect(ok.statusCode).toBe(200);
    // Judged safe by one person: a second must confirm before children see it.
    expect(await publicAnswer(item.id)).toMatchObject(before);
    expect((await (await t.as('admin')).post(`/api/v1/feedback/${item.id}/confirm`)).statusCode).toBe(200);
    expect(await publicAnswer(item.id)).toMatchObject({
      answer: 'cant',
      reason: 'The house has no room',
      reasonCy: 'Does dim lle yn Beech House',
    });
  });

  it('takes Welsh words down only once clearing them is approved, like any change', async () => {
    const item = await approvedItem({ responseTextCy: 'Rydym wedi trefnu' });
    const cleared = await worker.patch(`/api/v1/feedback/${item.id}`, { version: item.version, responseTextCy: '' });
    expect(cleared.json().publishState).toBe('approved');
    expect(await publicAnswer(item.id)).toMatchObject({ weDidCy: 'Rydym wedi trefnu' });
    await worker.post(`/api/v1/feedback/${item.id}/approve`, { version: cleared.json().version });
    expect(await publicAnswer(item.id)).toMatchObject({ weDidCy: '' });
  });

  it('names the age group in Welsh once the council writes it', async () => {
    const item = await approvedItem();
    expect(await publicAnswer(item.id)).toMatchObject({ ageGroup: 'age 8-11', ageGroupCy: '' });
    const admin = await t.as('admin');
    const current = (await admin.get('/api/v1/settings')).json();
    const ageBands = current.ageBands.map((b: { id: string }) =>
      b.id === '8-11' ? { ...b, childLabelCy: 'Oed 8 i 11' } : b,
    );
    const saved = await admin.put('/api/v1/settings', { version: current.version, ageBands });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().ageBands.find((b: { id: string }) => b.id === '8-11').childLabelCy).toBe('Oed 8 i 11');
    expect(await publicAnswer(item.id)).toMatchObject({ ageGroup: 'age 8-11', ageGroupCy: 'Oed 8 i 11' });
    const quote = (await t.anon.get(`/api/v1/public/promises/${promiseId}`))
      .json()
      .youSaid.find((q: { id: number }) => q.id === item.id);
    expect(quote).toMatchObject({ ageGroupCy: 'Oed 8 i 11' });
  });
});

describe('who may own actions', () => {
  it('comes from the role by default and is shown on /people and /users', async () => {
    const admin = await t.as('admin');
    const people = (await admin.get('/api/v1/people')).json().items as { role: string; canOwnActions: boolean }[];
    const byRole = Object.fromEntries(people.map((p) => [p.role, p.canOwnActions]));
    expect(byRole).toEqual({ admin: true, owner: true, participation: false, board: false, viewer: false });
    const made = await admin.post('/api/v1/users', {
      email: 'housing@test.example',
      name: 'Housing lead',
      role: 'board',
    });
    expect(made.json().canOwnActions).toBe(false);
    // Only roles that can update actions may own them: a viewer named owner could not update it.
    const viewer = await admin.post('/api/v1/users', {
      email: 'police@test.example',
      name: 'Police partner',
      role: 'viewer',
      canOwnActions: true,
    });
    expect(viewer.statusCode).toBe(400);
    expect(viewer.json().errors).toEqual([
      {
        path: 'body.canOwnActions',
        message: 'Only action owners and admins can update actions, so only they can own them',
      },
    ]);
    // A partner who never signs in is an owner without a password.
    const partner = await admin.post('/api/v1/users', {
      email: 'police@test.example',
      name: 'Police partner',
      role: 'owner',
    });
    expect(partner.json()).toMatchObject({ role: 'owner', canOwnActions: true });
  });

  it('is the one rule the server checks for commitment and measure owners, audited when changed', async () => {
    const admin = await t.as('admin');
    const commitment = (owner: number) =>
      admin.post('/api/v1/commitments', { promiseId, title: 'A plan', dueDate: '2026-09-30', ownerId: owner });
    const measure = (owner: number) =>
      admin.post('/api/v1/measures', { promiseId, name: 'Trips', unit: 'count', direction: 'higher', ownerId: owner });
    // A board member cannot own actions (nor be given the flag); an owner cannot once it is off.
    const board = (await admin.get(`/api/v1/users/${t.userIds.board}`)).json();
    expect((await commitment(t.userIds.board)).statusCode).toBe(400);
    const granted = await admin.patch(`/api/v1/users/${t.userIds.board}`, {
      version: board.version,
      canOwnActions: true,
    });
    expect(granted.statusCode).toBe(400);
    expect((await commitment(t.userIds.admin)).statusCode).toBe(201);
    expect((await measure(t.userIds.owner)).statusCode).toBe(201);
    const owner = (await admin.get(`/api/v1/users/${t.userIds.owner}`)).json();
    await admin.patch(`/api/v1/users/${t.userIds.owner}`, { version: owner.version, canOwnActions: false });
    const refused = await commitment(t.userIds.owner);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'body.ownerId', message: 'Choose a person who can own actions' }]);
    expect((await measure(t.userIds.owner)).statusCode).toBe(400);
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(t.userIds.owner))))
      .all()
      .at(-1)!;
    expect(audit).toMatchObject({ action: 'update', before: { canOwnActions: true }, after: { canOwnActions: false } });
  });

  it('takes a new role’s default unless the same edit says otherwise', async () => {
    const admin = await t.as('admin');
    const made = (
      await admin.post('/api/v1/users', { email: 'lead@test.example', name: 'Service lead', role: 'viewer' })
    ).json();
    const promoted = (await admin.patch(`/api/v1/users/${made.id}`, { version: made.version, role: 'owner' })).json();
    expect(promoted.canOwnActions).toBe(true);
    const kept = (
      await admin.patch(`/api/v1/users/${made.id}`, { version: promoted.version, role: 'admin', canOwnActions: false })
    ).json();
    expect(kept).toMatchObject({ role: 'admin', canOwnActions: false });
    // Other edits leave it alone.
    const renamed = (await admin.patch(`/api/v1/users/${made.id}`, { version: kept.version, name: 'Lead' })).json();
    expect(renamed.canOwnActions).toBe(false);
    const demoted = (await admin.patch(`/api/v1/users/${made.id}`, { version: renamed.version, role: 'board' })).json();
    expect(demoted).toMatchObject({ role: 'board', canOwnActions: false });
  });

  it('is set by admins only', async () => {
    const worker = await t.as('participation');
    const res = await worker.patch(`/api/v1/users/${t.userIds.viewer}`, { version: 1, canOwnActions: true });
    expect(res.statusCode).toBe(403);
  });
});

describe('migration 0003 on a council’s existing database', () => {
  it('lets exactly its owners and admins own actions, as the old rule did', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-0003-'));
    try {
      const path = join(dir, 'council.db');
      copyFileSync(resolve('test/fixtures/schema/0002_waiting_order_index.db'), path);
      const db = openAndMigrate(path);
      const rows = db.$client
        .prepare('select role, can_own_actions as can, count(*) as n from users group by 1, 2 order by 1, 2')
        .all();
      db.$client.close();
      // The 0002 demo council: 1 admin, 1 board member, 10 owners, 1 participation worker, 1 viewer.
      expect(rows).toEqual([
        { role: 'admin', can: 1, n: 1 },
        { role: 'board', can: 0, n: 1 },
        { role: 'owner', can: 1, n: 10 },
        { role: 'participation', can: 0, n: 1 },
        { role: 'viewer', can: 0, n: 1 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
