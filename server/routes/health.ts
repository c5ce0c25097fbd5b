import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { databaseAnswers } from '../../db/repositories/health.js';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('reachable') }), 503: z.unknown() },
      },
    },
    async (_request, reply) => {
      try {
        await databaseAnswers(app.db);
        return { status: 'ok' as const, database: 'reachable' as const };
      } catch {
        return reply
          .code(503)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Database unreachable', status: 503 });
      }
    },
  );
};

export default healthRoutes;
