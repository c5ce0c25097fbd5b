// Signing in and out as each role, navigation per role, deep links, 404 and the session-ended page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/contracts/index.js';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Each section's page heading, which names the page more fully than its nav label. */
const HEADING: Record<string, string> = {
  Promises: 'Promises',
  Feedback: 'Feedback',
  Actions: 'My actions',
  Board: 'Corporate Parenting Board',
  Kiosk: 'Kiosk',
  Admin: 'Admin',
};

const NAV: Record<Role, string[]> = {
  admin: ['Promises', 'Feedback', 'Actions', 'Board', 'Kiosk', 'Admin'],
  participation: ['Promises', 'Feedback', 'Actions', 'Board', 'Kiosk'],
  owner: ['Promises', 'Actions', 'Board', 'Kiosk'],
  board: ['Promises', 'Actions', 'Board', 'Kiosk'],
  viewer: ['Promises', 'Board', 'Kiosk'],
};

describe('the staff app shell in a real browser', () => {
  it('takes a signed-out visitor from / to the sign-in page, which passes the page checks', async () => {
    const { context, page, errors } = await openPage(h);
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await checkPage(page, 'sign-in', errors);
    await context.close();
  });

  it('shows field errors and a focused error summary for an empty or wrong sign-in', async () => {
    const { context, page, errors } = await openPage(h);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter your email address',
      'Enter your password',
    ]);
    await page.getByLabel('Email address').fill('admin@example.org');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .locator('.govuk-error-summary__list', { hasText: 'Enter a correct email address and password.' })
      .waitFor();
    await checkPage(page, 'sign-in-error', errors);
    await context.close();
  });

  for (const role of Object.keys(NAV) as Role[]) {
    it(`signs in and out as ${role}, with the navigation for that role`, { timeout: scaled(60_000) }, async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, role);
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(NAV[role]);
      await expect.poll(() => page.locator('.pt-header__council').textContent()).not.toBe('Promise Tracker');
      await checkPage(page, `promises-${role}`, errors);

      // Every section in the nav opens, with its own heading.
      for (const label of NAV[role].slice(1)) {
        await nav.getByRole('link', { name: label }).click();
        await page.getByRole('heading', { level: 1, name: HEADING[label], exact: true }).waitFor();
        expect(await nav.getByRole('link', { name: label }).getAttribute('aria-current')).toBe('page');
        if (role === 'admin') await checkPage(page, `section-${label.toLowerCase().replace(/\s+/g, '-')}`, errors);
      }
      // A section outside the role is refused, not shown.
      if (role !== 'admin') {
        await page.goto('/admin');
        await page.getByRole('heading', { level: 1, name: 'You cannot see this page' }).waitFor();
      }

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in?signed-out=1');
      await page.getByText('You have signed out.').waitFor();
      await page.goto('/promises');
      await page.waitForURL('**/sign-in');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps the page on refresh of a deep link, and back and forward move through history', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'board');
    await page.goto('/board');
    await page.getByRole('heading', { level: 1, name: HEADING.Board! }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: HEADING.Board! }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
    await page.getByRole('heading', { level: 1, name: HEADING.Actions! }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: HEADING.Board! }).waitFor();
    expect(page.url()).toBe(`${h.baseUrl}/board`);
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: HEADING.Actions! }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a 404 page for an unknown address', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'viewer');
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await checkPage(page, 'not-found', errors);
    await context.close();
  });

  it('sends the user to "your session has ended" when the session ends under them', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Board' }).click();
    await page.getByRole('heading', { level: 1, name: HEADING.Board! }).waitFor();
    await context.clearCookies();
    await nav.getByRole('link', { name: 'Promises' }).click();
    await page.waitForURL('**/session-ended');
    await page.getByRole('heading', { level: 1, name: 'Your session has ended' }).waitFor();
    await checkPage(page, 'session-ended', errors);
    await context.close();
  });
});
