import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, problem, queryBool, theme, themeCreate, themeList, themeUpdate } from '../contracts/index.js';
import { notFound } from '../errors.js';
import { nextThemeColour } from '../domain/theme-colours.js';
import { createTheme, getTheme, listThemes, updateTheme } from '../../db/repositories/themes.js';

const themeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/themes',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['themes'],
        querystring: z.object({ includeArchived: queryBool.optional() }),
        response: { 200: themeList },
      },
    },
    async (request) => ({ items: await listThemes(app.db, request.query.includeArchived ?? false) }),
  );

  app.get(
    '/themes/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['themes'], params: idParam, response: { 200: theme, 404: problem } },
    },
    async (request) => (await getTheme(app.db, request.params.id)) ?? Promise.reject(notFound('Theme')),
  );

  app.post(
    '/themes',
    { config: { access: ['admin'] }, schema: { tags: ['themes'], body: themeCreate, response: { 201: theme } } },
    async (request, reply) =>
      // With the same words on, the repository copies the staff name into the children's draft.
      reply
        .code(201)
        .send(
          await createTheme(
            app.db,
            request.actor,
            { ...request.body, childName: request.body.childName ?? '' },
            nextThemeColour,
          ),
        ),
  );

  app.patch(
    '/themes/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['themes'],
        params: idParam,
        body: themeUpdate,
        response: { 200: theme, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return await updateTheme(app.db, request.actor, request.params.id, version, patch);
    },
  );
};

export default themeRoutes;
