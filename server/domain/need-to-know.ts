// Need to know: a child's original words are for the people who work with them. Participation
// workers and admins see them; leaders, board members and viewers see the approved public words,
// or, before there are any, the original with every identifier masked and marked "not yet
// checked". Pure: the caller finds the identifiers (see server/services/words-shown.ts).
import type { Role } from '../contracts/common.js';
import type { WordsShown } from '../contracts/feedback.js';
import { maskIdentifiers, type Finding } from './identifiers.js';

export type { WordsShown };

/** May this role read a child's words as they were heard (names, phone numbers and all)? */
export function canSeeOriginalWords(role: Role | undefined): boolean {
  return role === 'participation' || role === 'admin';
}

/**
 * May this role see safeguarding-flagged feedback at all (the item, its words, its history, and
 * its place in counts)? For everyone else a flagged item does not exist. The one rule, used by
 * every route, list, count and cache that shows feedback.
 */
export function seesSafeguarding(role: Role | undefined): boolean {
  return role === 'participation' || role === 'admin';
}

/** May this role read staff email addresses (in history)? Everyone else sees names. */
export function canSeeStaffEmails(role: Role | undefined): boolean {
  return role === 'admin';
}

/** The fields of an item that say whether it has approved public words, and what they are. */
export type PublishedFields = {
  safeguarding?: boolean;
  livePublicText: string;
  publicText: string;
  publishState?: string;
};

/**
 * An item's approved public words, or null while it has none: the live copy a person approved
 * (server/services/publishing.ts), which withdrawing or a safeguarding flag empties. The one
 * place that knows where approved words are kept: nothing else reads them to decide what a
 * caller may be shown.
 */
export function approvedPublicWords(item: PublishedFields): string | null {
  return !item.safeguarding && item.livePublicText.trim() !== '' ? item.livePublicText : null;
}

/**
 * What this role is shown of an item's words. `findings` are the identifier findings of the
 * original words; they are only read when the original must be masked.
 */
export function wordsShown(
  role: Role | undefined,
  original: string,
  approved: string | null,
  findings: readonly Finding[] | (() => readonly Finding[]),
): { words: string; shown: WordsShown } {
  if (canSeeOriginalWords(role)) return { words: original, shown: 'original' };
  if (approved !== null && approved.trim() !== '') return { words: approved, shown: 'public' };
  const found = typeof findings === 'function' ? findings() : findings;
  return { words: maskIdentifiers(original, found), shown: 'masked' };
}
