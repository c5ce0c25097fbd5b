// The board summary as the dashboard, a meeting's agenda and a board pack read it.
//
// The dashboard's is made from figures kept current per write (db/repositories/board-kept-loop.ts)
// and suggestions kept per promise: after a write only the promises it touched are suggested
// again, and the loop's bins move by the items it touched. The small grouped figures (themes,
// promises, latest reviews, overdue commitments, verdicts, ratings by meeting) are read each time.
// The answer's bytes are kept by the read cache (server/read-cache.ts) until the next write.
import type { BoardSummary } from '../contracts/index.js';
import type { Db } from '../../db/client.js';
import { addDays } from '../domain/time.js';
import { baseFigures, summaryFigures, type BaseFigures } from '../../db/repositories/board-figures.js';
import {
  ragCountsByMeeting,
  ragEvidence,
  verdictTotals,
  type RagEvidence,
} from '../../db/repositories/board-evidence.js';
import { keptLoopCounts, promiseChanges } from '../../db/repositories/board-kept-loop.js';
import { getSettings, type SettingsRow } from '../../db/repositories/settings.js';
import { readTogether } from '../../db/repositories/write.js';
import { suggestAll, verdictsByPromise, type PromiseSuggestion } from '../domain/board-pack-suggestions.js';
import { computeSummary, withoutFlagged, type SummaryExtras } from './board-summary-compute.js';

/** Suggestions kept per promise, each with the evidence version it was made from. */
type KeptSuggestions = {
  epoch: number;
  settings: SettingsRow;
  today: string;
  byPromise: Map<number, { version: number; suggestion: PromiseSuggestion }>;
  /** Promises suggested afresh so far (for tests and the bench). */
  worked: number[];
};
const keptSuggestions = new WeakMap<object, KeptSuggestions>();

/** Above this many changed promises, one read of every promise's evidence is cheaper. */
const ALL_EVIDENCE_ABOVE = 8;

/** Each active promise's suggestion, made again only where its evidence (or the day or the rules) moved. */
function suggestionsFor(db: Db, promiseIds: number[], settings: SettingsRow, today: string) {
  const changes = promiseChanges(db);
  let kept = keptSuggestions.get(db.$client);
  if (!kept || kept.epoch !== changes.epoch || kept.settings !== settings || kept.today !== today) {
    kept = { epoch: changes.epoch, settings, today, byPromise: new Map(), worked: kept?.worked ?? [] };
    keptSuggestions.set(db.$client, kept);
  }
  const stale = promiseIds.filter((id) => kept.byPromise.get(id)?.version !== changes.version(id));
  const fresh =
    stale.length > ALL_EVIDENCE_ABOVE
      ? suggestAll(stale, ragEvidence(db), settings, today)
      : new Map(stale.flatMap((id) => [...suggestAll([id], ragEvidence(db, id), settings, today)]));
  for (const id of stale) kept.byPromise.set(id, { version: changes.version(id), suggestion: fresh.get(id)! });
  kept.worked.push(...stale);
  return new Map(promiseIds.map((id) => [id, kept.byPromise.get(id)!.suggestion]));
}

/** The promises whose suggestion has been worked out afresh on this connection, in order. */
export function suggestionsWorked(db: Db): readonly number[] {
  return keptSuggestions.get(db.$client)?.worked ?? [];
}

async function extrasFor(
  db: Db,
  figures: BaseFigures,
  suggestions: SummaryExtras['suggestions'],
): Promise<SummaryExtras> {
  const byMeeting = new Map<number, BoardSummary['ragOverTime'][number]>();
  for (const r of await ragCountsByMeeting(db)) {
    const row = byMeeting.get(r.meetingId) ?? {
      meetingId: r.meetingId,
      meetingDate: r.meetingDate,
      red: 0,
      amber: 0,
      green: 0,
      blue: 0,
    };
    row[r.rating] += r.n;
    byMeeting.set(r.meetingId, row);
  }
  return {
    suggestions,
    verdicts: verdictsByPromise(await verdictTotals(db)),
    definitions: getSettings(db).ragWording,
    ragOverTime: [...byMeeting.values()],
  };
}

/** The dashboard's summary as the data stands now; flagged items count only for those who may see them. */
export async function boardSummary(db: Db, today: string, includeSafeguarding: boolean): Promise<BoardSummary> {
  const settings = getSettings(db);
  // First, outside any read transaction, so the touched rows it has read can be let go.
  const loop = await keptLoopCounts(db, addDays(today, -settings.answerTargetDays));
  return await readTogether(db, async (tx) => {
    const figures = await baseFigures(tx, today);
    const suggestions = suggestionsFor(
      db,
      figures.promises.map((p) => p.id),
      settings,
      today,
    );
    const counts = includeSafeguarding ? loop.all : withoutFlagged(loop.all, loop.safeguarding);
    return computeSummary(figures, await extrasFor(db, figures, suggestions), counts, today, settings.answerTargetDays);
  });
}

/**
 * The summary as a board pack freezes it: worked out afresh as at `asOf` from the evidence as it
 * stood then (see evidenceAsOf), without the safeguarding-flagged items.
 */
export async function summaryAsOf(db: Db, asOf: string, evidence: RagEvidence): Promise<BoardSummary> {
  const settings = getSettings(db);
  const figures = await summaryFigures(db, asOf, addDays(asOf, -settings.answerTargetDays));
  const suggestions = suggestAll(
    figures.promises.map((p) => p.id),
    evidence,
    settings,
    asOf,
  );
  const loop = withoutFlagged(figures.all, figures.safeguarding);
  return computeSummary(figures, await extrasFor(db, figures, suggestions), loop, asOf, settings.answerTargetDays);
}
