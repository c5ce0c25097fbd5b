// Setting a council up through its pages, as issue 18 asks: moving it to Wales ticks "Use Welsh"
// and asks for the Welsh name; a new age band needs only its labels; a theme and a promise use
// "the same words for children"; an action owner adds a commitment to a promise they lead; the
// rules page says no promise without actions is green; the translator's list downloads for Excel.
// The API side of the same setup is test/routes/new-council.test.ts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, checkPage, DEMO_ACCOUNTS, fillDate, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';
import { auditLog, promises } from '../../db/schema.js';
import { findUserByEmail } from '../../db/repositories/users.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Settings = {
  version: number;
  nation: string;
  useWelsh: boolean;
  councilNameCy: string;
  ageBands: { id: string; label: string }[];
};

describe('setting a council up in a real browser', () => {
  it(
    'moves the council to Wales: Welsh turns on, its name in Welsh is asked, a band needs only labels',
    {
      timeout: scaled(90_000),
    },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      const before = await call<Settings>(page, 'GET', '/settings');
      await call(page, 'PUT', '/settings', { version: before.version, nation: 'england', useWelsh: false });
      await page.goto('/admin/settings');
      const useWelsh = page.getByLabel('Use Welsh');
      await useWelsh.waitFor();
      expect(await useWelsh.isChecked()).toBe(false);
      expect(await page.getByLabel('Council name in Welsh').isVisible()).toBe(false);

      await page.getByLabel('Wales', { exact: true }).check();
      await expect.poll(() => useWelsh.isChecked()).toBe(true);
      await page.getByLabel('Council name in Welsh').fill('Cyngor Sir Enghraifft');
      await page.getByRole('button', { name: 'Add an age band' }).click();
      const n = before.ageBands.length;
      await page.locator(`[id="f-ageBands.${n}.label"]`).fill('Young carer');
      await page.locator(`[id="f-ageBands.${n}.childLabel"]`).fill('young carer');
      await checkPage(page, 'settings-moved-to-wales', errors);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Settings saved.').waitFor();

      const after = await call<Settings>(page, 'GET', '/settings');
      expect(after).toMatchObject({ nation: 'wales', useWelsh: true, councilNameCy: 'Cyngor Sir Enghraifft' });
      expect(after.ageBands.at(-1)).toMatchObject({ id: 'young-carer', label: 'Young carer' });
      await context.close();
    },
  );

  it(
    'adds a theme and a promise with the same words for children, for both audiences',
    {
      timeout: scaled(90_000),
    },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin/themes/new');
      await page.getByLabel('Theme name (staff wording)').fill('Making and keeping friends');
      await page.getByLabel('Use the same words for children').check();
      await expect.poll(() => page.getByLabel('Theme name in children’s words').count()).toBe(0);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => url.pathname === '/admin');
      const themes = await call<{ items: { id: number; name: string; childName: string; sameWords: boolean }[] }>(
        page,
        'GET',
        '/themes',
      );
      const theme = themes.items.find((th) => th.name === 'Making and keeping friends')!;
      expect(theme).toMatchObject({ sameWords: true, childName: 'Making and keeping friends' });

      await page.goto('/promises/new');
      await page.getByRole('heading', { level: 1, name: 'Add a promise' }).waitFor();
      await page.getByLabel('Theme', { exact: true }).selectOption(String(theme.id));
      await page.getByLabel('Promise (staff wording)').fill('We will help you have friends round where you live');
      await page.getByLabel('Use the same words for children').check();
      await expect.poll(() => page.getByLabel('Promise in children’s words').count()).toBe(0);
      await checkPage(page, 'promise-new-same-words', errors);
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'We will help you have friends round where you live' })
        .waitFor();
      const id = Number(new URL(page.url()).pathname.split('/').at(-1));
      expect(await call(page, 'GET', `/promises/${id}`)).toMatchObject({
        sameWords: true,
        audience: 'both',
        childText: 'We will help you have friends round where you live',
      });
      await context.close();
    },
  );

  it(
    'lets an action owner add a commitment to a promise they lead, in the audit under their name',
    {
      timeout: scaled(90_000),
    },
    async () => {
      const me = findUserByEmail(h.db, DEMO_ACCOUNTS.owner)!;
      const led = h.db.select().from(promises).where(eq(promises.ownerId, me.id)).all();
      const notLed = h.db
        .select()
        .from(promises)
        .all()
        .find((p) => p.ownerId !== me.id && !p.archived)!;
      expect(led.length).toBeGreaterThan(0);
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'owner');
      await page.goto(`/promises/${notLed.id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: 'Add a commitment' }).count()).toBe(0);

      await page.goto(`/promises/${led[0]!.id}`);
      await page.getByRole('link', { name: 'Add a commitment' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a commitment' }).waitFor();
      await page.getByLabel('What we will do (staff wording)').fill('Start a friendship club at the youth centre');
      await page
        .getByLabel('What we will do, in words a child understands')
        .fill('We will start a club to meet friends.');
      await fillDate(page, 'Due date', '2026-10-31');
      expect(await page.getByLabel('Owner').inputValue()).toBe(String(me.id));
      await checkPage(page, 'commitment-new-owner', errors);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => url.pathname === `/promises/${led[0]!.id}`);
      await page.locator('table tr', { hasText: 'Start a friendship club at the youth centre' }).waitFor();
      const created = h.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'commitment'), eq(auditLog.action, 'create'), eq(auditLog.userId, me.id)))
        .all();
      const mine = created.find((a) => JSON.stringify(a.after).includes('Start a friendship club at the youth centre'));
      // They own it, as the form offered, so they can keep it up to date.
      expect(mine?.after).toMatchObject({ ownerId: me.id });
      await context.close();
    },
  );

  it(
    'says on the rules page that no promise without actions is green, and downloads the Welsh still to write',
    { timeout: scaled(90_000) },
    async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'participation');
      await page.goto('/board/rules');
      await page.getByRole('heading', { level: 1, name: 'How we decide the colour' }).waitFor();
      await page.getByText('A promise with no actions is never suggested green.', { exact: false }).waitFor();
      await page.goto('/admin/kiosk');
      await page.getByRole('heading', { level: 2, name: 'Welsh text still to write' }).waitFor();
      await checkPage(page, 'kiosk-admin-parity', errors);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the list for a translator (CSV)' }).click(),
      ]);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^What,Id,Welsh field,/);
      await context.close();
    },
  );
});
