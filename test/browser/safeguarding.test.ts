// Flagging a possible disclosure in a real browser: "when they were told" is typed as a date
// (day, month, year) and a time on the 24-hour clock in the council's zone, never as an ISO
// string; an impossible date is refused at its field; the flag then says when, in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkPage, fillDate, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a safeguarding flag', () => {
  it(
    'takes when they were told as a date and a time, in the council’s time zone',
    { timeout: scaled(90_000) },
    async () => {
      const item = h.db.select().from(feedback).where(eq(feedback.safeguarding, false)).limit(1).get()!;
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto(`/feedback/${item.id}`);
      await page.getByRole('button', { name: 'Flag as a possible disclosure' }).click();
      await page.getByLabel('Who was told').fill('Duty social work team');
      await fillDate(page, 'When they were told', '2026-02-31');
      await page.getByLabel('Time they were told').fill('11:30');
      await checkPage(page, 'safeguarding-flag-form', errors);
      await page
        .locator('form')
        .filter({ has: page.getByLabel('Who was told') })
        .getByRole('button', { name: 'Flag as a possible disclosure' })
        .click();
      await page.locator('#f-toldOn-error').getByText('Enter a real date').waitFor();
      // GOV.UK error summary: focus moves to it, and its link goes to the day box.
      const summary = page.locator('.govuk-error-summary');
      await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await summary.getByRole('link', { name: 'Enter a real date' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-toldOn');

      // A missing time and a missing person: each in the summary, each linked to its own field.
      await page.getByLabel('Who was told').fill('');
      await page.getByLabel('Time they were told').fill('');
      await fillDate(page, 'When they were told', '2026-06-15');
      await page
        .locator('form')
        .filter({ has: page.getByLabel('Who was told') })
        .getByRole('button', { name: 'Flag as a possible disclosure' })
        .click();
      await summary.getByRole('link', { name: 'Enter the time they were told' }).waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      const links = await summary
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
      expect(links).toContainEqual(['Enter the time they were told', '#f-toldTime']);
      expect(
        links.find(([, href]) => href === '#f-toldWhom'),
        `links ${JSON.stringify(links)}`,
      ).toBeTruthy();
      await checkPage(page, 'safeguarding-flag-errors', errors);
      await summary.getByRole('link', { name: 'Enter the time they were told' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-toldTime');
      await page.getByLabel('Who was told').fill('Duty social work team');
      await page.getByLabel('Time they were told').fill('11:30');

      await fillDate(page, 'When they were told', '2026-06-15');
      await page
        .locator('form')
        .filter({ has: page.getByLabel('Who was told') })
        .getByRole('button', { name: 'Flag as a possible disclosure' })
        .click();
      await page.getByText('Duty social work team was told on 15 June 2026 at 11:30am').waitFor();
      // 11:30 in London in June is British Summer Time: stored as 10:30 UTC.
      expect(h.db.select().from(feedback).where(eq(feedback.id, item.id)).get()!.safeguardingToldAt).toBe(
        '2026-06-15T10:30:00.000Z',
      );
      await checkPage(page, 'safeguarding-flagged', errors);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
