// What happened next on a safeguarding-flagged item: GET and POST /feedback/:id/safeguarding-notes.
// Only the roles that see safeguarding at all (seesSafeguarding) reach these; everyone else gets
// 403. Notes never leave this route: no public surface, board export or email reads them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParam,
  problem,
  role,
  safeguardingNote,
  safeguardingNoteCreate,
  safeguardingNotes,
} from '../contracts/index.js';
import { HttpProblem, notFound } from '../errors.js';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { getFeedback } from '../../db/repositories/feedback.js';
import { addSafeguardingNote, listSafeguardingNotes, NotFlagged } from '../../db/repositories/safeguarding-notes.js';

/** The roles the one rule lets see safeguarding, as the auth plugin's list. */
const SEES_SAFEGUARDING = role.options.filter((r) => seesSafeguarding(r));

const safeguardingNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/feedback/:id/safeguarding-notes',
    {
      config: { access: SEES_SAFEGUARDING },
      schema: {
        tags: ['feedback'],
        params: idParam,
        response: { 200: safeguardingNotes, 403: problem, 404: problem },
      },
    },
    async (request) => {
      if (!getFeedback(app.db, request.params.id)) throw notFound('Feedback');
      return { items: await listSafeguardingNotes(app.db, request.params.id) };
    },
  );

  app.post(
    '/feedback/:id/safeguarding-notes',
    {
      config: { access: SEES_SAFEGUARDING },
      schema: {
        tags: ['feedback'],
        params: idParam,
        body: safeguardingNoteCreate,
        response: { 201: safeguardingNote, 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      try {
        const note = await addSafeguardingNote(
          app.db,
          request.actor,
          request.params.id,
          request.body.text,
          app.clock.now(),
        );
        return reply.code(201).send(note);
      } catch (err) {
        if (err instanceof NotFlagged)
          throw new HttpProblem(
            409,
            'Not flagged',
            'Notes on what happened next are for items flagged as a possible disclosure. Flag it first.',
          );
        throw err;
      }
    },
  );
};

export default safeguardingNoteRoutes;
