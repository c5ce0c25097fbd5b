// Erasure and retention in a real browser: a worker erases an item's words from its page through
// the warning and confirm step (keyboard and axe checked at each step), an admin sets the
// retention period, and the users page links to a person's export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, settings } from '../../db/schema.js';
import { ERASED_MARKER } from '../../db/repositories/erasure.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('privacy in a real browser', () => {
  it('erases an item’s words after a warning and a reason', { timeout: scaled(90_000) }, async () => {
    const item = h.db
      .insert(feedback)
      .values({
        text: 'Brellowin said the taxi driver shouts',
        source: 'survey',
        heardOn: '2026-01-10',
        ageBand: '8-11',
      })
      .returning()
      .get();
    const { page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.goto(`/feedback/${item.id}`);
    await page.getByText('Brellowin said the taxi driver shouts').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Erase these words' }).waitFor();
    await checkPage(page, 'erase-words', errors);

    await page.getByRole('button', { name: 'Erase the words' }).click();
    await page.getByText('You cannot undo this.').waitFor();
    // Focus moves to the reason, and an empty reason is refused with the error summary.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pt-erase-reason');
    await page.getByRole('button', { name: 'Yes, erase the words' }).click();
    await page.getByRole('link', { name: 'Say why the words are being erased' }).waitFor();
    await checkPage(page, 'erase-words-confirm', errors);
    expect(h.db.select().from(feedback).where(eq(feedback.id, item.id)).get()!.text).toContain('Brellowin');

    await page.getByLabel('Why are you erasing the words?').fill('The child asked us to');
    await page.getByRole('button', { name: 'Yes, erase the words' }).click();
    await page.getByTestId('words-erased').getByText('The words were erased on', { exact: false }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('words-erased');
    await page.getByText(ERASED_MARKER).first().waitFor();
    expect(await page.getByText('Brellowin').count()).toBe(0);
    expect(h.db.select().from(feedback).where(eq(feedback.id, item.id)).get()!.text).toBe(ERASED_MARKER);
    await checkPage(page, 'erase-words-done', errors);
    await page.context().close();
  });

  it(
    'lets an admin set how long words are kept, and links to a person’s export',
    { timeout: scaled(90_000) },
    async () => {
      const { page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin/settings');
      await page.getByRole('heading', { level: 2, name: 'How long we keep children’s words' }).waitFor();
      const field = page.getByLabel('Months to keep the original words after an item’s loop closed');
      await expect.poll(() => field.inputValue()).toBe('24');
      await checkPage(page, 'retention-setting', errors);
      await field.fill('2');
      await page.getByRole('button', { name: 'Save how long we keep words' }).click();
      await page.getByRole('link', { name: 'Keep the words for at least 6 months' }).waitFor();
      await field.fill('36');
      await page.getByRole('button', { name: 'Save how long we keep words' }).click();
      await page.getByText('Saved. Words are now kept for 36 months', { exact: false }).waitFor();
      expect(h.db.select().from(settings).get()!.retentionMonths).toBe(36);
      // The page's own form saves after it without a conflict: it was told the new version.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Settings saved', { exact: false }).first().waitFor();
      expect(errors).toEqual([]);

      await page.goto('/admin/users');
      await page
        .getByRole('link', { name: /^Change/ })
        .first()
        .click();
      const link = page.getByRole('link', { name: /Download everything held about/ });
      await link.waitFor();
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/api\/v1\/users\/\d+\/export$/);
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(await res.text()).not.toContain('passwordHash');
      await page.context().close();
    },
  );
});
