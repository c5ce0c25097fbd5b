// A participation worker's dates and landing in a real browser: signing in lands on Feedback (their
// needs-doing list); the meeting's date and the answer's dates are GOV.UK date inputs (day, month,
// year), an impossible one is linked from the error summary that takes focus; and when the session
// ends under them, the page says truthfully that the items being typed are kept on the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { checkPage, fillDate, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, forumSessions, settings } from '../../db/schema.js';
import { settingsChanged } from '../../db/repositories/settings.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The error summary has focus, and its link with `words` goes to (and focuses) `fieldId`. */
async function summaryLinksTo(page: Page, words: string, fieldId: string) {
  const summary = page.locator('.govuk-error-summary');
  await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
  const link = summary.getByRole('link', { name: words });
  expect(await link.getAttribute('href')).toBe(`#${fieldId}`);
  await link.click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(fieldId);
}

describe('a participation worker’s dates', () => {
  it(
    'lands on Feedback, types the meeting’s date as day, month and year, and is led to an impossible one',
    {
      timeout: scaled(90_000),
    },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      expect(new URL(page.url()).pathname).toBe('/feedback');
      await page.getByRole('heading', { name: 'Needs doing', exact: false }).first().waitFor();
      await page.getByRole('link', { name: 'Log a forum session' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
      // Today's date is there to start with, in the three boxes.
      const group = page.getByRole('group', { name: 'Date of the meeting' });
      expect(Number(await group.getByLabel('Year').inputValue())).toBeGreaterThan(2000);
      await fillDate(page, 'Date of the meeting', '2026-02-30');
      await page.getByLabel('How many came').fill('5');
      await page.getByLabel('Item 1: what was said').fill('More trips out in the holidays');
      await page.getByRole('button', { name: 'Save session and 1 item' }).click();
      await page.locator('#f-heldOn-error').waitFor();
      const message = (await page.locator('.govuk-error-summary a').first().textContent())!.trim();
      await summaryLinksTo(page, message, 'f-heldOn');
      await checkPage(page, 'feedback-session-date-error', errors);

      await fillDate(page, 'Date of the meeting', '2026-11-21');
      await page.getByRole('button', { name: 'Save session and 1 item' }).click();
      await page.getByText('Session saved with 1 item.').waitFor();
      const saved = h.db.select().from(forumSessions).orderBy(desc(forumSessions.id)).limit(1).get()!;
      expect(saved.heldOn).toBe('2026-11-21');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('types the answer’s dates as day, month and year on the item page', { timeout: scaled(90_000) }, async () => {
    const item = h.db.select().from(feedback).where(eq(feedback.safeguarding, false)).limit(1).get()!;
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.goto(`/feedback/${item.id}`);
    await page.getByRole('heading', { level: 1, name: 'Feedback item' }).waitFor();
    await page.getByLabel('We’re doing').check();
    await fillDate(page, 'Date of the answer', '2026-13-01');
    await fillDate(page, 'Date it was fed back to the forum', '2026-06-14');
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.locator('#f-respondedOn-error').waitFor();
    const message = (await page.locator('#f-respondedOn-error').textContent())!.replace('Error:', '').trim();
    await summaryLinksTo(page, message, 'f-respondedOn');
    await checkPage(page, 'feedback-item-date-error', errors);
    await fillDate(page, 'Date of the answer', '2026-06-12');
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Saved', { exact: false }).first().waitFor();
    const row = h.db.select().from(feedback).where(eq(feedback.id, item.id)).get()!;
    expect([row.respondedOn, row.fedBackOn]).toEqual(['2026-06-12', '2026-06-14']);
    // Shown again in the boxes, not as 2026-06-12.
    const group = page.getByRole('group', { name: 'Date of the answer' });
    expect([
      await group.getByLabel('Day').inputValue(),
      await group.getByLabel('Month').inputValue(),
      await group.getByLabel('Year').inputValue(),
    ]).toEqual(['12', '6', '2026']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'says, when the session ends, that the items being typed are kept on this device, and they are',
    {
      timeout: scaled(90_000),
    },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      await page.getByRole('link', { name: 'Log a forum session' }).click();
      await page.getByLabel('Item 1: what was said').fill('The youth club should open on Sundays');
      await page.getByTestId('draft-status').getByText('on this device', { exact: false }).waitFor();
      await context.clearCookies();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Promises' }).click();
      await page.waitForURL('**/session-ended');
      await page.getByTestId('kept-on-device').getByText('kept on this device', { exact: false }).waitFor();
      await page.getByText('Other changes you had not saved', { exact: false }).waitFor();
      expect(await page.getByText('Anything you had not saved has not been kept').count()).toBe(0);
      await checkPage(page, 'session-ended-kept', errors);

      await signIn(page, 'participation');
      await page.getByRole('link', { name: 'Log a forum session' }).click();
      expect(await page.getByLabel('Item 1: what was said').inputValue()).toBe('The youth club should open on Sundays');
      await context.close();
    },
  );

  it(
    'starts the meeting’s date on the council’s today, not this computer’s UTC date',
    { timeout: scaled(90_000) },
    async () => {
      // A zone whose date differs from UTC's right now: 14 hours ahead from 10:00 UTC, 12 behind before noon.
      const timeZone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Etc/GMT+12';
      const was = h.db.select({ timeZone: settings.timeZone }).from(settings).get()!.timeZone;
      h.db.update(settings).set({ timeZone }).run();
      await settingsChanged(h.db);
      try {
        const councilToday = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
        expect(councilToday).not.toBe(new Date().toISOString().slice(0, 10));
        const { context, page, errors } = await openPage(h);
        await signIn(page, 'participation');
        await page.getByRole('link', { name: 'Log a forum session' }).click();
        const group = page.getByRole('group', { name: 'Date of the meeting' });
        const [year, month, dayOfMonth] = councilToday.split('-').map(Number);
        expect([
          await group.getByLabel('Day').inputValue(),
          await group.getByLabel('Month').inputValue(),
          await group.getByLabel('Year').inputValue(),
        ]).toEqual([String(dayOfMonth), String(month), String(year)]);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        h.db.update(settings).set({ timeZone: was }).run();
        await settingsChanged(h.db);
      }
    },
  );
});
