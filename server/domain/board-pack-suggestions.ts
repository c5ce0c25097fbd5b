// Turns the evidence loaded for each promise into its suggested RAG, its stale-action count, the
// children's verdict and the reasons it needs the board's attention. Pure: the same function
// serves the dashboard, the meeting agenda, a promise's card and the frozen board pack.
import type { AttentionReason, BoardVerdicts } from '../contracts/board.js';
import type { RagRating, Trend } from '../contracts/common.js';
import { suggestRag, type RagSuggestion, type RagThresholds } from './rag-rules.js';
import { suppressValue } from './small-numbers.js';
import { groupBy } from './group-by.js';

export type SuggestEvidence = {
  commitments: readonly {
    promiseId: number;
    title: string;
    status: 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'done' | 'dropped';
    dueDate: string;
    lastUpdateAt: string | null;
    createdAt: string;
  }[];
  measures: readonly {
    promiseId: number;
    name: string;
    unit: 'count' | 'percent' | 'score';
    direction: 'higher' | 'lower' | 'context';
    baseline: number | null;
    target: number | null;
    values: readonly { period: string; value: number; base: number | null }[];
  }[];
  feedback: readonly { promiseId: number; heardOn: string; respondedOn: string | null }[];
};

export type SuggestSettings = {
  answerTargetDays: number;
  staleAfterDays: number;
  smallNumberThreshold: number;
  timeZone: string;
  ragThresholds: Partial<RagThresholds>;
};

/** The council's thresholds: its general settings, then any RAG-specific overrides on top. */
export function thresholdsOf(s: Omit<SuggestSettings, 'smallNumberThreshold' | 'timeZone'>): Partial<RagThresholds> {
  return { answerTargetDays: s.answerTargetDays, staleAfterDays: s.staleAfterDays, ...s.ragThresholds };
}

export type PromiseSuggestion = RagSuggestion & { staleCommitments: number };

function group<T extends { promiseId: number }>(rows: readonly T[]) {
  return groupBy(rows, (r) => r.promiseId);
}

/** A suggestion for every promise id given. A value hidden as a small number counts as unknown. */
export function suggestAll(
  promiseIds: readonly number[],
  evidence: SuggestEvidence,
  settings: SuggestSettings,
  today: string,
): Map<number, PromiseSuggestion> {
  const commitments = group(evidence.commitments);
  const measures = group(evidence.measures);
  const feedback = group(evidence.feedback);
  const thresholds = thresholdsOf(settings);
  const out = new Map<number, PromiseSuggestion>();
  for (const id of promiseIds) {
    const suggestion = suggestRag({
      today,
      thresholds,
      timeZone: settings.timeZone,
      commitments: commitments.get(id) ?? [],
      measures: (measures.get(id) ?? []).map((m) => ({
        ...m,
        values: m.values.map((v) => ({
          period: v.period,
          value: suppressValue({ unit: m.unit, value: v.value, base: v.base }, settings.smallNumberThreshold).value,
        })),
      })),
      feedback: feedback.get(id) ?? [],
    });
    const stale = suggestion.reasons.find((r) => r.rule === 'stale')?.about.length ?? 0;
    out.set(id, { ...suggestion, staleCommitments: stale });
  }
  return out;
}

export type VerdictRow = { promiseId: number; verdict: 'kept' | 'getting_there' | 'not_yet'; n: number };

export function verdictsByPromise(rows: readonly VerdictRow[]): Map<number, BoardVerdicts> {
  const out = new Map<number, BoardVerdicts>();
  for (const r of rows) {
    const v = out.get(r.promiseId) ?? { kept: 0, gettingThere: 0, notYet: 0, total: 0, leading: null };
    if (r.verdict === 'kept') v.kept += r.n;
    else if (r.verdict === 'getting_there') v.gettingThere += r.n;
    else v.notYet += r.n;
    v.total += r.n;
    out.set(r.promiseId, v);
  }
  for (const v of out.values()) {
    const ranked = (
      [
        ['kept', v.kept],
        ['getting_there', v.gettingThere],
        ['not_yet', v.notYet],
      ] as const
    )
      .slice()
      .sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    v.leading = first && second && first[1] > 0 && first[1] !== second[1] ? first[0] : null;
  }
  return out;
}

/**
 * Why the board should look at a promise first: red (decided, or suggested when never decided),
 * worse than last time, the suggestion differs from the last decision, or most children's
 * verdict is "not yet" while the board says green or blue, or "kept" while it says red.
 */
export function attentionFor(
  latest: RagRating | null,
  trend: Trend | null,
  suggested: RagRating,
  verdicts: BoardVerdicts | null,
): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if ((latest ?? suggested) === 'red') reasons.push('red');
  if (trend === 'worse') reasons.push('worsening');
  if (latest && latest !== suggested) reasons.push('disagreement');
  if (childrenDisagree(latest ?? suggested, verdicts)) reasons.push('children_disagree');
  return reasons;
}

export function childrenDisagree(rating: RagRating, verdicts: BoardVerdicts | null): boolean {
  // Amber and green both read as "getting there"; only a clear opposite is a disagreement.
  if (verdicts?.leading === 'not_yet') return rating === 'green' || rating === 'blue';
  if (verdicts?.leading === 'kept') return rating === 'red';
  return false;
}
