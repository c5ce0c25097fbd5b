// The board summary worked out from its figures: pure, so the dashboard (from the kept figures)
// and a board pack (from figures as they stood at a date) give the same shape from the same rules.
import type {
  AttentionReason,
  BoardSummary,
  BoardSummaryAnswer,
  BoardVerdicts,
  RagDefinitions,
} from '../contracts/index.js';
import type { DayCount, LoopCounts, SummaryFigures } from '../../db/repositories/board-figures.js';
import { medianOfCounts, shareWithinTarget } from '../domain/loop-metrics.js';
import { ragTrend } from '../domain/rag-trend.js';
import { attentionFor, type PromiseSuggestion } from '../domain/board-pack-suggestions.js';
import { groupBy } from '../domain/group-by.js';

/** What the summary adds to the grouped figures: suggestions, verdicts, definitions and history. */
export type SummaryExtras = {
  suggestions: Map<number, PromiseSuggestion>;
  verdicts: Map<number, BoardVerdicts>;
  definitions: RagDefinitions;
  ragOverTime: BoardSummary['ragOverTime'];
};

const ATTENTION_ORDER: Record<AttentionReason, number> = {
  red: 0,
  worsening: 1,
  disagreement: 2,
  children_disagree: 3,
};

/** The promises needing attention, worst first: red, then worsening, then disagreement. */
export function agendaFor(summary: BoardSummary, focusThemeId: number | null) {
  const items = summary.themes
    .filter((t) => focusThemeId === null || t.id === focusThemeId)
    .flatMap((t) =>
      t.promises
        .filter((p) => p.attention.length > 0)
        .map((p) => ({
          promiseId: p.id,
          staffText: p.staffText,
          themeId: t.id,
          themeName: t.name,
          attention: p.attention,
          suggested: p.suggested.rating,
          latest: p.latest?.rating ?? null,
        })),
    );
  const rank = (a: AttentionReason[]) => Math.min(...a.map((r) => ATTENTION_ORDER[r]));
  return items.sort((a, b) => rank(a.attention) - rank(b.attention));
}

/** The dashboard's answer: every reason's words, without the names it is about (see ragSuggestionBrief). */
export function summaryAnswer(summary: BoardSummary): BoardSummaryAnswer {
  return {
    ...summary,
    themes: summary.themes.map((theme) => ({
      ...theme,
      promises: theme.promises.map((p) => ({
        ...p,
        suggested: {
          rating: p.suggested.rating,
          reasons: p.suggested.reasons.map(({ rule, rating, text }) => ({ rule, rating, text })),
        },
      })),
    })),
  };
}

export function withoutFlagged(all: LoopCounts, flagged: LoopCounts): LoopCounts {
  const minus = <T extends { promiseId: number | null }>(
    rows: T[],
    out: T[],
    keyOf: (r: T) => string,
    take: (row: T, gone: T) => T,
  ) => {
    const gone = new Map(out.map((r) => [keyOf(r), r]));
    return rows.map((r) => {
      const g = gone.get(keyOf(r));
      return g ? take(r, g) : r;
    });
  };
  const days = (r: DayCount) => `${r.promiseId}|${r.days}`;
  const less = (r: DayCount, g: DayCount) => ({ ...r, n: r.n - g.n });
  return {
    waiting: minus(
      all.waiting,
      flagged.waiting,
      (r) => String(r.promiseId),
      (r, g) => ({ ...r, n: r.n - g.n, overTarget: r.overTarget - g.overTarget }),
    ),
    respondDays: minus(all.respondDays, flagged.respondDays, days, less),
    feedBackDays: minus(all.feedBackDays, flagged.feedBackDays, days, less),
    feedback: all.feedback - flagged.feedback,
    unlinkedFeedback: all.unlinkedFeedback - flagged.unlinkedFeedback,
  };
}

export function computeSummary(
  figures: Omit<SummaryFigures, 'all' | 'safeguarding'>,
  extras: SummaryExtras,
  loopCounts: LoopCounts,
  today: string,
  targetDays: number,
): BoardSummary {
  const byPromise = <T extends { promiseId: number | null }>(rows: T[]) => groupBy(rows, (row) => row.promiseId);
  const reviews = byPromise(figures.reviews);
  const overdue = new Map(figures.overdue.map((r) => [r.promiseId, r.n]));
  const waiting = new Map(loopCounts.waiting.map((r) => [r.promiseId, r]));
  const respond = byPromise(loopCounts.respondDays);
  const fedBack = byPromise(loopCounts.feedBackDays);

  const loop = (promiseId: number | null) => {
    const respondDays = respond.get(promiseId) ?? [];
    const answered = respondDays.reduce((sum, r) => sum + r.n, 0);
    const inTime = respondDays.filter((r) => r.days <= targetDays).reduce((sum, r) => sum + r.n, 0);
    const wait = waiting.get(promiseId);
    return {
      awaitingResponse: wait?.n ?? 0,
      awaitingOverTarget: wait?.overTarget ?? 0,
      medianDaysToRespond: medianOfCounts(histogram(respondDays)),
      medianDaysToFeedBack: medianOfCounts(histogram(fedBack.get(promiseId) ?? [])),
      shareWithinTarget: shareWithinTarget(inTime, answered, wait?.overTarget ?? 0),
    };
  };

  const promisesByTheme = groupBy(figures.promises, (p) => p.themeId);

  const themes = figures.themes
    // An archived theme shows only while it still holds active promises.
    .filter((t) => !t.archived || promisesByTheme.has(t.id))
    .map((t) => ({
      id: t.id,
      name: t.name,
      colour: t.colour,
      promises: (promisesByTheme.get(t.id) ?? []).map((p) => {
        const [latest, previous] = (reviews.get(p.id) ?? []).sort((a, b) => a.rank - b.rank);
        const at = (r: typeof latest) =>
          r ? { rating: r.rating, decidedOn: r.decidedOn, meetingId: r.meetingId } : null;
        const suggestion = extras.suggestions.get(p.id)!;
        const trend = latest ? ragTrend(previous?.rating, latest.rating) : null;
        const verdicts = extras.verdicts.get(p.id) ?? null;
        return {
          id: p.id,
          staffText: p.staffText,
          audience: p.audience,
          ownerId: p.ownerId,
          ownerName: p.ownerName,
          suggested: { rating: suggestion.rating, reasons: suggestion.reasons },
          staleCommitments: suggestion.staleCommitments,
          verdicts,
          attention: attentionFor(latest?.rating ?? null, trend, suggestion.rating, verdicts),
          latest: at(latest),
          previous: at(previous),
          trend,
          overdueCommitments: overdue.get(p.id) ?? 0,
          ...loop(p.id),
        };
      }),
    }));

  return {
    today,
    answerTargetDays: targetDays,
    definitions: extras.definitions,
    ragOverTime: extras.ragOverTime,
    themes,
    totals: {
      promises: figures.promises.length,
      overdueCommitments: figures.promises.reduce((sum, p) => sum + (overdue.get(p.id) ?? 0), 0),
      ...loop(null),
      feedback: loopCounts.feedback,
      unlinkedFeedback: loopCounts.unlinkedFeedback,
    },
  };
}

const histogram = (rows: DayCount[]) => rows.map((r) => [r.days, r.n] as const);
