// The board's challenges: set at a meeting, answered by the person they are for, closed when done.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  challenge,
  challengeCreate,
  challengeList,
  challengeQuery,
  challengeUpdate,
  idParam,
  problem,
  type Role,
} from '../contracts/index.js';
import { forbidden, invalid, notFound, type FieldProblem } from '../errors.js';
import {
  createChallenge,
  getChallenge,
  getMeeting,
  listChallenges,
  updateChallenge,
} from '../../db/repositories/board.js';
import { checkBoardReferences } from '../services/board-references.js';

const BOARD: readonly Role[] = ['board', 'admin'];

const boardChallengeRoutes: FastifyPluginAsyncZod = async (app) => {
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
      const meeting = await getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      await checkBoardReferences(app.db, request.body);
      if (request.body.dueDate < meeting.meetingDate)
        throw invalid([{ path: 'body.dueDate', message: 'The due date must be on or after the meeting' }]);
      const row = await createChallenge(app.db, request.actor, {
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
      const current = await getChallenge(app.db, request.params.id);
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
      await checkBoardReferences(app.db, patch);
      const answer = patch.answer ?? current.answer;
      if (patch.closedOn) {
        const errors: FieldProblem[] = [];
        if (!answer) errors.push({ path: 'body.answer', message: 'Give the answer before closing the challenge' });
        if (patch.closedOn > app.today())
          errors.push({ path: 'body.closedOn', message: 'The date it was closed cannot be in the future' });
        const meeting = await getMeeting(app.db, current.meetingId);
        if (meeting && patch.closedOn < meeting.meetingDate)
          errors.push({ path: 'body.closedOn', message: 'A challenge cannot close before the meeting that set it' });
        if (errors.length) throw invalid(errors);
      }
      if (patch.dueDate) {
        const meeting = await getMeeting(app.db, current.meetingId);
        if (meeting && patch.dueDate < meeting.meetingDate)
          throw invalid([{ path: 'body.dueDate', message: 'The due date must be on or after the meeting' }]);
      }
      return await updateChallenge(app.db, request.actor, current.id, version, patch);
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
      const now = app.today();
      const { items, total } = await listChallenges(app.db, filter, page, pageSize);
      return {
        items: items.map((c) => ({ ...c, overdue: c.closedOn === null && c.dueDate < now })),
        total,
        page,
        pageSize,
      };
    },
  );
};

export default boardChallengeRoutes;
