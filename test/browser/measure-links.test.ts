// An administrator shows a council-wide measure on one more promise, from the measure's page, in
// a real browser: the promise appears in the list, the link is saved, and the page stays axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { measurePromises, measures } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('linking a measure to another promise in a real browser', () => {
  it('links the demo’s council-wide figure to a third promise', { timeout: scaled(90_000) }, async () => {
    const measure = h.db.select().from(measures).where(eq(measures.councilWide, true)).get()!;
    const linkedBefore = h.db.select().from(measurePromises).where(eq(measurePromises.measureId, measure.id)).all();
    expect(linkedBefore).toHaveLength(1);

    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    await page.goto(`${h.baseUrl}/actions/measures/${measure.id}`);
    await page.getByRole('heading', { level: 2, name: 'Promises this measure is shown on' }).waitFor();
    await checkPage(page, 'measure-links', errors);

    // Linking without choosing says what to do, in the error summary.
    await page.getByRole('button', { name: 'Link to this promise' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /choose a promise/i })
      .waitFor();

    const select = page.getByLabel('Show it on another promise');
    await select.selectOption({ index: 1 });
    const chosen = (await select.locator('option:checked').textContent())!.trim();
    await page.getByRole('button', { name: 'Link to this promise' }).click();
    await page.getByText(`Linked to ${chosen}.`).waitFor();
    await page.locator('.govuk-summary-list__value', { hasText: chosen }).waitFor();
    await checkPage(page, 'measure-links-linked', errors);

    const linked = h.db.select().from(measurePromises).where(eq(measurePromises.measureId, measure.id)).all();
    expect(linked).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
