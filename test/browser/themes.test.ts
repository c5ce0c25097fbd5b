// Theme journeys: add a theme after a validation error, and a stale edit that shows the other
// person's version and saves on top of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('themes in a real browser', () => {
  it('adds a theme after fixing a validation error', { timeout: scaled(60_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    await page.goto('/admin/themes/new');
    await page.getByRole('heading', { level: 1, name: 'Add a theme' }).waitFor();

    // Nothing filled in: the API's field errors land against their fields and in the summary.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    const summary = await page.locator('.govuk-error-summary__list a').allTextContents();
    expect(summary.some((s) => s.startsWith('Theme name (staff wording):'))).toBe(true);
    expect(summary.some((s) => s.startsWith('Theme name in children’s words:'))).toBe(true);
    await page.locator('#f-name-error').waitFor();
    await checkPage(page, 'theme-new-errors', errors);

    await page.getByLabel('Theme name (staff wording)').fill('Staying safe online');
    await page.getByLabel('Theme name in children’s words').fill('Being safe online');
    // No colour typed: the server gives the next one no theme uses.
    expect(await page.getByLabel('Colour').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    const saved = await page.evaluate(
      async () => (await (await fetch('/api/v1/themes')).json()) as { items: { name: string; colour: string }[] },
    );
    expect(saved.items.map((th) => th.name)).toContain('Staying safe online');
    const colours = saved.items.map((th) => th.colour.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);

    // The GOV.UK success banner confirms it by name, and takes focus.
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.getByText('Theme “Staying safe online” added.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain('govuk-notification-banner');
    // Every swatch is filled with its theme's colour, not an empty box.
    const fills = await page
      .locator('pt-colour-swatch .pt-theme__swatch')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(fills.length).toBe(saved.items.length);
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(new Set(fills)).toEqual(new Set(colours.map(rgb)));
    await checkPage(page, 'theme-added-banner', errors);
    await context.close();
  });

  it('explains a stale edit and shows the other person’s version', { timeout: scaled(60_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    const created = await page.evaluate(async () => {
      const s = await (await fetch('/api/v1/session')).json();
      const res = await fetch('/api/v1/themes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ name: 'Money', childName: 'Your money', colour: '#1d70b8' }),
      });
      return (await res.json()) as { id: number; version: number };
    });

    await page.goto(`/admin/themes/${created.id}/edit`);
    await page.getByLabel('Theme name (staff wording)').waitFor();
    // Someone else saves first.
    await page.evaluate(async ({ id, version }) => {
      const s = await (await fetch('/api/v1/session')).json();
      // Read to the end, as a page does: an unread no-store answer never finishes loading.
      const res = await fetch(`/api/v1/themes/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ version, name: 'Money and benefits' }),
      });
      await res.text();
    }, created);

    await page.getByLabel('Theme name (staff wording)').fill('My stale change');
    await page.getByRole('button', { name: 'Save' }).click();
    const banner = page.locator('.govuk-notification-banner', { hasText: 'Someone else changed this' });
    await banner.waitFor();
    await banner.getByText('Money and benefits').waitFor();
    expect(await page.getByLabel('Theme name (staff wording)').inputValue()).toBe('Money and benefits');
    await checkPage(page, 'theme-conflict', errors);

    // Saving again on top of their version works.
    await page.getByLabel('Theme name (staff wording)').fill('Money, benefits and bills');
    // The swatch beside the colour shows it as it is typed.
    await page.getByLabel('Colour').fill('#00677a');
    await expect
      .poll(() =>
        page.locator('form pt-colour-swatch .pt-theme__swatch').evaluate((el) => getComputedStyle(el).backgroundColor),
      )
      .toBe('rgb(0, 103, 122)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await page
      .locator('.govuk-notification-banner--success')
      .getByText('Theme “Money, benefits and bills” saved.')
      .waitFor();
    const theme = await page.evaluate(
      async (id) => (await (await fetch(`/api/v1/themes/${id}`)).json()) as { name: string },
      created.id,
    );
    expect(theme.name).toBe('Money, benefits and bills');
    await context.close();
  });
});
