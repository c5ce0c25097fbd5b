// Which promises a measure is shown on besides its own: an administrator links a council-wide
// figure (children looked after) to every promise it informs. Each change checks the measure's
// version (409), is audited with it, and a bad promise is a 400, a missing measure or link a 404.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParam,
  measureLinkCreate,
  measureLinkDeleteQuery,
  measureLinkParams,
  measureLinks,
  problem,
  type MeasureLinks,
} from '../contracts/index.js';
import { invalid } from '../errors.js';
import { LinkRefused, linkedPromisesOf, setMeasureLink } from '../../db/repositories/measure-links.js';

const measureLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  async function answer(measureId: number, version: number): Promise<MeasureLinks> {
    return { measureId, version, linkedPromises: (await linkedPromisesOf(app.db, [measureId])).get(measureId) ?? [] };
  }

  app.post(
    '/measures/:id/promises',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['measures'],
        params: idParam,
        body: measureLinkCreate,
        response: { 200: measureLinks, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { promiseId, version } = request.body;
      try {
        const row = await setMeasureLink(app.db, request.actor, request.params.id, promiseId, version, true);
        return await answer(row.id, row.version);
      } catch (e) {
        if (!(e instanceof LinkRefused)) throw e;
        const message =
          e.reason === 'home'
            ? 'This is already the measure’s own promise: choose another promise'
            : 'Choose a promise that exists and is not archived';
        throw invalid([{ path: 'body.promiseId', message }]);
      }
    },
  );

  app.delete(
    '/measures/:id/promises/:promiseId',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['measures'],
        params: measureLinkParams,
        querystring: measureLinkDeleteQuery,
        response: { 200: measureLinks, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { id, promiseId } = request.params;
      const row = await setMeasureLink(app.db, request.actor, id, promiseId, request.query.version, false);
      return await answer(row.id, row.version);
    },
  );
};

export default measureLinkRoutes;
