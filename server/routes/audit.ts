// The audit trail: admins search all of it; anyone may read the history of a record they may read,
// as history-seen.ts shows it to them (names, not emails; children's words masked unless a worker).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { auditPage, auditQuery, historyParams, pageQuery, problem } from '../contracts/index.js';
import { z } from 'zod';
import { forbidden, notFound } from '../errors.js';
import { historySeenBy } from '../services/history-seen.js';
import { withWords } from '../services/audit-words.js';
import { feedbackFlag, listAudit } from '../../db/repositories/audit-read.js';

const ADMIN_ONLY_ENTITIES = new Set(['user', 'session']);

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: ['admin'] },
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditPage } },
    },
    async (request) => {
      const page = await listAudit(app.db, request.query);
      // Admins only, who see everything; names are added for them as for everyone.
      return { ...page, items: await withWords(app.db, await historySeenBy(app.db, request.user?.role, page.items)) };
    },
  );

  app.get(
    '/history/:entity/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['audit'],
        params: historyParams,
        querystring: z.object(pageQuery),
        response: { 200: auditPage, 403: problem, 404: problem },
      },
    },
    async (request) => {
      const { entity, id } = request.params;
      const role = request.user!.role;
      if (ADMIN_ONLY_ENTITIES.has(entity) && role !== 'admin') throw forbidden();
      if (entity === 'feedback' && !seesSafeguarding(role)) {
        // Safeguarding-flagged feedback does not exist for other roles, and nor does its history.
        if ((await feedbackFlag(app.db, Number(id))) !== false) throw notFound('Feedback');
      }
      const page = await listAudit(app.db, {
        entity,
        entityId: id,
        page: request.query.page,
        pageSize: request.query.pageSize,
      });
      // In words after masking: what a reader may not see never reaches the words.
      return { ...page, items: await withWords(app.db, await historySeenBy(app.db, role, page.items, entity), entity) };
    },
  );
};

export default auditRoutes;
