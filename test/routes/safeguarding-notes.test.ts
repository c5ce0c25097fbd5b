// Safeguarding follow-up: the council names its designated safeguarding lead in settings (admin
// only, audited, 409 on a stale version), and workers record what happened next on a flagged
// item in dated, append-only notes that only participation workers and admins ever see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import { auditLog, safeguardingNotes } from '../../db/schema.js';

const NOTE = 'Spoke to the duty team again; a strategy meeting is booked for Thursday';

let t: TestApp;
let worker: Client;
let flagged: number;
let plain: number;
beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.as('participation');
  const make = async (text: string) => {
    const res = await worker.post('/api/v1/feedback', {
      text,
      source: 'other',
      heardOn: '2026-06-10',
      ageBand: '8-11',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  flagged = await make('Something at home is worrying me');
  plain = await make('More trips in the holidays please');
  const flag = await worker.post(`/api/v1/feedback/${flagged}/safeguarding`, {
    toldWhom: 'Duty social work team',
    toldOn: '2026-06-15',
    toldTime: '09:00',
  });
  expect(flag.statusCode, flag.body).toBe(200);
});
afterAll(() => t.close());

describe('the designated safeguarding lead in settings', () => {
  it('starts unnamed, is saved by an admin with an audit entry, and is read by every signed-in role', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get('/api/v1/settings')).json();
    expect(before).toMatchObject({ safeguardingLeadName: '', safeguardingLeadPhone: '' });
    const lead = {
      safeguardingLeadName: 'Morgan Ellis',
      safeguardingLeadRole: 'Designated safeguarding lead',
      safeguardingLeadPhone: '01632 960 123',
      safeguardingLeadEmail: 'Morgan.Ellis@council.example',
    };
    const saved = await admin.put('/api/v1/settings', { version: before.version, ...lead });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...lead, safeguardingLeadEmail: 'morgan.ellis@council.example' });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'settings'), eq(auditLog.action, 'update')))
      .all()
      .at(-1)!;
    expect(audit.after).toMatchObject({ safeguardingLeadName: 'Morgan Ellis' });
    expect(audit.before).toMatchObject({ safeguardingLeadName: '' });
    expect((await worker.get('/api/v1/settings')).json().safeguardingLeadPhone).toBe('01632 960 123');

    // A second admin working from the old version is told, not overwritten.
    const stale = await admin.put('/api/v1/settings', {
      version: before.version,
      safeguardingLeadName: 'Someone else',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses other roles (403) and a phone or email that is not one (400, at the field)', async () => {
    const version = (await worker.get('/api/v1/settings')).json().version;
    expect((await worker.put('/api/v1/settings', { version, safeguardingLeadName: 'X' })).statusCode).toBe(403);
    const bad = await (
      await t.as('admin')
    ).put('/api/v1/settings', {
      version,
      safeguardingLeadPhone: 'ring reception',
      safeguardingLeadEmail: 'not an address',
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.safeguardingLeadPhone', 'body.safeguardingLeadEmail']));
  });
});

describe('what happened next: notes on a flagged item', () => {
  it('are added by a worker, dated by the clock, named for the writer, and audited without the words', async () => {
    const res = await worker.post(`/api/v1/feedback/${flagged}/safeguarding-notes`, { text: NOTE });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      feedbackId: flagged,
      authorId: t.userIds.participation,
      authorName: expect.any(String),
      writtenAt: '2026-06-15T12:00:00.000Z',
      text: NOTE,
      erasedAt: null,
    });
    const second = await (
      await t.as('admin')
    ).post(`/api/v1/feedback/${flagged}/safeguarding-notes`, {
      text: 'Lead confirmed the referral',
    });
    expect(second.statusCode).toBe(201);
    const list = (await worker.get(`/api/v1/feedback/${flagged}/safeguarding-notes`)).json();
    expect(list.items.map((n: { text: string }) => n.text)).toEqual([NOTE, 'Lead confirmed the referral']);

    const audit = t.db.select().from(auditLog).where(eq(auditLog.entity, 'safeguarding_note')).all();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'add_note', userId: t.userIds.participation });
    expect(JSON.stringify(audit)).not.toContain('strategy meeting');
  });

  it('are refused to leaders, board members and viewers (403) and to signed-out callers (401)', async () => {
    for (const role of ['owner', 'board', 'viewer'] as const) {
      const c = await t.as(role);
      expect((await c.get(`/api/v1/feedback/${flagged}/safeguarding-notes`)).statusCode, role).toBe(403);
      expect((await c.post(`/api/v1/feedback/${flagged}/safeguarding-notes`, { text: 'x' })).statusCode, role).toBe(
        403,
      );
    }
    expect((await t.anon.get(`/api/v1/feedback/${flagged}/safeguarding-notes`)).statusCode).toBe(401);
  });

  it('need a flagged item (409), a real one (404) and some words (400); nothing is written then', async () => {
    const count = () => t.db.select().from(safeguardingNotes).all().length;
    const before = count();
    expect((await worker.post(`/api/v1/feedback/${plain}/safeguarding-notes`, { text: 'x' })).statusCode).toBe(409);
    expect((await worker.post('/api/v1/feedback/99999/safeguarding-notes', { text: 'x' })).statusCode).toBe(404);
    const empty = await worker.post(`/api/v1/feedback/${flagged}/safeguarding-notes`, { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(count()).toBe(before);
  });

  it('are append-only: there is no way to change or remove one', async () => {
    const id = t.db.select().from(safeguardingNotes).all()[0]!.id;
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const res = await worker.inject({
        method,
        url: `/api/v1/feedback/${flagged}/safeguarding-notes/${id}`,
        payload: { text: 'changed' },
      });
      expect(res.statusCode, method).toBe(404);
    }
    expect(t.db.select().from(safeguardingNotes).all()[0]!.text).toBe(NOTE);
  });

  it('never appear on the item, the feedback export, the board export or the public pages', async () => {
    const admin = await t.as('admin');
    for (const url of [
      `/api/v1/feedback/${flagged}`,
      '/api/v1/feedback/export.csv',
      '/api/v1/board/export.csv',
      '/api/v1/public/summary',
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBeLessThan(400);
      expect(res.body, url).not.toContain('strategy meeting');
    }
  });

  it('are in the writer’s subject access export (which item, when), without the words', async () => {
    const res = await (await t.as('admin')).get(`/api/v1/users/${t.userIds.participation}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.json().safeguardingNotesWritten).toEqual([
      { feedbackId: flagged, writtenAt: '2026-06-15T12:00:00.000Z' },
    ]);
    expect(res.body).not.toContain('strategy meeting');
  });

  it('lose their words when the item’s words are erased, and say so in the erasure’s audit', async () => {
    const version = (await worker.get(`/api/v1/feedback/${flagged}`)).json().version;
    const erased = await worker.post(`/api/v1/feedback/${flagged}/erase`, { version, reason: 'The child asked' });
    expect(erased.statusCode, erased.body).toBe(200);
    const notes = (await worker.get(`/api/v1/feedback/${flagged}/safeguarding-notes`)).json().items;
    expect(notes.map((n: { text: string }) => n.text)).toEqual(['[words erased]', '[words erased]']);
    expect(notes[0].erasedAt).not.toBeNull();
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'erase_words')).all().at(-1)!;
    expect(entry.after).toMatchObject({ safeguardingNotesErased: 2 });
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain('strategy meeting');
  });
});
