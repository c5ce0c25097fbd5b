// Every route, called as every role and signed out. The table is the reviewed statement of who
// may do what; a route missing from it (or listed but gone) fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInClient, ROLES, type Client, type TestApp } from '../helpers/app.js';
import type { Role } from '../../server/contracts/index.js';

const ALL: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['admin'];
const FEEDBACK_WRITERS: readonly Role[] = ['admin', 'participation'];
const OWNERS: readonly Role[] = ['admin', 'owner'];
const BOARD: readonly Role[] = ['admin', 'board'];
const PUBLIC = 'public' as const;

const EXPECTED: Record<string, readonly Role[] | typeof PUBLIC> = {
  'POST /api/v1/session': PUBLIC,
  'GET /api/v1/session': PUBLIC,
  'DELETE /api/v1/session': ALL,
  'GET /api/v1/settings': ALL,
  'PUT /api/v1/settings': ADMIN,
  'GET /api/v1/people': ALL,
  'GET /api/v1/users': ADMIN,
  'GET /api/v1/users/:id': ADMIN,
  'POST /api/v1/users': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,
  'POST /api/v1/users/:id/password': ADMIN,
  'POST /api/v1/users/invitations': ADMIN,
  'POST /api/v1/users/:id/invitations': ADMIN,
  'GET /api/v1/outbox': ADMIN,
  'GET /api/v1/session/options': PUBLIC,
  'POST /api/v1/session/reset-requests': PUBLIC,
  'POST /api/v1/session/links/check': PUBLIC,
  'POST /api/v1/session/links/password': PUBLIC,
  'GET /api/v1/me/needs-doing': ALL,
  'GET /api/v1/me/notifications': ALL,
  'PUT /api/v1/me/notifications': ALL,
  'POST /api/v1/update-links/check': PUBLIC,
  'POST /api/v1/update-links/update': PUBLIC,
  'GET /api/v1/audit': ADMIN,
  'GET /api/v1/history/:entity/:id': ALL,
  'GET /api/v1/themes': ALL,
  'GET /api/v1/themes/:id': ALL,
  'POST /api/v1/themes': ADMIN,
  'PATCH /api/v1/themes/:id': ADMIN,
  'GET /api/v1/promises': ALL,
  'GET /api/v1/promises/:id': ALL,
  'POST /api/v1/promises': ADMIN,
  'PATCH /api/v1/promises/:id': ADMIN,
  'DELETE /api/v1/promises/:id': ADMIN,
  'GET /api/v1/promises/:id/card': ALL,
  'GET /api/v1/promises/:id/history': ALL,
  'GET /api/v1/feedback': ALL,
  'GET /api/v1/feedback/:id': ALL,
  'POST /api/v1/feedback': FEEDBACK_WRITERS,
  'PATCH /api/v1/feedback/:id': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/:id/safeguarding': FEEDBACK_WRITERS,
  'GET /api/v1/feedback/:id/safeguarding-notes': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/:id/safeguarding-notes': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/:id/erase': FEEDBACK_WRITERS,
  'GET /api/v1/privacy/retention': ADMIN,
  'PUT /api/v1/privacy/retention': ADMIN,
  'GET /api/v1/users/:id/export': ADMIN,
  'DELETE /api/v1/feedback/:id': ADMIN,
  'PUT /api/v1/feedback/:id/promises/:promiseId': FEEDBACK_WRITERS,
  'DELETE /api/v1/feedback/:id/promises/:promiseId': FEEDBACK_WRITERS,
  'PUT /api/v1/feedback/:id/commitments/:commitmentId': FEEDBACK_WRITERS,
  'DELETE /api/v1/feedback/:id/commitments/:commitmentId': FEEDBACK_WRITERS,
  'GET /api/v1/feedback/:id/findings': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/:id/approve': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/:id/withdraw': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/:id/confirm': FEEDBACK_WRITERS,
  'GET /api/v1/public-words': FEEDBACK_WRITERS,
  'GET /api/v1/public-words/:entity/:id': FEEDBACK_WRITERS,
  'POST /api/v1/public-words/:entity/:id/approve': FEEDBACK_WRITERS,
  'POST /api/v1/public-words/approve': FEEDBACK_WRITERS,
  'POST /api/v1/public-words/:entity/:id/confirm': FEEDBACK_WRITERS,
  'GET /api/v1/feedback/waiting': FEEDBACK_WRITERS,
  'GET /api/v1/feedback/loop-measures': ALL,
  'GET /api/v1/feedback/you-said-we-did': FEEDBACK_WRITERS,
  'POST /api/v1/feedback/import': FEEDBACK_WRITERS,
  'GET /api/v1/feedback/export.csv': FEEDBACK_WRITERS,
  'GET /api/v1/forum-sessions': FEEDBACK_WRITERS,
  'GET /api/v1/forum-sessions/:id': FEEDBACK_WRITERS,
  'POST /api/v1/forum-sessions': FEEDBACK_WRITERS,
  'GET /api/v1/commitments': ALL,
  'GET /api/v1/commitments/:id': ALL,
  'GET /api/v1/commitments/:id/updates': ALL,
  // Owners only on promises they lead: checked in the handler and in test/routes/commitments.test.ts.
  'POST /api/v1/commitments': OWNERS,
  // Owners may edit only their own: checked in the handler and in test/routes/commitments.test.ts.
  'PATCH /api/v1/commitments/:id': OWNERS,
  'DELETE /api/v1/commitments/:id': ADMIN,
  'POST /api/v1/commitments/:id/restore': ADMIN,
  'GET /api/v1/measures': ALL,
  'GET /api/v1/measures/:id': ALL,
  'POST /api/v1/measures': ADMIN,
  'PATCH /api/v1/measures/:id': OWNERS,
  'DELETE /api/v1/measures/:id': ADMIN,
  'POST /api/v1/measures/:id/restore': ADMIN,
  'POST /api/v1/measures/:id/promises': ADMIN,
  'DELETE /api/v1/measures/:id/promises/:promiseId': ADMIN,
  'PUT /api/v1/measures/:id/values/:period': OWNERS,
  'POST /api/v1/measures/:id/values/import': OWNERS,
  'DELETE /api/v1/measures/:id/values/:period': OWNERS,
  'GET /api/v1/evidence': ALL,
  'GET /api/v1/evidence/:id': ALL,
  'POST /api/v1/evidence': OWNERS,
  'PATCH /api/v1/evidence/:id': OWNERS,
  'DELETE /api/v1/evidence/:id': OWNERS,
  // Everyone signed in has their own list (empty unless they own commitments or measures).
  'GET /api/v1/my-actions': ALL,
  'GET /api/v1/my-actions/overview': ADMIN,
  'GET /api/v1/board/meetings': ALL,
  'GET /api/v1/board/meetings/:id': ALL,
  'POST /api/v1/board/meetings': BOARD,
  'PATCH /api/v1/board/meetings/:id': BOARD,
  'DELETE /api/v1/board/meetings/:id': ADMIN,
  'PUT /api/v1/board/meetings/:id/reviews/:promiseId': BOARD,
  'GET /api/v1/board/reviews': ALL,
  'POST /api/v1/board/meetings/:id/challenges': BOARD,
  // Anyone may answer a challenge they own; the handler checks ownership (test/routes/board.test.ts).
  'PATCH /api/v1/board/challenges/:id': ALL,
  'GET /api/v1/board/challenges': ALL,
  'GET /api/v1/board/summary': ALL,
  'GET /api/v1/board/rag-rules': ALL,
  'GET /api/v1/welsh-parity': ALL,
  'GET /api/v1/welsh-parity.csv': ALL,
  'GET /api/v1/board/promises/:id/suggestion': ALL,
  'POST /api/v1/board/meetings/:id/packs': BOARD,
  'POST /api/v1/board/progress-reports': BOARD,
  'GET /api/v1/board/packs': ALL,
  'GET /api/v1/board/packs/:id': ALL,
  'GET /api/v1/board/packs/:id/pdf': ALL,
  'GET /api/v1/board/export.csv': ALL,
  'GET /api/v1/board/export.xlsx': ALL,
  'GET /api/v1/public/summary': PUBLIC,
  'GET /api/v1/public/promises/:id': PUBLIC,
  'POST /api/v1/public/rating/join': PUBLIC,
  'POST /api/v1/public/rating/verdicts': PUBLIC,
  'GET /api/v1/rating-sessions': FEEDBACK_WRITERS,
  'POST /api/v1/rating-sessions': FEEDBACK_WRITERS,
  'POST /api/v1/rating-sessions/:id/end': FEEDBACK_WRITERS,
  'GET /api/v1/verdicts/summary': ALL,
};

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

function concreteUrl(url: string): string {
  return url.replace(':entity', 'promise').replace(':period', '2026-Q1').replace(/:\w+/g, '1');
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('role matrix', () => {
  it('lists every route, and only real routes', () => {
    const actual = t.app.routeAccess.map(key).sort();
    expect(actual).toEqual(Object.keys(EXPECTED).sort());
  });

  it('declares the access the table expects', () => {
    for (const r of t.app.routeAccess) {
      const expected = EXPECTED[key(r)];
      if (r.access === 'public') expect(expected, key(r)).toBe(PUBLIC);
      else if (r.access === 'signedIn') expect(expected, key(r)).toEqual(ALL);
      else expect([...r.access].sort(), key(r)).toEqual([...(expected as Role[])].sort());
    }
  });

  it('enforces it: 401 signed out, 403 for other roles, through for allowed roles', async () => {
    const failures: string[] = [];
    for (const r of t.app.routeAccess) {
      const expected = EXPECTED[key(r)]!;
      const url = concreteUrl(r.url);
      const payload = r.method === 'GET' || r.method === 'DELETE' ? undefined : {};
      const call = (c: Client) => c.inject({ method: r.method as 'GET', url, ...(payload ? { payload } : {}) });

      const anon = await call(t.anon);
      if (expected === PUBLIC) {
        if (anon.statusCode === 401 || anon.statusCode === 403)
          failures.push(`${key(r)} signed out: ${anon.statusCode}`);
        continue;
      }
      if (anon.statusCode !== 401) failures.push(`${key(r)} signed out: ${anon.statusCode}, expected 401`);

      for (const role of ROLES) {
        // Signing out would end the shared client's session: use a fresh one.
        const client =
          r.method === 'DELETE' && r.url === '/api/v1/session' ? await freshClient(role) : await t.as(role);
        const res = await call(client);
        const allowed = expected.includes(role);
        if (allowed && (res.statusCode === 401 || res.statusCode === 403))
          failures.push(`${key(r)} as ${role}: ${res.statusCode}, expected to be let through`);
        if (!allowed && res.statusCode !== 403) failures.push(`${key(r)} as ${role}: ${res.statusCode}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function freshClient(role: Role): Promise<Client> {
  return signInClient(t.app, `${role}@test.example`);
}
