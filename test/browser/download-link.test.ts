// A file the server cannot make just now (the PDF printer down, a 503) is said on the page, in
// plain words, instead of being saved as a file that holds the error; when the server can make it,
// the same link saves the file with the name the server gave.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a download link', () => {
  it(
    'says on the page when the file cannot be made, then saves it once it can',
    { timeout: scaled(60_000) },
    async () => {
      const { context, page } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto('/feedback');
      const link = page.getByRole('link', { name: 'Export all feedback (CSV)' });
      await link.waitFor();

      // The server's answer when it cannot make a file; a real outage is the pack route's 503.
      await page.route('**/api/v1/feedback/export.csv', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Not now', status: 503 }),
        }),
      );
      const saved: string[] = [];
      page.on('download', (d) => saved.push(d.suggestedFilename()));
      await link.click();
      await page.getByRole('alert').filter({ hasText: 'This file could not be made just now.' }).waitFor();
      expect(saved).toEqual([]);

      await page.unroute('**/api/v1/feedback/export.csv');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/,/);
      // The message goes once the file is saved.
      expect(await page.getByRole('alert').filter({ hasText: 'could not be made' }).count()).toBe(0);
      await context.close();
    },
  );
});
