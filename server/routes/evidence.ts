// "How we'll know", in words: case studies, quotes and documents for a promise.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  evidenceCreate,
  evidenceItem,
  evidencePage,
  evidenceQuery,
  evidenceUpdate,
  evidenceUrlProblem,
  idParam,
  problem,
  type SessionUser,
} from '../contracts/index.js';
import { forbidden, invalid, notFound, type FieldProblem } from '../errors.js';
import { promiseIsOpen } from '../../db/repositories/commitments.js';
import {
  createEvidence,
  deleteEvidence,
  getEvidence,
  listEvidence,
  updateEvidence,
  type EvidenceRow,
} from '../../db/repositories/evidence.js';

/** Admins may change any evidence; anyone else only what they added. */
function mayChange(user: SessionUser, row: Pick<EvidenceRow, 'addedById'>): boolean {
  return user.role === 'admin' || row.addedById === user.id;
}

const promiseProblem: FieldProblem = {
  path: 'body.promiseId',
  message: 'Choose a promise that exists and is not archived',
};

const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  async function found(id: number) {
    const row = await getEvidence(app.db, id);
    if (!row) throw notFound('Evidence');
    return row;
  }

  app.get(
    '/evidence',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['evidence'], querystring: evidenceQuery, response: { 200: evidencePage, 400: problem } },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await listEvidence(app.db, q);
      return { items: rows, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/evidence/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['evidence'], params: idParam, response: { 200: evidenceItem, 404: problem } },
    },
    async (request) => await found(request.params.id),
  );

  app.post(
    '/evidence',
    {
      config: { access: ['admin', 'owner'] },
      schema: { tags: ['evidence'], body: evidenceCreate, response: { 201: evidenceItem, 400: problem } },
    },
    async (request, reply) => {
      if (!promiseIsOpen(app.db, request.body.promiseId)) throw invalid([promiseProblem]);
      const row = await createEvidence(app.db, request.actor, request.body);
      return reply.code(201).send(await found(row.id));
    },
  );

  app.patch(
    '/evidence/:id',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['evidence'],
        params: idParam,
        body: evidenceUpdate,
        response: { 200: evidenceItem, 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const user = request.user!;
      const { version, ...patch } = request.body;
      await updateEvidence(app.db, request.actor, request.params.id, version, patch, {
        authorize: (current) => {
          if (!mayChange(user, current)) throw forbidden('You can only change evidence you added.');
        },
        validate: (current) => {
          const problems: FieldProblem[] = [];
          if (patch.promiseId !== undefined && patch.promiseId !== current.promiseId)
            if (!promiseIsOpen(app.db, patch.promiseId)) problems.push(promiseProblem);
          const message = evidenceUrlProblem(patch.kind ?? current.kind, patch.url ?? current.url);
          if (message) problems.push({ path: 'body.url', message });
          if (problems.length) throw invalid(problems);
        },
      });
      return await found(request.params.id);
    },
  );

  app.delete(
    '/evidence/:id',
    {
      config: { access: ['admin', 'owner'] },
      schema: { tags: ['evidence'], params: idParam, response: { 204: z.null(), 403: problem, 404: problem } },
    },
    async (request, reply) => {
      const user = request.user!;
      await deleteEvidence(app.db, request.actor, request.params.id, (current) => {
        if (!mayChange(user, current)) throw forbidden('You can only remove evidence you added.');
      });
      return reply.code(204).send(null);
    },
  );
};

export default evidenceRoutes;
