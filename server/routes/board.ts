// The Corporate Parenting Board: meetings, RAG reviews, challenges and the summary it reads.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { z } from 'zod';
import {
  boardMeeting,
  boardMeetingCreate,
  boardMeetingFull,
  promiseSuggestion,
  ragRulesPage,
  type AttentionReason,
  boardMeetingList,
  boardMeetingQuery,
  boardMeetingUpdate,
  boardSummaryAnswer,
  challenge,
  challengeCreate,
  challengeList,
  challengeQuery,
  challengeUpdate,
  idParam,
  problem,
  ragReview,
  ragReviewList,
  ragReviewPut,
  ragReviewQuery,
  type BoardSummary,
  type BoardSummaryAnswer,
  type BoardVerdicts,
  type RagDefinitions,
  type Role,
} from '../contracts/index.js';
import { escalatedBy } from '../../db/repositories/reminders.js';
import { forbidden, HttpProblem, invalid, notFound, type FieldProblem } from '../errors.js';
import { addDays, dateIn } from '../domain/time.js';
import { medianOfCounts, shareWithinTarget } from '../domain/loop-metrics.js';
import { ragTrend } from '../domain/rag-trend.js';
import {
  activeUserExists,
  createChallenge,
  createMeeting,
  deleteMeeting,
  getChallenge,
  getMeeting,
  listChallenges,
  listMeetings,
  meetingChallenges,
  meetingReviews,
  promiseExists,
  putReview,
  mattersArising,
  ragCountsByMeeting,
  ragEvidence,
  verdictTotals,
  reviewHistory,
  summaryFigures,
  themeExists,
  updateChallenge,
  updateMeeting,
  type DayCount,
  type LoopCounts,
  type RagEvidence,
  type SummaryFigures,
} from '../../db/repositories/board.js';
import { getSettings } from '../../db/repositories/settings.js';
import { getPromise } from '../../db/repositories/promises.js';
import { quorum } from '../domain/quorum.js';
import { DEFAULT_RAG_THRESHOLDS, describeRules } from '../domain/rag-rules.js';
import {
  attentionFor,
  suggestAll,
  thresholdsOf,
  verdictsByPromise,
  type PromiseSuggestion as PromiseSuggestionInternal,
} from '../domain/board-pack-suggestions.js';
import { dataGeneration } from '../../db/repositories/write.js';
import type { Db } from '../../db/client.js';
import { readCache } from '../read-cache.js';
import { groupBy } from '../domain/group-by.js';

const BOARD: readonly Role[] = ['board', 'admin'];
/** Safeguarding-flagged feedback is for these roles only, everywhere: counts included. */
const reviewParams = z.object({ id: idParam.shape.id, promiseId: idParam.shape.id });

const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  const today = () => dateIn(app.clock.now(), getSettings(app.db).timeZone);

  /** Referenced rows must exist: a field problem, never a foreign-key failure. */
  function checkReferences(refs: { focusThemeId?: number | null; promiseId?: number | null; ownerId?: number | null }) {
    const errors: FieldProblem[] = [];
    if (refs.focusThemeId && !themeExists(app.db, refs.focusThemeId))
      errors.push({ path: 'body.focusThemeId', message: 'Choose a theme that exists' });
    if (refs.promiseId && !promiseExists(app.db, refs.promiseId))
      errors.push({ path: 'body.promiseId', message: 'Choose a promise that exists' });
    if (refs.ownerId && !activeUserExists(app.db, refs.ownerId))
      errors.push({ path: 'body.ownerId', message: 'Choose a person who can sign in' });
    if (errors.length) throw invalid(errors);
  }

  // ---- meetings

  app.get(
    '/board/meetings',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], querystring: boardMeetingQuery, response: { 200: boardMeetingList } },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...listMeetings(app.db, page, pageSize), page, pageSize };
    },
  );

  app.get(
    '/board/meetings/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], params: idParam, response: { 200: boardMeetingFull, 404: problem } },
    },
    async (request) => {
      const meeting = getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      const now = today();
      const summary = cachedSummary(app.db, now, false);
      return {
        ...meeting,
        reviews: meetingReviews(app.db, meeting.id),
        challenges: meetingChallenges(app.db, meeting.id),
        quorum: quorum(meeting.attendance, getSettings(app.db).quorum),
        agenda: agendaFor(summary, meeting.focusThemeId),
        mattersArising: mattersArising(app.db, meeting).map((c) => ({ ...c, overdue: c.dueDate < now })),
        escalated: escalatedBy(app.db, meeting.meetingDate),
      };
    },
  );

  // ---- suggestions and the rules behind them

  app.get(
    '/board/rag-rules',
    { config: { access: 'signedIn' }, schema: { tags: ['board'], response: { 200: ragRulesPage } } },
    async () => {
      const settings = getSettings(app.db);
      const thresholds = { ...DEFAULT_RAG_THRESHOLDS, ...thresholdsOf(settings) };
      return { definitions: settings.ragWording, thresholds, rules: describeRules(thresholds) };
    },
  );

  app.get(
    '/board/promises/:id/suggestion',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], params: idParam, response: { 200: promiseSuggestion, 404: problem } },
    },
    async (request) => {
      const promise = getPromise(app.db, request.params.id);
      if (!promise) throw notFound('Promise');
      const now = today();
      const suggestion = suggestAll([promise.id], ragEvidence(app.db, promise.id), getSettings(app.db), now).get(
        promise.id,
      )!;
      const latest = reviewHistory(app.db, promise.id, 1, 1).items[0];
      return {
        promiseId: promise.id,
        rating: suggestion.rating,
        reasons: suggestion.reasons,
        latest: latest ? { rating: latest.rating, decidedOn: latest.decidedOn, meetingId: latest.meetingId } : null,
        disagrees: latest !== undefined && latest.rating !== suggestion.rating,
      };
    },
  );

  app.post(
    '/board/meetings',
    {
      config: { access: BOARD },
      schema: { tags: ['board'], body: boardMeetingCreate, response: { 201: boardMeeting, 400: problem } },
    },
    async (request, reply) => {
      checkReferences(request.body);
      return reply.code(201).send(createMeeting(app.db, request.actor, request.body));
    },
  );

  app.patch(
    '/board/meetings/:id',
    {
      config: { access: BOARD },
      schema: {
        tags: ['board'],
        params: idParam,
        body: boardMeetingUpdate,
        response: { 200: boardMeeting, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      checkReferences(patch);
      return updateMeeting(app.db, request.actor, request.params.id, version, patch);
    },
  );

  app.delete(
    '/board/meetings/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['board'], params: idParam, response: { 204: z.null(), 404: problem, 409: problem } },
    },
    async (request, reply) => {
      const result = deleteMeeting(app.db, request.actor, request.params.id);
      if (result.outcome === 'missing') throw notFound('Board meeting');
      if (result.outcome === 'in_use') {
        const kept = [
          result.reviews ? plural(result.reviews, 'RAG rating') : '',
          result.challenges ? plural(result.challenges, 'challenge') : '',
        ]
          .filter(Boolean)
          .join(' and ');
        throw new HttpProblem(
          409,
          'This meeting cannot be deleted',
          `The board recorded ${kept} at this meeting. They are kept as the board's record, so the meeting stays too. Correct its date or title instead.`,
        );
      }
      return reply.code(204).send(null);
    },
  );

  // ---- RAG reviews

  app.put(
    '/board/meetings/:id/reviews/:promiseId',
    {
      config: { access: BOARD },
      schema: {
        tags: ['board'],
        params: reviewParams,
        body: ragReviewPut,
        response: { 200: ragReview, 201: ragReview, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const meeting = getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      if (!promiseExists(app.db, request.params.promiseId)) throw notFound('Promise');
      const { version, rating, suggestedRating, rationale } = request.body;
      const { row, created } = putReview(
        app.db,
        request.actor,
        meeting,
        request.params.promiseId,
        { rating, suggestedRating: suggestedRating ?? null, rationale: rationale ?? '' },
        version,
      );
      return reply.code(created ? 201 : 200).send(row);
    },
  );

  app.get(
    '/board/reviews',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], querystring: ragReviewQuery, response: { 200: ragReviewList } },
    },
    async (request) => {
      const { promiseId, page, pageSize } = request.query;
      return { ...reviewHistory(app.db, promiseId, page, pageSize), page, pageSize };
    },
  );

  // ---- challenges

  app.post(
    '/board/meetings/:id/challenges',
    {
      config: { access: BOARD },
      schema: {
        tags: ['board'],
        params: idParam,
        body: challengeCreate,
        response: { 201: challenge, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const meeting = getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      checkReferences(request.body);
      if (request.body.dueDate < meeting.meetingDate)
        throw invalid([{ path: 'body.dueDate', message: 'The due date must be on or after the meeting' }]);
      const row = createChallenge(app.db, request.actor, {
        meetingId: meeting.id,
        promiseId: request.body.promiseId ?? null,
        ownerId: request.body.ownerId ?? null,
        text: request.body.text,
        dueDate: request.body.dueDate,
      });
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/board/challenges/:id',
    {
      // The owner of a challenge answers it whatever their role; who may change what is checked below.
      config: { access: 'signedIn' },
      schema: {
        tags: ['board'],
        params: idParam,
        body: challengeUpdate,
        response: { 200: challenge, 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const current = getChallenge(app.db, request.params.id);
      if (!current) throw notFound('Challenge');
      const user = request.user!;
      const { version, ...patch } = request.body;
      if (!BOARD.includes(user.role)) {
        if (current.ownerId !== user.id)
          throw forbidden('Only the board, or the person the challenge is for, can change it.');
        const others = Object.keys(patch).filter((k) => k !== 'answer' && k !== 'closedOn');
        if (others.length)
          throw forbidden('You can answer and close this challenge; only the board can change the rest.');
      }
      checkReferences(patch);
      const answer = patch.answer ?? current.answer;
      if (patch.closedOn) {
        const errors: FieldProblem[] = [];
        if (!answer) errors.push({ path: 'body.answer', message: 'Give the answer before closing the challenge' });
        if (patch.closedOn > today())
          errors.push({ path: 'body.closedOn', message: 'The date it was closed cannot be in the future' });
        const meeting = getMeeting(app.db, current.meetingId);
        if (meeting && patch.closedOn < meeting.meetingDate)
          errors.push({ path: 'body.closedOn', message: 'A challenge cannot close before the meeting that set it' });
        if (errors.length) throw invalid(errors);
      }
      if (patch.dueDate) {
        const meeting = getMeeting(app.db, current.meetingId);
        if (meeting && patch.dueDate < meeting.meetingDate)
          throw invalid([{ path: 'body.dueDate', message: 'The due date must be on or after the meeting' }]);
      }
      return updateChallenge(app.db, request.actor, current.id, version, patch);
    },
  );

  app.get(
    '/board/challenges',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], querystring: challengeQuery, response: { 200: challengeList } },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const now = today();
      const { items, total } = listChallenges(app.db, filter, page, pageSize);
      return {
        items: items.map((c) => ({ ...c, overdue: c.closedOn === null && c.dueDate < now })),
        total,
        page,
        pageSize,
      };
    },
  );

  // ---- the summary

  app.get(
    '/board/summary',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], response: { 200: boardSummaryAnswer } },
      // Sent as kept text between writes; callers differ only in whether flagged items count.
      ...readCache(app, {
        vary: (request) => (seesSafeguarding(request.user!.role) ? 'safeguarding' : 'standard'),
      }),
    },
    async (request) => summaryAnswer(cachedSummary(app.db, today(), seesSafeguarding(request.user!.role))),
  );
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

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// The summary reads every feedback item, so it is worked out once per change to the data (and
// once a day, as "overdue" moves with the date), then served from memory to every caller.
type CacheEntry = {
  key: string;
  figures: SummaryFigures;
  extras: SummaryExtras;
  summaries: Map<boolean, BoardSummary>;
};

/** What the summary adds to the grouped figures: suggestions, verdicts, definitions and history. */
export type SummaryExtras = {
  suggestions: Map<number, PromiseSuggestionInternal>;
  verdicts: Map<number, BoardVerdicts>;
  definitions: RagDefinitions;
  ragOverTime: BoardSummary['ragOverTime'];
};

function summaryExtras(db: Db, figures: SummaryFigures, today: string, evidence = ragEvidence(db)): SummaryExtras {
  const settings = getSettings(db);
  const suggestions = suggestAll(
    figures.promises.map((p) => p.id),
    evidence,
    settings,
    today,
  );
  const byMeeting = new Map<number, BoardSummary['ragOverTime'][number]>();
  for (const r of ragCountsByMeeting(db)) {
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
    verdicts: verdictsByPromise(verdictTotals(db)),
    definitions: settings.ragWording,
    ragOverTime: [...byMeeting.values()],
  };
}
const summaryCache = new WeakMap<object, CacheEntry>();

export function cachedSummary(db: Db, today: string, includeSafeguarding: boolean): BoardSummary {
  const settings = getSettings(db);
  const key = `${dataGeneration(db)}|${today}`;
  let entry = summaryCache.get(db.$client);
  if (!entry || entry.key !== key) {
    const figures = summaryFigures(db, today, addDays(today, -settings.answerTargetDays));
    entry = { key, figures, extras: summaryExtras(db, figures, today), summaries: new Map() };
    summaryCache.set(db.$client, entry);
  }
  let summary = entry.summaries.get(includeSafeguarding);
  if (!summary) {
    const loop = includeSafeguarding
      ? entry.figures.all
      : withoutFlagged(entry.figures.all, entry.figures.safeguarding);
    summary = computeSummary(entry.figures, entry.extras, loop, today, settings.answerTargetDays);
    entry.summaries.set(includeSafeguarding, summary);
  }
  return summary;
}

/**
 * The summary as a board pack freezes it: worked out as at `asOf` from the evidence as it stood
 * then (see evidenceAsOf), without the safeguarding-flagged items. Not cached: a pack is made a
 * few times a month, and its evidence differs from the dashboard's when a figure is dated later.
 */
export function summaryAsOf(db: Db, asOf: string, evidence: RagEvidence): BoardSummary {
  const settings = getSettings(db);
  const figures = summaryFigures(db, asOf, addDays(asOf, -settings.answerTargetDays));
  const extras = summaryExtras(db, figures, asOf, evidence);
  const loop = withoutFlagged(figures.all, figures.safeguarding);
  return computeSummary(figures, extras, loop, asOf, settings.answerTargetDays);
}

/** The loop figures with the safeguarding-flagged items taken out, bin by bin. */
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
  figures: SummaryFigures,
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

export default boardRoutes;
