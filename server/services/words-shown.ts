// What a signed-in caller is shown of children's words, for routes that return them. The rule is
// server/domain/need-to-know.ts; this builds the identifier check's context the way moderation
// does (the council's local names and watch words, and every staff member's name), once per
// request and only when something has to be masked.
import type { Db } from '../../db/client.js';
import { identifierContext } from './publishing.js';
import type { Role } from '../contracts/common.js';
import { findIdentifiers, maskIdentifiers, type IdentifierContext } from '../domain/identifiers.js';
import {
  approvedPublicWords,
  canSeeOriginalWords,
  wordsShown,
  type PublishedFields,
  type WordsShown,
} from '../domain/need-to-know.js';

export type WordsReader = {
  /** True for participation workers and admins: they are shown the original words. */
  seesOriginal: boolean;
  /** What the caller is shown of an item's words, and which words they are. */
  of(item: PublishedFields & { text: string }): { words: string; shown: WordsShown };
  /** The caller's public words of an item: the approved ones, or '' while there are none. */
  publicWords(item: PublishedFields): string;
  /** Any text the caller may not read as written (an old image of an item), identifiers masked. */
  mask(text: string): string;
};

export function wordsReader(db: Db, role: Role | undefined): WordsReader {
  const seesOriginal = canSeeOriginalWords(role);
  let context: IdentifierContext | undefined;
  const findingsIn = (text: string) => {
    context ??= identifierContext(db);
    return findIdentifiers(text, context);
  };
  return {
    seesOriginal,
    of: (item) => wordsShown(role, item.text, approvedPublicWords(item), () => findingsIn(item.text)),
    publicWords: (item) => (seesOriginal ? item.publicText : (approvedPublicWords(item) ?? '')),
    mask: (text) => (seesOriginal || text.trim() === '' ? text : maskIdentifiers(text, findingsIn(text))),
  };
}
