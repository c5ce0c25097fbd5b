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
  boardMeetingList,
  boardMeetingQuery,
  boardMeetingUpdate,
  boardSummaryAnswer,
  idParam,
  problem,
  ragReview,
  ragReviewList,
  ragReviewPut,
  ragReviewQuery,
  type Role,
} from '../contracts/index.js';
import { escalatedBy } from '../../db/repositories/reminders.js';
import { HttpProblem, notFound } from '../errors.js';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  meetingChallenges,
  meetingReviews,
  promiseExists,
  putReview,
  mattersArising,
  reviewHistory,
  updateMeeting,
} from '../../db/repositories/board.js';
import { ragEvidence } from '../../db/repositories/board-evidence.js';
import { getSettings } from '../../db/repositories/settings.js';
import { getPromise } from '../../db/repositories/promises.js';
import { quorum } from '../domain/quorum.js';
import { DEFAULT_RAG_THRESHOLDS, describeRules } from '../domain/rag-rules.js';
import { suggestAll, thresholdsOf } from '../domain/board-pack-suggestions.js';
import { readCache } from '../read-cache.js';
import { boardSummary } from '../services/board-summary.js';
import { agendaFor, summaryAnswer } from '../services/board-summary-compute.js';
import { checkBoardReferences } from '../services/board-references.js';

const BOARD: readonly Role[] = ['board', 'admin'];
/** Safeguarding-flagged feedback is for these roles only, everywhere: counts included. */
const reviewParams = z.object({ id: idParam.shape.id, promiseId: idParam.shape.id });

const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- meetings

  app.get(
    '/board/meetings',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], querystring: boardMeetingQuery, response: { 200: boardMeetingList } },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listMeetings(app.db, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/board/meetings/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], params: idParam, response: { 200: boardMeetingFull, 404: problem } },
    },
    async (request) => {
      const meeting = await getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      const now = app.today();
      const summary = await boardSummary(app.db, now, false);
      return {
        ...meeting,
        reviews: await meetingReviews(app.db, meeting.id),
        challenges: await meetingChallenges(app.db, meeting.id),
        quorum: quorum(meeting.attendance, getSettings(app.db).quorum),
        agenda: agendaFor(summary, meeting.focusThemeId),
        mattersArising: (await mattersArising(app.db, meeting)).map((c) => ({ ...c, overdue: c.dueDate < now })),
        escalated: await escalatedBy(app.db, meeting.meetingDate),
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
      const promise = await getPromise(app.db, request.params.id);
      if (!promise) throw notFound('Promise');
      const now = app.today();
      const suggestion = suggestAll([promise.id], ragEvidence(app.db, promise.id), getSettings(app.db), now).get(
        promise.id,
      )!;
      const latest = (await reviewHistory(app.db, promise.id, 1, 1)).items[0];
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
      await checkBoardReferences(app.db, request.body);
      return reply.code(201).send(await createMeeting(app.db, request.actor, request.body));
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
      await checkBoardReferences(app.db, patch);
      return await updateMeeting(app.db, request.actor, request.params.id, version, patch);
    },
  );

  app.delete(
    '/board/meetings/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['board'], params: idParam, response: { 204: z.null(), 404: problem, 409: problem } },
    },
    async (request, reply) => {
      const result = await deleteMeeting(app.db, request.actor, request.params.id);
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
      const meeting = await getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      if (!(await promiseExists(app.db, request.params.promiseId))) throw notFound('Promise');
      const { version, rating, suggestedRating, rationale } = request.body;
      const { row, created } = await putReview(
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
      return { ...(await reviewHistory(app.db, promiseId, page, pageSize)), page, pageSize };
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
    async (request) => summaryAnswer(await boardSummary(app.db, app.today(), seesSafeguarding(request.user!.role))),
  );
};

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export default boardRoutes;
