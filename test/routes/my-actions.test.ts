// "My actions" and the admin's overview. TODAY is 2026-06-15 (Europe/London); the defaults are
// due soon = within 14 days (up to 2026-06-29) and stale = no update for 60 days or more
// (last touched on or before 2026-04-16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTestApp,
  signInClient,
  TEST_PASSWORD,
  TEST_PASSWORD_COST,
  type Client,
  type TestApp,
} from '../helpers/app.js';
import { hashPassword } from '../../db/repositories/users.js';
import {
  commitments,
  feedback,
  feedbackCommitments,
  measures,
  measureValues,
  promises,
  themes,
  users,
} from '../../db/schema.js';

const ids: Record<string, number> = {};
let t: TestApp;
let partner: Client;

beforeAll(async () => {
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
  t = await makeTestApp({
    seed: (db, u) => {
      const theme = db.insert(themes).values({ name: 'Future', childName: 'Your future' }).returning().get();
      // Promise order (sortOrder) is P3, P2, P1; urgency must put P1 (overdue) first.
      const promise = (staffText: string, sortOrder: number, archived = false) =>
        db
          .insert(promises)
          .values({ themeId: theme.id, staffText, childText: staffText, audience: 'both', sortOrder, archived })
          .returning()
          .get().id;
      ids.p1 = promise('P1 homes for care leavers', 2);
      ids.p2 = promise('P2 knowing your social worker', 1);
      ids.p3 = promise('P3 second chances', 0);
      ids.pArchived = promise('Archived promise', 3, true);
      ids.partner = db
        .insert(users)
        .values({
          email: 'nurse@test.example',
          name: 'Designated Nurse',
          role: 'owner',
          canOwnActions: true,
          agency: 'Health',
          jobTitle: 'Designated nurse',
          passwordHash,
        })
        .returning()
        .get().id;
      const c = (
        key: string,
        values: Partial<typeof commitments.$inferInsert> & { promiseId: number; dueDate: string },
      ) => {
        ids[key] = db
          .insert(commitments)
          .values({
            title: key,
            ownerId: u.owner,
            status: 'on_track',
            createdAt: '2026-06-01T09:00:00.000Z',
            ...values,
          })
          .returning()
          .get().id;
      };
      c('A overdue', { promiseId: ids.p1!, dueDate: '2026-06-01', lastUpdateAt: '2026-06-10T09:00:00.000Z' });
      c('B due soon', { promiseId: ids.p1!, dueDate: '2026-06-29', lastUpdateAt: '2026-06-10T09:00:00.000Z' });
      c('B2 not yet due soon', { promiseId: ids.p1!, dueDate: '2026-06-30', lastUpdateAt: '2026-06-10T09:00:00.000Z' });
      // 23:30 UTC on 16 April is 00:30 on 17 April in London: 59 days, not stale.
      c('C stale', { promiseId: ids.p2!, dueDate: '2026-12-01', lastUpdateAt: '2026-04-16T10:00:00.000Z' });
      c('D fresh', { promiseId: ids.p2!, dueDate: '2026-12-01', lastUpdateAt: '2026-04-16T23:30:00.000Z' });
      c('E done', { promiseId: ids.p1!, dueDate: '2026-01-01', status: 'done' });
      c('F never updated', { promiseId: ids.p3!, dueDate: '2026-12-01' });
      c('G partner overdue', { promiseId: ids.p1!, dueDate: '2026-05-01', ownerId: ids.partner });
      c('H nobody stale', {
        promiseId: ids.p3!,
        dueDate: '2026-12-01',
        ownerId: null,
        createdAt: '2026-01-01T09:00:00.000Z',
      });
      c('I archived', { promiseId: ids.p1!, dueDate: '2026-01-01', archived: true });
      c('J archived promise', { promiseId: ids.pArchived!, dueDate: '2026-01-01' });

      const fb = (text: string, safeguarding: boolean, heardOn: string) => {
        const id = db
          .insert(feedback)
          .values({ text, source: 'forum', heardOn, ageBand: '12-15', safeguarding })
          .returning()
          .get().id;
        db.insert(feedbackCommitments).values({ feedbackId: id, commitmentId: ids['A overdue']! }).run();
        return id;
      };
      ids.fbOpen = fb('We never get told about moving', false, '2026-03-01');
      ids.fbFlagged = fb('Flagged words', true, '2026-04-01');

      const m = db
        .insert(measures)
        .values({
          promiseId: ids.p3!,
          name: 'Second chances given',
          unit: 'count',
          direction: 'higher',
          ownerId: u.owner,
        })
        .returning()
        .get().id;
      ids.measure = m;
      db.insert(measureValues)
        .values([
          { measureId: m, period: '2025-Q2', periodEnd: '2025-06-30', value: 12 },
          { measureId: m, period: '2025-Q1', periodEnd: '2025-03-31', value: 10 },
        ])
        .run();
    },
  });
  partner = await signInClient(t.app, 'nurse@test.example', ids.partner!);
});
afterAll(() => t.close());

type Group = {
  promiseId: number;
  commitments: { title: string; attention: string; daysSinceUpdate: number; youSaid: { text: string }[] }[];
  measures: unknown[];
};

describe('my actions', () => {
  it('groups the owner’s open commitments by promise: overdue first, then due soon, then stale', async () => {
    const res = await (await t.as('owner')).get('/api/v1/my-actions');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dueSoonDays: 14, staleAfterDays: 60, counts: { overdue: 1, dueSoon: 1, stale: 1 } });
    const groups = body.groups as Group[];
    expect(groups.map((g) => g.promiseId)).toEqual([ids.p1, ids.p2, ids.p3]);
    expect(groups.map((g) => g.commitments.map((c) => [c.title, c.attention]))).toEqual([
      [
        ['A overdue', 'overdue'],
        ['B due soon', 'due_soon'],
        ['B2 not yet due soon', 'none'],
      ],
      [
        ['C stale', 'stale'],
        ['D fresh', 'none'],
      ],
      [['F never updated', 'none']],
    ]);
    // 16 April to 15 June is 60 days; the never-updated one counts from when it was set up (1 June).
    expect(groups[1]!.commitments.map((c) => c.daysSinceUpdate)).toEqual([60, 59]);
    expect(groups[2]!.commitments[0]!.daysSinceUpdate).toBe(14);
    expect(groups[2]!.measures).toEqual([
      { id: ids.measure, name: 'Second chances given', unit: 'count', latestPeriod: '2025-Q2' },
    ]);
  });

  it('shows the children’s words beside each commitment, leaving safeguarding-flagged ones out', async () => {
    const res = await (await t.as('owner')).get('/api/v1/my-actions');
    const a = (res.json().groups as Group[])[0]!.commitments[0]!;
    expect(a.youSaid).toEqual([
      {
        id: ids.fbOpen,
        text: 'We never get told about moving',
        // Not yet approved: an owner gets it with identifiers masked (it has none), marked so.
        wordsShown: 'masked',
        ageBand: '12-15',
        // An age band the council has not configured is shown by its id.
        ageBandLabel: '12-15',
        heardOn: '2026-03-01',
        source: 'forum',
        safeguarding: false,
      },
    ]);
  });

  it('works the same for a partner owner, and is empty for someone who owns nothing', async () => {
    const res = await partner.get('/api/v1/my-actions');
    expect(res.json()).toMatchObject({
      counts: { overdue: 1, dueSoon: 0, stale: 0 },
      groups: [
        {
          promiseId: ids.p1,
          commitments: [{ title: 'G partner overdue', attention: 'overdue', ownerName: 'Designated Nurse' }],
          measures: [],
        },
      ],
    });
    const viewer = await (await t.as('viewer')).get('/api/v1/my-actions');
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json()).toMatchObject({ counts: { overdue: 0, dueSoon: 0, stale: 0 }, groups: [] });
    expect((await t.anon.get('/api/v1/my-actions')).statusCode).toBe(401);
  });

  it('follows the council’s due-soon and stale settings', async () => {
    const admin = await t.as('admin');
    const setTo = async (dueSoonDays: number, staleAfterDays: number) => {
      const { version } = (await admin.get('/api/v1/settings')).json();
      const res = await admin.put('/api/v1/settings', { version, dueSoonDays, staleAfterDays });
      expect(res.statusCode).toBe(200);
    };
    await setTo(15, 59);
    try {
      const body = (await (await t.as('owner')).get('/api/v1/my-actions')).json();
      const attention = (body.groups as Group[]).flatMap((g) => g.commitments.map((c) => `${c.title}: ${c.attention}`));
      expect(attention).toEqual([
        'A overdue: overdue',
        'B due soon: due_soon',
        'B2 not yet due soon: due_soon',
        'C stale: stale',
        'D fresh: stale',
        'F never updated: none',
      ]);
      expect(body).toMatchObject({ dueSoonDays: 15, staleAfterDays: 59 });
    } finally {
      await setTo(14, 60);
    }
  });
});

describe('the admin overview', () => {
  it('lists every owner’s overdue and stale items, partners included, with unowned items last', async () => {
    const res = await (await t.as('admin')).get('/api/v1/my-actions/overview');
    expect(res.statusCode).toBe(200);
    const owners = res.json().owners as {
      ownerId: number | null;
      ownerName: string | null;
      agency: string;
      overdue: { title: string }[];
      stale: { title: string; daysSinceUpdate: number }[];
    }[];
    expect(
      owners.map((o) => ({
        ownerId: o.ownerId,
        agency: o.agency,
        overdue: o.overdue.map((c) => c.title),
        stale: o.stale.map((c) => [c.title, c.daysSinceUpdate]),
      })),
    ).toEqual([
      { ownerId: t.userIds.owner, agency: 'Council', overdue: ['A overdue'], stale: [['C stale', 60]] },
      { ownerId: ids.partner, agency: 'Health', overdue: ['G partner overdue'], stale: [] },
      { ownerId: null, agency: '', overdue: [], stale: [['H nobody stale', 165]] },
    ]);
  });

  it('is for admins only', async () => {
    for (const role of ['owner', 'participation', 'board', 'viewer'] as const)
      expect((await (await t.as(role)).get('/api/v1/my-actions/overview')).statusCode).toBe(403);
    expect((await partner.get('/api/v1/my-actions/overview')).statusCode).toBe(403);
  });
});

describe('quick update from my actions', () => {
  it('moves a commitment out of "overdue" once its date moves with a reason, keeping the old date', async () => {
    const owner = await t.as('owner');
    const id = ids['A overdue']!;
    const noReason = await owner.patch(`/api/v1/commitments/${id}`, { version: 1, dueDate: '2026-09-30' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'body.dueDateReason' })]);
    const res = await owner.patch(`/api/v1/commitments/${id}`, {
      version: 1,
      dueDate: '2026-09-30',
      dueDateReason: 'Waiting for the new housing contract',
      status: 'at_risk',
      progress: 40,
      note: 'Contract signed off by cabinet',
      noteDate: '2026-06-12',
      childUpdate: 'We are still working on this',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dueDate: '2026-09-30',
      overdue: false,
      childUpdate: 'We are still working on this',
    });
    expect(res.json().recorded).toMatchObject({
      oldDueDate: '2026-06-01',
      newDueDate: '2026-09-30',
      dueDateReason: 'Waiting for the new housing contract',
      note: 'Contract signed off by cabinet',
      updatedOn: '2026-06-12',
      status: 'at_risk',
      progress: 40,
    });
    const body = (await owner.get('/api/v1/my-actions')).json();
    expect(body.counts).toEqual({ overdue: 0, dueSoon: 1, stale: 1 });
  });
});
