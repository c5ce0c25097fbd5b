// A participation worker's session, end to end in a real browser: a compact 10-item form whose
// words boxes grow and whose age band is the forum's usual one; a draft that survives a reload
// and a dropped connection and is sent when it returns; the session's worklist with search, the
// "needs public words" filter, next/previous and approving several at once (a hard finding
// blocks only its item); the waiting list within the screen; the item page's error summary and
// "We can't" reveal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { call, checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { feedback, forumSessions, idempotencyKeys } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const sessions = () => h.db.select({ n: count() }).from(forumSessions).get()!.n;
const liveWords = (id: number) => h.db.select().from(feedback).where(eq(feedback.id, id)).get()!.livePublicText;

describe('a participation worker’s session', () => {
  it(
    'fits 10 items in a compact form, grows the words box and starts at the forum’s usual band',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const { page, errors, context } = await openPage(h);
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, 'participation');
      // The care leavers' forum last met as 8 to 11 year olds, the children in care council as 11 to 18.
      for (const [forumId, ageBand] of [
        ['care-leavers', '8-11'],
        ['cicc', '11-18'],
      ] as const) {
        const res = await call<{ id: number }>(page, 'POST', '/forum-sessions', {
          forumId,
          heldOn: today(),
          attendance: 5,
          items: [{ text: 'We want more trips', ageBand }],
        });
        expect(res.id).toBeGreaterThan(0);
      }
      await page.goto('/feedback/sessions/new');
      await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
      const band = page.getByLabel('Item 1: age band or group');
      await page.getByLabel('Forum', { exact: true }).selectOption('care-leavers');
      await expect.poll(() => band.inputValue()).toBe('8-11');
      await page.getByLabel('Forum', { exact: true }).selectOption('cicc');
      await expect.poll(() => band.inputValue()).toBe('11-18');

      const first = page.getByLabel('Item 1: what was said');
      await first.fill('The bus to contact is late');
      await page.getByRole('button', { name: 'Save session and 1 item', exact: true }).waitFor();
      // A long quote is read whole: the box grows, nothing is cut or hidden behind a scroll.
      const quote = 'We said that the bus to family time is late every single week and we miss the start. '.repeat(8);
      await first.fill(quote);
      const box = await first.evaluate((el: HTMLTextAreaElement) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
        value: el.value,
      }));
      expect(box.value).toBe(quote);
      expect(box.scroll).toBeLessThanOrEqual(box.client + 2);
      await first.fill('Thing number 1');
      await first.focus();
      await page.keyboard.press('End');
      for (let i = 2; i <= 10; i++) {
        await page.keyboard.press('Enter');
        await page.keyboard.type(`Thing number ${i}`);
      }
      await page.getByRole('button', { name: 'Save session and 10 items' }).waitFor();
      // New items follow the item above: the forum's usual band.
      await expect.poll(() => page.getByLabel('Item 10: age band or group').inputValue()).toBe('11-18');
      // Before: 4,866 px for the form with 10 items at 1280x800 (5,287 px page); one band per item now.
      const height = await page.evaluate(() => document.querySelector('form')!.getBoundingClientRect().height);
      expect(height).toBeLessThan(2_600);
      await checkPage(page, 'workers-session-form', errors);
      await context.close();
    },
  );

  it(
    'keeps a session typed on this device through a reload and a dropped connection, then sends it once',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const before = sessions();
      const { page, errors, context } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto('/feedback/sessions/new');
      await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
      await page.getByLabel('How many came').fill('6');
      await page.getByLabel('Item 1: what was said').focus();
      await page.keyboard.type('The wifi at the home keeps dropping');
      await page.keyboard.press('Enter');
      await page.keyboard.type('We want to choose our own bedtimes');
      await page.keyboard.press('Enter');
      await page.keyboard.type('More days out in the holidays');
      const status = page.getByTestId('draft-status');
      await status.getByText('3 items saved on this device only — not sent yet.').waitFor();

      // The tab is closed and opened again: everything typed is still there.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Log a forum session' }).waitFor();
      await expect
        .poll(() => page.getByLabel('Item 3: what was said').inputValue())
        .toBe('More days out in the holidays');
      await expect.poll(() => page.getByLabel('How many came').inputValue()).toBe('6');
      await status.getByText('3 items saved on this device only — not sent yet.').waitFor();

      // The connection drops as the worker saves: nothing is sent, the page says so plainly.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Save session and 3 items' }).click();
      await status.getByText('they will be sent when it returns', { exact: false }).waitFor();
      expect(sessions()).toBe(before);
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pt.draft.')));
      expect(kept).toHaveLength(1);

      // Back online: sent by itself, once, with the draft's Idempotency-Key.
      await context.setOffline(false);
      await page.getByText('Session saved with 3 items.').waitFor();
      await page.waitForURL(/\/feedback\/sessions\/\d+/);
      expect(sessions()).toBe(before + 1);
      expect(h.db.select().from(idempotencyKeys).where(like(idempotencyKeys.key, '%:draft-%')).all()).toHaveLength(1);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pt.draft.')))).toEqual([]);

      // A draft left at sign-out goes with the person.
      await page.goto('/feedback/sessions/new');
      await page.getByLabel('Item 1: what was said').fill('Something half typed');
      await status.getByText('1 item saved on this device only — not sent yet.').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in?signed-out=1');
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pt.draft.')))).toEqual([]);
      expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
      await context.close();
    },
  );

  it(
    'works through a session: search, the filter, approving several at once, next and previous',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const { page, errors, context } = await openPage(h);
      await signIn(page, 'participation');
      const created = await call<{ id: number; items: { id: number }[] }>(page, 'POST', '/forum-sessions', {
        forumId: 'cicc',
        heldOn: today(),
        attendance: 7,
        items: [
          { text: 'The bus to school is late', ageBand: '11-18', publicText: 'A young person said the bus is late' },
          { text: 'Ring me on 07700 900444', ageBand: '11-18', publicText: 'Ring me on 07700 900444' },
          { text: 'We want a youth club', ageBand: '11-18', publicText: 'Young people want a youth club' },
          { text: 'My room is cold', ageBand: '11-18' },
        ],
      });
      const [a, b, c, d] = created.items.map((i) => i.id) as [number, number, number, number];
      await page.goto(`/feedback/sessions/${created.id}`);
      await page.getByRole('heading', { level: 1, name: /Children in care council/ }).waitFor();
      await page.getByText('Items from this session (4 of 4)').waitFor();
      await checkPage(page, 'workers-worklist', errors);

      await page.getByLabel('Search what was said').fill('youth club');
      await page.getByText('Items from this session (1 of 4)').waitFor();
      await page.getByLabel('Search what was said').fill('');
      await page.getByRole('button', { name: 'Select all shown that are ready' }).click();
      await page.getByRole('button', { name: 'Approve selected for the kiosk' }).click();
      await page.getByText('2 approved, 1 not approved.').waitFor();
      // The phone number blocks its own item only; the others are live, each audited.
      await page.getByTestId(`result-${b}`).getByText('07700 900444', { exact: false }).waitFor();
      await page.getByTestId(`worklist-row-${b}`).getByText('Needs editing').waitFor();
      expect(await page.locator(`#select-${b}`).count()).toBe(0);
      expect(liveWords(a)).toBe('A young person said the bus is late');
      expect(liveWords(c)).toBe('Young people want a youth club');
      expect(liveWords(b)).toBe('');
      expect(liveWords(d)).toBe('');
      await checkPage(page, 'workers-worklist-approved', errors);

      await page.getByLabel('Only items that need public words approved').check();
      await page.getByText('Items from this session (2 of 4)').waitFor();
      expect(await page.getByTestId(`worklist-row-${a}`).count()).toBe(0);

      // From an item, next and previous walk the session in order.
      await page.getByRole('link', { name: 'My room is cold' }).click();
      await page.getByText('Item 4 of 4').waitFor();
      await checkPage(page, 'workers-item-pager', errors);
      await page.getByRole('link', { name: 'Previous item' }).click();
      await page.waitForURL(`**/feedback/${c}`);
      await page.getByText('Item 3 of 4').waitFor();
      await page.getByRole('link', { name: 'Next item' }).click();
      await page.waitForURL(`**/feedback/${d}`);
      await page.getByRole('link', { name: 'Back to the session worklist' }).click();
      await page.waitForURL(`**/feedback/sessions/${created.id}`);
      // And back to it later, from the Feedback page's latest sessions.
      await page.goto('/feedback');
      await page.getByTestId('recent-sessions').getByRole('link').first().click();
      await page.waitForURL(`**/feedback/sessions/${created.id}`);
      await page.getByText('Items from this session (4 of 4)').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'shows the item page’s problems in an error summary and reveals “Why we can’t” only for “We can’t”',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const created = h.db
        .insert(feedback)
        .values({
          text: 'Call 07700 900555 about the food',
          publicText: 'Call 07700 900555 about the food',
          source: 'survey',
          heardOn: '2026-01-10',
          ageBand: '8-11',
        })
        .returning()
        .get();
      const { page, errors, context } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto(`/feedback/${created.id}`);
      await page.getByRole('heading', { level: 1, name: 'Feedback item' }).waitFor();
      await page.getByText('Must be edited out').first().waitFor();
      await page.getByText('The check found 1 thing that could identify someone').waitFor();

      const why = page.getByLabel('Why we can’t, written for a child');
      const cant = page.getByLabel('We can’t', { exact: true });
      expect(await why.isVisible()).toBe(false);
      const controls = await cant.getAttribute('aria-controls');
      expect(controls).toBeTruthy();
      await cant.check();
      await why.waitFor({ state: 'visible' });
      expect(await page.locator(`#${controls}`).isVisible()).toBe(true);
      await page.getByLabel('We did', { exact: true }).check();
      await why.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Approve for the kiosk' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.getByText('There is a problem').waitFor();
      await expect
        .poll(() => page.evaluate(() => !!document.activeElement?.closest('.govuk-error-summary')))
        .toBe(true);
      await checkPage(page, 'workers-item-error-summary', errors);
      await summary.getByRole('link', { name: /07700 900555/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-publicText');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'keeps the waiting list within the screen and links the count of items not linked',
    {
      timeout: scaled(120_000),
    },
    async () => {
      const { page, errors, context } = await openPage(h);
      await signIn(page, 'participation');
      // Before: 1,568 px wide at 1280 and 1,423 px on a phone, from the promise dropdown.
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto('/feedback/waiting');
        await page.getByRole('heading', { level: 1, name: 'Waiting list' }).waitFor();
        await page.locator('pt-loading').waitFor({ state: 'detached' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await checkPage(page, `workers-waiting-${width}`, errors);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto('/feedback');
      await page
        .getByTestId('unlinked')
        .getByRole('link', { name: /items not linked to a promise yet/ })
        .click();
      await page.waitForURL('**/feedback?unlinked=true');
      await page.getByText('Items not linked to a promise yet', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Show all feedback' }).waitFor();
      await checkPage(page, 'workers-feedback-unlinked', errors);
      await context.close();
    },
  );
});
