import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { themes } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const themeCount = () => t.db.select({ n: count() }).from(themes).get()!.n;

describe('Idempotency-Key', () => {
  it('replays the first answer and creates nothing twice', async () => {
    const admin = await t.as('admin');
    const before = themeCount();
    const headers = { 'idempotency-key': 'tablet-retry-0001' };
    const first = await admin.post('/api/v1/themes', { name: 'Home', childName: 'Your home' }, headers);
    const again = await admin.post('/api/v1/themes', { name: 'Home', childName: 'Your home' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(themeCount()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422), instead of replaying the first answer', async () => {
    const admin = await t.as('admin');
    const before = themeCount();
    const headers = { 'idempotency-key': 'tablet-retry-0009' };
    const first = await admin.post('/api/v1/themes', { name: 'Clubs', childName: 'Your clubs' }, headers);
    expect(first.statusCode).toBe(201);
    const other = await admin.post('/api/v1/themes', { name: 'Friends', childName: 'Your friends' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().title).toBe('Key already used');
    // The true retry is still replayed, and only one theme was made.
    const again = await admin.post('/api/v1/themes', { name: 'Clubs', childName: 'Your clubs' }, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(themeCount()).toBe(before + 1);
  });

  it('answers simultaneous duplicates once', async () => {
    const admin = await t.as('admin');
    const before = themeCount();
    const headers = { 'idempotency-key': 'tablet-retry-0002' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.post('/api/v1/themes', { name: 'Health', childName: 'Being healthy' }, headers),
      ),
    );
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(themeCount()).toBe(before + 1);
  });

  it('does not remember failures, and keys belong to one user', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/themes', { name: '' }, { 'idempotency-key': 'tablet-retry-0003' });
    expect(bad.statusCode).toBe(400);
    const good = await admin.post(
      '/api/v1/themes',
      { name: 'School', childName: 'School' },
      { 'idempotency-key': 'tablet-retry-0003' },
    );
    expect(good.statusCode).toBe(201);
    const other = await t.as('participation');
    const refused = await other.post(
      '/api/v1/themes',
      { name: 'School', childName: 'School' },
      { 'idempotency-key': 'tablet-retry-0003' },
    );
    expect(refused.statusCode).toBe(403);
  });

  it('rejects a malformed key', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/v1/themes', { name: 'X', childName: 'Y' }, { 'idempotency-key': 'no' });
    expect(res.statusCode).toBe(400);
  });
});

describe('Idempotency-Key on every create route', () => {
  // The tables a create can add to; the audit trail and bookkeeping tables are left out.
  const LOGS = new Set(['audit_log', 'sessions', 'idempotency_keys', '__drizzle_migrations']);
  const rowCounts = () => {
    const tables = (
      t.db.$client
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .filter((n) => !LOGS.has(n));
    return Object.fromEntries(
      tables.map((n) => [n, (t.db.$client.prepare(`select count(*) as n from "${n}"`).get() as { n: number }).n]),
    );
  };

  // POST routes that are not creates of a new record, and why they are left out here.
  const NOT_CREATES = new Set([
    'POST /api/v1/session', // signing in
    'POST /api/v1/users/:id/password', // a password reset
    'POST /api/v1/feedback/:id/safeguarding', // marks an existing item
    'POST /api/v1/feedback/:id/erase', // versioned, and a repeat changes nothing (test/privacy/erasure.test.ts)
    'POST /api/v1/feedback/:id/approve',
    'POST /api/v1/feedback/:id/withdraw',
    'POST /api/v1/feedback/:id/confirm', // approvals change the words children see, never create
    'POST /api/v1/public-words/:entity/:id/approve',
    'POST /api/v1/public-words/:entity/:id/confirm',
    'POST /api/v1/public-words/approve', // several approvals at once: versioned, a repeat is a conflict
    'POST /api/v1/users/:id/invitations', // a new link replaces the open one, which stops working
    'POST /api/v1/session/reset-requests', // signed out: keys are per user
    'POST /api/v1/session/links/check',
    'POST /api/v1/session/links/password',
    'POST /api/v1/update-links/check', // a partner's single-use link: signed out, and a used link is refused
    'POST /api/v1/update-links/update',
    'POST /api/v1/rating-sessions/:id/end',
    'POST /api/v1/public/rating/join', // signed out: keys are per user
    'POST /api/v1/public/rating/verdicts',
    'POST /api/v1/measures/:id/values/import', // upserts by period: repeating it changes nothing
    'POST /api/v1/commitments/:id/restore', // versioned: a repeat is a 409 or changes nothing
    'POST /api/v1/measures/:id/restore',
    'POST /api/v1/measures/:id/promises', // links a measure to a promise: versioned, a repeat is a 409
  ]);

  it('a retry after a 2xx returns the first answer and creates nothing, for every create route', async () => {
    const admin = await t.as('admin');
    const theme = (await admin.post('/api/v1/themes', { name: 'Family', childName: 'Family' })).json().id as number;
    const promise = (
      await admin.post('/api/v1/promises', {
        themeId: theme,
        staffText: 'Help children keep in touch with brothers and sisters',
        childText: 'Help you see your brothers and sisters',
        audience: 'children_in_care',
      })
    ).json().id as number;
    const meeting = (
      await admin.post('/api/v1/board/meetings', { meetingDate: '2026-03-10', title: 'Corporate Parenting Board' })
    ).json().id as number;

    const concern = (
      await admin.post('/api/v1/feedback', {
        text: 'Something worries me at home',
        source: 'survey',
        heardOn: '2026-06-01',
        ageBand: '8-11',
      })
    ).json().id as number;
    const flagged = await admin.post(`/api/v1/feedback/${concern}/safeguarding`, {
      toldWhom: 'Duty social work team',
      toldOn: '2026-06-01',
      toldTime: '10:00',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);

    const creates: Record<string, { url: string; body: unknown }> = {
      'POST /api/v1/feedback/:id/safeguarding-notes': {
        url: `/api/v1/feedback/${concern}/safeguarding-notes`,
        body: { text: 'Duty team rang back; a visit is booked' },
      },
      'POST /api/v1/themes': { url: '/api/v1/themes', body: { name: 'Retry theme', childName: 'Retry' } },
      'POST /api/v1/promises': {
        url: '/api/v1/promises',
        body: { themeId: theme, staffText: 'Retry promise', childText: 'Retry promise', audience: 'care_leavers' },
      },
      'POST /api/v1/commitments': {
        url: '/api/v1/commitments',
        body: { promiseId: promise, title: 'Set up sibling contact days', dueDate: '2026-09-30' },
      },
      'POST /api/v1/measures': {
        url: '/api/v1/measures',
        body: { promiseId: promise, name: 'Contact days held', unit: 'count', direction: 'higher' },
      },
      'POST /api/v1/evidence': {
        url: '/api/v1/evidence',
        body: { promiseId: promise, kind: 'quote', title: 'Said', body: 'I saw my sister.', dated: '2026-05-20' },
      },
      'POST /api/v1/feedback': {
        url: '/api/v1/feedback',
        body: { text: 'I want to see my brother more', source: 'survey', heardOn: '2026-06-01', ageBand: '8-11' },
      },
      'POST /api/v1/forum-sessions': {
        url: '/api/v1/forum-sessions',
        body: {
          forumId: 'cicc',
          heldOn: '2026-06-01',
          attendance: 7,
          items: [{ text: 'More trips', ageBand: '8-11' }],
        },
      },
      'POST /api/v1/feedback/import': {
        url: '/api/v1/feedback/import',
        body: {
          csv: 'What was said\nMore trips please\nA key to my room\n',
          mapping: { text: 'What was said' },
          defaults: { source: 'survey', heardOn: '2026-06-01', ageBand: '8-11' },
          dryRun: false,
        },
      },
      'POST /api/v1/users': {
        url: '/api/v1/users',
        body: { email: 'retry@test.example', name: 'Retry person', role: 'viewer' },
      },
      'POST /api/v1/users/invitations': {
        url: '/api/v1/users/invitations',
        body: { email: 'invited-retry@test.example', name: 'Invited person', role: 'viewer' },
      },
      'POST /api/v1/board/meetings': {
        url: '/api/v1/board/meetings',
        body: { meetingDate: '2026-04-10', title: 'Corporate Parenting Board' },
      },
      'POST /api/v1/board/meetings/:id/challenges': {
        url: `/api/v1/board/meetings/${meeting}/challenges`,
        body: { text: 'Why are contact days late?', dueDate: '2026-07-01', promiseId: promise },
      },
      'POST /api/v1/rating-sessions': {
        url: '/api/v1/rating-sessions',
        body: { forumId: 'cicc', minutes: 30, members: 12 },
      },
      'POST /api/v1/board/meetings/:id/packs': {
        url: `/api/v1/board/meetings/${meeting}/packs`,
        body: { kind: 'board' },
      },
      'POST /api/v1/board/progress-reports': {
        url: '/api/v1/board/progress-reports',
        body: { from: '2026-01-01', to: '2026-06-30' },
      },
    };

    // Every POST route is either a create checked here or listed above with its reason.
    const posts = t.app.routeAccess.filter((r) => r.method === 'POST').map((r) => `POST ${r.url}`);
    expect(posts.filter((p) => !NOT_CREATES.has(p) && !(p in creates))).toEqual([]);

    let n = 0;
    for (const [route, { url, body }] of Object.entries(creates)) {
      if (!posts.includes(route)) continue; // a route still being built elsewhere
      const headers = { 'idempotency-key': `every-create-${++n}` };
      const before = rowCounts();
      const first = await admin.post(url, body, headers);
      expect(first.statusCode, `${route}: ${first.body}`).toBeGreaterThanOrEqual(200);
      expect(first.statusCode, `${route}: ${first.body}`).toBeLessThan(300);
      const counts = rowCounts();
      expect(counts, `${route} created something`).not.toEqual(before);
      const again = await admin.post(url, body, headers);
      expect(again.statusCode, route).toBe(first.statusCode);
      expect(again.headers['idempotent-replayed'], route).toBe('true');
      expect(again.body, route).toBe(first.body);
      expect(rowCounts(), route).toEqual(counts);
    }
  });
});
