// Safeguarding follow-up in a real browser: an admin names the designated safeguarding lead in
// settings; a participation worker is told who to tell where they flag a concern and where they
// read a flagged item, and records what happened next in a dated note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, safeguardingNotes } from '../../db/schema.js';
import { dateTimeWords } from '../../server/domain/date-words.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TELL = 'Tell Rhian Okafor, Designated safeguarding lead, on 01632 960 451';

describe('safeguarding follow-up', () => {
  it(
    'lets an admin name the safeguarding lead in settings, refusing a phone that is not one',
    { timeout: scaled(90_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin/settings');
      const section = page.getByRole('region', { name: 'Designated safeguarding lead' });
      await section.getByLabel('Name').waitFor();
      await checkPage(page, 'safeguarding-lead-settings', errors);

      await section.getByLabel('Name').fill('Rhian Okafor');
      await section.getByLabel('Role').fill('Designated safeguarding lead');
      await section.getByLabel('Phone number').fill('ring the office');
      await section.getByLabel('Email address').fill('rhian.okafor@council.example');
      await section.getByRole('button', { name: 'Save the safeguarding lead' }).click();
      await section.locator('.govuk-error-summary').getByText('Enter a phone number').waitFor();
      await checkPage(page, 'safeguarding-lead-settings-error', errors);

      await section.getByLabel('Phone number').fill('01632 960 451');
      await section.getByRole('button', { name: 'Save the safeguarding lead' }).click();
      await section.getByText('Safeguarding lead saved').waitFor();
      expect(await call(page, 'GET', '/settings')).toMatchObject({
        safeguardingLeadName: 'Rhian Okafor',
        safeguardingLeadPhone: '01632 960 451',
      });
      // The main form still saves afterwards: it knows the version the lead's form made.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Settings saved.').waitFor();
      await context.close();
    },
  );

  it(
    'shows the lead where a worker flags and reads a concern, and keeps a dated note of what happened next',
    { timeout: scaled(120_000) },
    async () => {
      const item = h.db.select().from(feedback).where(eq(feedback.safeguarding, false)).limit(1).get()!;
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto(`/feedback/${item.id}`);
      await page.getByRole('button', { name: 'Flag as a possible disclosure' }).click();
      const form = page.locator('form').filter({ has: page.getByLabel('Who was told') });
      await form.getByText(TELL).waitFor();
      await form.getByLabel('Who was told').fill('Rhian Okafor');
      await form.getByRole('button', { name: 'Flag as a possible disclosure' }).click();

      const notes = page.getByRole('region', { name: 'What happened next' });
      await notes.getByText('No notes yet.').waitFor();
      await page.getByTestId('safeguarding-lead').getByText(TELL).waitFor();
      await checkPage(page, 'safeguarding-notes-empty', errors);

      await notes.getByRole('button', { name: 'Add note' }).click();
      await notes.locator('.govuk-error-summary').getByText('Enter what happened next').waitFor();
      await checkPage(page, 'safeguarding-notes-error', errors);

      await notes.getByLabel('Add a note').fill('Lead rang back; a strategy meeting is booked.');
      await notes.getByRole('button', { name: 'Add note' }).click();
      await notes.getByText('Lead rang back; a strategy meeting is booked.').waitFor();
      const saved = h.db.select().from(safeguardingNotes).where(eq(safeguardingNotes.feedbackId, item.id)).get()!;
      const when = dateTimeWords(saved.writtenAt, 'en', 'Europe/London');
      expect(when).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?(am|pm)$/);
      await notes.getByText(`, ${when}`).waitFor();
      expect(await notes.getByLabel('Add a note').inputValue()).toBe('');
      await checkPage(page, 'safeguarding-notes-added', errors);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
