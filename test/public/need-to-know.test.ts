// Need to know: a child's original words are for participation workers and admins. Plants a
// name, a phone number and an email address in the original words of two items (one with
// approved, clean public words; one never approved), then reads every signed-in surface that
// carries children's words as a leader, a board member and a viewer, and proves none of it
// comes out: they get the approved words, or the original masked and marked "not yet checked".
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailFor, makeTestApp, type TestApp } from '../helpers/app.js';
import { commitments, feedback, promises, settings, themes } from '../../db/schema.js';
import type { Role } from '../../server/contracts/index.js';

/** A name the council lists as local (always a name to the check), a phone number, an email address. */
const NAME = 'Zindzi';
const PHONE = '07700 900987';
const EMAIL = 'zindzi.q@example.com';
const PLANTED = [NAME, PHONE, EMAIL];
const ORIGINAL = `${NAME} said she rang ${PHONE} and emailed ${EMAIL} about moving`;
const APPROVED_ORIGINAL = `${NAME} told us nobody rang back on ${PHONE}, write to ${EMAIL}`;
const PUBLIC = 'Children want to hear back sooner';
const MASKED = '[name] said she rang [phone] and emailed [email] about moving';

const NON_WORKERS = ['owner', 'board', 'viewer'] as const satisfies readonly Role[];
const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

let t: TestApp;
const ids = { promise: 0, commitment: 0, approved: 0, unchecked: 0, imported: 0 };
/** A survey comment: its history is the file's import entry, shown as its own. */
const IMPORTED = `${NAME} rang ${PHONE} about the survey`;

/** Fails naming the planted string and where it was found. */
function expectNonePlanted(where: string, body: string) {
  for (const s of PLANTED) expect(body.toLowerCase(), `${where} holds "${s}"`).not.toContain(s.toLowerCase());
}

beforeAll(async () => {
  t = await makeTestApp({
    seed: (db, users) => {
      db.update(settings)
        .set({ localNames: [NAME] })
        .where(eq(settings.id, 1))
        .run();
      const theme = db.insert(themes).values({ name: 'Being heard', childName: 'Being heard' }).returning().get();
      ids.promise = db
        .insert(promises)
        .values({
          themeId: theme.id,
          staffText: 'Answer every child',
          childText: 'We will ring you back',
          audience: 'both',
          ownerId: users.owner,
        })
        .returning()
        .get().id;
      ids.commitment = db
        .insert(commitments)
        .values({
          promiseId: ids.promise,
          title: 'Ring back within a week',
          ownerId: users.owner,
          dueDate: '2026-09-01',
          status: 'on_track',
        })
        .returning()
        .get().id;
    },
  });
  const worker = await t.as('participation');
  const log = async (text: string) => {
    const res = await worker.post('/api/v1/feedback', {
      text,
      source: 'survey',
      heardOn: '2026-06-01',
      ageBand: '11-18',
      promiseIds: [ids.promise],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    expect((await worker.put(`/api/v1/feedback/${id}/commitments/${ids.commitment}`)).statusCode).toBe(200);
    return id;
  };
  ids.approved = await log(APPROVED_ORIGINAL);
  ids.unchecked = await log(ORIGINAL);
  // An answer each, so both appear under "we did" too; the first gets clean public words.
  for (const id of [ids.approved, ids.unchecked]) {
    const item = (await worker.get(`/api/v1/feedback/${id}`)).json();
    const res = await worker.patch(`/api/v1/feedback/${id}`, {
      version: item.version,
      response: 'doing',
      responseText: 'We are changing how we ring back',
      respondedOn: '2026-06-05',
      ...(id === ids.approved ? { publicText: PUBLIC } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const imported = await worker.post('/api/v1/feedback/import', {
    csv: `text,heard_on,age_band\n${IMPORTED},2026-06-02,11-18\n`,
    dryRun: false,
  });
  expect(imported.statusCode, imported.body).toBe(201);
  ids.imported = (await worker.get('/api/v1/feedback?q=about%20the%20survey')).json().items[0].id;
  // Approved as moderation leaves it (moderation itself is tested with its routes).
  t.db
    .update(feedback)
    .set({
      publishState: 'approved',
      livePublicText: PUBLIC,
      approvedById: t.userIds.participation,
      approvedAt: '2026-06-06T10:00:00Z',
      // A worker's note may quote the original: it is masked like it.
      safeReason: `${NAME} is not in the public words`,
    })
    .where(eq(feedback.id, ids.approved))
    .run();
});

afterAll(async () => {
  await t.close();
});

describe.each(NON_WORKERS)('as %s, a child’s original words never come out', (role) => {
  it('from the feedback list and an item: approved words, or masked and marked', async () => {
    const client = await t.as(role);
    const list = await client.get('/api/v1/feedback?pageSize=100');
    expect(list.statusCode).toBe(200);
    expectNonePlanted('GET /feedback', list.body);
    const byId = new Map(
      (list.json().items as { id: number; text: string; publicText: string; wordsShown: string }[]).map((i) => [
        i.id,
        i,
      ]),
    );
    expect(byId.get(ids.approved)).toMatchObject({
      text: PUBLIC,
      publicText: PUBLIC,
      safeReason: '[name] is not in the public words',
      wordsShown: 'public',
    });
    expect(byId.get(ids.unchecked)).toMatchObject({ text: MASKED, publicText: '', wordsShown: 'masked' });
    for (const id of [ids.approved, ids.unchecked]) {
      const one = await client.get(`/api/v1/feedback/${id}`);
      expect(one.statusCode).toBe(200);
      expectNonePlanted(`GET /feedback/${id}`, one.body);
    }
    expect((await client.get(`/api/v1/feedback/${ids.unchecked}`)).json()).toMatchObject({
      text: MASKED,
      wordsShown: 'masked',
    });
  });

  it('from a search: only the words shown are searched', async () => {
    const client = await t.as(role);
    for (const q of [NAME, PHONE, EMAIL, 'nobody rang back']) {
      const res = await client.get(`/api/v1/feedback?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json(), `a search for "${q}"`).toMatchObject({ items: [], total: 0 });
    }
    // Words they are shown are found: the masked original, and the approved public words.
    const masked = (await client.get('/api/v1/feedback?q=emailed')).json();
    expect(masked.items.map((i: { id: number }) => i.id)).toEqual([ids.unchecked]);
    expect(masked.total).toBe(1);
    const shown = (await client.get('/api/v1/feedback?q=hear%20back')).json();
    expect(shown.items.map((i: { id: number }) => i.id)).toEqual([ids.approved]);
  });

  it('from the promise page, the commitment and my actions, each masked item marked', async () => {
    const client = await t.as(role);
    const card = await client.get(`/api/v1/promises/${ids.promise}/card`);
    expect(card.statusCode).toBe(200);
    expectNonePlanted('the promise card', card.body);
    expect(card.json().youSaid.items).toEqual([
      expect.objectContaining({ id: ids.unchecked, text: MASKED, wordsShown: 'masked' }),
      expect.objectContaining({ id: ids.approved, text: PUBLIC, wordsShown: 'public' }),
    ]);
    const commitment = await client.get(`/api/v1/commitments/${ids.commitment}`);
    expect(commitment.statusCode).toBe(200);
    expectNonePlanted('the commitment', commitment.body);
    expect(commitment.json().youSaid).toEqual([
      expect.objectContaining({ id: ids.unchecked, text: MASKED, wordsShown: 'masked' }),
      expect.objectContaining({ id: ids.approved, text: PUBLIC, wordsShown: 'public' }),
    ]);
    if (role === 'owner') {
      // The answer to the owner's quick update.
      const version = commitment.json().version as number;
      const updated = await client.patch(`/api/v1/commitments/${ids.commitment}`, { version, progress: 20 });
      expect(updated.statusCode, updated.body).toBe(200);
      expectNonePlanted('the quick update’s answer', updated.body);
    }
    const mine = await client.get('/api/v1/my-actions');
    expect(mine.statusCode).toBe(200);
    expectNonePlanted('my actions', mine.body);
    if (role === 'owner') expect(mine.body).toContain(MASKED);
    for (const url of ['/api/v1/commitments', '/api/v1/promises', '/api/v1/feedback/loop-measures']) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(200);
      expectNonePlanted(url, res.body);
    }
  });

  it('from the board summary and the exports (CSV and XLSX)', async () => {
    const client = await t.as(role);
    const summary = await client.get('/api/v1/board/summary');
    expect(summary.statusCode).toBe(200);
    expectNonePlanted('the board summary', summary.body);
    for (const table of ['promises', 'actions', 'measures']) {
      const csv = await client.get(`/api/v1/board/export.csv?table=${table}`);
      expect(csv.statusCode).toBe(200);
      expectNonePlanted(`the ${table} CSV`, csv.body);
    }
    const xlsx = await client.get('/api/v1/board/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
    expect(cells.length).toBeGreaterThan(1);
    expectNonePlanted('the XLSX workbook', cells.join('\n'));
  });

  it('from history: words masked, staff named but their emails left out', async () => {
    const client = await t.as(role);
    for (const id of [ids.approved, ids.unchecked]) {
      const res = await client.get(`/api/v1/history/feedback/${id}`);
      expect(res.statusCode).toBe(200);
      expectNonePlanted(`the history of item ${id}`, res.body);
      expect(res.body).not.toContain(emailFor('participation'));
      const created = res.json().items.find((e: { action: string }) => e.action === 'create');
      expect(created).toMatchObject({ userEmail: '', userName: 'Test participation' });
    }
    const history = (await client.get(`/api/v1/history/feedback/${ids.unchecked}`)).json();
    expect(history.items.find((e: { action: string }) => e.action === 'create').after.text).toBe(MASKED);
    const importHistory = await client.get(`/api/v1/history/feedback/${ids.imported}`);
    expect(importHistory.statusCode).toBe(200);
    expectNonePlanted('the history of an imported item', importHistory.body);
    expect(importHistory.json().items).toEqual([
      expect.objectContaining({
        action: 'import',
        userEmail: '',
        userName: 'Test participation',
        after: expect.objectContaining({ text: '[name] rang [phone] about the survey' }),
      }),
    ]);
    const promiseHistory = await client.get(`/api/v1/promises/${ids.promise}/history`);
    expect(promiseHistory.statusCode).toBe(200);
    expectNonePlanted('the promise history', promiseHistory.body);
    // The full audit trail stays admin-only.
    expect((await client.get('/api/v1/audit')).statusCode).toBe(403);
  });
});

describe('board packs carry approved words only, on screen and in print', () => {
  let packId = 0;

  beforeAll(async () => {
    const board = await t.as('board');
    const meeting = await board.post('/api/v1/board/meetings', {
      meetingDate: '2026-06-10',
      title: 'June board',
      attendance: [{ role: 'councillor', count: 4 }],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const pack = await board.post(`/api/v1/board/meetings/${meeting.json().id}/packs`, { kind: 'board' });
    expect(pack.statusCode, pack.body).toBe(201);
    packId = pack.json().id;
  });

  it.each(NON_WORKERS)('as %s: the pack and its PDF', async (role) => {
    const client = await t.as(role);
    const pack = await client.get(`/api/v1/board/packs/${packId}`);
    expect(pack.statusCode).toBe(200);
    expectNonePlanted('the board pack', pack.body);
    expect(pack.body).toContain(PUBLIC);
    const pdf = await client.get(`/api/v1/board/packs/${packId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload), useSystemFonts: true }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
    }
    expectNonePlanted('the board pack PDF', pages.join('\n'));
  });
});

describe.each(WORKERS)('as %s, the original words are still there', (role) => {
  it('on the item, the promise page, the commitment and in history', async () => {
    const client = await t.as(role);
    expect((await client.get(`/api/v1/feedback/${ids.unchecked}`)).json()).toMatchObject({
      text: ORIGINAL,
      wordsShown: 'original',
    });
    expect((await client.get(`/api/v1/feedback/${ids.approved}`)).json()).toMatchObject({
      text: APPROVED_ORIGINAL,
      publicText: PUBLIC,
      wordsShown: 'original',
    });
    const search = (await client.get(`/api/v1/feedback?q=${NAME}`)).json();
    expect(search.total).toBe(3);
    const card = (await client.get(`/api/v1/promises/${ids.promise}/card`)).json();
    expect(card.youSaid.items.map((i: { text: string }) => i.text)).toEqual([ORIGINAL, APPROVED_ORIGINAL]);
    const commitment = (await client.get(`/api/v1/commitments/${ids.commitment}`)).json();
    expect(commitment.youSaid.map((i: { text: string }) => i.text)).toEqual([ORIGINAL, APPROVED_ORIGINAL]);
    const history = (await client.get(`/api/v1/history/feedback/${ids.unchecked}`)).json();
    const created = history.items.find((e: { action: string }) => e.action === 'create');
    expect(created.after.text).toBe(ORIGINAL);
    // Staff emails are for admins only; a participation worker reads names.
    expect(created).toMatchObject({
      userName: 'Test participation',
      userEmail: role === 'admin' ? emailFor('participation') : '',
    });
  });
});

describe('the admin’s audit trail', () => {
  it('keeps the original words and staff emails, with names beside them', async () => {
    const res = await (await t.as('admin')).get(`/api/v1/audit?entity=feedback&entityId=${ids.unchecked}`);
    expect(res.statusCode).toBe(200);
    const created = res.json().items.find((e: { action: string }) => e.action === 'create');
    expect(created).toMatchObject({
      userEmail: emailFor('participation'),
      userName: 'Test participation',
      after: { text: ORIGINAL },
    });
  });
});
