// Erasing a child's words: from the item, and from every copy this database keeps of them (the
// audit images of the item, the survey import's kept rows, frozen board packs, remembered
// Idempotency-Key answers, the approval queue). One transaction does it all, with the audit entry
// that says an erasure happened, by whom, when and why, and never what the words were.
// Loading and storing only: which words stay (the approved public words, for retention) is
// decided by server/services/erasure.ts and passed in.
import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, boardPacks, feedback, feedbackImports, idempotencyKeys, wordReviews } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { IMPORTED_ROW_FIELDS } from './feedback-import.js';
import { getFeedback, loopClosed, type FeedbackRow, type FeedbackWithLinks } from './feedback.js';
import { clearedLive } from './word-reviews.js';
import { eraseSafeguardingNotes } from './safeguarding-notes.js';
import { RowMissing, updateVersioned, VersionConflict, write, type DbOrTx } from './write.js';

/** What stands where erased words were, in the item and in every image that held them. */
export const ERASED_MARKER = '[words erased]';

/**
 * Fields of a feedback image that hold the child's words, or a worker's notes that may quote
 * them. Wherever one of these keys appears in a kept image, its value is replaced.
 */
const WORD_KEYS = new Set(['text', 'publicText', 'livePublicText', 'safeReason', 'withdrawnReason']);

/**
 * A phrase shorter than this is replaced only where it is the whole value: replacing "no" inside
 * other text would eat the middle of unrelated words.
 */
const MIN_PHRASE = 4;

export type EraseHow = 'request' | 'retention';

export type ErasePlan = {
  /** The words to remove wherever they appear: the original, and public words that go with it. */
  phrases: string[];
  /** Values under a word key that may stay (retention keeps the approved public words). */
  keep: ReadonlySet<string>;
  /** The item's new word fields. */
  patch: Partial<typeof feedback.$inferInsert>;
};

/**
 * A phrase as it appears inside a JSON string, to narrow candidate rows with instr() before
 * parsing them.
 */
const inJson = (phrase: string) => JSON.stringify(phrase).slice(1, -1);

function scrubString(value: string, phrases: readonly string[]): string {
  let out = value;
  for (const p of phrases) {
    if (out === p) return ERASED_MARKER;
    if (p.length >= MIN_PHRASE && out.includes(p)) out = out.split(p).join(ERASED_MARKER);
  }
  return out;
}

/**
 * A kept JSON value with the words gone: any quoting of them cut out and, in an image of the
 * item itself (`byKey`), every word field replaced whatever it held (an earlier draft too).
 */
export function scrubImage(
  value: unknown,
  plan: Pick<ErasePlan, 'phrases' | 'keep'>,
  byKey: boolean,
  key?: string,
): unknown {
  if (typeof value === 'string') {
    if (byKey && key !== undefined && WORD_KEYS.has(key) && value !== '' && !plan.keep.has(value)) return ERASED_MARKER;
    return plan.keep.has(value) ? value : scrubString(value, plan.phrases);
  }
  if (Array.isArray(value)) return value.map((v) => scrubImage(v, plan, byKey));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubImage(v, plan, byKey, k)]));
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The keys whose earlier values are searched for everywhere else: the child's words. Workers'
 * notes are replaced in the item's own images but not hunted for elsewhere ("Not ready" would
 * be cut out of other items' board pack text).
 */
const PHRASE_KEYS = new Set(['text', 'publicText', 'livePublicText']);

/** Every value held under a phrase key anywhere in `value`. */
function wordsUnderKeys(value: unknown, into: Set<string>, key?: string): Set<string> {
  if (typeof value === 'string' && key !== undefined && PHRASE_KEYS.has(key)) into.add(value);
  else if (Array.isArray(value)) for (const v of value) wordsUnderKeys(v, into);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) wordsUnderKeys(v, into, k);
  return into;
}

/** Every kept copy of the item's words, rewritten. Returns how many rows were rewritten. */
async function scrubCopies(tx: DbOrTx, id: number, given: ErasePlan): Promise<number> {
  let rewritten = 0;
  // The item's own history: every audit entry about it (created, edited, approved, withdrawn).
  const entries = await tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'feedback'), eq(auditLog.entityId, String(id))));
  // A survey import keeps what each item was made with: this item's row of its file.
  const imported = await tx
    .select()
    .from(feedbackImports)
    .where(and(lte(feedbackImports.firstId, id), gte(feedbackImports.lastId, id)));
  // Words the item held before (a first draft, corrected; the words it was imported with) are
  // erased too, wherever they were copied.
  const earlier = new Set<string>();
  for (const e of entries) wordsUnderKeys([e.before, e.after], earlier);
  for (const file of imported)
    for (const j of IMPORTED_WORDS) {
      const v = file.rows[id - file.firstId]?.[j];
      if (typeof v === 'string') earlier.add(v);
    }
  const plan = { ...given, phrases: uniquePhrases([...given.phrases, ...earlier]).filter((p) => !given.keep.has(p)) };
  for (const e of entries) {
    const before = scrubImage(e.before, plan, true);
    const after = scrubImage(e.after, plan, true);
    if (same(before, e.before) && same(after, e.after)) continue;
    await tx.update(auditLog).set({ before, after }).where(eq(auditLog.id, e.id));
    rewritten++;
  }
  for (const file of imported) {
    const rows = file.rows.map((values, i) =>
      i === id - file.firstId
        ? (scrubImage(values, plan, false) as unknown[]).map((v, j) => wordAt(j, v, plan))
        : values,
    );
    if (same(rows, file.rows)) continue;
    await tx.update(feedbackImports).set({ rows }).where(eq(feedbackImports.auditId, file.auditId));
    rewritten++;
  }
  // Copies that may quote the words anywhere: frozen board packs, remembered answers to retries.
  for (const phrase of plan.phrases) {
    if (phrase.trim() === '') continue;
    const needle = inJson(phrase);
    const packs = await tx
      .select({ id: boardPacks.id, snapshot: boardPacks.snapshot })
      .from(boardPacks)
      .where(sql`instr(${boardPacks.snapshot}, ${needle}) > 0`);
    for (const p of packs) {
      const snapshot = scrubImage(p.snapshot, plan, false);
      if (same(snapshot, p.snapshot)) continue;
      await tx.update(boardPacks).set({ snapshot }).where(eq(boardPacks.id, p.id));
      rewritten++;
    }
    const answers = await tx
      .select({ key: idempotencyKeys.key, body: idempotencyKeys.body })
      .from(idempotencyKeys)
      .where(sql`instr(${idempotencyKeys.body}, ${needle}) > 0`);
    for (const a of answers) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(a.body);
      } catch {
        parsed = a.body;
      }
      const body = JSON.stringify(scrubImage(parsed, plan, false));
      if (body === a.body) continue;
      await tx.update(idempotencyKeys).set({ body }).where(eq(idempotencyKeys.key, a.key));
      rewritten++;
    }
  }
  // The approval queue may hold the draft as first approved.
  await tx.delete(wordReviews).where(and(eq(wordReviews.entity, 'feedback'), eq(wordReviews.entityId, id)));
  return rewritten;
}

/** Where an imported item's row keeps its words: the text and the public words. */
const IMPORTED_WORDS: readonly number[] = [
  IMPORTED_ROW_FIELDS.indexOf('text'),
  IMPORTED_ROW_FIELDS.indexOf('publicText'),
];

function wordAt(index: number, value: unknown, plan: ErasePlan): unknown {
  if (typeof value !== 'string' || value === '' || plan.keep.has(value)) return value;
  return IMPORTED_WORDS.includes(index) ? ERASED_MARKER : value;
}

/**
 * The item's word fields after an erasure on request: the original and every public copy go, the
 * item leaves the kiosk and public pages at once (withheld, live copy cleared), and the answer
 * stays, less any quoting of the words.
 */
export function requestPlan(item: FeedbackRow): ErasePlan {
  const phrases = uniquePhrases([item.text, item.publicText, item.livePublicText]);
  const plan: ErasePlan = { phrases, keep: new Set(), patch: {} };
  const cut = (v: string) => scrubString(v, phrases);
  plan.patch = {
    text: ERASED_MARKER,
    publicText: '',
    safeReason: '',
    withdrawnReason: '',
    publishState: 'withheld',
    approvedById: null,
    approvedAt: null,
    ...clearedLive('feedback'),
    responseText: cut(item.responseText),
    cantReason: cut(item.cantReason),
    responseTextCy: cut(item.responseTextCy),
    cantReasonCy: cut(item.cantReasonCy),
  };
  return plan;
}

/**
 * The item's word fields after retention: the original words and any unapproved draft go; the
 * approved public words (`kept`, null when none) and the answer stay, as do all the counts.
 */
export function retentionPlan(item: FeedbackRow, kept: string | null): ErasePlan {
  const keep = new Set(kept === null ? [] : [kept]);
  const phrases = uniquePhrases([item.text, item.publicText]).filter((p) => !keep.has(p));
  return {
    phrases,
    keep,
    patch: { text: ERASED_MARKER, publicText: kept ?? '', safeReason: '', withdrawnReason: '' },
  };
}

function uniquePhrases(values: string[]): string[] {
  // Longest first, so a public sentence taken from the original is cut whole, not in pieces.
  return [...new Set(values.filter((v) => v.trim() !== '' && v !== ERASED_MARKER))].sort((a, b) => b.length - a.length);
}

export type Erased = { item: FeedbackWithLinks; copiesRewritten: number };

/**
 * Erases one item's words at the version the caller saw (null: whatever is current, for the
 * retention job). `planFor` sees the current row inside the transaction. An item already erased
 * is answered as it is, with no second audit entry.
 */
export async function eraseWords(
  db: Db,
  actor: Actor,
  id: number,
  version: number | null,
  how: EraseHow,
  reason: string,
  planFor: (current: FeedbackRow) => ErasePlan,
  now: Date,
): Promise<Erased> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(feedback).where(eq(feedback.id, id)).limit(1))[0];
    if (!before) throw new RowMissing();
    if (version !== null && before.version !== version) throw new VersionConflict(getFeedback(tx, id));
    if (before.wordsErasedAt !== null) return { item: getFeedback(tx, id)!, copiesRewritten: 0 };
    const plan = planFor(before);
    const copiesRewritten = await scrubCopies(tx, id, plan);
    // What happened next on a flagged item may quote the child: its notes' text goes too.
    const notesErased = await eraseSafeguardingNotes(tx, id, ERASED_MARKER, now);
    await updateVersioned(tx, feedback, id, before.version, { ...plan.patch, wordsErasedAt: now.toISOString() });
    // Written after the scrub, and holding no words: which fields, how, why, by whom (the actor).
    const fields = Object.keys(plan.patch).filter(
      (k) => !same(plan.patch[k as keyof typeof plan.patch], before[k as keyof FeedbackRow]),
    );
    await recordAudit(tx, actor, 'erase_words', 'feedback', id, null, {
      how,
      reason,
      fields,
      copiesRewritten,
      ...(notesErased > 0 && { safeguardingNotesErased: notesErased }),
    });
    return { item: getFeedback(tx, id)!, copiesRewritten };
  });
}

/** Items whose loop closed on or before `closedBy` and whose words are still held, oldest first. */
export async function dueForRetention(db: DbOrTx, closedBy: string, limit = 500): Promise<FeedbackRow[]> {
  return await db
    .select()
    .from(feedback)
    .where(and(loopClosed, lte(feedback.fedBackOn, closedBy), isNull(feedback.wordsErasedAt)))
    .orderBy(feedback.fedBackOn, feedback.id)
    .limit(limit);
}

/** One audit entry for a retention run: how many items, never which words. */
export async function recordRetentionRun(db: Db, actor: Actor, summary: Record<string, unknown>): Promise<void> {
  await write(db, async (tx) => {
    await recordAudit(tx, actor, 'retention', 'feedback', '', null, summary);
  });
}
