// Every kind of write leaves an audit entry with who, when, what and the fields before/after;
// no route can change or delete the trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, count } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { auditLog } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const auditCount = () => t.db.select({ n: count() }).from(auditLog).get()!.n;
const lastEntry = () => t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;

async function expectAudited<T>(
  entity: string,
  action: string,
  run: () => Promise<{ statusCode: number; json: () => T }>,
) {
  const before = auditCount();
  const res = await run();
  expect(res.statusCode, `${action} ${entity}`).toBeLessThan(300);
  expect(auditCount(), `${action} ${entity} wrote no audit entry`).toBeGreaterThan(before);
  const entries = t.db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(auditCount() - before)
    .all();
  const entry = entries.find((e) => e.entity === entity && e.action === action);
  expect(entry, `no '${action}' entry for ${entity}`).toBeDefined();
  expect(entry!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  return { res, entry: entry!, body: res.statusCode === 204 ? (undefined as T) : res.json() };
}

describe('audit trail', () => {
  it('records every kind of write with who did it and what changed', async () => {
    const admin = await t.as('admin');
    const participation = await t.as('participation');
    const board = await t.as('board');

    const theme = await expectAudited<{ id: number }>('theme', 'create', () =>
      admin.post('/api/v1/themes', { name: 'Rights', childName: 'Your rights' }),
    );
    expect(theme.entry.userId).toBe(t.userIds.admin);
    const renamed = await expectAudited('theme', 'update', () =>
      admin.patch(`/api/v1/themes/${theme.body.id}`, { version: 1, name: 'Our rights' }),
    );
    expect(renamed.entry.before).toEqual({ name: 'Rights' });
    expect(renamed.entry.after).toEqual({ name: 'Our rights' });

    const promise = await expectAudited<{ id: number; version: number }>('promise', 'create', () =>
      admin.post('/api/v1/promises', {
        themeId: theme.body.id,
        staffText: 'Staff',
        childText: 'Child words',
        audience: 'both',
      }),
    );
    await expectAudited('promise', 'update', () =>
      admin.patch(`/api/v1/promises/${promise.body.id}`, { version: 1, childText: 'Better words' }),
    );

    const commitment = await expectAudited<{ id: number }>('commitment', 'create', () =>
      admin.post('/api/v1/commitments', {
        promiseId: promise.body.id,
        title: 'Do it',
        dueDate: '2026-09-01',
        ownerId: t.userIds.owner,
      }),
    );
    await expectAudited('commitment', 'update', () =>
      admin.patch(`/api/v1/commitments/${commitment.body.id}`, { version: 1, status: 'on_track', note: 'Started' }),
    );

    const measure = await expectAudited<{ id: number }>('measure', 'create', () =>
      admin.post('/api/v1/measures', {
        promiseId: promise.body.id,
        name: 'Know worker',
        unit: 'percent',
        direction: 'higher',
      }),
    );
    await expectAudited('measure_value', 'create', () =>
      admin.put(`/api/v1/measures/${measure.body.id}/values/2026-Q1`, { periodEnd: '2026-03-31', value: 70 }),
    );
    await expectAudited('measure_value', 'delete', () =>
      admin.del(`/api/v1/measures/${measure.body.id}/values/2026-Q1`),
    );

    const evidence = await expectAudited<{ id: number }>('evidence', 'create', () =>
      admin.post('/api/v1/evidence', {
        promiseId: promise.body.id,
        kind: 'quote',
        title: 'A quote',
        body: 'It helped',
        dated: '2026-05-01',
      }),
    );
    await expectAudited('evidence', 'delete', () => admin.del(`/api/v1/evidence/${evidence.body.id}`));

    const item = await expectAudited<{ id: number }>('feedback', 'create', () =>
      participation.post('/api/v1/feedback', {
        text: 'More trips',
        source: 'forum',
        forumId: 'cicc',
        heardOn: '2026-06-01',
        ageBand: '8-11',
      }),
    );
    const linkBefore = auditCount();
    expect(
      (await participation.put(`/api/v1/feedback/${item.body.id}/promises/${promise.body.id}`, {})).statusCode,
    ).toBe(200);
    expect(auditCount()).toBeGreaterThan(linkBefore);
    const flagBefore = auditCount();
    expect(
      (
        await participation.post(`/api/v1/feedback/${item.body.id}/safeguarding`, {
          toldWhom: 'Duty team',
          toldAt: '2026-06-15T10:00:00Z',
        })
      ).statusCode,
    ).toBe(200);
    expect(auditCount()).toBeGreaterThan(flagBefore);

    const meeting = await expectAudited<{ id: number }>('board_meeting', 'create', () =>
      board.post('/api/v1/board/meetings', { meetingDate: '2026-06-10', title: 'June board' }),
    );
    await expectAudited('rag_review', 'create', () =>
      board.put(`/api/v1/board/meetings/${meeting.body.id}/reviews/${promise.body.id}`, { rating: 'amber' }),
    );
    await expectAudited('challenge', 'create', () =>
      board.post(`/api/v1/board/meetings/${meeting.body.id}/challenges`, {
        text: 'Why late?',
        dueDate: '2026-07-01',
        promiseId: promise.body.id,
      }),
    );

    const settings = (await admin.get('/api/v1/settings')).json();
    await expectAudited('settings', 'update', () =>
      admin.put('/api/v1/settings', { version: settings.version, answerTargetDays: 21 }),
    );
    await expectAudited('user', 'create', () =>
      admin.post('/api/v1/users', {
        email: 'new@test.example',
        name: 'New',
        role: 'viewer',
        password: 'a-long-new-passphrase',
      }),
    );
  });

  it('records sign-in, failed sign-in and sign-out', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'viewer@test.example', password: 'wrong-password-here' },
    });
    expect(lastEntry()).toMatchObject({ action: 'sign-in-failed', entity: 'session' });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'viewer@test.example', password: 'correct-horse-battery-staple' },
    });
    expect(lastEntry()).toMatchObject({ action: 'sign-in', userId: t.userIds.viewer });
    const cookie = ok.cookies.find((c) => c.name === 'pt_session')!;
    await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: `pt_session=${cookie.value}`, 'x-csrf-token': ok.json().csrfToken },
    });
    expect(lastEntry()).toMatchObject({ action: 'sign-out', userId: t.userIds.viewer });
  });

  it('is searchable by admins only, and no route writes to it', async () => {
    const admin = await t.as('admin');
    const res = await admin.get('/api/v1/audit?entity=theme&action=update');
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.every((e: { entity: string; action: string }) => e.entity === 'theme' && e.action === 'update'),
    ).toBe(true);
    expect((await (await t.as('board')).get('/api/v1/audit')).statusCode).toBe(403);
    const writesToAudit = t.app.routeAccess.filter((r) => r.method !== 'GET' && /audit|history/.test(r.url));
    expect(writesToAudit).toEqual([]);
  });

  it("shows a record's history to those who may read it, but not a flagged item's", async () => {
    const viewer = await t.as('viewer');
    const themes = (await viewer.get('/api/v1/themes')).json().items;
    const history = await viewer.get(`/api/v1/history/theme/${themes[0].id}`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.length).toBeGreaterThanOrEqual(2);
    const flagged = t.db
      .select()
      .from(auditLog)
      .all()
      .find((e) => e.entity === 'feedback');
    expect((await viewer.get(`/api/v1/history/feedback/${flagged!.entityId}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/history/user/1`)).statusCode).toBe(403);
  });
});
