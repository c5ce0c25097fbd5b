// Bringing a commitment's page up to date after a save, without reading it again. Plain code
// with type-only imports, so the web app can use it without bringing zod into the browser.
import type { CommitmentDetail, CommitmentSaved } from './commitments.js';

/** The newest updates a commitment's detail carries; "Show all" reads the rest. */
export const DETAIL_HISTORY_SHOWN = 12;

/** The detail a page held before a save, brought up to date by what the save answered. */
export function detailAfterSave(before: CommitmentDetail, { recorded, ...saved }: CommitmentSaved): CommitmentDetail {
  if (!recorded) return { ...before, ...saved };
  return {
    ...before,
    ...saved,
    updates: [recorded, ...before.updates].slice(0, DETAIL_HISTORY_SHOWN),
    updatesTotal: before.updatesTotal + 1,
  };
}
