// History as a signed-in caller may read it. Staff email addresses are for admins only (everyone
// gets names), and the images of a feedback item hold its words: for everyone but participation
// workers and admins those are masked like any other words they are shown (need-to-know.ts).
import type { Db } from '../../db/client.js';
import { userNames } from '../../db/repositories/users.js';
import type { Role } from '../contracts/common.js';
import { canSeeStaffEmails } from '../domain/need-to-know.js';
import { wordsReader } from './words-shown.js';

/** The fields of a feedback item's image that hold a child's words, words drawn from them, or notes quoting them. */
const WORDS_FIELDS = ['text', 'publicText', 'safeReason', 'withdrawnReason'] as const;

type Entry = { entity?: string; userId: number | null; userEmail: string; before: unknown; after: unknown };

/** Entries of one kind of record (`entity`), or of any kind when each entry says its own. */
export async function historySeenBy<E extends Entry>(
  db: Db,
  role: Role | undefined,
  entries: readonly E[],
  entity?: string,
): Promise<(E & { userName: string | null })[]> {
  const names = await userNames(
    db,
    entries.flatMap((e) => (e.userId === null ? [] : [e.userId])),
  );
  const reader = wordsReader(db, role);
  const maskImage = (kind: string | undefined, image: unknown): unknown => {
    if (reader.seesOriginal || kind !== 'feedback' || image === null || typeof image !== 'object') return image;
    const out: Record<string, unknown> = { ...(image as Record<string, unknown>) };
    for (const field of WORDS_FIELDS) {
      const value = out[field];
      if (typeof value === 'string') out[field] = reader.mask(value);
    }
    return out;
  };
  const seesEmails = canSeeStaffEmails(role);
  return entries.map((e) => ({
    ...e,
    userName: e.userId === null ? null : (names.get(e.userId) ?? null),
    userEmail: seesEmails ? e.userEmail : '',
    before: maskImage(entity ?? e.entity, e.before),
    after: maskImage(entity ?? e.entity, e.after),
  }));
}
