// Approving several records' words at once (a session's worth of feedback). Nothing new about
// the rules: each record goes through approveWords, the one gate, in its own savepoint, so each
// is checked for identifiers, decided, and audited on its own. A hard finding refuses its record
// and leaves the others to be approved; the answer says what happened to each.
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/repositories/audit.js';
import { loadRecord } from '../../db/repositories/word-reviews.js';
import { RowMissing, VersionConflict } from '../../db/repositories/write.js';
import type { WordsApproveMany, WordsApproveManyResult } from '../contracts/index.js';
import { HttpProblem } from '../errors.js';
import { approveWords } from './publishing.js';

type Result = WordsApproveManyResult['results'][number];

export async function approveMany(
  db: Db,
  actor: Actor,
  request: WordsApproveMany,
  now: string,
): Promise<WordsApproveManyResult> {
  const results: Result[] = [];
  // One after another, not in a .map callback: each approval is awaited in its turn.
  for (const { entity, id, version, reason } of request.items) {
    results.push(await approveOne(entity, id, version, reason));
  }
  return { results };

  async function approveOne(
    entity: WordsApproveMany['items'][number]['entity'],
    id: number,
    version: number,
    reason: string | undefined,
  ): Promise<Result> {
    const answer = (outcome: Result['outcome'], errors: Result['errors'] = []): Result => ({
      entity,
      id,
      outcome,
      errors,
    });
    const record = await loadRecord(db, entity, id);
    // A safeguarding-flagged item is out of the queue's reach, as on the one-at-a-time route.
    if (!record || (entity === 'feedback' && record.safeguarding)) return answer('not_found');
    try {
      const { published } = await approveWords(db, actor, entity, id, { version, reason, now });
      return answer(published ? 'published' : 'awaiting_second');
    } catch (err) {
      if (err instanceof VersionConflict) return answer('conflict');
      if (err instanceof RowMissing) return answer('not_found');
      if (err instanceof HttpProblem && err.status === 400)
        return answer(
          'refused',
          (err.errors ?? [{ path: '', message: err.detail ?? err.title }]).map((e) => ({
            path: e.path.replace(/^body\./, ''),
            message: e.message,
          })),
        );
      throw err;
    }
  }
}
