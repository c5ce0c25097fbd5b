// Every page of the staff app and the kiosk with the council in English only, each scanned by
// axe: nothing serious or critical anywhere, no date written or asked for as 2026-12-01, no empty
// quotes (every-page-welsh.test.ts does the same with Welsh in use). Also: a signed-out visit asks
// who is signed in and is answered 200 "signed out", never a 401 in the console; and the kiosk's
// JavaScript stays within 60 KB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, settled, startHarness, type Harness } from './harness.js';
import { SIGNED_OUT, visitEveryPage } from './every-page-checks.js';
import { scaled } from '../helpers/slowness.js';
import { KIOSK_BUDGET_KB } from '../../scripts/size-kiosk.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(60_000));
afterAll(() => h?.close());

describe('every page, with the council in English only', () => {
  it('asks who is signed in without a 401, on every signed-out page', async () => {
    const { context, page, errors } = await openPage(h);
    const answers: number[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/api/v1/session') answers.push(res.status());
    });
    const logged: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') logged.push(msg.text());
    });
    for (const path of SIGNED_OUT) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await settled(page);
    }
    expect(answers.length).toBeGreaterThanOrEqual(SIGNED_OUT.length);
    expect(answers.every((s) => s === 200)).toBe(true);
    expect(logged.filter((m) => m.includes('401'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the kiosk’s JavaScript within its 60 KB budget, gzipped', () => {
    const { js } = JSON.parse(readFileSync('dist/web/kiosk/manifest.json', 'utf8')) as { js: string };
    const gz = gzipSync(readFileSync(join('dist/web', js)), { level: 9 }).length;
    console.log(`kiosk JavaScript: ${(gz / 1024).toFixed(1)} KB gzipped`);
    expect(gz).toBeLessThanOrEqual(KIOSK_BUDGET_KB * 1024);
  });

  it('passes axe on every page, in English', { timeout: scaled(300_000) }, async () => {
    const { visited, expected, failures, errors } = await visitEveryPage(h, false);
    expect(visited).toHaveLength(expected);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });
});
