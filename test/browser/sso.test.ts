// Single sign-on in a real browser: from the sign-in page, out to a real OpenID provider started
// here (oidc-provider), and back signed in; a person with no account sees what to do. Also the
// invitation and forgotten-password pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { openAndMigrate } from '../../db/client.js';
import { ensureSettings } from '../../db/repositories/settings.js';
import { createUser } from '../../db/repositories/users.js';
import { systemActor } from '../../db/repositories/audit.js';
import { startProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { TEST_PASSWORD_COST } from '../helpers/templates.js';
import { CHROMIUM, checkPage, openPage, type Harness } from './harness.js';

const ADMIN = { email: 'admin@example.org', password: 'a-long-admin-password-for-tests' };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

let h: Harness;
let provider: TestProvider;

beforeAll(async () => {
  if (!existsSync('dist/web/index.html')) execFileSync('npx', ['tsx', 'scripts/build.ts', 'web'], { stdio: 'inherit' });
  // PUBLIC_URL names the port, so the port is chosen before the app is built.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  provider = await startProvider([`${baseUrl}/auth/oidc/callback`]);
  const dir = mkdtempSync(join(tmpdir(), 'pt-browser-sso-'));
  const db = openAndMigrate(join(dir, 'browser.db'));
  await ensureSettings(db, 'Test Borough Council');
  // argon2's minimum cost, as for every test account (test/auth/password-cost.test.ts holds the real one).
  await createUser(
    db,
    systemActor,
    { email: ADMIN.email, name: 'Ada Admin', role: 'admin', password: ADMIN.password },
    TEST_PASSWORD_COST,
  );
  // Invited: an account with no password, as an invitation leaves it.
  await createUser(db, systemActor, { email: 'sam.social@example.org', name: 'Sam Social', role: 'owner' });
  const app = await buildApp({
    db,
    passwordCost: TEST_PASSWORD_COST,
    config: {
      LOG_LEVEL: 'silent',
      SEED_DEMO: false,
      PUBLIC_URL: baseUrl,
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  h = {
    app,
    db,
    browser,
    baseUrl,
    close: async () => {
      await browser.close();
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
afterAll(async () => {
  await h?.close();
  await provider?.close();
});

describe('single sign-on in a real browser', () => {
  it('goes from the sign-in page to the provider and back signed in, then signs out', async () => {
    provider.signInAs({ sub: 'sam-sub', email: 'sam.social@example.org', email_verified: true, name: 'Sam Social' });
    const { context, page, errors } = await openPage(h);
    await page.goto('/sign-in');
    const button = page.getByRole('button', { name: 'Sign in with your council account' });
    await button.waitFor();
    await checkPage(page, 'sign-in-sso', errors);
    await button.click();
    // Sam owns actions, so the council account brings them back to My actions.
    await page.waitForURL('**/actions');
    await page.getByRole('heading', { level: 1, name: 'My actions' }).waitFor();
    expect(await page.getByText('Signed in as Sam Social').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?signed-out=1');
    // Signed out is an answer, not a 401 in the console.
    const me = await page.evaluate(async () => {
      const res = await fetch('/api/v1/session');
      return { status: res.status, body: (await res.json()) as unknown };
    });
    expect(me).toEqual({ status: 200, body: { signedIn: false, ended: false } });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells someone whose council account is not set up whom to ask', async () => {
    provider.signInAs({ sub: 'stranger-sub', email: 'stranger@example.org', email_verified: true });
    const { context, page, errors } = await openPage(h);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    await page.waitForURL('**/sign-in?sso=not-set-up');
    await page.getByText('Your council account is not set up for Promise Tracker yet').waitFor();
    await checkPage(page, 'sign-in-sso-not-set-up', errors);
    await context.close();
  });

  it('lets an admin invite someone, and the handed-over link sets their password', async () => {
    const { context, page, errors } = await openPage(h);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/promises');
    await page.goto('/admin/users');
    await page.getByRole('link', { name: 'Invite someone' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invite someone' }).waitFor();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await checkPage(page, 'admin-invite-errors', errors);
    await page.getByLabel('Email address').fill('new.colleague@example.org');
    await page.getByLabel('Full name').fill('New Colleague');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.locator('[data-invitation-link]').textContent();
    expect(link).toMatch(/\/invitation#/);
    await checkPage(page, 'admin-invite-link', errors);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?signed-out=1');

    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Set up your account' }).waitFor();
    await page.getByText('For new.colleague@example.org').waitFor();
    await checkPage(page, 'invitation', errors);
    await page.getByLabel('New password', { exact: true }).fill('a-good-long-password-2026');
    await page.getByLabel('Type the new password again').fill('a-different-password-2026');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.locator('.govuk-error-summary__list', { hasText: 'The two passwords are not the same' }).waitFor();
    await page.getByLabel('Type the new password again').fill('a-good-long-password-2026');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL('**/sign-in?password-set=1');
    await page.getByLabel('Email address').fill('new.colleague@example.org');
    await page.getByLabel('Password', { exact: true }).fill('a-good-long-password-2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/promises');

    // The link worked once.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?signed-out=1');
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'This link has expired or has already been used' }).waitFor();
    await context.close();
  });

  it('shows the forgotten-password page', async () => {
    const { context, page, errors } = await openPage(h);
    await page.goto('/forgot-password');
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await checkPage(page, 'forgot-password', errors);
    await context.close();
  });

  it('lets an admin map groups to roles and turn passwords off, which the sign-in page then hides', async () => {
    const { context, page, errors } = await openPage(h);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/promises');
    await page.goto('/admin/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign-in' }).waitFor();
    await page.getByLabel('Groups that make an account').fill('grp-participation = participation\ngrp-board = chair');
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await page.locator('.govuk-error-summary__list', { hasText: 'Line 2 must be' }).waitFor();
    await checkPage(page, 'admin-sign-in-errors', errors);
    await page.getByLabel('Groups that make an account').fill('grp-participation = participation\ngrp-board = board');
    await page.getByLabel('No, only with the council account').check();
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await page.getByText('Sign-in settings saved').waitFor();
    await checkPage(page, 'admin-sign-in', errors);
    const settings = await page.evaluate(async () => (await fetch('/api/v1/settings')).json());
    expect(settings).toMatchObject({
      localPasswords: false,
      ssoGroupRoles: { 'grp-participation': 'participation', 'grp-board': 'board' },
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?signed-out=1');
    await page.getByRole('button', { name: 'Sign in with your council account' }).waitFor();
    expect(await page.getByLabel('Email address').isVisible()).toBe(false);
    await page.getByText('Sign in with a password instead').click();
    expect(await page.getByLabel('Email address').isVisible()).toBe(true);
    await checkPage(page, 'sign-in-passwords-off', errors);
    await context.close();
  });
});
