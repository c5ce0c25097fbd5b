// Loop measures: how well the loop with children is being closed, by forum, theme or quarter.
// Every signed-in role may read them; flagged items count only for those who may see them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { loopMeasures, loopMeasuresQuery, problem } from '../contracts/index.js';
import { groupLoop, loopRow } from '../services/loop-measures.js';
import { getSettings } from '../../db/repositories/settings.js';
import { loopSource } from '../../db/repositories/feedback-workflow.js';
import { listThemes } from '../../db/repositories/themes.js';

const loopMeasureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/feedback/loop-measures',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['feedback'],
        querystring: loopMeasuresQuery,
        response: { 200: loopMeasures, 400: problem },
      },
    },
    async (request) => {
      const { by, heardFrom, heardTo } = request.query;
      const settings = getSettings(app.db);
      const day = app.today();
      const rows = await loopSource(app.db, { heardFrom, heardTo }, seesSafeguarding(request.user?.role));
      const forumNames = new Map(settings.forums.map((f) => [f.id, f.name]));
      const themeNames = new Map((await listThemes(app.db, true)).map((t) => [String(t.id), t.name]));
      const label = (key: string) => {
        if (by === 'quarter') return key;
        if (key === '') return by === 'forum' ? 'Not from a forum' : 'Not linked to a promise';
        return (by === 'forum' ? forumNames.get(key) : themeNames.get(key)) ?? key;
      };
      return {
        by,
        answerTargetDays: settings.answerTargetDays,
        rows: groupLoop(rows, by, label, day, settings.answerTargetDays),
        total: loopRow('all', 'All feedback', rows, day, settings.answerTargetDays),
      };
    },
  );
};

export default loopMeasureRoutes;
