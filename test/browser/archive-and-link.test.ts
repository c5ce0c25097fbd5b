// Two things an admin or participation worker could only do through the API before: archive a
// commitment or measure (with a confirmation, a 409 shown as the other person's version) and
// restore it from the promise page; and link a feedback item to commitments with a picker (the
// item's promises first, others found by words) rather than by typing a number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The text of the focused element, to follow a keyboard-only path. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

async function firstPromise(page: Page) {
  const list = await call<{ items: { id: number; staffText: string }[] }>(page, 'GET', '/promises?pageSize=1');
  return list.items[0]!;
}

describe('archiving and restoring in a real browser', () => {
  it(
    'archives a commitment after confirming (a stale page shows their version first), then restores it from the promise page',
    { timeout: scaled(120_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      const promise = await firstPromise(page);
      const created = await call<{ id: number; version: number }>(page, 'POST', '/commitments', {
        promiseId: promise.id,
        title: 'Hold a summer trip for brothers and sisters',
        dueDate: '2026-08-30',
      });
      await page.goto(`/actions/commitments/${created.id}/edit`);
      await page.getByRole('heading', { level: 2, name: 'Archive this action' }).waitFor();

      // Cancel asks nothing and puts focus back where it was.
      await page.getByRole('button', { name: 'Archive this action' }).click();
      await page.getByText('Archiving takes this action off the board’s figures and the children’s kiosk').waitFor();
      await expect.poll(() => focused(page)).toBe('Yes, archive this action');
      await checkPage(page, 'commitment-archive-confirm', errors);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => focused(page)).toBe('Archive this action');

      // Someone else changes it meanwhile: archiving is refused and their version shows.
      await call(page, 'PATCH', `/commitments/${created.id}`, {
        version: created.version,
        title: 'Hold a summer trip for brothers and sisters in August',
      });
      await page.getByRole('button', { name: 'Archive this action' }).click();
      await page.getByRole('button', { name: 'Yes, archive this action' }).click();
      const banner = page.locator('.govuk-notification-banner', { hasText: 'Someone else changed this' });
      await banner.getByText('Hold a summer trip for brothers and sisters in August').waitFor();
      expect(await call(page, 'GET', `/commitments/${created.id}`)).toMatchObject({ archived: false, version: 2 });
      await checkPage(page, 'commitment-archive-conflict', errors);

      // By keyboard alone: the button, then the confirmation, which takes focus.
      await page.getByRole('button', { name: 'Archive this action' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('Yes, archive this action');
      await page.keyboard.press('Enter');
      await page.getByText('Action archived').waitFor();
      await page.locator('.pt-archive-panel .govuk-tag', { hasText: 'Archived' }).waitFor();
      await page.getByRole('button', { name: 'Restore this action' }).waitFor();
      expect(await call(page, 'GET', `/commitments/${created.id}`)).toMatchObject({ archived: true, version: 3 });
      await checkPage(page, 'commitment-archived', errors);

      // The promise page lists it as archived (a tag in words), not under "We will".
      await page.goto(`/promises/${promise.id}`);
      const archived = page.locator('pt-archived-work table');
      const row = archived.locator('tr', { hasText: 'Hold a summer trip for brothers and sisters in August' });
      await row.getByText('Archived').waitFor();
      expect(
        await page
          .locator('pt-data-table', { hasText: 'Hold a summer trip for brothers and sisters in August' })
          .count(),
      ).toBe(0);
      await checkPage(page, 'promise-archived-work', errors);

      await page.getByRole('button', { name: 'Restore Hold a summer trip for brothers and sisters in August' }).click();
      await page.getByText('Action restored. It is back on the board’s figures and the children’s kiosk.').waitFor();
      await page
        .locator('pt-data-table')
        .getByText('Hold a summer trip for brothers and sisters in August')
        .first()
        .waitFor();
      await expect.poll(() => row.count()).toBe(0);
      expect(await call(page, 'GET', `/commitments/${created.id}`)).toMatchObject({ archived: false, version: 4 });
      await context.close();
    },
  );

  it(
    'archives a measure from its edit page, shows it as archived on its page, and restores it',
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      const promise = await firstPromise(page);
      const created = await call<{ id: number }>(page, 'POST', '/measures', {
        promiseId: promise.id,
        name: 'Brothers and sisters who met this term',
        unit: 'count',
        direction: 'higher',
      });
      await page.goto(`/actions/measures/${created.id}/edit`);
      await page.getByRole('button', { name: 'Archive this measure' }).click();
      await page.getByText('Archiving takes this measure off the board’s figures and the children’s kiosk').waitFor();
      await page.getByRole('button', { name: 'Yes, archive this measure' }).click();
      await page.getByText('Measure archived').waitFor();
      expect(await call(page, 'GET', `/measures/${created.id}`)).toMatchObject({ archived: true });

      await page.goto(`/actions/measures/${created.id}`);
      await page.getByText('This measure is archived.').waitFor();
      await page.locator('.govuk-tag', { hasText: 'Archived' }).first().waitFor();
      await checkPage(page, 'measure-archived', errors);

      await page.getByRole('link', { name: 'Edit or archive this measure' }).click();
      await page.getByRole('button', { name: 'Restore this measure' }).click();
      await page.getByText('Measure restored.').waitFor();
      await page.getByRole('button', { name: 'Archive this measure' }).waitFor();
      expect(await call(page, 'GET', `/measures/${created.id}`)).toMatchObject({ archived: false });
      await context.close();
    },
    scaled(90_000),
  );
});

describe('linking commitments to a feedback item in a real browser', () => {
  it(
    'picks a commitment of the item’s promise by keyboard, finds another by words, and unlinks one',
    { timeout: scaled(120_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      type Item = { id: number; promiseIds: number[]; commitmentIds: number[] };
      type C = { id: number; title: string; promiseId: number; ownerName: string | null };
      const items = await call<{ items: Item[] }>(page, 'GET', '/feedback?pageSize=100');
      let item: Item | undefined;
      let ours: C[] = [];
      for (const it of items.items.filter((x) => x.promiseIds.length && !x.commitmentIds.length)) {
        ours = (await call<{ items: C[] }>(page, 'GET', `/commitments?promiseId=${it.promiseIds[0]}&pageSize=50`))
          .items;
        if (ours.length) {
          item = it;
          break;
        }
      }
      expect(item, 'a demo item tagged to a promise that has commitments').toBeDefined();
      const all = await call<{ items: C[] }>(page, 'GET', '/commitments?pageSize=200');
      const other = all.items.find((c) => !item!.promiseIds.includes(c.promiseId))!;
      const mine = ours[0]!;

      await page.goto(`/feedback/${item!.id}`);
      await page.getByRole('heading', { level: 3, name: 'Link a commitment' }).waitFor();
      const mineBox = page.getByRole('checkbox', { name: mine.title, exact: true });
      await mineBox.waitFor();
      // Each option says who owns it.
      const hint = await page.locator(`#f-commitment-${mine.id}-hint`).textContent();
      expect(hint).toContain(mine.ownerName ? `Owner: ${mine.ownerName}` : 'No owner yet');
      await checkPage(page, 'feedback-item-linker', errors);

      // Nothing chosen: the problem is said against the list.
      await page.getByRole('button', { name: 'Link chosen commitments' }).click();
      await page.getByText('Choose at least one commitment to link').waitFor();

      // By keyboard alone: tick it, then the button.
      await mineBox.focus();
      await page.keyboard.press('Space');
      expect(await mineBox.isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Link chosen commitments' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Linked to the commitment.').waitFor();
      await page.getByRole('button', { name: `Unlink ${mine.title}` }).waitFor();
      await expect.poll(() => focused(page)).toBe('Commitments that answer it');
      expect((await call<Item>(page, 'GET', `/feedback/${item!.id}`)).commitmentIds).toEqual([mine.id]);

      // A commitment under another promise is found by words.
      await page.getByLabel('Find commitments by words').fill(other.title.toUpperCase());
      const otherBox = page.getByRole('checkbox', { name: other.title, exact: true });
      await otherBox.waitFor();
      await page.getByRole('heading', { level: 4, name: 'Under other promises' }).waitFor();
      await page
        .getByTestId('linker-count')
        .getByText(/\d+ commitments? match(es)?/)
        .waitFor();
      await otherBox.check();
      await checkPage(page, 'feedback-item-linker-search', errors);
      await page.getByRole('button', { name: 'Link chosen commitments' }).click();
      await page.getByRole('button', { name: `Unlink ${other.title}` }).waitFor();
      expect((await call<Item>(page, 'GET', `/feedback/${item!.id}`)).commitmentIds.sort()).toEqual(
        [mine.id, other.id].sort(),
      );

      await page.getByRole('button', { name: `Unlink ${mine.title}` }).click();
      await page.getByText('Unlinked from the commitment.').waitFor();
      await expect.poll(() => page.getByRole('button', { name: `Unlink ${mine.title}` }).count()).toBe(0);
      expect((await call<Item>(page, 'GET', `/feedback/${item!.id}`)).commitmentIds).toEqual([other.id]);
      // It is offered again, under the item's promise.
      await page.getByLabel('Find commitments by words').fill('');
      await page.getByRole('checkbox', { name: mine.title, exact: true }).waitFor();
      await context.close();
    },
  );
});
