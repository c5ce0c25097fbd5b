// Participation worker journeys in a real browser: a 10-item forum session by keyboard alone,
// approving with a finding, answering and feeding back, importing a CSV with errors then a good
// one, and an axe/keyboard check of every Feedback page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, ne } from 'drizzle-orm';
import { checkPage, fillDate, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, feedbackPromises, forumSessions, promises } from '../../db/schema.js';
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
    // A participation worker lands on Feedback, their needs-doing list, straight after signing in.
    await signIn(page, 'participation');
    expect(new URL(page.url()).pathname).toBe('/feedback');
    await checkPage(page, 'feedback-home', errors);
    await page.getByRole('link', { name: 'Log a forum session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
    await checkPage(page, 'feedback-session', errors);

    await page.getByLabel('How many came').focus();
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    for (let i = 1; i <= 10; i++) {
      // One child gave a phone number: the check warns as soon as the session is saved.
      await page.keyboard.type(i === 3 ? 'Text me on 07700 900222' : `Thing number ${i} the children said`);
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
    await page.getByTestId('capture-warning').getByText('1 of them may identify someone', { exact: false }).waitFor();
    expect(h.db.select({ n: count() }).from(forumSessions).get()!.n).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it(
    'warns at capture, starts from masked words, and keeps approved words live until a change is approved',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const promise = h.db
        .select({ id: promises.id })
        .from(promises)
        .where(ne(promises.liveChildText, ''))
        .limit(1)
        .get()!;
      const today = new Date().toISOString().slice(0, 10);
      const created = h.db
        .insert(feedback)
        .values({
          text: 'Jayden Okafor said ring him on 07700 900123, the food at Oakwood Primary is bad',
          source: 'survey',
          // Heard today, so it heads the list of latest feedback.
          heardOn: today,
          ageBand: '8-11',
        })
        .returning()
        .get();
      h.db.insert(feedbackPromises).values({ feedbackId: created.id, promiseId: promise.id }).run();
      const kiosk = async () =>
        (await (await fetch(`${h.baseUrl}/api/v1/public/promises/${promise.id}`)).json()) as {
          youSaid: { id: number; text: string }[];
          weDid: { id: number; weDid: string }[];
        };
      const { page, errors } = await openPage(h);
      await signIn(page, 'participation');
      // The list flags what may identify someone, before anyone opens it.
      await page.goto(`${h.baseUrl}/feedback`);
      await page.getByRole('link', { name: created.text }).locator('..').getByText('May identify someone').waitFor();
      await page.goto(`${h.baseUrl}/feedback/${created.id}`);
      await page.getByTestId('original-findings').waitFor();
      // The public words start from the original, every finding masked, for the worker to edit.
      const words = page.getByLabel('Public words for the kiosk');
      await expect.poll(() => words.inputValue()).toBe('[name] said ring him on [phone], the food at [school] is bad');
      await checkPage(page, 'feedback-item-masked', errors);
      await words.fill('A child said the school food is bad');
      await page.getByRole('button', { name: 'Save public words' }).click();
      await page.getByText('Saved.', { exact: false }).first().waitFor();
      await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
      await page.getByText('Approved for the kiosk.').waitFor();
      expect((await kiosk()).youSaid.map((q) => q.text)).toContain('A child said the school food is bad');
      expect(JSON.stringify(await kiosk())).not.toContain('Jayden');

      // Answering keeps the words on the kiosk; the answer joins them once approved.
      await page.getByLabel('We did').check();
      await page.getByLabel('Our answer, written for a child').fill('We changed the school meals menu');
      await fillDate(page, 'Date of the answer', today);
      await page.getByRole('button', { name: 'Save answer' }).click();
      await page.getByText('Saved. Children keep seeing the words approved before').waitFor();
      let shown = await kiosk();
      expect(shown.youSaid.map((q) => q.id)).toContain(created.id);
      expect(shown.weDid.map((a) => a.id)).not.toContain(created.id);
      await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
      await page.getByText('Approved for the kiosk.').waitFor();
      expect((await kiosk()).weDid.find((a) => a.id === created.id)?.weDid).toBe('We changed the school meals menu');
      // A new answer: the approved one stays until the new one is approved.
      await page.getByLabel('Our answer, written for a child').fill('We changed the menu with the school council');
      await page.getByRole('button', { name: 'Save answer' }).click();
      await page.getByText('Saved. Children keep seeing the words approved before').waitFor();
      expect((await kiosk()).weDid.find((a) => a.id === created.id)?.weDid).toBe('We changed the school meals menu');

      // Withdrawn: gone from every public answer at once.
      await page.getByRole('button', { name: 'Withdraw from the kiosk' }).click();
      await page.getByText('Withdrawn', { exact: false }).first().waitFor();
      shown = await kiosk();
      expect(shown.youSaid.map((q) => q.id)).not.toContain(created.id);
      expect(shown.weDid.map((a) => a.id)).not.toContain(created.id);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it(
    'never approves a phone number, and needs a second person for a finding judged safe',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const created = h.db
        .insert(feedback)
        .values({
          text: 'Jayden says the food at Oakwood Primary is bad, call 07700 900456',
          publicText: 'Jayden says the food at Oakwood Primary is bad, call 07700 900456',
          source: 'survey',
          heardOn: '2026-01-10',
          ageBand: '8-11',
        })
        .returning()
        .get();
      const { page, errors } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto(`${h.baseUrl}/feedback/${created.id}`);
      await page.locator('mark.pt-fb-finding').first().waitFor();
      await page.getByText('Must be edited out').first().waitFor();
      await page.getByLabel('Why these words are safe to show').fill('she said ok');
      await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
      await page.getByText('could identify someone and can never be approved', { exact: false }).first().waitFor();
      expect(h.db.select().from(feedback).where(eq(feedback.id, created.id)).get()!.livePublicText).toBe('');
      // Edited out: the name and school remain, judged safe with a reason by one worker.
      await page.getByLabel('Public words for the kiosk').fill('Jayden says the food at Oakwood Primary is bad');
      await page.getByRole('button', { name: 'Save public words' }).click();
      await page.getByText('Saved.', { exact: false }).first().waitFor();
      await page.getByLabel('Why these words are safe to show').fill('The group chose Jayden as a made-up name');
      await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
      await page.getByText('A second participation worker or admin must confirm').first().waitFor();
      expect(h.db.select().from(feedback).where(eq(feedback.id, created.id)).get()!.livePublicText).toBe('');
      await page.context().close();

      // The second person, on the approval queue.
      const second = await openPage(h);
      await signIn(second.page, 'admin');
      await second.page.goto(`${h.baseUrl}/feedback/approvals`);
      await second.page.getByRole('heading', { level: 1, name: 'Words waiting for approval' }).waitFor();
      await second.page.getByTestId('approval-counts').waitFor();
      await checkPage(second.page, 'feedback-approvals', second.errors);
      await second.page.goto(`${h.baseUrl}/feedback/${created.id}`);
      await second.page.getByRole('button', { name: 'Confirm: children can see these words' }).click();
      await second.page.getByText('Confirmed. Children see these words now.').waitFor();
      expect(h.db.select().from(feedback).where(eq(feedback.id, created.id)).get()!.livePublicText).toBe(
        'Jayden says the food at Oakwood Primary is bad',
      );
      expect([...errors, ...second.errors]).toEqual([]);
      await second.page.context().close();
    },
  );

  it('says "Saved." only once the page holds the saved item, so the next click is not refused', async () => {
    const created = h.db
      .insert(feedback)
      .values({ text: 'The bus to the forum is always late', source: 'survey', heardOn: '2026-01-12', ageBand: '8-11' })
      .returning()
      .get();
    const { page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.goto(`${h.baseUrl}/feedback/${created.id}`);
    const words = page.getByLabel('Public words for the kiosk');
    await expect.poll(() => words.inputValue()).toBe('The bus to the forum is always late');
    // From now on the item loads slowly, as on a busy server: the reload after a save lags behind
    // the save's own answer.
    await page.route(`**/api/v1/feedback/${created.id}`, async (route) => {
      if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    await words.fill('The bus to the forum is late');
    await page.getByRole('button', { name: 'Save public words' }).click();
    await page.getByText('Saved.', { exact: false }).first().waitFor();
    // Clicked at once on seeing it: the approval carries the saved version, so it is not a 409.
    await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
    await page.getByText('Approved for the kiosk.').waitFor();
    expect(h.db.select().from(feedback).where(eq(feedback.id, created.id)).get()!.livePublicText).toBe(
      'The bus to the forum is late',
    );
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
    // A file with no dates: the date for every row is typed as day, month and year, and one row
    // is said in the singular.
    await page.getByLabel('CSV file').setInputFiles(file('text,age_band\nA quieter room to study,8-11\n'));
    await page.getByText('1 problem: nothing has been imported').first().waitFor();
    await fillDate(page, 'Date heard, for rows without one', '2026-01-07');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The 1 row is ready to import.').waitFor();
    await page.getByRole('button', { name: 'Import 1 row', exact: true }).click();
    await page.getByText('Imported 1 item.').waitFor();
    expect(h.db.select().from(feedback).where(eq(feedback.text, 'A quieter room to study')).get()?.heardOn).toBe(
      '2026-01-07',
    );
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
