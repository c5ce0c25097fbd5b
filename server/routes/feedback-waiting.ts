// The waiting list: feedback not yet answered or not yet carried back to the children, with how
// long each has waited against the council's answer target.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { problem, waitingPage, waitingQuery, type Role } from '../contracts/index.js';
import { waitingState } from '../domain/waiting-state.js';
import { readCache } from '../read-cache.js';
import { getSettings } from '../../db/repositories/settings.js';
import { nextForumSession, waitingItems } from '../../db/repositories/feedback-workflow.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const feedbackWaitingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/feedback/waiting',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], querystring: waitingQuery, response: { 200: waitingPage, 400: problem } },
      // Workers all see flagged items; the class is named anyway in case access ever widens.
      ...readCache(app, { vary: (request) => (seesSafeguarding(request.user?.role) ? 'flagged' : 'unflagged') }),
    },
    async (request) => {
      const q = request.query;
      const settings = getSettings(app.db);
      const day = app.today();
      const { items, total } = await waitingItems(app.db, q);
      return {
        items: await Promise.all(
          items.map(async (item) => {
            const next =
              item.response !== null && item.forumId && item.respondedOn
                ? await nextForumSession(app.db, item.forumId, item.respondedOn, day)
                : null;
            return { item, ...waitingState(item, day, settings.answerTargetDays, next) };
          }),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
        answerTargetDays: settings.answerTargetDays,
      };
    },
  );
};

export default feedbackWaitingRoutes;
