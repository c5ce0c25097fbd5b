// Promise journeys: create and edit with a validation error first, the promise page on a deep
// link and refresh, a stale edit that shows the other person's version, and a viewer who is
// shown a child's words not yet checked with their details hidden and the words marked so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { listThemes } from '../../db/repositories/themes.js';
import { feedback, feedbackPromises, promises } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('promises in a real browser', () => {
  it(
    'creates a promise after fixing a validation error, edits it, and opens it by deep link',
    { timeout: scaled(60_000) },
    async () => {
      const theme = (await listThemes(h.db, false))[0]!;
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.getByRole('link', { name: 'Add a promise' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a promise' }).waitFor();
      await checkPage(page, 'promise-new', errors);

      // Nothing filled in: the API's field errors land against their fields and in the summary.
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
      const summary = await page.locator('.govuk-error-summary__list a').allTextContents();
      expect(summary.some((s) => s.startsWith('Promise (staff wording):'))).toBe(true);
      expect(summary.some((s) => s.startsWith('Theme:'))).toBe(true);
      await page.locator('#f-staffText-error').waitFor();
      await checkPage(page, 'promise-new-errors', errors);

      await page.getByLabel('Theme', { exact: true }).selectOption(String(theme.id));
      await page.getByLabel('Promise (staff wording)').fill('Help you stay in touch with your brothers and sisters');
      await page.getByLabel('Promise in children’s words').fill('We will help you see your brothers and sisters');
      await page.getByLabel('Care leavers', { exact: true }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Help you stay in touch with your brothers and sisters' })
        .waitFor();
      const url = page.url();
      expect(url).toMatch(/\/promises\/\d+$/);
      await checkPage(page, 'promise-page', errors);

      await page.getByRole('link', { name: 'Edit this promise' }).click();
      await page.getByLabel('Promise (staff wording)').fill('Help you keep in touch with your brothers and sisters');
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Help you keep in touch with your brothers and sisters' })
        .waitFor();

      // Deep link and refresh land on the same page.
      await page.goto(url);
      await page.reload();
      await page
        .getByRole('heading', { level: 1, name: 'Help you keep in touch with your brothers and sisters' })
        .waitFor();
      await page.getByRole('link', { name: 'Back to promises' }).click();
      await page.getByRole('link', { name: 'Help you keep in touch with your brothers and sisters' }).waitFor();
      await checkPage(page, 'promises-list', errors);
      await context.close();
    },
  );

  it(
    'shows a viewer words not yet checked with their details hidden, marked so',
    { timeout: scaled(60_000) },
    async () => {
      const promise = h.db.select({ id: promises.id, staffText: promises.staffText }).from(promises).limit(1).get()!;
      const item = h.db
        .insert(feedback)
        .values({
          text: 'Please ring me on 07700 900321 or write to planted.child@example.com',
          source: 'survey',
          heardOn: '2026-06-01',
          ageBand: '11-18',
        })
        .returning()
        .get();
      h.db.insert(feedbackPromises).values({ feedbackId: item.id, promiseId: promise.id }).run();
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'viewer');
      await page.goto(`/promises/${promise.id}`);
      const words = page.locator('#you-said + ul li', { hasText: 'Please ring me on [phone] or write to [email]' });
      await words.waitFor();
      expect(await words.locator('.govuk-tag').innerText()).toBe('Not yet checked');
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('07700 900321');
      expect(text).not.toContain('planted.child@example.com');
      await checkPage(page, 'promise-page-viewer', errors);
      await context.close();
    },
  );

  it('explains a stale edit and shows the other person’s version', { timeout: scaled(60_000) }, async () => {
    const theme = (await listThemes(h.db, false))[0]!;
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    const created = await page.evaluate(async (themeId) => {
      const s = await (await fetch('/api/v1/session')).json();
      const res = await fetch('/api/v1/promises', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({
          themeId,
          staffText: 'Give you second chances',
          childText: 'Second chances',
          audience: 'both',
        }),
      });
      return (await res.json()) as { id: number; version: number };
    }, theme.id);

    await page.goto(`/promises/${created.id}/edit`);
    await page.getByLabel('Promise (staff wording)').waitFor();
    // Someone else saves first.
    await page.evaluate(async ({ id, version }) => {
      const s = await (await fetch('/api/v1/session')).json();
      // Read to the end, as a page does: an unread no-store answer never finishes loading.
      const res = await fetch(`/api/v1/promises/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ version, staffText: 'Give you second chances when things go wrong' }),
      });
      await res.text();
    }, created);

    await page.getByLabel('Promise (staff wording)').fill('My stale change');
    await page.getByRole('button', { name: 'Save' }).click();
    const banner = page.locator('.govuk-notification-banner', { hasText: 'Someone else changed this' });
    await banner.waitFor();
    await banner.getByText('Give you second chances when things go wrong').waitFor();
    expect(await page.getByLabel('Promise (staff wording)').inputValue()).toBe(
      'Give you second chances when things go wrong',
    );
    await checkPage(page, 'promise-conflict', errors);

    // Saving again on top of their version works.
    await page.getByLabel('Promise (staff wording)').fill('Give you second chances, every time');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Give you second chances, every time' }).waitFor();
    await context.close();
  });
});
