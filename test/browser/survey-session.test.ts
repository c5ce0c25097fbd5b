// A yearly survey logged as a survey, in a real browser: its year, how many answered and the age
// bands it asked, never an attendance; its comments are recorded as from the survey.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
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

describe('a survey session in a real browser', () => {
  it(
    'asks a survey for its respondents, year and age bands, and saves its comments as survey items',
    { timeout: scaled(90_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto(`${h.baseUrl}/feedback/sessions/new`);
      await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
      await page.getByLabel('A survey, such as the yearly well-being survey').check();
      // A survey has no attendance box and no forum.
      await page.getByLabel('How many answered').waitFor();
      expect(await page.getByLabel('How many came').count()).toBe(0);
      expect(await page.getByLabel('Forum', { exact: true }).count()).toBe(0);
      // Its date is the survey's, typed as day, month and year.
      await page.getByRole('group', { name: 'Date of the survey' }).getByLabel('Day').waitFor();
      await checkPage(page, 'survey-session', errors);

      // Saved with nothing filled in: each missing survey field is named and linked.
      await page.getByLabel('Item 1: what was said').fill('I want to know my social worker better');
      await page.getByRole('button', { name: /^Save session/ }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      await summary.getByRole('link', { name: /how many answered/i }).waitFor();
      await checkPage(page, 'survey-session-error', errors);

      await page.getByLabel('Name of the survey (optional)').fill('Our lives survey');
      await page.getByLabel('Year of the survey').fill('2025/26');
      await page.getByLabel('How many answered').fill('143');
      const bands = page.getByRole('group', { name: 'Age bands the survey asked' });
      await bands.getByLabel('Age 8 to 11').check();
      await bands.getByLabel('Age 11 to 18').check();
      await page.getByLabel('Item 1: age band or group').selectOption('11-18');
      await page.getByRole('button', { name: 'Save session and 1 item' }).click();
      await page.getByText('Session saved with 1 item.').waitFor();

      const saved = h.db.select().from(forumSessions).orderBy(desc(forumSessions.id)).limit(1).get()!;
      expect(saved).toMatchObject({
        kind: 'survey',
        respondents: 143,
        surveyYear: '2025/26',
        ageBands: ['8-11', '11-18'],
      });
      const items = h.db.select().from(feedback).where(eq(feedback.forumSessionId, saved.id)).all();
      expect(items).toEqual([expect.objectContaining({ source: 'survey', forumId: null, ageBand: '11-18' })]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
