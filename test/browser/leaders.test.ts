// A senior leader's journey in a real browser: sign in (lands on My actions), update an overdue
// commitment (asked for a new date on the spot, with the error summary for an impossible date),
// then enter a figure for a measure of a promise they lead but do not own. The clicks are counted
// and written in the test, so a longer journey shows up here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkPage, DEMO_ACCOUNTS, openPage, signIn, startHarness, type Harness } from './harness.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import { openCommitments } from '../../db/repositories/my-actions.js';
import { createCommitment } from '../../db/repositories/commitments.js';
import { createMeasure } from '../../db/repositories/measures.js';
import { systemActor } from '../../db/repositories/audit.js';
import { commitments, promises, users } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a senior leader', () => {
  it(
    'is asked for a new date after updating an overdue action, and told plainly when it is not a real date',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
      const promiseId = (await openCommitments(h.db, leader.id))[0]!.promiseId;
      const late = await createCommitment(h.db, systemActor, {
        promiseId,
        title: 'Hold a careers fair with local employers',
        dueDate: '2026-03-31',
        ownerId: leader.id,
        status: 'at_risk',
      });
      const { context, page, errors } = await openPage(h);
      let clicks = 0;
      await signIn(page, 'owner'); // lands on My actions
      clicks++;
      await page.getByRole('link', { name: `Update ${late.title}`, exact: true }).click();
      clicks++;
      await page.getByRole('heading', { level: 1, name: `Update: ${late.title}` }).waitFor();
      await page.getByLabel('Progress').fill('60');
      await page.getByRole('button', { name: 'Save update' }).click();
      clicks++;

      const prompt = page.locator('pt-overdue-prompt');
      await prompt.getByRole('heading', { level: 2, name: 'Set a new due date' }).waitFor();
      expect(await prompt.innerText()).toContain('it was due on 31 March 2026');
      await checkPage(page, 'actions-overdue-prompt', errors);

      await prompt.getByLabel('Day').fill('31');
      await prompt.getByLabel('Month').fill('2');
      await prompt.getByLabel('Year').fill('2027');
      await prompt
        .getByLabel('Why has the due date changed?')
        .fill('The employers asked to meet after the spring term');
      await prompt.getByRole('button', { name: 'Save new date' }).click();
      const summary = prompt.locator('.govuk-error-summary');
      await summary.getByText('There is a problem').waitFor();
      expect(await summary.innerText()).toContain('New due date: Enter a real date');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
      await checkPage(page, 'actions-overdue-prompt-error', errors);

      await prompt.getByLabel('Month').fill('3');
      await prompt.getByRole('button', { name: 'Save new date' }).click();
      clicks++;
      await expect.poll(() => prompt.getByRole('heading', { name: 'Set a new due date' }).count()).toBe(0);
      const saved = h.db.select().from(commitments).where(eq(commitments.id, late.id)).get()!;
      expect(saved).toMatchObject({ dueDate: '2027-03-31', progress: 60 });
      // The main form now starts from the new date.
      expect(await page.locator('pt-date-input[name="dueDate"] input[type="hidden"]').inputValue()).toBe('2027-03-31');
      // Sign in, update, save, save the new date: four clicks, typing aside.
      expect(clicks).toBe(4);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'opens a measure of a promise they lead from its heading and enters its figure',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
      const promiseId = (await openCommitments(h.db, leader.id))[0]!.promiseId;
      h.db.update(promises).set({ ownerId: leader.id }).where(eq(promises.id, promiseId)).run();
      const someoneElse = h.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin)).get()!;
      const m = await createMeasure(h.db, systemActor, {
        promiseId,
        name: 'Care leavers with a named mentor',
        unit: 'count',
        direction: 'higher',
        ownerId: someoneElse.id,
      });
      const { context, page, errors } = await openPage(h);
      let clicks = 0;
      await signIn(page, 'owner');
      clicks++;
      // My actions lists the measures of the promises they lead, as links: one click to the form.
      await page.getByRole('link', { name: m.name, exact: true }).click();
      clicks++;
      await page.getByRole('heading', { level: 1, name: m.name }).waitFor();
      await page.getByLabel('Period', { exact: true }).fill('2026-Q3');
      await page.getByLabel('Figure', { exact: true }).fill('14');
      await page.getByRole('button', { name: 'Save figure' }).click();
      clicks++;
      await page.getByText('Figure for 2026-Q3 saved.').waitFor();
      // Sign in, open the measure, save the figure (before: the admin had to reassign it first).
      expect(clicks).toBe(3);

      // On the promise, the measure's heading opens it too.
      await page.goto(`/promises/${promiseId}`);
      await page.getByRole('heading', { level: 3, name: m.name }).getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: m.name }).waitFor();
      await checkPage(page, 'measure-lead-entry', errors);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
