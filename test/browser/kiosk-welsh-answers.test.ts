// The kiosk in Welsh shows the council's answer and the age group in Welsh once approved, and
// falls back to the English (marked lang="en") where the Welsh is not written yet.
import { publishDemoWords } from '../../db/seed/publish-demo-words.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openPage, startHarness, type Harness } from './harness.js';
import { feedback, feedbackPromises, promises, settings, themes } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
let themeId = 0;
let promiseId = 0;

beforeAll(async () => {
  h = await startHarness();
  const promise = h.db
    .select({ id: promises.id, themeId: promises.themeId })
    .from(promises)
    .innerJoin(themes, eq(themes.id, promises.themeId))
    .where(eq(promises.archived, false))
    .get()!;
  promiseId = promise.id;
  themeId = promise.themeId;
  const s = h.db.select().from(settings).get()!;
  h.db
    .update(settings)
    .set({
      ageBands: s.ageBands.map((b) => (b.id === 'care-leaver' ? { ...b, childLabelCy: 'gadawr gofal' } : b)),
      version: s.version + 1,
    })
    .run();
  const add = (values: Partial<typeof feedback.$inferInsert>) => {
    const row = h.db
      .insert(feedback)
      .values({
        text: 'x',
        source: 'forum',
        heardOn: '2026-06-02',
        ageBand: 'care-leaver',
        publishState: 'approved',
        response: 'did',
        respondedOn: '2026-06-10',
        ...values,
      })
      .returning()
      .get();
    h.db.insert(feedbackPromises).values({ feedbackId: row.id, promiseId }).run();
  };
  add({
    publicText: 'Can we have more trips',
    responseText: 'We booked two trips to the beach',
    responseTextCy: 'Rydym wedi trefnu dwy daith i’r traeth',
  });
  add({ publicText: 'Paint the youth room', responseText: 'We painted the youth room blue' });
  // Not approved: its Welsh answer must never show.
  add({
    publicText: 'Draft words',
    responseText: 'Draft answer',
    responseTextCy: 'ATEB-DRAFFT-HEB-EI-GYMERADWYO',
    publishState: 'draft',
  });
  // Rows put straight into the database stand for words people approved (and left unapproved).
  h.db.transaction((tx) => publishDemoWords(tx));
}, scaled(120_000));
afterAll(() => h?.close());

describe(
  'Welsh answers on the kiosk',
  () => {
    it('shows the approved Welsh answer and age group in Welsh mode, and the English marked where none is written', async () => {
      const { context, page } = await openPage(h);
      await page.goto('/kiosk');
      await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ein haddewid i chi' }).waitFor();
      await page.locator(`[data-theme-id="${themeId}"]`).click();
      await page.locator(`[data-promise-id="${promiseId}"]`).click();
      const answers = page.locator('.pt-kiosk-answers');
      await answers.getByText('Rydym wedi trefnu dwy daith i’r traeth').waitFor();
      expect(await answers.getByText('We booked two trips to the beach').count()).toBe(0);
      // No Welsh written: the English, marked as English, with the "not in Welsh yet" marker.
      const fallback = answers.locator('[lang="en"]', { hasText: 'We painted the youth room blue' });
      expect(await fallback.count()).toBe(1);
      expect(await answers.getByText('Heb ei ysgrifennu yn Gymraeg eto').count()).toBeGreaterThan(0);
      // The Welsh answer itself is not marked English.
      expect(await answers.locator('[lang="en"]', { hasText: 'Rydym wedi trefnu' }).count()).toBe(0);
      // The age group in Welsh beside a quote.
      expect(await page.locator('.pt-kiosk-who', { hasText: 'gadawr gofal' }).count()).toBeGreaterThan(0);
      expect(await page.content()).not.toContain('ATEB-DRAFFT-HEB-EI-GYMERADWYO');
      // Back in English: the English answer.
      await page.getByRole('button', { name: /Switch to English/ }).click();
      await answers.getByText('We booked two trips to the beach').waitFor();
      expect(await answers.getByText('Rydym wedi trefnu dwy daith i’r traeth').count()).toBe(0);
      await context.close();
    });
  },
  scaled(120_000),
);
