// Participation worker journeys in a real browser: a 10-item forum session by keyboard alone,
// approving with a finding, answering and feeding back, importing a CSV with errors then a good
// one, and an axe/keyboard check of every Feedback page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, forumSessions } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('feedback in a real browser', () => {
  it('logs a 10-item forum session by keyboard alone', { timeout: scaled(90_000) }, async () => {
    const before = h.db.select({ n: count() }).from(forumSessions).get()!.n;
    const { page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.getByRole('link', { name: 'Feedback', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    await checkPage(page, 'feedback-home', errors);
    await page.getByRole('link', { name: 'Log a forum session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
    await checkPage(page, 'feedback-session', errors);

    await page.getByLabel('How many came').focus();
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    for (let i = 1; i <= 10; i++) {
      await page.keyboard.type(`Thing number ${i} the children said`);
      if (i < 10) await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^item-/);
    }
    // Tag the last item with a promise by type-ahead, still by keyboard.
    await page.keyboard.press('Tab'); // age band
    await page.keyboard.press('Tab'); // promise search
    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save session and 10 items' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Session saved with 10 items.').waitFor();
    expect(h.db.select({ n: count() }).from(forumSessions).get()!.n).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('approves with a finding, then answers and feeds back', { timeout: scaled(90_000) }, async () => {
    const created = h.db
      .insert(feedback)
      .values({
        text: 'Jayden says the food at Oakwood Primary is bad',
        publicText: 'Jayden says the food at Oakwood Primary is bad',
        source: 'survey',
        heardOn: '2026-01-10',
        ageBand: '8-11',
      })
      .returning()
      .get();
    const { page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.goto(`${h.baseUrl}/feedback/${created.id}`);
    await page.getByRole('heading', { level: 1, name: 'Feedback item' }).waitFor();
    await page.locator('mark.pt-fb-finding').first().waitFor();
    await checkPage(page, 'feedback-item', errors);
    await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
    await page.locator('#e-safeReason').waitFor();
    await page.getByLabel('Why these words are safe to show').fill('The group chose Jayden as a made-up name');
    await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
    await page.getByText('Approved for the kiosk.').waitFor();
    expect(h.db.select().from(feedback).where(eq(feedback.id, created.id)).get()!.publishState).toBe('approved');

    await page.getByLabel('We did').check();
    await page.getByLabel('Our answer, written for a child').fill('We changed the school meals menu');
    await page.getByLabel('Date of the answer').fill('2026-02-01');
    await page.getByLabel('Date it was fed back to the forum').fill('2026-02-10');
    await page.getByRole('button', { name: 'Save answer' }).click();
    // The answer is public words too: the approved item waits for approval again.
    await page.getByText('Saved. The kiosk will show the new words once someone approves them again.').waitFor();
    const row = h.db.select().from(feedback).where(eq(feedback.id, created.id)).get()!;
    expect([row.response, row.respondedOn, row.fedBackOn, row.publishState]).toEqual([
      'did',
      '2026-02-01',
      '2026-02-10',
      'draft',
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('imports a CSV with errors (nothing saved), then a good one', { timeout: scaled(90_000) }, async () => {
    const before = h.db.select({ n: count() }).from(feedback).get()!.n;
    const { page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.goto(`${h.baseUrl}/feedback/import`);
    await page.getByRole('heading', { level: 1, name: 'Import survey comments' }).waitFor();
    await checkPage(page, 'feedback-import', errors);
    await page.getByText('Up to 100,000 rows (16 MB) in one file.').waitFor();
    const file = (text: string) => ({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .getByLabel('CSV file')
      .setInputFiles(
        file('text,heard_on,age_band\nMore trips,2026-01-05,8-11\nWifi,2026-01-05,adult\n,2026-01-05,8-11\n'),
      );
    await page.getByText('2 problems: nothing has been imported').first().waitFor();
    await checkPage(page, 'feedback-import-errors', errors);
    expect(h.db.select({ n: count() }).from(feedback).get()!.n).toBe(before);
    // A file full of problems: every one counted, the first hundred listed.
    const future = Array.from({ length: 130 }, (_, i) => `Comment ${i},2099-01-05,8-11`).join('\n');
    await page.getByLabel('CSV file').setInputFiles(file(`text,heard_on,age_band\n${future}\n`));
    await page.getByText('130 problems: nothing has been imported').first().waitFor();
    await page.getByText('The first 100 are listed below.').waitFor();
    expect(await page.locator('table.govuk-table tbody tr').count()).toBe(100);
    await page
      .getByLabel('CSV file')
      .setInputFiles(file('text,heard_on,age_band\nMore trips,2026-01-05,8-11\nBetter wifi,2026-01-06,11-18\n'));
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByText('Imported 2 items.').waitFor();
    expect(h.db.select({ n: count() }).from(feedback).get()!.n).toBe(before + 2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('passes the page checks on the waiting list, measures and the sheet', { timeout: scaled(90_000) }, async () => {
    const { page, errors } = await openPage(h);
    await signIn(page, 'participation');
    for (const [path, heading, name] of [
      ['/feedback/waiting', 'Waiting list', 'feedback-waiting'],
      ['/feedback/measures', 'Loop measures', 'feedback-measures'],
      ['/feedback/you-said-we-did', 'You said, we did', 'feedback-sheet'],
    ] as const) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('pt-loading').waitFor({ state: 'detached' });
      await checkPage(page, name, errors);
    }
    await page.context().close();
  });
});
