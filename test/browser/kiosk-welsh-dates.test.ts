// Dates on the kiosk come from our own month names, so the Welsh kiosk says "Rhagfyr" even though
// this Chromium has no Welsh locale data; and a council that does not use Welsh has no Cymraeg
// button (nor a Welsh kiosk by address), clean under axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, checkPage, openPage, settled, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';
import { dateTimeWords, monthYearWords } from '../../server/domain/date-words.js';
import type { PublicPromise, PublicSummary } from '../../server/contracts/index.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(120_000));
afterAll(() => h?.close());

const WELSH_MONTH = /(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/;

describe('dates and Welsh on the kiosk', { timeout: scaled(90_000) }, () => {
  it('writes dates in Welsh words on the Welsh kiosk and British words on the English one', async () => {
    const { context, page } = await openPage(h);
    await page.goto('/kiosk');
    const summary = await page.evaluate(
      async () => (await (await fetch('/api/v1/public/summary')).json()) as PublicSummary,
    );
    const updated = page.locator('.pt-kiosk-updated');
    await updated.waitFor();
    // English: "Last updated 2 December 2026 at 1:05am", never the browser's "December 2 at 01:05 AM".
    expect((await updated.textContent())?.trim()).toMatch(
      /^Last updated \d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}:\d{2}[ap]m|midnight|midday)$/,
    );

    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ein haddewid i chi' }).waitFor();
    const cy = (await updated.textContent())!.trim();
    expect(cy).toMatch(WELSH_MONTH);
    // The same instant, in the council's time zone, as the shared module writes it.
    const generated = await page.evaluate(
      async () => ((await (await fetch('/api/v1/public/summary')).json()) as PublicSummary).generatedAt,
    );
    expect(cy.replace(/ am \d{2}:\d{2}$/, '')).toBe(
      `Diweddarwyd ddiwethaf ${dateTimeWords(generated, 'cy', summary.timeZone).replace(/ am \d{2}:\d{2}$/, '')}`,
    );
    // The council's Welsh name heads the Welsh kiosk.
    expect((await page.locator('.pt-kiosk-council').textContent())?.trim()).toBe(summary.councilNameCy);

    // A promise with a commitment: "Erbyn <mis> <blwyddyn>" in Welsh words.
    let detail: PublicPromise | null = null;
    for (const p of summary.promises) {
      const d = (await page.evaluate(
        async (id) => (await (await fetch(`/api/v1/public/promises/${id}`)).json()) as PublicPromise,
        p.id,
      )) as PublicPromise;
      if (d.weWill.length) {
        detail = d;
        break;
      }
    }
    expect(detail).not.toBeNull();
    const promise = summary.promises.find((p) => p.id === detail!.id)!;
    await page.locator(`[data-theme-id="${promise.themeId}"]`).click();
    await page.locator(`[data-promise-id="${promise.id}"]`).click();
    const due = page.locator('.pt-kiosk-due').first();
    await due.waitFor();
    expect(await due.textContent()).toBe(`Erbyn ${monthYearWords(detail!.weWill[0]!.dueMonth, 'cy')}`);
    expect(await due.textContent()).toMatch(WELSH_MONTH);
    await context.close();
  });

  it('shows no language button when the council does not use Welsh, and stays English', async () => {
    const { context: staff, page: admin } = await openPage(h);
    await signIn(admin, 'admin');
    const before = await call<{ version: number }>(admin, 'GET', '/settings');
    await call(admin, 'PUT', '/settings', { version: before.version, useWelsh: false });
    try {
      const { context, page, errors } = await openPage(h);
      // Even asked for by address, a council without Welsh shows the English kiosk.
      await page.goto('/kiosk?lang=cy');
      await page.getByRole('heading', { level: 1, name: 'Our promise to you' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.locator('.pt-kiosk-lang').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: /Gymraeg|Cymraeg/ }).count()).toBe(0);
      await checkPage(page, 'kiosk-home-no-welsh', errors);
      await context.close();

      // Staff forms do not ask for Welsh either, and saving keeps the Welsh a theme already has.
      const themes = await call<{ items: { id: number; childNameCy: string }[] }>(admin, 'GET', '/themes');
      const theme = themes.items[0]!;
      await call(admin, 'PATCH', `/themes/${theme.id}`, {
        version: (await call<{ version: number }>(admin, 'GET', `/themes/${theme.id}`)).version,
        childNameCy: 'Pobl sy’n bwysig i chi',
      });
      await admin.goto(`/admin/themes/${theme.id}/edit`);
      await admin.getByLabel('Theme name (staff wording)').waitFor();
      await settled(admin);
      expect(await admin.getByLabel('Theme name in Welsh (children’s words)').isVisible()).toBe(false);
      await admin.getByRole('button', { name: 'Save' }).click();
      await admin.waitForURL((url) => url.pathname === '/admin');
      const kept = await call<{ childNameCy: string }>(admin, 'GET', `/themes/${theme.id}`);
      expect(kept.childNameCy).toBe('Pobl sy’n bwysig i chi');
    } finally {
      const now = await call<{ version: number }>(admin, 'GET', '/settings');
      await call(admin, 'PUT', '/settings', { version: now.version, useWelsh: true });
      await staff.close();
    }
  });
});
