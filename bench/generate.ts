// Generates a large (or, for the smoke test, tiny) fictional council through the project's own
// repositories, so every row arrives the way the API would write it: the same validation-free
// insert paths, the same version columns and the same audit entry per change. Speed comes from
// batching, not from bypassing: each batch of repository calls runs inside one outer
// transaction, and each call's write() becomes a savepoint in it (better-sqlite3 nests
// transactions that way), so a batch of thousands of changes costs one commit.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { openAndMigrate } from '../db/client.js';
import { systemActor, type Actor } from '../db/repositories/audit.js';
import { createChallenge, createMeeting, putReview } from '../db/repositories/board.js';
import { createCommitment, updateCommitment, type CommitmentRow } from '../db/repositories/commitments.js';
import { createFeedback, type FeedbackInsert } from '../db/repositories/feedback.js';
import { createMeasure, putMeasureValue } from '../db/repositories/measures.js';
import { createPromise } from '../db/repositories/promises.js';
import { ensureSettings } from '../db/repositories/settings.js';
import { createTheme } from '../db/repositories/themes.js';
import { createUser } from '../db/repositories/users.js';
import { settings } from '../db/schema.js';
import { publishDemoWords } from '../db/seed/publish-demo-words.js';

export type Scale = {
  promises: number;
  commitments: number;
  commitmentUpdates: number;
  feedback: number;
  years: number;
  measures: number;
  periods: number;
  meetings: number;
};

/** The large council. */
export const LARGE: Scale = {
  promises: 100,
  commitments: 2_000,
  commitmentUpdates: 20_000,
  feedback: 200_000,
  years: 10,
  measures: 50,
  periods: 40,
  meetings: 60,
};

/** Enough of everything for the smoke test to exercise every case in a second or two. */
export const TINY: Scale = {
  promises: 8,
  commitments: 40,
  commitmentUpdates: 80,
  feedback: 600,
  years: 2,
  measures: 4,
  periods: 6,
  meetings: 4,
};

export type Generated = {
  /** The non-demo administrator the bench signs in as (production refuses demo accounts). */
  admin: { email: string; password: string };
  seconds: Record<string, number>;
  counts: Record<string, number>;
};

const BATCH = 5_000;
const DAY = 86_400_000;

/** mulberry32: a small seeded PRNG, so every generation gives the same council. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * drizzle prepares every query afresh; SQLite's prepare is a sixth of the generator's time. The
 * repositories build the same few SQL texts again and again, so keep each prepared statement.
 * drizzle switches a statement to raw mode when it wants arrays, so reset that on reuse.
 */
function cacheStatements(db: Db) {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  client.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      cache.set(source, statement);
    } else if (statement.reader) statement.raw(false);
    return statement;
  }) as typeof client.prepare;
}

/** Runs `each(i)` for i in [0, n) in outer transactions of BATCH calls. */
async function batched(db: Db, n: number, each: (i: number) => void | Promise<void>) {
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    // By hand, as better-sqlite3's transaction() refuses an async body: the repositories' writes
    // inside it are savepoints, and nothing else uses this connection while it loads.
    db.$client.exec('BEGIN');
    try {
      for (let i = start; i < end; i++) await each(i);
      db.$client.exec('COMMIT');
    } catch (err) {
      if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
      throw err;
    }
  }
}

const THEMES = [
  { name: 'Relationships', childName: 'People who matter to you', colour: '#1d70b8' },
  { name: 'Rights', childName: 'Your rights', colour: '#4c2c92' },
  { name: 'Resilience', childName: 'Feeling strong', colour: '#00703c' },
  { name: 'Future', childName: 'Your future', colour: '#b58840' },
];
const VERBS = ['help you', 'make sure you can', 'listen when you', 'support you to', 'give you the chance to'];
const OBJECTS = [
  'keep in touch with brothers and sisters',
  'know who your social worker is',
  'have a say in your plans',
  'find a home when you leave care',
  'get help with school and college',
  'see a doctor or dentist when you need to',
  'take part in clubs and hobbies',
  'get second chances when things go wrong',
];
const SAID = [
  'We want to see our social worker more often',
  'Meetings about us should not be at school',
  'It takes too long to get permission for sleepovers',
  'Our pocket money should be the same in every home',
  'We want help learning to cook before we leave',
  'Tell us when our worker is changing',
  'The forum should meet in the holidays too',
  'We want free bus passes for college',
];

/**
 * Creates the council in a new database at `path` and returns the admin to sign in as and how
 * long each part took. `today` anchors ten years of history so "waiting" and "overdue" are real.
 */
export async function generateCouncil(path: string, scale: Scale, today = new Date()): Promise<Generated> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    seconds[label] = Math.round(performance.now() - t0) / 1000;
    return out;
  };
  const rnd = prng(20_260_615);
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const db = await timed('migrate', () => openAndMigrate(path));
  cacheStatements(db);
  await ensureSettings(db, 'Benchmark Borough Council');
  const s = db.select().from(settings).where(eq(settings.id, 1)).get()!;
  const forums = s.forums.map((f) => f.id);
  const ageBands = s.ageBands.map((b) => b.id);

  const admin = { email: 'bench-admin@bench.invalid', password: randomBytes(18).toString('base64url') };
  const people = await timed('users', async () => {
    const adminRow = await createUser(db, systemActor, { ...admin, name: 'Bench Admin', role: 'admin' });
    const worker = await createUser(db, systemActor, {
      email: 'worker@bench.invalid',
      name: 'Participation Worker',
      role: 'participation',
    });
    const owners: number[] = [];
    for (let i = 0; i < 20; i++)
      owners.push(
        (await createUser(db, systemActor, { email: `owner${i}@bench.invalid`, name: `Owner ${i}`, role: 'owner' })).id,
      );
    return { admin: adminRow, worker, owners };
  });
  const adminActor: Actor = { id: people.admin.id, email: people.admin.email, ip: '127.0.0.1' };
  const workerActor: Actor = { id: people.worker.id, email: people.worker.email, ip: '127.0.0.1' };

  const promiseIds = await timed('promises', async () => {
    const themeIds: number[] = [];
    for (const t of THEMES) themeIds.push((await createTheme(db, adminActor, t)).id);
    const ids: number[] = [];
    await batched(db, scale.promises, async (i) => {
      const text = `${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}`;
      ids.push(
        (
          await createPromise(db, adminActor, {
            themeId: themeIds[i % themeIds.length]!,
            staffText: `We will ${text} (${i + 1})`,
            childText: `We will ${text}`,
            audience: rnd.pick(['children_in_care', 'care_leavers', 'both'] as const),
            principles: [],
            ownerId: rnd.pick(people.owners),
          })
        ).id,
      );
    });
    return ids;
  });

  const commitmentRows = await timed('commitments', async () => {
    const rows: CommitmentRow[] = [];
    await batched(db, scale.commitments, async (i) => {
      rows.push(
        await createCommitment(db, adminActor, {
          promiseId: promiseIds[i % promiseIds.length]!,
          title: `Action ${i + 1}: ${rnd.pick(OBJECTS)}`,
          childTitle: `We are working on it: ${rnd.pick(OBJECTS)}`,
          ownerId: rnd.pick(people.owners),
          dueDate: isoDay(todayMs + rnd.int(-720, 720) * DAY),
          status: 'not_started',
          progress: 0,
        }),
      );
    });
    return rows;
  });

  await timed('commitmentUpdates', async () => {
    const versions = new Map(commitmentRows.map((c) => [c.id, c.version]));
    const statuses = ['on_track', 'at_risk', 'off_track', 'on_track', 'done', 'dropped'] as const;
    await batched(db, scale.commitmentUpdates, async (i) => {
      const c = commitmentRows[i % commitmentRows.length]!;
      const round = Math.floor(i / commitmentRows.length);
      const last = round === Math.ceil(scale.commitmentUpdates / commitmentRows.length) - 1;
      const when = todayMs - (scale.commitmentUpdates - i) * ((scale.years * 365 * DAY) / scale.commitmentUpdates);
      const row = await updateCommitment(db, adminActor, c.id, {
        version: versions.get(c.id)!,
        // Most stay open, so the bench's updates land on live work.
        patch: {
          progress: Math.min(95, (round + 1) * 9),
          status: last && rnd.chance(0.15) ? rnd.pick(statuses.slice(4)) : rnd.pick(statuses.slice(0, 4)),
        },
        note: `Update ${round + 1}: ${rnd.pick(OBJECTS)}`,
        today: isoDay(when),
        now: new Date(when).toISOString(),
      });
      versions.set(c.id, row.version);
    });
  });

  const feedbackCount = await timed('feedback', async () => {
    const span = scale.years * 365;
    let n = 0;
    await batched(db, scale.feedback, async () => {
      const heard = todayMs - rnd.int(0, span) * DAY;
      const age = (todayMs - heard) / DAY;
      // Older items are almost all answered and fed back; the last few months still wait.
      const answered = age > 90 ? rnd.chance(0.97) : rnd.chance(age / 120);
      const respondedMs = answered ? Math.min(todayMs, heard + rnd.int(1, 70) * DAY) : null;
      const fedBack =
        respondedMs !== null && rnd.chance(0.9) ? Math.min(todayMs, respondedMs + rnd.int(0, 40) * DAY) : null;
      const approved = answered && rnd.chance(0.3);
      const said = rnd.pick(SAID);
      const input: Omit<FeedbackInsert, 'id'> = {
        text: `${said}. (${rnd.pick(OBJECTS)})`,
        source: rnd.pick(['forum', 'forum', 'forum', 'survey', 'complaint', 'takeover_day'] as const),
        forumId: rnd.pick(forums),
        heardOn: isoDay(heard),
        ageBand: rnd.pick(ageBands),
        loggedById: workerActor.id,
        publicText: approved ? said : '',
        publishState: approved ? 'approved' : 'draft',
        approvedById: approved ? workerActor.id : null,
        approvedAt: approved && respondedMs !== null ? new Date(respondedMs).toISOString() : null,
        safeguarding: rnd.chance(0.01),
        response: answered ? rnd.pick(['did', 'doing', 'cant'] as const) : null,
        responseText: answered ? 'We talked to the managers and this is what happens next.' : '',
        respondedOn: respondedMs === null ? null : isoDay(respondedMs),
        fedBackOn: fedBack === null ? null : isoDay(fedBack),
      };
      if (input.response === 'cant') input.cantReason = 'The law does not let us, and we explained why at the forum.';
      const links = rnd.chance(0.85) ? [rnd.pick(promiseIds), ...(rnd.chance(0.2) ? [rnd.pick(promiseIds)] : [])] : [];
      await createFeedback(db, workerActor, input, links);
      n++;
    });
    return n;
  });

  await timed('measures', async () => {
    await batched(db, scale.measures, async (i) => {
      const m = await createMeasure(db, adminActor, {
        promiseId: promiseIds[i % promiseIds.length]!,
        name: `Measure ${i + 1}`,
        childSentence: 'How many of you told us this is going well',
        unit: 'percent',
        direction: 'higher',
        baseline: 50,
        target: 80,
        ownerId: rnd.pick(people.owners),
      });
      for (let p = 0; p < scale.periods; p++) {
        const end = new Date(todayMs);
        end.setUTCDate(1);
        end.setUTCMonth(end.getUTCMonth() - (scale.periods - p));
        const period = end.toISOString().slice(0, 7);
        await putMeasureValue(db, adminActor, m.id, period, {
          periodEnd: isoDay(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)),
          value: 50 + rnd.int(-10, 30),
          base: rnd.int(3, 400),
        });
      }
    });
  });

  const reviews = await timed('board', async () => {
    let n = 0;
    await batched(db, scale.meetings, async (i) => {
      const date = isoDay(todayMs - (scale.meetings - i) * Math.floor((scale.years * 365) / scale.meetings) * DAY);
      const meeting = await createMeeting(db, adminActor, {
        meetingDate: date,
        title: `Corporate Parenting Board ${i + 1}`,
        attendance: [
          { role: 'councillor', count: rnd.int(3, 8) },
          { role: 'partner', count: rnd.int(1, 5) },
        ],
      });
      for (const promiseId of promiseIds) {
        const rating = rnd.pick(['red', 'amber', 'amber', 'green', 'green', 'blue'] as const);
        await putReview(
          db,
          adminActor,
          meeting,
          promiseId,
          { rating, suggestedRating: rating, rationale: '' },
          undefined,
        );
        n++;
      }
      for (let c = 0; c < 3; c++)
        await createChallenge(db, adminActor, {
          meetingId: meeting.id,
          promiseId: rnd.pick(promiseIds),
          ownerId: rnd.pick(people.owners),
          text: 'Tell the board why this is behind and what will change.',
          dueDate: isoDay(Date.parse(date) + 60 * DAY),
          closedOn: i < scale.meetings - 2 ? isoDay(Date.parse(date) + 50 * DAY) : null,
        });
    });
    return n;
  });

  // The council's wording and the approved feedback as people would have approved them.
  await timed('publish', () => db.transaction((tx) => publishDemoWords(tx)));

  // Leave one file with no WAL beside it, so it can be copied for each run.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return {
    admin,
    seconds,
    counts: {
      promises: promiseIds.length,
      commitments: commitmentRows.length,
      commitmentUpdates: scale.commitmentUpdates,
      feedback: feedbackCount,
      measureValues: scale.measures * scale.periods,
      meetings: scale.meetings,
      ragReviews: reviews,
    },
  };
}
