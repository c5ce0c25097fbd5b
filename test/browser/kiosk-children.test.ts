// The kiosk as a child meets it on the forum's portrait touch screen (1080x1920) and on a phone:
// picture tiles that fill the screen, each picture with words; a theme nobody has rated says "Not
// checked yet", never "0 of 4 on track"; a promise shows how far it has got and jumps to each
// part, with long lists folded; Read aloud says plainly when the screen has no voice; the staff
// button is small and in the corner but reachable by keyboard; movement stops under reduced
// motion; and axe, with its check that a control's name contains its visible words, finds nothing
// serious on any kiosk page in either language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { publishDemoWords } from '../../db/seed/publish-demo-words.js';
import { promises, ragReviews, themes } from '../../db/schema.js';
import { axeOn, checkPage, openPage, settled, signIn, startHarness, trackRequests, type Harness } from './harness.js';
import type { PublicPromise, PublicSummary } from '../../server/contracts/index.js';
import { scaled } from '../helpers/slowness.js';

const ICON_WORDS = [
  'A star',
  'A heart',
  'Two people',
  'A house',
  'A book',
  'A speech bubble',
  'A shield',
  'The sun',
  'A rocket',
  'A leaf',
];

let h: Harness;
let summary: PublicSummary;
/** A theme whose promises nobody has rated. */
let unrated: PublicSummary['themes'][number];

beforeAll(async () => {
  h = await startHarness();
  h.db.transaction((tx) => publishDemoWords(tx));
  const themeId = h.db.select({ id: promises.themeId }).from(promises).get()!.id;
  const ids = h.db
    .select({ id: promises.id, themeId: promises.themeId })
    .from(promises)
    .all()
    .filter((p) => p.themeId === themeId)
    .map((p) => p.id);
  h.db.delete(ragReviews).where(inArray(ragReviews.promiseId, ids)).run();
  summary = (await h.app.inject({ method: 'GET', url: '/api/v1/public/summary' })).json();
  unrated = summary.themes.find((t) => t.id === themeId)!;
}, scaled(120_000));
afterAll(() => h?.close());

async function open(options: { width?: number; height?: number; reducedMotion?: 'reduce' } = {}) {
  const opened = await openPage(h);
  await opened.context.close();
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    viewport: { width: options.width ?? 1080, height: options.height ?? 1920 },
    hasTouch: true,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  trackRequests(context);
  const page = await context.newPage();
  const errors = opened.errors;
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  await page.goto('/kiosk');
  await page.locator('[data-theme-id]').first().waitFor();
  return { context, page, errors };
}

/** axe as checkPage runs it, plus its check that a control's name contains its visible words. */
async function axeWithLabelInName(page: Page, name: string) {
  const result = await axeOn(page)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}

async function openPromise(page: Page, p: { id: number; themeId: number }) {
  await page.locator(`[data-theme-id="${p.themeId}"]`).click();
  await page.locator(`[data-promise-id="${p.id}"]`).click();
  await page.locator('.pt-kiosk-journey').waitFor();
}

describe('the kiosk for children', { timeout: scaled(300_000) }, () => {
  it('fills the portrait screen with picture tiles, each picture with words, each theme named once', async () => {
    const { context, page, errors } = await open();
    const tiles = page.locator('[data-theme-id]');
    expect(await tiles.count()).toBe(summary.themes.length);
    for (const theme of summary.themes) {
      const tile = page.locator(`[data-theme-id="${theme.id}"]`);
      const picture = tile.locator('svg[role="img"]');
      expect(ICON_WORDS).toContain(await picture.getAttribute('aria-label'));
      const box = (await picture.boundingBox())!;
      expect(box.width, 'a big picture').toBeGreaterThanOrEqual(64);
      const text = (await tile.textContent())!;
      expect(text.split(theme.name).length - 1, `${theme.name} named once`).toBe(1);
      expect(text).not.toMatch(/\d+ of \d+/);
    }
    // The tiles reach most of the way down the first screen: no half-empty home screen.
    const bottom = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('.pt-kiosk-tile')].map((el) => el.getBoundingClientRect().bottom)),
    );
    expect(bottom).toBeGreaterThan(1920 * 0.75);
    expect(bottom).toBeLessThanOrEqual(1920);
    await checkPage(page, 'kiosk-children-home', errors);
    await context.close();
  });

  it('says "Not checked yet" for a theme nobody has rated, in English and Welsh, never "0 of 4 on track"', async () => {
    const { context, page } = await open();
    const tile = page.locator(`[data-theme-id="${unrated.id}"]`);
    await tile.getByText('Not checked yet').waitFor();
    expect(await tile.textContent()).not.toMatch(/on track/);
    await tile.click();
    await page.getByRole('heading', { level: 1, name: unrated.name }).waitFor();
    const intro = page.locator('pt-kiosk-theme .pt-kiosk-intro');
    await intro.getByText('Not checked yet').waitFor();
    expect(await intro.textContent()).not.toContain(unrated.name);
    for (const p of summary.promises.filter((x) => x.themeId === unrated.id))
      await page.locator(`[data-promise-id="${p.id}"]`).getByText('Not checked yet').waitFor();
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.locator('pt-kiosk-theme .pt-kiosk-intro').getByText('Heb eu gwirio eto').waitFor();
    await page.getByRole('button', { name: 'Dechrau eto' }).click();
    await page.locator(`[data-theme-id="${unrated.id}"]`).getByText('Heb eu gwirio eto').waitFor();
    await context.close();
  });

  it('shows how far a promise has got, the step it is at marked in words', async () => {
    const { context, page, errors } = await open();
    const p = summary.promises[0]!;
    const detail = (await h.app.inject({ url: `/api/v1/public/promises/${p.id}` })).json() as PublicPromise;
    await openPromise(page, p);
    const journey = page.getByRole('region', { name: 'How far we have got' });
    const steps = journey.getByRole('listitem');
    expect(await steps.allTextContents()).toHaveLength(4);
    const names = ['We heard you', 'We made a plan', 'We’re doing it', 'Done'];
    const at = ['heard', 'planned', 'doing', 'done'].indexOf(detail.journey);
    const current = journey.locator('[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain(names[at]);
    expect(await current.textContent()).toContain('We are here');
    // The steps before say they are finished, to a screen reader as well as by their tick.
    for (let i = 0; i < at; i++) expect(await steps.nth(i).textContent()).toContain('finished');
    await checkPage(page, 'kiosk-children-journey', errors);
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await journey
      .or(page.getByRole('region', { name: 'Pa mor bell rydyn ni wedi dod' }))
      .first()
      .waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Rydyn ni yma');
    await context.close();
  });

  it('jumps to each part of a promise, folds long lists, and keeps the page short at 1080x1920', async () => {
    const { context, page } = await open();
    const heights: number[] = [];
    for (const p of summary.promises) {
      await page.getByRole('button', { name: 'Start again' }).or(page.locator('pt-kiosk-home h1')).first().click();
      await openPromise(page, p);
      await page.locator('.pt-kiosk-card').first().waitFor();
      heights.push(
        await page.evaluate(() => document.querySelector('.pt-kiosk-cards')!.getBoundingClientRect().bottom + scrollY),
      );
    }
    // Before: 2,700 to 4,700 px, every part one below the other. Now the longest fits in under
    // two screens and most in little more than one.
    expect(Math.max(...heights), `content heights ${heights.join(', ')}`).toBeLessThan(1920 * 1.75);

    // The demo promise with the most answers: more than four fold to three.
    const counts = await Promise.all(
      summary.promises.map(
        async (p) =>
          ((await h.app.inject({ url: `/api/v1/public/promises/${p.id}` })).json() as PublicPromise).weDid.length,
      ),
    );
    const long = summary.promises[counts.indexOf(Math.max(...counts))]!;
    await page.getByRole('button', { name: 'Start again' }).click();
    await openPromise(page, long);
    const nav = page.getByRole('navigation', { name: 'Jump to a part' });
    await nav.getByRole('button', { name: 'What happened' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'card-what-happened');
    const inView = await page.evaluate(() => {
      const r = document.getElementById('card-what-happened')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);

    const detail = (await h.app.inject({ url: `/api/v1/public/promises/${long.id}` })).json() as PublicPromise;
    expect(detail.weDid.length, 'the demo promise has a long list').toBeGreaterThan(4);
    const answers = page.locator('#list-what-happened > li');
    expect(await answers.count()).toBe(3);
    const more = page.locator('[aria-controls="list-what-happened"]');
    expect((await more.textContent())!.trim()).toBe(`Show ${detail.weDid.length - 3} more`);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await answers.count()).toBe(detail.weDid.length);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect((await more.textContent())!.trim()).toBe('Show fewer');
    await context.close();
  });

  it('keeps a promise short on a phone: the parts fold under the journey, each a tap away', async () => {
    const { context, page, errors } = await open({ width: 360, height: 740 });
    const heights: number[] = [];
    for (const p of summary.promises) {
      await page.goto('/kiosk');
      await openPromise(page, p);
      await page.locator('.pt-kiosk-card').first().waitFor();
      heights.push(await page.evaluate(() => document.documentElement.scrollHeight));
    }
    // Before: 4,914 to 7,140 px (5,792 for half of them), every part one below the other.
    // Folded, the whole page is under two and a half phone screens.
    expect(Math.max(...heights), `page heights ${heights.join(', ')}`).toBeLessThan(740 * 2.5);
    // No jump row on a phone: the folded parts are the buttons, and each part is within reach.
    expect(await page.getByRole('navigation', { name: 'Jump to a part' }).count()).toBe(0);
    const lastPart = await page.evaluate(
      () => [...document.querySelectorAll('.pt-kiosk-card')].at(-1)!.getBoundingClientRect().bottom + scrollY,
    );
    expect(lastPart, 'every part within two phone screens').toBeLessThan(740 * 2);
    const youSaid = page.getByRole('button', { name: /^You said/ });
    expect(await youSaid.getAttribute('aria-expanded')).toBe('false');
    await youSaid.click();
    expect(await youSaid.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#part-you-said blockquote').first().waitFor();
    await page.getByRole('button', { name: 'What happened' }).click();
    expect(await youSaid.getAttribute('aria-expanded'), 'one part open at a time').toBe('false');
    await page.locator('#part-what-happened').getByRole('button', { name: 'Read aloud: What happened' }).waitFor();
    await checkPage(page, 'kiosk-children-promise-phone', errors);
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.getByRole('button', { name: /^Dywedoch chi/ }).waitFor();
    await axeWithLabelInName(page, 'promise phone cy');
    await context.close();
  });

  it('gives themes nobody gave a picture a different friendly one each, with words, on the tiles and the attract screen', async () => {
    const before = h.db.select({ id: themes.id, icon: themes.icon }).from(themes).all();
    h.db.update(themes).set({ icon: 'star' }).run();
    try {
      const { context, page } = await open();
      await page.goto('/kiosk?idle=1&cycle=30');
      await page.locator('[data-theme-id]').first().waitFor();
      const words = await page
        .locator('[data-theme-id] svg[role="img"]')
        .evaluateAll((svgs) => svgs.map((el) => el.getAttribute('aria-label')));
      expect(words).toHaveLength(summary.themes.length);
      expect(new Set(words).size, `pictures ${words.join(', ')}`).toBe(words.length);
      for (const w of words) expect(ICON_WORDS).toContain(w);
      await page.locator('.pt-kiosk-attract .pt-kiosk-attract__theme svg').waitFor();
      await context.close();
    } finally {
      for (const th of before) h.db.update(themes).set({ icon: th.icon }).where(eq(themes.id, th.id)).run();
    }
  });

  it('says plainly when the screen has no voice to read aloud, or shows a Stop button while reading', async () => {
    const { context, page } = await open();
    const voices = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          if (speechSynthesis.getVoices().length) return resolve(speechSynthesis.getVoices().length);
          speechSynthesis.addEventListener('voiceschanged', () => resolve(speechSynthesis.getVoices().length));
          setTimeout(() => resolve(speechSynthesis.getVoices().length), 1000);
        }),
    );
    const button = page.getByRole('button', { name: 'Read aloud: Our promise to you' });
    await button.click();
    if (voices === 0) {
      // Headless Chromium has no voices: the child is told, in words beside the button.
      await page.getByRole('status').filter({ hasText: 'This screen can’t read aloud.' }).waitFor();
      await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
      await page.getByRole('button', { name: 'Darllen yn uchel: Ein haddewid i chi' }).click();
      await page.getByRole('status').filter({ hasText: 'Dydy’r sgrin hon ddim yn gallu darllen yn uchel.' }).waitFor();
    } else {
      const stop = page.getByRole('button', { name: 'Stop reading: Our promise to you' });
      await stop.waitFor();
      await stop.click();
      await button.waitFor();
    }
    await context.close();
  });

  it('keeps the staff button small and in the corner, out of the children’s way, and reachable by keyboard', async () => {
    const { context, page } = await open();
    const staff = page.getByRole('button', { name: 'Staff: start voting' });
    expect((await staff.textContent())!.trim()).toBe('Staff');
    const box = (await staff.boundingBox())!;
    const tilesBottom = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('.pt-kiosk-tile')].map((el) => el.getBoundingClientRect().bottom)),
    );
    expect(box.y, 'below the tiles').toBeGreaterThan(tilesBottom);
    expect(box.x + box.width, 'in the right-hand corner').toBeGreaterThan(1080 - 40);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeLessThan(60);
    expect(await page.getByText('For grown-ups', { exact: false }).count()).toBe(0);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await staff.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await staff.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Start voting' }).waitFor();
    await context.close();
  });

  it('moves a little, and not at all under reduced motion', async () => {
    const animation = async (reducedMotion?: 'reduce') => {
      const { context, page } = await open({ reducedMotion });
      const name = await page
        .locator('.pt-kiosk-tile__picture')
        .first()
        .evaluate((el) => getComputedStyle(el).animationName);
      await context.close();
      return name;
    };
    expect(await animation()).toBe('pt-kiosk-bob');
    expect(await animation('reduce')).toBe('none');
  });

  it('lets an admin pick a theme’s picture on the theme form, and the kiosk shows it', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    const theme = summary.themes[0]!;
    await page.goto(`/admin/themes/${theme.id}/edit`);
    const select = page.getByLabel('Picture on the kiosk');
    await select.waitFor();
    await select.selectOption({ label: 'House' });
    await checkPage(page, 'theme-form-icon', errors);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.goto('/kiosk');
    await page.locator(`[data-theme-id="${theme.id}"] svg[role="img"][aria-label="A house"]`).waitFor();
    await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
    await page.locator(`[data-theme-id="${theme.id}"] svg[role="img"][aria-label="Tŷ"]`).waitFor();
    await context.close();
  });

  it('passes axe, names containing their visible words, on every kiosk page in both languages, portrait and phone', async () => {
    for (const [width, height] of [
      [1080, 1920],
      [390, 844],
    ] as const) {
      const { context, page } = await open({ width, height });
      const p = summary.promises[0]!;
      for (const lang of ['en', 'cy'] as const) {
        if (lang === 'cy') {
          await page.getByRole('button', { name: /Newid i’r Gymraeg/ }).click();
          await page.getByRole('heading', { level: 1, name: 'Ein haddewid i chi' }).waitFor();
        }
        await axeWithLabelInName(page, `home ${lang} ${width}`);
        await page.locator(`[data-theme-id="${p.themeId}"]`).click();
        await page.locator('pt-kiosk-theme h1').waitFor();
        await axeWithLabelInName(page, `theme ${lang} ${width}`);
        await page.locator(`[data-promise-id="${p.id}"]`).click();
        await page.locator('.pt-kiosk-journey').waitFor();
        await settled(page);
        await axeWithLabelInName(page, `promise ${lang} ${width}`);
        await page.locator('.pt-kiosk-nav button').nth(1).click(); // Start again
        await page.locator('pt-kiosk-home h1').waitFor();
        await page.locator('.pt-kiosk-staff').click();
        await page.locator('#pt-kiosk-pin').waitFor();
        await axeWithLabelInName(page, `pin ${lang} ${width}`);
        await page.locator('.pt-kiosk-nav button').nth(1).click();
        await page.locator('pt-kiosk-home h1').waitFor();
      }
      // Back in English: the switch's name holds its visible word in both directions.
      await page.getByRole('button', { name: /^English – Switch to English/ }).click();
      await page.getByRole('button', { name: /^Cymraeg – Newid i’r Gymraeg/ }).waitFor();
      await context.close();
    }
  });
});
