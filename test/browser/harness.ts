// The real-browser harness: the real server on a free local port over a fresh demo database,
// driven by Debian's Chromium through playwright-core. Fails (never skips) without Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { Db } from '../../db/client.js';
import type { Role } from '../../server/contracts/index.js';
import { openCopy, TEST_PASSWORD_COST } from '../helpers/templates.js';
import { scaled } from '../helpers/slowness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'promise-demo-2026';
export const DEMO_ACCOUNTS: Record<Role, string> = {
  admin: 'admin@example.org',
  participation: 'participation@example.org',
  owner: 'leader@example.org',
  board: 'board@example.org',
  viewer: 'viewer@example.org',
};
const SCREENSHOTS = 'test-results/screenshots';

export type Harness = { app: FastifyInstance; db: Db; browser: Browser; baseUrl: string; close: () => Promise<void> };

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium (npm test's pretest does this when run as root).`,
    );
  }
  // test/global-setup.ts has rebuilt dist/web if any of its sources changed since the last build,
  // and seeded the demo council once; each file gets its own copy of it.
  const dir = mkdtempSync(join(tmpdir(), 'pt-browser-'));
  const db = openCopy(inject('templates').demo, join(dir, 'browser.db'));
  const app = await buildApp({
    db,
    config: { LOG_LEVEL: 'silent', SEED_DEMO: false },
    passwordCost: TEST_PASSWORD_COST,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    db,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page in its own context (AxeBuilder needs one), recording console errors as they happen. */
export async function openPage(h: Harness): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } });
  // Playwright's own 30 s waits, stretched like every other timeout on a slow machine.
  context.setDefaultTimeout(scaled(30_000));
  context.setDefaultNavigationTimeout(scaled(30_000));
  trackRequests(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The browser logs every 4xx the API answers (a wrong password, a 409, a 400 with field
    // errors). Those are answers the page shows to the user, not faults; anything else counts.
    const url = msg.location().url;
    if (
      /Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) &&
      url.includes('/api/v1/')
    )
      return;
    errors.push(`console: ${msg.text()} (${url})`);
  });
  return { context, page, errors };
}

export async function signIn(page: Page, role: Role) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(DEMO_ACCOUNTS[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Each lands on their own start page: an action owner on My actions, a participation worker on
  // Feedback (their needs-doing list), everyone else on Promises.
  const [path, heading] =
    role === 'owner'
      ? ['actions', 'My actions']
      : role === 'participation'
        ? ['feedback', 'Feedback']
        : ['promises', 'Promises'];
  await page.waitForURL(`**/${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The requests each tracked context has sent and not yet had answered (or seen fail). */
const inFlight = new WeakMap<BrowserContext, { requests: Set<Request>; drained: (() => void)[] }>();

/** Counts a context's requests in flight, so settled() knows when nothing is left to load. */
export function trackRequests(context: BrowserContext) {
  const state = { requests: new Set<Request>(), drained: [] as (() => void)[] };
  inFlight.set(context, state);
  const done = (r: Request) => {
    state.requests.delete(r);
    if (state.requests.size === 0) for (const wake of state.drained.splice(0)) wake();
  };
  context.on('request', (r) => state.requests.add(r));
  context.on('requestfinished', done);
  context.on('requestfailed', done);
}

/**
 * Waits until the page has finished loading and drawing: no request in flight (data, a view's
 * script, a font) and no element with an update still to draw, twice over a frame, since an
 * answer drawn can start the next request. For a context trackRequests() was not given, the
 * browser's "no network for 500 ms" instead.
 */
export async function settled(page: Page, ms = scaled(30_000)) {
  const state = inFlight.get(page.context());
  if (!state) return page.waitForLoadState('networkidle', { timeout: ms });
  const deadline = Date.now() + ms;
  for (;;) {
    if (state.requests.size) {
      const left = deadline - Date.now();
      const drained = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), Math.max(0, left));
        state.drained.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!(await drained)) {
        const urls = [...state.requests].map((r) => r.url());
        throw new Error(`still loading after ${ms} ms: ${urls.join(', ')}`);
      }
    }
    await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) });
    const drawn = await page.evaluate(async () => {
      // A frame, bounded (a hidden page may not draw), so an answer just received is drawn.
      const frame = () =>
        Promise.race([new Promise((r) => requestAnimationFrame(r)), new Promise((r) => setTimeout(r, 100))]);
      await frame();
      type Lit = Element & { isUpdatePending?: boolean; updateComplete?: Promise<unknown> };
      const updating = () => [...document.querySelectorAll<Lit>('*')].filter((el) => el.isUpdatePending === true);
      const pending = updating();
      await Promise.all(pending.map((el) => el.updateComplete));
      await frame();
      return pending.length === 0 && updating().length === 0;
    });
    if (drawn && state.requests.size === 0) return;
    if (Date.now() > deadline) throw new Error(`still drawing after ${ms} ms`);
  }
}

/**
 * axe for a page, run in the page itself (axe.run). Its default instead runs each frame's part
 * there and joins them in a blank page it opens for each scan, which is for cross-origin frames:
 * the app has none, the results are the same, and a scan takes about half the time.
 */
export function axeOn(page: Page) {
  return new AxeBuilder({ page }).setLegacyMode();
}

/** Every page's picture when TEST_SCREENSHOTS=all; otherwise only a page whose checks failed. */
const EVERY_SCREENSHOT = process.env.TEST_SCREENSHOTS === 'all';

/**
 * The checks every page must pass: no console errors, an axe scan with no serious or critical
 * violations, every control reachable by Tab with a visible focus indicator. A screenshot of a
 * page that fails them is kept in test-results/screenshots.
 */
export async function checkPage(page: Page, name: string, errors: string[]) {
  await settled(page);
  const screenshot = () => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (EVERY_SCREENSHOT) await screenshot();
  try {
    const axe = await axeOn(page).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `axe violations on ${name}`).toEqual([]);

    await checkKeyboard(page, name);
    expect(errors, `console errors on ${name}`).toEqual([]);
  } catch (err) {
    if (!EVERY_SCREENSHOT) await screenshot().catch(() => undefined);
    throw err;
  }
}

/** A control Tab reached: its label from the walk, whether its focus could be seen, its words. */
type FocusSeen = { key: string; shown: boolean; text: string };
type FocusWalk = Window & { ptFocusWalk?: { seen: FocusSeen[]; stop: () => void } };

async function checkKeyboard(page: Page, name: string) {
  // Label every tabbable control; radios in one group are one stop, as the browser treats them.
  const expected = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const keys: string[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.tabIndex < 0) return;
      if (!el.getClientRects().length) return;
      // Inside a closed <details> only its own summary can take focus (Chromium still gives the
      // folded content boxes, so the check above does not see it is hidden).
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
        if (!d.open && !(el.tagName === 'SUMMARY' && el.parentElement === d)) return;
      const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : `el:${i}`;
      el.dataset.ptKey = key;
      if (!keys.includes(key)) keys.push(key);
    });
    return keys;
  });
  // Each focus is recorded by the page as it happens, so the walk is one key press per stop and
  // one read at the end, not a round trip to the browser for every control.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    const visible = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    const seen: FocusSeen[] = [];
    const record = (event: FocusEvent) => {
      const el = event.target as HTMLElement;
      if (el === document.body) return;
      let shown = visible(getComputedStyle(el));
      // GOV.UK radios draw their focus ring on the label, the input itself being transparent.
      if (!shown && el instanceof HTMLInputElement && el.labels?.[0])
        shown = visible(getComputedStyle(el.labels[0], '::before'));
      seen.push({
        key: el.dataset.ptKey ?? `unlabelled:${el.tagName}`,
        shown,
        text: (el.textContent ?? el.id).trim().slice(0, 40),
      });
    };
    document.addEventListener('focusin', record);
    (window as FocusWalk).ptFocusWalk = { seen, stop: () => document.removeEventListener('focusin', record) };
  });
  for (let i = 0; i < expected.length + 5; i++) await page.keyboard.press('Tab');
  const seen = await page.evaluate(() => {
    const walk = (window as FocusWalk).ptFocusWalk!;
    walk.stop();
    // Leave the page as a mouse user finds it: a focused skip link shifts the layout under a click.
    (document.activeElement as HTMLElement | null)?.blur();
    return walk.seen;
  });
  const reached = new Set(seen.map((f) => f.key));
  const invisible = seen.filter((f) => !f.shown).map((f) => f.text || f.key);
  const missed = expected.filter((k) => !reached.has(k));
  expect(missed, `controls Tab never reached on ${name}`).toEqual([]);
  expect(invisible, `controls without a visible focus on ${name}`).toEqual([]);
}

export type Json = Record<string, unknown>;
/** A signed-in request from the page itself, with the CSRF header, answering its JSON. */
export async function call<T = Json>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const s = await (await fetch('/api/v1/session')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          'x-csrf-token': s.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.status === 204 ? null : await res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** Types a date into the GOV.UK date input whose legend is `legend`: day, month and year boxes. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string) {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day.replace(/^0/, ''));
  await group.getByLabel('Month').fill(month.replace(/^0/, ''));
  await group.getByLabel('Year').fill(year);
}
