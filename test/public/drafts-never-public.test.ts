// The one gate: words typed into any field children read (by an admin, a leader or a
// participation worker) are drafts until a participation worker approves them. A unique name,
// number and email planted in every such draft appear on no public route, nor in the printable
// sheet or the children's pack, until approved; a hard finding can never be approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Client, type TestApp } from '../helpers/app.js';

const NAME = 'Zephyrine Quillfeather';
const PHONE = '07700 900777';
const EMAIL = 'zephyrine.q@example.com';
const planted = (field: string) => `${field}: ${NAME} on ${PHONE} or ${EMAIL}`;
const SECRETS = [NAME, PHONE, EMAIL];

let t: TestApp;
let admin: Client;
let worker: Client;
const ids = { theme: 0, promise: 0, commitment: 0, measure: 0, feedback: 0, meeting: 0 };

beforeAll(async () => {
  t = await makeTestApp();
  admin = await t.as('admin');
  worker = await t.as('participation');
  const made = async (url: string, body: unknown) => {
    const res = await admin.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };
  ids.theme = (await made('/api/v1/themes', { name: 'Home', childName: 'Your home' })).id;
  ids.promise = (
    await made('/api/v1/promises', {
      themeId: ids.theme,
      staffText: 'Stable homes',
      childText: 'A home that stays',
      audience: 'both',
    })
  ).id;
  ids.commitment = (
    await made('/api/v1/commitments', {
      promiseId: ids.promise,
      title: 'Fewer moves',
      childTitle: 'Fewer moves for you',
      dueDate: '2026-12-01',
    })
  ).id;
  ids.measure = (
    await made('/api/v1/measures', {
      promiseId: ids.promise,
      name: 'Moves',
      childSentence: 'How many times you moved',
      unit: 'count',
      direction: 'lower',
    })
  ).id;
  const item = await worker.post('/api/v1/feedback', {
    text: 'I want to stay put',
    publicText: 'I want to stay put',
    source: 'forum',
    forumId: 'cicc',
    heardOn: '2026-06-01',
    ageBand: '11-18',
    promiseIds: [ids.promise],
  });
  ids.feedback = item.json().id;
  // The clean words, approved one record at a time as a worker would.
  const queue = (await worker.get('/api/v1/public-words?pageSize=200')).json();
  for (const e of queue.items as { entity: string; entityId: number }[]) {
    const path = `/api/v1/public-words/${e.entity}/${e.entityId}`;
    const version = (await worker.get(path)).json().version;
    expect((await worker.post(`${path}/approve`, { version })).statusCode).toBe(200);
  }
  const current = async (url: string) => (await admin.get(url)).json().version as number;
  // Now every field children read gets a draft holding a name, a number and an email.
  const edits: [string, Record<string, unknown>][] = [
    [`/api/v1/themes/${ids.theme}`, { childName: planted('theme'), childNameCy: planted('themeCy') }],
    [`/api/v1/promises/${ids.promise}`, { childText: planted('promise'), childTextCy: planted('promiseCy') }],
    [
      `/api/v1/commitments/${ids.commitment}`,
      {
        childTitle: planted('title'),
        childTitleCy: planted('titleCy'),
        childUpdate: planted('update'),
        childUpdateCy: planted('updateCy'),
        childReason: planted('reason'),
      },
    ],
    [`/api/v1/measures/${ids.measure}`, { childSentence: planted('sentence'), childSentenceCy: planted('sentenceCy') }],
    [
      `/api/v1/feedback/${ids.feedback}`,
      {
        publicText: planted('quote'),
        response: 'did',
        responseText: planted('answer'),
        responseTextCy: planted('answerCy'),
        respondedOn: '2026-06-10',
      },
    ],
  ];
  for (const [url, patch] of edits) {
    const client = url.includes('/feedback/') ? worker : admin;
    const res = await client.patch(url, { ...patch, version: await current(url) });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  }
});
afterAll(() => t.close());

async function publicBodies(): Promise<string> {
  const urls = t.app.routeAccess
    .filter((r) => r.access === 'public' && r.method === 'GET' && r.url.startsWith('/api/v1/public/'))
    .map((r) => r.url.replace(':id', String(ids.promise)));
  const bodies = await Promise.all(urls.map(async (url) => (await t.anon.get(url)).body));
  const sheet = (await worker.get('/api/v1/feedback/you-said-we-did?forumId=cicc&since=2026-01-01')).body;
  return [...bodies, sheet].join('\n');
}

describe('drafts of words children read', () => {
  it('reach no public route and no printed sheet: the approved words stay live', async () => {
    const all = await publicBodies();
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    const card = (await t.anon.get(`/api/v1/public/promises/${ids.promise}`)).json();
    expect(card.text).toBe('A home that stays');
    expect(card.youSaid.map((q: { text: string }) => q.text)).toEqual(['I want to stay put']);
    expect(card.weWill.map((a: { text: string }) => a.text)).toEqual(['Fewer moves for you']);
  });

  it('reach no children’s board pack', async () => {
    const meeting = await (
      await t.as('board')
    ).post('/api/v1/board/meetings', {
      meetingDate: '2026-06-15',
      title: 'June board',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const pack = await (
      await t.as('board')
    ).post(`/api/v1/board/meetings/${meeting.json().id}/packs`, {
      kind: 'children',
    });
    expect(pack.statusCode, pack.body).toBe(201);
    for (const secret of SECRETS) expect(pack.body).not.toContain(secret);
  });

  it('are all in the approval queue, and none can be approved: each holds a phone number', async () => {
    const queue = (await worker.get('/api/v1/public-words?pageSize=200')).json();
    expect(queue.counts.byEntity).toMatchObject({ feedback: 1, commitment: 1, measure: 1, promise: 1, theme: 1 });
    for (const e of queue.items as { entity: string; entityId: number }[]) {
      const path = `/api/v1/public-words/${e.entity}/${e.entityId}`;
      const detail = (await worker.get(path)).json();
      expect(detail.blocked, path).toBe(true);
      const refused = await worker.post(`${path}/approve`, { version: detail.version, reason: 'she said ok' });
      expect(refused.statusCode, path).toBe(400);
    }
    const all = await publicBodies();
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
