// Privacy over a child's lifetime: erasing an item's words (participation workers and admins),
// the council's retention period and a staff member's subject access export (admins).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  eraseWords,
  feedbackItem,
  idParam,
  problem,
  retention,
  retentionUpdate,
  subjectAccessExport,
  type Role,
} from '../contracts/index.js';
import { invalid, notFound } from '../errors.js';
import { dueNow, eraseOnRequest, forgetFreedPages, reasonRepeatsWords } from '../services/erasure.js';
import { getSettings, updateSettings } from '../../db/repositories/settings.js';
import { subjectAccess } from '../../db/repositories/subject-access.js';
import { writeScope } from '../../db/repositories/write.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/feedback/:id/erase',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['privacy'],
        params: idParam,
        body: eraseWords,
        response: { 200: feedbackItem, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { version, reason } = request.body;
      const { item } = await eraseOnRequest(
        app.db,
        request.actor,
        request.params.id,
        version,
        reason,
        app.clock.now(),
        (current) => {
          if (reasonRepeatsWords(reason, current))
            throw invalid([
              { path: 'body.reason', message: 'Say why without repeating the words: the reason is kept' },
            ]);
        },
      );
      // Once the erasure is on disk, fold the WAL into the file and truncate it: the old pages go.
      // A failed commit is answered by the group-commit plugin (503), which awaits the same promise.
      const saved = await writeScope.getStore()?.committed?.then(
        () => true,
        () => false,
      );
      if (saved !== false) await forgetFreedPages(app.db);
      return item;
    },
  );

  app.get(
    '/privacy/retention',
    {
      config: { access: ['admin'] },
      schema: { tags: ['privacy'], response: { 200: retention } },
    },
    async () => {
      const s = getSettings(app.db);
      return { retentionMonths: s.retentionMonths, version: s.version, dueNow: await dueNow(app.db, app.clock.now()) };
    },
  );

  app.put(
    '/privacy/retention',
    {
      config: { access: ['admin'] },
      schema: { tags: ['privacy'], body: retentionUpdate, response: { 200: retention, 400: problem, 409: problem } },
    },
    async (request) => {
      const { version, retentionMonths } = request.body;
      const row = await updateSettings(app.db, request.actor, version, () => ({ retentionMonths }));
      return {
        retentionMonths: row.retentionMonths,
        version: row.version,
        dueNow: await dueNow(app.db, app.clock.now()),
      };
    },
  );

  app.get(
    '/users/:id/export',
    {
      config: { access: ['admin'] },
      schema: { tags: ['privacy'], params: idParam, response: { 200: subjectAccessExport, 404: problem } },
    },
    async (request, reply) => {
      const found = await subjectAccess(app.db, request.params.id, app.clock.now());
      if (!found) throw notFound('User');
      void reply.header('Content-Disposition', `attachment; filename="user-${found.account.id}-export.json"`);
      return found;
    },
  );
};

export default privacyRoutes;
