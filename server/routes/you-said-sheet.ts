// The "You said, we did" sheet printed for a forum: approved public words only, through the
// public door (db/repositories/public.ts), in English or Welsh.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problem, youSaidQuery, youSaidSheet, type Role } from '../contracts/index.js';
import { invalid, notFound } from '../errors.js';
import { getSettings } from '../../db/repositories/settings.js';
import { lastForumSessionBefore } from '../../db/repositories/feedback-workflow.js';
import { publicSheet } from '../../db/repositories/public.js';
import { sheetItem } from '../domain/you-said-sheet.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const youSaidSheetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/feedback/you-said-we-did',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        querystring: youSaidQuery,
        response: { 200: youSaidSheet, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const settings = getSettings(app.db);
      const forum = settings.forums.find((f) => f.id === request.query.forumId);
      if (!forum) throw notFound('Forum');
      const day = app.today();
      const since = request.query.since ?? (await lastForumSessionBefore(app.db, forum.id, day));
      const lang = request.query.lang ?? 'en';
      if (lang === 'cy' && !settings.useWelsh)
        throw invalid([
          { path: 'querystring.lang', message: 'Turn on "Use Welsh" in settings to print a Welsh sheet' },
        ]);
      // Printed for the children: through the public door, approved words only.
      const sheet = await publicSheet(app.db, forum.id, since, day);
      return {
        forumId: forum.id,
        forumName: forum.name,
        lang,
        useWelsh: settings.useWelsh,
        councilName: (lang === 'cy' && settings.councilNameCy) || settings.councilName,
        timeZone: settings.timeZone,
        since,
        today: day,
        items: sheet.rows.map((r) => sheetItem(r, lang, settings.ageBands)),
        missingPublicText: sheet.notApproved,
      };
    },
  );
};

export default youSaidSheetRoutes;
