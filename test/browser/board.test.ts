// The Corporate Parenting Board in a real browser: the dashboard, the rules page, a whole
// meeting (plan, attendance, a rating against the suggestion, a challenge, the pack, printed),
// and the next meeting where the open challenge comes back as a matter arising until closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, fillDate, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the board in a real browser', () => {
  it('runs a whole meeting from the dashboard to the printed pack', { timeout: scaled(300_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'board');

    await page.getByRole('navigation').getByRole('link', { name: 'Board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Corporate Parenting Board' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Needs attention first' }).waitFor();
    await checkPage(page, 'board-dashboard', errors);

    // Filter to red: every promise left shows a red board rating.
    await page.getByLabel('Board rating').selectOption('red');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const ratings = await page.locator('.pt-board-table tbody tr td:nth-child(2) pt-status-tag').allTextContents();
    expect(ratings.length).toBeGreaterThan(0);
    expect(ratings.every((r) => r.includes('Red'))).toBe(true);

    // The six-monthly progress report, over a chosen range.
    await fillDate(page, 'From', '2026-01-01');
    await fillDate(page, 'To', '2026-06-30');
    await page.getByRole('button', { name: 'Make the progress report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress report: 2026-01-01 to 2026-06-30' }).waitFor();
    await checkPage(page, 'board-progress-report', errors);
    await page.getByRole('link', { name: 'Back to the board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Corporate Parenting Board' }).waitFor();

    await page.getByRole('link', { name: 'How we decide the colour' }).click();
    await page.getByRole('heading', { level: 1, name: 'How we decide the colour' }).waitFor();
    await page.getByRole('heading', { name: 'Actions overdue or off track' }).waitFor();
    await checkPage(page, 'board-rules', errors);
    await page.getByRole('link', { name: 'Back to the board' }).click();

    // Plan a meeting, with a mistake first.
    await page.getByRole('link', { name: 'Plan a meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan a board meeting' }).waitFor();
    await checkPage(page, 'board-meeting-new', errors);
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await page.locator('#f-meetingDate-error').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    // Not a real date: the error summary says so and links to the day box.
    await fillDate(page, 'Meeting date', '2026-02-31');
    await page.getByLabel('Title').fill('Browser journey board');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/Enter a real date/)
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await fillDate(page, 'Meeting date', today);
    await page.getByLabel('Title').fill('Browser journey board');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browser journey board' }).waitFor();
    await checkPage(page, 'board-meeting', errors);

    // Attendance by role: not quorate until a partner member comes.
    await page.getByLabel('Councillors').fill('4');
    await page.getByLabel('Officers').fill('1');
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance saved.').waitFor();
    await page.locator('strong.govuk-tag', { hasText: /^\W*Not quorate$/ }).waitFor();
    await page.getByLabel('Partner members').fill('1');
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.locator('strong.govuk-tag', { hasText: /^\W*Quorate$/ }).waitFor();

    // A rating different from the suggestion needs a reason.
    const suggested = await page.locator('.pt-board-decision input[name=rating]:checked').getAttribute('value');
    const other = suggested === 'green' ? 'amber' : 'green';
    await page.locator(`.pt-board-decision input[name=rating][value=${other}]`).check();
    await page.getByRole('button', { name: 'Record rating' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await page.locator('#f-rationale-error').waitFor();
    await checkPage(page, 'board-meeting-rating-error', errors);
    await page
      .getByLabel('Why the board chose this rating')
      .fill('The latest quarter is better than the figures show.');
    await page.getByRole('button', { name: 'Record rating' }).click();
    await page.getByText(/^Rating recorded for/).waitFor();
    await page.getByRole('cell', { name: 'The latest quarter is better than the figures show.' }).waitFor();

    // A challenge for an owner, due before the next meeting.
    await page.getByLabel('Question or action').fill('Bring a recovery plan for family time');
    await page.getByLabel('For (owner)').selectOption({ index: 1 });
    await fillDate(page, 'Due date', today);
    await page.getByRole('button', { name: 'Set challenge' }).click();
    await page.getByText('Challenge set.').waitFor();
    await page
      .locator('li', { hasText: 'Bring a recovery plan for family time' })
      .filter({ hasText: 'Open' })
      .waitFor();

    // The pack, on screen and printed.
    await page.getByRole('button', { name: 'Make the board pack' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browser journey board: board pack' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Exceptions: red or worse than last time' }).waitFor();
    await checkPage(page, 'board-pack', errors);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pt-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this pack' }).isVisible()).toBe(false);
    await checkPage(page, 'board-pack-print', errors);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'Back to the meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browser journey board' }).waitFor();
    await page.getByRole('button', { name: 'Make the children’s version', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'What we promised you, and how it is going' }).waitFor();
    await checkPage(page, 'board-pack-children', errors);

    // The next meeting: the open challenge comes back until it is closed with an answer.
    await page.goto('/board/meetings/new');
    await fillDate(page, 'Meeting date', today);
    await page.getByLabel('Title').fill('Next board');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Next board' }).waitFor();
    const matter = page.locator('.pt-board-matter', { hasText: 'Bring a recovery plan for family time' });
    await matter.waitFor();
    await checkPage(page, 'board-meeting-next', errors);
    await page.getByLabel('Answer: Bring a recovery plan for family time').fill('A new provider starts next month.');
    const names = await matter.getByRole('button').allTextContents();
    expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual([
      'Close with this answer: Bring a recovery plan for family time',
    ]);
    await matter.getByRole('button').click();
    await page.getByText('Challenge closed.').waitFor();
    await expect.poll(() => matter.count()).toBe(0);
    await context.close();
  });
});
