// The one gate to the public. Every text a child or the public can read (feedback's public words
// and answers, commitments' children's titles and updates, measures' sentences, promises' and
// themes' children's words, in English and Welsh) goes public only through approveWords and
// confirmWords here: checked for identifiers, approved by a participation worker or admin, and
// confirmed by a second one when the first judged a finding safe. Until then the last approved
// words stay live (the public door reads only the live copy).
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/repositories/audit.js';
import { staffNames } from '../../db/repositories/feedback-workflow.js';
import { getSettings } from '../../db/repositories/settings.js';
import {
  PUBLIC_WORDS,
  draftWords,
  getReview,
  liveWords,
  loadRecord,
  publishDraft,
  recordFirstApproval,
  type WordEntity,
  type WordReviewRow,
  type Words,
} from '../../db/repositories/word-reviews.js';
import { write, RowMissing, VersionConflict } from '../../db/repositories/write.js';
import { HttpProblem, invalid } from '../errors.js';
import { findIdentifiers, isHardStop, type Finding, type IdentifierContext } from '../domain/identifiers.js';
import { confirmationRefusal, decideApproval, type CheckedWords } from '../domain/moderation.js';

/** What the identifier check knows of this council: its own names and watch list, and its staff. */
export function identifierContext(db: Db): IdentifierContext {
  const settings = getSettings(db);
  return { localNames: settings.localNames, watchWords: settings.watchWords, staffNames: staffNames(db) };
}

export function findingsIn(text: string, context: IdentifierContext): Finding[] {
  return text.trim() === '' ? [] : findIdentifiers(text, context);
}

/** Each written word field of the record's draft, with the check's findings. */
export function checkDraft(
  entity: WordEntity,
  record: Record<string, unknown>,
  context: IdentifierContext,
): CheckedWords[] {
  const draft = draftWords(entity, record);
  return PUBLIC_WORDS[entity].checked
    .map((field) => ({ field, text: draft[field] ?? '' }))
    .filter((w) => w.text.trim() !== '')
    .map((w) => ({ ...w, findings: findingsIn(w.text, context) }));
}

export type WordsState = {
  entity: WordEntity;
  id: number;
  version: number;
  draft: Words;
  live: Words;
  checks: (CheckedWords & { findings: (Finding & { hard: boolean })[] })[];
  review: WordReviewRow | null;
  /** Whether approving now would be refused (with no reason given). */
  blocked: boolean;
};

export async function wordsState(db: Db, entity: WordEntity, id: number): Promise<WordsState> {
  const record = await loadRecord(db, entity, id);
  if (!record) throw new RowMissing();
  const checks = checkDraft(entity, record, identifierContext(db));
  const review = (await getReview(db, entity, id)) ?? null;
  const decision = decideApproval({ ...feedbackRules(entity, record), words: checks, reason: review?.reason ?? '' });
  return {
    entity,
    id,
    version: record.version as number,
    draft: draftWords(entity, record),
    live: liveWords(entity, record),
    checks: checks.map((c) => ({ ...c, findings: c.findings.map((f) => ({ ...f, hard: isHardStop(f) })) })),
    review,
    blocked: decision.refusals.length > 0,
  };
}

function feedbackRules(entity: WordEntity, record: Record<string, unknown>) {
  if (entity !== 'feedback') return {};
  return {
    safeguarding: record.safeguarding === true,
    needsPublicText: String(record.publicText ?? '').trim() === '',
  };
}

/** What feedback's own columns say once its words are published. */
function feedbackApproval(approvedById: number | null, reason: string, now: string) {
  return {
    publishState: 'approved',
    approvedById,
    approvedAt: now,
    // A reason is kept only when there was something to explain.
    safeReason: reason,
    // Published again: an earlier withdrawal no longer describes the item (the audit keeps it).
    withdrawnReason: '',
    withdrawnAt: null,
    withdrawnById: null,
  };
}

export type ApproveRequest = { version: number; reason?: string; now: string };

/**
 * A participation worker's approval of a record's draft words. Without findings they go live at
 * once; with findings judged safe (a reason), they wait for a second person; a hard finding or a
 * missing reason is refused (400) and nothing changes.
 */
export async function approveWords(
  db: Db,
  actor: Actor,
  entity: WordEntity,
  id: number,
  request: ApproveRequest,
): Promise<{ published: boolean }> {
  const context = identifierContext(db);
  return write(db, async (tx) => {
    const record = await loadRecord(tx, entity, id);
    if (!record) throw new RowMissing();
    if (record.version !== request.version) throw new VersionConflict(record);
    const review = await getReview(tx, entity, id);
    const reason = (request.reason ?? review?.reason ?? '').trim();
    const words = checkDraft(entity, record, context);
    const decision = decideApproval({ ...feedbackRules(entity, record), words, reason });
    if (decision.refusals.length > 0)
      throw invalid(
        decision.refusals.map((r) => ({ path: `body.${r.field}`, message: r.message })),
        'These words cannot be approved yet.',
      );
    if (decision.needsSecond) {
      await recordFirstApproval(
        tx,
        actor,
        entity,
        id,
        draftWords(entity, record),
        words.flatMap((w) => w.findings.map((f) => f.kind)),
        reason,
        request.now,
      );
      return { published: false };
    }
    const extra = entity === 'feedback' ? feedbackApproval(actor.id, '', request.now) : {};
    await publishDraft(tx, actor, entity, record, extra);
    return { published: true };
  });
}

/** A second participation worker or admin confirms the words another approved with a reason. */
export async function confirmWords(db: Db, actor: Actor, entity: WordEntity, id: number, now: string): Promise<void> {
  const context = identifierContext(db);
  await write(db, async (tx) => {
    const record = await loadRecord(tx, entity, id);
    if (!record) throw new RowMissing();
    const review = await getReview(tx, entity, id);
    const draft = draftWords(entity, record);
    const approved = review?.words ?? {};
    const refusal = confirmationRefusal({
      awaitingSecond: review?.state === 'awaiting_second',
      firstById: review?.firstById ?? null,
      confirmerId: actor.id,
      unchanged: Object.keys(draft).every((k) => (draft[k] ?? '') === (approved[k] ?? '')),
    });
    if (refusal) throw new HttpProblem(refusal.status, 'This cannot be confirmed', refusal.message);
    // Checked again: a hard finding is never published, even if the check learned it since.
    const decision = decideApproval({
      ...feedbackRules(entity, record),
      words: checkDraft(entity, record, context),
      reason: review!.reason,
    });
    if (decision.refusals.length > 0)
      throw invalid(decision.refusals.map((r) => ({ path: `body.${r.field}`, message: r.message })));
    const extra = entity === 'feedback' ? feedbackApproval(review!.firstById, review!.reason, now) : {};
    await publishDraft(tx, actor, entity, record, extra, { reason: review!.reason, confirmedBy: actor.id }, 'confirm');
  });
}
