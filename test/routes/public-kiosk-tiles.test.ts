// What the kiosk's tiles and journey are built from: each theme's picture (chosen by an admin from
// the built-in set, audited), how many of its promises the board has checked (unrated is "not
// checked yet", never "not on track"), and how far each promise has got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import type { Db } from '../../db/client.js';
import { auditLog, boardMeetings, commitments, promises, ragReviews, themes } from '../../db/schema.js';
import type { PublicPromise, PublicSummary } from '../../server/contracts/index.js';

const ids = { checkedTheme: 0, uncheckedTheme: 0, green: 0, unrated: 0, started: 0, planned: 0 };
function seed(db: Db) {
  const theme = (childName: string, icon?: 'heart') =>
    db
      .insert(themes)
      .values({ name: childName, childName, ...(icon ? { icon } : {}) })
      .returning()
      .get().id;
  const promise = (themeId: number, childText: string) =>
    db.insert(promises).values({ themeId, staffText: childText, childText, audience: 'both' }).returning().get().id;
  ids.checkedTheme = theme('Somewhere to live', 'heart');
  ids.uncheckedTheme = theme('Your say');
  ids.green = promise(ids.checkedTheme, 'A safe home');
  ids.unrated = promise(ids.checkedTheme, 'A key of your own');
  ids.started = promise(ids.uncheckedTheme, 'We will listen');
  ids.planned = promise(ids.uncheckedTheme, 'We will answer');
  const meeting = db.insert(boardMeetings).values({ meetingDate: '2026-06-01', title: 'June' }).returning().get();
  db.insert(ragReviews)
    .values({ meetingId: meeting.id, promiseId: ids.green, rating: 'green', decidedOn: '2026-06-01' })
    .run();
  const commitment = (promiseId: number, status: 'not_started' | 'on_track' | 'done') =>
    db
      .insert(commitments)
      .values({ promiseId, title: status, childTitle: `Thing ${status}`, dueDate: '2026-12-31', status })
      .run();
  commitment(ids.started, 'done');
  commitment(ids.started, 'not_started');
  commitment(ids.planned, 'not_started');
  commitment(ids.green, 'done');
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ seed });
});
afterAll(() => t.close());

describe('the kiosk’s tiles and journey', () => {
  it('counts checked promises apart from on-track ones, and gives each theme its picture', async () => {
    const summary = (await t.anon.get('/api/v1/public/summary')).json() as PublicSummary;
    const byId = new Map(summary.themes.map((th) => [th.id, th]));
    expect(byId.get(ids.checkedTheme)).toMatchObject({
      icon: 'heart',
      promiseCount: 2,
      checkedCount: 1,
      onTrackCount: 1,
    });
    // Nobody has rated these: nothing is off track, nothing is checked.
    expect(byId.get(ids.uncheckedTheme)).toMatchObject({
      icon: 'star',
      promiseCount: 2,
      checkedCount: 0,
      onTrackCount: 0,
    });
    expect(summary.promises.find((p) => p.id === ids.unrated)?.onTrack).toBeNull();
  });

  it('says how far each promise has got', async () => {
    const journey = async (id: number) =>
      ((await t.anon.get(`/api/v1/public/promises/${id}`)).json() as PublicPromise).journey;
    expect(await journey(ids.unrated)).toBe('heard');
    expect(await journey(ids.planned)).toBe('planned');
    expect(await journey(ids.started)).toBe('doing');
    expect(await journey(ids.green)).toBe('done');
  });

  it('lets an admin choose a picture from the set, audited, and refuses one outside it', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get(`/api/v1/themes/${ids.uncheckedTheme}`)).json() as {
      version: number;
      icon: string;
    };
    expect(before.icon).toBe('star');
    const bad = await admin.patch(`/api/v1/themes/${ids.uncheckedTheme}`, { version: before.version, icon: 'skull' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const saved = await admin.patch(`/api/v1/themes/${ids.uncheckedTheme}`, {
      version: before.version,
      icon: 'speech',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ icon: 'speech', version: before.version + 1 });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'theme'), eq(auditLog.entityId, String(ids.uncheckedTheme))))
      .all()
      .at(-1);
    expect(audit?.after).toMatchObject({ icon: 'speech' });
    expect(audit?.before).toMatchObject({ icon: 'star' });
    const created = await admin.post('/api/v1/themes', { name: 'Growing up', childName: 'Growing up', icon: 'rocket' });
    expect(created.json()).toMatchObject({ icon: 'rocket' });
    const summary = (await t.anon.get('/api/v1/public/summary')).json() as PublicSummary;
    expect(summary.themes.find((th) => th.id === ids.uncheckedTheme)?.icon).toBe('speech');
  });
});
