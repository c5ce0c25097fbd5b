// The words children read, kept in two copies: the draft staff edit, and the live copy the public
// door reads (db/repositories/public.ts). A record whose draft differs from its live copy has one
// row in word_reviews, the queue a participation worker approves from. Loading and storing only:
// what may be approved is decided in server/services/publishing.ts.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import { commitments, feedback, measures, promises, themes, users, wordReviews } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { RowMissing, updateVersioned, type DbOrTx, type VersionedTable } from './write.js';

export type WordEntity = (typeof wordReviews.$inferSelect)['entity'];
export const WORD_ENTITIES: readonly WordEntity[] = ['feedback', 'commitment', 'measure', 'promise', 'theme'];
export type WordReviewRow = typeof wordReviews.$inferSelect;
/** Field name → value, for the draft or the live copy of one record. */
export type Words = Record<string, string | null>;

type Described = {
  table: VersionedTable;
  /** Draft field → its live copy. */
  live: Record<string, string>;
  /** The fields holding words a person reads (checked for identifiers); the rest travel with them. */
  checked: readonly string[];
  /** What staff call the record, for the queue. */
  label: SQLiteColumn;
};

/** Every text a child or the public can read, and where its approved copy is kept. */
export const PUBLIC_WORDS: Record<WordEntity, Described> = {
  feedback: {
    table: feedback,
    live: {
      publicText: 'livePublicText',
      response: 'liveResponse',
      responseText: 'liveResponseText',
      cantReason: 'liveCantReason',
      responseTextCy: 'liveResponseTextCy',
      cantReasonCy: 'liveCantReasonCy',
      respondedOn: 'liveRespondedOn',
    },
    checked: ['publicText', 'responseText', 'cantReason', 'responseTextCy', 'cantReasonCy'],
    label: feedback.publicText,
  },
  commitment: {
    table: commitments,
    live: {
      childTitle: 'liveChildTitle',
      childTitleCy: 'liveChildTitleCy',
      childReason: 'liveChildReason',
      childUpdate: 'liveChildUpdate',
      childUpdateCy: 'liveChildUpdateCy',
    },
    checked: ['childTitle', 'childTitleCy', 'childReason', 'childUpdate', 'childUpdateCy'],
    label: commitments.title,
  },
  measure: {
    table: measures,
    live: { childSentence: 'liveChildSentence', childSentenceCy: 'liveChildSentenceCy' },
    checked: ['childSentence', 'childSentenceCy'],
    label: measures.name,
  },
  promise: {
    table: promises,
    live: { childText: 'liveChildText', childTextCy: 'liveChildTextCy' },
    checked: ['childText', 'childTextCy'],
    label: promises.staffText,
  },
  theme: {
    table: themes,
    live: { childName: 'liveChildName', childNameCy: 'liveChildNameCy' },
    checked: ['childName', 'childNameCy'],
    label: themes.name,
  },
};

type AnyRow = Record<string, unknown>;

/** For a record marked "the same words for children": each children's draft field and the staff field it copies. */
const SAME_WORDS_FROM = {
  promise: { childText: 'staffText', childTextCy: 'staffTextCy' },
  theme: { childName: 'name', childNameCy: 'nameCy' },
} as const;

/**
 * The children's draft words a write must set so they stay the staff words, for a promise or
 * theme whose `sameWords` is on once `patch` is applied to `before` (null for a new record).
 * Only the draft: the live copy changes through approval alone, like any other children's words.
 */
export function sameWordsDraft(
  entity: keyof typeof SAME_WORDS_FROM,
  before: AnyRow | null,
  patch: AnyRow,
): Record<string, string> {
  const next = { ...before, ...patch };
  if (next.sameWords !== true) return {};
  return Object.fromEntries(
    Object.entries(SAME_WORDS_FROM[entity]).map(([child, staff]) => [child, String(next[staff] ?? '')]),
  );
}

export function draftWords(entity: WordEntity, row: AnyRow): Words {
  return Object.fromEntries(Object.keys(PUBLIC_WORDS[entity].live).map((f) => [f, (row[f] as string | null) ?? null]));
}

/** The live copy, keyed by the draft field it copies. */
export function liveWords(entity: WordEntity, row: AnyRow): Words {
  return Object.fromEntries(
    Object.entries(PUBLIC_WORDS[entity].live).map(([f, live]) => [f, (row[live] as string | null) ?? null]),
  );
}

const sameWords = (a: Words, b: Words) => Object.keys(a).every((k) => (a[k] ?? '') === (b[k] ?? ''));

/**
 * Whether the record waits for approval. Feedback waits only once it has public words (an answer
 * alone has no quote to go with), and never while withdrawn or flagged: putting those back is a
 * person's deliberate act from the item's page.
 */
function waits(entity: WordEntity, row: AnyRow): boolean {
  const draft = draftWords(entity, row);
  const live = liveWords(entity, row);
  if (sameWords(draft, live)) return false;
  if (entity === 'feedback') {
    if (row.safeguarding || row.publishState === 'withheld') return false;
    if ((draft.publicText ?? '').trim() === '' && (live.publicText ?? '') === '') return false;
  }
  return true;
}

/**
 * Keeps the queue true after a write of a record (in the write's own transaction): adds the record
 * when its draft now differs from what is live, and takes it off when they agree again. A change to
 * words already approved once (awaiting a second person) sends them back to be checked.
 */
export async function syncReview(tx: DbOrTx, entity: WordEntity, before: AnyRow | null, after: AnyRow, actor: Actor) {
  const draftChanged = before === null || !sameWords(draftWords(entity, before), draftWords(entity, after));
  const wasWaiting = before !== null && waits(entity, before);
  const nowWaiting = waits(entity, after);
  if (!draftChanged && wasWaiting === nowWaiting && before?.publishState === after.publishState) return;
  const id = after.id as number;
  if (!nowWaiting) {
    await tx.delete(wordReviews).where(and(eq(wordReviews.entity, entity), eq(wordReviews.entityId, id)));
    return;
  }
  if (!draftChanged && wasWaiting) return;
  const now = new Date().toISOString();
  await tx
    .insert(wordReviews)
    .values({ entity, entityId: id, changedById: actor.id, changedAt: now })
    .onConflictDoUpdate({
      target: [wordReviews.entity, wordReviews.entityId],
      set: {
        state: 'to_check',
        words: null,
        findings: [],
        reason: '',
        firstById: null,
        firstAt: null,
        changedById: actor.id,
        changedAt: now,
        version: sql`${wordReviews.version} + 1`,
        updatedAt: now,
      },
    });
}

export async function getReview(db: DbOrTx, entity: WordEntity, id: number): Promise<WordReviewRow | undefined> {
  return (
    await db
      .select()
      .from(wordReviews)
      .where(and(eq(wordReviews.entity, entity), eq(wordReviews.entityId, id)))
      .limit(1)
  )[0];
}

export async function loadRecord(db: DbOrTx, entity: WordEntity, id: number): Promise<AnyRow | undefined> {
  const { table } = PUBLIC_WORDS[entity];
  return (await db.select().from(table).where(eq(table.id, id)).limit(1))[0] as AnyRow | undefined;
}

/** The first person's approval of words that need a second: the words they saw, and why. */
export async function recordFirstApproval(
  tx: DbOrTx,
  actor: Actor,
  entity: WordEntity,
  id: number,
  words: Words,
  findings: string[],
  reason: string,
  now: string,
) {
  const approval = {
    state: 'awaiting_second' as const,
    words: words as Record<string, string>,
    findings,
    reason,
    firstById: actor.id,
    firstAt: now,
  };
  // A withdrawn item put back has no queue row yet: its approval makes one.
  const row = (
    await tx
      .insert(wordReviews)
      .values({ entity, entityId: id, changedById: actor.id, changedAt: now, ...approval })
      .onConflictDoUpdate({
        target: [wordReviews.entity, wordReviews.entityId],
        set: { ...approval, version: sql`${wordReviews.version} + 1`, updatedAt: now },
      })
      .returning()
  )[0]!;
  if (!row) throw new RowMissing();
  await recordAudit(tx, actor, 'approve_first', entity, id, null, { words, findings, reason });
  return row;
}

/**
 * Makes the draft live: copies it over the live copy, takes the record off the queue and audits
 * what the public saw before and sees now. `extra` is set on the record too (feedback's approval).
 */
export async function publishDraft(
  tx: DbOrTx,
  actor: Actor,
  entity: WordEntity,
  record: AnyRow,
  extra: AnyRow = {},
  audit: { reason?: string; confirmedBy?: number | null } = {},
  action: 'approve' | 'confirm' = 'approve',
): Promise<AnyRow> {
  const { table, live } = PUBLIC_WORDS[entity];
  const draft = draftWords(entity, record);
  const patch: AnyRow = { ...extra };
  for (const [field, liveField] of Object.entries(live)) patch[liveField] = draft[field];
  const row = (await updateVersioned(
    tx,
    table,
    record.id as number,
    record.version as number,
    patch as never,
  )) as AnyRow;
  await tx
    .delete(wordReviews)
    .where(and(eq(wordReviews.entity, entity), eq(wordReviews.entityId, record.id as number)));
  await recordAudit(
    tx,
    actor,
    action,
    entity,
    record.id as number,
    { live: liveWords(entity, record) },
    {
      live: liveWords(entity, row),
      ...audit,
    },
  );
  return row;
}

/** The patch that takes a record's words off every public surface at once (withdrawn or flagged). */
export function clearedLive(entity: WordEntity): AnyRow {
  const nullable = new Set(['liveResponse', 'liveRespondedOn']);
  return Object.fromEntries(Object.values(PUBLIC_WORDS[entity].live).map((f) => [f, nullable.has(f) ? null : '']));
}

export type QueueEntry = WordReviewRow & { label: string; changedByName: string | null; firstByName: string | null };

/** The approval queue, oldest change first, with what staff call each record and who changed it. */
export async function listQueue(
  db: Db,
  f: { entity?: WordEntity; state?: WordReviewRow['state']; page: number; pageSize: number },
): Promise<{
  items: QueueEntry[];
  total: number;
  counts: { entity: WordEntity; state: WordReviewRow['state']; n: number }[];
}> {
  const where = and(
    f.entity ? eq(wordReviews.entity, f.entity) : undefined,
    f.state ? eq(wordReviews.state, f.state) : undefined,
  );
  const changedBy = sql<string | null>`(select name from ${users} where ${users.id} = ${wordReviews.changedById})`;
  const firstBy = sql<string | null>`(select name from ${users} where ${users.id} = ${wordReviews.firstById})`;
  const rows = await db
    .select({ review: wordReviews, changedByName: changedBy, firstByName: firstBy })
    .from(wordReviews)
    .where(where)
    .orderBy(asc(wordReviews.changedAt), asc(wordReviews.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = (await db.select({ n: count() }).from(wordReviews).where(where).limit(1))[0]?.n ?? 0;
  const counts = await db
    .select({ entity: wordReviews.entity, state: wordReviews.state, n: count() })
    .from(wordReviews)
    .groupBy(wordReviews.entity, wordReviews.state);
  const labels = new Map<string, string>();
  for (const entity of WORD_ENTITIES) {
    const ids = rows.filter((r) => r.review.entity === entity).map((r) => r.review.entityId);
    if (ids.length === 0) continue;
    const { table, label } = PUBLIC_WORDS[entity];
    const found = (await db.select({ id: table.id, label }).from(table).where(inArray(table.id, ids))) as {
      id: number;
      label: string;
    }[];
    for (const r of found) labels.set(`${entity}:${r.id}`, r.label);
  }
  return {
    items: rows.map((r) => ({
      ...r.review,
      label: labels.get(`${r.review.entity}:${r.review.entityId}`) ?? '',
      changedByName: r.changedByName,
      firstByName: r.firstByName,
    })),
    total,
    counts,
  };
}
