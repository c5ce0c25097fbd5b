// Actions journeys in a real browser: an owner's quick update done by keyboard alone (a moved
// due date asks why), the admin's overdue and stale page, a period value that changes the
// chart and its table (a small number shown as "too few to show" outside the edit view), a CSV
// import with an error row, and evidence added to a promise. Every page passes checkPage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage, DEMO_ACCOUNTS, openPage, signIn, startHarness, type Harness } from './harness.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import { openCommitments } from '../../db/repositories/my-actions.js';
import { createMeasure, putMeasureValue } from '../../db/repositories/measures.js';
import { systemActor } from '../../db/repositories/audit.js';
import { commitmentUpdates } from '../../db/schema.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Focus a control and type into it with the keyboard, replacing what it held. */
async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

async function aMeasure(name: string) {
  const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
  const promiseId = (await openCommitments(h.db, leader.id))[0]!.promiseId;
  const m = await createMeasure(h.db, systemActor, {
    promiseId,
    name,
    unit: 'percent',
    direction: 'higher',
    baseline: 40,
    target: 60,
    ownerId: leader.id,
  });
  await putMeasureValue(h.db, systemActor, m.id, '2025-Q3', {
    periodEnd: '2025-09-30',
    value: 44,
    base: 50,
    englandAverage: 52,
  });
  await putMeasureValue(h.db, systemActor, m.id, '2025-Q4', {
    periodEnd: '2025-12-31',
    value: 48,
    base: 52,
    englandAverage: 53,
  });
  return m;
}

describe('actions in a real browser', () => {
  it(
    'an owner sees their actions and makes a quick update by keyboard alone',
    { timeout: scaled(90_000) },
    async () => {
      const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
      const target = (await openCommitments(h.db, leader.id))[0]!;
      const { context, page, errors } = await openPage(h);
      // Signing in lands on My actions: no click to find their work.
      await signIn(page, 'owner');
      expect(new URL(page.url()).pathname).toBe('/actions');
      await checkPage(page, 'actions-mine', errors);

      await page.getByRole('link', { name: `Update ${target.title}`, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Update: ${target.title}` }).waitFor();
      await checkPage(page, 'actions-update', errors);

      // Status by keyboard: focus the checked radio and move with the arrow keys.
      await page.locator('input[name="status"]:checked').focus();
      // Up, never down: down from "off track" is "done", which would set progress to 100%.
      await page.keyboard.press('ArrowUp');
      const status = await page.locator('input[name="status"]:checked').getAttribute('value');
      await typeInto(page, '#f-progress', '45');
      const [year] = target.dueDate.split('-');
      await typeInto(page, '#f-dueDate-year', String(Number(year) + 1));
      await typeInto(page, '#f-note', 'Met the housing team; plan agreed for the autumn.');
      await typeInto(page, '#f-childUpdate', 'We have made a plan with the people who find homes.');
      // The moved date asks why; sending it without a reason is refused against that field.
      await page.locator('#f-dueDateReason').waitFor();
      await page.getByRole('button', { name: 'Save update' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
      expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
        'Why has the due date changed?: Say why the due date has changed',
      ]);
      await checkPage(page, 'actions-update-errors', errors);

      await typeInto(page, '#f-dueDateReason', 'The new housing contract starts later than planned.');
      await page.getByRole('button', { name: 'Save update' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Your update has been saved.').waitFor();
      const history = page.locator('pt-data-table table');
      await expect.poll(() => history.locator('tbody tr').count()).toBeGreaterThan(0);
      const first = await history.locator('tbody tr').first().innerText();
      expect(first).toContain('45%');
      expect(first).toContain('Met the housing team; plan agreed for the autumn.');
      expect(first).toContain('The new housing contract starts later than planned.');
      const words: Record<string, string> = {
        not_started: 'Not started',
        on_track: 'On track',
        at_risk: 'At risk',
        off_track: 'Off track',
        done: 'Done',
        dropped: 'Dropped',
      };
      expect(status).not.toBe(target.status);
      expect(first).toContain(words[status!]);
      await checkPage(page, 'actions-update-saved', errors);

      // Back on My actions, the card shows what children see.
      await page.getByRole('link', { name: 'Back to my actions' }).click();
      await page.getByText('We have made a plan with the people who find homes.').waitFor();
      await context.close();
    },
  );

  it(
    'shows the newest 12 updates of a long history, and all of them on request',
    { timeout: scaled(60_000) },
    async () => {
      const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
      const target = (await openCommitments(h.db, leader.id)).at(-1)!;
      for (let n = 1; n <= 14; n++)
        h.db
          .insert(commitmentUpdates)
          .values({
            commitmentId: target.id,
            note: `Monthly check ${n}`,
            status: 'on_track',
            progress: 50,
            authorId: leader.id,
            updatedOn: '2025-01-01',
            createdAt: `2030-01-01T00:00:${String(n).padStart(2, '0')}.000Z`,
          })
          .run();
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'owner');
      await page.goto(`/actions/commitments/${target.id}`);
      await page.getByRole('heading', { level: 1, name: `Update: ${target.title}` }).waitFor();
      const rows = page.locator('pt-data-table table tbody tr');
      await expect.poll(() => rows.count()).toBe(12);
      expect(await rows.first().innerText()).toContain('Monthly check 14');
      const total = await page.getByText(/Showing the latest 12 of \d+ updates\./).innerText();
      const all = Number(/of (\d+)/.exec(total)![1]);
      expect(all).toBeGreaterThanOrEqual(14);
      await checkPage(page, 'actions-update-long-history', errors);
      // A save answers with the update it recorded; the page puts it on top and counts it.
      await typeInto(page, '#f-note', 'Monthly check 15');
      await page.getByRole('button', { name: 'Save update' }).click();
      await page.getByText('Your update has been saved.').waitFor();
      await page.getByText(`Showing the latest 12 of ${all + 1} updates.`).waitFor();
      expect(await rows.count()).toBe(12);
      expect(await rows.first().innerText()).toMatch(/Monthly check 15\b/);
      expect(await rows.nth(1).innerText()).toMatch(/Monthly check 14\b/);
      // The full list, read afresh (the planted rows are dated 2030, so they sort above today's).
      await page.getByRole('button', { name: `Show all ${all + 1} updates` }).click();
      await expect.poll(() => rows.count()).toBe(all + 1);
      expect(await rows.nth(13).innerText()).toMatch(/Monthly check 1\b/);
      expect(await rows.nth(14).innerText()).toMatch(/Monthly check 15\b/);
      await context.close();
    },
  );

  it('an admin sees every owner’s overdue and stale actions', { timeout: scaled(60_000) }, async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    await page.goto('/actions');
    await page.getByRole('link', { name: 'See every owner’s overdue and stale actions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdue and stale actions' }).waitFor();
    await checkPage(page, 'actions-overview', errors);
    await context.close();
  });

  it('adds a period value and sees the chart and its table change', { timeout: scaled(90_000) }, async () => {
    const m = await aMeasure('Care leavers in a home they chose (%)');
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'owner');
    await page.goto(`/actions/measures/${m.id}`);
    await page.getByRole('heading', { level: 1, name: m.name }).waitFor();
    const summary = page.getByTestId('measure-summary');
    expect(await summary.innerText()).toBe(
      'Latest figure: 48% (2025-Q4). Improving since the period before (higher is better). Target of 60%: not met yet, 12% to go. Baseline: 40%. England average in 2025-Q4: 53%.',
    );
    await expect.poll(() => page.locator('pt-measure-chart canvas').getAttribute('data-periods')).toBe('2');
    await checkPage(page, 'measure', errors);

    await page.getByRole('button', { name: 'Show as table' }).click();
    const table = page.locator('pt-measure-chart table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await checkPage(page, 'measure-table', errors);

    await page.getByLabel('Period', { exact: true }).fill('2026-Q1');
    await page.getByLabel('Figure', { exact: true }).fill('55');
    await page.getByLabel('Number of children the figure is about').fill('54');
    await page.getByRole('button', { name: 'Save figure' }).click();
    await page.getByText('Figure for 2026-Q1 saved.').waitFor();
    await expect.poll(() => page.locator('pt-measure-chart canvas').getAttribute('data-periods')).toBe('3');
    expect(await page.getByTestId('measure-summary').innerText()).toContain('Latest figure: 55% (2026-Q1).');
    await page.getByRole('button', { name: 'Show as table' }).click();
    expect(await page.locator('pt-measure-chart table tbody tr').count()).toBe(3);
    expect(await page.locator('pt-measure-chart table tbody tr').last().innerText()).toContain('55%');

    // A figure about 3 children: the chart and its table say "too few to show"; the owner's
    // own figures, below, show what was entered.
    await page.getByLabel('Period', { exact: true }).fill('2026-Q2');
    await page.getByLabel('Figure', { exact: true }).fill('67');
    await page.getByLabel('Number of children the figure is about').fill('3');
    await page.getByRole('button', { name: 'Save figure' }).click();
    await page.getByText('Figure for 2026-Q2 saved.').waitFor();
    expect(await page.getByTestId('measure-summary').innerText()).toContain(
      'Latest figure (2026-Q2): too few to show.',
    );
    await page.getByRole('button', { name: 'Show as table' }).click();
    const last = await page.locator('pt-measure-chart table tbody tr').last().innerText();
    expect(last).toContain('too few to show');
    expect(last).not.toContain('67');
    expect(await page.locator('pt-data-table').last().locator('tbody tr').last().innerText()).toContain('67%');
    await checkPage(page, 'measure-after-entry', errors);
    await context.close();
  });

  it('imports figures from a CSV file after showing its error row', { timeout: scaled(90_000) }, async () => {
    const m = await aMeasure('Care leavers in education or work (%)');
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'owner');
    await page.goto(`/actions/measures/${m.id}`);
    await page.getByRole('link', { name: 'Import figures from a CSV file' }).click();
    await page.getByRole('heading', { level: 1, name: `Import figures: ${m.name}` }).waitFor();
    await checkPage(page, 'measure-import', errors);

    const file = (text: string) => ({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .getByLabel('CSV file')
      .setInputFiles(file('Period,Value,England average\n2026-Q1,52,54\n2026-Q2,152,54\n'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Nothing has been imported').waitFor();
    const problem = await page.locator('pt-data-table table tbody tr').first().innerText();
    expect(problem).toContain('3');
    expect(problem).toContain('Value');
    expect(problem).toContain('Enter a percentage from 0 to 100');
    await checkPage(page, 'measure-import-errors', errors);

    await page
      .getByLabel('CSV file')
      .setInputFiles(file('Period,Value,England average\n2026-Q1,52,54\n2026-Q2,57,54\n'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 2 rows' }).waitFor();
    expect(await page.locator('pt-data-table table tbody tr').count()).toBe(2);
    await checkPage(page, 'measure-import-ready', errors);
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByText('2 rows imported.').waitFor();

    await page.getByRole('link', { name: 'Back to the measure' }).first().click();
    await page.getByRole('heading', { level: 1, name: m.name }).waitFor();
    await expect.poll(() => page.locator('pt-measure-chart canvas').getAttribute('data-periods')).toBe('4');
    expect(await page.getByTestId('measure-summary').innerText()).toContain('Latest figure: 57% (2026-Q2).');
    await context.close();
  });

  it('adds evidence to a promise', { timeout: scaled(60_000) }, async () => {
    const leader = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
    const promiseId = (await openCommitments(h.db, leader.id))[0]!.promiseId;
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'owner');
    await page.goto(`/actions/promises/${promiseId}/evidence`);
    await page.getByRole('heading', { level: 1, name: /^Evidence: / }).waitFor();
    await checkPage(page, 'evidence', errors);

    await page.getByLabel('Document', { exact: true }).check();
    await page.getByLabel('Title', { exact: true }).fill('Housing protocol for care leavers');
    await page.locator('#f-dated').fill('27');
    await page.locator('#f-dated-month').fill('3');
    await page.locator('#f-dated-year').fill('2026');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Link to the document: Enter the web address of the document',
    ]);
    await page.getByLabel('Link to the document').fill('https://example.org/housing-protocol.pdf');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await page.getByText('Evidence added.').waitFor();
    await page.getByRole('link', { name: 'Housing protocol for care leavers' }).waitFor();
    await checkPage(page, 'evidence-added', errors);
    await context.close();
  });
});
