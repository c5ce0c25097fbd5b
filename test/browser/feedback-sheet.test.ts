// The printable "You said, we did" sheet: page 1 is full when there is more than a page to print
// (checked in Chromium's own PDF), dates are in words, and a Welsh sheet prints where the council
// uses Welsh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(120_000));
afterAll(() => h?.close());

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

describe('the "You said, we did" sheet', { timeout: scaled(90_000) }, () => {
  it('fills page 1, writes dates in words, and prints in Welsh', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'participation');
    // Every answer since 2020, so there is more than one page to print.
    await page.route('**/api/v1/feedback/you-said-we-did?*', (route) =>
      route.continue({ url: `${route.request().url()}&since=2020-01-01` }),
    );
    await page.goto('/feedback/you-said-we-did');
    await page.getByRole('heading', { level: 1, name: 'You said, we did' }).waitFor();
    await page.getByText('Answers since 1 January 2020').waitFor();
    expect(await page.locator('.pt-fb-sheet').textContent()).not.toMatch(ISO_DATE);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
    expect(doc.numPages).toBeGreaterThan(1);
    const first = await (await doc.getPage(1)).getTextContent();
    const [, , , height] = (await doc.getPage(1)).view as [number, number, number, number];
    // The lowest line of the sheet's own words on page 1 (the browser's header and footer aside).
    const lows = first.items
      .filter((it) => 'str' in it && it.str.trim() && !/^Page \d|127\.0\.0\.1|^\d+\/\d+$/.test(it.str))
      .map((it) => ('transform' in it ? (it.transform[5] as number) : height));
    // Filled to within the bottom fifth of the page: no half-empty page 1.
    expect(Math.min(...lows)).toBeLessThan(height / 5);
    await doc.destroy();
    await page.emulateMedia({ media: 'screen' });

    // The demo council uses Welsh: a Welsh sheet, from the approved Welsh words.
    await page.getByLabel('Language of the sheet').selectOption('cy');
    await page.getByRole('heading', { level: 1, name: 'Dywedoch chi, fe wnaethon ni' }).waitFor();
    await page.getByText('Atebion ers 1 Ionawr 2020').waitFor();
    expect(await page.locator('.pt-fb-sheet [lang="cy"]').count()).toBe(1);
    expect(await page.locator('.pt-fb-sheet__item h2').first().textContent()).toContain('Dywedoch chi');
    await checkPage(page, 'feedback-sheet-cy', errors);
    await context.close();
  });
});
