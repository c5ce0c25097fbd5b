// A page whose data could not load says so and offers "Try again"; the button must really load
// the page again. The browser drops the first request for the page's data (as a dropped Wi-Fi
// connection would), then lets the retry through to the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Fails the first request for `apiPath` (any query), and no other. */
async function dropFirst(page: Page, apiPath: string) {
  let dropped = false;
  await page.route(
    (url) => url.pathname === `/api/v1${apiPath}`,
    (route) => {
      if (dropped) return route.continue();
      dropped = true;
      return route.abort('internetdisconnected');
    },
  );
}

describe('"Try again" on a page that could not load', () => {
  it('loads the board dashboard again', { timeout: scaled(60_000) }, async () => {
    const { context, page } = await openPage(h);
    await signIn(page, 'admin');
    await dropFirst(page, '/board/summary');
    await page.goto('/board');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 2, name: 'Needs attention first' }).waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await context.close();
  });

  it('loads the recent feedback again', { timeout: scaled(60_000) }, async () => {
    const { context, page } = await openPage(h);
    await signIn(page, 'admin');
    await dropFirst(page, '/feedback');
    await page.goto('/feedback');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('unlinked').waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await context.close();
  });

  it('loads a feedback item again', { timeout: scaled(60_000) }, async () => {
    const item = h.db.select().from(feedback).where(eq(feedback.safeguarding, false)).limit(1).get()!;
    const { context, page } = await openPage(h);
    await signIn(page, 'participation');
    await dropFirst(page, `/feedback/${item.id}`);
    await page.goto(`/feedback/${item.id}`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Save answer' }).waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await context.close();
  });

  it('loads the outbox again', { timeout: scaled(60_000) }, async () => {
    const { context, page } = await openPage(h);
    await signIn(page, 'admin');
    await dropFirst(page, '/outbox');
    await page.goto('/admin/outbox');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-outbox-counts]').waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await context.close();
  });
});
