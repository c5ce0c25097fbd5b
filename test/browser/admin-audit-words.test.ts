// The audit trail reads in names and words, and fits the page at 1280 px and on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, checkPage, openPage, signIn, startHarness, type Harness, type Json } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(120_000));
afterAll(() => h?.close());

/** Nothing wider than the window: no sideways scrolling, and the change column within the page. */
async function fitsTheWindow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const table = document.querySelector('table.pt-admin-audit')!.getBoundingClientRect();
    const cells = [...document.querySelectorAll('.pt-admin-audit__change')].map((c) => c.getBoundingClientRect().right);
    return {
      scrolls: document.documentElement.scrollWidth > width,
      tableInside: table.right <= width + 0.5,
      cellsInside: cells.every((r) => r <= width + 0.5),
    };
  });
}

describe(
  'the audit trail in words',
  () => {
    it('shows names, status words and times in words, within the page at 1280 px and on a phone', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      // An action handed from one owner to another, and put off track.
      const owners = (
        await call<{ items: (Json & { id: number; name: string; canOwnActions: boolean; disabled: boolean })[] }>(
          page,
          'GET',
          '/users',
        )
      ).items.filter((u) => u.canOwnActions && !u.disabled);
      const actions = await call<{ items: (Json & { id: number })[] }>(page, 'GET', '/commitments?pageSize=5');
      const action = await call<Json & { id: number; version: number; ownerId: number | null; title: string }>(
        page,
        'GET',
        `/commitments/${actions.items[0]!.id}`,
      );
      const to = owners.find((u) => u.id !== action.ownerId)!;
      const from = owners.find((u) => u.id === action.ownerId);
      const saved = await call<Json>(page, 'PATCH', `/commitments/${action.id}`, {
        version: action.version,
        ownerId: to.id,
        status: 'off_track',
        note: 'Handed over while the team is rebuilt',
      });
      expect(saved.id).toBe(action.id);

      await page.goto(`/admin/audit?entity=commitment&entityId=${action.id}`);
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      const row = page.locator('tbody tr').first();
      await row.waitFor();
      const change = await row.getByRole('cell').nth(4).innerText();
      expect(change).toContain(`Owner: ${from ? from.name : '(none)'}`);
      expect(change).toContain(to.name);
      expect(change).toContain('Off track');
      expect(change).not.toMatch(/off_track|Owner id|\d+ → \d+/);
      const when = await row.getByRole('cell').nth(0).innerText();
      expect(when).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}:\d{2}(am|pm)|midnight|midday)$/);
      expect(await row.getByRole('cell').nth(3).innerText()).toBe(`Action ${action.id}: ${action.title}`);
      expect(await fitsTheWindow(page)).toEqual({ scrolls: false, tableInside: true, cellsInside: true });
      await checkPage(page, 'admin-audit-words', errors);

      // The whole trail, with its longest changes (settings, accounts), still within the page.
      await page.goto('/admin/audit');
      await page.getByText(/Showing 1 to \d+ of \d+ entries/).waitFor();
      expect(await fitsTheWindow(page)).toEqual({ scrolls: false, tableInside: true, cellsInside: true });

      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`/admin/audit?entity=commitment&entityId=${action.id}`);
      await page.locator('tbody tr').first().waitFor();
      expect(await fitsTheWindow(page)).toEqual({ scrolls: false, tableInside: true, cellsInside: true });
      await checkPage(page, 'admin-audit-words-phone', errors);
      await context.close();
    });

    it('keeps the filters chosen while the list is still loading, and applies them', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      // The list answers slowly, as on venue Wi-Fi: the filters are chosen before it arrives.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/v1/audit?*', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/admin/audit');
      await page.getByLabel('Kind of record').selectOption('settings');
      await page.getByLabel('What they did').selectOption('update');
      release();
      await page.getByText(/Showing 1 to \d+ of \d+ entries/).waitFor();
      // The list arriving re-draws the form; what was chosen stays chosen.
      expect(await page.getByLabel('Kind of record').inputValue()).toBe('settings');
      expect(await page.getByLabel('What they did').inputValue()).toBe('update');
      await page.unroute('**/api/v1/audit?*');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.search === '?entity=settings&action=update');
      expect(errors).toEqual([]);
      await context.close();
    });
  },
  scaled(180_000),
);
