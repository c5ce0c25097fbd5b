// Erasure on request: the words leave the item, its history, the approval queue, remembered
// answers, the public door, and the bytes of the database file, its WAL and a backup made after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { approveQueue, makeTestApp, type Client, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { backupDatabase } from '../../db/backup.js';
import {
  auditLog,
  boardPacks,
  feedbackImports,
  idempotencyKeys,
  promises,
  themes,
  wordReviews,
} from '../../db/schema.js';
import { ERASED_MARKER, scrubImage } from '../../db/repositories/erasure.js';

// Distinctive enough that no other byte sequence in a database matches by chance.
const ORIGINAL = 'Zorblax Quennington told us the night staff shout';
const PUBLIC = 'Qwixle children want calmer evenings at home';
const ANSWER = `You said "${PUBLIC}": we changed the evening rota`;
const EDITED_AWAY = 'Marrowfex first draft of the words';

let promiseId = 0;
function seed(db: Db) {
  const theme = db.insert(themes).values({ name: 'Home', childName: 'Your home' }).returning().get();
  promiseId = db
    .insert(promises)
    .values({ themeId: theme.id, staffText: 'Safe homes', childText: 'A calm home', audience: 'both' })
    .returning()
    .get().id;
}

/** How many times each phrase's bytes occur in the file (0 if there is no file). */
function hits(file: string, phrases: readonly string[]): number {
  if (!existsSync(file)) return 0;
  const bytes = readFileSync(file);
  let n = 0;
  for (const p of phrases) {
    const needle = Buffer.from(p, 'utf8');
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) n++;
  }
  return n;
}

const SECRETS = [ORIGINAL, PUBLIC, EDITED_AWAY, 'Zorblax', 'Qwixle', 'Marrowfex'];

describe('erasing an item’s words', () => {
  let t: TestApp;
  let worker: Client;
  let id = 0;
  let version = 0;
  const dbFile = () => join(t.dir, 'test.db');

  beforeAll(async () => {
    t = await makeTestApp({ seed });
    worker = await t.as('participation');
    const created = await worker.post(
      '/api/v1/feedback',
      {
        text: EDITED_AWAY,
        publicText: PUBLIC,
        source: 'survey',
        heardOn: '2026-06-01',
        ageBand: '8-11',
        promiseIds: [promiseId],
      },
      { 'idempotency-key': 'create-the-item-0001' },
    );
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    // The words as first typed, then corrected: the history holds both.
    const edited = await worker.patch(`/api/v1/feedback/${id}`, {
      version: created.json().version,
      text: ORIGINAL,
      response: 'did',
      responseText: ANSWER,
      respondedOn: '2026-06-10',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const approved = await worker.post(`/api/v1/feedback/${id}/approve`, { version: edited.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
    version = approved.json().version;
  });
  afterAll(() => t.close());

  it('shows the words on the public page before, so the checks below can fail', async () => {
    const page = await t.anon.get(`/api/v1/public/promises/${promiseId}`);
    expect(page.body).toContain(PUBLIC);
    t.db.$client.pragma('wal_checkpoint(PASSIVE)');
    expect(hits(dbFile(), SECRETS) + hits(`${dbFile()}-wal`, SECRETS)).toBeGreaterThan(0);
  });

  it('refuses leaders, board members and viewers (403), and signed-out callers (401)', async () => {
    for (const role of ['owner', 'board', 'viewer'] as const) {
      const res = await (await t.as(role)).post(`/api/v1/feedback/${id}/erase`, { version, reason: 'The child asked' });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.anon.post(`/api/v1/feedback/${id}/erase`, { version, reason: 'x' })).statusCode).toBe(401);
  });

  it('needs a reason that does not repeat the words, and the version the worker saw', async () => {
    const noReason = await worker.post(`/api/v1/feedback/${id}/erase`, { version, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const quoting = await worker.post(`/api/v1/feedback/${id}/erase`, {
      version,
      reason: `The child asked: "${ORIGINAL}"`,
    });
    expect(quoting.statusCode).toBe(400);
    expect(quoting.json().errors[0].path).toBe('body.reason');
    const stale = await worker.post(`/api/v1/feedback/${id}/erase`, {
      version: version - 1,
      reason: 'The child asked',
    });
    expect(stale.statusCode).toBe(409);
    expect((await worker.post('/api/v1/feedback/999999/erase', { version: 1, reason: 'x' })).statusCode).toBe(404);
  });

  it('erases the words from the item, its history, the queue and remembered answers, keeping the answer', async () => {
    const res = await worker.post(
      `/api/v1/feedback/${id}/erase`,
      { version, reason: 'The child asked us to' },
      { 'idempotency-key': 'erase-the-item-0001' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json();
    expect(item.text).toBe(ERASED_MARKER);
    expect(item.publicText).toBe('');
    expect(item.livePublicText).toBe('');
    expect(item.publishState).toBe('withheld');
    expect(item.wordsErasedAt).toBe('2026-06-15T12:00:00.000Z');
    // The answer stays, less its quote of the child's words.
    expect(item.responseText).toBe(`You said "${ERASED_MARKER}": we changed the evening rota`);
    expect(item.response).toBe('did');

    // A retry with the same key replays the answer; the same erasure again changes nothing.
    const retry = await worker.post(
      `/api/v1/feedback/${id}/erase`,
      { version, reason: 'The child asked us to' },
      { 'idempotency-key': 'erase-the-item-0001' },
    );
    expect(retry.statusCode).toBe(200);
    expect(retry.json().version).toBe(item.version);

    const entries = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'feedback'), eq(auditLog.entityId, String(id))))
      .all();
    expect(JSON.stringify(entries)).not.toMatch(/Zorblax|Qwixle|Marrowfex/);
    const erasure = entries.filter((e) => e.action === 'erase_words');
    expect(erasure).toHaveLength(1);
    expect(erasure[0]!.userEmail).toBe('participation@test.example');
    expect(erasure[0]!.at).toBeTruthy();
    expect(erasure[0]!.after).toMatchObject({ how: 'request', reason: 'The child asked us to' });
    // The history still says the item was made and changed, in the same number of entries.
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'erase_words']));
    expect(JSON.stringify(t.db.select().from(idempotencyKeys).all())).not.toMatch(/Zorblax|Qwixle|Marrowfex/);
    expect(t.db.select().from(wordReviews).where(eq(wordReviews.entityId, id)).all()).toEqual([]);
  });

  it('stops showing the item on the public pages at once', async () => {
    const page = await t.anon.get(`/api/v1/public/promises/${promiseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/Qwixle|Zorblax|evening rota/);
    const list = await (await t.as('viewer')).get(`/api/v1/feedback?q=Zorblax`);
    expect(list.json().total).toBe(0);
  });

  it('leaves no byte of the words in the database file, its WAL, or a backup made after', async () => {
    const backup = join(t.dir, 'after-erasure.db');
    await backupDatabase(t.db.$client, backup);
    expect(hits(dbFile(), SECRETS)).toBe(0);
    expect(hits(`${dbFile()}-wal`, SECRETS)).toBe(0);
    expect(hits(backup, SECRETS)).toBe(0);
    // The erasure itself is in the backup's audit.
    expect(hits(backup, ['erase_words', 'The child asked us to'])).toBeGreaterThan(0);
  });
});

describe('scrubImage', () => {
  const plan = { phrases: ['my social worker Jo'], keep: new Set<string>() };
  it('replaces word fields of the item’s own images whatever they held', () => {
    expect(scrubImage({ text: 'an older draft', version: 3 }, plan, true)).toEqual({
      text: ERASED_MARKER,
      version: 3,
    });
  });
  it('cuts only the phrase out of other copies (a board pack quoting several items)', () => {
    const pack = {
      youSaid: [{ text: 'my social worker Jo' }, { text: 'more trips' }],
      note: 'see my social worker Jo',
    };
    expect(scrubImage(pack, plan, false)).toEqual({
      youSaid: [{ text: ERASED_MARKER }, { text: 'more trips' }],
      note: `see ${ERASED_MARKER}`,
    });
  });
  it('never cuts a short phrase out of the middle of other words', () => {
    const short = { phrases: ['no'], keep: new Set<string>() };
    expect(scrubImage({ a: 'no', b: 'not now' }, short, false)).toEqual({ a: ERASED_MARKER, b: 'not now' });
  });
});

describe('erasing an imported item that a board pack quotes', () => {
  let t: TestApp;
  const KEPT = 'Other children asked for more football';
  // Lower case: a capitalised unknown word mid-sentence is asked about as a name.
  const GONE = 'We want plimbottle jam at every forum';

  beforeAll(async () => {
    t = await makeTestApp({ seed });
  });
  afterAll(() => t.close());

  it('cuts its words out of the import record and the pack, and leaves the other item’s alone', async () => {
    const worker = await t.as('participation');
    const csv = [
      'text,heard_on,age_band,source,public_text,promise_ids',
      `original of the other item,2026-05-20,8-11,survey,${KEPT},${promiseId}`,
      `Plimbottle Secret original,2026-05-21,8-11,survey,${GONE},${promiseId}`,
    ].join('\r\n');
    const imported = await worker.post('/api/v1/feedback/import', { csv, dryRun: false });
    expect(imported.statusCode, imported.body).toBe(201);
    await approveQueue(t);
    const items = (await worker.get('/api/v1/feedback?sort=heardOn')).json().items as { id: number; version: number }[];
    const [other, target] = items;
    const board = await t.as('board');
    const meeting = await board.post('/api/v1/board/meetings', { meetingDate: '2026-06-10', title: 'June board' });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const pack = await board.post(`/api/v1/board/meetings/${meeting.json().id}/packs`, { kind: 'children' });
    expect(pack.statusCode, pack.body).toBe(201);
    const packText = () => JSON.stringify(t.db.select().from(boardPacks).all());
    expect(packText()).toContain(GONE);
    expect(packText()).toContain(KEPT);

    const res = await worker.post(`/api/v1/feedback/${target!.id}/erase`, {
      version: target!.version,
      reason: 'Typed in by mistake',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(packText()).not.toContain('limbottle');
    expect(packText()).toContain(KEPT);
    const rows = t.db.select().from(feedbackImports).get()!.rows;
    expect(rows[0]).toEqual(expect.arrayContaining(['original of the other item', KEPT]));
    expect(JSON.stringify(rows[1])).not.toContain('limbottle');
    // The other item is untouched.
    const kept = (await worker.get(`/api/v1/feedback/${other!.id}`)).json();
    expect(kept).toMatchObject({ text: 'original of the other item', livePublicText: KEPT, wordsErasedAt: null });
    const file = join(t.dir, 'test.db');
    expect(hits(file, ['limbottle']) + hits(`${file}-wal`, ['limbottle'])).toBe(0);
  });
});
