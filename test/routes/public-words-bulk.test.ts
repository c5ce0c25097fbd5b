// Approving several at once: each item still goes through the one gate (identifier check, hard
// stops, the second person rule) and is audited on its own; the answer says what became of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import { auditLog, feedback } from '../../db/schema.js';

const base = { source: 'survey', heardOn: '2026-06-01', ageBand: '8-11' };

describe('POST /api/v1/public-words/approve', () => {
  let t: TestApp;
  let worker: Client;
  beforeAll(async () => {
    t = await makeTestApp();
    worker = await t.as('participation');
  });
  afterAll(() => t.close());

  const create = async (text: string, publicText: string) => {
    const res = await worker.post('/api/v1/feedback', { ...base, text, publicText });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; version: number };
  };
  const row = (id: number) => t.db.select().from(feedback).where(eq(feedback.id, id)).get()!;
  const audits = (ids: number[]) =>
    t.db
      .select({ entityId: auditLog.entityId, action: auditLog.action, userId: auditLog.userId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'feedback'),
          inArray(
            auditLog.entityId,
            ids.map((i) => String(i)),
          ),
          inArray(auditLog.action, ['approve', 'approve_first', 'confirm']),
        ),
      )
      .all();

  it('approves the clean ones, refuses a hard finding, and audits each on its own', async () => {
    const a = await create('I want more days out', 'A child wants more days out');
    const b = await create('Call me on 07700 900333', 'Call me on 07700 900333');
    const c = await create('The bus is late', 'A child said the bus is late');
    const res = await worker.post('/api/v1/public-words/approve', {
      items: [a, b, c].map((x) => ({ entity: 'feedback', id: x.id, version: x.version })),
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as {
      id: number;
      outcome: string;
      errors: { path: string; message: string }[];
    }[];
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [a.id, 'published'],
      [b.id, 'refused'],
      [c.id, 'published'],
    ]);
    expect(results[1]!.errors[0]).toMatchObject({ path: 'publicText' });
    expect(results[1]!.errors[0]!.message).toContain('07700 900333');
    expect(row(a.id).livePublicText).toBe('A child wants more days out');
    expect(row(c.id).livePublicText).toBe('A child said the bus is late');
    expect(row(b.id).livePublicText).toBe('');
    expect(row(b.id).publishState).toBe('draft');
    // One audit entry per approved item, by the worker; none for the refused one.
    const trail = audits([a.id, b.id, c.id]);
    expect(trail.map((x) => [Number(x.entityId), x.action]).sort()).toEqual(
      [
        [a.id, 'approve'],
        [c.id, 'approve'],
      ].sort(),
    );
    expect(trail.every((x) => x.userId === t.userIds.participation)).toBe(true);
  });

  it('keeps the second person rule: a reason waits, and the same person cannot confirm', async () => {
    const soft = await create('Jayden wants a bike', 'Jayden wants a bike');
    const none = await create('More football', 'A child wants more football');
    const noReason = await worker.post('/api/v1/public-words/approve', {
      items: [{ entity: 'feedback', id: soft.id, version: soft.version }],
    });
    expect(noReason.json().results[0]).toMatchObject({ outcome: 'refused' });
    expect(noReason.json().results[0].errors[0].path).toBe('safeReason');
    const res = await worker.post('/api/v1/public-words/approve', {
      items: [
        { entity: 'feedback', id: soft.id, version: soft.version, reason: 'The group chose a made-up name' },
        { entity: 'feedback', id: none.id, version: none.version },
      ],
    });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['awaiting_second', 'published']);
    expect(row(soft.id).livePublicText).toBe('');
    expect((await worker.post(`/api/v1/feedback/${soft.id}/confirm`)).statusCode).toBe(400);
    const admin = await t.as('admin');
    expect((await admin.post(`/api/v1/feedback/${soft.id}/confirm`)).statusCode).toBe(200);
    expect(row(soft.id).livePublicText).toBe('Jayden wants a bike');
  });

  it('answers a stale version, a missing item and a safeguarding flag per item', async () => {
    const ok = await create('Pizza night', 'A child wants pizza night');
    const stale = await create('Longer holidays', 'A child wants longer holidays');
    const flagged = await create('Something worrying', 'Something worrying');
    expect(
      (
        await worker.post(`/api/v1/feedback/${flagged.id}/safeguarding`, {
          toldWhom: 'The designated safeguarding lead',
          toldAt: '2026-06-15T10:00:00Z',
        })
      ).statusCode,
    ).toBe(200);
    const res = await worker.post('/api/v1/public-words/approve', {
      items: [
        { entity: 'feedback', id: ok.id, version: ok.version },
        { entity: 'feedback', id: stale.id, version: stale.version + 5 },
        { entity: 'feedback', id: 999999, version: 1 },
        { entity: 'feedback', id: flagged.id, version: row(flagged.id).version },
      ],
    });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'published',
      'conflict',
      'not_found',
      'not_found',
    ]);
    expect(row(flagged.id).livePublicText).toBe('');
    expect(row(stale.id).livePublicText).toBe('');
  });

  it('lets only participation workers and admins approve, and refuses a bad list with a 400', async () => {
    const item = await create('Wifi in the home', 'A child wants wifi');
    for (const role of ['owner', 'board', 'viewer'] as const) {
      const other = await t.as(role);
      const res = await other.post('/api/v1/public-words/approve', {
        items: [{ entity: 'feedback', id: item.id, version: item.version }],
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.anon.post('/api/v1/public-words/approve', { items: [] })).statusCode).toBe(401);
    expect(row(item.id).livePublicText).toBe('');
    for (const body of [{ items: [] }, { items: [{ entity: 'feedback', id: 'x', version: 1 }] }, {}]) {
      const bad = await worker.post('/api/v1/public-words/approve', body);
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
  });
});
