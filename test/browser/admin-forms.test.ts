// The browser paths for admins and participation workers that the APIs already allowed: adding
// and editing a commitment and a measure from the promise page, tagging captured feedback to a
// promise (and unlinking a commitment) on the item page, and a reading age beside child wording.
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

async function firstPromise(page: Page) {
  const list = await call<{ items: { id: number; staffText: string }[] }>(page, 'GET', '/promises?pageSize=1');
  return list.items[0]!;
}

describe('admin forms and feedback tagging in a real browser', () => {
  it(
    'adds a commitment after a validation error, sees it on the promise page, then edits it',
    { timeout: scaled(90_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      const promise = await firstPromise(page);
      await page.goto(`/promises/${promise.id}`);
      await page.getByRole('link', { name: 'Add a commitment' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a commitment' }).waitFor();

      // Nothing filled in: the API's field problems land in the summary and against their fields.
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
      const summary = await page.locator('.govuk-error-summary__list a').allTextContents();
      expect(summary.some((s) => s.startsWith('What we will do (staff wording):'))).toBe(true);
      expect(summary.some((s) => s.startsWith('Due date:'))).toBe(true);
      await page.locator('#f-title-error').waitFor();
      await checkPage(page, 'commitment-new-errors', errors);

      await page.getByLabel('What we will do (staff wording)').fill('Run a weekly drop-in for care leavers');
      await page.getByLabel('What we will do, in words a child understands').fill('We will open a room each week.');
      // The reading age follows the child wording as it is typed.
      const age = page.locator('pt-reading-age[for="f-childTitle"]');
      await age.getByText(/Reading age: about \d+/).waitFor();
      await page.getByLabel('Day').fill('30');
      await page.getByLabel('Month').fill('9');
      await page.getByLabel('Year').fill('2026');
      await page.getByLabel('Owner').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => url.pathname === `/promises/${promise.id}`);
      const row = page.locator('table tr', { hasText: 'Run a weekly drop-in for care leavers' });
      await row.waitFor();

      // Edit it from its row on the promise page.
      await row.getByRole('link', { name: /Edit/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Edit a commitment' }).waitFor();
      expect(await page.getByLabel('What we will do (staff wording)').inputValue()).toBe(
        'Run a weekly drop-in for care leavers',
      );
      await checkPage(page, 'commitment-edit', errors);
      await page.getByLabel('What we will do (staff wording)').fill('Run a weekly drop-in for all care leavers');
      await page.getByLabel('Progress (%)').fill('25');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => url.pathname === `/promises/${promise.id}`);
      await page.locator('table tr', { hasText: 'Run a weekly drop-in for all care leavers' }).waitFor();
      const card = await call<{ weWill: { title: string; progress: number }[] }>(
        page,
        'GET',
        `/promises/${promise.id}/card`,
      );
      expect(card.weWill.find((c) => c.title === 'Run a weekly drop-in for all care leavers')?.progress).toBe(25);
      await context.close();
    },
  );

  it('explains a stale commitment edit and saves on top of their version', { timeout: scaled(60_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    const promise = await firstPromise(page);
    const created = await call<{ id: number; version: number }>(page, 'POST', '/commitments', {
      promiseId: promise.id,
      title: 'Ask every child about their contact plan',
      dueDate: '2026-12-01',
    });
    await page.goto(`/actions/commitments/${created.id}/edit`);
    await page.getByLabel('What we will do (staff wording)').waitFor();
    // Someone else saves first.
    await call(page, 'PATCH', `/commitments/${created.id}`, {
      version: created.version,
      title: 'Ask every child about their contact plan at each review',
    });
    await page.getByLabel('What we will do (staff wording)').fill('My stale change');
    await page.getByRole('button', { name: 'Save' }).click();
    const banner = page.locator('.govuk-notification-banner', { hasText: 'Someone else changed this' });
    await banner.getByText('Ask every child about their contact plan at each review').waitFor();
    await expect
      .poll(() => page.getByLabel('What we will do (staff wording)').inputValue())
      .toBe('Ask every child about their contact plan at each review');
    await checkPage(page, 'commitment-conflict', errors);

    await page.getByLabel('What we will do (staff wording)').fill('Ask every child about contact at each review');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === `/promises/${promise.id}`);
    const saved = await call<{ title: string }>(page, 'GET', `/commitments/${created.id}`);
    expect(saved.title).toBe('Ask every child about contact at each review');
    await context.close();
  });

  it('adds a measure and edits its target', { timeout: scaled(90_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    const promise = await firstPromise(page);
    await page.goto(`/promises/${promise.id}`);
    await page.getByRole('link', { name: 'Add a measure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
    await checkPage(page, 'measure-new', errors);

    await page.getByLabel('Measure name (staff wording)').fill('Care leavers using the drop-in');
    await page.getByLabel('What it tells children, in one sentence').fill('How many of you came to the drop-in.');
    await page.getByLabel('A count').check();
    await page.getByLabel('Higher is better').check();
    await page.getByLabel('Baseline').fill('4');
    await page.getByLabel('Target').fill('20');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === `/promises/${promise.id}`);
    await page.getByRole('heading', { level: 3, name: 'Care leavers using the drop-in' }).waitFor();

    await page.getByRole('link', { name: /^Edit this measure\s*: Care leavers using the drop-in$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit a measure' }).waitFor();
    expect(await page.getByLabel('Target').inputValue()).toBe('20');
    await checkPage(page, 'measure-edit', errors);
    await page.getByLabel('Target').fill('25');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === `/promises/${promise.id}`);
    const card = await call<{
      howWeWillKnow: { measures: { name: string; target: number | null; baseline: number | null }[] };
    }>(page, 'GET', `/promises/${promise.id}/card`);
    const m = card.howWeWillKnow.measures.find((x) => x.name === 'Care leavers using the drop-in');
    expect(m).toMatchObject({ baseline: 4, target: 25 });
    await context.close();
  });

  it(
    'adds a context measure, its period’s end worked out, shown without a judgement',
    { timeout: scaled(90_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      const promise = await firstPromise(page);
      await page.goto(`/promises/${promise.id}/measures/new`);
      await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
      await page.getByLabel('Measure name (staff wording)').fill('Children looked after by the council');
      await page.getByLabel('A count').check();
      await page.getByLabel('Neither: it is for context, such as how many children are looked after').check();
      await checkPage(page, 'measure-new-context', errors);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => url.pathname === `/promises/${promise.id}`);
      const card = await call<{ howWeWillKnow: { measures: { id: number; name: string; direction: string }[] } }>(
        page,
        'GET',
        `/promises/${promise.id}/card`,
      );
      const m = card.howWeWillKnow.measures.find((x) => x.name === 'Children looked after by the council')!;
      expect(m.direction).toBe('context');

      await page.goto(`/actions/measures/${m.id}`);
      // Two financial years, typed as the council writes them: no end date needed.
      for (const [period, value] of [
        ['2024/25', '231'],
        ['2025/26', '220'],
      ]) {
        await page.getByLabel('Period', { exact: true }).fill(period!);
        await page.getByLabel('Figure', { exact: true }).fill(value!);
        await page.getByRole('button', { name: 'Save figure' }).click();
        await page.getByText(`Figure for ${period} saved.`).waitFor();
      }
      const summary = await page.getByTestId('measure-summary').innerText();
      expect(summary).toContain('Latest figure: 220 (2025/26).');
      expect(summary).toContain('Down since the period before (a figure for context: not better or worse).');
      expect(summary).not.toMatch(/improving|getting worse/i);
      const saved = await call<{ values: { period: string; periodEnd: string }[] }>(page, 'GET', `/measures/${m.id}`);
      expect(saved.values.map((v) => [v.period, v.periodEnd])).toEqual([
        ['2024/25', '2025-03-31'],
        ['2025/26', '2026-03-31'],
      ]);
      await checkPage(page, 'measure-context', errors);
      await context.close();
    },
  );

  it(
    'links an unlinked feedback item to a promise, and the unlinked count falls',
    { timeout: scaled(90_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      const promise = await firstPromise(page);
      const before = await call<{ items: { id: number }[]; unlinkedCount: number }>(
        page,
        'GET',
        '/feedback?unlinked=true&pageSize=1',
      );
      expect(before.unlinkedCount).toBeGreaterThan(0);
      const itemId = before.items[0]!.id;

      await page.goto('/feedback');
      await page.getByTestId('unlinked').getByText(`${before.unlinkedCount} items not linked`).waitFor();

      await page.goto(`/feedback/${itemId}`);
      await page.getByText('Not linked to a promise yet.').waitFor();
      // Commitments are linked by number for now; one linked here is then unlinked by its title.
      const commitments = await call<{ items: { id: number; title: string }[] }>(
        page,
        'GET',
        `/commitments?promiseId=${promise.id}&pageSize=1`,
      );
      const commitment = commitments.items[0]!;
      await call(page, 'PUT', `/feedback/${itemId}/commitments/${commitment.id}`);
      await page.reload();
      await page.getByRole('button', { name: `Unlink ${commitment.title}` }).waitFor();
      await checkPage(page, 'feedback-item-links', errors);
      await page.getByRole('button', { name: `Unlink ${commitment.title}` }).click();
      await page.getByText('Unlinked from the commitment.').waitFor();
      await page.getByText('No commitment answers it yet.').waitFor();

      // Tag it to a promise with the type-ahead picker, by keyboard.
      const picker = page.getByRole('combobox', { name: 'Promises it is about' });
      await picker.fill(promise.staffText.slice(0, 12));
      await page
        .getByRole('option', { name: new RegExp(promise.staffText.slice(0, 12)) })
        .first()
        .waitFor();
      await picker.press('Enter');
      await page.getByText('Linked to the promise.').waitFor();
      await expect.poll(() => page.getByText('Not linked to a promise yet.').count()).toBe(0);
      const item = await call<{ promiseIds: number[]; commitmentIds: number[] }>(page, 'GET', `/feedback/${itemId}`);
      expect(item.commitmentIds).toEqual([]);
      expect(item.promiseIds.length).toBe(1);

      await page.goto('/feedback');
      await page
        .getByTestId('unlinked')
        .getByText(`${before.unlinkedCount - 1} items not linked`)
        .waitFor();
      await context.close();
    },
  );

  it(
    'shows a reading age beside the child wording on the theme form and the feedback answer',
    { timeout: scaled(60_000) },
    async () => {
      const { context, page } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin/themes/new');
      await page.getByLabel('Theme name in children’s words').fill('People who look after you and help you');
      await page
        .locator('pt-reading-age[for="f-childName"]')
        .getByText(/Reading age: about \d+/)
        .waitFor();
      expect(await page.locator('pt-reading-age[for="f-childNameCy"]').count()).toBe(1);

      const list = await call<{ items: { id: number }[] }>(page, 'GET', '/feedback?pageSize=1');
      await page.goto(`/feedback/${list.items[0]!.id}`);
      await page.getByLabel('Our answer, written for a child').fill('We asked the team and they said yes to you.');
      await page
        .locator('pt-reading-age[for="f-responseText"]')
        .getByText(/Reading age: about \d+/)
        .waitFor();
      expect(await page.locator('pt-reading-age[for="f-cantReason"]').count()).toBe(1);
      await context.close();
    },
  );
});
