// Staff tools for the kiosk: the Kiosk section at /admin/kiosk (rating sessions with their PIN,
// the Welsh parity report) and the reading-age help beside the promise form's child wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(120_000));
afterAll(() => h?.close());

describe('kiosk staff tools', { timeout: scaled(180_000) }, () => {
  it('lets a participation worker start a rating session with the members present, see its PIN once, and end it', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'participation');
    await page.getByRole('link', { name: 'Kiosk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiosk' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Welsh text still to write' }).waitFor();
    // The members present are needed first: the error summary takes focus and links to the field.
    await page.getByRole('button', { name: 'Start a rating session' }).click();
    await page.getByRole('heading', { level: 2, name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Enter how many members are here' }).waitFor();
    await checkPage(page, 'kiosk-admin-members-missing', errors);
    await page.getByLabel('How many members are here').fill('201');
    await page.getByRole('button', { name: 'Start a rating session' }).click();
    await page.getByRole('link', { name: 'Enter how many members are here, from 1 to 200' }).waitFor();
    await page.getByLabel('How many members are here').fill('9');
    await page.getByRole('button', { name: 'Start a rating session' }).click();
    const pin = await page.locator('.pt-kiosk-admin-pin__digits').textContent();
    expect(pin).toMatch(/^\d{6}$/);
    // The PIN works on the kiosk's API.
    const joined = await page.request.post('/api/v1/public/rating/join', { data: { pin } });
    expect(joined.status()).toBe(200);
    await page.getByRole('cell', { name: '0 of 9 members' }).first().waitFor();
    expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(0);
    await checkPage(page, 'kiosk-admin', errors);
    await page
      .getByRole('button', { name: /^End the session started / })
      .first()
      .click();
    await page.getByRole('cell', { name: 'Ended' }).first().waitFor();
    expect((await page.request.post('/api/v1/public/rating/join', { data: { pin } })).status()).toBe(400);
    // The link goes to the children's own page, which needs no sign-in.
    expect(await page.getByRole('link', { name: 'Open the children’s kiosk' }).getAttribute('href')).toBe('/kiosk');
    await context.close();
  });

  it('shows a viewer the parity report but not the rating sessions', async () => {
    const { context, page } = await openPage(h);
    await signIn(page, 'viewer');
    await page.goto('/admin/kiosk');
    await page.getByRole('heading', { level: 2, name: 'Welsh text still to write' }).waitFor();
    expect(await page.getByRole('button', { name: 'Start a rating session' }).count()).toBe(0);
    await context.close();
  });

  it('gives a reading age beside the child wording, warning above 9', async () => {
    const { context, page, errors } = await openPage(h);
    await signIn(page, 'admin');
    await page.goto('/promises/new');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const child = page.locator('#f-childText');
    await child.fill('We will help you see your brother and sister.');
    await page
      .getByText(/Reading age: about [5-9]\b/)
      .first()
      .waitFor();
    await child.fill(
      'Notwithstanding organisational considerations, the authority will facilitate comprehensive intergenerational reconciliation opportunities.',
    );
    await page.getByText(/Above 9: use shorter sentences/).waitFor();
    await checkPage(page, 'promise-form-reading-age', errors);
    await context.close();
  });
});
