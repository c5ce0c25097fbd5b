// The checks every-page.test.ts (the council in English only) and every-page-welsh.test.ts (with
// Welsh in use) make of every page of the staff app and the kiosk: axe with nothing serious or
// critical, no date written or asked for as 2026-12-01, no empty quotes. Two files, so the two
// passes run side by side on two workers, each with its own server and database.
import type { Page } from 'playwright-core';
import { axeOn, call, openPage, settled, signIn, type Harness } from './harness.js';
import {
  boardMeetings,
  commitments,
  feedback,
  feedbackPromises,
  forumSessions,
  measures,
  promises,
  themes,
  users,
} from '../../db/schema.js';
import { eq } from 'drizzle-orm';

/** axe with the label-in-name check on (WCAG 2.5.3); only serious and critical findings count. */
async function axe(page: Page, name: string, failures: string[]) {
  const result = await axeOn(page)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  for (const v of result.violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      failures.push(`${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens a staff page and waits until it has drawn: its heading, and nothing still loading. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.locator('pt-loading').first().waitFor({ state: 'detached' });
  await settled(page);
}

/** What a reader sees should hold no date written as 2026-12-01 and no empty quotation marks. */
async function words(page: Page, name: string, failures: string[]) {
  const text = await page.locator('main').innerText();
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
  if (iso) failures.push(`${name}: a date written as ${iso[0]}`);
  if (/“\s*”|"\s*"/.test(text)) failures.push(`${name}: empty quotation marks`);
}

/** Every date is asked for as day, month and year (the GOV.UK date input), never typed as 2026-12-01. */
async function dateFields(page: Page, name: string, failures: string[]) {
  const loose = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('main input:not([type=hidden])')]
      .filter((el) => !el.closest('pt-date-input'))
      .filter((el) => el.type !== 'radio' && el.type !== 'checkbox')
      .filter((el) => el.type === 'date' || /(Date|On)$|^(date|from|to)$/.test(el.name))
      .map((el) => el.name || el.id),
  );
  for (const field of loose) failures.push(`${name}: the date ${field} is not a day, month and year input`);
}

/** Every staff page, with a real record for each `:id`. */
function staffRoutes(ids: Record<string, number>): string[] {
  return [
    '/promises',
    '/promises/new',
    `/promises/${ids.promise}`,
    `/promises/${ids.promise}/edit`,
    `/promises/${ids.promise}/commitments/new`,
    `/promises/${ids.promise}/measures/new`,
    '/feedback',
    '/feedback?unlinked=true',
    '/feedback/sessions/new',
    `/feedback/sessions/${ids.session}`,
    '/feedback/waiting',
    '/feedback/import',
    '/feedback/measures',
    '/feedback/you-said-we-did',
    '/feedback/approvals',
    `/feedback/approvals/promise/${ids.promise}`,
    `/feedback/${ids.feedback}`,
    '/actions',
    '/actions/overview',
    `/actions/commitments/${ids.commitment}`,
    `/actions/commitments/${ids.commitment}/edit`,
    `/actions/measures/${ids.measure}`,
    `/actions/measures/${ids.measure}/edit`,
    `/actions/measures/${ids.measure}/import`,
    `/actions/promises/${ids.promise}/evidence`,
    '/board',
    '/board/rules',
    '/board/meetings/new',
    `/board/meetings/${ids.meeting}`,
    `/board/packs/${ids.boardPack}`,
    `/board/packs/${ids.childrenPack}`,
    `/board/packs/${ids.progress}`,
    '/admin',
    '/admin/kiosk',
    '/admin/settings',
    '/admin/users',
    '/admin/users/new',
    '/admin/users/invite',
    `/admin/users/${ids.user}`,
    '/admin/sign-in',
    '/admin/outbox',
    '/admin/audit',
    '/admin/themes/new',
    `/admin/themes/${ids.theme}/edit`,
    '/my/notifications',
    '/not-a-page',
  ];
}

export const SIGNED_OUT = [
  '/sign-in',
  '/session-ended',
  '/forgot-password',
  '/reset-password',
  '/invitation',
  '/update',
];

/**
 * Signs in as admin, sets Welsh in use or not, and visits every staff page, the printable sheet
 * in Welsh (when Welsh is in use) and the kiosk's home, a theme and a promise, collecting what
 * each fails. Answers the pages visited, the failures and the console errors.
 */
export async function visitEveryPage(h: Harness, useWelsh: boolean) {
  const { context, page, errors } = await openPage(h);
  await signIn(page, 'admin');
  const one = <T extends { id: number }>(rows: T[]) => rows[0]!.id;
  const meeting = one(h.db.select({ id: boardMeetings.id }).from(boardMeetings).all());
  const pack = (body: unknown, path = `/board/meetings/${meeting}/packs`) =>
    call<{ id: number }>(page, 'POST', path, body).then((p) => p.id);
  const settings = await call<{ version: number }>(page, 'GET', '/settings');
  await call(page, 'PUT', '/settings', { version: settings.version, useWelsh });
  const lang = useWelsh ? 'cy' : 'en';
  const ids: Record<string, number> = {
    promise: one(h.db.select({ id: promises.id }).from(promises).all()),
    session: one(h.db.select({ id: forumSessions.id }).from(forumSessions).all()),
    feedback: one(h.db.select({ id: feedback.id }).from(feedback).where(eq(feedback.safeguarding, false)).all()),
    commitment: one(h.db.select({ id: commitments.id }).from(commitments).all()),
    measure: one(h.db.select({ id: measures.id }).from(measures).all()),
    meeting,
    user: one(h.db.select({ id: users.id }).from(users).all()),
    theme: one(h.db.select({ id: themes.id }).from(themes).all()),
    boardPack: await pack({ kind: 'board' }),
    childrenPack: await pack(useWelsh ? { kind: 'children', lang: 'cy' } : { kind: 'children' }),
    progress: await pack({ from: '2026-01-01', to: '2026-06-30' }, '/board/progress-reports'),
  };
  // An answer that went back with no public words: "We did" must not show empty quotes.
  const answered = h.db
    .insert(feedback)
    .values({
      text: 'The bus to contact is late',
      source: 'forum',
      heardOn: '2026-05-01',
      ageBand: '11-18',
      response: 'did',
      responseText: 'We changed the bus times',
      respondedOn: '2026-05-20',
    })
    .returning()
    .get();
  h.db.insert(feedbackPromises).values({ feedbackId: answered.id, promiseId: ids.promise! }).run();
  const failures: string[] = [];
  const visited: string[] = [];
  for (const path of staffRoutes(ids)) {
    await visit(page, path);
    await axe(page, `${path} (${lang})`, failures);
    await words(page, `${path} (${lang})`, failures);
    await dateFields(page, `${path} (${lang})`, failures);
    visited.push(path);
  }
  // The printable sheet in the council's other language.
  if (useWelsh) {
    await visit(page, '/feedback/you-said-we-did');
    await page.getByLabel('Language of the sheet').selectOption('cy');
    await page.getByRole('heading', { name: 'Dywedoch chi, fe wnaethon ni' }).first().waitFor();
    await settled(page);
    await axe(page, 'sheet in Welsh', failures);
  }
  // The kiosk: home, a theme and a promise, in this language.
  await page.goto(`/kiosk${useWelsh ? '?lang=cy' : ''}`);
  await page.locator('[data-theme-id]').first().waitFor();
  await axe(page, `kiosk home (${lang})`, failures);
  await page.locator('[data-theme-id]').first().click();
  await page.locator('pt-kiosk-theme h1').waitFor();
  await axe(page, `kiosk theme (${lang})`, failures);
  await page.locator('[data-promise-id]').first().click();
  await page.locator('.pt-kiosk-journey').waitFor();
  await axe(page, `kiosk promise (${lang})`, failures);
  await context.close();
  return { visited, expected: staffRoutes(ids).length, failures, errors };
}

/** Every signed-out page, scanned by axe. */
export async function visitSignedOut(h: Harness, failures: string[]) {
  const out = await openPage(h);
  for (const path of SIGNED_OUT) {
    await out.page.goto(path);
    await out.page.locator('main h1').first().waitFor();
    await settled(out.page);
    await axe(out.page, `${path} (signed out)`, failures);
  }
  await out.context.close();
  return out.errors;
}
