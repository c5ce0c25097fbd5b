// The five journeys of issue 19, walked in Chromium with every click, tap or choice counted
// (typing is not). "Before" walks the path the walkthrough describes, on today's pages
// where it still runs (one item at a time from the list, the nav from Promises, a scroll down the
// promise); "after" takes the shortest path the pages now offer. Each count is printed, and the
// test fails if a shortcut stops saving clicks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  openPage,
  settled,
  startHarness,
  trackRequests,
  type Harness,
} from './harness.js';
import { publishDemoWords } from '../../db/seed/publish-demo-words.js';
import { feedback, promises } from '../../db/schema.js';
import { createCommitment } from '../../db/repositories/commitments.js';
import { createMeasure } from '../../db/repositories/measures.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import { openCommitments } from '../../db/repositories/my-actions.js';
import { systemActor } from '../../db/repositories/audit.js';
import { scaled } from '../helpers/slowness.js';
import type { PublicPromise, PublicSummary, Role } from '../../server/contracts/index.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.db.transaction((tx) => publishDemoWords(tx));
}, scaled(60_000));
afterAll(() => h?.close());

const counts: string[] = [];
afterAll(() => console.log(`\nClicks per journey (before → after):\n${counts.join('\n')}`));

/** Counts each click, check or choice made through it. */
function counter(page: Page) {
  let n = 0;
  return {
    get n() {
      return n;
    },
    async click(target: Locator) {
      n++;
      await target.click();
    },
    async check(target: Locator) {
      n++;
      await target.check();
    },
    async choose(target: Locator, value: string) {
      n++;
      await target.selectOption(value);
    },
    async signIn(role: Role) {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill(DEMO_ACCOUNTS[role]);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      n++;
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('main h1').first().waitFor();
      await page.locator('pt-loading').first().waitFor({ state: 'detached' });
    },
  };
}

const items = (path: string) =>
  Array.from({ length: 10 }, (_, i) => `We would like more say in our reviews (${path}), point ${i + 1}`);

/** Types the session's ten items into the form, each after Enter; the band is the forum's own. */
async function typeSession(page: Page, c: ReturnType<typeof counter>, ITEMS: string[], chooseEachBand: boolean) {
  await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
  await c.choose(page.getByLabel('Forum', { exact: true }), 'cicc');
  await page.getByLabel('How many came').fill('9');
  await page.getByLabel('Item 1: what was said').focus();
  for (const [i, text] of ITEMS.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(text);
    // Before, every item started at "Age 4 to 7" and was changed by hand for a teenagers' forum.
    if (chooseEachBand) await c.choose(page.getByLabel(`Item ${i + 1}: age band or group`), '11-18');
  }
  await c.click(page.getByRole('button', { name: 'Save session and 10 items' }));
  await page.waitForURL(/\/feedback\/sessions\/\d+/);
  await page.getByText('Items from this session (10 of 10)').waitFor();
}

async function saveWordsAndApprove(page: Page, c: ReturnType<typeof counter>, approveHere: boolean) {
  await page.getByRole('heading', { level: 1, name: 'Feedback item' }).waitFor();
  await page.getByLabel('Public words for the kiosk').fill('Young people want more say in their reviews');
  await c.click(page.getByRole('button', { name: 'Save public words' }));
  await page.getByText('Saved.', { exact: false }).first().waitFor();
  if (approveHere) {
    await c.click(page.getByRole('button', { name: 'Approve for the kiosk' }));
    await page.getByText('Approved for the kiosk.').waitFor();
  }
}

const approved = (texts: string[]) =>
  h.db
    .select({ text: feedback.text, state: feedback.publishState })
    .from(feedback)
    .all()
    .filter((f) => texts.includes(f.text) && f.state === 'approved').length;

describe('the five journeys, clicks counted', () => {
  it(
    'a participation worker logs a forum’s ten items and approves their public words',
    { timeout: scaled(120_000) },
    async () => {
      // Before: sign in to Promises, go to Feedback, log the session choosing each band, then list →
      // item → save words → approve → back, ten times.
      let ITEMS = items('before');
      const b = await openPage(h);
      const before = counter(b.page);
      await before.signIn('participation');
      await b.page.goto('/promises'); // where signing in used to land
      await before.click(b.page.getByRole('navigation').getByRole('link', { name: 'Feedback' }));
      await before.click(b.page.getByRole('link', { name: 'Log a forum session' }));
      await typeSession(b.page, before, ITEMS, true);
      const firstSession = new URL(b.page.url()).pathname;
      for (let i = 0; i < ITEMS.length; i++) {
        await before.click(b.page.getByRole('link', { name: ITEMS[i]!, exact: true }));
        await saveWordsAndApprove(b.page, before, true);
        await before.click(b.page.getByRole('link', { name: 'Back to the session worklist' }));
        await b.page.waitForURL(`**${firstSession}`);
      }
      expect(approved(ITEMS)).toBe(10);
      await b.context.close();
      ITEMS = items('after');

      // After: lands on Feedback; the band follows the forum; each item's words saved and Next;
      // then the worklist approves all ten at once.
      const a = await openPage(h);
      const after = counter(a.page);
      await after.signIn('participation');
      await after.click(a.page.getByRole('link', { name: 'Log a forum session' }));
      await typeSession(a.page, after, ITEMS, false);
      await after.click(a.page.getByRole('link', { name: ITEMS[0]!, exact: true }));
      for (let i = 0; i < ITEMS.length; i++) {
        await a.page.getByText(`Item ${i + 1} of 10`).waitFor();
        await saveWordsAndApprove(a.page, after, false);
        const next = i < ITEMS.length - 1 ? 'Next item' : 'Back to the session worklist';
        await after.click(a.page.getByRole('link', { name: next }));
      }
      await a.page.getByText('Items from this session (10 of 10)').waitFor();
      await after.click(a.page.getByRole('button', { name: 'Select all shown that are ready' }));
      await after.click(a.page.getByRole('button', { name: 'Approve selected for the kiosk' }));
      await a.page.getByText('10 approved, 0 not approved.').waitFor();
      expect(approved(ITEMS)).toBe(10);
      await a.context.close();
      counts.push(`participation worker (10-item forum, logged and approved): ${before.n} → ${after.n}`);
      expect(after.n).toBeLessThan(before.n);
    },
  );

  it(
    'a senior leader updates an overdue action with a new date and enters a measure’s figure',
    { timeout: scaled(90_000) },
    async () => {
      const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
      const promiseId = (await openCommitments(h.db, leader.id))[0]!.promiseId;
      h.db.update(promises).set({ ownerId: leader.id }).where(eq(promises.id, promiseId)).run();
      const late = (title: string) =>
        createCommitment(h.db, systemActor, {
          promiseId,
          title,
          dueDate: '2026-03-31',
          ownerId: leader.id,
          status: 'at_risk',
        });
      const measure = (name: string) =>
        createMeasure(h.db, systemActor, { promiseId, name, unit: 'count', direction: 'higher', ownerId: leader.id });
      const run = async (path: 'before' | 'after') => {
        const action = await late(`Hold a careers fair (${path})`);
        const m = await measure(`Care leavers with a mentor (${path})`);
        const { page, context } = await openPage(h);
        const c = counter(page);
        await c.signIn('owner');
        if (path === 'before') {
          // Signing in landed on Promises.
          await page.goto('/promises');
          await c.click(page.getByRole('navigation').getByRole('link', { name: 'Actions' }));
        }
        await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor();
        await c.click(page.getByRole('link', { name: `Update ${action.title}`, exact: true }));
        await page.getByLabel('Progress').fill('60');
        await c.click(page.getByRole('button', { name: 'Save update' }));
        const prompt = page.locator('pt-overdue-prompt');
        await prompt.getByRole('heading', { name: 'Set a new due date' }).waitFor();
        await prompt.getByLabel('Day').fill('30');
        await prompt.getByLabel('Month').fill('9');
        await prompt.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
        await prompt.getByLabel('Why has the due date changed?').fill('The employers meet after the summer');
        await c.click(prompt.getByRole('button', { name: 'Save new date' }));
        await expect.poll(() => prompt.getByRole('heading', { name: 'Set a new due date' }).count()).toBe(0);
        if (path === 'before') {
          // The measure was reached through the promise page, its heading not a link: the leader
          // found it under Promises, and (before) needed an admin to reassign it. Counted as the
          // clicks to the promise and the measure.
          await c.click(page.getByRole('navigation').getByRole('link', { name: 'Promises' }));
          await c.click(
            page.getByRole('link', {
              name: h.db.select().from(promises).where(eq(promises.id, promiseId)).get()!.staffText,
            }),
          );
          await c.click(page.getByRole('heading', { level: 3, name: m.name }).getByRole('link'));
        } else {
          await c.click(page.getByRole('navigation').getByRole('link', { name: 'Actions' }));
          await c.click(page.getByRole('link', { name: m.name, exact: true }).first());
        }
        await page.getByRole('heading', { level: 1, name: m.name }).waitFor();
        await page.getByLabel('Period', { exact: true }).fill('2026-Q3');
        await page.getByLabel('Figure', { exact: true }).fill('14');
        await c.click(page.getByRole('button', { name: 'Save figure' }));
        await page.getByText('Figure for 2026-Q3 saved.').waitFor();
        await context.close();
        return c.n;
      };
      const before = await run('before');
      const after = await run('after');
      counts.push(
        `senior leader (overdue update, new date, a figure): ${before} → ${after} (before, the figure also needed an admin)`,
      );
      expect(after).toBeLessThan(before);
    },
  );

  it('a board member finds what needs attention first and opens it', async () => {
    const { page, context } = await openPage(h);
    await page.setViewportSize({ width: 1280, height: 800 });
    const c = counter(page);
    await c.signIn('board');
    await c.click(page.getByRole('navigation').getByRole('link', { name: 'Board' }));
    await page.getByRole('heading', { level: 2, name: 'Needs attention first' }).waitFor();
    await settled(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await c.click(page.locator('pt-board-attention .pt-board-attention__item').first().getByRole('link'));
    await page.getByRole('heading', { level: 2, name: 'We will' }).waitFor();
    await context.close();
    // Before: the same three clicks, on a 10,900 px dashboard listing 11 of 17 promises.
    counts.push(`board member (the first that needs attention): 3 → ${c.n}, dashboard 10,900 px → ${height} px`);
    expect(c.n).toBe(3);
    expect(height).toBeLessThan(4_000);
  });

  it('a child at the portrait kiosk reaches what was done about a promise', async () => {
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
    });
    trackRequests(context);
    const page = await context.newPage();
    const c = counter(page);
    // The promise with the most answers: the longest page.
    const summary = (await h.app.inject({ url: '/api/v1/public/summary' })).json() as PublicSummary;
    const answers = await Promise.all(
      summary.promises.map(
        async (p) =>
          ((await h.app.inject({ url: `/api/v1/public/promises/${p.id}` })).json() as PublicPromise).weDid.length,
      ),
    );
    const p = summary.promises[answers.indexOf(Math.max(...answers))]!;
    await page.goto('/kiosk');
    await c.click(page.locator(`[data-theme-id="${p.themeId}"]`));
    await c.click(page.locator(`[data-promise-id="${p.id}"]`));
    await page.locator('.pt-kiosk-journey').waitFor();
    const shown = () =>
      page.evaluate(() => {
        const r = document.getElementById('card-what-happened')!.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
      });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // Not yet on the screen: one tap on the jump row brings it (before, a long scroll down).
    if (!(await shown()))
      await c.click(
        page.getByRole('navigation', { name: 'Jump to a part' }).getByRole('button', { name: 'What happened' }),
      );
    await expect.poll(shown).toBe(true);
    await context.close();
    counts.push(
      `child at the kiosk (the longest promise's "what happened"): 2 taps and a scroll down a page of up to 4,700 px → ${c.n} taps, no scroll (page ${height} px at 1080x1920)`,
    );
    expect(c.n).toBeLessThanOrEqual(3);
  });

  it('an admin adds a theme and sees it confirmed, then finds the change in the audit trail', async () => {
    const { page, context } = await openPage(h);
    const c = counter(page);
    await c.signIn('admin');
    await c.click(page.getByRole('navigation').getByRole('link', { name: 'Admin' }));
    await c.click(page.getByRole('link', { name: 'Add a theme' }));
    await page.getByLabel('Theme name (staff wording)').fill('Health and feeling well');
    await page.getByLabel('Theme name in children’s words').fill('Feeling well');
    await c.click(page.getByRole('button', { name: 'Save' }));
    await page.getByText('Theme “Health and feeling well” added.').waitFor();
    await c.click(page.getByRole('link', { name: 'Audit trail' }));
    const row = page.locator('tbody tr').filter({ hasText: 'Health and feeling well' }).first();
    await row.waitFor();
    expect(await row.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T|_id|\b[a-z]+_[a-z]+\b/);
    await context.close();
    // Before: the same clicks, with no confirmation after Save and a trail of raw codes and ids.
    counts.push(
      `admin (a theme added and confirmed, then its audit entry): ${c.n} → ${c.n}, now confirmed and in words`,
    );
    expect(c.n).toBe(5);
  });
});
