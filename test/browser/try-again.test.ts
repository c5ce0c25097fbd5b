// A page whose data could not load says so and offers "Try again"; the button must really load
// the page again. The browser drops the first request for the page's data (as a dropped Wi-Fi
// connection would), then lets the retry through to the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { Role } from '../../server/contracts/index.js';
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

/**
 * Signed in as `role`, opens `url` with the first request for `apiPath` dropped, presses "Try
 * again" and waits for what only the loaded page shows; the button is gone once it has loaded.
 */
async function triesAgain(role: Role, apiPath: string, url: string, loaded: (page: Page) => Locator) {
  const { context, page } = await openPage(h);
  await signIn(page, role);
  await dropFirst(page, apiPath);
  await page.goto(url);
  await page.getByRole('button', { name: 'Try again' }).click();
  await loaded(page).waitFor();
  expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  await context.close();
}

describe('"Try again" on a page that could not load', () => {
  it('loads the board dashboard again', { timeout: scaled(60_000) }, () =>
    triesAgain('admin', '/board/summary', '/board', (page) =>
      page.getByRole('heading', { level: 2, name: 'Needs attention first' }),
    ),
  );

  it('loads the recent feedback again', { timeout: scaled(60_000) }, () =>
    triesAgain('admin', '/feedback', '/feedback', (page) => page.getByTestId('unlinked')),
  );

  it('loads a feedback item again', { timeout: scaled(60_000) }, () => {
    const item = h.db.select().from(feedback).where(eq(feedback.safeguarding, false)).limit(1).get()!;
    return triesAgain('participation', `/feedback/${item.id}`, `/feedback/${item.id}`, (page) =>
      page.getByRole('button', { name: 'Save answer' }),
    );
  });

  it('loads the outbox again', { timeout: scaled(60_000) }, () =>
    triesAgain('admin', '/outbox', '/admin/outbox', (page) => page.locator('[data-outbox-counts]')),
  );

  it('loads the sign-in settings again', { timeout: scaled(60_000) }, () =>
    triesAgain('admin', '/session/options', '/admin/sign-in', (page) =>
      page.getByRole('button', { name: 'Save sign-in settings' }),
    ),
  );
});
