// The children's kiosk in a real browser: no sign-in and no cookies; journeys by touch and by
// keyboard; the Welsh toggle; Read aloud on every card; attract mode and reset; the children's
// verdict; sizes from 320px to 1920px; axe in both languages; a planted-PII crawl of every kiosk
// page and every API answer it received; and, last, an offline reload after the server stops.
import { publishDemoWords } from '../../db/seed/publish-demo-words.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { checkPage, openPage, startHarness, trackRequests, type Harness } from './harness.js';
import { feedback, feedbackPromises, promises, verdicts } from '../../db/schema.js';
import { createRatingSession } from '../../db/repositories/rating-sessions.js';
import { systemActor } from '../../db/repositories/audit.js';
import type { PublicSummary } from '../../server/contracts/index.js';
import { scaled } from '../helpers/slowness.js';

const PLANTED = [
  'Kayleigh Planted-Name',
  'kayleigh.planted@example.com',
  '07700 900987',
  'SAFEGUARDING-PLANTED',
  'Oakfield Planted House',
];

let h: Harness;
let summary: PublicSummary;

beforeAll(async () => {
  h = await startHarness();
  // Plant identifiers where the public must never see them: draft, withheld and flagged feedback
  // on every promise, and the original words behind an approved quote.
  const all = h.db.select({ id: promises.id }).from(promises).all();
  const add = (values: Partial<typeof feedback.$inferInsert>, promiseId: number) => {
    const row = h.db
      .insert(feedback)
      .values({ text: 'x', source: 'forum', heardOn: '2026-01-10', ageBand: 'care-leaver', ...values })
      .returning()
      .get();
    h.db.insert(feedbackPromises).values({ feedbackId: row.id, promiseId }).run();
  };
  for (const p of all) {
    add(
      { text: `Kayleigh Planted-Name 07700 900987`, publicText: 'kayleigh.planted@example.com', publishState: 'draft' },
      p.id,
    );
    add({ text: 'Oakfield Planted House', publicText: 'Oakfield Planted House', publishState: 'withheld' }, p.id);
    add(
      {
        text: 'SAFEGUARDING-PLANTED',
        publicText: 'SAFEGUARDING-PLANTED',
        publishState: 'approved',
        safeguarding: true,
        response: 'did',
        responseText: 'SAFEGUARDING-PLANTED',
        respondedOn: '2026-02-01',
      },
      p.id,
    );
    add(
      {
        text: 'Kayleigh Planted-Name said the food is bad',
        publicText: 'The food could be better',
        publishState: 'approved',
      },
      p.id,
    );
  }
  // Rows put straight into the database stand for words people approved (and left unapproved).
  h.db.transaction((tx) => publishDemoWords(tx));
  const res = await h.app.inject({ method: 'GET', url: '/api/v1/public/summary' });
  summary = res.json();
}, scaled(120_000));
afterAll(() => h?.close());

/** Records every API answer the page received, to crawl for planted identifiers. */
function recordApi(page: Page) {
  const bodies: { url: string; body: string }[] = [];
  page.on('response', async (res) => {
    if (!res.url().includes('/api/')) return;
    try {
      bodies.push({ url: res.url(), body: await res.text() });
    } catch {
      // A response the page navigated away from has no body to read.
    }
  });
  return bodies;
}

async function expectNoPlanted(page: Page, where: string) {
  const text = await page.evaluate(() => document.documentElement.outerHTML);
  for (const secret of PLANTED) expect(text, `${where} shows ${secret}`).not.toContain(secret);
}

async function openKiosk(h: Harness, query = '', options: { touch?: boolean; width?: number; height?: number } = {}) {
  const opened = await openPage(h);
  let { context, page } = opened;
  if (options.touch || options.width) {
    await context.close();
    context = await h.browser.newContext({
      baseURL: h.baseUrl,
      viewport: { width: options.width ?? 390, height: options.height ?? 844 },
      hasTouch: !!options.touch,
      isMobile: !!options.touch,
    });
    trackRequests(context);
    page = await context.newPage();
    page.on('pageerror', (err) => opened.errors.push(`page error: ${err.message}`));
  }
  await page.goto(`/kiosk${query}`);
  await page.getByRole('heading', { level: 1, name: /Our promise to you|Ein haddewid i chi/ }).waitFor();
  return { context, page, errors: opened.errors };
}

const firstTheme = () => summary.themes.find((t) => t.promiseCount > 0)!;
const firstPromiseOf = (themeId: number) => summary.promises.find((p) => p.themeId === themeId)!;
/** A tile names its theme once and counts its promises (test/browser/kiosk-children.test.ts has the rest). */
const tile = (page: Page, t: PublicSummary['themes'][number]) => page.locator(`[data-theme-id="${t.id}"]`);

describe('the kiosk', { timeout: scaled(240_000) }, () => {
  it('opens at /kiosk with no sign-in and sets no cookie', async () => {
    const { context, page, errors } = await openKiosk(h);
    expect(await context.cookies()).toEqual([]);
    expect(page.url()).toMatch(/\/kiosk$/);
    for (const theme of summary.themes) await tile(page, theme).getByText(`${theme.promiseCount} promises`).waitFor();
    expect(await page.getByText(firstTheme().name, { exact: true }).count()).toBe(1);
    const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(20);
    await checkPage(page, 'kiosk-home', errors);
    await context.close();
  });

  it('goes home → theme → promise by touch, with Read aloud on every card and status words', async () => {
    const { context, page, errors } = await openKiosk(h, '', { touch: true });
    const theme = firstTheme();
    const promise = firstPromiseOf(theme.id);
    await page.locator(`[data-theme-id="${theme.id}"]`).tap();
    await page.getByRole('heading', { level: 1, name: theme.name }).waitFor();
    await checkPage(page, 'kiosk-theme', errors);
    await page.locator(`[data-promise-id="${promise.id}"]`).tap();
    await page.getByRole('heading', { level: 2, name: 'You said' }).waitFor();
    for (const name of ['You said', 'We will', 'How we’ll know', 'What happened'])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    // On a phone the parts are folded: each opens with a tap (closing the one before) and has its
    // own Read aloud inside, and so does the promise itself.
    const cards = page.locator('.pt-kiosk-card');
    for (let i = 0; i < (await cards.count()); i++) {
      const open = cards.nth(i).locator('button[aria-expanded]');
      await open.tap();
      expect(await open.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('button[aria-expanded="true"]').count(), 'one part open at a time').toBe(1);
      expect(
        await cards
          .nth(i)
          .getByRole('button', { name: /^Read aloud: / })
          .count(),
      ).toBe(1);
    }
    await page.getByRole('button', { name: 'Read aloud: Our promise' }).waitFor();
    // Speech is the browser's own: the button speaks without error.
    await cards.first().locator('button[aria-expanded]').tap();
    await page.getByRole('button', { name: 'Read aloud: You said' }).tap();
    // An approved quote is shown; its original words never are.
    await page.getByText('“The food could be better”').first().waitFor();
    await checkPage(page, 'kiosk-promise', errors);
    await page.getByRole('button', { name: 'Start again' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Our promise to you' }).waitFor();
    await context.close();
  });

  it('works by keyboard alone', async () => {
    const { context, page } = await openKiosk(h);
    const theme = firstTheme();
    await page.locator(`[data-theme-id="${theme.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: theme.name }).waitFor();
    // Focus moves to the new page's heading once that page has rendered (wait, don't race it);
    // Tab onwards reaches the promises.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: scaled(2_000) });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(theme.name);
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => !!(document.activeElement as HTMLElement | null)?.dataset.promiseId)) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'What happened' }).waitFor();
    await context.close();
  });

  it('switches to Welsh on every page, marks content not yet written in Welsh, and passes axe in Welsh', async () => {
    const { context, page, errors } = await openKiosk(h);
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ein haddewid i chi' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    await checkPage(page, 'kiosk-home-cy', errors);
    const theme = firstTheme();
    await page.locator(`[data-theme-id="${theme.id}"]`).click();
    await page.locator(`[data-promise-id="${firstPromiseOf(theme.id).id}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'Dywedoch chi' }).waitFor();
    const missing = summary.promises.some((p) => !p.textCy) || summary.themes.some((t) => !t.nameCy);
    if (missing) expect(await page.getByText('Heb ei ysgrifennu yn Gymraeg eto').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Darllen yn uchel: / }).count()).toBe(
      (await page.locator('.pt-kiosk-card').count()) + 1,
    );
    await checkPage(page, 'kiosk-promise-cy', errors);
    await page.getByRole('button', { name: /Switch to English/ }).click();
    await page.getByRole('heading', { level: 2, name: 'You said' }).waitFor();
    await context.close();
  });

  it('fits from 320px to 1920px, portrait and landscape, with touch targets of at least 44px', async () => {
    for (const [width, height] of [
      [320, 640],
      [640, 320],
      [1080, 1920],
      [1920, 1080],
    ] as const) {
      const { context, page } = await openKiosk(h, '', { width, height });
      const theme = firstTheme();
      for (const step of ['home', 'promise'] as const) {
        if (step === 'promise') {
          await page.locator(`[data-theme-id="${theme.id}"]`).click();
          await page.locator(`[data-promise-id="${firstPromiseOf(theme.id).id}"]`).click();
          await page.getByRole('heading', { level: 2, name: 'What happened' }).waitFor();
        }
        const layout = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          small: [...document.querySelectorAll<HTMLElement>('button, a, input')]
            .filter((el) => el.getClientRects().length && !el.classList.contains('pt-kiosk-skip'))
            .map((el) => ({ el: el.textContent?.trim().slice(0, 30), r: el.getBoundingClientRect() }))
            .filter((x) => x.r.width < 44 || x.r.height < 44)
            .map((x) => x.el),
        }));
        expect(layout.overflow, `${width}x${height} ${step} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(layout.small, `${width}x${height} ${step} small targets`).toEqual([]);
      }
      await context.close();
    }
  });

  it('goes into attract mode when idle, cycles promises, and a touch returns to a clean start', async () => {
    const { context, page } = await openKiosk(h, '?idle=2&cycle=0.3', { touch: true });
    const theme = firstTheme();
    await page.locator(`[data-theme-id="${theme.id}"]`).tap();
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).tap();
    await page.locator(`[data-promise-id="${firstPromiseOf(theme.id).id}"]`).tap();
    await page.getByRole('heading', { level: 2, name: 'Dywedoch chi' }).waitFor();
    const attract = page.locator('.pt-kiosk-attract');
    await attract.waitFor({ timeout: scaled(5_000) });
    const first = await page.locator('[data-attract-promise]').getAttribute('data-attract-promise');
    await page.waitForFunction(
      (was) => document.querySelector('[data-attract-promise]')?.getAttribute('data-attract-promise') !== was,
      first,
      { timeout: scaled(3_000) },
    );
    // A touch anywhere wakes it.
    await page.touchscreen.tap(20, 20);
    await attract.waitFor({ state: 'detached' });
    // No trace: back at the start, in the default language, nothing the last child opened.
    await page.getByRole('heading', { level: 1, name: 'Our promise to you' }).waitFor();
    expect(await page.locator('pt-kiosk-promise').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
    await context.close();
  });

  it('records the children’s verdict: PIN, a turn, one tap per promise, never more than members present', async () => {
    // One member present: the second child's turn finds the promise already rated by everyone.
    const { pin, row } = await createRatingSession(
      h.db,
      systemActor,
      { forumId: 'cicc', minutes: 60, members: 1 },
      new Date(),
    );
    const { context, page, errors } = await openKiosk(h);
    await page.getByRole('button', { name: 'Staff: start voting' }).click();
    await page.getByLabel('PIN from the participation worker').fill(pin === '000000' ? '000001' : '000000');
    await page.getByRole('button', { name: 'Start voting' }).click();
    await page.getByText('That PIN is not right, or voting has ended.').waitFor();
    await checkPage(page, 'kiosk-pin', errors);
    await page.getByLabel('PIN from the participation worker').fill(pin);
    await page.getByRole('button', { name: 'Start voting' }).click();
    await page.getByRole('button', { name: 'Start my turn' }).click();
    const theme = firstTheme();
    const promise = firstPromiseOf(theme.id);
    await page.locator(`[data-theme-id="${theme.id}"]`).click();
    await page.locator(`[data-promise-id="${promise.id}"]`).click();
    await page.getByRole('button', { name: 'Getting there' }).click();
    await page.getByText('Thank you! You chose: Getting there').waitFor();
    await page.getByRole('button', { name: 'Kept' }).click();
    await page.getByText('Thank you! You chose: Kept').waitFor();
    // Tapping the same answer again, quickly, is the same child: a friendly word, nothing added.
    await page.getByRole('button', { name: 'Kept' }).click();
    await page.getByRole('button', { name: 'Kept' }).click();
    await page.getByText('You’ve already told us – thank you!').waitFor();
    await checkPage(page, 'kiosk-verdict', errors);
    await page.getByRole('button', { name: 'I’ve finished my turn' }).click();
    // A new turn (a new token) on the same promise: the server refuses it, the child hears why.
    await page.getByRole('button', { name: 'Start my turn' }).click();
    await page.locator(`[data-theme-id="${theme.id}"]`).click();
    await page.locator(`[data-promise-id="${promise.id}"]`).click();
    await page.getByRole('button', { name: 'Not yet' }).click();
    await page.getByText('Thanks! Everyone here has had their say on this promise.').waitFor();
    expect(await page.getByText(/^Thank you! You chose/).count()).toBe(0);
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.getByRole('button', { name: 'Ddim eto' }).click();
    await page.getByText('Diolch! Mae pawb yma wedi dweud eu dweud am yr addewid hwn.').waitFor();
    await checkPage(page, 'kiosk-verdict-full-cy', errors);
    await page.getByRole('button', { name: 'Rydw i wedi gorffen fy nhro' }).click();
    const taps = h.db.select().from(verdicts).where(eq(verdicts.sessionId, row.id)).all();
    expect(taps.map((v) => [v.promiseId, v.verdict])).toEqual([[promise.id, 'kept']]);
    await context.close();
  });

  it('never shows planted identifiers on any kiosk page or in any API answer, in either language', async () => {
    const { context, page } = await openKiosk(h);
    const bodies = recordApi(page);
    for (const lang of ['en', 'cy'] as const) {
      if (lang === 'cy') await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
      await expectNoPlanted(page, `home (${lang})`);
      for (const theme of summary.themes) {
        await page.locator(`[data-theme-id="${theme.id}"]`).click();
        await page.locator('pt-kiosk-theme h1').waitFor();
        await expectNoPlanted(page, `theme ${theme.id} (${lang})`);
        for (const p of summary.promises.filter((x) => x.themeId === theme.id)) {
          await page.locator(`[data-promise-id="${p.id}"]`).click();
          await page.locator('.pt-kiosk-card').first().waitFor();
          await expectNoPlanted(page, `promise ${p.id} (${lang})`);
          await page.locator('.pt-kiosk-nav button').first().click(); // Back
          await page.locator('pt-kiosk-theme h1').waitFor();
        }
        await page.locator('.pt-kiosk-nav button').nth(1).click(); // Start again
        await page.locator('pt-kiosk-home h1').waitFor();
      }
    }
    expect(bodies.length).toBeGreaterThan(summary.promises.length);
    for (const { url, body } of bodies)
      for (const secret of PLANTED) expect(body, `${url} leaks ${secret}`).not.toContain(secret);
    await context.close();
  });

  // Last: it stops the server.
  it('reloads offline after the server has stopped, and says when it was last updated', async () => {
    const { context, page } = await openKiosk(h);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load was before the worker took control: load again through it so data is kept.
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    const theme = firstTheme();
    const promise = firstPromiseOf(theme.id);
    await page.locator(`[data-theme-id="${theme.id}"]`).click();
    await page.locator(`[data-promise-id="${promise.id}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'What happened' }).waitFor();
    await page.waitForFunction(async (id) => !!(await caches.match(`/api/v1/public/promises/${id}`)), promise.id);
    await h.app.close();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Our promise to you' }).waitFor();
    await page.getByText('No internet right now. Showing what we saved last time.').waitFor();
    await page.getByText(/^Last updated /).waitFor();
    await page.locator(`[data-theme-id="${theme.id}"]`).click();
    await page.locator(`[data-promise-id="${promise.id}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'What happened' }).waitFor();
    await context.close();
  });
});

export type { BrowserContext };
