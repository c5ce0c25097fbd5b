// The board dashboard as a board member reads it at 1280x800: the few promises that need
// attention first (capped, "Show all" for the rest), every theme's table folded away until
// opened or filtered, and a page a board member can take in (it was 10,900 px tall).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, openPage, settled, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the board dashboard', () => {
  it('shows the few that need attention first and folds the rest away', { timeout: scaled(120_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await page.setViewportSize({ width: 1280, height: 800 });
    let clicks = 0;
    await signIn(page, 'board');
    clicks++;
    await page.getByRole('navigation').getByRole('link', { name: 'Board' }).click();
    clicks++;
    await page.getByRole('heading', { level: 2, name: 'Needs attention first' }).waitFor();
    await settled(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`board dashboard height at 1280x800: ${height} px`);
    expect(height).toBeLessThan(4000);
    await checkPage(page, 'board-dashboard-collapsed', errors);

    const items = page.locator('pt-board-attention .pt-board-attention__item');
    expect(await items.count()).toBeLessThanOrEqual(5);
    // Red comes first.
    expect(await items.first().innerText()).toContain('Rated red');
    const showAll = page.getByRole('button', { name: /^Show all \d+ needing attention$/ });
    if (await showAll.count()) {
      const total = Number(/\d+/.exec(await showAll.innerText())![0]);
      await showAll.click();
      await expect.poll(() => items.count()).toBe(total);
      expect(await page.getByRole('button', { name: 'Show only the first 5' }).getAttribute('aria-expanded')).toBe(
        'true',
      );
    }

    // Theme tables are folded: none of their rows show until a theme is opened.
    const details = page.locator('details.pt-board-theme');
    expect(await details.count()).toBeGreaterThan(1);
    expect(await page.locator('details.pt-board-theme[open]').count()).toBe(0);
    await details.first().locator(':scope > summary').click();
    expect(await details.first().locator('tbody tr').first().isVisible()).toBe(true);

    // Opening what needs attention: one click from the dashboard.
    await items.first().getByRole('link').click();
    clicks++;
    await page.getByRole('heading', { level: 2, name: 'We will' }).waitFor();
    // Sign in, Board, the promise.
    expect(clicks).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
