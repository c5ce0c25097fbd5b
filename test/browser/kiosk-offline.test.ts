// The kiosk's offline copy forgets: it still shows a promise when the Wi-Fi drops, but once words
// are withdrawn the next contact removes them from the page and from every Cache Storage entry,
// including a promise nobody has opened since; and saved data more than a day old is not shown as
// current ("Connect to see the latest"), in English and in Welsh, axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, feedbackPromises } from '../../db/schema.js';
import type { PublicSummary } from '../../server/contracts/index.js';
import { scaled } from '../helpers/slowness.js';

const OPENED = 'Withdraw-me words on the promise we open';
const ELSEWHERE = 'Withdraw-me words on another promise';

let h: Harness;
let summary: PublicSummary;
let opened: PublicSummary['promises'][number];
let elsewhere: PublicSummary['promises'][number];
const items: number[] = [];

beforeAll(async () => {
  h = await startHarness();
  summary = (await h.app.inject({ method: 'GET', url: '/api/v1/public/summary' })).json();
  opened = summary.promises[0]!;
  elsewhere = summary.promises.find((p) => p.id !== opened.id)!;
  for (const [text, promiseId] of [
    [OPENED, opened.id],
    [ELSEWHERE, elsewhere.id],
  ] as const) {
    const row = h.db
      .insert(feedback)
      .values({
        text: 'the original words',
        publicText: text,
        // Approved as moderation leaves it: the live copy is what the kiosk reads.
        livePublicText: text,
        publishState: 'approved',
        source: 'forum',
        heardOn: '2026-01-10',
        ageBand: 'care-leaver',
      })
      .returning()
      .get();
    h.db.insert(feedbackPromises).values({ feedbackId: row.id, promiseId }).run();
    items.push(row.id);
  }
}, scaled(120_000));
afterAll(() => h?.close());

/** Every entry in every cache the kiosk holds, as text. */
const cachedText = (page: Page) =>
  page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys())
        out.push(`${request.url} ${await (await cache.match(request))!.text()}`);
    }
    return out.join('\n');
  });

async function openPromise(page: Page, p: PublicSummary['promises'][number]) {
  await page
    .getByRole('button', { name: 'Start again' })
    .or(page.getByRole('button', { name: 'Dechrau eto' }))
    .click();
  await page.locator(`[data-theme-id="${p.themeId}"]`).click();
  await page.locator(`[data-promise-id="${p.id}"]`).click();
}

describe('the kiosk offline', { timeout: scaled(180_000) }, () => {
  it('shows a promise offline, forgets withdrawn words at the next contact, and will not show day-old data', async () => {
    const { context, page, errors } = await openPage(h);
    await page.goto('/kiosk');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    // Open both promises while online, so the worker keeps both.
    await page.locator(`[data-theme-id="${elsewhere.themeId}"]`).click();
    await page.locator(`[data-promise-id="${elsewhere.id}"]`).click();
    await page.getByText(`“${ELSEWHERE}”`).waitFor();
    await openPromise(page, opened);
    await page.getByText(`“${OPENED}”`).waitFor();
    await page.waitForFunction(
      async (ids) => (await Promise.all(ids.map((id) => caches.match(`/api/v1/public/promises/${id}`)))).every(Boolean),
      [opened.id, elsewhere.id],
    );

    // The Wi-Fi drops: the kiosk says so, and the promise is still there from what was kept.
    await context.setOffline(true);
    await openPromise(page, opened);
    await page.getByText('No internet right now. Showing what we saved last time.').waitFor();
    await page.getByText(`“${OPENED}”`).waitFor();

    // Meanwhile a worker withdraws both quotes.
    const staff = await openPage(h);
    await signIn(staff.page, 'participation');
    for (const id of items) {
      const res = await call(staff.page, 'POST', `/feedback/${id}/withdraw`, { reason: 'asked to take it down' });
      expect(res).toMatchObject({ publishState: 'withheld' });
    }
    await staff.context.close();

    // Back online: the page and every cache forget both, even the promise not opened again.
    await context.setOffline(false);
    await page.getByText(`“${OPENED}”`).waitFor({ state: 'detached' });
    await page.getByText('No internet right now. Showing what we saved last time.').waitFor({ state: 'detached' });
    await expect.poll(() => cachedText(page), { timeout: scaled(10_000) }).not.toContain(OPENED);
    await expect.poll(() => cachedText(page), { timeout: scaled(10_000) }).not.toContain(ELSEWHERE);
    expect(await cachedText(page)).toContain(`/api/v1/public/promises/${elsewhere.id}`);

    // Offline again, with what was kept saved two days ago: the kiosk asks to connect instead.
    await context.setOffline(true);
    await page.evaluate(async () => {
      const cache = await caches.open('pt-kiosk-data');
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000).toISOString();
      for (const request of await cache.keys()) {
        const kept = (await cache.match(request))!;
        const headers = new Headers(kept.headers);
        headers.set('x-pt-saved-at', twoDaysAgo);
        await cache.put(request, new Response(await kept.blob(), { status: kept.status, headers }));
      }
    });
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByText('Connect to see the latest').waitFor();
    expect(await page.locator(`[data-theme-id]`).count()).toBe(0);
    await page.reload();
    await page.getByText('Connect to see the latest').waitFor();
    for (const p of summary.promises) expect(await page.getByText(p.text).count()).toBe(0);
    await checkPage(page, 'kiosk-stale', errors);
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.getByText('Cysylltwch i weld y diweddaraf').waitFor();
    await checkPage(page, 'kiosk-stale-cy', errors);
    await context.close();
  });
});
