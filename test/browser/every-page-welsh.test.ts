// Every page of the staff app and the kiosk with Welsh in use (Welsh form fields, the Welsh
// sheet and children's pack, the kiosk in Welsh), each scanned by axe: nothing serious or
// critical anywhere, no date written or asked for as 2026-12-01, no empty quotes; and the
// signed-out pages with Welsh in use. every-page.test.ts does the same in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { visitEveryPage, visitSignedOut } from './every-page-checks.js';
import { scaled } from '../helpers/slowness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, scaled(60_000));
afterAll(() => h?.close());

describe('every page, with Welsh in use', () => {
  it('passes axe on every page, with Welsh in use', { timeout: scaled(300_000) }, async () => {
    const { visited, expected, failures, errors } = await visitEveryPage(h, true);
    expect(visited).toHaveLength(expected);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('passes axe on every signed-out page, with Welsh in use', { timeout: scaled(120_000) }, async () => {
    const failures: string[] = [];
    const errors = await visitSignedOut(h, failures);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });
});
