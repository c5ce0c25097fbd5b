// Reminders in the browser: the "needs doing" list and its count in the navigation, "My
// notifications", the council's reminder settings, and a partner's single-use update page,
// each scanned with axe and worked by keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, checkPage, openPage, signIn, startHarness, type Harness } from './harness.js';
import { scaled } from '../helpers/slowness.js';
import { issueUpdateLink } from '../../db/repositories/reminders.js';
import { boardMeetings, commitments, users } from '../../db/schema.js';
import { sendReminders } from '../../server/services/reminders.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(120_000));
afterAll(() => h?.close());

describe(
  'reminders',
  () => {
    it('shows an owner what needs doing, and lets them choose their reminder emails', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'owner');
      const mine = await call<{ total: number; items: { title: string }[] }>(page, 'GET', '/me/needs-doing');
      expect(mine.total).toBeGreaterThan(0);
      await page.getByRole('link', { name: 'Actions', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor();
      const list = page.getByRole('region', { name: 'Needs doing' });
      await list.getByRole('link', { name: mine.items[0]!.title }).first().waitFor();
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Main' }).textContent())
        .toContain(`${mine.total} need doing`);
      await checkPage(page, 'needs-doing', errors);

      await list.getByRole('link', { name: 'Choose which reminder emails you get' }).click();
      await page.getByRole('heading', { level: 1, name: 'My notifications' }).waitFor();
      await checkPage(page, 'my-notifications', errors);
      await page.getByLabel('Only before board meetings').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Your choice has been saved').waitFor();
      expect((await call<{ notify: string }>(page, 'GET', '/me/notifications')).notify).toBe('board_only');
      expect(await page.getByLabel('Only before board meetings').isChecked()).toBe(true);
      await checkPage(page, 'my-notifications-saved', errors);
      await context.close();
    });

    it('lets an admin set the digest day, the ladder and who the director and chair are', async () => {
      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto('/admin/settings');
      const section = page.getByRole('region', { name: 'Reminders' });
      await section.getByLabel('Day the weekly email goes out').waitFor();
      await checkPage(page, 'reminder-settings', errors);

      await section.getByLabel('Day the weekly email goes out').selectOption({ label: 'Wednesday' });
      await section.getByLabel('The board chair').fill('13');
      await section.getByRole('button', { name: 'Save reminder settings' }).click();
      await section.locator('.govuk-error-summary').getByText('Enter a whole number from 0 to 12').waitFor();
      await checkPage(page, 'reminder-settings-error', errors);

      await section.getByLabel('The board chair').fill('4');
      const board = h.db.select().from(users).where(eq(users.email, 'board@example.org')).get()!;
      await section.getByLabel('Who chairs the board?').selectOption(String(board.id));
      await section.getByRole('button', { name: 'Save reminder settings' }).click();
      await section.getByText('Reminder settings saved').waitFor();
      const saved = await call<{ digestWeekday: number; escalationLadder: { chair: number }; chairId: number }>(
        page,
        'GET',
        '/settings',
      );
      expect(saved).toMatchObject({ digestWeekday: 3, escalationLadder: { chair: 4 }, chairId: board.id });

      // The main form still saves afterwards: it knows the version the reminder form made.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Settings saved.').waitFor();
      await context.close();
    });

    it('lets a partner contact update one commitment from a single-use link, with no password', async () => {
      const commitment = h.db.select().from(commitments).where(eq(commitments.archived, false)).get()!;
      const partner = h.db
        .insert(users)
        .values({
          email: 'contact@police.example',
          name: 'Sam Contact',
          role: 'owner',
          agency: 'Police',
          canOwnActions: true,
        })
        .returning()
        .get();
      const token = issueUpdateLink(h.db, partner.id, commitment.id, new Date(), 7 * 86_400_000);

      const { context, page, errors } = await openPage(h);
      await page.goto(`/update#${token}`);
      await page.getByRole('heading', { level: 1, name: commitment.title }).waitFor();
      await checkPage(page, 'update-link', errors);
      await page.getByLabel('At risk').check();
      await page.getByLabel('How far through is it, as a percentage?').fill('150');
      await page.getByRole('button', { name: 'Send update' }).click();
      await page.locator('.govuk-error-summary').getByText('Enter a whole number from 0 to 100').waitFor();
      await page.getByLabel('How far through is it, as a percentage?').fill('35');
      await page.getByLabel('What has happened since the last update?').fill('Two officers trained; two to go.');
      await page.getByRole('button', { name: 'Send update' }).click();
      await page.getByRole('heading', { name: 'Thank you: your update has been saved' }).waitFor();
      await checkPage(page, 'update-link-done', errors);
      const after = h.db.select().from(commitments).where(eq(commitments.id, commitment.id)).get()!;
      expect(after).toMatchObject({ status: 'at_risk', progress: 35 });

      // The same link again: it has been used.
      await page.goto('/promises');
      await page.goto(`/update#${token}`);
      await page.getByRole('heading', { level: 1, name: 'Link not working' }).waitFor();
      await checkPage(page, 'update-link-gone', errors);
      await context.close();
    });

    it('lists escalated commitments on the board agenda, and names a manager on an account', async () => {
      // Today's run of the ladder on the demo council (no email is set up: it records the steps).
      const result = await sendReminders(h.db, new Date(), { publicUrl: '', mail: false });
      expect(result.escalated).toBeGreaterThan(0);
      const today = new Date().toISOString().slice(0, 10);
      const meeting = h.db
        .insert(boardMeetings)
        .values({ meetingDate: today, title: 'Board meeting with escalations' })
        .returning()
        .get();

      const { context, page, errors } = await openPage(h);
      await signIn(page, 'admin');
      await page.goto(`/board/meetings/${meeting.id}`);
      const section = page.getByRole('region', { name: 'Escalated' });
      await section.getByRole('link').first().waitFor();
      expect(await section.textContent()).toMatch(
        /told the (owner's manager|director of children's services|board chair)/,
      );
      await checkPage(page, 'board-escalated', errors);

      const owner = h.db.select().from(users).where(eq(users.email, 'leader@example.org')).get()!;
      const manager = h.db.select().from(users).where(eq(users.email, 'admin@example.org')).get()!;
      await page.goto(`/admin/users/${owner.id}`);
      await page.getByLabel('Manager').selectOption(String(manager.id));
      await page.getByRole('button', { name: 'Save details' }).click();
      await expect
        .poll(() => h.db.select().from(users).where(eq(users.id, owner.id)).get()!.managerId)
        .toBe(manager.id);
      await checkPage(page, 'account-manager', errors);
      await context.close();
    });
  },
  scaled(240_000),
);
