// The admin pages a council needs: council settings, accounts and the audit trail. One journey
// per page, in order, sharing one harness: the audit trail at the end shows the changes made
// by the journeys before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(120_000));
afterAll(() => h?.close());

async function settingsFromApi(page: Page) {
  const res = await page.request.get('/api/v1/settings');
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    answerTargetDays: number;
    forums: { id: string; name: string; active: boolean; audience: string }[];
  };
}

describe(
  'admin pages',
  () => {
    let newUserId = 0;

    it('changes the answer target after a validation error, and adds a forum', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.getByRole('link', { name: 'Council settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Council settings' }).waitFor();
      const before = await settingsFromApi(page);
      await checkPage(page, 'admin-settings', errors);

      // 0 days is refused by the API; its message goes against the box and into the summary.
      const target = page.getByLabel('Answer target, in days');
      await target.fill('0');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.getByText(/^Answer target, in days: /).waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')))
        .toBe(true);
      await page.locator('#f-answerTargetDays-error').waitFor();
      expect((await settingsFromApi(page)).answerTargetDays).toBe(before.answerTargetDays);
      await checkPage(page, 'admin-settings-error', errors);

      await target.fill('35');
      const n = before.forums.length + 1;
      await page.getByRole('button', { name: 'Add a forum' }).click();
      // Focus moves to the new forum's name, ready to type.
      const row = page.getByRole('group', { name: `Forum ${n}` });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`f-forums.${n - 1}.name`);
      await row.getByLabel('Name').fill('Youth Voice Panel');
      await row.getByLabel('How often it meets').fill('Monthly');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Settings saved.').waitFor();
      expect(await summary.count()).toBe(0);

      const after = await settingsFromApi(page);
      expect(after.answerTargetDays).toBe(35);
      expect(after.forums).toHaveLength(before.forums.length + 1);
      expect(after.forums.at(-1)).toEqual({
        id: 'youth-voice-panel',
        name: 'Youth Voice Panel',
        audience: 'both',
        frequency: 'Monthly',
        active: true,
      });
      // The page shows what was saved.
      expect(await target.inputValue()).toBe('35');
      expect(await page.getByRole('link', { name: /how we decide the colour/ }).getAttribute('href')).toBe(
        '/board/rules',
      );
      await context.close();
    });

    it('adds an account after refusing a short password, then disables it', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin/users');
      await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
      await page.getByRole('cell', { name: 'admin@example.org' }).waitFor();
      await checkPage(page, 'admin-users', errors);

      await page.getByRole('link', { name: 'Add an account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add an account' }).waitFor();
      await page.getByLabel('Email address').fill('sam.owner@example.org');
      await page.getByLabel('Full name').fill('Sam Owner');
      await page.getByLabel('Role').selectOption('owner');
      await page.getByLabel('Job title (optional)').fill('Head of Housing');
      await page.getByLabel('Agency (optional)').fill('Housing');
      await page.getByLabel('Password (optional)').fill('short-pass');
      await page.getByRole('button', { name: 'Add account' }).click();
      await page
        .locator('.govuk-error-summary')
        .getByText(/^Password: /)
        .waitFor();
      await page.locator('#f-password-error').waitFor();
      await checkPage(page, 'admin-user-new-error', errors);
      expect(
        ((await (await page.request.get('/api/v1/users')).json()) as { items: { email: string }[] }).items.some(
          (u) => u.email === 'sam.owner@example.org',
        ),
      ).toBe(false);

      await page.getByLabel('Password (optional)').fill('a long and unusual passphrase 42');
      await page.getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Account: Sam Owner' }).waitFor();
      await page.getByText('Account added for Sam Owner.').waitFor();
      newUserId = Number(new URL(page.url()).pathname.split('/').at(-1));
      expect(newUserId).toBeGreaterThan(0);
      await checkPage(page, 'admin-user-edit', errors);

      // Only roles that can update actions may own them: the box is refused for a board member.
      await page.getByLabel('Role').selectOption('board');
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.getByText('Details saved.').waitFor();
      expect(await page.getByLabel('Can own actions').isChecked()).toBe(false);
      await page.getByLabel('Can own actions').check();
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.locator('#f-canOwnActions-error').getByText('only they can own them').waitFor();
      await checkPage(page, 'admin-user-owner-refused', errors);
      await page.getByLabel('Role').selectOption('owner');
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.getByText('Details saved.').waitFor();

      await page.getByRole('button', { name: 'Disable account' }).click();
      await page.getByText('Account disabled.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Enable account' }).waitFor();
      const res = await page.request.get(`/api/v1/users/${newUserId}`);
      expect(await res.json()).toMatchObject({
        email: 'sam.owner@example.org',
        name: 'Sam Owner',
        role: 'owner',
        jobTitle: 'Head of Housing',
        agency: 'Housing',
        disabled: true,
        canSignIn: false,
      });

      // The list shows them disabled.
      await page.getByRole('link', { name: 'Back to accounts' }).click();
      const samRow = page.getByRole('row').filter({ hasText: 'sam.owner@example.org' });
      await samRow.getByText('Disabled').waitFor();
      expect((await samRow.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([
        'Sam Owner',
        'sam.owner@example.org',
        'Owner (senior leader or partner)',
        'Housing',
        'Yes', // can own actions: an owner's default
        'No',
        'Disabled',
        'Change Sam Owner',
      ]);
      await context.close();
    });

    it('filters the audit trail down to those changes', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin');
      await page.getByRole('link', { name: 'Audit trail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      await page.getByText(/Showing 1 to \d+ of \d+ entries/).waitFor();
      await checkPage(page, 'admin-audit', errors);

      // The account: created, made a board member and an owner again (the refused save left no
      // entry), then disabled (an update of its disabled flag).
      await page.getByLabel('Kind of record').selectOption('user');
      await page.getByLabel('Record number').fill(String(newUserId));
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('Showing 1 to 4 of 4 entries').waitFor();
      expect(new URL(page.url()).search).toBe(`?entity=user&entityId=${newUserId}`);
      const rows = page.locator('tbody tr');
      expect(await rows.nth(0).getByRole('cell').nth(2).textContent()).toBe('Update');
      expect(await rows.nth(0).getByRole('cell').nth(4).innerText()).toContain('Disabled: No');
      expect(await rows.nth(0).getByRole('cell').nth(4).innerText()).toContain('Yes');
      expect(await rows.nth(2).getByRole('cell').nth(4).innerText()).toContain('Can own actions: Yes');
      expect(await rows.nth(3).getByRole('cell').nth(2).textContent()).toBe('Create');
      expect(await rows.nth(3).getByRole('cell').nth(4).innerText()).toContain('Email: sam.owner@example.org');

      // The settings change, by the admin, today (in UTC, as the trail stores it).
      const today = new Date().toISOString().slice(0, 10);
      const [year, month, day] = today.split('-');
      await page.getByRole('link', { name: 'Clear filters' }).click();
      await page.getByLabel('Kind of record').selectOption('settings');
      await page.getByLabel('What they did').selectOption('update');
      const who = page.getByLabel('Who');
      await who.selectOption((await who.locator('option', { hasText: '(admin@example.org)' }).getAttribute('value'))!);
      const from = page.getByRole('group', { name: /^From/ });
      await from.getByLabel('Day').fill(String(Number(day)));
      await from.getByLabel('Month').fill(String(Number(month)));
      await from.getByLabel('Year').fill(year!);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      // Only the admin's settings changes of today: the one this file made (a slow machine may
      // have saved the form twice, so the row is found by what it says, not by its place).
      await page.waitForURL((url) => url.search.includes('entity=settings'));
      await page.getByText(/Showing 1 to \d+ of \d+ entries/).waitFor();
      const changed = rows.filter({ hasText: 'Answer target days' }).first();
      await changed.waitFor();
      const change = await changed.getByRole('cell').nth(4).innerText();
      expect(change).toMatch(/Answer target days: \d+\s*→\s*changed to\s*35|Answer target days: \d+\s*→\s*35/);
      expect(change).toContain('Youth Voice Panel');
      await checkPage(page, 'admin-audit-filtered', errors);

      // A date that is not real is refused against its box.
      await page.getByLabel('Kind of record').selectOption('');
      await page.getByRole('group', { name: /^To/ }).getByLabel('Day').fill('31');
      await page.getByRole('group', { name: /^To/ }).getByLabel('Month').fill('2');
      await page.getByRole('group', { name: /^To/ }).getByLabel('Year').fill('2026');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.locator('.govuk-error-summary').getByText(/^To: /).waitFor();
      await page.locator('#f-to-error').waitFor();
      await context.close();
    });
  },
  scaled(240_000),
);
